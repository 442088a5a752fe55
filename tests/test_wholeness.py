"""Whole words, names and sentences in summaries, and the one fallback, on texts written here."""

from __future__ import annotations

import pytest

from briefing.records import Article, Summary
from briefing.summarize import check_summary, summarize
from briefing.summarize.compress import (
    EMPTY_ADVERB_WORDS,
    FILLER_CLAUSE,
    compress_clauses,
    fit_clauses,
    join_clauses,
)
from briefing.summarize.vetting import FALLBACK_LEAD, NO_SUMMARY, accept
from briefing.summarize.wholeness import (
    MEANING_WORDS,
    dangling_clauses,
    deletion_cuts,
    frames_next,
    qualified_names,
    shortened_names,
)


def squeezed(sentence: str) -> str:
    return join_clauses(compress_clauses(sentence, squeeze=True))


# --- safe compression --------------------------------------------------------------------------


def test_compression_never_drops_part_of_a_word():
    # 持续 is an adverb on its own but part of the term 可持续发展; 积极进取 is one word.
    text = squeezed("该市将积极推动海洋经济可持续发展，并表彰一批积极进取的青年。")
    assert "可持续发展" in text and "积极进取" in text


def test_compression_keeps_words_that_say_how_events_relate():
    # 同步 says the two events run together: deleting it changes the news.
    assert "同步举行" in squeezed("首届星城航空展将与航空开放日活动同步举行。")


def test_compression_keeps_a_name_qualifier_and_a_title_whole():
    text = squeezed("援助团队在刚果（金）治愈了一批患者（附图），并发布《防控手册（试行）》。")
    assert "刚果（金）" in text and "《防控手册（试行）》" in text and "附图" not in text


def test_qualified_names_are_found_and_asides_are_not():
    names = [
        n
        for _, _, n in qualified_names(
            "中国（海南）自由贸易试验区与刚果（布）签约，数百件（套）展品，总统（右）"
        )
    ]
    assert names == ["中国（海南）自由贸易试验区", "刚果（布）"]


def test_deletion_audit_finds_cuts_inside_words_and_names():
    assert deletion_cuts("展现进取的精神。", "展现积极进取的精神。")
    assert deletion_cuts("在刚果治愈患者。", "在刚果（金）治愈患者。")
    assert deletion_cuts("推动可持续发展。", "我们要积极推动可持续发展。") == []


# --- words and clauses that carry meaning --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("目前，临江市已建成社区食堂120个。", "目前，临江市"),
        ("如今，西岭镇的茶园由合作社统一经营。", "如今，西岭镇"),
        ("当前，东港市的空气质量总体向好。", "当前，东港市"),
        ("在春节假期期间，东港市共接待游客35万人次。", "在春节假期期间，"),
        ("在今年的省运会比赛中，临江代表团获得金牌18枚。", "在今年的省运会比赛中，"),
        ("在原料短缺的情况下，该厂的产量仍然保持稳定。", "在原料短缺的情况下，"),
        ("该县将全面取消农产品运输收费。", "全面取消"),
        ("东港市的人口不断增长，住房需求随之扩大。", "不断增长"),
        ("两市将进一步扩大合作范围。", "进一步扩大"),
    ],
)
def test_compression_keeps_words_and_frames_that_carry_meaning(sentence, kept):
    # A present fact stays present, a figure keeps its period or its condition, a step its scope.
    assert kept in join_clauses(compress_clauses(sentence))
    assert kept in squeezed(sentence)


def test_no_word_compression_deletes_carries_meaning():
    assert not EMPTY_ADVERB_WORDS & MEANING_WORDS


def test_a_time_that_sets_the_tense_is_no_filler():
    # 目前 frames the clause after it (wholeness.frames_next): never a filler to delete.
    assert not FILLER_CLAUSE.match("目前") and not FILLER_CLAUSE.match("当前")
    assert FILLER_CLAUSE.match("近日")
    assert squeezed("东港市渔业协会成立三年，目前，会员已有260家。").endswith(
        "目前，会员已有260家。"
    )


@pytest.mark.parametrize(
    "sentence, gone",
    [
        # Ordinary compressions stay as they were: fillers, purposes, manner adverbs, 了.
        ("据了解，临江市新建了三座污水处理厂。", "据了解"),
        ("近日，东港市举办首届渔业博览会。", "近日"),
        ("为方便群众出行，西岭镇开通两条公交线路。", "为方便群众出行"),
        ("在市委的坚强领导下，临江市完成旧城改造任务。", "在市委的坚强领导下"),
        ("周海积极组织村民修建水渠。", "积极"),
        ("陈岩认真听取了居民的意见。", "认真"),
        ("各村纷纷成立合作社。", "纷纷"),
    ],
)
def test_compression_still_drops_what_carries_no_meaning(sentence, gone):
    assert gone not in squeezed(sentence)


def test_a_subject_named_by_who_holds_it_ends_the_purpose_before_it():
    # The purpose runs on through clauses that continue it, not through the main clause: the
    # exhibition that opened is the news.
    text = join_clauses(
        compress_clauses(
            "为纪念建城三百周年，由临江市文化局主办的老城影像展在市博物馆开幕，"
            "3000余名市民当天前往参观。"
        )
    )
    assert text.startswith("由临江市文化局主办的老城影像展在市博物馆开幕")


