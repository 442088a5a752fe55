"""briefing.text: the small text utilities the stages share."""

from __future__ import annotations

import pytest

from briefing.text import ends_sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议在北京举行。", True),
        ("他说：“我们会来的！”", True),
        ("会议在北京举行。（新华社北京1月4日电）", True),
        ("图为会场。(张三摄)  ", True),  # white space after the note
        ("会议在北京举行。\u3000", True),
        ("会议在北京举行", False),
        ("会议在北京举行，", False),
        ("（张三）", False),  # a note alone ends nothing
        ("他说“好”", False),  # a closer without a stop before it
        ("   ", False),
        ("", False),
    ],
)
def test_ends_sentence_reads_closers_notes_and_white_space(text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected
