"""The review draft, its approval, and sending exactly what was approved (no web stack needed)."""

from __future__ import annotations

import json
import sys

import pytest

from briefing.cli import main
from briefing.review import (
    Draft,
    ReviewError,
    StaleDraftError,
    approve_draft,
    load_approved,
    open_draft,
)
from briefing.review.approval import approved_builder

from review_helpers import hand_draft
from test_deliver_cli import write_config


def titles(briefing) -> list[tuple[str, list[str]]]:
    return [(s.title, [e.article_id for e in s.entries]) for s in briefing.sections]


def test_a_new_draft_is_the_pipelines_briefing_and_reopens_as_saved(tmp_path, samples):
    issue = tmp_path / "issue.txt"
    issue.write_text(
        (samples / "linjiang-daily-2024-03-12.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    from briefing.pipeline import build_briefing

    draft = open_draft([issue])
    assert draft.path == tmp_path / "issue.draft.json"
    assert draft.briefing().to_dict() == build_briefing(issue).to_dict()
    # The saved file reads as the briefing itself; the source sentences of each summary are kept.
    saved = json.loads(draft.path.read_text(encoding="utf-8"))
    assert saved["sections"] == draft.briefing().to_dict()["sections"]
    first = draft.items[0]
    assert draft.articles[first.id].highlight and draft.articles[first.id].paragraphs
    draft.edit(first.id, "summary", "改写的摘要。", version=0, by="张三")
    again = open_draft([issue])  # the draft exists: reopened, not rebuilt
    assert again.item(first.id).entry.summary == "改写的摘要。" and again.version == 1


def test_edits_record_who_and_when_and_putting_back_is_no_edit(tmp_path):
    draft = hand_draft(tmp_path / "x.draft.json")
    draft.edit("a3", "title", "青川区三所学校试点午间托管", version=0, by="张三")
    item = draft.item("a3")
    assert item.entry.title_generated is False  # the editor wrote it: no 〔拟〕
    assert item.edits["title"]["by"] == "张三" and item.edits["title"]["at"]
    draft.edit("a3", "title", "青川区三所学校开设午间托管", version=1, by="张三")
    assert item.entry.title_generated is True and "title" not in item.edits
    with pytest.raises(ReviewError, match="cannot be empty"):
        draft.edit("a3", "title", "  ", version=2, by="张三")
    with pytest.raises(ReviewError, match="unknown topic"):
        draft.edit("a3", "topic", "八卦", version=2, by="张三")
    with pytest.raises(ReviewError, match="cannot be edited"):
        draft.edit("a3", "importance", "1", version=2, by="张三")


def test_topic_top_drop_and_moves_rebuild_the_sections(tmp_path):
    draft = hand_draft(tmp_path / "x.draft.json")
    assert titles(draft.briefing()) == [("要闻", ["a1", "a2"]), ("民生", ["a3", "a4"])]
    draft.edit("a4", "topic", "文化", version=0, by="e")
    draft.edit("a2", "top", False, version=1, by="e")
    draft.edit("a1", "dropped", True, version=2, by="e")
    briefing = draft.briefing()
    assert titles(briefing) == [("经济", ["a2"]), ("民生", ["a3"]), ("文化", ["a4"])]
    assert briefing.article_count == 3 and briefing.topic_counts == {
        "经济": 1,
        "民生": 1,
        "文化": 1,
    }
    draft.edit("a1", "dropped", False, version=3, by="e")
    draft.edit("a4", "topic", "民生", version=4, by="e")
    draft.move("a4", "up", version=5, by="e")
    assert titles(draft.briefing()) == [("要闻", ["a1"]), ("经济", ["a2"]), ("民生", ["a4", "a3"])]
    assert draft.placement(draft.item("a4")) == {"section": "民生", "before": "a3"}
    with pytest.raises(ReviewError, match="already the first"):
        draft.move("a4", "up", version=6, by="e")
    # Everything is on disk: a new process sees the same draft.
    assert titles(Draft.load(draft.path).briefing()) == titles(draft.briefing())


def test_a_change_on_an_older_version_is_refused_and_nothing_is_overwritten(tmp_path):
    draft = hand_draft(tmp_path / "x.draft.json")
    other_tab = Draft.load(draft.path)
    draft.edit("a1", "summary", "全市新建口袋公园12座。", version=0, by="e")
    with pytest.raises(StaleDraftError, match="另一个标签页"):
        draft.edit("a1", "summary", "旧页面上的改动。", version=0, by="e")
    assert Draft.load(draft.path).item("a1").entry.summary == "全市新建口袋公园12座。"
    assert (
        other_tab.version == 0
    )  # an older copy would be refused the same way once it saves its version


def test_a_draft_changed_by_another_process_is_not_overwritten(tmp_path):
    draft = hand_draft(tmp_path / "x.draft.json")
    other = Draft.load(draft.path)  # a second `briefing review` on the same file
    other.edit("a1", "summary", "另一个进程的改动。", version=0, by="e")
    with pytest.raises(ReviewError, match="changed outside this page"):
        draft.edit("a2", "summary", "这里的改动。", version=0, by="e")
    assert Draft.load(draft.path).item("a1").entry.summary == "另一个进程的改动。"


def test_checks_are_the_summarizers(tmp_path):
    draft = hand_draft(tmp_path / "x.draft.json")
    item = draft.edit(
        "a2",
        "summary",
        "临江港去年完成货物吞吐量9900万吨，同比增长较快，港口还将扩建，总经理王大明说“再创新高”。",
        version=0,
        by="e",
    )
    checks = draft.checks(item)
    assert "9900万" in checks["summary_spans"] and "“再创新高”" in checks["summary_spans"]
    assert any("9900万" in p for p in checks["summary_problems"])
    assert any("over the budget of 40" in p for p in checks["summary_problems"])
    assert checks["chars"] == len(item.entry.summary) and checks["max_chars"] == 40


def test_approval_writes_the_reviewed_briefing_and_vouches_only_for_it(tmp_path):
    draft = hand_draft(tmp_path / "x.draft.json")
    with pytest.raises(ReviewError, match="not approved"):
        load_approved(draft.path)
    draft.edit("a1", "title", "全市新建12座口袋公园", version=0, by="张三")
    done = approve_draft(draft, version=1, by="张三", formats=["html", "md"])
    assert sorted(p.name for p in done.written.values()) == ["x.html", "x.md", "x.reviewed.json"]
    reviewed = json.loads(done.written["reviewed"].read_text(encoding="utf-8"))
    assert (
        reviewed["review"]["approval"]["by"] == "张三"
        and reviewed["review"]["edits"]["a1"]["title"]["by"] == "张三"
    )
    assert "全市新建12座口袋公园" in done.written["html"].read_text(encoding="utf-8")
    for path in (done.written["reviewed"], draft.path):
        assert load_approved(path).entries[0].title == "全市新建12座口袋公园"
        assert approved_builder(path, paper="ignored", date=None, config=None).paper == "临江日报"
    # Changed after approval: the draft is refused, and so is a hand-edited reviewed file.
    draft.edit("a2", "dropped", True, version=draft.version, by="张三")
    with pytest.raises(ReviewError, match="changed after it was approved"):
        load_approved(draft.path)
    reviewed["sections"][0]["entries"][0]["summary"] = "改过的摘要。"
    done.written["reviewed"].write_text(json.dumps(reviewed, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReviewError, match="differs from the version 张三 approved"):
        load_approved(done.written["reviewed"])


def run(monkeypatch, capsys, *args):
    monkeypatch.setattr(sys, "argv", ["briefing", *map(str, args)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_send_reviewed_sends_exactly_the_approved_version_and_refuses_the_rest(
    server, tmp_path, monkeypatch, capsys
):
    config = write_config(tmp_path / "briefing.toml", server.port)
    draft = hand_draft(tmp_path / "x.draft.json")
    code, _, err = run(monkeypatch, capsys, "send", "--reviewed", draft.path, "--config", config)
    assert code == 2 and "not approved" in err and not server.handler.received
    draft.edit("a2", "summary", "临江港吞吐量8600万吨。", version=0, by="张三")
    done = approve_draft(draft, version=1, by="张三", formats=[])
    code, _, err = run(
        monkeypatch, capsys, "send", "--reviewed", done.written["reviewed"], "--config", config
    )
    assert code == 0, err
    (message,) = [r.message for r in server.handler.received]
    text = message.get_body(("plain",)).get_content()
    assert "临江港吞吐量8600万吨。" in text and "临江港去年完成货物吞吐量8600万吨" not in text
    draft.edit("a3", "dropped", True, version=draft.version, by="张三")
    code, _, err = run(monkeypatch, capsys, "send", "--reviewed", draft.path, "--config", config)
    assert code == 2 and "changed after it was approved" in err
    code, _, err = run(
        monkeypatch, capsys, "send", "issue.txt", "--reviewed", draft.path, "--config", config
    )
    assert code == 2 and "give no INPUT" in err
    code, _, err = run(monkeypatch, capsys, "send", "--config", config)
    assert code == 2 and "--reviewed" in err
    assert len(server.handler.received) == 1


def test_watch_with_require_review_sends_only_approved_briefings(
    server, tmp_path, monkeypatch, capsys
):
    from briefing.deliver import Watcher, load_delivery_config

    config = write_config(tmp_path / "briefing.toml", server.port, extra="require_review = true")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "issue.txt").write_text(
        "青川区新建三座口袋公园\n本报讯 青川区今年将新建三座口袋公园。\n", encoding="utf-8"
    )
    draft = hand_draft(inbox / "x.draft.json")
    done = approve_draft(draft, version=0, by="张三", formats=[])
    forged = inbox / "y.reviewed.json"
    data = json.loads(done.written["reviewed"].read_text(encoding="utf-8"))
    data["paper"] = "别的报纸"
    forged.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    settings = load_delivery_config(config)
    assert settings.delivery.patterns == ("*.reviewed.json",)
    watcher = Watcher(inbox, config=settings, sleep=lambda s: None)
    watcher.poll()
    outcomes = watcher.poll()
    assert [o.source for o in outcomes] == [str(done.written["reviewed"])]
    (received,) = server.handler.received
    assert "临江日报" in str(received.message["Subject"])


def test_review_command_errors_are_one_line_exit_2(tmp_path, monkeypatch, capsys):
    pytest.importorskip("starlette", reason="the [review] extra is not installed")
    code, _, err = run(monkeypatch, capsys, "review")
    assert code == 2 and "give an issue to review" in err
    code, _, err = run(monkeypatch, capsys, "review", "--draft", tmp_path / "none.draft.json")
    assert code == 2 and "no such draft" in err
    (tmp_path / "bad.toml").write_text('[review]\nformats = ["pdf"]\n', encoding="utf-8")
    code, _, err = run(
        monkeypatch,
        capsys,
        "review",
        "--draft",
        tmp_path / "x.json",
        "--config",
        tmp_path / "bad.toml",
    )
    assert code == 2 and "unknown format 'pdf'" in err


def test_review_without_the_extra_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(
        sys.modules, "briefing.review.server", None
    )  # as if starlette & co. were absent
    code, _, err = run(monkeypatch, capsys, "review", tmp_path / "issue.txt")
    assert code == 2 and "pip install 'briefing[review]'" in err and "Traceback" not in err


def test_an_edited_summary_or_title_is_recorded_as_the_editors_and_putting_back_restores_the_pipelines(
    tmp_path,
):
    from briefing.records import Provenance
    from briefing.render import render

    from review_helpers import SUMMARY_MADE

    draft = hand_draft(tmp_path / "x.draft.json")
    edited = Provenance(method="edited", by="张三")
    item = draft.edit("a2", "summary", "临江港吞吐量8600万吨。", version=0, by="张三")
    assert item.entry.summary_provenance == edited and item.made("summary") == edited
    assert item.entry.title_provenance == Provenance(
        method="printed"
    )  # only the field edited changes
    draft.edit(
        "a2", "summary", "临江港去年完成货物吞吐量8600万吨，同比增长6.2%。", version=1, by="李四"
    )
    assert (
        item.entry.summary_provenance == SUMMARY_MADE["a2"]
    )  # back as the model's fallback made it, reason and all
    draft.edit("a3", "title", "青川区三所学校试点午间托管", version=2, by="李四")
    draft.edit("a1", "summary", "全市新建口袋公园12座。", version=3, by="张三")
    assert Draft.load(draft.path).item("a3").entry.title_provenance == Provenance(
        method="edited", by="李四"
    )
    # The reviewed briefing says who wrote what; the optional marker of md says it too.
    done = approve_draft(draft, version=4, by="张三", formats=[])
    reviewed = json.loads(done.written["reviewed"].read_text(encoding="utf-8"))
    entries = {e["article_id"]: e for s in reviewed["sections"] for e in s["entries"]}
    assert entries["a1"]["summary_provenance"] == {
        "method": "edited",
        "model": None,
        "reason": None,
        "by": "张三",
        "verbatim": None,
    }
    assert (
        entries["a3"]["title_provenance"]["by"] == "李四"
        and entries["a2"]["summary_provenance"]["model"] == "qwen-small"
    )
    markdown = render(load_approved(done.written["reviewed"]), format="md", provenance=True)
    assert "摘要：编辑修改（张三）" in markdown and "标题：编辑修改（李四）" in markdown


def test_a_draft_edited_before_provenance_followed_edits_shows_the_edit_and_can_be_put_back(
    tmp_path,
):
    from briefing.records import Provenance

    draft = hand_draft(tmp_path / "x.draft.json")
    data = json.loads(draft.path.read_text(encoding="utf-8"))
    old = data["review"]["items"][
        0
    ]  # a1, as an older version saved an edit: provenance untouched, none kept
    old["entry"]["summary"] = "旧版本改过的摘要。"
    old["edits"] = {"summary": {"by": "王五", "at": "2024-03-12T08:00:00+00:00"}}
    del old["original"]["summary_provenance"], old["original"]["title_provenance"]
    draft.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    item = Draft.load(draft.path).item("a1")
    assert item.made("summary") == Provenance(method="edited", by="王五")
    assert item.made("title") == Provenance(method="printed")
    again = Draft.load(draft.path)
    item = again.edit("a1", "summary", "全市今年新建口袋公园12座。", version=0, by="王五")
    assert "summary" not in item.edits and item.made("summary") == Provenance(
        method="model:qwen-small", model="qwen-small"
    )
