"""Pointers with nothing before them in a summary to point to (这所小学, 该村, 他, 当地).

Every sentence here is invented for these tests."""

from __future__ import annotations

import pytest

from briefing.records import Article, Summary
from briefing.summarize.compress import compress_clauses, join_clauses
from briefing.summarize.extractive import ExtractiveSummarizer, _here_place
from briefing.provenance import COMPRESSED_NAME, method_name, summary_provenance
from briefing.summarize.guard import check_summary
from briefing.summarize.references import (
    leans_on_before,
    name_here,
    needs_context,
    past_turn,
    unresolved_reference,
    without_pointing_frame,
)
from briefing.summarize.sentences import Sentence

UNRESOLVED = [
    ("去年冬天，周海到西岭镇走访时，专程去了这所小学。", "这所小学"),
    ("去年9月，教育局投入资金300万元，为这所小学新建了教学楼。", "这所小学"),
    ("该公司负责人表示，今年产量将翻番。", "该公司"),
    ("该村今年种植茶叶300亩。", "该村"),
    # What was just said, when the summary does not say it: about what, for what, among what?
    ("西岭镇的茶农对此很满意。", "对此"),
    ("临江市为此专门成立了工作组。", "为此"),
    ("西岭镇的茶园位列其中。", "其中"),
    ("陈岩的作品也在其中。", "其中"),
    ("这样一来，河道变清了。", "这样一来"),
    ("怀着这样的心愿，陈岩在西岭镇办起了图书室。", "这样心愿"),
    ("正是这样一批志愿者，守护着东港的海岸线。", "这样志愿者"),
    ("这样的好消息让村民们很高兴。", "这样好消息"),
    # Who says it is not what was said.
    ("陈岩告诉记者，正是这样一批志愿者守护着东港的海岸线。", "这样志愿者"),
    ("周海表示，此举将惠及全镇。", "此举"),
    # 从临江来到这里: the place left is not the here.
    ("陈岩带着女儿从东岭省临江市搬来这里定居。", "这里"),
    ("此案正在进一步审理中。", "此案"),
    ("这位老人今年已经80岁了。", "这位老人"),
    ("去年春天，这位78岁的老人开始学画画。", "这位老人"),
    ("他说要让大家早日住上新房。", "他"),
    ("冬日里，他和老伴忙着打扫房间。", "他"),
    ("当地政府投入资金2亿元修路。", "当地政府"),
    ("这里的村民过去靠打鱼为生。", "这里"),
    ("去年以来，这家企业新增就业岗位500个。", "这家企业"),
    ("此举将有效缓解交通压力。", "此举"),
    ("这些村民都住进了新房。", "这些村民"),
    ("两者相差不到一成。", "两者"),
    # A verb names no one, whatever it ends in (增长, 发生, 开工); nor does 市场 name a place.
    ("东港经济增长7%，他说明年还要加快。", "他"),
    ("暴雨发生后，他第一时间赶到现场。", "他"),
    ("工厂开工以来，他们每天加班。", "他们"),
    ("陈岩在市场里摆摊，当地人都认识她。", "当地人"),
    # A word that ends in the same character is no name of the kind (就业, 临江大学).
    ("东港市就业形势向好，这家企业新招员工200人。", "这家企业"),
    ("临江大学扩招，这所小学也新建了教学楼。", "这所小学"),
    # Classifiers of cases, talks, books and matches; 此 before a village as 该 is.
    ("这起案件仍在审理中。", "这起案件"),
    ("此村已通自来水。", "此村"),
    ("这番话让陈岩很感动。", "这番话"),
    ("这本书讲述了渔民的故事。", "这本书"),
    ("这场比赛吸引了上万观众。", "这场比赛"),
    # 人 inside a word (人工湖) names no one.
    ("游船开进人工湖，他们纷纷拍照。", "他们"),
    # A bare noun of its kind is no name: which school?
    ("陈岩在学校的操场上种了一排银杏。去年秋天，周海路过这所小学。", "这所小学"),
    ("专家建议尽快研究这个问题。", "这个问题"),
]

