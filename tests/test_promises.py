"""The README's promises under bad input and faults (issue 13): one test per broken promise."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[1]


def cli(
    *args: str, stdin: bytes | None = None, env: dict | None = None, cwd=None, timeout: float = 120
):
    environment = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=environment,
        cwd=cwd or ROOT,
    )


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
@pytest.mark.parametrize(
    "command", [["split"], ["build"], ["build", "-f", "json"], ["summarize", "-f", "jsonl"]]
)
def test_a_failed_write_to_standard_output_is_one_line_and_exit_2(command):
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "briefing", *command, str(SAMPLE)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            cwd=ROOT,
        )
    assert "cannot write to standard output" in one_line_error(result)


@pytest.mark.parametrize("value", ["verbose", "", "  ", "5"])
def test_an_unknown_log_level_is_a_warning_and_the_default(value):
    result = cli("schema", env={"BRIEFING_LOG_LEVEL": value})
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert json.loads(result.stdout)
    if value.strip():
        assert (
            result.stderr.decode().count("\n") == 1
            and "BRIEFING_LOG_LEVEL" in result.stderr.decode()
        )


# -- article records are checked once, where they are read ----------------------------------

GOOD_RECORD = {
    "id": "a1",
    "title": "临江新区开通公交线路",
    "body": ["市交通局昨日宣布，新区三条公交线路本月开通。"],
}
BAD_FIELDS = [
    ({"kicker": 5}, "'kicker'"),
    ({"body": [1, 2]}, "'body[0]'"),
    ({"subheads": 7}, "'subheads'"),
    ({"topic": {"label": "经济"}}, "'topic.score'"),
    ({"summary": {"text": "摘要"}}, "'summary.method'"),
    ({"id": {"x": 1}}, "'id'"),
    ({"lines": "1-3"}, "'lines'"),
    ({"boxes": [[0, 0, "x", 1]]}, "'boxes[0][2]'"),
    ({"title_generated": "yes"}, "'title_generated'"),
    ({"topic": {"label": "经济", "score": "high"}}, "'topic.score'"),
]


@pytest.mark.parametrize(("change", "field"), BAD_FIELDS, ids=[f for _, f in BAD_FIELDS])
def test_a_type_wrong_article_field_is_an_input_error_with_file_line_and_field(
    tmp_path, change, field
):
    from briefing import InputError, read_articles

    path = tmp_path / "articles.jsonl"
    path.write_text(
        json.dumps(GOOD_RECORD, ensure_ascii=False)
        + "\n"
        + json.dumps({**GOOD_RECORD, "id": "a2", **change})
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_articles(path)
    assert str(caught.value).startswith(f"{path}:2: {field}")


@pytest.mark.parametrize(
    "command", [["split"], ["classify"], ["summarize"], ["build"], ["build", "-f", "html"]]
)
def test_a_type_wrong_record_is_one_line_and_exit_2_from_every_command(tmp_path, command):
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({**GOOD_RECORD, "kicker": 5}) + "\n", encoding="utf-8")
    result = cli(*command, str(path))
    assert one_line_error(result).startswith(f"briefing: error: {path}:1: 'kicker'")
    assert result.stdout == b""


def test_a_lone_surrogate_in_jsonl_is_rejected_like_undecodable_input(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text('{"id": "a1", "title": "标题", "text": "正文\\ud800。"}\n', encoding="utf-8")
    result = cli("build", "-f", "txt", str(path))
    assert "surrogate" in one_line_error(result) and result.stdout == b""


CONTROLS = "\x1b[2J\x1b]0;pwned\x07\x07\x00\x9b31m\x85\x7f"


@pytest.mark.parametrize("fmt", ["txt", "md", "json", "html"])
def test_control_characters_never_reach_the_output(tmp_path, fmt):
    path = tmp_path / "articles.jsonl"
    record = {
        "id": "a1",
        "title": f"临江{CONTROLS}新区开通公交线路",
        "text": f"市交通局昨日宣布{CONTROLS}，新区三条公交线路本月开通。",
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = cli("build", "-f", fmt, str(path))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    assert not [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F]
    assert "pwned" not in text and "\\u001b" not in text


def test_control_characters_in_a_text_issue_are_removed_when_read(tmp_path):
    from briefing import read_issue

    path = tmp_path / "issue.txt"
    path.write_bytes(SAMPLE.read_bytes().replace("。".encode(), "。\x1b[31m".encode(), 3))
    text = read_issue(path).text
    assert "\x1b" not in text and "[31m" not in text


def test_bidi_overrides_are_neutralised_in_html(tmp_path):
    path = tmp_path / "articles.jsonl"
    record = {
        "id": "a1",
        "title": "临江\u202e新区开通公交线路\u202c",
        "text": "市交通局昨日宣布\u2066，新区三条公交线路本月开通。\u2069",
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = cli("build", "-f", "html", str(path))
    assert result.returncode == 0, result.stderr
    assert not any(
        ch in result.stdout.decode()
        for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["split", str(SAMPLE)],
        ["classify", str(SAMPLE)],
        ["summarize", str(SAMPLE)],
        ["build", str(SAMPLE)],
        ["models"],
        ["eval", "titles", str(SAMPLE)],
    ],
)
def test_an_unknown_format_is_the_same_one_line_error_from_every_command(command):
    result = cli(*command, "--format", "xml")
    assert one_line_error(result).startswith("briefing: error: unknown format 'xml'; available: ")
    assert result.stdout == b""


# -- Markdown: a backslash only where CommonMark reads markup -------------------------------

LINE_STARTS = [
    "3.15消费者权益日",
    "3.15 消费者权益日",
    "1.2万人次参加",
    "2024.3.12 发布",
    "3. 第三条",
    "12) 十二",
    "1.",
    "- 列表",
    "-5%的降幅",
    "+ 加号",
    "+86 电话",
    "---",
    "===",
    "* 星号",
    "# 井号",
    "> 引用",
    "1234567890. 十位数",
    "【3.15】",
    "[链接](http://x)",
    "<b>粗</b>",
    "a_b_c",
    "`代码`",
    "& 符号",
]


@pytest.mark.parametrize("text", LINE_STARTS)
def test_markdown_escapes_exactly_what_commonmark_would_read_as_markup(text):
    from markdown_it import MarkdownIt

    from briefing.render.markdown import escape_md

    escaped = escape_md(text)
    tokens = MarkdownIt("commonmark").parse(escaped)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], escaped
    inline = tokens[1].children
    assert [t.type for t in inline] == ["text"] * len(inline), (
        escaped
    )  # no emphasis, link, code, html
    assert (
        "".join(t.content for t in inline) == text
    )  # what a reader sees: the text, no stray backslash


# -- which files make an issue: one definition for build, split, batch, watch and send -------


def _pdf_pages(folder, count: int = 2):
    pytest.importorskip("pymupdf")
    pytest.importorskip("reportlab")
    from test_pdf import draw_page

    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        draw_page(folder / f"page-{n:02d}.pdf", page_no=n)
    return folder


def test_batch_builds_a_folder_of_page_pdfs(tmp_path):
    from briefing.jobs.batch import run_batch

    pages = _pdf_pages(tmp_path / "epaper")
    (pages / "README.txt").write_text("not a page of this issue", encoding="utf-8")
    report = run_batch([pages], output_dir=tmp_path / "out", workers=0, pages_per_dir=True)
    assert (report.total, report.done, report.failed) == (1, 1, [])
    each = run_batch([pages], output_dir=tmp_path / "out2", workers=0)
    assert {
        Path(r["source"]).suffix
        for r in map(json.loads, (tmp_path / "out2" / "index.jsonl").read_text().splitlines())
    } >= {".pdf"}
    assert each.total == 3  # each issue file is an issue: two page PDFs and the text file


def test_watch_takes_page_pdfs_and_folders_of_them(tmp_path):
    from briefing.deliver.watch import Watcher
    from deliver_helpers import make_config

    inbox = tmp_path / "inbox"
    _pdf_pages(inbox / "today")
    _pdf_pages(inbox, 1)

    watcher = Watcher(inbox, config=make_config(None, tmp_path))
    assert [p.name for p in watcher.candidates() if watcher.signature(p)] == [
        "page-01.pdf",
        "today",
    ]


@pytest.mark.parametrize(
    "command",
    [["batch", "-o", "{out}", "{dir}"], ["batch", "--pages-per-dir", "-o", "{out}", "{dir}"]],
)
def test_a_batch_that_finds_no_issue_in_a_non_empty_folder_says_so(tmp_path, command):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "cover.gif").write_bytes(
        b"GIF89a" + b"\0" * 64
    )  # page images (.png, .jpg, ...) are issues: OCR
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    args = [a.format(out=tmp_path / "out", dir=folder) for a in command]
    result = cli(*args, "-q")
    assert "no issue found" in one_line_error(result) and result.stdout == b""


def test_a_watch_that_finds_no_issue_in_a_non_empty_folder_says_so(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "cover.gif").write_bytes(
        b"GIF89a" + b"\0" * 64
    )  # page images (.png, .jpg, ...) are issues: OCR
    config = tmp_path / "briefing.toml"
    config.write_text(
        '[smtp]\nhost = "localhost"\nport = 1\nsecurity = "none"\nfrom = "a@example.com"\n'
        f'to = ["b@example.com"]\n[delivery]\nledger = "{tmp_path / "ledger.sqlite3"}"\n',
        encoding="utf-8",
    )
    result = cli("watch", str(folder), "-c", str(config), "--polls", "1", "--interval", "0.05")
    assert "no issue found" in one_line_error(result)


def test_one_issue_fingerprint_for_batch_and_delivery(tmp_path):
    from briefing.jobs.inputs import BatchJob, content_fingerprint
    from briefing.read.files import issue_fingerprint

    pages = tmp_path / "issue"
    pages.mkdir()
    (pages / "p1.txt").write_bytes(SAMPLE.read_bytes())
    before = issue_fingerprint(pages, paper="临江日报")
    (pages / "notes.docx").write_bytes(b"PK")  # not a page: the issue is the same
    assert issue_fingerprint(pages, paper="临江日报") == before
    assert content_fingerprint(BatchJob("k", str(pages), paper="临江日报")) == before[:32]
    (pages / "p2.txt").write_bytes(SAMPLE.read_bytes())
    assert issue_fingerprint(pages, paper="临江日报") != before


# -- batch faults: killed, stopped, full disk, read-only output, a damaged index -------------

TESTS = Path(__file__).resolve().parent
needs_proc = pytest.mark.skipif(
    not os.path.isdir("/proc/self"), reason="needs /proc to find worker processes"
)


def archive(root: Path, count: int) -> Path:
    for n in range(count):
        day = root / f"d{n // 5:02d}"
        day.mkdir(parents=True, exist_ok=True)
        (day / f"p{n % 5}.txt").write_bytes(SAMPLE.read_bytes() + f"\n第{n}期\n".encode())
    return root


def faulty_cli(fault: str, *args: str, timeout: float = 120):
    env = {
        **os.environ,
        "BRIEFING_TEST_FAULT": fault,
        "PYTHONPATH": os.pathsep.join([str(TESTS), str(ROOT)]),
    }
    return subprocess.run(
        [sys.executable, "-c", "import faults; faults.main()", *args],
        capture_output=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
    )


def alive_children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (zombies, which are gone but not yet reaped, left out)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] != "Z" and int(fields[1]) == pid:
                found.add(int(entry))
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


def check_index(out: Path) -> dict[str, dict]:
    """Every line of the index is a record (a torn last line aside), and every output an ok
    record names is there and complete."""
    from briefing.jobs.batch import read_index

    records = read_index(out / "index.jsonl")
    for record in records.values():
        if record["status"] == "ok":
            for name in record["outputs"]:
                json.loads((out / name).read_text(encoding="utf-8"))
    return records


def start_batch(src: Path, out: Path, workers: int = 2) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "briefing",
            "batch",
            str(src),
            "-o",
            str(out),
            "-w",
            str(workers),
            "-q",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_for_workers(
    process: subprocess.Popen, count: int, timeout: float = 60, finished_ok: bool = False
) -> set[int]:
    """The batch's worker processes once ``count`` are up; with ``finished_ok``, an empty set
    when the batch ended well before that (it had nothing left to do)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        children = alive_children(process.pid)
        if len(children) >= count:
            return children
        time.sleep(0.05)
    if finished_ok and process.poll() == 0:
        return set()
    raise AssertionError("the batch started no workers")


