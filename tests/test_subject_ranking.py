"""The sentence that names what the article is about (the headline's work, person or place)
ranks above an opening maxim or hook that could open any article."""

from __future__ import annotations

import json

import pytest

from briefing import data
from briefing.records import Article
from briefing.summarize import ranking
from briefing.text import fold_width
from briefing.summarize.extractive import ExtractiveSummarizer
from briefing.summarize.ranking import (
    FEATURES,
    HAND_WEIGHTS,
    article_subject,
    platitude,
    rank_sentences,
    ranking_weights,
    weighted,
)


def _top(article: Article) -> str:
    return rank_sentences(article)[0].sentence.text


def test_a_review_is_summarised_by_the_sentence_that_names_its_book() -> None:
    article = Article(
        id="r1",
        title="山海之间——读《临江旧事》",
        body=[
            "每个人心里都有一条回不去的老街。写下它，需要勇气，也需要耐心。",
            "退休教师周海用三年时间写成《临江旧事》，记下了小城半个世纪的街巷与人情。"
            "书中的许多故事，过去从未有人写过。",
        ],
    )
    assert "《临江旧事》" in _top(article)
    summary = ExtractiveSummarizer().summarize_one(article, max_chars=90)
    assert "临江旧事" in summary.text


def test_a_profile_is_summarised_by_the_sentence_that_names_its_person() -> None:
    article = Article(
        id="p1",
        title="陈岩：守着海岛二十年",
        body=[
            "有人说，坚守是一种最朴素的力量，也是一种最动人的品格。",
            "陈岩是海岛气象站的观测员，每天记录风向和潮水。",
        ],
    )
    assert "陈岩" in _top(article)


def test_the_headline_names_and_works_leave_the_column_tag_and_function_words_out() -> None:
    subject = article_subject("周海：在西岭镇种茶的日子（乡村故事）")
    assert "周海" in subject.names
    assert "乡村故事" not in subject.words and "在" not in subject.words
    work = article_subject("读《东港志：人物卷》有感")
    assert {"东港志:人物卷", "东港志", "人物卷"} <= set(work.works)


PLATITUDES = [
    "好的故事总有一个让人放不下的开头。",
    "世人皆知，读书是一件快乐的事情。",
    "人与土地的关系是一个古老而常新的话题。",
]
# Ordinary sentences that report something: a name, a figure, a date, a place or a word of the
# headline ("东港港口货运繁忙") each keeps them from being a platitude.
NOT_PLATITUDES = [
    "周海说，今年的收成比往年好。",
    "东港市新建了三座污水处理厂。",
    "会议于3月2日在临江市召开。",
    "去年全县接待游客120万人次。",
    "西岭镇的茶农们忙着采摘春茶。",
    "港口的货运量再创新高。",
    "《临江日报》刊登了这封来信。",
    "陈岩的团队研制出一种新型材料。",
    "市政府决定延长地铁的运营时间。",
    "这家公司的产品出口到四十多个国家。",
    "今天上午，志愿者们走进社区。",
]


@pytest.mark.parametrize("sentence", PLATITUDES)
def test_a_sentence_with_no_word_of_the_headline_and_no_name_or_figure_is_a_platitude(
    sentence: str,
) -> None:
    subject = article_subject("东港港口货运繁忙")
    assert platitude(fold_width(sentence), subject)


@pytest.mark.parametrize("sentence", NOT_PLATITUDES)
def test_a_sentence_with_a_name_figure_date_or_headline_word_is_no_platitude(
    sentence: str,
) -> None:
    # The ranking's own reading of the sentence says whether it holds a figure, a date or a name.
    subject = article_subject("东港港口货运繁忙")
    assert not platitude(fold_width(sentence), subject)


def test_a_news_lead_without_a_named_subject_keeps_its_place() -> None:
    article = Article(
        id="n1",
        title="临江市开通首条跨江隧道",
        body=[
            "临江市首条跨江隧道12日正式通车，全长3.2公里，过江时间缩短到5分钟。",
            "隧道建设历时四年，采用盾构法施工。",
        ],
    )
    assert _top(article).startswith("临江市首条跨江隧道")


def test_a_sentence_that_only_restates_the_headline_gains_nothing_from_naming_it() -> None:
    article = Article(
        id="s1",
        kicker="东港市图书馆",
        title="举办“阅读点亮假期”少儿读书会",
        body=[
            "东港市图书馆日前举办“阅读点亮假期”少儿读书会，吸引不少孩子参加。",
            "馆员带着40多名小读者一起给绘本配音、制作书签，还评出了十位假期阅读之星。",
        ],
    )
    summary = ExtractiveSummarizer().summarize_one(article, max_chars=90)
    assert "绘本" in summary.text


