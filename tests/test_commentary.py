"""Commentary recognition: columns, commentators' lines and signed pieces (invented text)."""

from __future__ import annotations

import pytest

from briefing.records import Article
from briefing.summarize import summarize
from briefing.summarize.commentary import (
    attribution,
    commentary_rule,
    commentary_voice,
    is_commentary,
    opinion_columns,
)

ARGUMENT = [
    "推进城乡融合发展，关键在于让资源要素在城乡之间自由流动，这需要各地拿出更大的改革勇气。",
    "临江市的经验表明，只有把制度短板补齐，乡村才能留住人才、留住产业。",
    "改革没有完成时，唯有久久为功，才能让城乡融合的成果惠及更多群众。",
]
REPORT = [
    "本报临江2月3日电（记者陈岩）临江市今年新建乡村公路一百二十公里，惠及沿线十二个乡镇。",
    "临江大学教授周海认为，公路通了，沿线农产品销售更加便利，群众增收有了新路子。",
    "据介绍，明年该市还将继续推进乡村公路建设。",
]


@pytest.mark.parametrize(
    "where",
    [
        {"subtitle": "本报评论员"},
        {"kicker": "本报评论员"},
        {"byline": "本报评论员"},
        {"subtitle": "——本报评论员"},
        {"body": ["本报评论员", *ARGUMENT]},
    ],
)
def test_a_commentators_line_marks_commentary_wherever_the_splitter_put_it(where):
    fields = {"title": "让城乡要素流动起来", "body": list(ARGUMENT), **where}
    assert commentary_voice(Article(id="c", **fields)) == "本报评论员"


def test_another_papers_commentator_keeps_its_paper():
    piece = Article(id="c", title="让城乡要素流动起来", byline="新华社评论员", body=list(ARGUMENT))
    assert commentary_voice(piece) == "新华社评论员"


def test_a_signed_piece_opens_with_who_writes():
    named = Article(
        id="a",
        title="让城乡要素流动起来",
        byline="周海",
        body=list(ARGUMENT),
        note="（作者为临江大学经济学院教授）",
    )
    assert commentary_rule(named) == ("author", "周海撰文")
    (done,) = summarize([named], max_chars=90)
    assert done.summary.text.startswith("周海撰文认为，")


def test_an_author_note_without_a_name_gives_the_authors_role():
    # The note may be split off (note) or left as the last paragraph, perhaps run on.
    as_note = Article(
        id="a", title="城乡融合贵在久久为功", body=list(ARGUMENT), note="（作者为星国驻东港大使）"
    )
    assert commentary_voice(as_note) == "星国驻东港大使撰文"
    (done,) = summarize([as_note], max_chars=90)
    assert done.summary.text.startswith("星国驻东港大使撰文认为，")
    run_on = Article(
        id="b",
        title="城乡融合贵在久久为功",
        body=[*ARGUMENT[:-1], ARGUMENT[-1] + "（作者单位：临江市委党校）"],
    )
    assert commentary_voice(run_on) == "作者"
    assert attribution("作者") == "作者认为，"
    long_role = Article(
        id="c",
        title="城乡融合贵在久久为功",
        body=[*ARGUMENT, "（作者系临江市西岭镇乡村振兴研究会常务副会长兼秘书长）"],
    )
    assert commentary_voice(long_role) == "作者"


def test_a_drafters_line_names_the_drafters():
    piece = Article(
        id="a", title="城乡融合贵在久久为功", byline="执笔：周 海、陈岩", body=list(ARGUMENT)
    )
    assert commentary_voice(piece) == "周海、陈岩执笔"
    assert attribution("周海、陈岩执笔") == "周海、陈岩执笔的文章认为，"


@pytest.mark.parametrize("column", ["凭栏处", "大家手笔", "新知新觉", "有的放矢", "望海楼"])
def test_an_opinion_column_marks_commentary(column):
    in_column = Article(id="a", title="城乡融合贵在久久为功", column=column, body=list(ARGUMENT))
    as_tag = Article(id="b", title=f"城乡融合贵在久久为功（{column}·开栏）", body=list(ARGUMENT))
    assert commentary_voice(in_column) == commentary_voice(as_tag) == column


@pytest.mark.parametrize(
    "article",
    [
        Article(
            id="n",
            title="临江市新建乡村公路一百二十公里",
            body=[REPORT[1] + "（作者为临江大学教授）", REPORT[0], REPORT[2]],
            note="（作者为本报记者）",
        ),
        Article(id="j", title="公路修到家门口（记者手记）", body=list(REPORT)),
        Article(id="p", title="乡村公路建设提速", column="政策解读", body=list(REPORT)),
        Article(
            id="i",
            title="让乡村公路通到每个村",
            subtitle="——访临江市交通局局长周海",
            body=list(REPORT),
            note="（作者为本报记者）",
        ),
    ],
    ids=["report quoting an expert", "news column", "policy column", "interview"],
)
def test_news_is_not_commentary(article):
    assert not is_commentary(article)


