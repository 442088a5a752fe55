"""Paragraphs cut by a column break between two words are made one where the splitter makes an
article's body; decks, subheads, bylines, credits and lists are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing import load_articles, read_issue, split_issue
from briefing.records import Article
from briefing.split.rejoin import column_breaks, join_cut_paragraphs
from briefing.summarize.ranking import rank_sentences
from briefing.summarize.title_clauses import heading_line

# Paragraphs of invented prose, each ended by a stop: the article around a break.
PROSE = [
    "临江市今年新建学校十二所，在校学生比去年增加三千人。",
    "周海说，学校建成后，附近的孩子不用再坐车去城里上学了。",
    "西岭镇今年也将新建一所中学，预计明年秋季开始招生。",
    "东港市的做法与此相似，已有五所新学校投入使用。",
]


def _breaks(left: str, right: str) -> bool:
    """Whether ``left`` / ``right``, set between prose paragraphs, are read as one paragraph."""
    body = [PROSE[0], left, right, *PROSE[1:]]
    return column_breaks(body)[1]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # A word that cannot end a clause: a verb that needs its object, 的, the copula.
        ("市教育局表示，下一步要让", "更多孩子就近入学，减轻家长接送的负担。"),
        ("据介绍，这座新桥是", "全市跨度最大的一座，明年五月通车。"),
        ("陈岩告诉来访的客人，村里几家饭馆中最受欢迎的", "还是那家开了二十年的面馆。"),
        # After a whole sentence, a short run left open.
        ("新馆三月开工，年底完工。馆长陈岩", "介绍说，新馆将设四个展厅，免费开放。"),
        # The second piece opens on what cannot open a sentence.
        ("周海退休后办了一个书法班，教村里的孩子", "们写字，一教就是十年。"),
        ("去年冬天，陈岩第一次尝试", "了冰上垂钓，一下午钓到三条鱼。"),
        # An adverb of degree, and a place word that belongs to the noun before the break.
        ("周海说，新修的这段山路坡度较", "缓，骑车上去也不费劲。"),
        ("陈岩打开仓库的门，货架", "上的包装箱摆得整整齐齐。"),
        # A bracket opened before the break closes after it.
        ("新线路开通后，首班车（早上六点", "发车）的乘客明显增多。"),
        # A verb of amount before a figure with its unit.
        ("据统计，全年到访西岭镇的游客超过", "120万人次，创历史新高。"),
        # 记者 opening the second piece with no name after it is no byline.
        ("采访结束时，周海笑着对", "记者说，明年还要再扩建一个车间。"),
    ],
)
def test_a_sentence_cut_by_a_column_break_is_joined(left: str, right: str) -> None:
    assert _breaks(left, right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # A subhead or a deck line ends on a whole phrase, even with a comma in it.
        ("做强特色产业，带动群众增收", "西岭镇地处山区，过去交通不便，产业单一。"),
        ("守住生态底线，走好绿色发展路", "今年以来，东港市关停了十二家污染企业。"),
        ("临江：建好服务中心，办好群众身边事", "九月以来，临江市新建了二十个服务中心。"),
        # A subhead that ends on 的 or on an adverb is a whole phrase too.
        ("好日子，是干出来的", "西岭镇的村民这几年靠种茶富了起来。"),
        ("山更绿了，水也更清了，日子也", "东港市今年关停了十二家污染企业。"),
        # A heading that ends on an adjective; a sentence that opens on a time (上半年).
        ("这个春节，西岭镇过得有点特别", "上半年，西岭镇新开了三家民宿，游客比往年多。"),
        # A byline or a dateline opens a text, never the rest of one.
        ("周海说，这件事对他来说是最难忘的", "本报记者 陈岩"),
        ("周海说，这件事对他来说是最难忘的", "记者陈岩 通讯员周海 临江报道"),
        ("周海说，这件事对他来说是最难忘的", "记者陈岩 临江市今年新建学校十二所。"),
        ("两地合作，共同发展", "本报临江1月5日电 东港市与临江市签订合作协议。"),
        # A heading before a sentence that opens with a preposition.
        ("补齐服务短板，办好民生实事", "与往年不同，今年的项目由居民投票选出。"),
        # A figure box and numbered steps.
        ("东港港口去年的集装箱吞吐量，比上年多出两成", "86万标箱"),
        ("1 备料，把面粉和水按比例调好", "2 揉面，反复揉到表面光滑为止。"),
        # A verb of amount before a figure line with no clause after it; before a year.
        ("据统计，全年到访西岭镇的游客超过", "120万人次"),
        ("民宿经济带动就业，全市游客人数比上年增长", "2019年，西岭镇接待游客86万人次。"),
        # A paragraph that reads as no text (a line of verse, a name).
        ("山那边的风吹过来", "吹绿了西岭的坡地。"),
        # A paragraph that opens with a person's age, as many do.
        ("守住绿水青山，留住美丽乡愁", "75岁的周海每天清晨都到河边巡查。"),
        # After a stop, a line of its own: a credit, a signature, a source, a date, a label
        # with a space, or a run too long to be a sentence left open.
        ("新校舍今年九月投入使用。本报记者周海摄", "西岭镇还将新建一所幼儿园。"),
        ("周海在信中写道，村里的路修好了。陈岩", "西岭镇还将新建一所幼儿园。"),
        ("全市粮食产量连续五年增长。数据来源：临江市统计局", "西岭镇还将新建一所幼儿园。"),
        ("请各单位认真落实。特此通知。2019年10月1日", "西岭镇还将新建一所幼儿园。"),
        ("展览持续到月底，免费开放。主办单位 临江市文化馆", "西岭镇还将举办三场展览。"),
        ("全市新建学校十二所。西岭镇中心小学扩建工程顺利通过验收", "周海说，明年还将扩建。"),
        # A caption over the text.
        ("图为临江市新建的西岭中学。周海摄影", "西岭镇还将新建一所幼儿园。"),
        # A paragraph that ends on a whole clause without its stop.
        ("临江市新建学校十二所，在校学生增加三千人", "周海说，学校建成后孩子不用再坐车了。"),
    ],
)
def test_decks_subheads_bylines_credits_and_lists_are_not_joined(left: str, right: str) -> None:
    assert not _breaks(left, right)


def test_an_article_whose_paragraphs_mostly_end_without_a_stop_is_never_joined() -> None:
    # Long lines of text with commas, few ended by a stop (a list, a programme): not prose.
    unended = [p.rstrip("。") for p in PROSE]
    body = [unended[0], "市教育局表示，下一步要让", "更多孩子就近入学。", *unended[1:]]
    assert not any(column_breaks(body))
    # The same pair among paragraphs that end on a stop is joined.
    assert column_breaks([PROSE[0], *body[1:3], *PROSE[1:]])[1]


def test_items_of_a_list_ended_by_a_semicolon_read_as_prose() -> None:
    # Items of a list in the text, each ended by a semicolon: prose, and the break is joined.
    items = [
        "第一，临江市今年新建学校十二所，在校学生比去年增加三千人；",
        "第二，西岭镇今年也将新建一所中学，预计明年秋季开始招生；",
        "第三，东港市的五所新学校已经投入使用，附近孩子就近入学；",
        "第四，星城的两所学校正在扩建，明年新增学位一千个；",
    ]
    body = [*items[:2], "市教育局表示，下一步要让", "更多孩子就近入学。", *items[2:]]
    assert column_breaks(body)[2]
    # The same items with neither a stop nor a semicolon at their end: no prose, not joined.
    unended = [item.rstrip("；") for item in items]
    assert not any(column_breaks([*unended[:2], *body[2:4], *unended[2:]]))


def test_short_lines_are_no_prose_to_tell_a_break_by() -> None:
    # Lines of verse, each with a comma and a stop but short: no article of prose.
    verse = ["春来了，花开了。", "风起了，叶落了。", "雨停了，天晴了。"]
    assert not any(column_breaks([*verse, "周海说，新修的这段山路坡度较", "缓，骑车不费劲。"]))
    # Too few paragraphs of text to tell: left as they are.
    assert not any(column_breaks(["临江市的新学校，今年要让", "更多孩子就近入学。"]))


def test_a_prose_paragraph_cut_after_a_comma_is_joined_even_in_a_short_article() -> None:
    left, right = "改造内容包括外墙保温、雨污分流和电梯加装，", "居民可通过社区议事会提出意见。"
    assert _breaks(left, right)
    # Two other paragraphs of prose, both ended, are enough to tell a comma break by.
    assert column_breaks([PROSE[0], left, right])[1]
    # Not where another paragraph of the article ends unended (verse, a run of lines on commas).
    assert not column_breaks([PROSE[0], PROSE[1].rstrip("。"), left, right])[2]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # A salutation: short lines on commas, the last on a colon.
        ("临江市的各位乡亲们，", "同志们，朋友们："),
        ("尊敬的临江市各位来宾、各位朋友，", "尊敬的东港市代表团的各位成员们："),
        # A toast of two prose lines on commas.
        ("为临江市和东港市两地人民的友谊与合作，", "为在座各位来宾和朋友们的健康，"),
        # A couplet: short lines.
        ("山路弯弯绕西岭，", "果香阵阵满东港。"),
    ],
)
def test_salutations_toasts_and_verse_on_commas_are_not_joined(left: str, right: str) -> None:
    assert not _breaks(left, right)


def test_join_cut_paragraphs_runs_each_cut_into_the_next() -> None:
    body = [PROSE[0], "市教育局表示，下一步要让", "更多孩子就近入学。", *PROSE[1:]]
    assert join_cut_paragraphs(body) == [
        PROSE[0],
        "市教育局表示，下一步要让更多孩子就近入学。",
        *PROSE[1:],
    ]
    assert join_cut_paragraphs(PROSE) == PROSE


_PAGE = (
    "临江市新建十二所学校\n\n"
    "本报临江1月5日电 临江市今年新建学校十二所，在校学生比去年增加三千人。\n\n"
    "市教育局表示，下一步要让\n\n"
    "更多孩子就近入学，减轻家长接送的负担。\n\n" + "\n\n".join(PROSE[1:]) + "\n"
)


def test_the_splitter_makes_the_body_with_the_cut_paragraph_whole(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(_PAGE, encoding="utf-8")
    (article,) = split_issue(read_issue(path))
    whole = "市教育局表示，下一步要让更多孩子就近入学，减轻家长接送的负担。"
    assert article.body[1] == whole
    assert len(article.body) == 5
    # The article keeps every line of the page.
    assert article.lines == [1, 13]
    # Every reader of the body sees the same paragraph: the sentences ranked and the first
    # lines a title reads.
    assert whole in [s.sentence.text for s in rank_sentences(article)]
    assert heading_line(Article(id="a", body=article.body[1:3]), limit=30) is None


def test_articles_already_split_are_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    body = [PROSE[0], "市教育局表示，下一步要让", "更多孩子就近入学。", *PROSE[1:]]
    record = Article(id="a1", title="临江新建学校", body=body).to_dict()
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_articles(path)[1][0].body == body