def wait_gone(pids: set[int], timeout: float = 15) -> set[int]:
    deadline = time.monotonic() + timeout
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)


@needs_proc
def test_workers_exit_when_the_batch_is_killed_and_a_rerun_completes(tmp_path):
    import random

    # Enough issues that a kill at a random moment in the first half second finds the batch
    # running on a quiet machine too (a fast one finished 30 issues before the second kill).
    issues = 90
    src, out = archive(tmp_path / "in", issues), tmp_path / "out"
    rng = random.Random(13)
    killed_running = 0
    for _ in range(3):  # kill -9 of the driver alone, at a random moment after the workers start
        process = start_batch(src, out)
        if not wait_for_workers(process, 2, finished_ok=True):
            break  # nothing was left to do: an earlier batch finished before its kill
        workers = alive_children(process.pid)
        time.sleep(rng.uniform(0.0, 0.5))
        workers |= alive_children(
            process.pid
        )  # every worker (and the resource tracker) at the kill
        killed_running += process.poll() is None
        process.kill()
        process.wait()
        assert wait_gone(workers) == set(), "worker processes outlived the killed batch"
        check_index(out)
    assert killed_running, "every batch had finished before its kill: give the test more issues"
    rerun = cli("batch", str(src), "-o", str(out), "-w", "0", "-q")
    assert rerun.returncode == 0, rerun.stderr
    records = check_index(out)
    assert len(records) == issues and all(r["status"] == "ok" for r in records.values())
    assert not list(out.rglob("*.tmp"))


