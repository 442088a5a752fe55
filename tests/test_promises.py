"""The README's promises under bad input and faults (issue 13): one test per broken promise."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def cli(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd=None, timeout: float = 120):
    environment = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run([sys.executable, "-m", "briefing", *args], input=stdin, capture_output=True,
                          timeout=timeout, env=environment, cwd=cwd or ROOT)


def test_batch_help_names_the_briefing_table():
    result = cli("batch", "--help")
    assert result.returncode == 0
    assert b"with a [briefing] table" in result.stdout
