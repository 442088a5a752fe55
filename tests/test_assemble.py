"""Assembly on articles whose topic and summary the tests set: importance, sections, keywords."""

from __future__ import annotations

import pytest
import rjieba

from briefing.assemble import assemble, check_date, display_text, importance, source_line
from briefing.errors import InputError
from briefing.assemble.day_keywords import (
    COMMON_NOUN_POWER,
    _weight,
    _words,
    background_words,
    common_noun,
    confirmed,
    generic_compound,
    issue_keywords,
    keyword_problems,
    names_in,
    _led_by,
    _subject_in,
    lead_name,
    longer_name,
    quoted_term,
    whole_run,
    WEAK_SUPPORT,
    _support,
    _untagged,
)
from briefing.records import Article, Briefing, Furniture, Issue, Summary, Topic
from briefing.schema import json_schema
from briefing.text import tagged

TAXONOMY = ["时政", "经济", "民生", "文化", "社会"]


def article(id, topic, *, title=None, body=("正文。",), page=None, lines=None, **fields) -> Article:
    a = Article(id=id, title=title, body=list(body), page=page, lines=lines, **fields)
    a.topic = Topic(label=topic, score=0.9)
    a.summary = Summary(text=f"{id}的摘要。", method="test")
    a.display_title = title or f"{id}拟题"
    a.title_generated = title is None
    return a


def issue(**fields) -> Issue:
    return Issue(source="test", **fields)


def test_sections_follow_the_taxonomy_and_skip_empty_ones():
    articles = [
        article("a", "社会", title="甲"),
        article("b", "时政", title="乙"),
        article("c", "文化", title="丙"),
        article("d", "时政", title="丁"),
        article("e", "未知标签", title="戊"),
    ]
    briefing = assemble(issue(), articles, taxonomy=TAXONOMY, top_stories=0)
    assert [s.title for s in briefing.sections] == ["时政", "文化", "社会", "未知标签"]
    assert briefing.topic_counts == {"时政": 2, "文化": 1, "社会": 1, "未知标签": 1}
    assert [e.article_id for e in briefing.sections[0].entries] == ["b", "d"]  # page order on a tie


def test_importance_prefers_the_lead_story():
    long_body = ["临江市召开会议。" * 60, "会议强调，要抓好落实。" * 30]
    lead = article(
        "lead",
        "时政",
        title="头条",
        subtitle="——副题",
        body=long_body,
        subheads=["一"],
        lines=[3, 40],
    )
    brief = article("brief", "社会", body=["本报讯 一条短讯。"], column="城事速递", lines=[41, 42])
    values = importance([brief, lead], taxonomy=TAXONOMY)
    assert values[1] > values[0]
    briefing = assemble(issue(), [brief, lead], taxonomy=TAXONOMY, top_stories=1)
    assert briefing.sections[0].title == "要闻"
    assert [e.article_id for e in briefing.sections[0].entries] == ["lead"]
    assert [e.article_id for e in briefing.sections[1].entries] == ["brief"]


def test_later_pages_count_less():
    front = article("front", "经济", title="一版", page=1, lines=[5, 9])
    back = article("back", "经济", title="四版", page=4, lines=[5, 9])
    assert (
        importance([back, front], taxonomy=TAXONOMY)[1]
        > importance([back, front], taxonomy=TAXONOMY)[0]
    )


def test_an_article_without_annotations_still_gets_an_entry():
    bare = Article(id="x", body=["临江市今天开通了第一条地铁线路。乘客可以刷码进站。"])
    briefing = assemble(issue(), [bare], taxonomy=TAXONOMY, top_stories=0)
    (entry,) = briefing.entries
    assert entry.title_generated and entry.title.startswith("临江市今天开通")
    assert entry.summary.startswith("临江市今天开通")
    assert briefing.sections[0].title == "其他"


def test_appendix_keeps_furniture_and_empty_items_in_page_order():
    furniture = [
        Furniture(line=30, text="责任编辑：某某", page=1),
        Furniture(line=1, text="第1版 要闻", page=1),
        Furniture(line=2, text="半行残段", kind="fragment", page=2),
    ]
    empty = Article(id="e", lines=[20, 20], page=1)
    briefing = assemble(
        issue(furniture=furniture), [empty, article("a", "时政", title="甲")], taxonomy=TAXONOMY
    )
    assert [(i.kind, i.line) for i in briefing.appendix] == [
        ("furniture", 1),
        ("empty", 20),
        ("furniture", 30),
        ("fragment", 2),
    ]
    assert briefing.article_count == 1