@needs_proc
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_and_sigint_stop_the_batch_cleanly(tmp_path, signum):
    src, out = archive(tmp_path / "in", 30), tmp_path / "out"
    process = start_batch(src, out)
    workers = wait_for_workers(process, 2)
    deadline = time.monotonic() + 60
    while not (out / "index.jsonl").exists() or not (out / "index.jsonl").read_text().count("\n"):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)
    os.kill(process.pid, signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, err
    assert (
        "Traceback" not in err.decode()
        and f"stopped by {signal.Signals(signum).name}" in err.decode()
    )
    assert wait_gone(workers) == set()
    records = check_index(out)
    assert 0 < len(records) < 30
    rerun = cli("batch", str(src), "-o", str(out), "-w", "0", "-q")
    assert rerun.returncode == 0 and len(check_index(out)) == 30


def test_a_torn_last_index_line_is_tolerated_and_the_next_record_starts_a_line(tmp_path):
    from briefing.jobs.batch import run_batch

    src, out = archive(tmp_path / "in", 3), tmp_path / "out"
    run_batch([src], output_dir=out, workers=0)
    index = out / "index.jsonl"
    lines = index.read_bytes().splitlines(keepends=True)
    index.write_bytes(
        b"".join(lines[:-1]) + lines[-1][: len(lines[-1]) // 2].rstrip(b"\n")
    )  # killed mid-write
    (src / "d00" / "p9.txt").write_bytes(SAMPLE.read_bytes())
    report = run_batch([src], output_dir=out, workers=0)
    assert (report.skipped, report.done) == (2, 2)  # the torn issue is built again, and the new one
    assert len(check_index(out)) == 4


def test_a_torn_index_line_cut_inside_a_character_is_tolerated(tmp_path):
    from briefing.jobs.batch import read_index

    index = tmp_path / "index.jsonl"
    index.write_bytes('{"key": "a", "status": "ok"}\n{"key": "b", "paper": "临'.encode()[:-1])
    assert list(read_index(index)) == ["a"]


@pytest.mark.parametrize("damage", ["directory", "undecodable"])
def test_a_damaged_index_is_one_line_and_exit_2(tmp_path, damage):
    src, out = archive(tmp_path / "in", 2), tmp_path / "out"
    out.mkdir()
    index = out / "index.jsonl"
    if damage == "directory":
        index.mkdir()
    else:
        index.write_bytes(b"\xff\xfe\x00garbage\n" + b'{"key": "x"}\n')
    result = cli("batch", str(src), "-o", str(out), "-w", "0", "-q")
    assert "index" in one_line_error(result) and result.stdout == b""


def test_a_record_glued_onto_a_torn_line_is_rebuilt_not_fatal(tmp_path):
    from briefing.jobs.batch import run_batch

    src, out = archive(tmp_path / "in", 3), tmp_path / "out"
    run_batch([src], output_dir=out, workers=0)
    index = out / "index.jsonl"
    first, second, third = index.read_bytes().splitlines(keepends=True)
    index.write_bytes(first[:20] + second + third)  # what an older version left after a kill
    report = run_batch([src], output_dir=out, workers=0)
    assert (report.skipped, report.done, report.failed) == (
        1,
        2,
        [],
    )  # the glued line's two issues rebuilt


@needs_dev_full
def test_a_read_only_output_is_one_line_and_exit_2(tmp_path):
    src, out = archive(tmp_path / "in", 2), tmp_path / "out"
    for target in (out, tmp_path / "existing"):
        result = faulty_cli(
            f"erofs:{target}", "batch", str(src), "-o", str(target), "-w", "0", "-q"
        )
        assert "Read-only file system" in one_line_error(result)
    (tmp_path / "existing").mkdir()
    result = faulty_cli(
        f"erofs:{tmp_path / 'existing'}",
        "batch",
        str(src),
        "-o",
        str(tmp_path / "existing"),
        "-w",
        "0",
        "-q",
    )
    assert "Read-only file system" in one_line_error(result)
    assert list((tmp_path / "existing").iterdir()) == []


@needs_dev_full
def test_a_full_disk_stops_the_batch_without_a_traceback_and_a_rerun_finishes(tmp_path):
    src, out = archive(tmp_path / "in", 4), tmp_path / "out"
    result = faulty_cli(f"enospc:{out}", "batch", str(src), "-o", str(out), "-w", "0", "-q")
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err and "No space left on device" in err
    assert not [
        p for p in out.rglob("*") if p.is_file() and p.name != "index.jsonl"
    ]  # no partial output
    rerun = cli("batch", str(src), "-o", str(out), "-w", "0", "-q")
    assert rerun.returncode == 0 and len(check_index(out)) == 4


# -- -o files: as a normal write leaves them, never an input, never a special file ----------


def test_output_files_honour_the_umask_and_keep_an_existing_mode(tmp_path):
    from briefing.output import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.md", "x")
        assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o644
        os.umask(0o077)
        write_atomic(tmp_path / "private.md", "x")
        assert (tmp_path / "private.md").stat().st_mode & 0o777 == 0o600
        (tmp_path / "new.md").chmod(0o640)
        write_atomic(tmp_path / "new.md", "y")
        assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o640 and (
            tmp_path / "new.md"
        ).read_text() == "y"
    finally:
        os.umask(old)


def test_an_output_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path):
    from briefing.output import write_atomic

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "briefing.md").write_text("old")
    link = tmp_path / "latest.md"
    link.symlink_to(tmp_path / "real" / "briefing.md")
    write_atomic(link, "new")
    assert link.is_symlink() and (tmp_path / "real" / "briefing.md").read_text() == "new"
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_device_is_never_replaced_by_an_output(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, Path(os.devnull)):
        result = cli("build", str(SAMPLE), "-o", str(target), timeout=60)
        assert "not a regular file" in one_line_error(result)
    assert fifo.exists() and not fifo.is_file()


