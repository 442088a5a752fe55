"""A commentary's summary after its opening: a whole sentence of the argument (invented text)."""

from __future__ import annotations

import pytest

from briefing.records import Article, Summary
from briefing.summarize import summarize
from briefing.summarize.extractive import ExtractiveSummarizer
from briefing.summarize.commentary import (
    FACT_PENALTY,
    HOOK_PENALTY,
    argument_ranking,
    commentary_voice,
    editors_label,
    editors_paragraphs,
    narrating,
    quotations,
    repeats_quotation,
    reports_speech,
    states_thesis,
)
from briefing.summarize.ranking import adjusted, rank_sentences
from briefing.summarize.references import needs_context
from briefing.summarize.sentences import split_sentences
from briefing.summarize.wholeness import dangling_clauses

# A first sentence too long for the budget left after the opening: cut at a comma, it would
# keep the subject (补上技能培训的短板，让每个求职者都有一技之长) and lose the predicate (是……).
LONG_SUBJECT = (
    "临江市地处两省交界，交通便利，产业门类齐全，外来务工的年轻人逐年增多，企业招不到熟练工人的"
    "烦恼却一年比一年突出，补上技能培训的短板，让每个求职者都有一技之长，是临江市留住人才的"
    "当务之急，也是东港市和西岭镇共同面对的课题。"
)
PIECE = [
    LONG_SUBJECT,
    "职业教育是技能人才的摇篮，也是产业升级的基础。",
    "近年来，临江市新建实训基地三处，毕业生就业率逐年提高。",
    "各级政府要把职业教育摆在更加突出的位置，让更多年轻人学有所成。",
]


def _opinion(body: list[str], **fields) -> Article:
    return Article(id="c", title="职业教育大有可为", column="说道", body=body, **fields)


def test_the_opening_never_leaves_a_subject_without_its_predicate():
    (done,) = summarize([_opinion(list(PIECE))], max_chars=90)
    text = done.summary.text.removeprefix("“说道”栏目文章认为，")
    assert text != done.summary.text
    assert "一技之长。" not in text
    # One sentence of the piece, whole: it ends where the printed sentence ends.
    printed = [s.text.rstrip("。") for s in split_sentences(PIECE)]
    assert any(p.endswith(text.rstrip("。")[-6:]) for p in printed)
    assert not dangling_clauses(text)
    assert len(done.summary.text) <= 90


def test_news_keeps_its_cut_lead():
    """The whole-sentence rule is the commentary's: news is cut to fit as before."""
    news = Article(id="n", title="职业教育大有可为", body=list(PIECE))
    (done,) = summarize([news], max_chars=90)
    assert done.summary.text.startswith("临江市地处两省交界")


def test_a_sentence_that_points_to_the_one_before_is_not_the_summary():
    """这部片子: which one is said before the piece's first line (in its title or a picture)."""
    body = [
        "这部片子讲述了职业教育大有可为的道理和技能成才的故事。",
        "好作品的背后，是创作者的用心打磨。",
    ]
    (done,) = summarize([_opinion(body)], max_chars=90)
    assert done.summary.text == "“说道”栏目文章认为，好作品的背后，是创作者的用心打磨。"


def test_a_compression_that_leaves_one_clause_of_a_longer_sentence_is_not_whole():
    """临江市建市30周年，让……: compression drops the closing effect; the noun phrase left is no
    sentence, so another whole sentence is taken."""
    body = [
        "临江市建市30周年，让这个秋天成为市民表达心声的节日。",
        "城市的每一次进步，都离不开市民的辛勤付出。",
    ]
    (done,) = summarize([_opinion(body)], max_chars=90)
    assert done.summary.text == "“说道”栏目文章认为，城市的每一次进步，都离不开市民的辛勤付出。"


def test_a_compression_that_drops_the_closing_effect_of_any_sentence_is_not_whole():
    """Two clauses left of three are no whole sentence either, when the one dropped closes it."""
    body = [
        "临江市迎来建市纪念日，全城上下要好好庆祝，让这个秋天成为市民表达心声的节日。",
        "城市的每一次进步，都凝结着市民的辛勤付出。",
    ]
    (done,) = summarize([_opinion(body)], max_chars=90)
    assert done.summary.text == "“说道”栏目文章认为，城市的每一次进步，都凝结着市民的辛勤付出。"


@pytest.mark.parametrize(
    "text",
    [
        "也是东港市发展的必然选择。",
        "应该算是一场硬仗。",
        "细细想来，这番话不无道理。",
        "周海在信里写下的这段话，道出了基层干部的心声。",
        "更是临江市人民的骄傲。",
        "这部电影讲述了西岭镇的故事。",
        "这番话说出了大家的心声。",
        "上述做法值得推广。",
        "这是一部写给西岭镇乡亲的史诗。",
        "这正是临江市的优势所在。",
        # Pointers with nothing before them: the one detector news summaries use.
        "这说明改革的方向是对的。",
        "这里的山水很美。",
        "我们要让这些好做法在西岭镇落地生根。",
        "这本来就是群众最关心的问题。",
    ],
)
def test_a_sentence_that_needs_the_one_before(text):
    assert needs_context(text)


