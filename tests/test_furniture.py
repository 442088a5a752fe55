"""Page furniture where an article's title or text should be: box labels, briefs printed as
headings, credit lines. Invented pages and sentences."""

from __future__ import annotations

import pytest

from briefing.assemble import assemble
from briefing.records import Article, Issue
from briefing.summarize import summarize
from briefing.summarize.furniture import (
    has_text,
    is_box_label,
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
    assert brief.body == [BRIEF] and brief.title is None


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
    assert not is_box_label(title)


@pytest.mark.parametrize(
    "line",
    [
        "版式设计：周海",
        "本版制图：陈 岩",
        "图片来源：东港日报",
        "本报记者 周海摄",
        "陈岩摄（东港视觉）",
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
    ],
)
def test_an_ordinary_line_is_no_credit(line):
    assert not is_credit_line(line)
    assert has_text(Article(id="a", body=[line]))


def test_read_furniture_leaves_an_ordinary_article_alone():
    article = Article(id="a", title="东港市茶叶喜获丰收", body=[CAPTION], column="乡村行")
    assert read_furniture(article) is None
    assert (article.title, article.body, article.column) == (
        "东港市茶叶喜获丰收",
        [CAPTION],
        "乡村行",
    )
