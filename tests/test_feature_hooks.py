"""A feature story that opens on a scene or a quotation is summarised by the later sentence that
states its news (who did what, with a figure and a place); a straight news lead keeps its place
before the scene that follows it."""

from __future__ import annotations

from briefing.records import Article
from briefing.summarize.extractive import ExtractiveSummarizer
from briefing.summarize.ranking import FEATURES, rank_sentences

_SCENE = FEATURES.index("scene")


def test_a_feature_story_is_led_by_its_news_not_its_opening_scene() -> None:
    article = Article(
        id="f1",
        title="西岭镇大棚蔬菜卖出好价钱",
        body=[
            "清晨六点，西岭镇的大棚蔬菜市场已经热闹起来，人头攒动，吆喝声此起彼伏。",
            "“这日子越过越有盼头！”周海笑着说。",
            "去年，全镇建起蔬菜大棚120座，菜农人均增收3000元。",
        ],
    )
    ranked = rank_sentences(article)
    assert ranked[0].sentence.index == 2
    assert next(s for s in ranked if s.sentence.index == 0).features[_SCENE]
    summary = ExtractiveSummarizer().summarize_one(article, max_chars=90)
    assert summary.text.startswith("去年，全镇建起蔬菜大棚120座")


def test_a_news_lead_keeps_its_place_before_a_scene() -> None:
    article = Article(
        id="f2",
        title="西岭镇建成蔬菜大棚120座",
        body=[
            "本报东港3月5日电  东港市西岭镇今年建成蔬菜大棚120座，菜农人均增收3000元。",
            "清晨六点，大棚里已经热闹起来，人头攒动，吆喝声此起彼伏。",
            "“这日子越过越有盼头！”菜农周海笑着说。",
        ],
    )
    ranked = rank_sentences(article)
    assert ranked[0].sentence.index == 0 and not ranked[0].features[_SCENE]
    assert next(s for s in ranked if s.sentence.index == 1).features[_SCENE]
