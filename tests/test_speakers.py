"""A bare speaker named with the role the article introduced them with (invented text)."""

from __future__ import annotations

import pytest

from briefing.records import Article
from briefing.summarize import summarize
from briefing.summarize.speakers import speaker_with_role

SOURCE = (
    "临江市第五届人民代表大会第三次会议19日开幕。中共临江市委副书记、临江市市长周海作政府工作报告。"
    "会见星国外交部长陈岩时，东港市长李维表示欢迎。西岭村村民王芳也来到会场。"
    "周海说，今年要办好十件民生实事。陈岩说，两市合作前景广阔。王芳说，村里的路修好了。"
)


def test_a_bare_speaker_gets_the_role_the_article_gave_them():
    assert (
        speaker_with_role("周海说，今年要办好十件民生实事。", SOURCE)
        == "临江市市长周海说，今年要办好十件民生实事。"
    )


@pytest.mark.parametrize(
    "text",
    [
        "临江市市长周海说，今年要办好十件民生实事。",  # named with the role already
        "陈岩说，两市合作前景广阔。",  # a verb before the role (会见……): no clean role
        "王芳说，村里的路修好了。",  # a villager: no role word
        "他说，今年要办好十件民生实事。",
        "记者说，会场座无虚席。",
        "村民说，村里的路修好了。",
        "周海作政府工作报告。",  # no speech verb
        "今年要办好十件民生实事。",
        "赵刚说，明年还要再建三所学校。",  # not in the article
    ],
)
def test_no_role_where_the_article_gives_none_cleanly(text):
    assert speaker_with_role(text, SOURCE) == text


def test_a_name_the_window_would_cut_gets_no_piece_of_a_role():
    source = "来自东港市西岭镇临江湾新区建设投资集团董事长周海，在会上发言。周海说，新区今年开工。"
    assert speaker_with_role("周海说，新区今年开工。", source) == "周海说，新区今年开工。"


def test_the_summary_of_a_later_quote_names_the_speakers_role():
    article = Article(
        id="n",
        title="临江市办好民生实事",
        body=[
            "临江市人大会议19日开幕，会议听取了政府工作报告。"
            "中共临江市委副书记、临江市市长周海作政府工作报告。",
            "周海说，今年要办好十件民生实事，新建学校十二所、养老院五所，改造老旧小区八十个。",
        ],
    )
    (done,) = summarize([article], max_chars=90)
    assert done.summary is not None
    assert "临江市市长周海说，今年要办好十件民生实事" in done.summary.text


def test_a_name_inside_a_longer_name_is_not_its_mention():
    source = "临江市副市长周海燕出席开幕式。西岭镇党委书记周海主持会议。周海说，镇上今年通了公交。"
    assert (
        speaker_with_role("周海说，镇上今年通了公交。", source)
        == "西岭镇党委书记周海说，镇上今年通了公交。"
    )
    only_longer = "临江市副市长周海燕出席开幕式。周海说，镇上今年通了公交。"
    assert (
        speaker_with_role("周海说，镇上今年通了公交。", only_longer) == "周海说，镇上今年通了公交。"
    )


def test_a_spokespersons_role_is_restored():
    source = "外交部发言人周海主持例行记者会。周海说，星国代表团将于下周来访。"
    assert (
        speaker_with_role("周海说，星国代表团将于下周来访。", source)
        == "外交部发言人周海说，星国代表团将于下周来访。"
    )


def test_a_role_longer_than_the_room_gives_none():
    # No verb before it: only its length keeps the piece of a name out.
    source = (
        "会上，东港市西岭镇临江湾新区建设投资发展集团有限公司董事长周海发言。周海说，新区今年开工。"
    )
    assert speaker_with_role("周海说，新区今年开工。", source) == "周海说，新区今年开工。"
