"""A profile's history lead (80年前，……创办……) is its background, not its news: the sentence that
says what the company or person does now ranks above it, unless the history is what the headline
is about."""

from __future__ import annotations

from briefing.records import Article
from briefing.summarize.ranking import FEATURES, rank_sentences

_HISTORY = FEATURES.index("history")


def _marked(article: Article) -> dict[str, bool]:
    return {s.sentence.text: bool(s.features[_HISTORY]) for s in rank_sentences(article)}


def _profile(opening: str, title: str = "老厂焕新颜") -> Article:
    return Article(
        id="h1",
        title=title,
        body=[
            opening,
            "2024年，星河纺织公司实现产值3.2亿元，产品销往20多个国家，员工达1200人。",
        ],
    )


def test_a_history_lead_ranks_below_the_present() -> None:
    for opening in (
        "80年前，几位老师傅在东港市西岭镇创办了一家小织布作坊。",
        "1952年，几位老师傅在东港市西岭镇创办了一家小织布作坊。",
        "早在上世纪五十年代，几位老师傅就在西岭镇创办了一家小织布作坊。",
        "五十多年前，几位老师傅在东港市西岭镇创办了一家小织布作坊。",
    ):
        article = _profile(opening)
        assert _marked(article)[opening]
        assert rank_sentences(article)[0].sentence.text.startswith("2024年")


def test_a_recent_year_a_span_or_the_present_is_no_history() -> None:
    for opening in (
        # Two years before the latest the article names: recent, not history.
        "2022年，几位老师傅在东港市西岭镇创办了一家小织布作坊。",
        # A span that runs on to now.
        "2012年至2024年，西岭镇先后建成织布车间12座。",
        # The past and the present together.
        "80年前创办的星河纺织厂，如今已是东港市最大的纺织企业。",
        # Three years back is not far.
        "3年前，几位老师傅在东港市西岭镇创办了一家小织布作坊。",
        "三年前，几位老师傅在东港市西岭镇创办了一家小织布作坊。",
    ):
        assert not _marked(_profile(opening))[opening]


def test_history_that_the_headline_is_about_is_not_marked() -> None:
    opening = "1952年，东港市第一台国产织布机在西岭镇试制成功。"
    article = _profile(opening, title="第一台国产织布机（新中国的“第一”）")
    assert not _marked(article)[opening]
    assert rank_sentences(article)[0].sentence.text == opening
