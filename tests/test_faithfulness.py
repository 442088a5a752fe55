"""The faithfulness check: errors that reuse the article's own words are caught, faithful text passes."""

import pytest

from briefing.records import Article
from briefing.summarize import check_summary
from briefing.summarize.extractive import ExtractiveSummarizer
from briefing.summarize.faithfulness import unfaithful

ARTICLE = Article(
    id="a1",
    title="两地签署协同发展协议",
    body=[
        "本报讯 3月10日，临江市与青川市签署协同发展框架协议，临江市支持青川市建设区域物流中心。",
        "根据协议，两市将共同投资12亿元建设跨江大桥，预计2026年建成通车。",
        "青川市副市长王立新表示，大桥建成后两地通行时间有望缩短到40分钟。",
        "目前青川港货运量居全省第二，港口扩建工程尚未开工。",
        "去年当地一家船厂濒临破产边缘，银行贷款高达3亿元。",
    ],
)


@pytest.mark.parametrize(
    "summary",
    [
        "临江市与青川市签署协同发展框架协议，临江市支持青川市建设区域物流中心。",
        "两市将共同投资12亿元建设跨江大桥，预计2026年建成通车。",
        "临江市与青川市签署框架协议，两市将共同投资12亿元建设跨江大桥。",
        "青川市副市长王立新表示，大桥建成后两地通行时间有望缩短到40分钟。",
        "目前青川港货运量居全省第二，港口扩建工程尚未开工。",
    ],
)
def test_faithful_summaries_pass(summary):
    assert check_summary(summary, ARTICLE).ok, check_summary(summary, ARTICLE).problems


@pytest.mark.parametrize(
    "summary, problem",
    [
        # The supporter and the supported swapped: every word is the article's.
        (
            "临江市与青川市签署协同发展框架协议，青川市支持临江市建设区域物流中心。",
            "in another role",
        ),
        ("临江市与青川市签署协议，青川市支持青川市建设区域物流中心。", "same name on both sides"),
        # A number moved to another slot: the loan becomes a loss.
        ("去年当地一家船厂濒临破产边缘，银行贷款高达12亿元。", "in another role"),
        ("根据协议，两市将共同投资3亿元建设跨江大桥。", "in another role"),
        # Negation added.
        ("两市将不共同投资12亿元建设跨江大桥。", "negation added"),
        # Hedges and modals dropped.
        ("根据协议，两市共同投资12亿元建设跨江大桥，预计2026年建成通车。", "hedge dropped: 将"),
        ("大桥建成后两地通行时间缩短到40分钟。", "hedge dropped: 有望"),
        ("去年当地一家船厂濒临破产，银行贷款高达3亿元。", "hedge dropped: 边缘"),
        ("目前青川港货运量居全省第二，港口扩建工程尚开工。", "hedge dropped: 未"),
        # A superlative or "first" the article does not have.
        ("目前青川港货运量居全省第一，港口扩建工程尚未开工。", "superlative added: 第一"),
        ("临江市与青川市首次签署协同发展框架协议。", "superlative added: 首次"),
        ("两市将共同投资12亿元建设最长的跨江大桥。", "superlative added: 最"),
    ],
)
def test_errors_that_reuse_the_articles_words_are_caught(summary, problem):
    problems = check_summary(summary, ARTICLE).problems
    assert any(problem in p for p in problems), problems


def test_the_word_guard_alone_misses_them():
    # Every word and number occurs in the article: only the new check sees the swap.
    summary = "临江市与青川市签署协同发展框架协议，青川市支持临江市建设区域物流中心。"
    assert unfaithful(summary, "\n".join(ARTICLE.body))


def test_extractive_summary_still_passes():
    summary = ExtractiveSummarizer().summarize_one(ARTICLE, max_chars=90)
    assert summary.text and check_summary(summary.text, ARTICLE).ok


def test_a_hedge_inside_a_word_is_no_hedge():
    article = Article(id="a2", body=["未来三年，新区将建成10所学校。"])
    assert check_summary("未来三年，新区将建成10所学校。", article).ok
    assert not check_summary("未来三年，新区建成10所学校。", article).ok