def test_a_sentence_score_is_its_features_weighed() -> None:
    article = Article(
        id="w1",
        title="东港市新建三座公园",
        body=[
            "东港市今年新建三座口袋公园，总面积达1.2万平方米。",
            "市民陈岩说，家门口多了散步的地方。",
        ],
    )
    ranked = rank_sentences(article)
    assert all(len(s.features) == len(FEATURES) for s in ranked)
    for scored in ranked:
        assert scored.score == pytest.approx(weighted(scored.features, ranking_weights()))


def test_the_hand_weights_score_as_the_ranking_long_did() -> None:
    # Scores of the ranking before it was written as a weighted sum of features.
    article = Article(
        id="w2",
        title="东港市新建三座公园",
        body=[
            "东港市今年新建三座口袋公园，总面积达1.2万平方米。",
            "市民陈岩说，家门口多了散步的地方。",
            "据了解，西岭镇的公园将于明年5月开放。",
        ],
    )
    ranked = sorted(rank_sentences(article, hand=True), key=lambda s: s.sentence.index)
    assert [round(s.score, 4) for s in ranked] == [3.6473, 0.8, 0.863]
    assert [s.hand for s in ranked] == [s.score for s in ranked]


def test_no_shipped_mark_down_is_softer_than_the_hand_one() -> None:
    # The proxy the weights are fitted to cannot tell a hook (a scene, a question) from the news.
    for name, weight, hand in zip(FEATURES, ranking_weights(), HAND_WEIGHTS, strict=True):
        if hand < 0:
            assert weight <= hand, name


def test_a_weights_file_missing_a_feature_is_refused(monkeypatch) -> None:
    fitted = {"features": list(FEATURES[:-1]), "weights": list(HAND_WEIGHTS[:-1])}
    monkeypatch.setattr(data, "read_text", lambda name: json.dumps(fitted))
    ranking_weights.cache_clear()
    try:
        with pytest.raises(ValueError):
            ranking_weights()
    finally:
        ranking_weights.cache_clear()


@pytest.fixture
def scaled_weights(monkeypatch):
    """The ranking re-weighted by ``scale`` times the hand weights (the same order)."""

    def scale(factor: float) -> None:
        weights = tuple(factor * w for w in HAND_WEIGHTS)
        monkeypatch.setattr(ranking, "ranking_weights", lambda: weights)
        ranking._ranked.cache_clear()

    yield scale
    ranking._ranked.cache_clear()


@pytest.mark.parametrize("factor", [0.1, 3.0])
def test_a_figure_partner_does_not_depend_on_the_scale_of_the_weights(
    scaled_weights, factor
) -> None:
    article = Article(
        id="p1",
        title="东港市启动老旧小区改造",
        body=[
            "东港市日前启动老旧小区改造工程，周海等居民代表参加了启动仪式。",
            "今年全市将改造小区120个，惠及居民3.5万户。",
            "市民陈岩说，希望早日住上新房子。",
        ],
    )
    scaled_weights(factor)
    assert ExtractiveSummarizer().summarize_one(article, max_chars=120).sentences == [0, 1]


def test_an_article_without_a_headline_is_ranked_by_the_hand_weights(scaled_weights) -> None:
    # The shipped weights were fitted under printed headlines; the titler asks for the hand
    # ranking, and an article without a headline is ranked by it too.
    article = Article(
        id="h1", body=["东港市今年新建三座口袋公园。", "市民陈岩说，家门口多了散步的地方。"]
    )
    scaled_weights(2.0)
    for scored in rank_sentences(article):
        assert scored.score == pytest.approx(weighted(scored.features, HAND_WEIGHTS))
    titled = Article(id="h2", title="东港市新建三座公园", body=article.body)
    for scored in rank_sentences(titled):
        assert scored.score == pytest.approx(weighted(scored.features, ranking.ranking_weights()))
    for scored in rank_sentences(article, hand=True):
        assert scored.score == pytest.approx(weighted(scored.features, HAND_WEIGHTS))


def test_the_news_the_headline_names_ranks_above_a_background_figure() -> None:
    # The opening sentence is the programme the news belongs to, with its figure and time; the
    # second is the news the headline reports.
    article = Article(
        id="b1",
        title="西岭镇建成首座光伏电站",
        body=[
            "去年以来，东港市共投入资金2亿元，推进新能源项目建设。",
            "西岭镇首座光伏电站建成，年发电量可满足三千户居民用电。",
        ],
    )
    assert "光伏电站" in _top(article)
    assert "光伏电站" in ExtractiveSummarizer().summarize_one(article).text
