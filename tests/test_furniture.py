"""Page furniture where an article's title or text should be: box labels, briefs printed as
headings, credit lines. Invented pages and sentences."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefing.assemble import assemble
from briefing.cli import app
from briefing.conventions import ITEM_MAX
from briefing.records import Article, Issue, Summary
from briefing.render import render
from briefing.summarize import summarize
from briefing.text import clipped
from briefing.summarize.furniture import (
    box_label,
    box_paragraphs,
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


def test_a_brief_printed_as_its_heading_over_the_rest_of_its_text_is_untitled():
    rest = "阅览室每天开放十小时，周末还举办读书会。"
    brief = Article(id="a1", title=BRIEF, body=[rest])
    read = read_furniture(brief).article
    assert read.title is None and read.body == [BRIEF, rest]
    (entry,) = entries(build(brief))
    assert entry.title != BRIEF and entry.title_generated and len(entry.title) <= 20
    # A headline over the same text stays the article's title.
    news = Article(id="a2", title="你好，新时代！", body=[rest])
    assert read_furniture(news).article == news


def test_a_long_question_or_call_over_text_stays_a_headline():
    rest = "阅览室每天开放十小时，周末还举办读书会。"
    for headline in (
        "东港市的夜间公交线路开通一个月了，星城的市民更愿意坐公交车还是自己开车出门？",
        "西岭镇的乡村图书馆建成开放了，欢迎全镇的村民和孩子们都来这里看书读报吧！",
    ):
        assert len(headline) >= 30
        news = Article(id="a1", title=headline, body=[rest])
        assert read_furniture(news).article == news, headline
    # A paragraph as long that ends on a full stop is the brief's text over the rest of it.
    paragraph = "东港市的夜间公交线路开通一个月来，已有两万多名星城市民乘坐夜班车回家。"
    assert len(paragraph) >= 30
    read = read_furniture(Article(id="a2", title=paragraph, body=[rest])).article
    assert read.title is None and read.body == [paragraph, rest]


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


NEWS = [
    "东港市西岭镇的乡村公路今天全线通车，全长四十二公里，沿线八个村的村民出行时间缩短一半。",
    "通车仪式上，镇长陈岩说，公路将带动沿线茶叶和果品外运。",
]


@pytest.mark.parametrize(
    "box",
    [
        ["小贴士", "公路沿线设有三处停车区，节假日免收停车费。"],
        ["■相关链接", "东港市去年新建和改建农村公路六百公里，全市行政村通硬化路比例达到百分之百。"],
        ["【名词解释】：乡村公路指连接乡镇和行政村、服务农村生产生活的公路，全长可达百余公里。"],
        ["人物简介", "陈岩，1968年生，东港市西岭镇镇长，曾任市交通局副局长，主持修建三条县道。"],
        ["陈岩，男，1968年出生，现任东港市西岭镇镇长，长期从事农村道路建设与管理工作。"],
        ["（作者为东港市交通运输局局长，长期负责农村公路建设与养护工作，多次获得表彰。）"],
    ],
)
def test_a_box_beside_the_text_is_no_lead(box):
    article = Article(id="b1", title="西岭公路通车", body=[*NEWS, *box])
    assert box_paragraphs(article.body) == frozenset(range(len(NEWS), len(NEWS) + len(box)))
    # Printed above the text, where it would lead, the box is no lead either.
    above = Article(id="b2", title="西岭公路通车", body=[*box, *NEWS])
    assert box_paragraphs(above.body) == frozenset(range(len(box)))
    [summarized] = summarize([above])
    assert summarized.summary is not None and summarized.summary.sentences
    # One sentence a paragraph: the box's sentences are the first len(box).
    assert min(summarized.summary.sentences) >= len(box), summarized.summary.text
    assert "东港市西岭镇的乡村公路今天全线通车" in summarized.summary.text


@pytest.mark.parametrize(
    "line", ["温馨提示：公路沿线设有三处停车区，节假日免收停车费。", "贴士", "链接"]
)
def test_a_line_a_text_may_open_with_boxes_nothing_after_it(line):
    later = "沿线八个村今年将新建十二座茶叶加工厂，预计带动三千名村民增收。"
    assert box_paragraphs([NEWS[0], line, later]) == frozenset()


BIO = "陈岩，男，1968年出生，现任东港市西岭镇镇长，长期从事农村道路建设与管理工作。"


@pytest.mark.parametrize(
    ("body", "told"),
    [
        (["小贴士", NEWS[0]], "四十二公里"),
        # A signature is no text beside the box.
        ([BIO, "（周海）"], "西岭镇镇长"),
    ],
)
def test_an_article_that_is_nothing_but_a_box_is_summarized_from_it(body, told):
    [summarized] = summarize([Article(id="b3", title="出行提示", body=body)])
    assert summarized.summary is not None and told in summarized.summary.text


@pytest.mark.parametrize(
    "paragraph",
    [
        "陈岩，1930年生于西岭镇，十六岁参军，随部队转战南北，后来回到家乡教书育人。",
        "周海，今年52岁，在东港市做了三十年公交司机，从没出过一次事故。",
        "2019年生产的茶叶，有一半销往外省，现任村支书周海说，今年还要多卖两成。",
        "链接两岸的大桥今天合龙，临江市与东港市之间车程缩短到二十分钟。",
        "贴士般细致的服务，让游客在西岭镇感受到了家的温暖。",
        "背景资料显示，临江市去年接待游客一千二百万人次，比上年增长一成。",
        "人物简介里写着他的一生：参军、教书、回乡办厂，每一步都离不开西岭镇。",
        "作者为了写好这本书，在西岭镇住了整整三年，走访了两百多户人家。",
        "图书馆为读者准备了三千册新书，周末还有讲座。",
        "上图书馆看书，已成为临江市民的周末习惯。",
        "陈岩，东港市西岭镇镇长，1968年生人，他说公路通了，茶叶就能卖上好价钱。",
        "据介绍，2019年生效的新规定明确了补偿标准，大学教授陈岩认为这将惠及数万农户。",
        "据介绍，2019年生产总值增长百分之七，市政协主席周海在会上作了说明。",
        "周海，1949年出生在西岭镇，那一年镇上只有一条土路，后来他当了教授。",
        "（作者单位：东港市农业科学院）",
        "（作者摄）",
    ],
)
def test_ordinary_paragraphs_are_no_box(paragraph):
    assert box_paragraphs([NEWS[0], paragraph, NEWS[1]]) == frozenset()


@pytest.mark.parametrize(
    "body",
    [
        ["1、图为临江市民在西岭镇参加植树活动，当天全市共种下树苗三千株。（周海摄）"],
        ["（1）图为临江市民在西岭镇参加植树活动，当天全市共种下树苗三千株。"],
        ["上图：临江市民在西岭镇参加植树活动，当天全市共种下树苗三千株。"],
        ["左图为临江市民在西岭镇参加植树活动，当天全市共种下树苗三千株。"],
        ["图①：临江市民在西岭镇参加植树活动，当天全市共种下树苗三千株。"],
        [
            "１、图为临江市民在西岭镇参加植树活动，当天全市共种下树苗三千株。",
            "２、东港市举办冰灯节，吸引游客两万人次。图为游客在冰灯前合影。",
        ],
    ],
)
def test_captions_marks_enter_no_summary_or_title(body):
    for title in ("图片新闻", None):
        [article] = summarize([Article(id="c1", title=title, body=list(body))])
        assert article.summary is not None and article.display_title
        for text in (article.summary.text, article.display_title):
            assert "图" not in text[:3] and not text[0].isdigit() and text[0] not in "１２（", text


@pytest.mark.parametrize("mark", ["图为", "1、图为", "（2）图为"])
def test_a_caption_inside_a_news_article_is_no_lead(mark):
    # The ranking marks a caption that opens on 图为 down; one numbered in its box, too.
    caption = f"{mark}东港市西岭镇的乡村公路通车当天，沿线八个村的村民在路边敲锣打鼓庆祝通车。"
    article = Article(id="c2", title="西岭公路通车", body=[caption, *NEWS])
    assert box_paragraphs(article.body) == frozenset({0})
    [summarized] = summarize([article])
    assert summarized.summary is not None and 0 not in summarized.summary.sentences


@pytest.mark.parametrize(
    ("field", "printed", "read"),
    [
        ("title", "临江渔港开海第一网（图片）", "临江渔港开海第一网"),
        ("title", "西岭茶农赶早采春茶（附图片２张）", "西岭茶农赶早采春茶"),
        ("title", "东港冰灯节开幕（组图）", "东港冰灯节开幕"),
        ("title", "临江新桥 两岸一线牵（图）", "临江新桥 两岸一线牵"),
        ("byline", "附图片1张", None),
        ("byline", "本报记者 周海)(附照片3幅", "本报记者 周海"),
        ("byline", "（本报记者 周海 附照片2幅）", "（本报记者 周海）"),
        ("byline", "（新华社记者周海摄 附图片1张）", "（新华社记者周海摄）"),
    ],
)
def test_a_photo_mark_is_read_off_the_headline_and_byline(field, printed, read):
    article = Article(id="m1", body=[NEWS[0]], **{field: printed})
    assert getattr(read_furniture(article).article, field) == read
    assert getattr(article, field) == printed  # the record stays as printed
    [summarized] = summarize([article])
    if field == "title":
        assert summarized.display_title == read


@pytest.mark.parametrize(
    "title",
    [
        "临江举办新春图片展",
        "周海的照片故事",
        "东港（图为冰灯）开幕",
        "临江市图书馆（二期）开放",
        "西岭镇老照片里的年味",
        "图说临江四十年",
        "附近居民的图书角",
        "东港推出图片直播（试行）",
        "陈岩：一张照片记录一个时代",
        "临江地图（2020年版）发布",
    ],
)
def test_a_title_that_speaks_of_photos_keeps_its_words(title):
    article = Article(id="m2", title=title, body=[NEWS[0]])
    assert read_furniture(article).article.title == title


@pytest.mark.parametrize("first", [1, 3])
def test_a_box_of_numbered_photos_is_summarized_from_one_photo_not_spliced(first):
    # A page's box may go on from items printed before it: ３、 then ４、.
    number = "０１２３４５６７８９".__getitem__
    body = [
        f"{number(first)}、３月２日，东港市西岭镇的村民在河边种下一排柳树，为小镇添上新绿。（周海摄）",
        f"{number(first + 1)}、临江动物园新添两只小熊猫，园内熊猫家族增至１２只。（陈岩摄）",
    ]
    [article] = summarize([Article(id="c3", title="图片新闻", body=body)])
    assert article.summary is not None
    assert article.summary.text.startswith("３月２日，东港市西岭镇的村民")
    assert "熊猫" not in article.summary.text
    # The second photo is listed under the entry, without its number and its credit.
    (entry,) = entries(assemble(Issue(source="page.txt"), [article]))
    assert "熊猫" not in entry.summary
    assert entry.items == ["临江动物园新添两只小熊猫，园内熊猫家族增至12只。"]


def test_each_further_photo_of_a_box_is_listed_under_its_entry():
    # Numbered （1）…（3）, captions opening on 图为, credits on lines of their own; the third
    # photo's caption opens on a quotation, which is listed with who said it.
    body = [
        "（1）图为东港市西岭镇新建的跨江大桥，大桥全长八百米。",
        "本报记者 周海摄",
        "（2）临江市星城小学的学生在操场上练习舞龙。学校今年开设了十二门兴趣课。",
        "陈岩摄",
        "（3）“种茶也能致富。”西岭镇茶农李晓梅笑着说。她家今年的茶叶收入超过五万元。",
    ]
    article = Article(id="c4", title="图片报道", body=body)
    read = read_furniture(article)
    assert read.article.body == ["东港市西岭镇新建的跨江大桥，大桥全长八百米。", "本报记者 周海摄"]
    assert read.article.items == [
        "临江市星城小学的学生在操场上练习舞龙。",
        "“种茶也能致富。”西岭镇茶农李晓梅笑着说。",
    ]
    assert article.body == body and article.items == []  # the record is not changed
    briefing = build(article)
    (entry,) = entries(briefing)
    assert entry.summary.startswith("东港市西岭镇新建的跨江大桥")
    assert "舞龙" not in entry.summary and "茶农" not in entry.summary
    assert entry.items == read.article.items
    markdown = render(briefing, format="md")
    assert "- 临江市星城小学的学生在操场上练习舞龙。" in markdown
    assert "舞龙" in render(briefing, format="html") and "舞龙" in render(briefing, format="json")


def test_a_photo_number_alone_on_its_line_lists_the_caption_under_it(tmp_path):
    # The second photo's number is printed alone, its caption on the next line.
    body = [
        "1、图为临江市西岭镇村民在田间收割水稻，今年全镇粮食产量再创新高。",
        "2、",
        "图为东港市新建的跨江大桥。（周海摄）",
        "3、图为星城夜景。",
    ]
    read = read_furniture(Article(id="c6", title="图片报道", body=body)).article
    assert read.items == ["东港市新建的跨江大桥。", "星城夜景。"]
    # On a page, the caption under the number alone is the item's text, not a caption apart.
    page = tmp_path / "page.txt"
    page.write_text("\n".join(["图片报道", *body]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(page), "-f", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    listed = [entry["items"] for section in out["sections"] for entry in section["entries"]]
    assert listed == [read.items]


def test_a_photo_item_that_is_only_a_credit_is_not_listed():
    body = ["1、图为临江市西岭镇村民在田间收割水稻。", "2、新华社记者 陈岩摄", "3、图为星城夜景。"]
    article = Article(id="c7", title="图片新闻", body=body)
    assert read_furniture(article).article.items == ["星城夜景。"]
    (entry,) = entries(build(article))
    assert entry.items == ["星城夜景。"]
    # A caption with no stop, closing on its credit in brackets, is no credit line: it is listed.
    body[1] = "2、东港市新建的跨江大桥（周海摄）"
    read = read_furniture(Article(id="c7", title="图片新闻", body=body)).article
    assert read.items == ["东港市新建的跨江大桥", "星城夜景。"]


def test_a_long_photo_caption_is_cut_as_a_box_brief_is():
    long = (
        "星城沿江步道的灯光吸引了大量市民前来散步，沿江商户的营业额比去年同期增长了三成以上，"
        "夜间经济成为星城消费新的增长点，西岭镇的游客也纷纷赶来。"
    )
    fits = "东港市新建的跨江大桥全长八百米，今天正式通车。"
    body = ["1、图为临江市西岭镇村民在田间收割水稻。", f"2、图为{long}", f"3、{fits}"]
    read = read_furniture(Article(id="c8", title="图片报道", body=body)).article
    # Cut after the last clause within the cap, not mid-word.
    assert read.items == [
        "星城沿江步道的灯光吸引了大量市民前来散步，沿江商户的营业额比去年同期增长了三成以上，"
        "夜间经济成为星城消费新的增长点…",
        fits,
    ]
    assert len(read.items[0]) <= ITEM_MAX + 1


def test_a_listed_line_is_cut_after_a_clause_where_one_ends_in_its_second_half():
    assert (
        clipped("临江市新建公园八座，绿地面积增加两成。", 60)
        == "临江市新建公园八座，绿地面积增加两成。"
    )
    assert clipped("临江市新建公园八座，绿地面积增加两成。", 16) == "临江市新建公园八座…"
    # A clause mark only near the start: the cut stays at the cap rather than keep two words.
    assert clipped("西岭，镇上新建的茶叶加工园今年投产", 12) == "西岭，镇上新建的茶叶加工…"
    # A comma between digits is part of a figure, no clause mark: 12,500 is never cut to 12.
    assert (
        clipped("东港市新建的跨江大桥总投资12,500万元，全长八百米", 19)
        == "东港市新建的跨江大桥总投资12,500…"
    )


def test_a_numbered_box_under_a_headline_that_opens_on_a_caption_is_a_photo_box():
    # The neighbour of numbered prose: under a headline, not a box label, item 1 is a caption.
    body = ["1、图为西岭镇服务中心的办事窗口。", "2、星城社区新设的公交站点。"]
    read = read_furniture(Article(id="c9", title="东港市便民服务掠影", body=body)).article
    assert (read.body, read.items) == (["西岭镇服务中心的办事窗口。"], ["星城社区新设的公交站点。"])


@pytest.mark.parametrize(
    "title, body",
    [
        # A box of one photo: its caption is the entry, nothing is listed.
        ("图片新闻", ["图为临江市星城公园里盛开的郁金香。（周海摄）"]),
        # Prose whose paragraphs are numbered, with a photo's caption, is no photo box: it is
        # read whole.
        (
            "东港市出台三项便民措施",
            [
                "东港市日前出台三项便民措施。",
                "1、市民办理户籍业务可在西岭镇服务中心一次办结。",
                "2、星城社区新设十个公交站点。",
                "图为西岭镇服务中心的办事窗口。",
            ],
        ),
        # ... and where every paragraph is numbered, one of them a caption.
        (
            "东港市出台三项便民措施",
            [
                "1、市民办理户籍业务可在西岭镇服务中心一次办结。",
                "2、星城社区新设十个公交站点。",
                "3、图为西岭镇服务中心的办事窗口。",
            ],
        ),
    ],
)
def test_a_box_of_one_photo_or_numbered_prose_lists_nothing(title, body):
    article = Article(id="c5", title=title, body=body)
    read = read_furniture(article).article
    assert read.items == []
    assert len(read.body) == len(body)
    (entry,) = entries(build(article))
    assert entry.items == []


@pytest.mark.parametrize(
    "body",
    [
        ["2.5万名市民昨天来到西岭镇观看冰灯，冰灯节将持续到二月底。"],
        ["1.2万名游客昨天来到临江湿地公园，观看候鸟北归。", "2.东港市的冰灯节同日开幕。"],
    ],
)
def test_a_decimal_is_no_item_number(body):
    # Under a photo box's label, a caption that opens on a figure keeps it.
    for title in ("图说", None):
        [article] = summarize([Article(id="d1", title=title, body=list(body))])
        assert article.summary is not None and article.summary.text.startswith(body[0][:3])
        assert read_furniture(Article(id="d1", title=title, body=list(body))).article.body == body


def test_a_box_above_the_text_gives_an_untitled_article_no_title():
    # The titler ranks the sentences as the summarizer does: the biography is no source of either.
    article = Article(id="b4", body=[BIO, *NEWS])
    [summarized] = summarize([article])
    assert summarized.summary is not None and summarized.summary.sentences
    assert 0 not in summarized.summary.sentences
    assert summarized.display_title and "1968" not in summarized.display_title
    assert not summarized.display_title.startswith("陈岩男")


def test_a_profiles_subject_is_its_story_not_a_box():
    story = "陈岩，1962年生，现任西岭镇党委书记。二十年来，他带领全镇修通了四十二公里乡村公路。"
    # The paragraph goes on past the biography: the story is in it.
    assert box_paragraphs([story, NEWS[1]]) == frozenset()
    # The headline names the biography's subject: the profile is about them.
    assert box_paragraphs([BIO, *NEWS], "陈岩：修路二十年") == frozenset()
    assert box_paragraphs([BIO, *NEWS], "西岭公路通车") == frozenset({0})


def test_each_stage_reads_an_articles_furniture_once(monkeypatch):
    """The summarize stage (summarizer and default titler) and assembly (listing, ranking,
    entry) each read an article's furniture once, not once per step."""
    from importlib import import_module

    from briefing.summarize import furniture

    assembly = import_module("briefing.assemble.briefing")
    summarize_module = import_module("briefing.summarize")
    calls: list[str] = []

    def counted(article: Article, read=furniture.read_furniture) -> furniture.Reading:
        calls.append(article.id)
        return read(article)

    photo = Article(id="a1", title="图片报道", body=[CAPTION], credit="本报记者 周海摄")
    news = Article(id="a2", title="东港市茶叶喜获丰收", body=[BRIEF])
    monkeypatch.setattr(summarize_module, "read_furniture", counted)
    monkeypatch.setattr(import_module("briefing.summarize.titles"), "read_furniture", counted)
    summarized = summarize([photo, news])
    assert sorted(calls) == ["a1", "a2"]
    calls.clear()
    monkeypatch.setattr(assembly, "read_furniture", counted)
    monkeypatch.setattr(furniture, "read_furniture", counted)
    briefing = assemble(Issue(source="page.txt"), summarized)
    assert sorted(calls) == ["a1", "a2"]
    assert sorted(e.article_id for e in entries(briefing)) == ["a1", "a2"]


