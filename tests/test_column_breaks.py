"""Paragraphs cut by a column break are read as one; decks, subheads, bylines and lists are not."""

from __future__ import annotations

import pytest

from briefing.summarize.column_breaks import column_breaks, rejoined
from briefing.summarize.sentences import split_sentences

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
        ("陈岩说，村里最受欢迎的", "还是那家开了二十年的面馆。"),
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
        # A heading that ends on an adjective; a sentence that opens on a time (上半年).
        ("这个春节，西岭镇过得有点特别", "上半年，西岭镇新开了三家民宿，游客比往年多。"),
        # A byline or a dateline opens a text, never the rest of one.
        ("周海说，这件事对他来说是最难忘的", "本报记者 陈岩"),
        ("两地合作，共同发展", "本报临江1月5日电 东港市与临江市签订合作协议。"),
        # A heading before a sentence that opens with a preposition.
        ("补齐服务短板，办好民生实事", "与往年不同，今年的项目由居民投票选出。"),
        # A figure box and numbered steps.
        ("东港港口去年的集装箱吞吐量，比上年多出两成", "86万标箱"),
        ("1 备料，把面粉和水按比例调好", "2 揉面，反复揉到表面光滑为止。"),
        # A paragraph that reads as no text (a line of verse, a name).
        ("山那边的风吹过来", "吹绿了西岭的坡地。"),
        # A paragraph that opens with a person's age, as many do.
        ("守住绿水青山，留住美丽乡愁", "75岁的周海每天清晨都到河边巡查。"),
    ],
)
def test_decks_subheads_bylines_and_lists_are_not_joined(left: str, right: str) -> None:
    assert not _breaks(left, right)


def test_an_article_that_is_not_prose_is_never_joined() -> None:
    # Lines of verse, most without a stop: a short line is no cut there.
    poem = ["西岭的春天来了，", "山花开满了坡", "溪水流过村庄，", "孩子们跑向", "田野的深处"]
    assert not any(column_breaks(poem))
    # Too few paragraphs of text to tell: left as they are.
    assert not any(column_breaks(["临江市的新学校，今年要让", "更多孩子就近入学。"]))


def test_published_paragraphs_are_left_as_they_are() -> None:
    assert not any(column_breaks(PROSE))
    assert rejoined(PROSE) == list(enumerate(PROSE))


def test_split_sentences_reads_a_cut_paragraph_whole() -> None:
    body = [PROSE[0], "市教育局表示，下一步要让", "更多孩子就近入学。", *PROSE[1:]]
    sentences = split_sentences(body)
    assert [s.text for s in sentences][1] == "市教育局表示，下一步要让更多孩子就近入学。"
    assert sentences[1].complete
    # The joined sentence is numbered as its first piece; later paragraphs keep their numbers.
    assert [s.paragraph for s in sentences] == [0, 1, 3, 4, 5]
    assert split_sentences(body, limit=2)[1].text == sentences[1].text