@pytest.mark.parametrize(
    "clause",
    [
        "如果按时完工",
        "尽管遭遇暴雨",
        "截至去年底",
        "与上年相比",
        "自2015年以来",
        "2018年",
        "今年前三季度",
        "如今",
        "目前",
        "若遇暴雨",
        "到今年年底",
        "近年来",
        "1月5日起",
    ],
)
def test_clauses_that_frame_the_next_are_recognised(clause):
    assert frames_next(clause)


def test_a_period_frames_the_next_clause_only_when_it_counts_something():
    assert frames_next("在为期三天的展会期间", "共签约项目42个")
    assert frames_next("在去年的联赛中", "临江队打进31球")
    assert frames_next("在8个比赛项目中", "共有12人达标")
    assert not frames_next("在为期三天的展会期间", "周海向来宾介绍本地特产")
    assert not frames_next("在去年的头三个月中", "临江队表现出色")


@pytest.mark.parametrize(
    "clause",
    [
        "临江市新建三座水厂",
        "比赛正式开始",
        "周海一早就出发",
        "在市委的领导下",
        "展馆里人头攒动",
        "在宽阔的广场上",
        "在去年启动的旧城改造项目中",
        "为方便群众出行",
        "村民们纷纷赶来",
        "东港市举办渔业博览会",
        "据了解",
        "若干企业参加",
        "只有一半代表到会",
        "到场时",
        "去年同期为12万人次",
        "2018年全市粮食产量创新高",
    ],
)
def test_ordinary_clauses_do_not_frame_the_next(clause):
    assert not frames_next(clause)


@pytest.mark.parametrize(
    ("sentence", "budget", "expected"),
    [
        # The run stops at the long clause before the frame: the figure comes with its frame, or,
        # where the two do not fit (26), not at all, though the figure alone would.
        (
            "东港市发布年度养老服务报告，报告分析了本市人口老龄化的现状和趋势以及面临的主要困难，"
            "截至去年底，全市共有养老机构86家。",
            32,
            "东港市发布年度养老服务报告，截至去年底，全市共有养老机构86家。",
        ),
        (
            "东港市发布年度养老服务报告，报告分析了本市人口老龄化的现状和趋势以及面临的主要困难，"
            "截至去年底，全市共有养老机构86家。",
            26,
            "东港市发布年度养老服务报告。",
        ),
        (
            "临江市文化馆发出倡议，欢迎广大市民踊跃捐赠反映城市变迁的老照片和老物件，"
            "如果照片被选中展出，捐赠者将获得奖金500元。",
            34,
            "临江市文化馆发出倡议，如果照片被选中展出，捐赠者将获得奖金500元。",
        ),
        (
            "临江市文化馆发出倡议，欢迎广大市民踊跃捐赠反映城市变迁的老照片和老物件，"
            "如果照片被选中展出，捐赠者将获得奖金500元。",
            30,
            "临江市文化馆发出倡议。",
        ),
        # A time or a frame the run ends on frames the clause cut after it: it goes too.
        (
            "东港市发布年度报告，截至去年底，全市共有养老机构86家，床位1.2万张。",
            25,
            "东港市发布年度报告。",
        ),
        (
            "东港市发布寒潮预警，1月5日起，寒潮影响范围扩大到西岭镇全境和周边山区，有的村气温降至零下15度。",
            30,
            "东港市发布寒潮预警，有的村气温降至零下15度。",
        ),
    ],
)
def test_a_figure_keeps_the_clause_that_frames_it_or_stays_out(sentence, budget, expected):
    assert join_clauses(fit_clauses(compress_clauses(sentence), budget) or []) == expected


def test_a_time_alone_is_no_fit():
    clauses = compress_clauses(
        "1月5日起，寒潮影响范围扩大到西岭镇全境和周边山区，有的村气温降至零下15度。"
    )
    assert fit_clauses(clauses, 20) is None