def test_an_output_that_is_an_input_is_refused(tmp_path):
    issue = tmp_path / "issue.txt"
    issue.write_bytes(SAMPLE.read_bytes())
    for output in (issue, tmp_path / "link.txt"):
        if output.name == "link.txt":
            output.symlink_to(issue)
        result = cli("build", str(issue), "-o", str(output))
        assert "is also an input" in one_line_error(result)
    assert issue.read_bytes() == SAMPLE.read_bytes()
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p1.txt").write_bytes(SAMPLE.read_bytes())
    result = cli("build", str(pages), "-f", "txt", "-o", str(pages / "briefing.txt"))
    assert "inside the input folder" in one_line_error(result)
    assert (
        cli("build", str(pages), "-o", str(pages / "briefing.md")).returncode == 0
    )  # not a page: fine


def test_a_read_only_file_system_is_called_that_not_permission_denied(tmp_path, monkeypatch):
    from briefing.errors import OutputError
    from briefing.output import check_output

    class ReadOnly:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    monkeypatch.setattr(os, "statvfs", lambda *a: ReadOnly())
    with pytest.raises(OutputError, match="read-only file system"):
        check_output(tmp_path / "x.md")


# -- configuration, subject, odd inputs, library arguments ----------------------------------


def test_an_unknown_table_in_briefing_toml_is_an_error_that_names_it(tmp_path):
    from briefing import ConfigError
    from briefing.config import load_config

    config = tmp_path / "briefing.toml"
    config.write_text("[briefng]\ntop_stories = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown table \[briefng\]"):
        load_config(config)
    result = cli("build", str(SAMPLE), "-c", str(config))
    assert "[briefng]" in one_line_error(result) and result.stdout == b""


