"""Page furniture where an article's title or text should be: box labels, briefs printed as
headings, credit lines. Invented pages and sentences."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefing.assemble import assemble
from briefing.cli import app
from briefing.records import Article, Issue, Summary
from briefing.summarize import summarize
from briefing.summarize.furniture import (
    box_label,
    has_text,
    is_brief_in_title,
    is_credit_line,
    read_furniture,
)

CAPTION = "10月5日，东港市西岭镇的茶农在茶园里采摘秋茶。今年当地茶叶产量比去年增长两成。"
BRIEF = (
    "本报讯东港市西岭镇近日建成一座乡村图书馆，藏书三万册，向全镇村民免费开放。"
    "图书馆还开设了少儿阅览室。"
)


def entries(briefing):
    return [e for s in briefing.sections for e in s.entries]


def build(*articles: Article):
    articles_ = summarize(list(articles))
    return assemble(Issue(source="page.txt"), articles_)


def test_a_photo_report_takes_its_title_from_the_caption_not_the_box_label():
    photo = Article(id="a1", title="图片报道", body=[CAPTION], credit="本报记者 周海摄")
    (entry,) = entries(build(photo))
    assert entry.title != "图片报道" and entry.title_generated
    assert "茶" in entry.title and entry.summary
    assert entry.source.startswith("图片报道")  # the label stays where an editor finds it


def test_a_photo_report_whose_caption_gives_no_headline_keeps_its_label():
    photo = Article(id="a1", title="图片报道", body=["好的。谢谢大家。来了，来了。"])
    (entry,) = entries(build(photo))
    assert entry.title == "图片报道" and not entry.title_generated
    assert entry.title_provenance.method == "printed"


@pytest.mark.parametrize(
    "article",
    [
        Article(id="a2", title="图片报道", subheads=["制图：周海"]),
        Article(id="a2", title="图片报道", body=["版式设计：陈岩"]),
        Article(id="a2", title="山乡秋色", body=["本版制图：林青"]),
        Article(id="a2", title="西岭镇春节前夕的集市"),
    ],
)
def test_an_article_with_no_text_is_not_listed_but_kept_in_the_appendix(article):
    news = Article(id="a1", title="东港市茶叶喜获丰收", body=[CAPTION])
    briefing = build(news, article)
    assert [e.article_id for e in entries(briefing)] == ["a1"]
    assert [item.kind for item in briefing.appendix] == ["empty"]
    assert briefing.appendix[0].text


def test_a_brief_printed_as_its_own_heading_is_summarized_as_a_brief():
    brief = Article(id="a1", title=BRIEF, byline="周海")
    (entry,) = entries(build(brief))
    assert entry.summary and "图书馆" in entry.summary and "本报讯" not in entry.summary
    assert entry.title != BRIEF and len(entry.title) <= 20
    assert brief.title == BRIEF and brief.body == []  # the record as it came


@pytest.mark.parametrize(
    "title",
    [
        "东港市西岭镇建成乡村图书馆",
        "茶农采摘秋茶忙",
        "“我们的日子越过越好！”",
        "东港市召开全市经济工作会议，部署明年重点任务",
        "你好，新时代！",
    ],
)
def test_a_headline_is_no_brief(title):
    assert not is_brief_in_title(Article(id="a", title=title))


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("图片报道", "图片报道"),
        ("图 说", "图说"),
        ("图片报道展在东港开幕", None),
        ("摄影报道：西岭镇的春天", None),
        (None, None),
    ],
)
def test_a_box_label_is_the_label_alone(title, label):
    assert box_label(title) == label


@pytest.mark.parametrize(
    "line",
    [
        "版式设计：周海",
        "本版制图：陈 岩",
        "图片来源：东港日报",
        "本报记者 周海摄",
        "陈岩摄（资料图片）",
        "责任编辑：周海 陈岩",
        "本版制图：林青、王平",
    ],
)
def test_credit_lines(line):
    assert is_credit_line(line)


# Ordinary body lines, some about pictures, designs and editors: none is a credit.
@pytest.mark.parametrize(
    "line",
    [
        "东港市今年新建公园十座。",
        "设计师周海为西岭镇设计了新的文化广场。",
        "摄影爱好者陈岩在江边拍下了这张照片。",
        "编辑部收到了读者的来信。",
        "图片展示了西岭镇近十年的变化。",
        "制图工作由市测绘院承担。",
        "记者在现场看到，工人们正在施工。",
        "他说：“我喜欢摄影，也喜欢绘画。”",
        "临江市摄影家协会举办年度作品展。",
        "这幅画由周海绘制，陈岩装裱。",
        "版式设计比赛在东港市举行，两百人参加。",
        # A label with a sentence after it, and a caption with its credit on the line.
        "图片说明：东港市新建的体育馆可容纳三万人，将于下月投入使用。",
        "设计：新桥采用斜拉结构，全长八百米。",
        "制图：西岭镇新建的文化广场占地两万平方米",
        "图为茶农在采茶。周海摄",
    ],
)
def test_an_ordinary_line_is_no_credit(line):
    assert not is_credit_line(line)
    assert has_text(Article(id="a", body=[line]))


def test_read_furniture_leaves_an_ordinary_article_alone():
    article = Article(id="a", title="东港市茶叶喜获丰收", body=[CAPTION], column="乡村行")
    assert read_furniture(article) == (article, None)


def test_read_furniture_changes_no_record():
    photo = Article(id="a1", title="图片报道", body=[CAPTION])
    brief = Article(id="a2", title=BRIEF)
    (read_photo, label), (read_brief, _) = read_furniture(photo), read_furniture(brief)
    assert (read_photo.title, read_photo.column, label) == (None, "图片报道", "图片报道")
    assert (read_brief.title, read_brief.body) == (None, [BRIEF])
    assert (photo.title, photo.column, brief.title, brief.body) == ("图片报道", None, BRIEF, [])


# Assembly alone, as an importer calls it with records it made: what it lists, and the titles.
def test_assembly_lists_an_importers_summary_and_captions():
    summarized = Article(
        id="a1",
        title="东港市新建三座公园",
        display_title="东港市新建三座公园",
        summary=Summary(text="东港市今年新建三座公园，向市民免费开放。", method="importer"),
    )
    captioned = Article(id="a2", title="西岭镇的春天", captions=["西岭镇的油菜花开了。"])
    briefing = assemble(Issue(source="x.jsonl"), [summarized, captioned])
    assert [e.article_id for e in entries(briefing)] == ["a1", "a2"]
    assert entries(briefing)[0].summary.startswith("东港市今年新建")
    assert briefing.appendix == []


def test_assembly_alone_reads_a_brief_an_importer_titled():
    brief = Article(id="a1", title=BRIEF, display_title="东港市建成乡村图书馆")
    (entry,) = entries(assemble(Issue(source="x.jsonl"), [brief]))
    assert entry.title == "东港市建成乡村图书馆" and "图书馆" in entry.summary


def test_a_box_label_titles_an_entry_alike_with_or_without_summarize():
    def photo():
        return Article(id="a1", title="图片报道", body=["好的。谢谢大家。来了，来了。"])

    (alone,) = entries(assemble(Issue(source="x.jsonl"), [photo()]))
    (summarized,) = entries(build(photo()))
    assert alone.title == summarized.title == "图片报道"
    assert not alone.title_generated and not summarized.title_generated


def test_a_column_of_photo_reports_stays_the_column():
    photo = Article(id="a1", title="图片报道", body=[CAPTION], column="图片报道")
    (entry,) = entries(build(photo))
    assert entry.title_generated and entry.source.startswith("图片报道")
    assert (photo.title, photo.column) == ("图片报道", "图片报道")


def test_summarize_on_an_articles_file_keeps_the_records_as_given(tmp_path):
    source = tmp_path / "articles.jsonl"
    rows = [
        {"id": "a1", "title": "图片报道", "body": [CAPTION], "column": "图片报道"},
        {"id": "a2", "title": BRIEF, "body": []},
    ]
    source.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["summarize", str(source), "-f", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    records = out if isinstance(out, list) else out["articles"]
    assert [(r["title"], r["column"]) for r in records] == [("图片报道", "图片报道"), (BRIEF, None)]
    assert records[0]["display_title"] != "图片报道" and records[1]["body"] == []