def test_deletion_audit_fails_a_deleted_frame_or_meaning_word():
    source = "东港市发布报告，截至去年底，全市共有养老机构86家。"
    assert deletion_cuts("东港市发布报告，全市共有养老机构86家。", source)
    assert deletion_cuts("东港市发布报告，截至去年底，全市共有养老机构86家。", source) == []
    source = "过去，人们寄送纸质贺卡，如今，电子贺卡同样受欢迎。"
    assert deletion_cuts("过去，人们寄送纸质贺卡，电子贺卡同样受欢迎。", source)
    source = "临江市的粮食产量约为30万吨，仍未恢复到往年水平。"
    assert deletion_cuts("临江市的粮食产量为30万吨，仍未恢复到往年水平。", source)
    assert deletion_cuts("临江市的粮食产量约为30万吨，恢复到往年水平。", source)
    # A clause cut from the end, a skipped sentence, a filler and an aside are fine.
    assert deletion_cuts("临江市的粮食产量约为30万吨。", source) == []
    source = "据了解，西岭镇新建茶叶加工厂（简称茶厂），年产干茶500吨。周海说，这是好事。"
    assert deletion_cuts("西岭镇新建茶叶加工厂，年产干茶500吨。", source) == []
    # Scope, negation and aspect words a figure or a verb depends on.
    source = "东港市至少有30家企业参加博览会，成交额1.2亿元左右，创历年新高。"
    assert deletion_cuts("东港市有30家企业参加博览会，成交额1.2亿元左右，创历年新高。", source)
    assert deletion_cuts("东港市至少有30家企业参加博览会，成交额1.2亿元，创历年新高。", source)
    source = "西岭镇的老茶厂不再生产砖茶，新厂房刚建成，明年投产。"
    assert deletion_cuts("西岭镇的老茶厂生产砖茶，新厂房刚建成，明年投产。", source)
    assert deletion_cuts("西岭镇的老茶厂不再生产砖茶，新厂房建成，明年投产。", source)
    # 在 before a place is a preposition, no aspect: its phrase may go.
    source = "周海昨天在西岭镇考察茶园，了解春茶生产情况。"
    assert deletion_cuts("周海昨天考察茶园，了解春茶生产情况。", source) == []
    # An aside in half-width brackets is deleted whole too, whatever words it holds.
    source = "东港市今年新建学校3所(不含民办学校)，新增学位4500个。"
    assert deletion_cuts("东港市今年新建学校3所，新增学位4500个。", source) == []


def test_a_lead_with_a_half_width_aside_is_not_rejected_for_a_weaker_sentence():
    body = [
        "东港市教育局昨天通报，今年全市新建学校3所(不含民办学校)，新增学位4500个，"
        "全市中小学大班额问题基本解决。",
        "市教育局表示，将进一步优化学校布局，不断提升办学水平。",
    ]
    for budget in (90, 60):
        article = summarize(
            [Article(id="a", body=list(body), title="东港市新建学校3所")], max_chars=budget
        )[0]
        assert article.summary is not None
        assert article.summary.sentences == [0]
        assert "新增学位4500个" in article.summary.text


def test_deletion_audit_segments_the_source_only_when_a_cut_has_edges(monkeypatch):
    from briefing.summarize import wholeness

    def untaggable(text):
        raise AssertionError(f"segmented {text!r}")

    source = "东港市西岭镇新建的水库昨日正式蓄水。"
    # An earlier segmentation of the same source would be reused without tagging.
    wholeness._spans.cache_clear()
    monkeypatch.setattr(wholeness, "tagged", untaggable)
    # The whole sentence, with or without its stop, deletes nothing but punctuation.
    assert deletion_cuts(source, source) == []
    assert deletion_cuts(source.rstrip("。") + "。", source + "”") == []
    with pytest.raises(AssertionError, match="segmented"):
        deletion_cuts("西岭镇新建的水库昨日正式蓄水。", source)


def test_a_closing_clause_without_a_coverb_is_not_segmented(monkeypatch):
    from briefing.summarize import wholeness

    def untaggable(text):
        raise AssertionError(f"segmented {text!r}")

    monkeypatch.setattr(wholeness, "tagged", untaggable)
    assert wholeness.dangling_clause("东港市西岭镇新建的水库昨日正式蓄水。") is None
    with pytest.raises(AssertionError, match="segmented"):
        wholeness.dangling_clause("西岭镇的水库蓄水，代表全镇的心愿。")


def test_a_shortened_form_of_another_name_fails_the_check():
    source = "世卫组织说，刚果（金）已有1000名患者被治愈。"
    assert shortened_names("刚果已有1000名患者被治愈。", source)
    assert not check_summary("刚果已有1000名患者被治愈。", source)
    assert check_summary("刚果（金）已有1000名患者被治愈。", source)


# --- whole sentences ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "外交部发言人14日宣布：应某国总统府主任邀请。",
        "考生可于10月15日8∶00至10月24日18∶00期间。",
        "我国不仅成功解决了十多亿人口的吃饭问题。",
        "然而在8年后。",
        "粮食产量创历史新高——。",
        "各地纷纷表示：。",
        "在增幅达30%的情况下。",
        "据市纪委消息，经市委批准。",
        "全省粮食产量从2010年到。",
        "经过两年的筹备，特别是经过了最后三个月的冲刺。",  # 经过…… without what it achieved
        "为纪念建校百年，展示学校的办学成就，回顾百年来的光辉历程。",  # purposes, no one acting
        "为纪念建校一百周年。",
        "新建的车间让300户搬迁群众既有了新家。",  # 既 without 又/也
        "虽然新馆就在老城区，离火车站不到两公里。",  # a concession with nothing it concedes to
        "去年年底，东港市三家商场的分店里。",  # segmented 分/v 店里/n
    ],
)
def test_a_sentence_cut_to_a_setup_clause_fails(sentence):
    assert dangling_clauses(sentence)
    assert not check_summary(sentence, sentence.rstrip("。") + "，全市将举行大会。")