@pytest.mark.parametrize("text", ["这是一部写给西岭镇乡亲的史诗。", "这正是临江市的优势所在。"])
def test_this_is_needs_what_was_said_even_in_the_first_sentence(text):
    assert needs_context(text, first=True)


@pytest.mark.parametrize(
    "text",
    [
        "是非曲直自有公论。",
        "就业是最大的民生。",
        "正在建设的大桥将于年底通车。",
        "都市里的年味越来越浓。",
        "这一年，临江市新增绿地两百公顷。",
        "是否继续推进，要看群众满意不满意。",
        "应当把群众满意作为检验工作的标准。",
        "更多的年轻人选择回到西岭镇创业。",
        "以上率下，领导干部要带头。",
        "这些年，临江市的职业教育发展很快。",
        "在这场没有硝烟的战斗中，医护人员冲在最前面。",
        "是时候让职业教育回归本位了。",
        "正是春耕时节，东港市的田野一片繁忙。",
        "这段时间，临江市连降大雨。",
        "这里是东港市最热闹的老街。",
        "西岭镇新修了码头，这里的渔民出海更方便了。",
        "我们要让西岭镇的好做法落地生根。",
    ],
)
def test_a_sentence_that_stands_alone(text):
    assert not needs_context(text)


THESIS_LAST = [
    "去年，临江市职业院校的毕业生有1.2万人，九成以上留在本地就业。",
    "走进东港市的工厂车间，随处可见年轻技工忙碌的身影。",
    "西岭镇的一位老师傅说，带出一个好徒弟，比自己多干十年还高兴。",
    "办好职业教育，关键在于让学校和企业真正握起手来。",
]


def test_a_commentary_is_summarised_by_its_thesis_not_its_figures():
    (done,) = summarize([_opinion(list(THESIS_LAST))], max_chars=90)
    assert done.summary.text == (
        "“说道”栏目文章认为，办好职业教育，关键在于让学校和企业真正握起手来。"
    )


def test_news_keeps_its_figures():
    news = Article(id="n", title="职业教育大有可为", body=list(THESIS_LAST))
    (done,) = summarize([news], max_chars=90)
    assert "1.2万人" in done.summary.text


TEA_PIECE = [
    "西岭镇的清晨，茶农们早早背起竹篓上了山。",
    "采茶的季节，山路上满是说笑的人声。",
    "发展茶产业，必须让种茶的乡亲得到实惠。",
    "镇上的茶厂灯火通明，炒茶的师傅忙个不停。",
    "一杯清茶，连着山里人的好日子。",
]


def test_a_thesis_word_in_a_middle_paragraph_is_no_thesis_bonus():
    """A commentary states its thesis in its opening or closing paragraphs: a sentence with 必须
    in the middle of the piece is one step of the argument, not what it holds."""
    (done,) = summarize([_opinion(list(TEA_PIECE))], max_chars=90)
    assert "必须" not in done.summary.text


@pytest.mark.parametrize(
    "text",
    [
        "我们要把职业教育办得更好。",
        "办好职业教育，必须让学校和企业握起手来。",
        "这说明改革的方向是对的。",
        "关键在于把制度短板补齐。",
        "归根结底，发展要靠实干。",
        "只有久久为功，才能见到成效。",
        "推进城乡融合，离不开各方的共同努力。",
        "东港市的经验意味着基层创新大有可为。",
        "对群众来说，办事方便才能感到满意。",
        "必须强调的是，改革要啃下硬骨头。",
        "我们要提出切实可行的办法。",
        "只有这样，我们才能赢得主动。",
        "我们认为，要把好事办好。",
        "这说明，改革的方向是对的。",
        "有了明确的标准，工匠精神才能落到实处。",
    ],
)
def test_a_thesis_in_the_authors_voice(text):
    assert states_thesis(text)


@pytest.mark.parametrize(
    "text",
    [
        "临江市主要道路已全部完工。",
        "这项工作十分重要。",
        "东港市要求各单位按时上报材料。",
        "周海表示，要把好事办好。",
        "会议指出，必须坚持问题导向。",
        "陈岩说：“必须抓紧。”",
        "周海在信中写道，孩子们需要更多的书。",
        "当然，也要看到不足。",
        "据统计，全市新增就业岗位三千个。",
        "西岭镇的茶叶远销海外。",
        "要是下雨，比赛就推迟。",
        "他们主要从事养殖业。",
        "这是一份重要的文件。",
        "根据工作需要，临江市调整了公交线路。",
        "他的才能在西岭镇得到了充分发挥。",
        "产品使用前请仔细阅读说明。",
        "要想富，先修路。",
        "专家认为要把好事办好。",
        "周海说“一定要把路修好”。",
        "陈岩同志特别强调全镇干部要下到田间。",
        "有网友这样评价：“这条路修得好，才能富得快。”",
    ],
    ids=lambda text: text[:6],
)
def test_not_a_thesis(text):
    """Other words with 要 in them, another's view reported, a concession, a fact."""
    assert not states_thesis(text)