# Ordinary uses that point to nothing before, or to what the sentence itself names.
RESOLVED = [
    "这一年，临江市经济增长7%。",
    "这些天，西岭镇的游客明显增多。",
    "这几天，临江市的气温持续走低。",
    "这段时间以来，西岭镇游客络绎不绝。",
    "这时，陈岩突然发现了险情。",
    "东港市召开年度工作会议，这次会议明确了三项任务。",
    "这次展览共展出文物200件。",
    "此外，临江市还新建了两座公园。",
    "此前，东港港已开通两条航线。",
    "遇到邻里纠纷该怎么办？专家给出了建议。",
    "周海说：“这里的变化太大了。”",
    "“他们都是好样的！”陈岩感慨地说。",
    "西岭镇通了公交，这样的好消息让村民们很高兴。",
    # 对此 / 为此 / 其中 / 这样的 after a clause that says what they point to, a 这样 phrase that
    # names what comes after it, and words that look alike (此外, 因此, 从此, 据此间).
    "东港市出台新规，不少市民对此拍手叫好。",
    "临江市决定扩建码头，为此投入资金2亿元。",
    "西岭镇有茶园、果园和花圃，其中茶园面积最大。",
    "临江市推行河长制，这样一来，河道变清了。",
    "陈岩讲过这样一件事：去年冬天，渡口结了冰。",
    "东港村出了这样一位能人。",
    "中秋这样的节日，渡口格外忙碌。",
    "像周海这样的老党员，西岭镇还有很多。",
    "因此，西岭镇决定扩建学校。",
    "从此，东港村有了自己的卫生室。",
    "据此间报道，星国股市连日下跌。",
    "周海说：“对此我们很满意。”",
    # A place the pointer's here is: not one left (从临江) nor a body acting (……在这里).
    "周海来到西岭镇，在这里住了三年。",
    "这么好的天气，适合出门踏青。",
    "临江市新建学校5所，其中小学3所。",
    "其他人员已安全撤离。",
    "当地时间3日，星国总统宣布新内阁名单。",
    "临江市第一小学新建了操场，这所小学的学生人数增至2000人。",
    "西岭中学新建了操场，这所学校的学生人数增至900人。",
    "陈岩把潮位画成曲线，渔民们看着这条曲线安排出海。",
    "周海今年75岁，这位老人坚持义务巡河20年。",
    "西岭镇新建茶厂一座，该镇茶农人均增收3000元。",
    "陈岩是东港市一名出租车司机，他每天工作10小时。",
    "村民们说，他们的日子越过越红火。",
    "临江市启动垃圾分类，此举将减少填埋量三成。",
    "东港市推行一网通办，这一做法让群众少跑腿。",
    "周海来到西岭镇，当地干部介绍了茶叶产业的发展情况。",
    "临江大学与东港市签约，该校将设立研究院。",
    "东港市发布新规，该规定自3月1日起施行。",
    "东港市发布《河道管理条例》，这一法规将于明年施行。",
    "东港市决定取消早高峰限行，这一决定得到多数市民支持。",
    "他山之石，可以攻玉。",
    "周海告诉记者，他已经在西岭镇工作了30年。",
    "周海来到东港市，这座城市的港口正在扩建。",
    "中秋这个日子对陈岩来说意义非凡。",
    "陈岩见证了这一历史时刻。",
    "看病难这一问题正在得到解决。",
    "不论选择那种办法，都要先征得家人同意。",
    "周海团队研制的这种新材料名叫石墨烯膜。",
    "陈岩的这部小说——《西岭春秋》今年出版。",
    "西岭镇有12个自然村，这些地区交通不便。",
    "一批老船工回到东港，他们说码头比从前热闹多了。",
    "陈岩讲起这些年的经历，几度哽咽。",
    "在这片面积70平方公里、人口20万的土地上，西岭镇敢闯敢试。",
    "这个世界变化很快。",
    "东港修了路、建了桥，这一切陈岩都看在眼里。",
    "这只是一个开始。",
    "这本来就是一件好事。",
    "周海在东港大桥上巡查，这座大桥已通车10年。",
    # Times that the quick test lets through, so the exclusions decide.
    "这一次，临江队终于赢了。",
    "这个时候，陈岩赶到了。",
    "这段时间以来，游客络绎不绝。",
]


