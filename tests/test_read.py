"""The reading layer (briefing.read) and the choice of splitter by the kind of page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefing.api import load_articles, split_issue
from briefing.cli import main
from briefing.errors import ConfigError, InputError, SplitterError
from briefing.read import issue_files, read, source_kind
from briefing.registry import splitters

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CITY = SAMPLES / "linjiang-daily-2024-03-12.txt"
ARTICLES = SAMPLES / "articles.jsonl"
PAGE = """<html><head><meta charset="utf-8"></head><body>
<div><h3>春耕时节</h3><h1>田间地头 机器轰鸣</h1><h4>本报记者 王 五</h4>
<p>　　清晨的田野里，几台播种机来回穿梭，农户们忙着检查墒情，准备下种。</p>
<p>　　合作社负责人说，今年的种子和化肥都已备齐，预计比去年提前一周完成播种。</p>
</div></body></html>"""


@pytest.fixture()
def html_page(tmp_path) -> Path:
    page = tmp_path / "page_1.html"
    page.write_text(PAGE, encoding="utf-8")
    return page


def test_pages_say_their_kind(html_page):
    assert {p.kind for p in read(CITY).pages} == {"text"}
    assert [p.kind for p in read(html_page).pages] == ["layout"]
    assert [p.kind for p in read(ARTICLES).pages] == ["articles"]
    assert read(html_page).pages[0].blocks[0].title == "田间地头 机器轰鸣"


def test_text_and_layout_pages_mixed_are_an_input_error(tmp_path, html_page):
    text = tmp_path / "page_2.txt"
    text.write_text(CITY.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="mixed"):
        read([text, html_page])
    assert [p.name for p in issue_files(tmp_path)] == ["page_2.txt"]  # a folder: text first
    assert source_kind(tmp_path) == "text"


def test_each_kind_of_page_gets_its_splitter(html_page):
    assert splitters.resolve("layout").page_kinds == ("layout",)
    _, articles = load_articles(html_page)
    assert [(a.id, a.title, a.page) for a in articles] == [("a1", "田间地头 机器轰鸣", 1)]
    assert load_articles(html_page, splitter="layout")[1] == articles
    assert len(load_articles(CITY)[1]) == len(load_articles(CITY, splitter="rules")[1]) > 3


@pytest.mark.parametrize(
    ("source", "splitter", "message"),
    [
        ("html", "rules", "'rules' reads text pages, not pages read from their layout"),
        ("text", "layout", "'layout' reads pages read from their layout"),
        ("jsonl", "rules", "articles already split"),
        ("jsonl", "layout", "articles already split"),
    ],
)
def test_a_splitter_that_cannot_read_the_pages_is_refused(html_page, source, splitter, message):
    path = {"html": html_page, "text": CITY, "jsonl": ARTICLES}[source]
    with pytest.raises(SplitterError, match=message) as caught:
        load_articles(path, splitter=splitter)
    assert isinstance(caught.value, ConfigError)


def test_split_issue_refuses_before_splitting(html_page):
    issue = read(html_page)
    with pytest.raises(SplitterError):
        split_issue(issue, splitter="rules")
    assert issue.furniture == []  # nothing half-done


def test_cli_refuses_a_configured_splitter_for_layout_pages(
    monkeypatch, capsys, tmp_path, html_page
):
    config = tmp_path / "briefing.toml"
    config.write_text('[briefing]\nsplitter = "rules"\n', encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["briefing", "build", str(html_page), "-c", str(config)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out = capsys.readouterr()
    assert exit_info.value.code == 2 and out.out == ""
    assert out.err.count("\n") == 1 and "splitter 'rules'" in out.err


HEADER = "临江日报  2024年3月12日 星期二  第3版\n\n新区规划获批\n\n本报讯 新区总体规划日前获批。\n"


def test_the_masthead_is_read_by_the_reading_layer_not_the_splitter(tmp_path):
    from briefing.read.masthead import printed_date, read_masthead
    from briefing.split.splitter import LineSplitter

    page = tmp_path / "page.txt"
    page.write_text(HEADER, encoding="utf-8")
    issue = read(page)
    LineSplitter().split(issue)
    assert (issue.date, issue.paper) == (None, None)  # the splitter only finds the header lines
    read_masthead(issue)
    assert (issue.date, issue.paper) == ("2024-03-12", "临江日报")
    assert load_articles(page, paper="青川报")[0].paper == "青川报"  # a given name wins
    assert (
        printed_date("２０２４年３月１２日") == "2024-03-12"
        and printed_date("2024年13月1日") is None
    )