@pytest.mark.parametrize(
    "template",
    [
        "{paper.__class__}",
        "{paper.__class__.__mro__}",
        "{date[0]}",
        "{paper!r}",
        "{articles:>99999}",
        "{0}",
        "{}",
        "{paper",
        "简报 }",
    ],
)
def test_the_subject_template_takes_only_the_documented_fields(template):
    from briefing import ConfigError
    from briefing.deliver.settings import parse_delivery

    with pytest.raises(ConfigError, match="subject"):
        parse_delivery({"subject": template, "ledger": "x.sqlite3"})


def test_the_subject_template_substitutes_plainly():
    from briefing.deliver.message import render_subject
    from briefing.records import Briefing

    briefing = Briefing(source="x", paper="临江{date}日报", date="2024-03-12", article_count=3)
    assert (
        render_subject("{{{paper}}} {date} ({articles})", briefing)
        == "{临江{date}日报} 2024-03-12 (3)"
    )


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff\xe0", "JPEG image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"<html><body>", "HTML"),
    ],
)
def test_a_file_named_pdf_that_is_not_one_says_so(tmp_path, head, what):
    pytest.importorskip("pymupdf")
    fake = tmp_path / "page-01.pdf"
    fake.write_bytes(head + bytes(range(256)) * 8)
    result = cli("build", str(fake))
    line = one_line_error(result)
    assert "not a PDF" in line and what in line and "OCR" not in line


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_named_with_the_encodings_that_are_read(tmp_path, encoding):
    issue = tmp_path / "issue.txt"
    issue.write_bytes(SAMPLE.read_text(encoding="utf-8").encode(encoding))
    line = one_line_error(cli("build", str(issue)))
    assert "UTF-16" in line and "UTF-8" in line and "GB18030" in line and "binary" not in line


def test_pipeline_takes_a_config_path_like_build_briefing(tmp_path):
    from briefing import Pipeline, build_briefing

    config = tmp_path / "briefing.toml"
    config.write_text('[briefing]\ntop_stories = 1\npaper = "临江日报"\n', encoding="utf-8")
    for given in (config, str(config)):
        assert Pipeline(config=given).config.top_stories == 1
    assert build_briefing(SAMPLE, config=config).paper == "临江日报"


@pytest.mark.parametrize(
    "call",
    [
        "Pipeline(config=5)",
        "Pipeline(config={'top_stories': 1})",
        "build_briefing(5)",
        "build_briefing(b'issue.txt')",
        "render({'sections': []})",
        "load_articles(None)",
        "render(build_briefing(SAMPLE), format=None)",
    ],
)
def test_wrong_argument_types_are_a_type_error_with_a_plain_message(call):
    import briefing

    namespace = {
        name: getattr(briefing, name)
        for name in ("Pipeline", "build_briefing", "render", "load_articles")
    }
    with pytest.raises(TypeError) as caught:
        eval(call, {**namespace, "SAMPLE": SAMPLE})
    message = str(caught.value)
    assert "must be" in message or "takes a" in message