@pytest.mark.parametrize(("text", "pointer"), UNRESOLVED)
def test_a_pointer_with_nothing_before_it_is_found(text, pointer):
    assert unresolved_reference(text) == pointer


@pytest.mark.parametrize("text", RESOLVED)
def test_ordinary_uses_and_resolved_pointers_are_not(text):
    assert unresolved_reference(text) is None


def test_a_name_of_the_same_kind_resolves_a_pointer_and_a_common_word_does_not():
    assert unresolved_reference("临江县发生一起盗窃案。该县警方迅速破案。") is None
    assert unresolved_reference("东湾村通了自来水，该村村民不再挑水。") is None
    assert unresolved_reference("周海在学校门口开了一家书店。该校今年扩招。") == "该校"


def _summary(body: list[str], title: str, *, max_chars: int = 90) -> Summary:
    return ExtractiveSummarizer().summarize_one(
        Article(id="a", title=title, body=body), max_chars=max_chars
    )


def test_the_sentence_before_that_names_the_school_comes_with_the_one_that_points_to_it():
    body = [
        "一大早，校园里就热闹起来，欢声笑语此起彼伏。",
        "西岭镇中心小学坐落在半山腰，是全镇唯一的完全小学。",
        "去年9月，临江市教育局投入资金300万元，为这所小学新建了教学楼和食堂，全校学生增至520人。",
    ]
    summary = _summary(body, "山村小学换新颜")
    assert summary.sentences == [1, 2]
    assert summary.text.startswith("西岭镇中心小学")


def test_a_pronoun_comes_with_who_it_is():
    body = [
        "“以前一下雨，村里的路就没法走。”回忆起过去，老人感慨万千。",
        "去年，他带头捐出积蓄5万元，帮助东港村修通了3公里水泥路。",
        "东港村今年新修水泥路8公里，全村通车率达到100%。",
    ]
    summary = _summary(body, "修路")
    assert summary.sentences == [1, 2]


def test_a_sentence_before_that_does_not_name_the_school_is_not_joined_to_it():
    body = [
        "一大早，校园里就热闹起来，欢声笑语此起彼伏。",
        "这所学校今年招收新生600人，新学期新开设了编程和陶艺课程。",
        "家长们说，孩子在这里上学很放心。",
    ]
    summary = _summary(body, "新学期招收新生600人")
    assert 0 not in summary.sentences


def test_a_sentence_read_just_before_says_what_was_done_and_one_from_further_on_does_not():
    before = "临江市决定扩建码头。"
    assert unresolved_reference("周海为此筹集资金2亿元。", before=before) is None
    assert unresolved_reference("周海为此筹集资金2亿元。", before=before, follows=False) == "为此"
    # A name it points to is named wherever the reader read it.
    before = "周海来到西岭镇。"
    assert unresolved_reference("他说明年还要扩建。", before=before, follows=False) is None


def test_a_pointing_frame_comes_off_when_the_rest_stands_alone():
    assert (
        without_pointing_frame("怀着这样的心愿，陈岩在西岭镇办起了图书室。")
        == "陈岩在西岭镇办起了图书室。"
    )
    assert without_pointing_frame("为此，东港市投入资金2亿元。") == "东港市投入资金2亿元。"
    assert without_pointing_frame("为此，这所学校投入资金2亿元。") is None
    assert without_pointing_frame("临江日报推出了读书计划。") is None


def test_a_sentence_that_opens_on_for_this_is_summarized_without_it():
    body = [
        "西岭镇的孩子们过去要走十几里山路上学。",
        "为此，临江市投入资金2000万元，在西岭镇新建一所寄宿制小学，可容纳学生800人。",
        "家长们说，孩子上学再也不用起早贪黑了。",
    ]
    summary = _summary(body, "临江市投资2000万元在西岭镇新建寄宿制小学", max_chars=60)
    assert summary.sentences == [1]
    assert summary.text.startswith("临江市投入资金2000万元")