@pytest.mark.parametrize(
    "sentence",
    [
        "代表团在访问期间会见了市长。",
        "我国不仅要发展经济，还要保护环境。",
        "他说：“在8年后。”",
        "会议在北京召开。",
        "条例草案经市人大常委会审议通过。",
        "为纪念建校百年，学校举办系列活动。",
        "为民服务是我们的宗旨。",
        "新建的车间让搬迁群众既有了新家，又有了工作。",
        "虽然天气寒冷，但大家热情高涨。",
        "尽管困难重重，他们仍然坚持下来。",
        "列车经过郑州。",
        # 只有 "only has" and 若干 "several" open no condition.
        "东港市召开人大会议，只有一半代表到会。",
        "临江市举办招聘会，若干企业参加。",
        "顾客走进店里。",
    ],
)
def test_whole_sentences_pass(sentence):
    assert dangling_clauses(sentence) == []


def test_fitting_backs_off_a_trailing_setup_clause():
    clauses = compress_clauses(
        "全市快递日均件量由7万件增长至9万件，在人手增幅仅5%的情况下，投诉总量下降了一成。"
    )
    kept = fit_clauses(clauses, 32)
    assert join_clauses(kept) == "全市快递日均件量由7万件增长至9万件。"


# --- one place for the checks and the fallback ---------------------------------------------------

BODY = [
    "本报讯 近日，星城区人民政府召开全区安全生产工作会议，部署节日期间安全生产工作。",
    "会议要求各单位落实责任，确保全区安全形势稳定。",
]


def test_a_rejected_summary_is_replaced_by_different_whole_lead_sentences():
    article = Article(id="a", body=list(BODY))
    rejected = Summary(text="星城区召开了有3000人参加的会议。", method="extractive")
    fallback = accept(rejected, article, max_chars=90)
    assert fallback.text != rejected.text and fallback.method == FALLBACK_LEAD
    assert fallback.text.startswith("近日，星城区人民政府召开") and "3000" in fallback.reason
    assert check_summary(fallback.text, article)


def test_no_summary_with_the_reason_when_nothing_passes():
    article = Article(id="a", body=["应某国总统邀请，" + "某某" * 60 + "。"])
    result = accept(
        Summary(text="某国总统来访3000次。", method="extractive"), article, max_chars=30
    )
    assert result.text == "" and result.method == NO_SUMMARY and "rejected" in result.reason


def test_summarize_never_keeps_a_rejected_default_summary(monkeypatch):
    from briefing.summarize import extractive

    def broken(self, article, *, max_chars=90):
        return Summary(text="星城区召开了有3000人参加的会议。", method="extractive", sentences=[0])

    monkeypatch.setattr(extractive.ExtractiveSummarizer, "summarize_one", broken)
    (article,) = summarize([Article(id="a", body=list(BODY))], max_chars=90)
    assert "3000" not in article.summary.text and article.summary.method == FALLBACK_LEAD


# --- commentary --------------------------------------------------------------------------------


def test_commentary_summary_says_who_argues():
    from briefing.summarize.commentary import commentary_voice

    body = [
        "当前形势下，各方应当坚持对话协商，通过谈判解决分歧，这符合两国民众的长远利益。",
        "合作是唯一正确的选择。",
    ]
    piece = Article(id="c", title="对话协商是正确选择（钟声）", body=body)
    assert commentary_voice(piece) == "钟声"
    assert (
        commentary_voice(Article(id="b", title="用好改革利器（评论员观察）", body=body))
        == "本报评论员"
    )
    assert (
        commentary_voice(Article(id="n", title="星城区召开安全生产会议", body=list(BODY))) is None
    )
    (done,) = summarize([piece], max_chars=60)
    assert done.summary.text.startswith("钟声文章指出，") and len(done.summary.text) <= 60


def test_commentary_keeps_its_voice_when_the_splitter_moved_the_tag_to_the_column():
    # The splitter gives a trailing column tag to `column` and keeps the title clean: the guard
    # must read the column as printed text, or the voice (钟声) is "a name not in the article".
    body = [
        "当前形势下，各方应当坚持对话协商，通过谈判解决分歧，这符合两国民众的长远利益。",
        "合作是唯一正确的选择。",
    ]
    piece = Article(id="c", title="对话协商是正确选择", column="钟声", body=body)
    (done,) = summarize([piece], max_chars=60)
    assert done.summary.text.startswith("钟声文章指出，") and done.summary.method == "extractive"


def test_briefing_marks_commentary_and_keeps_it_out_of_top_news():
    from briefing.assemble import assemble
    from briefing.records import Issue
    from briefing.render.markdown import render_markdown

    opinion = Article(
        id="c",
        page=1,
        title="对话协商是正确选择（人民时评）",
        body=["各方应当坚持对话协商，通过谈判解决分歧。" * 8],
    )
    news = [
        Article(id=f"n{i}", page=1, title=f"星城区召开第{i}次会议", body=list(BODY))
        for i in range(3)
    ]
    briefing = assemble(Issue(source="t"), [opinion] + news, top_stories=3)
    top = briefing.sections[0]
    assert [e.article_id for e in top.entries] == ["n0", "n1", "n2"]
    assert "〔评论〕对话协商是正确选择" in render_markdown(briefing)