def test_source_line():
    a = Article(
        id="a",
        column="城事速递",
        kicker="引题",
        byline=None,
        dateline="本报临江１月４日讯　记者某某报道：",
        page=2,
        lines=[5, 9],
    )
    assert source_line(a) == "城事速递 · 本报临江1月4日讯 记者某某报道 · 第2版"
    assert source_line(a, section="经济") == "城事速递 · 本报临江1月4日讯 记者某某报道 · 第2版 经济"
    a.page = None  # no page known: the lines say where it is
    assert source_line(a) == "城事速递 · 本报临江1月4日讯 记者某某报道 · 第5–9行"
    assert source_line(Article(id="lj-1")) == "编号 lj-1"


def test_display_text_folds_digits_not_punctuation():
    assert (
        display_text("１９９７年增长１４．２％，首次突破（三千万吨）")
        == "1997年增长14.2%，首次突破（三千万吨）"
    )


def test_dates():
    assert check_date(None) is None
    assert check_date("2024-02-29") == "2024-02-29"
    for bad in ("2023-02-29", "2024/03/12", "12-03-2024", "yesterday"):
        with pytest.raises(InputError):
            check_date(bad)
    assert assemble(issue(date="2024-03-12"), [], date="2024-03-13").date == "2024-03-13"
    assert assemble(issue(date="2024-03-12"), []).date == "2024-03-12"
    assert assemble(issue(), []).date is None


def test_empty_issue():
    briefing = assemble(issue(paper="临江日报"), [], taxonomy=TAXONOMY)
    assert briefing.article_count == 0 and briefing.sections == [] and briefing.keywords == []
    assert Briefing.from_dict(briefing.to_dict()) == briefing


def test_keywords_of_the_day():
    articles = [
        article(
            "a",
            "生态",
            title="全面推行河湖长制",
            body=["河湖长制让河道更清。河湖长制巡河常态化。本报记者 某某"],
        ),
        article(
            "b",
            "生态",
            title="河道清淤疏浚",
            body=["今年以来，全市开展河道清淤疏浚工作，河湖长制落实到位。"],
        ),
        article("c", "教育", title="职业教育订单班", body=["订单班学生进企业实训，开展工作。"]),
    ]
    words = issue_keywords(articles, count=4, paper="临江日报")
    assert len(words) == 4 and "河湖长制" in words
    assert not set(words) & background_words()
    assert issue_keywords(articles, count=0) == []
    assert words == issue_keywords(articles, count=4, paper="临江日报")  # deterministic


@pytest.mark.parametrize(
    ("first", "second", "whole", "pieces"),
    [
        # A long name the segmenter cuts into pieces is one keyword.
        (
            (
                "校企合作育人才",
                "临江职业技术学院今年新开订单班。临江职业技术学院与企业共建实训基地，"
                "临江职业技术学院学生进厂学习。",
            ),
            ("河道清淤疏浚", "全市开展河道清淤疏浚工作，河道更清。"),
            {"临江职业技术学院"},
            {"临江职业", "技术学院", "职业技术"},
        ),
        # A word always beside the same word is a piece of the run it sits in.
        (
            (
                "护幼助孤暖人心",
                "西岭镇开展护幼助孤活动，护幼助孤志愿者上门。乡镇融数据中心发布了护幼助孤行动。",
            ),
            ("乡镇融数据中心开播", "乡镇融数据中心每天更新。"),
            {"护幼助孤", "乡镇融数据中心"},
            {"护幼助", "数据中心"},
        ),
    ],
)
def test_keywords_of_the_day_are_whole_names_never_their_pieces(first, second, whole, pieces):
    articles = [
        article("a", "教育", title=first[0], body=[first[1]]),
        article("b", "生态", title=second[0], body=[second[1]]),
    ]
    words = set(issue_keywords(articles, count=6, paper="临江日报"))
    assert whole <= words and not pieces & words


def test_schema_is_generated_from_the_dataclasses():
    schema = json_schema(Briefing)
    assert set(schema["properties"]) == set(Briefing.__dataclass_fields__)
    entry = schema["$defs"]["Entry"]
    assert entry["properties"]["title_generated"] == {"type": "boolean"}
    assert entry["properties"]["lines"] == {
        "anyOf": [{"type": "array", "items": {"type": "integer"}}, {"type": "null"}]
    }
    assert schema["properties"]["topic_counts"] == {
        "type": "object",
        "additionalProperties": {"type": "integer"},
    }
    assert schema["properties"]["date"]["pattern"]