DATED = [
    "办好职业教育，关键在于让学校和企业握起手来。",
    "目前，临江市的职业院校已与不少企业签约合作。",
    "多年来，西岭镇一直坚持送技术下乡。",
    "技能成才的路，越走越宽。",
]


def test_a_current_or_background_fact_goes_below_the_argument():
    """目前…… (compress.TIME_START) and 多年来…… (ranking.BACKGROUND) state facts the argument
    rests on: each loses the fact penalty."""
    article = _opinion(list(DATED))
    ranked = rank_sentences(article)
    before = {s.sentence.index: s.score for s in ranked}
    after = {s.sentence.index: s.score for s in argument_ranking(article, ranked)}
    for index in (1, 2):
        assert after[index] == pytest.approx(before[index] - FACT_PENALTY)


@pytest.mark.parametrize(("told", "penalty"), [("前不久，", FACT_PENALTY), ("不久前，", 0.0)])
def test_not_long_ago_narrates_but_is_not_marked_down_as_a_fact(told, penalty):
    """不久前 is read only as narration (写道): marked down, it would move the summary off the
    opening it tells onto a later sentence that leans on it."""
    body = [*DATED[:2], told + "西岭镇的老茶馆重新开张了。", *DATED[2:]]
    article = _opinion(body)
    ranked = rank_sentences(article)
    before = {s.sentence.index: s.score for s in ranked}
    after = {s.sentence.index: s.score for s in argument_ranking(article, ranked)}
    assert after[2] == pytest.approx(before[2] - penalty)


def test_adjusted_keeps_the_ranking_when_nothing_moves():
    ranked = rank_sentences(_opinion(list(DATED)))
    assert adjusted(ranked, lambda scored: 0.0) is ranked
    last = ranked[-1].sentence.index
    moved = adjusted(ranked, lambda scored: 9.0 if scored.sentence.index == last else 0.0)
    assert moved[0].sentence.index == last
    assert moved[0].score == ranked[-1].score + 9.0


def test_the_closing_paragraphs_of_a_long_piece_are_ranked():
    """Past the sentences a news story is ranked on, a commentary's closing paragraphs still
    state its thesis."""
    scenes = [f"一大早，西岭镇第{n}村的茶园里人头攒动。" for n in range(1, 46)]
    body = [" ".join(scenes[i : i + 3]) for i in range(0, len(scenes), 3)]
    body.append("办好茶产业，关键在于让种茶的乡亲得到实惠。")
    (done,) = summarize([_opinion(body)], max_chars=90)
    assert done.summary.text == "“说道”栏目文章认为，办好茶产业，关键在于让种茶的乡亲得到实惠。"


def test_a_commentary_is_ranked_once_when_no_whole_sentence_fits(monkeypatch):
    """The news way after the argument's starts from the same ranking, not a second one."""
    from briefing.summarize import extractive

    calls = []

    def counted(article, **options):
        calls.append(article.id)
        return rank_sentences(article, **options)

    monkeypatch.setattr(extractive, "rank_sentences", counted)
    (done,) = summarize([_opinion([LONG_SUBJECT])], max_chars=60)
    assert done.summary.text.startswith("“说道”栏目文章认为，临江市")
    assert calls == ["c"]


EDITORS = [
    "西岭镇的老茶馆近日重新开张，三天里接待游客两千多人。本版今天刊发一篇文章，谈谈老字号的新生。——编者",
    "一家老字号能走多远，看的是它守不守得住手艺。",
    "东港市的几家老店，这些年都在悄悄变样。",
    "守住手艺，也敢于创新，老字号才有新生命。",
    "（作者为临江大学教授）",
]


@pytest.mark.parametrize(
    "note",
    [EDITORS[0], "编者按：西岭镇的老茶馆近日重新开张。本版今天刊发一篇文章，谈谈老字号的新生。"],
    ids=["signed", "opening"],
)
def test_an_editors_note_is_not_the_authors_argument(note):
    article = Article(id="e", title="老字号的新生", body=[note, *EDITORS[1:]])
    (done,) = summarize([article], max_chars=90)
    assert done.summary.text.startswith("临江大学教授撰文认为，")
    assert "本版" not in done.summary.text and "茶馆" not in done.summary.text


