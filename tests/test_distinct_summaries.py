"""Two entries of one issue never carry the same summary: a later article that opens on the
event an earlier one reports is summarised by its own news; two that differ in a name, a place or
a number are never repeats; a batch that is no issue is summarised article by article."""

from __future__ import annotations

import copy

import pytest

from briefing.records import Article
from briefing.summarize import summarize
from briefing.summarize.distinct import repeats
from briefing.summarize.extractive import ExtractiveSummarizer


def _summaries(*articles: Article, issue: bool = True) -> list[str]:
    done = summarize([copy.deepcopy(a) for a in articles], max_chars=90, issue=issue)
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


def test_a_batch_that_is_no_issue_keeps_each_articles_own_summary() -> None:
    first, second = _summaries(CELEBRATION, BROADCAST, issue=False)
    assert second.startswith("临江市建市五十周年庆祝大会")


# Parallel items of one page under a headline that names neither: they differ in a place, a
# person or a number, and so each is its own news.
PARALLEL = [
    (
        "明天白天东港市多云转小雨，最高气温18摄氏度，最低气温12摄氏度。",
        "明天白天西岭镇多云转小雨，最高气温18摄氏度，最低气温12摄氏度。",
        "天气预报",
    ),
    (
        "经研究决定，任命周海为临江市交通运输局副局长，试用期一年。",
        "经研究决定，任命陈岩为临江市交通运输局副局长，试用期一年。",
        "任免名单",
    ),
    (
        "临江市第一中学本周六举行开放日，欢迎家长到校参观。",
        "临江市第三中学本周六举行开放日，欢迎家长到校参观。",
        "校园开放日",
    ),
]


@pytest.mark.parametrize(("earlier", "later", "headline"), PARALLEL)
def test_summaries_that_differ_in_a_name_place_or_number_are_no_repeats(
    earlier: str, later: str, headline: str
) -> None:
    assert not repeats(later, earlier, headline)


def test_a_summary_that_adds_only_a_date_repeats_the_earlier_one() -> None:
    earlier = "东港市政府3日决定，今后全市公交车在上下学时段免费接送中小学生。"
    later = "东港市政府3日决定，今后全市公交车在上下学时段免费接送中小学生，于5日起实行。"
    assert repeats(later, earlier, "公交车免费接送学生")


def test_a_story_printed_twice_in_one_issue_keeps_its_summary_in_both_places() -> None:
    # Merging the copies is a later step; the repeat rule must not summarise one by its tail.
    front = Article(id="c1", title="临江市建市五十周年庆祝大会举行", body=list(CELEBRATION.body))
    inside = Article(id="c2", title="建市五十周年大会隆重举行", body=list(CELEBRATION.body))
    from briefing.pipeline import Pipeline

    done = Pipeline().annotate([front, inside])  # the pipeline tells copies apart
    first, second = (a.summary.text if a.summary else "" for a in done)
    assert first == second and first.startswith("临江市建市五十周年庆祝大会")


def test_a_replacement_that_leans_on_the_sentence_left_out_is_not_taken() -> None:
    report = Article(
        id="l1",
        title="庆祝大会现场秩序井然",
        body=[
            "临江市建市五十周年庆祝大会10日上午在市民广场隆重举行。",
            "然而这一切离不开数百名志愿者的默默付出。",
        ],
    )
    first, second = _summaries(CELEBRATION, report)
    assert not second.startswith("然而")


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
    body=[
        OPENING,
        "本届运动会共设28个大项，比赛将持续到本月25日。",
        "与上届相比，本届新增了龙舟、攀岩和电子竞技三个项目。",
    ],
)
TOWN = Article(
    id="g2",
    title="西岭镇代表团首次组团参赛",
    body=[
        OPENING,
        "西岭镇派出30名运动员，这是该镇首次组团参赛。",
        "队员中年纪最大的58岁，最小的只有14岁，多数是镇上的农民和教师。",
        "为了备战，他们利用农闲时间在镇中学操场坚持训练了半年。",
    ],
)
TORCH = Article(
    id="g3",
    title="开幕式首次使用数字火炬",
    body=[
        OPENING + "开幕式上，主办方首次使用数字火炬点燃主火炬塔。",
        "数字火炬由本地一家科技企业研制，火焰由灯光和屏幕画面共同呈现。",
        "主办方介绍，这种方式不消耗燃气，也不会产生烟尘。",
    ],
)


def test_a_later_article_repeating_a_duplicate_of_an_earlier_summary_takes_its_own_news() -> None:
    games, town, torch = _summaries(GAMES, TOWN, TORCH)
    assert games.startswith("东港市第十届运动会12日上午")
    assert "西岭镇" in town
    assert "数字火炬" in torch and "2000名运动员" not in torch


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