# --- titles that are headlines -----------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "记者从20日举行的2019年",
        "至2月19日期间全省充电设施提供充电",
        "去年我国货物进出口高达",
        "星城区人民政府召开的",
        "推进生态文明建设",
        "市民王大爷说",
        "发言人宣布应南海市市长邀请",
        "北川县从2010年到",
        "那么北川县的经验是全省推广",
        "老支书王明动情地说",
    ],
)
def test_fragments_fail_the_headline_checks(title):
    from briefing.summarize.headlines import headline_problems

    assert headline_problems(title)


@pytest.mark.parametrize(
    "title",
    [
        "人民银行开展首次央行票据互换操作",
        "全市新增就业3万人",
        "“陈皮贷”破解融资难",
        "春运首日发送旅客1000万人次",
    ],
)
def test_headlines_pass(title):
    from briefing.summarize.headlines import headline_problems

    assert headline_problems(title) == []


def test_generated_titles_are_headlines_or_none():
    from briefing.summarize.headlines import headline_problems
    from briefing.summarize.titles import NO_TITLE, ExtractiveTitler

    news = Article(
        id="a",
        body=[
            "本报讯 2月3日，星城区人民政府在市民广场召开全区安全生产工作会议，部署节日期间安全生产工作。"
        ],
    )
    credits = Article(id="b", body=["本版制图：王某某"])
    (title, generated), (none, marked) = ExtractiveTitler().title([news, credits])
    assert generated and headline_problems(title) == [] and title.startswith("星城区人民政府")
    assert none == NO_TITLE and marked is False


# --- keywords of the day -----------------------------------------------------------------------


def test_keywords_are_whole_names_not_pieces_or_function_words():
    from briefing.assemble.day_keywords import issue_keywords, keyword_problems

    body = [
        "临江市人大常委会主任邝文明在临江会见来访的星国议长。邝文明表示，临江愿同星方深化议会往来。",
        "关于双边合作，邝文明说，双方尝到了合作的甜头，贸易额升至37亿美元。星国议长表示赞同。",
    ]
    others = [
        Article(
            id=f"o{i}",
            title="中国与世界",
            body=["中国发展离不开世界，世界繁荣也需要中国。时代在前进。"],
        )
        for i in range(3)
    ]
    articles = [Article(id="a", title="邝文明会见星国议长", body=body)] + others
    keywords = issue_keywords(articles, count=6)
    text = "\n".join(a.headline + "\n" + a.text for a in articles)
    assert "邝文明" in keywords and "文明" not in keywords
    assert not {"中国", "世界", "时代", "关于", "尝到了", "亿美元"} & set(keywords)
    assert all(keyword_problems(k, text) == [] for k in keywords)


def test_keyword_problems_name_pieces_numbers_and_function_words():
    from briefing.assemble.day_keywords import keyword_problems

    text = "邝文明会见客人。关于合作，邝文明说双方尝到了甜头，贸易额37亿美元。"
    assert keyword_problems("文明", text) and keyword_problems("关于", text)
    assert keyword_problems("尝到了", text) and keyword_problems("亿美元", text)
    assert keyword_problems("邝文明", text) == []


@pytest.mark.parametrize(
    ("word", "verb_phrase"),
    [
        ("全面推行", True),  # one noun to the dictionary: an adverb and a verb
        ("持续增长", True),
        ("环境保护", False),  # a noun before the verb: a term
        ("大力发展", False),  # a verbal noun at the end
        ("改革开放", False),  # a name
        ("河湖长制", False),
    ],
)
def test_a_verb_phrase_is_no_keyword(word, verb_phrase):
    from briefing.assemble.day_keywords import keyword_problems

    assert bool(keyword_problems(word, f"{word}。{word}")) is verb_phrase  # twice: no guess


def test_keywords_of_the_day_leave_out_verb_phrases():
    from briefing.assemble.day_keywords import issue_keywords

    articles = [
        Article(
            id=f"r{i}",
            title=f"南川县全面推行河湖长制{i}",
            body=["南川县全面推行河湖长制，全面推行巡河制度，河湖长制落到实处。"] * 2,
        )
        for i in range(2)
    ]
    keywords = issue_keywords(articles, count=6)
    assert "河湖长制" in keywords and "全面推行" not in keywords


@pytest.mark.parametrize(
    ("word", "phrase"),
    [
        ("热烈祝贺", True),  # listed whole with a filler count: an adjective and its verb
        ("坚守岗位", True),  # a verb and its object
        ("致力于", True),  # a verb and its preposition
        ("新亮点", True),  # an adjective of one character and its noun
        ("改革开放", False),  # listed so too, but a noun opens it: a term
        ("从严治党", False),  # an adverb opens it
        ("河湖长制", False),  # not in the dictionary
    ],
)
def test_a_phrase_the_dictionary_lists_is_no_keyword(word, phrase):
    from briefing.assemble.day_keywords import dictionary_phrase, keyword_problems

    assert dictionary_phrase(word) is phrase
    problems = keyword_problems(word, f"{word}。{word}")
    assert any("phrase the dictionary lists" in p for p in problems) is phrase