@pytest.mark.parametrize("signature", ["——编 者", "——编　者", "——编者"])
def test_a_note_signed_on_its_own_line_is_the_editors_whatever_the_spacing(signature):
    """The signature alone under the note (——编 者) makes the paragraphs above it the editors':
    not the column's argument."""
    body = [
        "临江市的老茶馆近日重新开张，本栏目今天起开设“老字号新生”系列，请读者一起来谈。",
        signature,
        *EDITORS[1:4],
    ]
    article = Article(id="e", title="老字号的新生", column="大家谈", body=body)
    (done,) = summarize([article], max_chars=90)
    assert done.summary.text.startswith("“大家谈”栏目文章认为，")
    assert "本栏目" not in done.summary.text and "茶馆" not in done.summary.text
    assert editors_paragraphs(body) == {0, 1}


def test_a_piece_that_is_the_editors_note_opens_with_the_editors():
    body = [
        "新年伊始，东港市的《西岭周刊》与读者见面了。",
        "周刊将报道西岭镇的新变化，也欢迎读者多提意见、多多来稿。——编 者",
    ]
    (done,) = summarize([Article(id="e", title="出刊的话", body=body)], max_chars=90)
    assert done.summary.opening == "编者按指出，"
    assert done.summary.text.startswith("编者按指出，")


AFTERWORD_REPORT = [
    "本报临江1月5日电 临江市今年新建农村公路三百公里。",
    "西岭镇的茶农周海说，路通了，茶叶好卖了。",
]


@pytest.mark.parametrize(
    "closing",
    [
        ["农村公路修到了家门口，更要管好养好，欢迎读者来信谈谈身边的路。——编者"],
        ["农村公路修到了家门口，更要管好养好，欢迎读者来信谈谈身边的路。", "——编者"],
        ["（编者）"],
    ],
    ids=["run-on", "own-line", "bare"],
)
def test_an_editors_afterword_under_a_report_leaves_the_report_its_own(closing):
    """A signature under a dated report signs an afterword (or nothing above it): the report
    stays the paper's, never the editors' note."""
    body = [*AFTERWORD_REPORT, *closing]
    assert 0 not in editors_paragraphs(body)
    (done,) = summarize([Article(id="n", title="临江新建农村公路", body=body)], max_chars=90)
    assert done.summary.text == "临江市今年新建农村公路三百公里。"


def test_the_editors_reply_under_a_readers_letter_leaves_the_letter_the_readers():
    body = [
        "我是西岭镇的一名茶农，去年镇上修的机耕路今年已经坑坑洼洼，雨天拖拉机开不进茶园。",
        "希望有关部门尽快派人来看一看，把路修好。",
        "临江市西岭镇 陈岩",
        "陈岩同志反映的问题，我们已转请临江市交通局调查处理。——编者",
    ]
    assert editors_paragraphs(body) == {3}
    article = Article(id="l", title="机耕路何时修好", column="读者来信", body=body)
    (done,) = summarize([article], max_chars=90)
    assert done.summary.text.startswith("读者来信说，我是西岭镇的一名茶农")


@pytest.mark.parametrize("heading", ["编者的话", "编 者 按", "编者按：", "编辑手记"])
def test_the_editors_label_alone_heads_the_note_below_it(heading):
    body = [heading, "西岭镇的老茶馆近日重新开张。本版今天刊发一篇文章。", *EDITORS[1:4]]
    assert editors_paragraphs(body) == {0, 1}
    assert editors_label(heading) and editors_label(body[1]) is False
    assert editors_label("编者按：西岭镇的老茶馆近日重新开张。")
    assert not editors_label("编者周海说，今年将出版西岭镇的地方志三卷。")


def test_a_story_that_quotes_an_editor_is_no_editors_note():
    body = [
        "本报临江1月5日电 临江市出版社的编者周海说，今年将出版西岭镇的地方志三卷。",
        "地方志编者陈岩介绍，编纂工作已进行两年。",
    ]
    assert editors_paragraphs(body) == frozenset()
    (done,) = summarize([Article(id="n", title="西岭镇地方志将出版", body=body)], max_chars=90)
    assert done.summary.opening == ""


BOX = [
    "内容提要：老字号要守住手艺，也要敢于创新，让老店焕发新的生机。",
    "临江市委书记周海指出：“老字号要守住手艺，也要敢于创新，让老店焕发新的生机。”",
    "一家老字号能走多远，看的是它守不守得住手艺。",
    "守住手艺，老字号才有根；敢于创新，老字号才有新的顾客。",
    "（作者为临江大学教授）",
]


def test_a_box_restating_a_speakers_words_is_not_the_authors_argument():
    """A summary box that restates a leader's words the piece quotes is the leader's: the
    author's summary does not give them as the author's view."""
    article = Article(id="b", title="老字号要守住手艺", body=list(BOX))
    (done,) = summarize([article], max_chars=90)
    text = done.summary.text
    assert text.startswith("临江大学教授撰文认为，") and "内容提要" not in text
    assert "焕发新的生机" not in text or "周海指出" in text  # the words go with their speaker


