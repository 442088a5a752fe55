"""Who writes a first-person piece: letters, essays and speeches say who speaks (invented text)."""

from __future__ import annotations

import pytest

from briefing.evaluate.summaries import deletion_audit
from briefing.records import Article, Summary
from briefing.review.draft import source_text
from briefing.summarize import check_summary
from briefing.summarize import summarize
from briefing.summarize.commentary import (
    _person,
    commentary_rule,
    first_person,
    voice_opening,
    writer_opening,
)


@pytest.mark.parametrize(
    "text",
    [
        "那年秋天，我在西岭镇的小学代了一个学期的课。",
        "我们几个老同学约好，今年一起回临江市过年。",
        "笔者以为，步道修好了，还得有人管。",
        "师傅递给我一副手套，教我怎样握焊枪。",
        "这件事，咱们得好好商量。",
        "听说老家通了高铁，我今年春节要回西岭镇。",
        "说起西岭镇的橘子，我能讲上一天。",
    ],
)
def test_a_writers_own_first_person_needs_a_speaker(text):
    assert first_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "我国今年粮食产量再创新高。",
        "我省新建公路一千二百公里，我市列全省第三。",
        "我驻星国使馆举行招待会，庆祝建馆三十周年。",
        "我军某部在东港市开展联合演练。",
        "周海说，我们村今年种了三百亩蓝莓。",
        "陈岩表示，我会继续在西岭镇教书。",
        "“我们一定把路修好。”周海说。",
        "电影《我和我的家乡》在临江市首映。",
        "他坦言：我当时并没有把握。",
        "干部要敢于自我革命，也要分清敌我。",
        "这首歌唱出了你我共同的心声。",
        "我们党来自人民。",
        "各村你追我赶，比着修路。",
        "两地产业你中有我、我中有你。",
        "我委、我厅和我公司联合发文，我单位积极响应。",
        "人无我有，人有我优。",
        "今年我家的橘子卖了好价钱，村民周海笑着说。",
        "临江市今年新建学校十二所，新增学位一万个。",
    ],
)
def test_the_papers_we_quotations_and_named_speakers_need_none(text):
    assert not first_person(text)


ESSAY = [
    "那年秋天，我在西岭镇的小学代了一个学期的课，教室的窗外就是一片橘园，风一吹满屋果香。",
    "孩子们下课后总拉着我去园子里摘橘子，说这是全镇最甜的果子。",
    "我离开的那天，他们把一篮橘子塞进了我的背包。",
]


def _summary(article: Article) -> str:
    (done,) = summarize([article], max_chars=90)
    assert done.summary is not None
    return done.summary.text


def test_an_essays_summary_says_the_author_writes():
    text = _summary(Article(id="e", title="橘园边的课堂", body=list(ESSAY)))
    assert text.startswith("作者写道，")
    assert "我" in text


def test_a_signed_essay_names_its_contributor():
    essay = Article(id="e", title="橘园边的课堂", body=[*ESSAY, "（临江市 周海）"])
    assert _summary(essay).startswith("周海写道，")


def test_a_signature_whose_name_the_segmenter_may_have_cut_names_no_one():
    # A unit, not a place, before the name: no piece of a name is better than a wrong one.
    essay = Article(id="e", title="橘园边的课堂", body=[*ESSAY, "（东港市日报社陈岩）"])
    assert _summary(essay).startswith("作者写道，")


LETTER_BODY = (
    "编辑同志：",
    "西岭镇新区的路灯装好已有半年，至今一盏也没有亮过，居民晚上出门只能打手电。",
    "希望有关部门尽快查明原因，早日通电。",
    "（东港市 陈岩）",
)


def test_a_letter_to_the_editors_says_a_reader_writes_whatever_its_summary_keeps():
    letter = Article(
        id="l",
        title="西岭镇的路灯何时亮",
        body=list(LETTER_BODY),
    )
    assert writer_opening(letter, "") == "读者陈岩来信说，"
    assert voice_opening(letter) == ""  # a letter is not commentary
    assert _summary(letter).startswith("读者陈岩来信说，西岭镇")


def test_a_letters_column_marks_a_letter_but_a_report_on_letters_does_not():
    body = ["西岭镇新区的路灯装好已有半年，至今一盏也没有亮过，居民晚上出门只能打手电。"]
    assert writer_opening(Article(id="l", title="路灯何时亮", column="读者来信", body=body), "")
    followed = Article(id="f", title="路灯终于亮了（来信调查）", body=body)
    assert writer_opening(followed, "") == ""