def test_a_dictionary_phrase_printed_as_a_title_stays_a_keyword():
    from briefing.assemble.day_keywords import issue_keywords, keyword_problems

    text = "星城剧院上演话剧《坚守岗位》，《坚守岗位》讲述西岭镇护林员的故事。"
    assert keyword_problems("坚守岗位", text) == []
    articles = [
        Article(id=f"t{i}", title="话剧《坚守岗位》在星城首演", body=[text]) for i in range(2)
    ]
    assert "坚守岗位" in issue_keywords(articles, count=6)
    plain = "西岭镇护林员在山上坚守岗位，东港市民警在路口坚守岗位。"
    articles = [Article(id=f"p{i}", title="节日里他们坚守岗位", body=[plain]) for i in range(2)]
    assert "坚守岗位" not in issue_keywords(articles, count=6)


def test_a_dictionary_phrase_before_the_noun_it_qualifies_stays_a_keyword():
    from briefing.assemble.day_keywords import issue_keywords, keyword_problems

    things = "星城建成虚拟现实影院，虚拟现实技术走进西岭镇课堂。东港市设立自由贸易试验区。"
    relief = "临江市成立抢险救灾队伍，抢险救灾物资运抵西岭镇。星城扶贫开发项目落地。"
    for word, text in [("虚拟现实", things), ("自由贸易", things)]:
        assert keyword_problems(word, text) == []
    for word, text in [("抢险救灾", relief), ("扶贫开发", relief)]:
        assert keyword_problems(word, text) == []
    articles = [
        Article(id="v1", title="星城虚拟现实影院开业", body=[things]),
        Article(id="v2", title="临江市抢险救灾队伍出发", body=[relief]),
    ]
    assert "虚拟现实" in issue_keywords(articles, count=8)
    # A noun after it once in three is the next clause's: a verb and its object still.
    posts = "西岭镇护林员坚守岗位，东港市民警坚守岗位，星城医生坚守岗位时间最长。"
    assert any("phrase the dictionary lists" in p for p in keyword_problems("坚守岗位", posts))
    # A word and its preposition before a noun: the noun is its object (致力于 / 科技).
    aims = "东港市致力于科技创新，西岭镇致力于科技扶贫。"
    assert any("phrase the dictionary lists" in p for p in keyword_problems("致力于", aims))


def test_a_given_name_after_the_same_surname_is_the_whole_name():
    from briefing.assemble.day_keywords import issue_keywords, longer_name

    body = [
        "西岭镇茶农刘志成今年种了三十亩茶园。“今年收成好。”刘志成说。"
        "每到春天，刘志成都上山采茶，西岭镇的茶园连成一片。"
    ]
    articles = [
        Article(id="a1", title="西岭镇茶园迎来丰收", body=body),
        Article(id="a2", title="东港市举办茶叶博览会", body=["东港市茶叶博览会开幕。"]),
    ]
    keywords = issue_keywords(articles, count=6)
    assert "刘志成" in keywords and "志成" not in keywords
    assert longer_name("志远", "东港市的江志远种茶，江志远说今年好。") == "江志远"
    # Not after a number (5万 / 卢布), nor a surname that ends the word before it (临江 / 志远).
    assert longer_name("卢布", "东港市拨款5万卢布，西岭镇又得2万卢布。") == "卢布"
    assert longer_name("志远", "东港市临江志远公司开业，临江志远公司招工。") == "志远"
    # Nor a preposition that is a surname too, before a whole name or any other (向 / 华为).
    praise = "号召市民向雷锋同志学习。西岭镇青年向雷锋看齐，星城学生向雷锋致敬。"
    assert longer_name("雷锋", praise) == "雷锋"
    assert longer_name("雷锋", "青年参观于雷锋纪念馆，学生也到于雷锋纪念馆参观。") == "雷锋"
    assert longer_name("华为", "东港市向华为订购设备，临江市也向华为订购手机。") == "华为"
    # Nor a surname before a name the dictionary lists whole, a surname first (金 / 雷锋 / 奖).
    assert longer_name("雷锋", "星城设立金雷锋奖，首届金雷锋奖授予西岭镇青年。") == "雷锋"


# --- evaluation --------------------------------------------------------------------------------