def test_the_column_list_holds_whole_column_names():
    columns = opinion_columns()
    assert {"钟声", "今日谈", "大家手笔"} <= columns
    assert all(2 <= len(name) <= 8 and "·" not in name for name in columns)


def test_the_guard_passes_the_opening_built_from_the_note_and_nothing_else_it_holds():
    # The splitter keeps the note apart from the body; the opening built from it
    # (东港研究院院长周海撰文认为，…) passes the guard, but the note licenses no other use of its
    # names: a misattached note (two articles merged) must not let a summary invent who acts.
    from briefing.summarize import check_summary

    note = "（作者为东港研究院院长周海）"
    piece = Article(id="a", title="城乡融合贵在久久为功", body=list(ARGUMENT), note=note)
    opening = attribution(commentary_voice(piece) or "")
    assert opening == "东港研究院院长周海撰文认为，"
    (made,) = summarize([piece])
    assert made.summary is not None and made.summary.opening == opening
    assert check_summary(made.summary, piece)
    # Only the summarizer's record vouches for its opening: the same words in a text (a model's
    # output) are checked as they stand.
    assert not check_summary(opening + ARGUMENT[0], piece)
    assert not check_summary("西岭大学教授撰文认为，" + ARGUMENT[0], piece)
    assert not check_summary("周海指出，" + ARGUMENT[1], piece)
    news = Article(
        id="b", title="临江新建乡村公路", body=list(REPORT), note="（作者为东港研究院院长林舟）"
    )
    assert not check_summary("东港研究院今年新建乡村公路一百二十公里，惠及沿线十二个乡镇。", news)
    assert not check_summary("林舟表示，临江市今年新建乡村公路一百二十公里。", news)


@pytest.mark.parametrize(
    "tag",
    ["东港锐评", "暖闻热评·星城人物", "新闻随笔", "西岭随感", "临江杂谈", "港城观澜", "江评"],
)
def test_a_column_named_for_a_comment_or_an_essay_is_commentary_unlisted(tag):
    piece = Article(id="a", title=f"城乡融合贵在久久为功（{tag}）", body=list(ARGUMENT))
    assert commentary_voice(piece) == tag.split("·")[0]


@pytest.mark.parametrize("tag", ["作品品鉴", "名家谈艺", "新片影评", "新书评介", "经典赏析"])
def test_a_review_column_is_commentary_unlisted(tag):
    """A critic's verdict on a work is an argued view, whatever the column's name."""
    piece = Article(id="a", title=f"话剧《星城》的好戏在细节（{tag}）", body=list(ARGUMENT))
    assert commentary_voice(piece) == tag


@pytest.mark.parametrize(
    "tag", ["点评", "好评", "测评", "观察", "产经观察", "前沿观察", "品鉴会", "谈艺录出版"]
)
def test_a_remarks_kind_or_a_reportage_series_is_no_commentary_form(tag):
    assert not is_commentary(
        Article(id="a", title=f"临江新建乡村公路（{tag}）", body=list(ARGUMENT))
    )


@pytest.mark.parametrize(
    ("fields", "voice"),
    [
        ({"subtitle": "——论学习临江市第三次党代会精神"}, "本报评论员"),
        ({"title": "论久久为功"}, "本报评论员"),
        ({"title": "论久久为功", "byline": "周海"}, "周海撰文"),
    ],
)
def test_an_essay_titled_on_its_subject_is_commentary(fields, voice):
    piece = Article(id="a", **{"title": "城乡融合贵在久久为功", **fields}, body=list(ARGUMENT))
    assert commentary_voice(piece) == voice


@pytest.mark.parametrize("title", ["论坛在临江市开幕", "论文答辩在东港大学举行", "论资排辈要不得"])
def test_a_title_that_only_opens_on_lun_is_no_essay(title):
    assert not is_commentary(Article(id="n", title=title, body=list(ARGUMENT)))


REPORTAGE = [
    "清晨六点，西岭村的公路上已经有了车声。",
    "村支书周海指着新修的公路说，这条路修了三年，如今山货当天就能运进城。",
]


@pytest.mark.parametrize(
    "note",
    [
        "（作者为本报记者）",
        "（作者为新华社高级记者）",
        "（作者系本报摄影部主任）",
        "（作者单位：临江日报社）",
    ],
)
def test_a_journalists_note_does_not_make_signed_reportage_commentary(note):
    signed = Article(id="r", title="山路弯弯通小康", byline="陈岩", body=list(REPORTAGE), note=note)
    assert commentary_rule(signed) is None
    run_on = Article(id="s", title="山路弯弯通小康", body=[*REPORTAGE[:-1], REPORTAGE[-1] + note])
    assert commentary_rule(run_on) is None
    # Under an opinion column the same piece is commentary, by the column.
    in_column = Article(
        id="t", title="山路弯弯通小康", column="人民时评", body=list(REPORTAGE), note=note
    )
    assert commentary_rule(in_column) == ("column", "人民时评")