@pytest.mark.parametrize(
    ("word", "text", "expected"),
    [
        # Always beside the same word: the longer run is the keyword.
        ("数据中心", "东港市乡镇融数据中心开播。乡镇融数据中心每天更新新闻。", "乡镇融数据中心"),
        ("护幼助", "西岭镇开展护幼助孤活动。护幼助孤志愿者上门服务。", "护幼助孤"),
        ("西岭", "西岭镇开展活动。西岭镇修路。", "西岭镇"),
        # A verb or a post beside a name is the sentence around it.
        ("周海", "周海说，今年要修路。周海说，明年建桥。", "周海"),
        ("周海", "东港市市长周海来到西岭镇。市长周海说，要修路。", "周海"),
        # Posts and speech verbs the short list of posts lacks (坦言 is tagged as a noun).
        ("周海", "东港市周海局长说，要修路。西岭镇周海局长来到工地。", "周海"),
        ("陈岩", "东港集团陈岩董事长说，要扩产。西岭公司陈岩董事长说，要转型。", "陈岩"),
        ("陈岩", "研究所陈岩坦言，要攻关。工厂陈岩坦言，不容易。", "陈岩"),
        # A lone character before a verb opens the next phrase, not the end of the term.
        ("河湖长制", "西岭镇推行河湖长制河运行。东港市河湖长制河运行。", "河湖长制"),
        # An ordinary noun after a run of pieces at every occurrence is the head it was cut from.
        ("东港绿色", "东港绿色发展示范区挂牌。东港绿色发展示范区招商。", "东港绿色发展示范区"),
        ("西岭镇茶叶", "西岭镇茶叶企业增收。西岭镇茶叶企业扩产。", "西岭镇茶叶企业"),
        ("东港乡村", "东港乡村建设加快。东港乡村建设提速。", "东港乡村建设"),
        # Not after a word of its own: a dictionary word, a name, a place.
        ("茶叶", "茶叶企业增收。茶叶企业扩产。", "茶叶"),
        ("临江", "临江企业增收。临江企业扩产。", "临江"),
        ("陈岩", "陈岩同志来到工地。陈岩同志说，要修路。", "陈岩"),
        ("乡村", "乡村建设加快。乡村建设提速。", "乡村"),
        # Found once: nothing tells a run from a sentence.
        ("护幼助", "西岭镇开展护幼助孤活动。", "护幼助"),
        # Always inside a run too long to be a keyword: a cut piece, dropped.
        ("临江职业技术学院", "临江职业技术学院附属中学开学。临江职业技术学院附属中学招生。", None),
    ],
)
def test_a_keyword_always_inside_the_same_run_is_that_run_or_none(word, text, expected):
    assert whole_run(word, text) == expected


def test_a_compound_of_ordinary_words_weighs_halfway_to_its_pieces_but_a_topic_stays():
    assert generic_compound("主管部门") is not None and generic_compound("主体地位") is not None
    # Names, new terms, words of single characters and names the dictionary lists whole.
    for word in ("临江职业技术学院", "河湖长制", "护幼助孤", "改革开放", "陈岩"):
        assert generic_compound(word) is None, word
    body = "东港市规定，主管部门应当公开收费标准。主管部门接到投诉后核实。主管部门每年检查一次。"
    articles = [
        article("a", "法治", title="主管部门公开收费标准", body=[body]),
        article("b", "社会", title="陈岩获评好人", body=["村民陈岩照料邻居十年，陈岩说这是本分。"]),
        article("c", "文化", title="星国乐团来访", body=["星国乐团在东港大剧院演出。"]),
    ]
    assert issue_keywords(articles, count=2, paper="临江日报") == ["陈岩", "星国乐团"]
    # Damped halfway, not down to its pieces: a topic the issue repeats stays a keyword.
    topic = "西岭镇发展职业教育，职业教育学校新开三个专业。职业教育让学生学到手艺。"
    articles[0] = article("a", "教育", title="西岭镇办好职业教育", body=[topic])
    assert generic_compound("职业教育") is not None
    assert "职业教育" in issue_keywords(articles, count=5, paper="临江日报")


def test_a_fragment_across_two_words_is_no_keyword():
    text = "没有人会怀疑这条路。也没有人会忘记修路的陈岩，陈岩自己却不提。"
    assert keyword_problems("人会", text) and not keyword_problems("陈岩", text)


def test_half_of_a_four_character_set_phrase_is_no_keyword():
    # 春风 / 送暖 in a headline and a slogan, and nowhere else: half a set phrase.
    slogan = "春风送暖\n临江市的春天来了。春风送暖，西岭镇的茶农忙起来。"
    assert "春风" in {w for w, _ in tagged(slogan)}
    assert any("set phrase" in p for p in keyword_problems("春风", slogan))
    # The same word as a term of its own sentences, and the set phrase once: a keyword.
    term = "春风送暖\n春风吹过星城，春风里有花香。周海说，春风来得早。"
    assert not keyword_problems("春风", term)
    # A subject and its verb inside a sentence (……的梦想起航于……) are no set phrase.
    assert not keyword_problems("梦想", "陈岩的梦想起航于西岭镇。梦想起航于此。")