def test_eval_reads_article_records_and_reports_wholeness(tmp_path):
    import json

    from briefing.evaluate.summaries import evaluate_summaries, evaluate_titles, read_items

    rows = [
        {
            "doc_id": "d1",
            "kicker": "",
            "title": "星城区部署节日安全生产（短评）",
            "subtitle": "",
            "paragraphs": list(BODY),
        },
        {
            "doc_id": "d2",
            "kicker": "",
            "title": "星城区部署节日安全生产",
            "subtitle": "",
            "paragraphs": list(BODY),
            "dup_of": "d1",
        },
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    items = read_items(path)
    assert [i["id"] for i in items] == ["d1"]
    figures = evaluate_summaries(items, max_chars=60)["systems"]["extractive"]
    assert figures["cuts"] == 0 and figures["dangling"] == 0 and figures["guard"] == 1.0
    titles = evaluate_titles(items)["systems"]
    assert titles["extractive"]["not_headline"] == 0 and "not_headline" in titles["first_clause"]


@pytest.mark.parametrize(
    "sentence",
    [
        "她2011年任站长助理；2016年3月。",
        "在某部门近日联合举办的系列论坛上。",
        "运动会开幕之际，从场馆工人到小记者。",
        "眼下，随着开幕日的脚步临近。",
        "对此，包括两部影片在内的8部电影。",
    ],
)
def test_more_setup_clauses_fail(sentence):
    assert dangling_clauses(sentence)


def test_a_bare_quotation_or_instruction_is_not_a_summary():
    from briefing.summarize.wholeness import unattributed_quotations

    assert unattributed_quotations("“这里的市场标准高。项目之复杂，是罕见的。”")
    assert unattributed_quotations("■ 要贯彻新思想，聚焦主业，努力开创新局面。")
    assert unattributed_quotations("经理说：“这里的市场标准高。”") == []
    assert unattributed_quotations("要素市场改革取得进展。") == []


@pytest.mark.parametrize(
    "sentence",
    ["他来到林场，看望护林员，代表县委和县政府。", "从2017年打开市场，到2018年拿下最大合同。"],
)
def test_clauses_without_a_predicate_fail(sentence):
    assert dangling_clauses(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "习近平出席博览会的开幕式。",
        "这是他们最关心的问题。",
        "该单位于上周在东港通过省级复核。",
        "他代表全体员工发言。",
        "全市为群众办实事。",
    ],
)
def test_clauses_with_a_predicate_pass(sentence):
    assert dangling_clauses(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "除夕夜，人们在东城守岁；在西城。",
        "市长表示，建市30年来，特别是近10多年来。",
        "影片之所以打动人。",
        "影片打动了观众，百年历史的长卷中。",
        "某局局长在发布会上表示。",
        "今年62岁的老农刘某说。",
        "但报名时间无论是选择工作日还是周末。",
        "我走过30多个城市，凡是有亲戚的地方。",
        "少年宫成立于1958年，对一代又一代孩子来说。",
        "走过60年，少年宫在市委的领导下。",
        "市政府在总结试点经验的基础上。",
        "历经30年奋斗，今天。",
    ],
)
def test_sentences_cut_before_their_point_fail(sentence):
    assert dangling_clauses(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "影片之所以打动人，在于它讲述了普通人的故事。",
        "“我们很高兴，”他表示。",
        "他表示同意。",
        "队员们在训练中。",
        "无论刮风下雨，他都坚持巡河。",
        "他说明年来。",
        "入冬以来，全市降雨偏少。",
        "凡是60岁以上的老人都受邀出席。",
        "喜讯传遍全城，回荡在剧院里，回荡在校园里。",
        "少先队员是他们最骄傲的名称。",
        "庆典的盛况，定格于百年的历史长卷中。",
        # visit verbs the segmenter tags as a time or a name (前往 t, 应邀出席 nr) are actions
        "会后，在北京前往天安门广场。",
        "随后，在雅加达应邀出席欢迎宴会。",
    ],
)
def test_whole_sentences_with_these_words_pass(sentence):
    assert dangling_clauses(sentence) == []


def test_commentary_keeps_its_voice_in_the_lead_fallback():
    from briefing.summarize.vetting import fallback_summary

    piece = Article(
        id="c",
        title="对话协商是正确选择（钟声）",
        body=["各方应当坚持对话协商，通过谈判解决分歧。", "合作是唯一正确的选择。"],
    )
    rejected = Summary(text="钟声文章指出，各方有3000次谈判。", method="extractive")
    fallback = fallback_summary(piece, max_chars=60, rejected=rejected, reason="test")
    assert fallback.method == FALLBACK_LEAD
    assert fallback.text.startswith("钟声文章指出，各方应当坚持对话协商")