def test_a_speech_says_it_is_a_speech():
    speech = Article(
        id="s",
        title="在临江市建市三十周年纪念大会上的讲话",
        body=[
            "同志们，朋友们：",
            "临江市建市已经三十年了，我们修通了跨江大桥，建成了新港区。",
            "面向未来，我们还要把港区建得更好。",
        ],
    )
    assert _summary(speech).startswith("讲话指出，")


@pytest.mark.parametrize(
    "deck",
    [
        "——论学习临江市纪念大会上的讲话",
        # A commentator's series deck may be long.
        "——论把周海市长建市三十年大会讲话提出的各项任务落到临江市每个街道和乡镇",
    ],
)
def test_a_commentarys_deck_about_a_speech_is_no_speech(deck):
    article = Article(
        id="c",
        title="奋斗成就未来",
        subtitle=deck,
        body=["我们要接续奋斗，把跨江大桥和新港区建得更好。", "临江市的明天要靠实干。"],
    )
    assert commentary_rule(article) == ("commentator", "本报评论员")
    assert _summary(article).startswith("本报评论员文章认为，")


def test_news_keeps_its_summary_without_a_writer():
    news = Article(
        id="n",
        title="临江市新建学校十二所",
        body=["周海说，我们明年还要在西岭镇再建三所学校。"],
    )
    text = _summary(news)
    assert "我们" in text and not text.startswith(("作者", "记者", "读者"))


def test_the_summary_keeps_the_opening_it_was_made_with():
    essay = Article(id="e", title="橘园边的课堂", body=list(ESSAY))
    (done,) = summarize([essay], max_chars=90)
    assert done.summary is not None and done.summary.opening == "作者写道，"
    assert done.summary.text.startswith(done.summary.opening)
    # A record written before the field existed still loads, with no opening.
    old = {"text": "西岭镇通了公交车。", "method": "extractive", "sentences": [0]}
    assert Summary.from_dict(old).opening == ""
    assert Summary.from_dict(done.summary.to_dict()) == done.summary


SURPRISE = "没想到我在西岭镇只住了三天，就喜欢上了这里的清晨。"


def _surprised() -> tuple[Article, Summary]:
    essay = Article(id="e", title="西岭镇的清晨", body=[SURPRISE, *ESSAY])
    essay.summary = Summary(
        text="作者写道，" + SURPRISE, method="extractive", sentences=[0], opening="作者写道，"
    )
    return essay, essay.summary


def test_the_checks_read_a_first_person_summary_after_its_opening():
    # Read with the opening, 没想到 after its comma would look like a negation the source lacks:
    # the guard, the deletion audit and the review page read the opening off the record.
    essay, summary = _surprised()
    assert check_summary(summary, essay).ok
    assert not deletion_audit(summary, essay)
    assert source_text(essay).opening == "作者写道，"


def test_a_string_is_checked_whole():
    # Nothing guesses an opening from a text: a model's text is checked as it stands.
    essay, summary = _surprised()
    assert check_summary(summary.text.removeprefix(summary.opening), essay).ok
    assert not check_summary(summary.text, essay).ok


def test_a_remade_summary_says_who_writes_only_where_it_keeps_a_first_person():
    # With the opening the first-person lead no longer fits: the remade summary takes another
    # sentence, with no 我, and needs no writer.
    essay = Article(
        id="e",
        title="西岭镇的茶园",
        body=[
            "去年春天我和几位老同学一道专程回到西岭镇看望当年在镇中学教过我们语文和历史的两位老校长。",
            "西岭镇的茶园今年又添新品种。",
            "镇上的茶农说，新品种的茶叶卖得比往年好。",
        ],
    )
    for budget in range(44, 49):
        (done,) = summarize([essay], max_chars=budget)
        assert done.summary is not None
        assert done.summary.text == "西岭镇的茶园今年又添新品种。"


QUOTED = (
    "走进西岭镇，周海老人拉着记者的手说：“现在日子好了。我们家盖起了三层小楼，"
    "孙子也考上了临江市的大学。我这辈子没想到能过上这样的日子。”"
)
TESTIMONY = [
    "西岭镇通了高铁，镇上的茶叶卖到了东港市。",
    "我在镇上开了二十年茶馆，从没见过这么多客人。",
    "——周海",
]
BOXED = [
    "我们要把西岭镇的茶产业做大做强，让茶农的日子越过越红火。",
    "我们在西岭镇走访了三个月，看到了茶农的干劲。",
    "临江市委书记周海指出：“我们要把西岭镇的茶产业做大做强，让茶农的日子越过越红火。”",
]
ROUNDS = [
    "陈岩（58岁）：我家今年添了一辆新车，过年回西岭镇方便多了。",
    "临江市西岭镇茶农周海——",
    "我种了二十年茶，今年的茶叶卖到了东港市。",
]