def test_a_word_printed_only_in_brackets_is_no_keyword():
    # A series tag and a photo's credit: asides in brackets, not what the issue reports.
    issue = "临江新貌（星城故事·纪实）\n西岭镇修通了山路。（周海、陈岩）\n茶农说，路通了。"
    assert any("brackets" in p for p in keyword_problems("纪实", issue))
    assert any("brackets" in p for p in keyword_problems("陈岩", issue))
    # The same word in running text too, and a name with its bracketed qualifier: words.
    told = issue + "这部纪实作品写西岭镇。"
    assert not any("brackets" in p for p in keyword_problems("纪实", told))
    assert not any("brackets" in p for p in keyword_problems("星城", "星城（南）队赢了。"))


def test_two_parties_abbreviated_are_no_keyword():
    # 中塞: China and Serbia, the modifier of 友谊 and 合作, not a term of its own.
    text = "周海表示，中塞友谊源远流长。中塞合作不断深化。陈中说，中学生也来了。"
    assert any("two parties" in p for p in keyword_problems("中塞", text))
    # A person's name and a dictionary word with 中 in them are words; so is a pair that names
    # a thing of its own (a league, a company, a region).
    assert not any("two parties" in p for p in keyword_problems("陈中", text))
    league = "临江队冲击中甲。中甲联赛下月开赛，中甲球队已开始集训。"
    assert not any("two parties" in p for p in keyword_problems("中甲", league))
    assert not any("two parties" in p for p in keyword_problems("陇中", "陇中旱塬披新绿。"))
    assert not any("two parties" in p for p in keyword_problems("中学", "临江市第一中学开学了。"))


def test_a_speech_verb_after_a_frame_of_time_is_no_keyword():
    # 时说 is one word to the segmenter's dictionary, 时称 to its character model.
    frames = ["周海在谈到港口建设时说，码头要扩建。", "陈岩在接受采访时称，工厂将扩产。"]
    for sentence in frames:
        words = [w for w, _ in tagged(sentence)]
        frame = next(w for w in words if w in ("时说", "时称"))
        # (时称, which the dictionary lacks, is also a guess met once.)
        assert f"{frame} is a speech verb after a frame of time (……时说)" in (
            keyword_problems(frame, sentence)
        )
    # Twice in an issue, 时称 would pass for a word the issue keeps using.
    articles = [
        article("a", "经济", title="东港工厂扩产", body=["陈岩在接受采访时称，东港工厂将扩产。"]),
        article("b", "社会", title="西岭镇修路", body=["周海在接受采访时称，西岭镇将修路。"]),
    ]
    assert "时称" not in issue_keywords(articles, count=8, paper="临江日报")
    # Nouns that end in a speech verb's character, and sentences around a frame: untouched.
    ordinary = [
        "陈岩写了一部小说，讲西岭镇的传说。",
        "这一学说影响深远。",
        "东港市民间传说多，小说家常来采风。",
        "周海回国后说，港口要扩建。",
        "谈起此事时他说，工厂要转型。",
        "据说西岭镇的茶叶最好。",
        "时代在变，小说也在变。",
        "临江市中学生读小说的时间变多了。",
        "东港港口夜间作业时声音很大。",
        "西岭镇的后山上有座古塔。",
        "陈岩在会上表示，今年要修路。",
        # A frame's character and the first character of a speech verb (提出, 介绍, 指出), or a
        # word that ends like one (言, 评, 报, 记): nouns all the same.
        "前提是中介不收费。",
        "陈岩的中指受了伤。",
        "东港时报的时评有前言和后记。",
    ]
    for sentence in ordinary:
        for word, tag in tagged(sentence):
            if len(word) > 1 and tag.startswith("n"):
                problems = keyword_problems(word, sentence)
                assert not any("speech verb" in p for p in problems), (word, sentence)


