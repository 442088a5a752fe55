"""The CLI as a hostile user meets it: every command against every class of bad input.

Each case runs ``python -m briefing`` as a subprocess in a folder of its own and checks the
README's promise: exit status 2 (batch: the issue recorded as failed, exit 1), one line on
standard error and no traceback, nothing on standard output, and no output file, partial or
temporary, left behind. The subprocesses of the whole table run a few at a time when the module
starts, so the table stays affordable in the default suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "linjiang-daily-2024-03-12.txt"
GOOD = {
    "id": "a1",
    "title": "临江新区开通三条公交线路",
    "body": ["市交通局昨日宣布，新区三条公交线路本月开通，方便居民出行。"],
}
CONFIG = """[smtp]
host = "localhost"
port = 1
security = "none"
from = "briefing@example.com"
to = ["desk@example.com"]
[delivery]
ledger = "{ledger}"
"""


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


def article(**change: object) -> bytes:
    return jsonl(GOOD, {**GOOD, "id": "a2", **change})


# name -> (file name, how to make it under the input folder); None: the input does not exist.
Maker = Callable[[Path], None]


def _write(name: str, data: bytes) -> tuple[str, Maker]:
    return name, lambda path: path.write_bytes(data)


def _sparse(size: int) -> Maker:
    def make(path: Path) -> None:
        with open(path, "wb") as handle:
            handle.truncate(size)

    return make


def _folder(*files: tuple[str, bytes]) -> Maker:
    def make(path: Path) -> None:
        path.mkdir()
        for name, data in files:
            (path / name).write_bytes(data)

    return make


def _fifo(path: Path) -> None:
    os.mkfifo(path)


BAD_INPUTS: dict[str, tuple[str, Maker | None]] = {
    "missing": ("issue.txt", None),
    "empty": _write("issue.txt", b""),
    "blank": _write("issue.txt", b" \n\t\n \r\n"),
    "binary-nul": _write("issue.txt", b"\x00\x01\x02binary\x00" * 64),
    "png-as-txt": _write(
        "issue.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    ),
    "undecodable": _write("issue.txt", b"\x80\x81\xfe\xfd \xc3\x28 \xa0\xa1\xff" * 20),
    "utf16-bom-binary": _write("issue.txt", b"\xff\xfe" + bytes(range(256)) * 8),
    "utf16-no-bom": _write("issue.txt", SAMPLE.read_text(encoding="utf-8").encode("utf-16-le")),
    "too-large": ("issue.txt", _sparse(21 * 2**20)),
    "fifo": ("issue.txt", _fifo),
    "empty-folder": ("pages", _folder()),
    "folder-no-pages": (
        "pages",
        _folder(("scan.png", b"\x89PNG\r\n\x1a\n"), ("notes.docx", b"PK\x03\x04")),
    ),
    "jsonl-not-json": _write("a.jsonl", jsonl(GOOD) + b"{not json\n"),
    "jsonl-array": _write("a.jsonl", jsonl(GOOD, [1, 2])),
    "jsonl-no-articles": _write("a.jsonl", b"\n \n"),
    "jsonl-missing-text": _write("a.jsonl", jsonl(GOOD, {"id": "a2", "title": "标题"})),
    "jsonl-text-number": _write("a.jsonl", jsonl(GOOD, {"id": "a2", "text": 5})),
    "jsonl-duplicate-id": _write("a.jsonl", jsonl(GOOD, GOOD)),
    "jsonl-kicker-number": _write("a.jsonl", article(kicker=5)),
    "jsonl-body-numbers": _write("a.jsonl", article(body=[1, 2])),
    "jsonl-body-string": _write("a.jsonl", article(body="正文")),
    "jsonl-subheads-number": _write("a.jsonl", article(subheads=7)),
    "jsonl-topic-no-score": _write("a.jsonl", article(topic={"label": "经济"})),
    "jsonl-topic-string": _write("a.jsonl", article(topic="经济")),
    "jsonl-summary-no-method": _write("a.jsonl", article(summary={"text": "摘要"})),
    "jsonl-id-object": _write("a.jsonl", article(id={"x": 1})),
    "jsonl-id-list": _write("a.jsonl", article(id=[1])),
    "jsonl-lines-string": _write("a.jsonl", article(lines="1-3")),
    "jsonl-boxes-strings": _write("a.jsonl", article(boxes=[["a", "b", "c", "d"]])),
    "jsonl-title-generated-string": _write("a.jsonl", article(title_generated="yes")),
    "jsonl-lone-surrogate": _write(
        "a.jsonl", jsonl(GOOD) + b'{"id": "a2", "text": "\\ud800\xe6\xad\xa3\xe6\x96\x87"}\n'
    ),
    "jsonl-deep-nesting": _write("a.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n"),
    "pdf-is-png": _write("page-01.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    "pdf-corrupt": _write("page-01.pdf", b"%PDF-1.4\n this is not really a pdf \x00\x01"),
}

# Commands that take one issue: exit 2 on bad input. {input}, {out} and {config} are filled in.
COMMANDS: dict[str, list[str]] = {
    "split": ["split", "{input}", "-f", "md"],
    "classify": ["classify", "{input}"],
    "summarize": ["summarize", "{input}", "-f", "jsonl"],
    "build": ["build", "{input}", "-f", "docx", "-o", "{out}/briefing.docx"],
    "send": ["send", "{input}", "-c", "{config}", "--dry-run", "-o", "{out}/briefing.eml"],
}
# batch goes on past a bad issue: it is recorded as failed and the batch exits 1.
BATCH = ["batch", "{input}", "-o", "{out}", "-w", "0", "-q"]


@dataclass
class Case:
    command: str
    bad: str
    folder: Path
    result: subprocess.CompletedProcess | None = None


def _prepare(case: Case) -> list[str]:
    name, make = BAD_INPUTS[case.bad]
    inputs, out = case.folder / "in", case.folder / "out"
    inputs.mkdir(parents=True)
    out.mkdir()
    if make is not None:
        make(inputs / name)
    config = case.folder / "briefing.toml"
    config.write_text(CONFIG.format(ledger=case.folder / "ledger.sqlite3"), encoding="utf-8")
    template = BATCH if case.command == "batch" else COMMANDS[case.command]
    return [arg.format(input=inputs / name, out=out, config=config) for arg in template]


def _run(case: Case) -> Case:
    args = _prepare(case)
    environment = {**os.environ, "COLUMNS": "200"}
    environment.pop("BRIEFING_DEBUG", None)
    try:
        case.result = subprocess.run(
            [sys.executable, "-m", "briefing", *args],
            capture_output=True,
            timeout=60,
            env=environment,
            cwd=case.folder,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:  # a read that blocks (a FIFO) is a broken promise too
        case.result = subprocess.CompletedProcess(exc.cmd, -9, b"", b"timed out after 60 s")
    return case


def _skip_reason(bad: str) -> str | None:
    if bad == "fifo" and not hasattr(os, "mkfifo"):
        return "no FIFOs here"
    if bad.startswith("pdf-"):
        try:
            import pymupdf  # noqa: F401
        except ImportError:
            return "the [pdf] extra is not installed"
    return None


NAMES = [*COMMANDS, "batch"]
TABLE = [(command, bad) for bad in BAD_INPUTS for command in NAMES]


def _params() -> list:
    """The whole table; the default run takes each bad input through one command (a different
    one from class to class, so every command meets several), `-m slow` the rest."""
    params = []
    for row, bad in enumerate(BAD_INPUTS):
        for column, command in enumerate(NAMES):
            marks = () if (row + column) % len(NAMES) == 0 else (pytest.mark.slow,)
            params.append(pytest.param(command, bad, marks=marks, id=f"{command}:{bad}"))
    return params


@pytest.fixture(scope="module")
def results(request, tmp_path_factory) -> dict[tuple[str, str], Case]:
    # Run the cases this session selected, a few subprocesses at a time.
    selected = [
        item.callspec.params
        for item in request.session.items
        if item.module is request.module and hasattr(item, "callspec")
    ]
    cases = [
        Case(p["command"], p["bad"], tmp_path_factory.mktemp(f"{p['command']}-{p['bad']}"))
        for p in selected
        if not _skip_reason(p["bad"])
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return {(case.command, case.bad): case for case in pool.map(_run, cases)}


def _files(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_fifo()
    )


@pytest.mark.parametrize(("command", "bad"), _params())
def test_bad_input_keeps_the_promise(results, command, bad):
    reason = _skip_reason(bad)
    if reason:
        pytest.skip(reason)
    case = results[(command, bad)]
    result = case.result
    err = result.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err, err
    assert result.stdout == b"", "standard output carries data only, and there is none"
    out = case.folder / "out"
    if command == "batch":
        lines = err.strip().splitlines()
        if bad == "empty-folder":  # an empty archive is an empty batch, not an error
            assert result.returncode == 0 and "of 0" in err, err
            return
        if (
            result.returncode == 2
        ):  # nothing to build at all (not an issue, no issue in the folder): refused up front
            assert len(lines) == 1 and lines[0].startswith("briefing: error: "), err
            return
        assert result.returncode == 1, err
        assert any(line.startswith("failed: ") for line in lines), err
        records = [
            json.loads(line)
            for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        assert [r["status"] for r in records] == ["failed"] and records[0]["error"]
        assert _files(out) == ["index.jsonl"], "no output, partial or temporary, for a failed issue"
        return
    assert result.returncode == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: error: "), err
    assert _files(out) == [], "no output, partial or temporary"
    inputs = case.folder / "in"
    assert not [name for name in _files(inputs) if name.endswith((".tmp", ".eml"))], (
        "nothing written beside the input"
    )