@pytest.mark.parametrize(
    ("title", "body", "text", "sentence", "opening"),
    [
        # A quotation over several sentences is the speaker's, not the writer's.
        ("西岭镇村民的新生活", [QUOTED], "我们家盖起了三层小楼。", 1, ""),
        ("西岭镇村民的新生活", [QUOTED], "我这辈子没想到能过上这样的日子。", 2, ""),
        # The speaker named after the sentence.
        ("橘子丰收", ["今年我家的橘子卖了好价钱，村民周海笑着说。"], "今年我家的橘子。", 0, ""),
        # A testimony signed after it is said by its signer.
        ("西岭镇的变化", TESTIMONY, "我在镇上开了二十年茶馆。", 1, "周海说，"),
        # An interview, tagged as one, gives no writer.
        ("西岭镇的茶（对话）", ["我在镇上种了二十年茶。"], "我在镇上种了二十年茶。", 0, ""),
        # A speaker's label, and a speaker's heading, name the speaker.
        ("过年的新变化", ROUNDS, "陈岩（58岁）：我家今年添了一辆新车。", 0, ""),
        ("过年的新变化", ROUNDS, "我家今年添了一辆新车。", 0, "陈岩说，"),
        ("过年的新变化", ROUNDS, "我种了二十年茶。", 2, "周海说，"),
        # Words the piece quotes from a speaker, restated without the marks (a summary box), are
        # the speaker's; the writer's own first person, beside them, is the writer's.
        ("把茶产业做大", BOXED, "我们要把西岭镇的茶产业做大做强。", 0, ""),
        ("把茶产业做大", BOXED, "我们在西岭镇走访了三个月。", 1, "记者写道，"),
    ],
)
def test_whose_first_person_is_read_from_the_source_sentence(title, body, text, sentence, opening):
    article = Article(id="v", title=title, byline="本报记者 陈岩", body=list(body))
    assert writer_opening(article, text, [sentence]) == opening


def test_a_dialogue_column_is_an_interview_and_a_name_holding_wo_no_first_person():
    talk = Article(id="d", title="两代茶人（岁月·对话两代茶人）", body=["我种了二十年茶。"])
    assert writer_opening(talk, "我种了二十年茶。", [0]) == ""
    assert not first_person("村支书刘我成起早贪黑，办起两个茶厂。")


@pytest.mark.parametrize(
    ("title", "body", "opening"),
    [
        (
            "携手走向新的一年——临江市市长新年讲话（附图片1张）",
            ["新年的钟声即将敲响，我们又将迎来充满希望的一年。", "临江市的明天会更好。"],
            "讲话指出，",
        ),
        # A letter printed under its heading (贺 信).
        (
            "临江市致信祝贺西岭镇中学建校百年",
            ["贺 信", "值此西岭镇中学建校一百周年之际，我代表临江市，向全校师生表示祝贺。"],
            "贺信写道，",
        ),
    ],
)
def test_a_new_year_address_and_a_headed_letter_say_what_they_are(title, body, opening):
    assert _summary(Article(id="n", title=title, body=body)).startswith(opening)


@pytest.mark.parametrize(
    "title",
    [
        "论辩赛在临江市举行",
        "论剑数字经济",
        "论著《西岭镇志》首发",
        "论斤卖的橘子",
        "论学术水平，西岭镇中学不输城里",
    ],
)
def test_a_news_title_opening_on_lun_is_no_essay(title):
    news = Article(id="n", title=title, body=["临江市今年新建学校十二所，新增学位一万个。"])
    assert commentary_rule(news) is None


def test_an_essay_title_under_a_reporters_byline_is_a_report():
    body = ["临江市今年新建学校十二所，新增学位一万个。"]
    assert commentary_rule(Article(id="e", title="论久久为功", body=body)) == (
        "commentator",
        "本报评论员",
    )
    reported = Article(id="r", title="论久久为功", byline="本报记者 陈岩", body=body)
    assert commentary_rule(reported) is None


@pytest.mark.parametrize("tag", ["获评", "考评", "自评", "互评", "总评", "网评"])
def test_a_rating_word_is_no_pen_name_column(tag):
    news = Article(id="n", title=f"西岭镇中学（{tag}）", body=["西岭镇中学今年新建教学楼一栋。"])
    assert commentary_rule(news) is None