def test_a_word_the_dictionary_lacks_met_once_is_no_keyword():
    # The segmenter's character model reads 节水节肥 as 节水 / 节肥 and 树牢宗旨意识 as 树牢 / …:
    # met once, in a headline, such a guess is no term of the day; a name met twice is.
    articles = [
        article("a", "文化", title="西岭果园节水节肥", body=["临江剪纸走进课堂，学生学剪纸。"]),
        article("b", "时政", title="厚植家国情怀 树牢宗旨意识", body=["西岭镇干部下村走访。"]),
        article("c", "社会", title="陈岩获评好人", body=["村民陈岩照料邻居十年，从不叫苦。"]),
        article("d", "文化", title="话剧《潮起东港》首演", body=["东港大剧院座无虚席。"]),
    ]
    words = issue_keywords(articles, count=8, paper="临江日报")
    assert "陈岩" in words and "潮起东港" in words
    assert not {"节肥", "树牢"} & set(words)
    text = "\n".join(a.headline + "\n" + a.text for a in articles)
    # Dictionary words met once and names met twice are read as words.
    for word in ("剪纸", "课堂", "干部", "邻居", "剧院", "陈岩"):
        assert confirmed(word, text), word
    assert not confirmed("节肥", text) and not confirmed("树牢", text)
    assert keyword_problems("节肥", text) == ["节肥 is a word the dictionary lacks, met once"]
    assert not keyword_problems("陈岩", text) and not keyword_problems("剪纸", text)


def test_a_term_one_body_has_alone_or_a_name_named_once_weighs_less():
    texts = [
        (
            "临江市河道治理见成效(新论·治水③)",
            "临江市疏浚河道三十公里，谱写生态新篇章。验收组的周海燕、陈岩说，工程可靠。"
            "陈岩还说，两岸将种树。“清水行动”明年继续，“清水行动”覆盖全市。",
        ),
        ("西岭镇茶农增收", "西岭镇茶园扩种，生态茶园更美。茶农收入增加。"),
    ]
    text = "\n".join(h + "\n" + b for h, b in texts)
    untagged = _untagged(h for h, _ in texts)
    # An ordinary term of one body, a name named once in passing: weak.
    assert _support("篇章", untagged, texts, text) == WEAK_SUPPORT
    assert _support("周海燕", untagged, texts, text) == WEAK_SUPPORT
    # A word of the tag a headline closes with in brackets: the column's, not the headline's.
    assert _support("新论", untagged, texts, text) == WEAK_SUPPORT
    # A term of a headline or of two articles, a name or a quoted name named twice: in full.
    assert _support("河道治理", untagged, texts, text) == 1.0
    assert _support("生态", untagged, texts, text) == 1.0
    assert _support("陈岩", untagged, texts, text) == 1.0
    assert _support("清水行动", untagged, texts, text) == 1.0
    # An ordinary term one body repeats is still one article's.
    assert _support("茶园", untagged, texts, text) == WEAK_SUPPORT


def test_a_piece_of_a_title_gives_way_to_the_title_but_a_person_stays():
    def rule(name):
        return [
            article(
                "a",
                "时政",
                title=f"临江市订立{name}",
                body=[
                    f"临江市政府订立{name}，明日起生效。律师周海说，这一条例合法。"
                    "市民都应遵守条例，条例保护公众。"
                ],
            ),
            article(
                "b",
                "时政",
                title="西岭镇居民支持条例",
                body=[f"西岭镇居民表示，{name}有助健康。条例实施后，街道更安全。"],
            ),
            article("c", "经济", title="东港市茶叶丰收", body=["东港市茶园今年增产，茶农增收。"]),
        ]

    assert issue_keywords(rule("《星城禁烟条例》"), count=4)[0] == "星城禁烟条例"
    # Not printed as a title: the piece the issue keeps using stays.
    untitled = issue_keywords(rule("星城禁烟条例"), count=4)
    assert "条例" in untitled and "星城禁烟条例" not in untitled
    # A book named after the person the issue is about does not take her place.
    profile = [
        article(
            "a",
            "文化",
            title="罗晓梅：一生为乡村教育",
            body=["罗晓梅在西岭镇教书四十年。罗晓梅说，孩子们是希望。罗晓梅退休后仍去学校。"],
        ),
        article(
            "b",
            "文化",
            title="《罗晓梅传》出版",
            body=[
                "记述罗晓梅一生的《罗晓梅传》出版。《罗晓梅传》共二十章，《罗晓梅传》首印五千册。"
            ],
        ),
        article("c", "经济", title="东港市茶叶丰收", body=["东港市茶园今年增产，茶农增收。"]),
    ]
    assert issue_keywords(profile, count=4)[0] == "罗晓梅"
    # Nor where a person is a later piece of it than a place: both stay.
    diary = [
        article(
            "a",
            "文化",
            title="星城作家周海获奖",
            body=["星城作家周海获奖。周海说，星城是故乡。周海写星城四十年，星城读者多。"],
        ),
        article(
            "b",
            "文化",
            title="星城书展开幕",
            body=["书展上，《星城周海日记》受欢迎。星城居民争相购买，周海签名。"],
        ),
        article("c", "经济", title="东港市茶叶丰收", body=["东港市茶园今年增产，茶农增收。"]),
    ]
    assert issue_keywords(diary, count=8)[:2] == ["周海", "星城"]