def test_a_clause_shared_with_a_quotation_leaves_the_authors_sentence_his():
    quoted = quotations(Article(id="b", body=list(BOX)))
    assert repeats_quotation("老字号要守住手艺，也要敢于创新，让老店焕发新的生机。", quoted)
    assert not repeats_quotation("老字号要守住手艺，才能在东港市的老街上站稳脚跟。", quoted)
    assert not repeats_quotation(BOX[1], quoted)  # its quotation is its own, its speaker named


REPORTERS_COLUMN = [
    "西岭镇的老茶馆，这些年都在悄悄变样。",
    "守住手艺，也敢于创新，老字号才有新生命，各地要把老字号保护摆在更加突出的位置。",
    "（作者为本报临江分社记者）",
]


def test_a_journalists_note_at_the_end_signs_a_reporters_column():
    """A report is signed at its top (本报记者 周海, a dateline); a journalist's note at the
    end signs a reporter's column, which argues."""
    column = Article(id="r", title="老字号要守住手艺", body=list(REPORTERS_COLUMN))
    assert commentary_voice(column) == "本报临江分社记者撰文"
    dated = [f"本报临江1月5日电 {REPORTERS_COLUMN[0]}", *REPORTERS_COLUMN[1:]]
    assert commentary_voice(Article(id="n", title="老茶馆变样", body=dated)) is None


def test_a_byline_that_names_a_post_signs_an_officials_article():
    body = [
        "今年全市农业获得较好收成。",
        "各地要把农田水利建设摆在更加突出的位置，夯实粮食生产的基础。",
    ]
    signed = Article(id="o", title="夯实粮食生产基础", byline="临江市农业局局长周海", body=body)
    assert commentary_voice(signed) == "临江市农业局局长周海撰文"
    # Not a reporter's byline, nor a speech, nor a writer's bare name (a first-person essay).
    for byline in ("本报记者 周海", "临江市农业局记者周海", "周海"):
        assert commentary_voice(Article(id="n", title="粮食丰收", byline=byline, body=body)) is None
    speech = ["同志们，朋友们：", *body]
    assert (
        commentary_voice(Article(id="s", title="丰收", byline=signed.byline, body=speech)) is None
    )


@pytest.mark.parametrize(
    "byline", ["临江市西岭镇宣传委员周海", "临江大学学生会主席周海", "临江市第一中学校长周海 摄"]
)
def test_a_post_byline_over_a_scene_or_a_photo_signs_no_argument(byline):
    """A byline of post and name over a feature that argues nothing, or a photographer's credit
    (……周海 摄), is no signed article: the piece stays news."""
    feature = [
        "清晨六点，西岭镇的茶园里已经有了忙碌的身影。",
        "茶农陈岩一边采茶一边说，今年的茶价比去年高了两成。",
        "镇里新建的茶叶加工厂，每天能加工鲜叶五吨。",
    ]
    assert commentary_voice(Article(id="f", title="茶园新景", byline=byline, body=feature)) is None
    photo = Article(id="p", title="茶园春色", byline=byline, body=["4月5日，茶农在茶园采摘春茶。"])
    assert commentary_voice(photo) is None


def test_a_columns_summary_gives_no_reported_words_as_the_writers():
    """A sentence that reports a villager's words (周海说，……) is his, not the writer's: the
    column's summary (……撰文认为，) does not take it; the writer's own view stays one."""
    body = [
        "村支书周海说，前几年村里的公示栏常被风雨吹坏，村民意见很大，镇上花了不少钱也没修好。",
        "基层工作千头万绪，干部要心中常念为了谁，把群众的小事当成大事来办。",
        "（作者为本报临江分社记者）",
    ]
    (done,) = summarize([Article(id="r", title="心中常念为了谁", body=body)], max_chars=90)
    assert done.summary.text.startswith("本报临江分社记者撰文认为，")
    assert "周海说" not in done.summary.text
    assert reports_speech(body[0])
    assert not reports_speech("我们认为，干部要心中常念为了谁。")
    assert not reports_speech(body[1])


@pytest.mark.parametrize(
    "text",
    [
        "可以说，老字号守住手艺又敢于创新，路子走对了。",
        "应该说，老字号的路子走对了。",
        "历史告诉我们，创新是老字号的生命。",
        "干部要多听群众怎么说，把群众的意见当成大事来办。",
    ],
)
def test_the_authors_set_phrase_on_a_speech_verb_reports_no_one(text):
    assert not reports_speech(text)


@pytest.mark.parametrize(
    "text", ["周海说，老字号的路子走对了。", "周海告诉记者，创新是老字号的生命。"]
)
def test_a_named_speaker_is_reported(text):
    assert reports_speech(text)


def test_a_columns_only_thesis_on_a_set_phrase_stays_its_summary():
    body = [
        "西岭镇的老茶馆重新开张了，门口排起了长队。",
        "可以说，老字号守住手艺又敢于创新，路子走对了。",
        "老茶馆的故事，还在继续。",
    ]
    article = Article(id="c", title="老字号的路子", column="人民论坛", byline="周海", body=body)
    (done,) = summarize([article], max_chars=90)
    assert "路子走对了" in done.summary.text