@pytest.mark.parametrize("title", [None, "图片报道", "西岭秋茶香"])
def test_a_caption_box_is_folded_once(monkeypatch, title):
    """Untitled, each line is folded once, for both the test and the reading. Under a box label
    or its own title the caption box is read too, but is_brief_in_title and has_text fold its
    lines again (up to three times): the fold-once claim holds for the untitled box only."""
    from importlib import import_module

    furniture = import_module("briefing.summarize.furniture")
    folded: list[str] = []

    def counted(text: str, fold=furniture.fold_width) -> str:
        folded.append(text)
        return fold(text)

    monkeypatch.setattr(furniture, "fold_width", counted)
    body = ["图为东港市西岭镇的茶农在茶园里采摘秋茶。", "本报记者 周海摄"]
    read = read_furniture(Article(id="p1", title=title, body=body)).article
    assert read.body[0].startswith("东港市")
    if title is None:
        assert sorted(folded) == sorted(body)
    else:
        assert set(body) <= set(folded) <= {title, *body}


def test_a_titler_takes_the_readings_where_its_title_has_the_keyword():
    from briefing.summarize.titles import ExtractiveTitler

    given: list[object] = []

    class Keyword(ExtractiveTitler):
        def title(self, articles, *, readings=None):
            given.append(readings)
            return super().title(articles, readings=readings)

    class Plain:  # registered before the keyword existed
        def title(self, articles):
            return [(a.title or "无题", False) for a in articles]

    photo = Article(id="a1", title="图片报道", body=[CAPTION], credit="本报记者 周海摄")
    [keyword] = summarize([photo], titler=Keyword())
    assert given and given[0] is not None and given[0][0].label == "图片报道"
    assert keyword.display_title == ExtractiveTitler().title([photo])[0][0]
    [plain] = summarize(
        [Article(id="a2", title="东港市茶叶喜获丰收", body=[BRIEF])], titler=Plain()
    )
    assert plain.display_title == "东港市茶叶喜获丰收"