def test_a_profiles_subject_before_the_headlines_colon_is_a_keyword_though_met_once():
    # The body calls her 她; a name run into the end of a headline is a byline and stays out.
    articles = [
        article(
            "a", "社会", title="罗晓梅：让茶香飘出西岭", body=["她在西岭镇种茶二十年，带乡亲致富。"]
        ),
        article("b", "文化", title="东港大剧院新春演出 陈岩", body=["东港大剧院上演新编越剧。"]),
    ]
    words = issue_keywords(articles, count=8, paper="临江日报")
    assert "罗晓梅" in words and "陈岩" not in words
    headlines = [a.headline for a in articles]
    text = "\n".join(a.headline + "\n" + a.text for a in articles)
    assert confirmed("罗晓梅", text, headlines) and not confirmed("陈岩", text, headlines)
    assert not keyword_problems("罗晓梅", text, headlines) and keyword_problems("陈岩", text)


def test_a_common_noun_weighs_less_than_a_name_the_issue_uses_a_little_less():
    articles = [
        article(
            "a",
            "文化",
            title="西岭镇评书进校园",
            body=["观众坐满礼堂。评书艺人陈岩登台，观众连连叫好。陈岩说，评书要讲给孩子听。"],
        ),
        article("b", "文化", title="东港大剧院上演木偶戏", body=["木偶戏吸引观众，观众说好看。"]),
        article("c", "文化", title="临江市图书馆新馆开放", body=["图书馆迎来观众和读者。"]),
    ]
    words = issue_keywords(articles, count=5, paper="临江日报")
    assert "陈岩" in words and "观众" not in words
    # Common nouns of every kind of story; names however often they occur, and rarer nouns.
    for word in ("观众", "艺术", "孩子", "作品", "老人", "消费者"):
        assert common_noun(word), word
    for word in ("香港", "以色列", "奥运会", "国务院", "评书", "木偶戏", "陈岩", "临江市"):
        assert not common_noun(word), word


def test_source_line_leaves_out_a_kicker_the_title_shows():
    a = Article(
        id="a",
        kicker="东港市出台扶持小微企业十条措施——",
        title="为小店撑起一片天",
        byline="本报记者 周海",
        page=3,
    )
    a.display_title = "东港市出台扶持小微企业十条措施——为小店撑起一片天"
    assert source_line(a) == "本报记者 周海 · 第3版"
    # A kicker the title does not show stays where it comes from.
    a.display_title = "为小店撑起一片天"
    assert source_line(a) == "东港市出台扶持小微企业十条措施—— · 本报记者 周海 · 第3版"


def test_a_common_noun_scored_again_as_its_run_weighs_as_that_run():
    # 观众 weighs its specificity cubed; the run it is scored again as (观众团, no common noun)
    # weighs its own squared, not the cube's ratio squared.
    assert common_noun("观众") and not common_noun("观众团")
    assert _weight("观众", 0.5) == 0.5**COMMON_NOUN_POWER and _weight("观众团", 0.5) == 0.25