def test_an_editors_note_is_no_evidence_of_commentary():
    """An author note in the editors' afterword (编后：……（作者为……）) describes whoever the
    editors write about, not the author of an argued piece: the report stays news."""
    news = Article(
        id="n",
        title="老茶馆开张",
        body=[
            "西岭镇的老茶馆近日重新开张，三天里接待游客两千多人。",
            "编后：老茶馆开张的消息，引来不少读者来信。（作者为临江大学学生）",
        ],
    )
    assert commentary_voice(news) is None


def test_a_short_piece_asked_for_its_tail_shares_the_cached_ranking():
    """The titler ranks without a tail what the summary ranked with one: a piece ranked whole
    is one ranking, kept once."""
    from briefing.summarize.ranking import _ranked

    article = _opinion(list(TEA_PIECE))
    rank_sentences(article, tail_paragraphs=2)
    hits = _ranked.cache_info().hits
    rank_sentences(article)
    assert _ranked.cache_info().hits == hits + 1


# A piece that opens on a hook (a scene, a neighbour's word, a general observation) and states its
# thesis, on the headline's words, in a middle paragraph.
HOOK_FIRST = [
    "周末的清晨，临江市东港老街上人来人往，早点铺飘出阵阵香气。",
    "卖了三十年豆浆的周海，每天四点就开门生火。",
    "近几年，不少城市的街区翻新后焕然一新，却也变得冷冷清清。",
    "改造老街，关键在于留住街坊邻里的日常生活。",
    "东港市西岭街道保留了早点铺和修鞋摊，还请居民一起商量摊位怎么摆。",
    "陈岩说，街道每月都请大家来议一议，哪里不方便就改哪里。",
]


def _street(body: list[str]) -> Article:
    return Article(id="h", title="让老街留住烟火气（说道）", body=body)


def test_a_thesis_on_the_headline_outranks_the_opening_hook():
    (done,) = summarize([_street(list(HOOK_FIRST))], max_chars=90)
    assert done.summary.text == "“说道”栏目文章认为，改造老街，关键在于留住街坊邻里的日常生活。"


OPENING_THESIS = [
    "老街改造，必须留住烟火气。",
    "周末的清晨，东港老街上人来人往，早点铺飘出阵阵香气。",
    "卖了三十年豆浆的周海，每天四点就开门生火。",
    "留住老街的烟火气，也要照顾年轻人的需求，让老街有新的生意。",
    "陈岩说，街道每月都请大家来议一议，哪里不方便就改哪里。",
]


def test_an_opening_that_states_the_thesis_keeps_it():
    (done,) = summarize([_street(list(OPENING_THESIS))], max_chars=90)
    assert done.summary.text == "“说道”栏目文章认为，老街改造，必须留住烟火气。"


def test_a_hook_goes_down_only_where_the_piece_states_a_thesis_on_its_headline():
    article = _street(list(HOOK_FIRST))
    ranked = rank_sentences(article)
    before = {s.sentence.index: s.score for s in ranked}
    after = {s.sentence.index: s.score for s in argument_ranking(article, ranked)}
    assert after[0] == pytest.approx(before[0] - HOOK_PENALTY)  # the scene
    no_thesis = _street([s for s in HOOK_FIRST if "关键在于" not in s])
    ranked = rank_sentences(no_thesis)
    before = {s.sentence.index: s.score for s in ranked}
    after = {s.sentence.index: s.score for s in argument_ranking(no_thesis, ranked)}
    assert after[0] == before[0]


def test_a_quotation_printed_whole_is_never_the_thesis():
    body = list(HOOK_FIRST)
    body[3] = "“改造老街，关键在于留住街坊邻里的日常生活。”"
    article = _street(body)
    ranked = rank_sentences(article)
    before = {s.sentence.index: s.score for s in ranked}
    after = {s.sentence.index: s.score for s in argument_ranking(article, ranked)}
    assert after[3] <= before[3]
    assert after[0] == before[0]  # no thesis on the headline: the opening is no hook


@pytest.mark.parametrize(
    "text",
    [
        "一项调查发现，临江市的老街改造关键在于留住居民。",  # a finding reported
        "改造老街并不意味着推倒重来。",  # what the thesis does not hold
    ],
)
def test_a_reported_finding_or_a_denial_states_no_thesis(text):
    assert not states_thesis(text)


def test_a_labelled_opening_thesis_keeps_it():
    """【观点】 names what follows: the thesis after it is judged as the author's."""
    body = ["【观点】" + OPENING_THESIS[0], *OPENING_THESIS[1:]]
    (done,) = summarize([_street(body)], max_chars=90)
    assert done.summary.text == "“说道”栏目文章认为，【观点】老街改造，必须留住烟火气。"


