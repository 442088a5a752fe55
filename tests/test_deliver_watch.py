"""`briefing watch`: each new file delivered once, after it stops growing; bad files skipped;
a restart sends nothing twice; failed deliveries retried later."""

from __future__ import annotations

import shutil
from pathlib import Path


from briefing.deliver.job import default_builder
from briefing.deliver.ledger import read_history
from briefing.deliver.watch import Watcher

from deliver_helpers import make_config, small_builder, write_issue

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "linjiang-daily-2024-03-12.txt"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_new_file_sent_once_after_it_stops_growing_and_bad_file_skipped(server, tmp_path, caplog):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config = make_config(server, tmp_path)
    watcher = Watcher(inbox, config=config, builder=default_builder)  # the real pipeline
    assert watcher.poll() == []

    text = (
        SAMPLE.read_bytes()
        if SAMPLE.exists()
        else "临江日报\n本报讯 全市春耕生产有序推进。\n".encode()
    )
    issue = inbox / "issue-0312.txt"
    issue.write_bytes(text[: len(text) // 2])  # still arriving
    (inbox / "bad.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 10)
    (inbox / ".partial.txt").write_text("hidden files are never taken", encoding="utf-8")
    (inbox / "notes.md").write_text("not an issue pattern", encoding="utf-8")
    assert watcher.poll() == []  # first sight: wait for the size to settle
    with issue.open("ab") as handle:
        handle.write(text[len(text) // 2 :])
    assert watcher.poll() == []  # it grew: wait again
    outcomes = watcher.poll()
    assert [o.status for o in outcomes] == ["sent"]
    assert "bad.txt: skipped" in caplog.text
    (got,) = server.handler.received
    assert got.message["Subject"]  # built from the whole file, not the first half
    assert watcher.poll() == [] and watcher.poll() == []
    assert len(server.handler.received) == 1
    assert [Path(r.source).name for r in read_history(config.delivery.ledger)] == ["issue-0312.txt"]


def test_restart_resumes_without_resending(server, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config = make_config(server, tmp_path)
    write_issue(inbox / "a.txt", "第一期\n")
    first = Watcher(inbox, config=config, builder=small_builder)
    first.poll()
    assert [o.status for o in first.poll()] == ["sent"]
    write_issue(inbox / "b.txt", "第二期\n")  # arrives while the watcher is down

    restarted = Watcher(inbox, config=config, builder=small_builder)
    restarted.poll()
    outcomes = {Path(o.source).name: o.status for o in restarted.poll()}
    assert outcomes == {"a.txt": "skipped", "b.txt": "sent"}
    assert len(server.handler.received) == 2


def test_failed_delivery_is_retried_after_watch_retry(server, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config = make_config(server, tmp_path, delivery={"watch_retry": 60, "retries": 0})
    clock = Clock()
    watcher = Watcher(
        inbox, config=config, builder=small_builder, clock=clock, sleep=lambda s: None
    )
    write_issue(inbox / "a.txt")
    server.handler.data_replies = ["554 5.3.0 mailbox system down"]
    watcher.poll()
    assert [o.status for o in watcher.poll()] == ["failed"]
    clock.now = 30
    assert watcher.poll() == []  # not yet
    clock.now = 61
    assert [o.status for o in watcher.poll()] == ["sent"]
    assert [r.status for r in read_history(config.delivery.ledger)] == ["sent", "failed"]


def test_busy_ledger_is_retried_not_fatal(server, tmp_path, caplog):
    from briefing.deliver.ledger import Ledger

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config = make_config(server, tmp_path, delivery={"watch_retry": 5})
    clock = Clock()
    watcher = Watcher(inbox, config=config, builder=small_builder, clock=clock)
    write_issue(inbox / "a.txt")
    watcher.poll()
    with Ledger(config.delivery.ledger):
        assert watcher.poll() == []
    assert "locked by another briefing job" in caplog.text
    clock.now = 6
    assert [o.status for o in watcher.poll()] == ["sent"]


def test_changed_bad_file_is_tried_again(server, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config = make_config(server, tmp_path)
    watcher = Watcher(inbox, config=config, builder=default_builder)
    bad = inbox / "late.txt"
    bad.write_bytes(b"\x00" * 50)
    watcher.poll(), watcher.poll()
    assert not server.handler.received
    if SAMPLE.exists():
        shutil.copyfile(SAMPLE, bad)
    else:
        write_issue(bad, "临江日报\n本报讯 全市春耕生产有序推进。\n")
    watcher.poll()
    assert [o.status for o in watcher.poll()] == ["sent"]


def test_folder_of_pages_is_one_issue_taken_once_complete(server, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "2024-03-12").mkdir(parents=True)
    (inbox / "empty").mkdir()
    config = make_config(server, tmp_path)
    watcher = Watcher(inbox, config=config, builder=default_builder)
    pages = inbox / "2024-03-12"
    write_issue(
        pages / "page-01.txt", "临江日报\n\n本报讯 全市春耕生产有序推进，各地抢抓农时播种。\n"
    )
    assert watcher.poll() == []  # first sight
    write_issue(
        pages / "page-02.txt",
        "城南新建三座口袋公园\n\n本报讯 城南街道利用边角地新建三座口袋公园。\n",
    )
    assert watcher.poll() == []  # a page arrived since: wait again
    outcomes = watcher.poll()
    assert [o.status for o in outcomes] == ["sent"]
    (got,) = server.handler.received
    text = got.message.get_body(("plain",)).get_content()
    assert "春耕" in text and "口袋公园" in text  # both pages in one briefing
    assert watcher.poll() == [] and len(server.handler.received) == 1
    assert [Path(r.source).name for r in read_history(config.delivery.ledger)] == ["2024-03-12"]