def test_what_the_reader_has_just_read_may_name_what_a_pointer_points_to():
    assert unresolved_reference("他说明年还要扩建。", before="周海来到西岭镇。") is None
    assert unresolved_reference("他说明年还要扩建。", before="西岭镇新建了码头。") == "他"
    # The sentence before keeps its own pointers: only the new one's are reported.
    assert unresolved_reference("陈岩说明年还要扩建。", before="该村新建了码头。") is None


# A dispatch's first sentence says 这里 / 在此 / 此间 for the place its dateline names, which the
# summary leaves out: the summary names the place.
HERE_NAMED = [
    ("周海今天在这里宣布，星国将扩建东港港。", "周海今天在星城宣布，星国将扩建东港港。"),
    ("第二届临江论坛今天在此举行。", "第二届临江论坛今天在星城举行。"),
    ("星国总统周海今天在此间会见了陈岩。", "星国总统周海今天在星城会见了陈岩。"),
    ("此间人士认为，会谈取得了进展。", "星城人士认为，会谈取得了进展。"),
    ("据此间报道，星国股市连日下跌。", "据星城报道，星国股市连日下跌。"),
    ("陈岩今天在此郑重宣布：论坛开幕。", "陈岩今天在星城郑重宣布：论坛开幕。"),
]

# Nothing changes: a speaker's 这里, a here the sentence names (在临江港……在这里), 此 of a
# basis or a time, and a here in a later sentence (it may point to a place named before it).
HERE_KEPT = [
    "周海说：“我们这里变化很大。”",
    "周海在临江港剪彩，并在这里发表讲话。",
    "在此基础上，双方签署了协议。",
    "在此期间，双方举行了会谈。",
    "陈岩来到西岭村。这里的村民今年种茶300亩。",
    # A bare 这里 is no place; nor is 在这里 before 面/头 (在这里面对, 在这里头).
    "说到这里，周海停了一下。",
    "这里面有不少问题。",
    "这里头有讲究。",
    "周海说，这里的问题在于资金不足。",
    "由此可见，这里有问题。",
    "周海今天在这里面对记者提问。",
]


@pytest.mark.parametrize("text, named", HERE_NAMED)
def test_the_here_of_a_dispatch_names_the_datelines_place(text, named):
    assert name_here(text, "星城") == named


@pytest.mark.parametrize("text", HERE_KEPT)
def test_a_here_the_sentence_resolves_itself_is_left_as_it_is(text):
    assert name_here(text, "星城") == text


def test_a_dispatchs_summary_says_where_its_here_is_and_no_longer_quotes_it():
    body = [
        "新华社星城1月5日电（记者陈岩）星国外交部长周海今天在这里宣布，"
        "星国将于3月在东港市举办第二届港口合作论坛。",
        "周海说，论坛将邀请30个国家的代表出席。",
    ]
    article = Article(id="a", title="星国将举办港口合作论坛", body=body)
    summary = ExtractiveSummarizer().summarize_one(article, max_chars=90)
    assert summary.sentences[0] == 0
    assert "在星城宣布" in summary.text and "这里" not in summary.text
    assert check_summary(summary.text, article).ok
    article.summary = summary
    made = summary_provenance(article)
    assert made.verbatim is False and method_name(made, "summary") == COMPRESSED_NAME