def _rescored(body: list[str]) -> tuple[dict[int, float], dict[int, float]]:
    """Each sentence's score in the news ranking and in the argument ranking."""
    article = _street(body)
    ranked = rank_sentences(article)
    before = {s.sentence.index: s.score for s in ranked}
    return before, {s.sentence.index: s.score for s in argument_ranking(article, ranked)}


def test_a_story_set_off_by_its_label_is_a_hook():
    body = list(HOOK_FIRST)
    body[0] = "【故事】" + body[0]
    before, after = _rescored(body)
    assert after[0] == pytest.approx(before[0] - HOOK_PENALTY)


@pytest.mark.parametrize(
    "text",
    [
        "中央要求，各地必须守住耕地红线。",
        "文件明确，各街道必须在年底前完成老街改造。",
        "临江市政府部署，各街道要在年底前完成改造。",
    ],
)
def test_an_order_an_organisation_or_a_document_gives_is_no_thesis(text):
    assert not states_thesis(text)


@pytest.mark.parametrize(
    "text",
    [
        "这就要求我们必须把老街改造做细做实。",
        "新形势要求我们必须转变思路。",
        "我们必须明确，老街改造要听居民的。",
        "目标明确，要把老街改造好。",
        "各街道要按照市政府部署，把老街改造好。",
    ],
)
def test_the_authors_own_must_states_a_thesis(text):
    assert states_thesis(text)


def test_a_denial_with_weibi_states_no_thesis():
    assert not states_thesis("老街翻新未必说明城市更有活力。")


def test_a_side_point_gets_no_bonus_away_from_the_framing_paragraphs():
    body = list(HOOK_FIRST)
    body[3] = "还要看到，改造老街也要留住街坊邻里的日常生活。"
    before, after = _rescored(body)
    assert after[3] == before[3]
    assert after[0] == before[0]  # no thesis on the headline: the opening is no hook


def test_an_opening_question_on_the_headline_is_a_hook():
    body = list(HOOK_FIRST)
    body[0] = "老街翻新以后，还能留住烟火气吗？"
    before, after = _rescored(body)
    assert after[0] == pytest.approx(before[0] - HOOK_PENALTY)


def test_an_editors_note_states_no_thesis_of_the_author():
    body = [
        "编者按：改造老街，关键在于留住烟火气。本版今天刊发一篇文章，谈谈老街的新生。",
        *HOOK_FIRST[1:],
    ]
    before, after = _rescored(body)
    assert after[0] <= before[0]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("1月5日，临江市西岭镇的老茶馆重新开张，三天里接待游客两千多人。", "写道，"),
        ("2018年是东港市与星城结为友好城市的第十个年头。", "写道，"),
        ("今年，临江市要把老字号保护摆在更加突出的位置。", "认为，"),
        ("老字号守住手艺又敢于创新，路子才能越走越宽。", "认为，"),
        # Told as of late, or a scene set: narrated too, unless it states what must be done.
        ("不久前，临江市图书馆把开放时间延长到了每晚十点。", "写道，"),
        ("一大早，西岭镇的集市上人头攒动，叫卖声此起彼伏。", "写道，"),
        ("最近的这场讨论说明，老字号要守住手艺才能走得更远。", "认为，"),
        # Read past a turn's word: what follows it narrates, or argues.
        ("但是，不久前，临江市图书馆把开放时间延长到了每晚十点。", "写道，"),
        ("但是，临江市图书馆的夜读区还要办得更好。", "认为，"),
        ("临江市图书馆的夜读区，应当成为这座城市的一张文化名片。", "认为，"),
        # A work's publishing notice, as a review opens on, is narrated; a call to publish is held.
        ("周海编著的《星城往事》，已由临江出版社出版发行。", "写道，"),
        ("陈岩退休后写成一本书，讲的是西岭镇的山路。", "写道，"),
        ("临江出版社要多出版反映西岭镇山乡巨变的好书。", "认为，"),
        # One writer's own 我 tells what they did or felt; 我们 may argue, a quoted 我 is a title's.
        ("那年冬天，我第一次跟着父亲去西岭镇赶集。", "写道，"),
        ("我想，临江市的老街改造还需要多听听居民的意见。", "认为，"),
        ("我们这些老街坊，都盼着西岭镇的山路早日修通。", "认为，"),
        ("“我与家乡”征文活动让更多人记住了西岭镇的山路。", "认为，"),
    ],
)
def test_a_narrated_dated_fact_is_written_an_argued_claim_held(text, verb):
    """认为 introduces what the piece argues; a dated fact it narrates is what it writes."""
    assert narrating("周海撰文认为，", text) == f"周海撰文{verb}"
    assert narrating("钟声文章指出，", text) == "钟声文章指出，"


def test_a_columns_summary_that_narrates_says_the_column_writes():
    body = [
        "1349年正月，临江城下了一场大雪，画师周海在西岭镇的草堂里画了一幅雪景。",
        "画中的西岭镇，屋舍俨然，行人三两。",
        "（作者为临江大学教授）",
    ]
    (done,) = summarize([Article(id="h", title="周海的雪", body=body)], max_chars=90)
    assert done.summary.text.startswith("临江大学教授撰文写道，1349年正月")


