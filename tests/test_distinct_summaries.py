"""Two entries of one briefing never carry the same summary: a later article that opens on the
event an earlier one reports is summarised by its own news."""

from __future__ import annotations

import copy

import pytest

from briefing.records import Article
from briefing.summarize import summarize
from briefing.summarize.distinct import repeats
from briefing.summarize.extractive import ExtractiveSummarizer


def _summaries(*articles: Article) -> list[str]:
    done = summarize([copy.deepcopy(a) for a in articles], max_chars=90)
    return [a.summary.text if a.summary else "" for a in done]


CELEBRATION = Article(
    id="a1",
    title="临江市举行建市五十周年庆祝大会",
    body=[
        "临江市建市五十周年庆祝大会10日上午在市民广场隆重举行，三万名市民参加。",
        "大会结束后，市民们自发在江边放飞气球。",
    ],
)
BROADCAST = Article(
    id="a2",
    title="庆祝大会直播实现多项创新",
    body=[
        "本报临江10月11日电 临江市建市五十周年庆祝大会10日上午在市民广场隆重举行。"
        "市电视台对大会进行了全程直播。",
        "直播团队首次使用无人机航拍全场，并在游行队伍中安装了微型摄像机。",
    ],
)


def test_a_later_article_that_opens_on_the_same_event_takes_its_own_news() -> None:
    first, second = _summaries(CELEBRATION, BROADCAST)
    assert first.startswith("临江市建市五十周年庆祝大会")
    assert "直播" in second
    assert not repeats(second, first, BROADCAST.headline)


def test_alone_or_in_a_batch_that_is_no_issue_an_article_keeps_its_opening() -> None:
    (alone,) = _summaries(BROADCAST)
    assert alone.startswith("临江市建市五十周年庆祝大会")
    # The summarizer itself is given any batch (an evaluation set): it leaves repeats alone.
    batch = ExtractiveSummarizer().summarize([CELEBRATION, BROADCAST], max_chars=90)
    assert batch[1].text.startswith("临江市建市五十周年庆祝大会")


def test_parallel_notices_about_different_people_are_their_own_news() -> None:
    earlier = "经市委批准，市纪委监委对东港市原副市长周海严重违纪违法问题进行立案审查调查。"
    later = "经市委批准，市纪委监委对西岭镇原党委书记陈岩严重违纪违法问题进行立案审查调查。"
    assert not repeats(later, earlier, "西岭镇原党委书记陈岩接受审查调查")


def test_a_summary_contained_in_an_earlier_one_repeats_it() -> None:
    earlier = "临江市建市五十周年庆祝大会10日上午在市民广场隆重举行，三万名市民参加。"
    assert repeats("临江市建市五十周年庆祝大会10日上午在市民广场隆重举行。", earlier, "直播创新")
    # Different news sharing a few words does not.
    assert not repeats("临江市地铁三号线10日开通运营。", earlier, "地铁三号线开通")
    assert not repeats("", earlier, "标题")


OPENING = "东港市第十届运动会12日上午在市体育中心开幕，全市2000名运动员参加比赛。"
GAMES = Article(
    id="g1",
    title="东港市第十届运动会开幕",
    body=[OPENING, "本届运动会共设28个大项。"],
)
TOWN = Article(
    id="g2",
    title="西岭镇代表团首次组团参赛",
    body=[OPENING, "西岭镇派出30名运动员，这是该镇首次组团参赛。"],
)
TORCH = Article(
    id="g3",
    title="开幕式首次使用数字火炬",
    body=[OPENING + "开幕式上，主办方首次使用数字火炬点燃主火炬塔。"],
)


def test_a_later_article_repeating_a_duplicate_of_an_earlier_summary_takes_its_own_news() -> None:
    games, town, torch = _summaries(GAMES, TOWN, TORCH)
    assert games.startswith("东港市第十届运动会12日上午")
    assert "西岭镇" in town
    assert "数字火炬" in torch and "2000名运动员" not in torch


ANNIVERSARY = "今年是东港市建市五十周年。"


def test_an_occasion_other_articles_open_on_is_background_for_a_later_one() -> None:
    # No earlier summary is the occasion (each says its own news), so only the leads show it.
    exhibition = Article(
        id="e1",
        title="东港市举办建市五十周年成就展",
        body=[ANNIVERSARY + "市档案馆12日起举办成就展，展出照片800余幅。"],
    )
    photos = Article(
        id="e2",
        title="西岭镇老照片见证半个世纪变迁",
        body=[ANNIVERSARY + "西岭镇文化站收集了300多张老照片，记录小镇的变化。"],
    )
    essay = Article(
        id="e3",
        title="在变迁中读懂一座城",
        body=[ANNIVERSARY, "五十年来，这座城市从一个小渔港成长为繁忙的港口城市。"],
    )
    *_, summary = _summaries(exhibition, photos, essay)
    assert summary.startswith("五十年来")
    # Alone, the essay has no other article to tell the occasion is reported elsewhere.
    assert _summaries(essay)[0] == ANNIVERSARY


def test_an_article_whose_headline_is_the_event_keeps_it() -> None:
    report = Article(id="g4", title="东港市第十届运动会在市体育中心开幕", body=[OPENING])
    _, _, again = _summaries(TOWN, TORCH, report)
    assert again.startswith("东港市第十届运动会12日上午")


# Two entries of one page that share words but each say their own news (the later headline given).
OWN_NEWS_PAIRS = [
    (
        "临江市12日召开全市安全生产工作会议。",
        "临江市12日召开全市教育工作会议。",
        "临江市部署教育工作",
    ),
    (
        "东港港一季度货物吞吐量同比增长8%。",
        "东港港一季度集装箱吞吐量同比增长12%。",
        "东港港集装箱吞吐量增长",
    ),
    ("周海当选西岭镇人大主席团主席。", "陈岩当选西岭镇镇长。", "陈岩当选西岭镇镇长"),
    ("临江大桥今日起封闭施工。", "临江隧道今日起恢复通行。", "临江隧道恢复通行"),
    ("东港市发布暴雨橙色预警。", "东港市发布大风蓝色预警。", "东港市发布大风预警"),
    ("西岭镇茶叶节开幕，游客超过万人。", "西岭镇茶农人均增收三千元。", "西岭镇茶农增收"),
    ("市政府出台支持小微企业的十条措施。", "市政府出台稳定就业的八条措施。", "稳就业八条措施出台"),
    (
        "临江一中获全省中学生篮球赛冠军。",
        "临江二中获全省中学生足球赛冠军。",
        "临江二中夺得足球冠军",
    ),
    ("东港至临江高速公路全线通车。", "东港至临江城际铁路开工建设。", "东港至临江城际铁路开工"),
    ("周海任临江市副市长。", "陈岩任东港市副市长。", "陈岩任东港市副市长"),
    ("临江市博物馆新馆对外开放。", "临江市图书馆新馆对外开放。", "临江市图书馆新馆开放"),
]


@pytest.mark.parametrize(("earlier", "later", "headline"), OWN_NEWS_PAIRS)
def test_ordinary_pairs_of_different_news_are_no_repeats(
    earlier: str, later: str, headline: str
) -> None:
    assert not repeats(later, earlier, headline)
