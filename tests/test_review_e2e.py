"""The review page as an editor uses it, in headless Chromium: edit, check, reorder, survive a
killed server, refuse a stale tab, approve, and send exactly what was approved.

Needs the [review] extra, Playwright's Python package and Debian's chromium (never a browser that
Playwright downloads); skipped cleanly without them. Screenshots at desktop and phone widths go
to $REVIEW_SCREENSHOTS when set (else the test's temporary folder).
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

for module in ("starlette", "uvicorn", "jinja2"):
    pytest.importorskip(module, reason="the [review] extra is not installed")
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright's Python package is not installed"
)

from build_helpers import parse_html  # noqa: E402
from test_deliver_cli import write_config  # noqa: E402

from briefing.cli import main  # noqa: E402

CHROMIUM = os.environ.get("BRIEFING_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(
        "Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True
    )

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]


class ReviewServer:
    """`briefing review` in its own process, as an editor starts it; its URL read from standard error."""

    def __init__(self, *args: str | Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "briefing", "review", *map(str, args)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(
            target=lambda: [lines.put(line) for line in self.process.stderr], daemon=True
        ).start()
        deadline, self.url, self.log = time.monotonic() + 60, None, []
        while self.url is None:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                self.kill()
                raise AssertionError("briefing review printed no URL: " + "".join(self.log))
            self.log.append(line)
            found = re.search(r"open (http://127\.0\.0\.1:\d+/\?token=\S+)", line)
            self.url = found.group(1) if found else None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)  # no chance to save anything on the way out
        self.process.wait(timeout=10)


def wait_version(page, version: int) -> None:
    page.wait_for_function(
        "(v) => Number(document.body.dataset.version) >= v", arg=version, timeout=10_000
    )


def entry(page, article_id: str):
    return page.locator(f"#entry-{article_id}")


def order(page) -> list[tuple[str, list[str]]]:
    return [
        (section, ids)
        for section, ids in page.evaluate("""() => [...document.querySelectorAll('section.section:not([hidden])')].map(
        (s) => [s.dataset.section, [...s.querySelectorAll('li.entry')].map((e) => e.dataset.id)])""")
    ]


def run_cli(monkeypatch, capsys, *args) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["briefing", *map(str, args)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return int(exit_info.value.code or 0), capsys.readouterr().err


def test_an_editor_reviews_approves_and_sends(tmp_path, samples, server, monkeypatch, capsys):
    shots = Path(os.environ.get("REVIEW_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    issue = tmp_path / "linjiang.txt"
    issue.write_text(
        (samples / "linjiang-daily-2024-03-12.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    config = write_config(
        tmp_path / "briefing.toml",
        server.port,
        extra='\n[review]\nformats = ["html", "md"]\neditor = "值班编辑"\n',
    )
    args = (issue, "--config", config)
    review = ReviewServer(*args)
    new_title = "临江启动第九届全民阅读月"
    new_summary = "青川区人民医院开设慢病综合门诊，患者一处看完。"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(
                str(tmp_path / "profile"),
                executable_path=CHROMIUM,
                headless=True,
                args=FLAGS,
                viewport={"width": 1280, "height": 900},
            )
            page = browser.pages[0] if browser.pages else browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(review.url)
            page.wait_for_function("() => window.reviewReady")
            assert order(page) == [
                ("要闻", ["a1", "a2", "a4"]),
                ("教育", ["a8"]),
                ("法治", ["a5"]),
                ("安全应急", ["a6"]),
                ("农业农村", ["a7"]),
                ("社会", ["a3"]),
            ]

            # A generated title (〔拟〕) rewritten by the editor loses its mark, and is the editor's.
            assert entry(page, "a2").locator(".mark").is_visible()
            made_title = entry(page, "a2").locator(".made-title")
            assert made_title.inner_text() == "标题：据正文拟定"
            assert entry(page, "a2").locator(".made-summary").inner_text() == "摘要：原文压缩"
            entry(page, "a2").locator(".title").fill(new_title)
            assert entry(page, "a2").locator(".mark").is_hidden()
            wait_version(page, 1)
            assert made_title.inner_text() == "标题：编辑修改（值班编辑）"
            entry(page, "a2").screenshot(path=str(shots / "review-provenance.png"))

            # A summary with a number the article does not have: the check fires while editing.
            summary = entry(page, "a4").locator(".summary")
            summary.fill("临江市青川区人民医院开设慢病门诊，已接诊12345人。")
            wait_version(page, 2)
            problems = entry(page, "a4").locator(".problems")
            assert "number 12345 is not in the article" in problems.inner_text()
            assert entry(page, "a4").locator(".flagged mark").all_inner_texts() == ["12345"]
            entry(page, "a4").screenshot(path=str(shots / "review-check.png"))
            summary.fill(new_summary)
            wait_version(page, 3)
            assert problems.inner_text() == "" and entry(page, "a4").locator(".flagged").is_hidden()
            assert entry(page, "a4").locator(".chars").inner_text() == f"{len(new_summary)} / 90 字"

            # A topic changed: the entry moves to that section at once.
            entry(page, "a3").locator(".topic").select_option("教育")
            wait_version(page, 4)
            assert ("教育", ["a8", "a3"]) in order(page) and "社会" not in dict(order(page))

            # Killed mid-edit, restarted: nothing saved is lost, and the page goes on.
            review.kill()
            review = ReviewServer(*args)
            page.goto(review.url)
            page.wait_for_function("() => window.reviewReady")
            assert entry(page, "a2").locator(".title").input_value() == new_title
            assert entry(page, "a2").locator(".mark").is_hidden()
            assert entry(page, "a4").locator(".summary").input_value() == new_summary
            assert ("教育", ["a8", "a3"]) in order(page)

            # A second tab saves first: this tab's next change is refused, with a clear message.
            other = browser.new_page()
            other.goto(review.url)
            other.wait_for_function("() => window.reviewReady")
            entry(other, "a6").locator(".drop").click()
            wait_version(other, 5)
            other.close()
            entry(page, "a3").locator(".up").click()
            page.wait_for_selector("#alert:not([hidden])")
            assert "另一个标签页" in page.locator("#alert").inner_text()
            page.reload()
            page.wait_for_function("() => window.reviewReady")
            assert "dropped" in entry(page, "a6").get_attribute("class")

            # Moves: with the button, and with the keyboard.
            entry(page, "a3").locator(".up").click()
            wait_version(page, 6)
            entry(page, "a4").locator(".title").focus()
            page.keyboard.press("Alt+ArrowUp")
            wait_version(page, 7)
            assert order(page) == [
                ("要闻", ["a1", "a4", "a2"]),
                ("教育", ["a3", "a8"]),
                ("法治", ["a5"]),
                ("安全应急", ["a6"]),
                ("农业农村", ["a7"]),
            ]
            assert page.evaluate("() => document.activeElement.classList.contains('title')")

            # Open check warnings (the checks evolve; an editor's own wording may trip one) ask the
            # editor to confirm: this editor does.
            page.once("dialog", lambda dialog: dialog.accept())
            page.locator("#approve").click()
            page.wait_for_function("() => document.body.dataset.approved === 'true'")
            assert "已批准：值班编辑" in page.locator("#status").inner_text()
            page.evaluate("() => window.scrollTo(0, 0)")
            page.screenshot(path=str(shots / "review-desktop.png"))
            phone = browser.new_page()
            phone.set_viewport_size({"width": 390, "height": 844})
            phone.goto(review.url)
            phone.wait_for_function("() => window.reviewReady")
            assert (
                phone.evaluate("() => document.documentElement.scrollWidth") <= 390
            )  # nothing runs off the side
            phone.screenshot(path=str(shots / "review-phone.png"))
            assert not errors
            browser.close()
    finally:
        review.kill()

    # The reviewed briefing holds exactly those edits, and so does the rendered HTML.
    reviewed = json.loads((tmp_path / "linjiang.reviewed.json").read_text(encoding="utf-8"))
    sections = [(s["title"], [e["article_id"] for e in s["entries"]]) for s in reviewed["sections"]]
    assert sections == [
        ("要闻", ["a1", "a4", "a2"]),
        ("教育", ["a3", "a8"]),
        ("法治", ["a5"]),
        ("农业农村", ["a7"]),
    ]
    entries = {e["article_id"]: e for s in reviewed["sections"] for e in s["entries"]}
    assert entries["a2"]["title"] == new_title and entries["a2"]["title_generated"] is False
    assert entries["a4"]["summary"] == new_summary and entries["a3"]["topic"] == "教育"
    assert entries["a2"]["title_provenance"] == {
        "method": "edited",
        "model": None,
        "reason": None,
        "by": "值班编辑",
        "verbatim": None,
    }
    assert (
        entries["a4"]["summary_provenance"]["by"] == "值班编辑"
        and entries["a2"]["summary_provenance"]["by"] is None
    )
    assert reviewed["article_count"] == 7 and "安全应急" not in reviewed["topic_counts"]
    assert reviewed["review"]["approval"]["by"] == "值班编辑" and reviewed["review"]["dropped"] == [
        "a6"
    ]
    assert set(reviewed["review"]["edits"]) == {"a2", "a3", "a4", "a6"}
    from briefing.pipeline import build_briefing

    original = {e.article_id: e for e in build_briefing(issue).entries}
    for article_id in ("a1", "a5", "a7", "a8"):  # untouched entries are as the pipeline made them
        assert entries[article_id] == original[article_id].to_dict()
    html = parse_html((tmp_path / "linjiang.html").read_text(encoding="utf-8"))
    assert html.placement == [(title, article_id) for title, ids in sections for article_id in ids]
    text = "".join(html.text)
    assert new_title in text and new_summary in text and "〔拟〕" + new_title not in text
    assert original["a6"].title not in text

    # `send --reviewed` delivers exactly the approved briefing.
    code, err = run_cli(
        monkeypatch,
        capsys,
        "send",
        "--reviewed",
        tmp_path / "linjiang.reviewed.json",
        "--config",
        config,
    )
    assert code == 0, err
    (received,) = server.handler.received
    body = received.message.get_body(("html",)).get_content()
    assert new_title in body and new_summary in body and original["a6"].title not in body