def test_the_verb_is_read_on_the_sentence_as_printed_not_as_compressed():
    """Compression drops the opening time (近日，); the sentence printed with it narrates."""
    tail = "临江市图书馆把开放时间延长到了每晚十点，夜读的人多了起来。"
    for opening, verb in (("近日，", "写道，"), ("", "认为，")):
        body = [opening + tail, "图书馆的灯，亮得更久了。"]
        summary = ExtractiveSummarizer().summarize_one(
            Article(id="n", title="夜读（今日谈）", body=body)
        )
        assert summary.text.startswith(f"“今日谈”栏目文章{verb}临江市图书馆把开放时间")


def test_an_editors_note_set_off_by_a_space_or_labelled_as_an_afterword_is_the_editors():
    news = [
        "本报临江1月5日电　临江市西岭镇老街改造工程5日完工，三百二十户居民当天搬进新居。",
        "改造共投入资金一点二亿元，新建道路四公里。",
    ]
    for note in (
        "编者按　临江市今年启动老街改造，三百多户居民搬进新居。本版今天刊发记者的调查，敬请关注。",
        "编后记：临江市今年启动老街改造，三百多户居民搬进新居。本版今天刊发记者的调查。",
    ):
        summary = ExtractiveSummarizer().summarize_one(
            Article(id="e1", title="老街新貌", body=[note, *news])
        )
        assert summary.text.startswith("临江市西岭镇老街改造工程5日完工")
    # A word that only opens like the label (编写组, 编辑部) is no note.
    assert not editors_label("编写组成立后，临江市的方志编修工作全面展开。")


def _old_street_column(turn: str) -> Summary:
    """The summary of a column that sets up a view, turns from it (``turn``) and closes on its
    thesis."""
    body = [
        "过去，不少人觉得临江市的老街破旧拥挤，一提改造就想推倒重来。",
        turn,
        "西岭镇的茶馆、东港市的老码头，都曾在改造中几经波折。",
        "老街改造，关键在于留住老街坊，守住烟火气。",
    ]
    return ExtractiveSummarizer().summarize_one(
        Article(id="t", title="老街改造要留住烟火气（人民论坛）", body=body)
    )


@pytest.mark.parametrize(
    ("turn", "expected"),
    [
        # The turn's point stands alone once 然而， is left out: it, not the view it turns from.
        ("然而，临江市的老街改造必须留住烟火气，老街坊的日子才有滋味。", "临江市的老街改造必须"),
        # What follows the turn points back (这……): it says nothing alone, and is not used; the
        # closing thesis is, not the view the piece argues against.
        ("然而，这恰恰说明，临江市的老街改造要留住烟火气。", "老街改造，关键在于留住老街坊"),
    ],
)
def test_a_turn_states_the_point_and_one_that_points_back_gives_way_to_the_thesis(turn, expected):
    summary = _old_street_column(turn)
    assert summary.text.startswith("“人民论坛”栏目文章认为，" + expected)


@pytest.mark.parametrize(
    ("turn", "point"),
    [
        ("然而，临江市的老街改造必须留住烟火气，老街坊的日子才有滋味。", True),
        # What follows the turn answers the sentence before, or tells a story: not the point.
        ("然而，事实恰恰相反，老街改造留住了烟火气，老街坊们都舍不得搬走。", False),
        ("然而，现实并非如此，临江市的老街改造留住了烟火气。", False),
        ("然而，我上周去西岭镇的老街走了一趟，茶馆和修鞋摊都还开着门。", False),
    ],
)
def test_a_turn_is_the_summary_only_where_what_follows_it_states_the_point(turn, point):
    summary = _old_street_column(turn)
    assert (turn.removeprefix("然而，")[:6] in summary.text) is point


def test_an_opening_hook_is_marked_down_when_the_piece_closes_on_its_thesis():
    """A thesis in the closing paragraphs, on none of the headline's words, still makes the
    opening scene a hook; a piece that states no thesis keeps its opening as it was."""
    body = [
        "周末的清晨，临江市东港老街上人来人往，早点铺飘出阵阵香气。",
        "卖了三十年豆浆的周海，每天四点就开门生火。",
        "西岭街道保留了早点铺和修鞋摊，还请居民一起商量摊位怎么摆。",
        "城市更新要守住街坊邻里的日常生活，让居民住得舒心。",
    ]
    for closing, penalty in ((body, HOOK_PENALTY), (body[:-1], 0.0)):
        article = Article(id="h", title="老街的早晨（说道）", body=closing)
        ranked = rank_sentences(article)
        before = {s.sentence.index: s.score for s in ranked}
        after = {s.sentence.index: s.score for s in argument_ranking(article, ranked)}
        assert after[0] == pytest.approx(before[0] - penalty)
