"""Who writes a first-person piece: letters, essays and speeches say who speaks (invented text)."""

from __future__ import annotations

import pytest

from briefing.records import Article
from briefing.summarize import check_summary
from briefing.summarize import summarize
from briefing.summarize.commentary import (
    first_person,
    split_opening,
    voice_opening,
    writer_opening,
)


@pytest.mark.parametrize(
    "text",
    [
        "那年秋天，我在西岭镇的小学代了一个学期的课。",
        "我们几个老同学约好，今年一起回临江市过年。",
        "笔者以为，步道修好了，还得有人管。",
        "师傅递给我一副手套，教我怎样握焊枪。",
        "这件事，咱们得好好商量。",
    ],
)
def test_a_writers_own_first_person_needs_a_speaker(text):
    assert first_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "我国今年粮食产量再创新高。",
        "我省新建公路一千二百公里，我市列全省第三。",
        "我驻星国使馆举行招待会，庆祝建馆三十周年。",
        "我军某部在东港市开展联合演练。",
        "周海说，我们村今年种了三百亩蓝莓。",
        "陈岩表示，我会继续在西岭镇教书。",
        "“我们一定把路修好。”周海说。",
        "电影《我和我的家乡》在临江市首映。",
        "他坦言：我当时并没有把握。",
        "干部要敢于自我革命，也要分清敌我。",
        "这首歌唱出了你我共同的心声。",
        "我们党始终把人民放在心中最高位置。",
        "临江市今年新建学校十二所，新增学位一万个。",
    ],
)
def test_the_papers_we_quotations_and_named_speakers_need_none(text):
    assert not first_person(text)


ESSAY = [
    "那年秋天，我在西岭镇的小学代了一个学期的课，教室的窗外就是一片橘园，风一吹满屋果香。",
    "孩子们下课后总拉着我去园子里摘橘子，说这是全镇最甜的果子。",
    "我离开的那天，他们把一篮橘子塞进了我的背包。",
]


def _summary(article: Article) -> str:
    (done,) = summarize([article], max_chars=90)
    assert done.summary is not None
    return done.summary.text


def test_an_essays_summary_says_the_author_writes():
    text = _summary(Article(id="e", title="橘园边的课堂", body=list(ESSAY)))
    assert text.startswith("作者写道，")
    assert "我" in text


def test_a_signed_essay_names_its_contributor():
    essay = Article(id="e", title="橘园边的课堂", body=[*ESSAY, "（临江市 周海）"])
    assert _summary(essay).startswith("周海写道，")


def test_a_signature_whose_name_the_segmenter_may_have_cut_names_no_one():
    # A unit, not a place, before the name: no piece of a name is better than a wrong one.
    essay = Article(id="e", title="橘园边的课堂", body=[*ESSAY, "（临江日报社陈岩）"])
    assert _summary(essay).startswith("作者写道，")


def test_a_letter_to_the_editors_says_a_reader_writes_whatever_its_summary_keeps():
    letter = Article(
        id="l",
        title="西岭镇的路灯何时亮",
        body=[
            "编辑同志：",
            "西岭镇新区的路灯装好已有半年，至今一盏也没有亮过，居民晚上出门只能打手电。",
            "希望有关部门尽快查明原因，早日通电。",
            "（东港市 陈岩）",
        ],
    )
    assert voice_opening(letter) == "读者陈岩来信说，"
    assert _summary(letter).startswith("读者陈岩来信说，西岭镇")


def test_a_letters_column_marks_a_letter_but_a_report_on_letters_does_not():
    body = ["西岭镇新区的路灯装好已有半年，至今一盏也没有亮过，居民晚上出门只能打手电。"]
    assert voice_opening(Article(id="l", title="路灯何时亮", column="读者来信", body=body))
    followed = Article(id="f", title="路灯终于亮了（来信调查）", body=body)
    assert voice_opening(followed) == ""


def test_a_speech_says_it_is_a_speech():
    speech = Article(
        id="s",
        title="在临江市建市三十周年纪念大会上的讲话",
        body=[
            "同志们，朋友们：",
            "临江市建市已经三十年了，我们修通了跨江大桥，建成了新港区。",
            "面向未来，我们还要把港区建得更好。",
        ],
    )
    assert _summary(speech).startswith("讲话指出，")


def test_a_commentarys_deck_about_a_speech_is_no_speech():
    article = Article(id="c", title="奋斗成就未来", subtitle="——论学习临江市纪念大会上的讲话")
    assert writer_opening(article, "我们要接续奋斗。") == "作者写道，"


def test_news_keeps_its_summary_without_a_writer():
    news = Article(
        id="n",
        title="临江市新建学校十二所",
        body=["临江市今年新建学校十二所，新增学位一万个。周海说，我们还要再建三所。"],
    )
    assert not _summary(news).startswith(("作者", "记者", "读者"))


def test_the_opening_of_who_writes_comes_off_for_the_deletion_audit():
    essay = Article(id="e", title="橘园边的课堂", body=list(ESSAY))
    text = _summary(essay)
    opening, rest = split_opening(essay, text)
    assert opening == "作者写道，" and text == opening + rest
    assert split_opening(essay, "西岭镇通了公交车。") == ("", "西岭镇通了公交车。")


def test_the_checks_read_a_first_person_summary_after_its_opening():
    # Read with the opening, 没想到 after its comma would look like a negation the source lacks.
    essay = Article(
        id="e",
        title="西岭镇的清晨",
        body=["没想到我在西岭镇只住了三天，就喜欢上了这里的清晨。", *ESSAY],
    )
    assert check_summary("作者写道，没想到我在西岭镇只住了三天，就喜欢上了这里的清晨。", essay)