def test_a_salutation_to_many_is_a_speech_not_a_family_letter():
    body = ["亲爱的同胞们：", "新的一年，我们要把临江市建设得更好。"]
    speech = Article(id="s", title="携手前行", body=body)
    assert writer_opening(speech, "新的一年，我们要把临江市建设得更好。") == "讲话指出，"
    letter = Article(id="l", title="给妈妈的信", body=["亲爱的妈妈：", "我在西岭镇一切都好。"])
    assert writer_opening(letter, "我在西岭镇一切都好。") == "作者在信中写道，"


@pytest.mark.parametrize("name", ["贺信", "张家口", "高新区"])
def test_a_place_or_a_letter_is_no_persons_name(name):
    assert _person(name) is None


def test_the_review_page_and_the_lead_fallback_know_the_writers_opening():
    from briefing.summarize.vetting import fallback_summary

    essay = Article(id="e", title="橘园边的课堂", body=list(ESSAY))
    (done,) = summarize([essay], max_chars=90)
    assert source_text(done).opening == "作者写道，"
    assert done.summary is not None
    lead = fallback_summary(essay, max_chars=90, rejected=done.summary, reason="test")
    assert lead.text.startswith("作者写道，") and "我" in lead.text
    assert lead.opening == "作者写道，"


def test_the_lead_fallback_differs_from_a_rejected_summary_with_a_writers_opening():
    from dataclasses import replace

    from briefing.summarize.vetting import fallback_summary

    letter = Article(id="l", title="西岭镇的路灯何时亮", body=list(LETTER_BODY))
    lead = LETTER_BODY[1]
    rejected = Summary(text="读者陈岩来信说，" + lead, method="model", opening="读者陈岩来信说，")
    fallback = fallback_summary(letter, max_chars=60, rejected=rejected, reason="test")
    assert fallback.text != rejected.text
    # the default summary, when it differs, keeps its fields but says it is the fallback
    other = replace(rejected, text="读者陈岩来信说，希望有关部门尽快查明原因。")
    assert fallback_summary(letter, max_chars=60, rejected=other, reason="r").reason == "r"


def test_an_old_records_summary_gets_the_opening_it_starts_with(tmp_path):
    import json

    from briefing.read.text import read_articles

    body = [
        "各方应当坚持对话协商，通过谈判解决分歧，这是临江市各界的共同期待。",
        "合作是唯一正确的选择。",
    ]
    text = "东港大学教授撰文认为，" + body[0]
    essay = {"id": "c", "title": "让合作惠及更多人", "body": body, "note": "（作者为东港大学教授）"}
    letter_body = [
        "编辑同志：",
        "西岭镇新区的路灯装好已有半年，至今一盏也没有亮过。",
        "（东港市 陈岩）",
    ]
    letter = {"id": "l", "title": "路灯何时亮", "column": "读者来信", "body": letter_body}
    records = [
        {**essay, "summary": {"text": text, "method": "extractive", "sentences": [0]}},
        {**essay, "id": "n", "summary": {"text": text, "method": "extractive", "opening": ""}},
        {**letter, "summary": {"text": "读者陈岩来信说，" + letter_body[1], "method": "import"}},
    ]
    path = tmp_path / "old.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    old, new, letter_read = read_articles(path)
    assert old.summary is not None and old.summary.opening == "东港大学教授撰文认为，"
    assert check_summary(old.summary, old).ok
    assert source_text(old).opening == "东港大学教授撰文认为，"
    assert new.summary is not None and new.summary.opening == ""  # a newer record says so
    assert letter_read.summary is not None and letter_read.summary.opening == "读者陈岩来信说，"


@pytest.mark.parametrize(
    ("text", "any_first", "one_writers"),
    [
        ("我每天四点就起床，把豆浆磨好。", True, True),
        ("我们每天四点就起床，把豆浆磨好。", True, False),  # 我们 may be the editors'
        ("周海说，我每天四点就起床，把豆浆磨好。", False, False),  # a speaker named before
        ("你追我赶，西岭镇的山路修得热火朝天。", False, False),  # a set phrase
        ("“我与家乡”征文活动在临江举行。", False, False),  # a title
    ],
)
def test_one_writers_own_wo_is_read_as_any_first_person_is(text, any_first, one_writers):
    """One reading serves both: a speaker named before, a set phrase or a title is no writer's 我."""
    assert first_person(text) is any_first
    assert first_person(text, one_writer=True) is one_writers