@pytest.mark.parametrize(
    "dateline", ["本报星城1月5日电", "本报星城一月五日讯", "本报星城1月5日电记者陈岩报道"]
)
def test_a_dateline_the_splitter_printed_apart_gives_the_first_sentence_its_here(dateline):
    body = ["星国外交部长周海今天在这里宣布，星国将于3月在东港市举办第二届港口合作论坛。"]
    article = Article(id="a", title="星国将举办港口合作论坛", body=body, dateline=dateline)
    summary = ExtractiveSummarizer().summarize_one(article, max_chars=90)
    assert "在星城宣布" in summary.text and "这里" not in summary.text
    assert check_summary(summary.text, article).ok
    # Only the first sentence opens on it: a later one's here stays as it is printed.
    later = ["东港市今年新建码头两座。", "周海今天在这里宣布，论坛将于3月举办。"]
    article = Article(id="b", title="论坛将于3月举办", body=later, dateline=dateline)
    assert "星城" not in ExtractiveSummarizer().summarize_one(article, max_chars=90).text


@pytest.mark.parametrize("dateline", ["本报东港1月5日电", "新华社东港1月5日电（记者陈岩）"])
def test_the_guard_takes_the_place_of_a_dateline_the_splitter_printed_apart(dateline):
    # 东港 and 临江 are places the guard looks at (星城 is not).
    body = ["周海今天在这里宣布，东港将于3月举办港口合作论坛。", "陈岩说，临江已做好准备。"]
    article = Article(id="a", title="东港将举办论坛", body=body, dateline=dateline)
    assert check_summary("周海今天在东港宣布，东港将于3月举办港口合作论坛。", article).ok
    assert not check_summary("周海今天在临江宣布，东港将于3月举办港口合作论坛。", article).ok
    undated = Article(id="b", title="东港将举办论坛", body=body)
    assert not check_summary("周海今天在东港宣布，东港将于3月举办港口合作论坛。", undated).ok
    # A dateline printed as the subtitle opens no sentence: the summarizer never names it.
    subtitled = Article(id="c", title="论坛将举办", subtitle="新华社临江1月5日电", body=body)
    assert not check_summary("周海今天在临江宣布，东港将于3月举办港口合作论坛。", subtitled).ok


def test_only_a_dateline_that_names_a_place_gives_the_here_a_place():
    def opening(text: str) -> Sentence:
        return Sentence(text=text, index=0, paragraph=0, complete=True)

    assert _here_place(opening("新华社星城1月5日电 周海今天在这里宣布，论坛开幕。")) == "星城"
    # 本报讯 names no place; a sentence without a dateline names none either.
    assert _here_place(opening("本报讯（记者陈岩）周海今天在这里宣布，论坛开幕。")) is None
    assert _here_place(opening("周海今天在这里宣布，论坛开幕。")) is None


# 东港 and 临江 are tagged as places (星城 is not: the guard would not look at it). The dateline's
# place is accepted for the here, another place is not; a dispatch later in a roundup names its own.
HERE_DATELINES = [
    ["新华社东港1月5日电 周海今天在这里宣布，论坛将扩大规模。", "陈岩说，临江已做好准备。"],
    [
        "新华社临江1月5日电 陈岩今天说，论坛筹备顺利。",
        "新华社东港1月5日电 周海今天在这里宣布，论坛将扩大规模。",
    ],
]


@pytest.mark.parametrize("body", HERE_DATELINES)
def test_the_guard_takes_only_the_datelines_place_for_a_here(body):
    article = Article(id="a", body=body)
    assert check_summary("周海今天在东港宣布，论坛将扩大规模。", article).ok
    assert not check_summary("周海今天在临江宣布，论坛将扩大规模。", article).ok


# Where the article's dateline does not name the place, or its sentence does not say here for it
# in a way the summarizer names, a place put for a here is a move.
HERE_NOT_THE_DATELINES = [
    # No dateline: a place the body prints before a month is not the dateline's.
    (
        ["周海今天在这里宣布，论坛将扩大规模。", "东港5月将举办论坛。"],
        "周海今天在东港宣布，论坛将扩大规模。",
    ),
    # The dateline names 临江: 东港 printed before a month in the body is not it.
    (
        ["新华社临江1月5日电 周海今天在这里宣布，论坛将扩大规模。", "东港1月将举办论坛。"],
        "周海今天在东港宣布，论坛将扩大规模。",
    ),
    # 据此 and a bare 这里 are no here the summarizer names.
    (
        ["新华社东港1月5日电 周海今天宣布，据此论坛将扩大规模。"],
        "周海今天宣布，据东港论坛将扩大规模。",
    ),
    (
        ["新华社东港1月5日电 周海今天说，这里的关键是资金。"],
        "周海今天说，东港的关键是资金。",
    ),
    # A later sentence's here may be another place.
    (
        ["新华社东港1月5日电 周海今天宣布，论坛将在临江举办。陈岩在这里讲话，欢迎各国代表。"],
        "陈岩在东港讲话，欢迎各国代表。",
    ),
]


