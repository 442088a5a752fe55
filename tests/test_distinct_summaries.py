"""Two entries of one briefing never carry the same summary: a later article that opens on the
event an earlier one reports is summarised by its own news."""

from __future__ import annotations

import copy

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
