"""JSON: the briefing record as it is (``Briefing.to_dict``), matching ``briefing schema``."""

from __future__ import annotations

import json

from ..records import Briefing


def render_json(briefing: Briefing) -> str:
    """The briefing as JSON (UTF-8 text, Chinese kept readable)."""
    return json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2) + "\n"
