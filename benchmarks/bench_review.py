"""Benchmark of the review page on a 20-page issue (about 150 entries), in headless Chromium.

Measures, median of several runs:
- the server: time to answer the page (render with every entry's checks), and its size;
- the browser: from navigation start to the page's script having wired every entry
  (``window.reviewReady``: from then on every field, button and key works), and to the load event;
- a change: one summary edit, from the request to the answer (draft saved to disk, checks run);
- baseline, same run: loading the same briefing as the HTML renderer writes it (``/preview/html``).

    python benchmarks/bench_review.py [--runs 7] [--pages 20]

Needs the [review] extra, Playwright's Python package and Debian's chromium (/usr/bin/chromium).
Target (issue 19): interactive within 1 s of loading.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ROOT / "samples" / "linjiang-daily-2024-03-12.txt",
    ROOT / "samples" / "qingchuan-news-2024-05-20.txt",
]
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


def make_issue(folder: Path, pages: int) -> Path:
    """A directory of ``pages`` page files (the samples in turn), read as one issue."""
    issue = folder / "issue"
    issue.mkdir()
    for number in range(pages):
        shutil.copy(PAGES[number % len(PAGES)], issue / f"page{number + 1:02d}.txt")
    return issue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    options = parser.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from briefing.review import open_draft
    from briefing.review.server import ReviewApp, new_token

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        issue = make_issue(folder, options.pages)
        start = time.perf_counter()
        draft = open_draft([issue], draft=folder / "issue.draft.json")
        built = time.perf_counter() - start
        size = draft.path.stat().st_size
        print(
            f"draft: {options.pages} pages, {len(draft.items)} entries, built in {built:.2f} s, "
            f"{size / 1024:.0f} KiB on disk",
            file=sys.stderr,
        )

        review = ReviewApp(draft, token=new_token(), editor="bench", formats=["html"])
        server = uvicorn.Server(
            uvicorn.Config(review.app(), host="127.0.0.1", port=0, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.02)
        port = server.servers[0].sockets[0].getsockname()[1]
        url = f"http://127.0.0.1:{port}/?token={review.token}"

        renders = []
        for _ in range(options.runs):
            start = time.perf_counter()
            html = review.render_page()
            renders.append(time.perf_counter() - start)

        ready, loaded, saves, plain = [], [], [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=options.chromium, headless=True, args=FLAGS
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for _ in range(options.runs):
                page.goto(url)
                page.wait_for_function("() => window.reviewReady")
                ready.append(page.evaluate("() => window.reviewReady") / 1000)
                loaded.append(
                    page.evaluate(
                        "() => performance.getEntriesByType('navigation')[0].loadEventEnd"
                    )
                    / 1000
                )
            # Baseline in the same run: the same briefing as the HTML renderer writes it (no fields, no script).
            for _ in range(options.runs):
                page.goto(url.replace("/?", "/preview/html?"))
                plain.append(
                    page.evaluate(
                        "() => performance.getEntriesByType('navigation')[0].loadEventEnd"
                    )
                    / 1000
                )
            page.goto(url)
            page.wait_for_function("() => window.reviewReady")
            summary = page.locator("li.entry .summary").nth(len(draft.items) // 2)
            for number in range(options.runs):
                version = draft.version
                start = time.perf_counter()
                summary.fill(f"第{number}次改写的摘要。")
                page.wait_for_function(
                    "(v) => Number(document.body.dataset.version) > v", arg=version
                )
                saves.append(
                    time.perf_counter() - start - 0.35
                )  # less the pause the page waits for typing to stop
            browser.close()
        server.should_exit = True
        thread.join(timeout=5)

    med = statistics.median
    print(
        f"server: page rendered in {med(renders) * 1000:.0f} ms (median of {options.runs}), "
        f"{len(html.encode()) / 1024:.0f} KiB"
    )
    print(
        f"browser: interactive {med(ready) * 1000:.0f} ms after navigation start "
        f"(max {max(ready) * 1000:.0f} ms), load event {med(loaded) * 1000:.0f} ms"
    )
    print(
        f"baseline: the rendered HTML briefing of the same draft loads in {med(plain) * 1000:.0f} ms; "
        f"the review page is interactive in {med(ready) / med(plain):.1f}x that"
    )
    print(
        f"change: a summary edit saved and checked in {med(saves) * 1000:.0f} ms (median, after the typing pause)"
    )
    print(f"target: interactive within 1000 ms: {'met' if max(ready) < 1.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