def test_an_aside_dropped_from_between_two_mentions_is_no_merged_clause():
    # The source clause is cut by a bracketed aside that the summary leaves out.
    article = Article(
        id="a3", body=["曾任临江市市长的王立新（右一，李明摄）是“临江市精神”的倡导者。"]
    )
    assert check_summary("曾任临江市市长的王立新是“临江市精神”的倡导者。", article).ok


def test_who_acts_named_at_the_start_as_the_article_names_it_elsewhere():
    # The extractive summarizer names who acts in front of a sentence that leaves it out.
    article = Article(
        id="a4",
        body=[
            "临江市优化营商环境工作会昨天召开。",
            "会议提出，进一步优化营商环境，实施行动计划，用政府的辛苦指数换取企业的发展指数。",
        ],
    )
    assert check_summary(
        "临江市优化营商环境，实施行动计划，用政府的辛苦指数换取企业的发展指数。", article
    ).ok
    assert not check_summary(
        "青川县优化营商环境，实施行动计划，用政府的辛苦指数换取企业的发展指数。", article
    ).ok


def test_a_negation_character_inside_a_word_negates_nothing():
    article = Article(
        id="a5", body=["市图书馆开展了别开生面的元宵主题活动，特别邀请非遗传承人现场教学。"]
    )
    assert check_summary("市图书馆举办别开生面的元宵主题活动，邀请非遗传承人现场教学。", article).ok
    assert not check_summary(
        "市图书馆开展了别开生面的元宵主题活动，没有邀请非遗传承人现场教学。", article
    ).ok


def test_a_word_holding_a_non_negating_word_negates_nothing():
    # The segmenter reads 前不久 and 不久前 as one word each; neither negates anything.
    article = Article(
        id="a6", body=["据报道，前不久，市图书馆开展了元宵主题活动，邀请非遗传承人现场教学。"]
    )
    assert check_summary("不久前，市图书馆开展了元宵主题活动。", article).ok
    assert not check_summary("市图书馆没有开展元宵主题活动。", article).ok


def test_a_summary_the_article_prints_as_it_is_is_not_tagged_for_names(monkeypatch):
    from briefing.summarize import guard

    def untaggable(text):
        raise AssertionError(f"tagged {text!r}")

    # An earlier test's verdict on the same article would be reused without tagging.
    guard.source_index.cache_clear()
    monkeypatch.setattr(guard, "tagged", untaggable)
    verbatim = "根据协议，两市将共同投资12亿元建设跨江大桥，预计2026年建成通车。"
    assert check_summary(verbatim, ARTICLE).ok
    # Spaces aside, as the guard reads every span (SourceIndex.contains).
    assert check_summary(verbatim.replace("建设", "建设 "), ARTICLE).ok
    # Cut inside a number, a verbatim run still fails: Arabic numbers are compared as tokens.
    assert not check_summary("大桥建成后两地通行时间有望缩短到4", ARTICLE).ok
    with pytest.raises(AssertionError, match="tagged"):
        check_summary("两市将投资12亿元建设跨江大桥。", ARTICLE)


@pytest.mark.parametrize(
    "needle, text",
    [
        ("aa", "aaaaa"),
        ("临江", "临江市临江临江"),
        ("市", "市"),
        ("x", "临江"),
        ("江市", "临江市江市"),
    ],
)
def test_occurrences_are_the_starts_of_a_literal_pattern(needle, text):
    import re

    from briefing.text import occurrences

    expected = [m.start() for m in re.finditer(re.escape(needle), text)]
    assert list(occurrences(needle, text)) == expected


def test_the_benchmark_does_not_count_a_commentarys_opening_as_a_catch():
    from briefing.evaluate.faithfulness import evaluate

    body = [
        "各方应当坚持对话协商，通过谈判解决分歧，这是临江市各界的共同期待。",
        "合作是唯一正确的选择。",
    ]
    essay = Article(id="c", title="让合作惠及更多人", body=body, note="（作者为东港大学教授）")
    assert evaluate([essay]).caught["extractive"] == 0