@pytest.mark.parametrize(
    ("word", "text", "expected"),
    [
        # A surname and one character that always go on with the same third one: a cut name.
        ("周海", "周海燕说，西岭镇要修路。周海燕来到工地。周海燕还发现，路面窄。", "周海燕"),
        # One part of a transliterated name, on either side of its dot.
        ("伊万", "伊万·彼得罗夫说。伊万·彼得罗夫到。伊万·彼得罗夫的书", "伊万·彼得罗夫"),
        ("彼得罗夫", "伊万·彼得罗夫说。伊万·彼得罗夫到。", "伊万·彼得罗夫"),
        # Two people of one first name: a piece whose name cannot be told.
        ("伊万", "伊万·彼得罗夫说。伊万·谢苗诺夫到。", None),
        # Printed once across its dot: a piece, but where the name ends one occurrence cannot
        # tell (the sentence runs on), so none; alone, or after a column's title, it stays.
        ("伊万", "星国总理伊万·彼得罗夫在新年致辞中祝福。", None),
        ("彼得罗夫", "星国总理伊万·彼得罗夫在新年致辞中祝福。", None),
        ("伊万", "星国总理伊万在新年致辞中祝福。", "伊万"),
        ("周海", "对话·周海：茶要用心种。", "周海"),
        # A dot between titles joins no name.
        ("临江年集", "新春·临江年集开市。新春·临江年集热闹。", "临江年集"),
        # What a sentence puts after a name: a verb, a post, a function word.
        ("周海", "周海说，要修路。周海说：好。周海表示同意。", "周海"),
        ("周海", "周海在西岭镇。周海在东港市。", "周海"),
        ("周海", "周海和陈岩。周海和陈岩到了。", "周海"),
        ("周海", "周海等人。周海等人到了。", "周海"),
        ("周海", "周海的书。周海的画。", "周海"),
        ("周海", "周海局长到。周海局长说。", "周海"),
        ("周海", "周海同志到。周海同志说。", "周海"),
        ("周海", "周海也来了。周海也说。", "周海"),
        ("周海", "周海一行到。周海一行走。", "周海"),
        ("周海", "周海曾说。周海曾去。", "周海"),
        ("周海", "周海又到。周海又说。", "周海"),
        ("周海", "周海坦言。周海坦言没有。", "周海"),
        # A post, a frame or an aspect after the name: the sentence goes on, not the name.
        ("周海", "周海副主任到。周海副主任说。", "周海"),
        ("周海", "周海副教授到。周海副教授说。", "周海"),
        ("王刚", "王刚总经理到。王刚总经理说。", "王刚"),
        ("王刚", "王刚听后笑。王刚听后说。", "王刚"),
        ("周海", "周海笑了。周海笑了说。", "周海"),
        ("周海", "周海燕说。周海燕表示。", "周海燕"),
        # A column's title across the dot is no part of the name.
        ("周海", "对话·周海：茶要用心种。对话·周海：路要修好。", "周海"),
        # Three of four alike is not enough.
        ("周海", "周海燕说。周海燕到。周海燕走。周海说。", "周海"),
    ],
)
def test_a_name_that_always_goes_on_alike_is_the_longer_name(word, text, expected):
    assert longer_name(word, text) == expected


def test_a_given_name_of_rare_characters_stays_with_its_surname():
    # The tagger reads a rare character after a surname as an interjection (e).
    assert ("周呦呦", "nr") in _words("临江市民周呦呦在西岭镇种茶")
    # An interjection after a name called out is no character of it.
    assert _words("小李哎，快来")[1:3] == [("李", "nr"), ("哎", "e")]


def test_the_person_the_main_story_is_about_leads_the_keywords():
    articles = [
        article(
            "a",
            "时政",
            title="东港市表彰劳动模范 市长周海出席",
            body=["东港市表彰大会今天举行，市长周海出席。周海说，今年要修三条路。"],
        ),
        # Two stories on one tea road, a term of the day beside the person.
        article(
            "b",
            "社会",
            title="西岭镇修通茶马古道",
            body=["西岭镇茶马古道修通，茶马古道沿线茶农增收。茶马古道远近闻名。"],
        ),
        article("c", "文化", title="茶马古道上的乐团", body=["星国乐团走茶马古道，茶马古道。"]),
    ]
    texts = [(a.headline, a.text) for a in articles]
    text = "\n".join(h + "\n" + b for h, b in texts)
    assert lead_name(texts, [0.9, 0.5, 0.5], text) == "周海"
    words = issue_keywords(articles, count=4, paper="临江日报", importance=[0.9, 0.5, 0.5])
    assert words[0] == "周海" and "茶马古道" in words
    # A headline word the tagger calls a name, which the text never treats as a person.
    greeting = [("祝贺东港大桥通车", "东港大桥通车，市民热烈祝贺。祝贺声不断。")]
    assert _words(greeting[0][0])[0] == ("祝贺", "nr")
    assert lead_name(greeting, [0.9], "\n".join(greeting[0])) is None


@pytest.mark.parametrize(
    "headline, body",
    [
        # The reporter's byline and credit: whom the story is by, not whom it is about.
        (
            "东港茶叶丰收 本报记者 周海",
            "东港茶叶丰收。记者周海走访茶园，茶农说今年好。（记者 周海）",
        ),
        # A name after a verb or a preposition: what the clause is about, not who does it.
        (
            "牢记周海书记嘱托 西岭镇茶农种出致富茶",
            "西岭镇茶农牢记周海书记嘱托。周海书记说要种好茶。",
        ),
        ("以周海命名的大桥通车", "以周海命名的大桥通车。周海同志曾在这里工作。"),
    ],
)
def test_a_headline_name_leads_only_as_its_subject(headline, body):
    texts = [(headline, body), ("西岭镇茶马古道修通", "西岭镇茶马古道修通，茶马古道。")]
    text = "\n".join(h + "\n" + b for h, b in texts)
    assert lead_name(texts, [0.9, 0.5], text) is None