@pytest.mark.parametrize("body, summary", HERE_NOT_THE_DATELINES)
def test_the_guard_takes_no_other_place_for_a_here(body, summary):
    assert not check_summary(summary, Article(id="a", body=body)).ok


def test_a_place_that_would_not_fit_the_budget_is_not_put_for_the_here():
    body = ["新华社比勒陀利亚1月5日电 周海今天在这里宣布，星国将扩建东港港。"]
    article = Article(id="a", title="星国将扩建东港港", body=body)
    summary = ExtractiveSummarizer().summarize_one(article, max_chars=19)
    assert summary.text == "周海今天在这里宣布，星国将扩建东港港。"


@pytest.mark.parametrize("verb", ["表示", "强调", "透露", "坦言"])
def test_who_says_it_is_no_clause_for_a_pointer_to_what_was_said(verb):
    assert unresolved_reference(f"周海{verb}，此举将惠及全镇。") == "此举"
    assert unresolved_reference(f"西岭镇修通了公路，周海{verb}，此举将惠及全镇。") is None


def test_a_clause_that_only_says_when_is_no_clause_for_a_pointer():
    assert unresolved_reference("今年春节期间，专家对此表示担忧。") == "对此"
    assert unresolved_reference("按照临江市的统一部署，各村对此高度重视。") == "对此"
    assert unresolved_reference("去年临江市出台新规，专家对此表示担忧。") is None


def test_a_place_one_comes_from_may_be_the_here():
    assert unresolved_reference("陈岩来自临江市，这里是她的故乡。") is None
    assert unresolved_reference("陈岩从临江市来到这里。") == "这里"


def test_for_this_is_the_verbs_object_not_a_frame():
    assert without_pointing_frame("对此，各级政府要高度重视。") is None
    assert without_pointing_frame("就此，周海与陈岩交换了意见。") is None


def test_compression_drops_a_pointing_frame_only_when_the_rest_stands_alone():
    def compress_sentence(text: str) -> str:
        return join_clauses(compress_clauses(text))

    assert (
        compress_sentence("为此，东港市投入资金2亿元新建码头。") == "东港市投入资金2亿元新建码头。"
    )
    assert compress_sentence("为此，这所学校投入资金2亿元新建操场。").startswith("为此")


def test_a_such_phrase_before_a_full_stop_presents_only_a_sentence_kept_after_it():
    assert unresolved_reference("陈岩就是这样一位老师。") == "这样老师"
    assert unresolved_reference("临江市需要这样的干部。") == "这样干部"
    assert unresolved_reference("陈岩就是这样一位老师。她在西岭镇教书三十年。") is None
    assert unresolved_reference("周海讲过这样一件事：西岭镇修通了公路。") is None
    assert unresolved_reference("在西岭镇，有这样一群人，他们守护着古树。") is None


def test_a_here_its_predicate_names_is_resolved():
    assert unresolved_reference("这里是东港市最热闹的老街。") is None
    assert unresolved_reference("这里是她的故乡。") == "这里"
    assert leans_on_before("这里就是西岭镇。") is False
    assert leans_on_before("这里是她的故乡。") is True


def test_a_pointing_frame_comes_off_a_dispatchs_first_sentence_whose_here_is_named():
    first = "为此，周海今天在这里宣布，东港将于3月举办第二届港口合作论坛。"
    body = [first, "陈岩说，临江已做好准备。"]
    article = Article(id="a", title="东港将举办论坛", body=body, dateline="新华社东港1月5日电")
    summary = ExtractiveSummarizer().summarize_one(article, max_chars=90)
    assert summary.text.startswith("周海今天在东港宣布"), summary.text
    assert without_pointing_frame(first, place="东港") == first[3:]
    assert without_pointing_frame(first) is None