@pytest.mark.parametrize(
    "sentence",
    [
        # a speech verb whose quotation was split off: a name in quotes is not what was said
        "东港市“丝路港口”研究所所长周海谈起此事时表示。",
        # a demand with only whom it addresses
        "市长陈岩在听取汇报后，要求全县各乡镇、各村。",
        "县委要求各乡镇和各村。",
        "会议要求全市各级学校、医院。",
        "陈岩下定决心，暗暗告诉自己。",
        "周海告诉记者。",
        # a coverb phrase whose action was cut away
        "在新的一年里，临江市要紧紧依托以港口物流为龙头。",
        "东港市将借助星国的港口。",
        "西岭镇按照时间顺序。",  # no modal: a title cut the same way
        "《西岭镇志》按照中国历史分期。",  # a verbal noun at the end heads the object
        "作为“西岭春晓”的重点活动。",
        # a subject and when it acts, without what it does
        "市长陈岩在听取西岭镇的汇报后。",
    ],
)
def test_a_verb_without_what_it_needs_fails(sentence):
    assert dangling_clauses(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "“今年要办好十件实事。”周海说。",  # the words said are the sentence before
        "“东港的变化很大，”陈岩表示。",
        "县委要求各乡镇加强防汛值守。",
        "县委要求各乡镇“守土有责”。",
        "县委号召在全县广泛开展志愿服务。",
        "他严格要求自己。",
        "西岭镇对服务质量的标准要求严。",
        "临江市在西岭镇建起一所希望小学。",
        "临江市要紧紧依托以港口物流为龙头，营造良好的发展环境。",
        "作为“西岭春晓”的重点活动，庙会在西岭镇举行。",
        "那场暴雨在东港市足足下了八个小时。",  # 小时 is no 时 of a setting
        "他出生在战争结束后。",
        # a coverb, its object and the action, tagged a verbal noun
        "临江市依托港口优势发展物流产业。",
        "西岭镇依托山水资源发展乡村旅游。",
        "临江市要依托港口优势发展物流产业。",
        "临江市围绕中心工作服务大局。",
        # a demand whose object is what is asked for; 告诉 with whom and what is told
        "他们要求公平待遇。",
        "各国呼吁和平。",
        "工人要求加薪。",
        "村民要求一个说法。",
        "周海告诉记者这个好消息。",
        "他告诉我一个秘密。",
        # 在 is the main verb: a time or a place after it, no act inside the frame
        "他的生日在春节后。",
        "开学时间在八月底以后。",
        "周海一家的新房在村后。",
    ],
)
def test_a_verb_with_what_it_needs_passes(sentence):
    assert dangling_clauses(sentence) == []


def test_compression_keeps_what_a_demand_asks():
    # 切实…… opens an intended effect, but here it is what 要求 asks: deleting it orphans 要求.
    clauses = compress_clauses("县委要求各乡镇，切实做好汛期值守工作。")
    assert join_clauses(clauses) == "县委要求各乡镇，切实做好汛期值守工作。"
    assert (
        join_clauses(compress_clauses("县委召开会议，切实做好汛期值守工作。")) == "县委召开会议。"
    )


def test_the_guard_rejects_a_speech_verb_whose_quotation_was_split_off():
    quotation = "“临江港的新航线开通了，我们的货物三天就能运到，运费也降了一成。”"
    speaker = "东港市“丝路港口”研究所所长周海谈起此事时表示。"
    other = "周海研究港口物流十余年。"
    article = Article(id="a", body=[quotation + speaker, other])
    assert not check_summary(speaker + other, article)
    assert check_summary(quotation + speaker, article)


@pytest.mark.parametrize(
    "sentence",
    [
        # The opener of the "when" or "after" stands in an earlier clause, or inside the last.
        "周海回忆，去年冬天当他第一次走进西岭镇的小学时。",
        "陈岩说，星城的球队经过三个月的集训后。",
        "星城一位老人说，去年冬天，东港市宣布修建大桥后。",
        "陈岩说，会议结束之后。",
    ],
)
def test_a_sentence_cut_after_its_when_or_after_clause_fails(sentence):
    assert dangling_clauses(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # The clause of "when" before its main clause; times that end on the same character.
        "天亮时，渔船陆续回到东港市。",
        "从星城到临江市，坐高铁只要一个半小时。",
        "陈岩走在队伍最后。",
        "周海每天坚持锻炼一小时。",
    ],
)
def test_a_whole_time_at_the_end_passes(sentence):
    assert not any("sets up" in problem for problem in dangling_clauses(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # 在, 于 or 是 governs the time: it is what the clause says.
        "陈岩的婚期在中秋节后。",
        "那座老桥建成于战争结束以后。",
        "周海最忙的日子是每年开学时。",
    ],
)
def test_a_time_that_is_the_predicate_passes(sentence):
    assert not any("sets up" in problem for problem in dangling_clauses(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # 在 or 于 sets the action (在西岭镇, 于星城), and the action is timed: still cut away.
        "李晓梅说，周海在西岭镇办完手续后。",
        "去年，临江市的工厂于三月正式复工后。",
    ],
)
def test_a_when_or_after_clause_with_a_setting_in_it_fails(sentence):
    assert any("sets up" in problem for problem in dangling_clauses(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # A clock hour, or the time a 为 says or a 到 or 至 runs up to: what the clause says.
        "音乐会的开始时间为晚上7时。",
        "临江市图书馆每天开放到晚上21时。",
        "西岭镇的集市从早上6时至中午12时。",
        "周海把出发日期推迟到国庆以后。",
        "周海的假期延长到了元旦以后。",
        "那只小狗钻到了床后。",
    ],
)
def test_a_clock_hour_or_the_end_of_a_span_passes(sentence):
    assert not any("sets up" in problem for problem in dangling_clauses(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # No clock hour, nothing that says the time; a person's arrival (到) before what follows it.
        "李晓梅说，星城的大桥通车时。",
        "陈岩说，他到了临江市以后。",
        "去年，市长为获奖的学生颁发奖状时。",
        "星城一位老人回忆，当大桥通车的消息传来，全村人赶到江边时。",
    ],
)
def test_a_when_or_after_clause_without_an_hour_or_an_end_fails(sentence):
    assert any("sets up" in problem for problem in dangling_clauses(sentence))
