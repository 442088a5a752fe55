"""The README's promises under bad input and faults (issue 13): one test per broken promise."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd=None, timeout: float = 120):
    environment = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run([sys.executable, "-m", "briefing", *args], input=stdin, capture_output=True,
                          timeout=timeout, env=environment, cwd=cwd or ROOT)


def test_batch_help_names_the_briefing_table():
    result = cli("batch", "--help")
    assert result.returncode == 0
    assert b"with a [briefing] table" in result.stdout


SAMPLE = ROOT / "samples" / "linjiang-daily-2024-03-12.txt"


def one_line_error(result, status: int = 2) -> str:
    """The single line a failed command writes to standard error (no traceback)."""
    err = result.stderr.decode()
    assert result.returncode == status, err
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")


@needs_dev_full
@pytest.mark.parametrize("command", [["split"], ["build"], ["build", "-f", "json"], ["summarize", "-f", "jsonl"]])
def test_a_failed_write_to_standard_output_is_one_line_and_exit_2(command):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "briefing", *command, str(SAMPLE)], stdout=full,
                                stderr=subprocess.PIPE, timeout=120, cwd=ROOT)
    assert "cannot write to standard output" in one_line_error(result)


@pytest.mark.parametrize("value", ["verbose", "", "  ", "5"])
def test_an_unknown_log_level_is_a_warning_and_the_default(value):
    result = cli("schema", env={"BRIEFING_LOG_LEVEL": value})
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert json.loads(result.stdout)
    if value.strip():
        assert result.stderr.decode().count("\n") == 1 and "BRIEFING_LOG_LEVEL" in result.stderr.decode()