def test_both_after_the_two_it_names_in_its_own_clause_is_resolved():
    text = "1月5日上午，临江市交通局、东港市交通局及二者所属的执法队联合检查了西岭镇的客运站。"
    assert unresolved_reference(text) is None
    assert unresolved_reference("1月5日上午，二者所属的执法队联合检查了客运站。") == "二者"


def test_a_full_width_item_number_leans_as_ranking_reads_it():
    # The 1998 pages print list numbers full width (２、): read folded, as the ranking reads them.
    assert leans_on_before("２、临江市新建学校十所。") is True
    assert leans_on_before("2、临江市新建学校十所。") is True
    assert leans_on_before("２０２６年临江市新建学校十所。") is False


def test_an_item_of_a_list_leans_on_its_lead_in():
    # 一是……, 第一，……, 首先，……: items of what the sentence before announced.
    assert leans_on_before("一是新建临江市第二水厂，日供水能力提升到20万吨。") is True
    assert leans_on_before("三是加快西岭镇老旧小区改造。") is True
    assert leans_on_before("第一，东港市今年将新增公交线路12条。") is True
    assert leans_on_before("首先，星城将扩建三所公办幼儿园。") is True
    assert leans_on_before("其二，陈岩的方案成本更低。") is True
    # An ordinal of a noun, 首先 with no comma, a figure that starts with 一: not an item.
    assert leans_on_before("第一批援建物资昨天运抵西岭镇。") is False
    assert leans_on_before("第一次参加比赛的周海获得亚军。") is False
    assert leans_on_before("首先到达现场的是东港市消防支队。") is False
    assert leans_on_before("一年来，临江市新建公园8座。") is False
    # A holiday named by its date, the idiom 一是一，二是二, a figure: no item either.
    assert leans_on_before("五一是劳动者的节日。") is False
    assert leans_on_before("十一是国庆节，东港市游客众多。") is False
    assert leans_on_before("七一是党的生日，西岭镇举办了文艺演出。") is False
    assert leans_on_before("一是一，二是二，周海从不含糊。") is False
    assert leans_on_before("3.5万名游客昨天涌入星城。") is False


def test_a_consequence_leans_on_what_it_follows_from():
    # 因此……, 所以……, 由此……: a consequence of the sentence before.
    assert leans_on_before("因此，临江市今年将新建学校十二所。") is True
    assert leans_on_before("所以，西岭镇的游客比去年多了一倍。") is True
    assert leans_on_before("由此引发的讨论在星城持续了一个月。") is True
    # The same words later in the sentence, or a word that only starts like them: it stands alone.
    assert leans_on_before("临江市因此成为全省首个试点城市。") is False
    assert leans_on_before("所有学校都已开学。") is False
    assert leans_on_before("所以然的缘由，陈岩在信里讲得很明白。") is False


def test_past_turn_keeps_the_point_after_a_turn_only_when_it_stands_alone():
    assert past_turn("但是，临江市的老街改造不能只拆不建。") == "临江市的老街改造不能只拆不建。"
    assert past_turn("然而，这恰恰说明了问题所在。") is None  # points back
    assert past_turn("但这也说明，西岭镇要下功夫。") is None  # no comma: the turn runs on
    assert past_turn("临江市的老街改造不能只拆不建。") is None  # no turn


def test_an_affirmation_leans_on_what_it_agrees_with_and_its_point_stands_past_it():
    affirmed = "的确，老街改造只有留住老街坊，才能留住烟火气。"
    assert needs_context(affirmed)
    assert past_turn(affirmed) == "老街改造只有留住老街坊，才能留住烟火气。"
    assert not needs_context("的确良衬衫曾是临江人最时髦的穿着。")  # a word, no affirmation