@pytest.mark.parametrize(
    "headline, name",
    [
        ("周海：茶要用心种", "周海"),
        ("西岭镇茶农陈岩 种茶二十年", "陈岩"),
        ("——访星国前总统帕洛·门多萨", "帕洛"),  # a profile: whom the story is about
        ("追记西岭镇支书陈岩", "陈岩"),
        ("忆西岭镇时期的周海同志", "周海"),
        ("东港大桥通车十周年周海重访大桥", "周海"),  # two clauses in one run of characters
    ],
)
def test_a_headline_name_is_its_subject(headline, name):
    assert _subject_in(name, headline)


def test_a_name_in_a_list_after_a_verb_is_no_subject():
    assert _subject_in("周海", "周海、陈岩出席") and not _subject_in("陈岩", "刊登周海、陈岩寄语")


def test_the_lead_moves_the_term_that_holds_the_name_to_the_front():
    assert _led_by(["茶马古道", "周海思想", "西岭镇"], "周海") == ["周海思想", "茶马古道", "西岭镇"]
    assert _led_by(["茶马古道", "西岭镇", "周海燕"], "周海燕") == ["周海燕", "茶马古道", "西岭镇"]
    assert _led_by(["茶马古道", "西岭镇", "星国"], "周海") == ["周海", "茶马古道", "西岭镇"]


def test_only_the_first_pages_stories_lead_an_issue_of_several_pages():
    texts = [
        ("东港市召开全会", "东港市全会今天召开，会议审议了报告。"),
        ("西岭镇茶农陈岩 种茶二十年", "西岭镇茶农陈岩种茶二十年。陈岩说，茶要用心种。"),
    ]
    text = "\n".join(h + "\n" + b for h, b in texts)
    # Unknown pages: the more important story names a person and leads.
    assert lead_name(texts, [0.6, 0.9], text) == "陈岩"
    # The profile is on a back page: the front page's story names nobody, so none leads.
    assert lead_name(texts, [0.6, 0.9], text, pages=[1, 12]) is None


@pytest.mark.parametrize(
    ("word", "headline", "expected"),
    [
        # A headline sets a coined term or an abbreviation alone in quotation marks.
        ("智造", "东港青年掀起“智造”热", True),
        ("文旅", "西岭镇“文旅”融合见效", True),
        ("菜篮子", "临江市稳住『菜篮子』", True),
        # A quoted saying: a verb, an adverb or a guessed name in it.
        ("别掉队", "村村通路“别掉队”", False),
        ("快点修", "群众盼路“快点修”", False),
        ("很满意", "村民说“很满意”", False),
        ("走出去", "临江企业“走出去”", False),
        ("不打烊", "东港夜市“不打烊”", False),
        ("加油", "为西岭镇“加油”", False),
        ("真香", "新茶“真香”", False),
        ("热起来", "冬季旅游“热起来”", False),
        ("最多跑一次", "办事“最多跑一次”", False),
        # Not alone in the marks.
        ("智造", "东港“智造新城”开工", False),
    ],
)
def test_a_term_a_headline_sets_alone_in_quotation_marks_is_confirmed(word, headline, expected):
    assert quoted_term(word, [headline]) is expected
    text = headline + "\n东港市今年新增企业三十家。"
    assert confirmed(word, text, [headline]) is (expected or rjieba.has_word(word))


def test_a_name_the_tagger_runs_into_said_is_the_name():
    # After a quotation's close the tagger reads a name it does not know and 说 as one name.
    assert ("葛玉千说", "nr") in tagged("“茶要用心种。”葛玉千说，西岭镇的茶园不大。")
    body = "“茶要用心种。”葛玉千说，西岭镇的茶园不大。“路修好了。”葛玉千说。"
    articles = [
        article("a", "社会", title="西岭镇茶农的新年", body=[body]),
        article("b", "文化", title="星国乐团来访", body=["星国乐团在东港大剧院演出。"]),
    ]
    words = issue_keywords(articles, count=6, paper="临江日报")
    assert "葛玉千" in words and "葛玉千说" not in words
    # Split where every rule reads the words, and for 称 too.
    assert names_in(body).count("葛玉千") == 2
    said = "“茶要用心种。”周小岚称，西岭镇的茶园不大。"
    assert ("周小岚称", "nr") in tagged(said)
    assert ("周小岚", "nr") in _words(said) and "周小岚称" not in names_in(said)
    assert keyword_problems("葛玉千", body) == []