@pytest.mark.parametrize("paragraphs", [1, 2, 3])
def test_a_news_story_citing_a_signed_article_is_not_commentary(paragraphs):
    cites = "临江日报今天刊发文章《让公路通到每个村》（作者为临江大学教授林舟）"
    news = Article(id="n", title="临江新建乡村公路", body=[cites, *REPORT[: paragraphs - 1]])
    assert commentary_rule(news) is None


@pytest.mark.parametrize(
    ("voice", "opening"),
    [
        ("钟声", "钟声文章指出，"),
        ("社论", "社论指出，"),
        ("本报评论员", "本报评论员文章认为，"),
        ("新华社评论员", "新华社评论员文章认为，"),
        ("说道", "“说道”栏目文章认为，"),
        ("观点", "“观点”栏目文章认为，"),
        ("临江杂谈", "“临江杂谈”栏目文章认为，"),
        ("周海撰文", "周海撰文认为，"),
        ("作者", "作者认为，"),
    ],
)
def test_a_columns_name_is_quoted_in_the_opening(voice, opening):
    assert attribution(voice) == opening


def test_a_quoted_column_opening_passes_the_checks():
    piece = Article(id="a", title="城乡融合贵在久久为功", column="说道", body=list(ARGUMENT))
    (done,) = summarize([piece], max_chars=90)
    assert done.summary.text.startswith("“说道”栏目文章认为，推进城乡融合发展")
    assert done.summary.method == "extractive"


@pytest.mark.parametrize(
    "where",
    [
        {"title": "让乡村公路通到每个村", "body": ["——访临江市交通局局长周海", *REPORT]},
        {"title": "对话临江市交通局局长周海：让乡村公路通到每个村"},
        {"title": "乡村公路怎么修？——临江市交通局局长周海答本报记者问"},
    ],
    ids=["访 as the first body line", "对话", "答本报记者问"],
)
def test_an_interview_is_not_a_signed_article(where):
    fields = {"byline": "林舟", "body": list(REPORT), "note": "（作者为临江大学教授）", **where}
    assert commentary_rule(Article(id="i", **fields)) is None


@pytest.mark.parametrize("tag", ["网友热评", "网友评论", "网民热评", "读者评论", "专家短评"])
def test_compiled_remarks_are_not_a_commentary_column(tag):
    piece = Article(id="a", title=f"临江新建乡村公路引热议（{tag}）", body=list(REPORT))
    assert commentary_rule(piece) is None


@pytest.mark.parametrize(
    "where",
    [
        {"subtitle": "西岭镇"},
        {"subtitle": "山乡巨变"},
        {"body": ["开篇寄语", *ARGUMENT]},
        {"body": ["核心阅读", *ARGUMENT]},
    ],
    ids=["place name", "four-character phrase", "note heading", "box heading"],
)
def test_a_short_line_that_is_no_name_is_not_taken_for_the_author(where):
    fields = {"title": "城乡融合贵在久久为功", "body": list(ARGUMENT), **where}
    piece = Article(id="a", note="（作者为临江大学教授）", **fields)
    assert commentary_rule(piece) == ("author", "临江大学教授撰文")


@pytest.mark.parametrize(
    ("fields", "rule"),
    [
        ({"subtitle": "——读《星城往事》", "byline": "周海"}, ("author", "周海撰文")),
        ({"title": "乡愁的分量——评《临江志》"}, ("author", "作者")),
        ({"subtitle": "——话剧《西岭人家》观后"}, ("author", "作者")),
        # News about a book or a contest named for one: no review.
        ({"title": "《星城往事》读者见面会在临江举行"}, None),
        (
            {
                "title": "读《星城往事》征文启动",
                "body": ["本报临江1月5日电　临江市图书馆5日启动征文活动。", *REPORT],
            },
            None,
        ),
        # Undated news of an event named for a work, or of a rating: no review either.
        ({"title": "《星城往事》读后感征文揭晓"}, None),
        ({"title": "书香满城——读《星城往事》分享会举行"}, None),
        ({"title": "评《星城》为年度好书"}, None),
        ({"title": "话剧《星城》观后感分享会在临江举行"}, None),
        ({"subtitle": "——读《星城往事》感言"}, ("author", "作者")),
    ],
    ids=[
        "deck 读《》, signed",
        "评《》",
        "观后",
        "读者",
        "reported",
        "征文",
        "分享会",
        "评为",
        "观后感会",
        "感言",
    ],
)
def test_a_review_of_a_work_is_its_writers_argued_view(fields, rule):
    piece = Article(id="r", **{"title": "星光里的乡愁", "body": list(ARGUMENT), **fields})
    assert commentary_rule(piece) == rule
