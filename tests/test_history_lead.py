"""A profile's history lead (80年前，……创办……) is its background, not its news: the sentence that
says what the company or person does now ranks above it, unless the history is what the headline
is about."""

from __future__ import annotations

from briefing.records import Article
from briefing.summarize.ranking import FAR_YEARS, FEATURES, rank_sentences

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


def test_far_means_far_years_before_the_latest_opening_year() -> None:
    # The present sentence opens with 2024: FAR_YEARS before it is history, a year later is not.
    far = f"{2024 - FAR_YEARS}年，几位老师傅在东港市西岭镇创办了一家小织布作坊。"
    near = f"{2025 - FAR_YEARS}年，几位老师傅在东港市西岭镇创办了一家小织布作坊。"
    assert _marked(_profile(far))[far]
    assert not _marked(_profile(near))[near]


def _with(opening: str, later: str) -> Article:
    article = _profile(opening)
    article.body.append(later)
    return article


def test_only_a_year_that_opens_a_sentence_and_no_plan_sets_the_latest() -> None:
    opening = "2020年，几位老师傅在东港市西岭镇创办了一家小织布作坊。"
    for later in (
        "2035年，星河纺织公司将建成全省最大的纺织基地。",  # a plan's year
        "星河纺织公司力争到2035年建成全省最大的纺织基地。",  # a year inside a sentence
    ):
        assert not _marked(_with(opening, later))[opening]
    # A year that opens a sentence that plans nothing is the article's time.
    assert _marked(_with(opening, "2026年，星河纺织公司建成全省最大的纺织基地。"))[opening]


def test_then_and_now_in_one_sentence_is_no_history() -> None:
    for opening in (
        "1985年，星河纺织厂只有织机40台，2023年新添织机600台。",
        "80年前，西岭镇只有一家织布作坊，去年全镇纺织产值超过10亿元。",
        "1952年建成的西岭镇仓库，现有员工30人。",
    ):
        assert not _marked(_profile(opening))[opening]
    # 现有 across two words (发现 有) says no present.
    opening = "1952年，几位老师傅在西岭镇发现有一处闲置的仓库。"
    assert _marked(_profile(opening))[opening]
