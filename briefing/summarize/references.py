"""Words that point back to something the summary does not name: 这所小学, 该村, 他, 当地.

A summary is read alone, under its title: a sentence taken from the middle of an article may
point back to a school, a village or a person named sentences earlier (……来到这所小学看望教师).
:func:`unresolved_reference` finds such a pointer with nothing before it in the summary to point
to, so that the summarizer can prefer a sentence that stands on its own.

What counts as a pointer, and what resolves it:

- a demonstrative and a classifier before a noun (这所小学, 这家企业, 这位老人, 这些村民,
  这一举措) and 该/此 before a noun (该公司, 该村, 此案): resolved when the words before it
  name the same noun (临江市第一小学……这所小学), one of its kind (某某中学……这所学校), or a
  person for a person (周海……这位老人); a pointer to an act or a statement (此举, 这一做法) is
  resolved by any clause before it, which says what was done;
- a place pointer (这里, 当地, 此地): resolved by a place, a body or a venue named before it;
- a personal pronoun (他, 她, 他们): resolved by a person (a name, a post, a group) before it;
- a pointer to what was just said (对此, 为此, 由此, 其中, 这样一来; 这样的 / 这样一群 + noun):
  resolved by a whole clause before it (not one that only says who speaks: 周海表示，), or, for
  这样, by the thing it follows (春节这样的日子) or what it presents (有这样一群人：……).

:func:`leans_back` is the other half: a sentence that opens on a contrast, a next step or a
pointer leans on the sentence before it. :func:`needs_context` puts the two together for a
sentence that must stand alone (a commentary's argument).

Not pointers: times and the article's own event (这一年, 这些天, 这次会议, 此次, 此前, 此外),
manner (这样, 这么), the modal 该 (该怎么办), 其他/其中, 当地时间, and anything inside a quotation
(a speaker's 这里 and 他们 point within what they say).
"""

from __future__ import annotations

import re

from ..split.lines import HAN_CHAR
from ..text import NAME_TAGS, fold_width, word_tags
from .sentences import DECK_MARKS, ITEM_MARKER, Sentence, split_dateline
from .verbs import SPEECH_VERBS
from .wholeness import FRAME, POINTING_FRAME, TIME_ONLY, TIME_START

# Classifiers a demonstrative takes before a noun (这所小学, 这起案件, 这番话, 这些村民, 这一举措).
_CLASSIFIERS = "所家座个位名条项片块种批支件部栋处辆艘架台群户类起场笔份只本趟款张段句番些一"
# 这所 / 这家 / 那位 / 这些 / 这一: a demonstrative and a classifier, as the segmenter cuts them.
_DEMONSTRATIVE = re.compile(f"^[这那][{_CLASSIFIERS}]$")
# 该村 / 此案 / 该县: a pointer and a one-character noun, cut as one word.
_FUSED = re.compile(r"^(?:该|此)([\u4e00-\u9fff])$")
_FUSED_NOUNS = "村镇乡县市区省州国岛厂校院馆所站港店局部委队社团会园寺庙案人"
# A quick test before segmenting: most summaries hold none of these. 他 not in 其他 or 他人.
_TRIGGER = re.compile(
    f"[这那][{_CLASSIFIERS}里儿]|该|此[{_FUSED_NOUNS}举事项地处]|(?<!其)他(?!人)|她|当地|[两二前后]者"
    "|[对为由据就]此|其中|这样"
)
_ABSTRACT_FUSED = {"此举", "此事", "此项"}
# What was just said, as a whole: 对此 (about it), 为此 (for it), 由此 (from it), 其中 (among
# them), 这样一来 (that done). A clause before says what; with none, they point at nothing.
_CLAUSE_POINTERS = {"对此", "为此", "由此", "据此", "就此", "其中", "这样一来", "如此一来"}
# 有这样一群人，他们……, 讲过这样一件事：……: the 这样 phrase presents what comes after it in the
# sentence, or after a colon; before a full stop only the next sentence may say what it is
# (陈岩就是这样一位老师。 alone: like what?).
_PRESENTING = {"有", "过", "还有", "就有"}
_COLONS = set("：:")
_STOPS = set("。！!")
_ONE_OF = re.compile(f"^一[{_CLASSIFIERS}]$")
_BOTH = {"两者", "二者", "前者", "后者"}
_PAIR = re.compile(r"[\u4e00-\u9fff]{2}(?:、|和|与|及|同)[\u4e00-\u9fff]{2}")
_PLACE_POINTERS = {"这里", "那里", "这儿", "那儿", "此地", "此处", "该地", "当地"}
_PRONOUNS = {"他", "她", "他们", "她们", "他俩", "她俩"}
# Heads that say when, how often or which of the article's own events: not pointers back.
_TIME_HEADS = set(
    "年 天 日 月 周 时 刻 次 回 届 期 轮 晚 夜 季 时期 时候 时刻 时代 关头 节点 阶段 期间 年代 瞬间 当口"
    " 年间 天里 段 会儿 日子 时间".split()
)
# 这片土地, 这个世界, 这个道理: the land the writer stands on, the world at large, a truth:
# said of what everyone shares, not of a thing named before.
_HOMELAND = {"土地", "热土", "大地", "世界", "社会", "道理"}
# Acts, statements and states: what they point to is said by any clause before them.
_ABSTRACT_HEADS = set(
    "事 事情 事件 举 举措 做法 措施 决定 消息 情况 现象 变化 问题 要求 政策 理念 思路 模式 方式 方法"
    " 办法 经验 成绩 成果 成就 目标 工作 行动 讲话 表态 说法 观点 计划 方案 规定 数据 数字 趋势 局面"
    " 进展 报告 协议 目的 过程 结果 判断 精神 故事 场景 景象 画面 传统 理由 原因 思想 改革 创新 探索"
    " 实践 尝试 承诺 倡议 呼吁 建议 意见 声明 表述 提法 趋向 态势 机制 制度 格局".split()
)
# What a title in 《》 names: a law, a plan, a book, a film.
_WORKS = set(
    "法律 法规 条例 规定 规例 文件 意见 办法 政策 规划 纲要 方案 决定 协议 条约 著作 作品 书 图书 新书"
    " 小说 电影 影片 剧 节目 报告 歌曲 专著 译著 杂志 刊物".split()
)
# Nouns of a kind, and the names that count as one of them (某某中学……这所学校).
_KINDS = {
    "学校": ("学校", "小学", "中学", "大学", "学院", "学堂", "幼儿园", "一中", "二中", "校"),
    "小学": ("小学", "学校"),
    "中学": ("中学", "学校", "一中", "二中", "三中"),
    "企业": ("企业", "公司", "集团", "厂", "银行", "店"),
    "公司": ("公司", "集团", "企业"),
    "医院": ("医院", "卫生院", "诊所"),
    "城市": ("城市", "市"),
    "地方": ("省", "市", "县", "区", "镇", "乡", "村"),
    "校": ("学校", "小学", "中学", "大学", "学院", "校"),
    "厂": ("厂", "公司", "企业"),
    "院": ("院", "医院", "学院"),
    "店": ("店", "商场", "超市", "餐厅", "饭馆"),
}
# Words that end in these name a person, a post or a group: what 他/她/他们 may point to.
_PERSON_ENDINGS = tuple(
    "人 者 员 长 师 家 生 民 工 手 士 官 兵 警 友 爷 奶 妈 爸 姐 哥 弟 妹 叔 姨 婆 嫂 孩 娃 儿 女 们"
    " 亲 娘 夫 妻 男子 女子 孩子 儿子 司机 同志 书记 主任 总统 主席 总理 首相 大使 代表 委员 队 组 团 村 部门 企业 公司 单位 群众 家庭".split()
)
_PLACE_ENDINGS = tuple(
    "省 市 县 区 镇 乡 村 庄 州 国 岛 港 湾 山 湖 河 江 街 巷 园 馆 站 场 城 社区 街道 基地 景区 中心"
    " 学校 小学 中学 大学 医院 公司 企业 工厂".split()
)
_CALLED = re.compile(r"(?:叫做|叫|名叫|名为|称为|被称为|即)")
_IS_CALLED = re.compile(rf"(?:就|正|便|也)?是|{_CALLED.pattern}")
_ANY_OF = re.compile(r"无论|不论|不管")
_NAMED_AFTER = set("—《（(：:")
_PUNCTUATION = set("，,。；;：:、！!？?…—（）()《》“”")
_QUOTE = re.compile(r"“[^“”]*”|「[^「」]*」")


def unresolved_reference(text: str, *, before: str = "", follows: bool = True) -> str | None:
    """The first pointer in ``text`` (这所小学, 该村, 他, 当地, 对此, 其中, 这样的理想) with nothing
    before it to point to, or None when every pointer is resolved (or there is none). ``before``:
    what the reader has just read (the summary's sentence before), which may name what ``text``
    points to; its own pointers are not reported. ``follows``: whether ``text`` comes right after
    ``before`` in the article; when not, ``before`` may name a noun ``text`` points to (周海……他)
    but says nothing of what 对此 or 此举 point to, which the sentences between said."""
    if not _TRIGGER.search(text):
        return None
    offset = len(before)
    said = 0 if follows else offset  # where the clauses a pointer to what was said may use start
    text = before + text
    quoted = [m.span() for m in _QUOTE.finditer(text)]
    tokens = word_tags(text)
    position = 0
    spans = []
    for word, tag in tokens:
        spans.append((position, word, tag))
        position += len(word)
    for i, (start, word, tag) in enumerate(spans):
        if start < offset or any(a <= start < b for a, b in quoted):
            continue
        following = spans[i + 1][1] if i + 1 < len(spans) else ""
        earlier = spans[:i]
        # 这所 as one word, or 这 / 所 as two (为这所小学……), or glued to its noun (这番话, 这 / 本书)
        split = word in ("这", "那") and _DEMONSTRATIVE.match(word + following)
        glued = _glued(spans[i : i + 2])
        if _DEMONSTRATIVE.match(word) or word == "该" or split or glued:
            classifier = following if split else word[1:2] if word != "该" else ""
            if glued:
                word, taken, head = glued
                classifier = word[1]
                phrase = [head, *spans[i + 1 + taken : i + 7]]
            else:
                phrase = spans[i + 2 : i + 8] if split else spans[i + 1 : i + 7]
            if not phrase or phrase[0][1] in _TIME_HEADS:
                continue  # 这些年的经历: a time first
            heads = _phrase_heads(phrase)
            if not heads or any(h in _TIME_HEADS or h in _HOMELAND for h in heads):
                continue
            if classifier == "片" and any(w in _HOMELAND for _, w, _ in _clause(spans[i:])):
                continue  # 这片面积70平方公里的土地
            if earlier and _apposed(earlier[-1][1], earlier[-1][2]):
                continue  # 东港这座城市, 春节这个日子, 看病难这一问题: a thing and then what it is
            if _ANY_OF.search(text[:start].rsplit("，", 1)[-1]):
                continue  # 无论哪种 (written 那种): which, not that
            end = next((p + len(w) for p, w, _ in phrase if w == heads[-1]), start)
            if text[end : end + 1] in _NAMED_AFTER or _CALLED.match(text, end):
                continue  # 这部新著——《……》, 这种物质叫做……: named right after it
            if not any(
                _noun_resolved(h, classifier, text[:start], earlier, text[said:start])
                for h in heads
            ):
                return (word + following if split else word) + heads[0]
        elif word in _CLAUSE_POINTERS:
            if word == "据此" and text.startswith("间", start + 2):
                continue  # 据此间报道: as reported here
            if not _clause_before(text[said:start]):
                return word
        elif word == "这样" and (following == "的" or _ONE_OF.match(following)):
            phrase = spans[i + 1 : i + 8]
            heads = _phrase_heads(phrase)
            if not heads or any(h in _TIME_HEADS for h in heads):
                continue  # 这样的时候, 这样一来 (one word): when, not what
            end = next((p + len(w) for p, w, _ in phrase if w == heads[-1]), start)
            closing = text[end : end + 1]
            stopped = closing in _STOPS
            if (
                (earlier and _apposed(*earlier[-1][1:]))
                or closing in _COLONS
                or (stopped and text[end + 1 :].strip())
                or (not stopped and earlier and earlier[-1][1] in _PRESENTING)
                or _clause_before(text[said:start])
            ):
                continue  # 春节这样的日子, 有这样一群人：……, ……。这样的变化……
            return word + heads[0]
        elif fused := _FUSED.match(word):
            noun = fused.group(1)
            if word in _ABSTRACT_FUSED:
                if not _clause_before(text[said:start]):
                    return word
            elif noun in _FUSED_NOUNS and not _noun_resolved(noun, "", text[:start], earlier):
                return word
        elif word in _BOTH:
            # 临江市和东港市及二者所属的……: the two named just before it, in its own clause.
            paired = _PAIR.search(text[said:start].rsplit("，", 1)[-1])
            if not paired and not _clause_before(text[said:start]):
                return word  # 两者相比: which two?
        elif word in _PLACE_POINTERS or word.startswith("当地"):
            if word.startswith("当地时间") or (word == "当地" and following.startswith("时间")):
                continue
            if _IS_CALLED.match(text, start + len(word)) and any(
                _is_place(w, t) for _, w, t in _clause(spans[i + 1 :])
            ):
                continue  # 这里是东港市最热闹的老街: its predicate names the place
            # 当地 is wherever the summary is about, which may be named after it (据当地报道，星国……).
            scope = spans if word.startswith("当地") else earlier
            if not any(
                _is_place(w, t) and not _elsewhere(spans, k) for k, (_, w, t) in enumerate(scope)
            ):
                return word
        elif word in _PRONOUNS or (word[:1] in ("他", "她") and tag.startswith("v")):
            if not any(_is_person(w, t) for _, w, t in earlier):
                return word
    return None


def without_pointing_frame(text: str, *, place: str | None = None) -> str | None:
    """``text`` without an opening clause that frames it by pointing back (为此，/ 怀着这样的
    心愿，: :data:`.wholeness.POINTING_FRAME`), when what is left points to nothing more (its
    here named for the dateline's ``place``, :func:`name_here`); None when it opens on no such
    clause."""
    parts = re.split(r"[，,]", text, maxsplit=1)
    if len(parts) < 2 or not POINTING_FRAME.match(parts[0]):
        return None
    rest = parts[1]
    named = name_here(rest, place) if place else rest
    return rest if len(rest) >= 8 and unresolved_reference(named) is None else None


# The words of a turn (但……, 然而……): they answer what was said before (……因春旱而减产，但……).
TURNS = ("但是", "但", "然而", "不过", "可是")
# A sentence that leans on the one before it: a contrast (然而……, 可去年……) or a pointer (这个镇……).
CONTRAST = re.compile(
    rf"^(?:{'|'.join(TURNS)}|却|而(?![今且言后已])"
    r"|可(?=[，,]|去年|今年|如今|现在|眼下|当时|后来|这|那))"
)
# 这几天, 此次 say when and which event (the article's own), not which thing before.
_POINTER = re.compile(
    r"^(?:这(?![几两]天|些[天年]|段时间|天|时|一年|两年|几年|次)|那(?!么|时)|该|其(?!实|他|它|余)|此(?!外|次|前|时)"
    r"|上述|就这样|这样|如此)"
)
# The next step of a story or an example of what was said (于是……, 第二天……, 比如……).
_CONTINUATION = re.compile(
    r"^(?:于是|第二天|次日|比如|例如|再比如|再如|又|然后|接着|随即|随后|此后)"
)
# The words of a consequence of what was said before (因此……, 所以……, 由此……): a sentence that
# opens on one leans on the one before (the ranker's DEPENDENT and the headlines' CONNECTIVES
# read them too); 所以然 (the reason why) is a noun.
CONSEQUENCES = ("因此", "所以", "因而", "故而", "由此")
_CONSEQUENCE = re.compile(rf"^(?:{'|'.join(CONSEQUENCES)})(?!然)")
# 上述地区, 目睹此情此景: what it points to is in a sentence before; so is 来此 (here) in the
# sentence's first clause (later, 此 may point to a place the sentence names first).
_SENTENCE_REFERS_BACK = re.compile(r"上述|前述|此情此景")
_HERE = re.compile(r"^[^，,。]*(?:来此|在此|于此|至此|此地|此处)")
# 第五步：……: a step of instructions, which says nothing without the steps before.
_STEP = re.compile(r"^第[二三四五六七八九十]+步")
# 应该算是一场硬仗。/ 也是……: a predicate whose subject is in the sentence before; not 是时候……
# (it is time to ……), nor 正是春耕时节 (正 is "just now" there, and 正是……的 stands alone).
_COPULA_OPENING = re.compile(r"^(?:应该|应当|也|就|才|都|更|则)?(?:算是|是)(?![非否]|时候)")
# 一是……, 第一，……, 首先，……: an item of a list leans on its lead-in (sentences.ITEM_MARKER).
_OPENINGS = (CONTRAST, _CONTINUATION, _CONSEQUENCE, _STEP, ITEM_MARKER, _POINTER)
# 这是……, 这正是……: what "this" is was said before, even in an article's first sentence (a
# commentary's first sentence may follow its headline).
_THIS_IS = re.compile(r"^这(?:也|就|正|更|才|都)?是")
_HERE_IS = re.compile(r"^(?:这里|这儿|此地|此处)(?:就|正|便|也)?是")


def leans_on_before(text: str) -> bool:
    """Whether ``text`` (a sentence after its dateline) opens on a contrast (然而……), a next step
    (于是……), a consequence (因此……) or a pointer (这个镇……) that lean on the sentence before."""
    text = text.lstrip(DECK_MARKS + " 　")
    if _HERE_IS.match(text) and unresolved_reference(text) is None:
        return False  # 这里是东港市最热闹的老街: the here is named by what it is
    folded = fold_width(
        text
    )  # ２、 as 2、: the list-item marker reads folded text, as ranking does
    if any(p.match(folded) for p in _OPENINGS):
        return True
    # A pointer after its opening words (仔细看来，这些本子……) is found where the summary is
    # made, by :func:`unresolved_reference` on what the summary keeps of it.
    return bool(_SENTENCE_REFERS_BACK.search(text) or _HERE.match(text))


def leans_back(sentence: Sentence) -> bool:
    """Whether ``sentence`` leans on the one before it (:func:`leans_on_before`)."""
    return leans_on_before(split_dateline(sentence.text)[1])


# A turn set off by a comma (但是，…… / 然而，……): the writer's point, set against the sentence
# before (the view or the set-up the piece turns from); or an affirmation (的确，……), the writer's
# point agreeing with the sentence before (a view quoted, a doubt raised).
AFFIRMATIONS = ("的确", "确实")
TURN_OPENING = re.compile(rf"^(?:{'|'.join(TURNS + AFFIRMATIONS)})[，,]")
MIN_TURNED_CHARS = 8


def _affirming(text: str) -> bool:
    """Whether ``text`` opens on an affirmation (的确，……): a :data:`TURN_OPENING` of one."""
    opening = TURN_OPENING.match(text)
    return opening is not None and opening.group()[:-1] in AFFIRMATIONS


def past_turn(text: str) -> str | None:
    """What a sentence that opens on a turn or an affirmation (然而，……; 的确，……) says after it,
    when that stands alone (:func:`needs_context`); None for any other sentence."""
    match = TURN_OPENING.match(text)
    rest = text[match.end() :] if match else ""
    return rest if len(rest) >= MIN_TURNED_CHARS and not needs_context(rest) else None


def needs_context(text: str, *, first: bool = False) -> bool:
    """Whether ``text`` (a sentence after its dateline) says nothing alone: it leans on the
    sentence before (:func:`leans_on_before`; not when it is the article's ``first``, which
    leans on nothing printed), opens on its predicate (也是……) or on an affirmation (的确，……;
    确实，……: agreeing with what the sentence before says), or points to what it does not name
    (:func:`unresolved_reference`). What an argument's summary may not be; a news summary reads
    the two tests apart (it may take the sentence before), and a predicate opening alone is rare
    in news (measured: 2 news summaries changed, 1 better, 1 worse)."""
    return (
        (not first and leans_on_before(text))
        or _THIS_IS.match(text) is not None
        or _COPULA_OPENING.match(text) is not None
        or _affirming(text)
        or unresolved_reference(text) is not None
    )


# 从临江来到这里: a place left is not the here (来自临江 says where one is from, which may be
# the here: 陈岩来自临江市，这里是她的故乡); nor is a body that acts there (临江市委在这里……).
_FROM = {"从", "自", "离开"}


def _elsewhere(spans: list[tuple[int, str, str]], k: int) -> bool:
    """Whether the place at ``k`` is one left (从临江) or a body that acts (临江市委在……), not
    where the pointer is."""
    for _, word, tag in reversed(spans[max(0, k - 4) : k]):
        if word in _FROM:
            return True  # 从临江 / 从东岭省临江: the places left
        if tag[:1] == "v" or word in _PUNCTUATION:
            break
    return spans[k][2] == "nt" and k + 1 < len(spans) and spans[k + 1][1] == "在"


def _clause(spans: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The words up to the end of the clause."""
    end = next((k for k, (_, w, _) in enumerate(spans) if w in _CLAUSE_MARKS), len(spans))
    return spans[:end]


_CLAUSE_MARKS = set("，,；;。！!？?：:")


def _glued(spans: list[tuple[int, str, str]]) -> tuple[str, int, tuple[int, str, str]] | None:
    """A demonstrative and a classifier the segmenter glued to the noun (这番话) or cut off from
    the demonstrative with the noun (这 / 本书): the pointer (这番), how many words after the
    first it takes, and the noun as a span of its own; None for anything else (这 / 本来)."""
    start, word, tag = spans[0]
    if len(word) > 2 and tag[:1] in ("n", "l") and _DEMONSTRATIVE.match(word[:2]):
        return word[:2], 0, (start + 2, word[2:], "n")
    if word in ("这", "那") and len(spans) > 1:
        _, following, following_tag = spans[1]
        if (
            len(following) > 1
            and following_tag[:1] in ("n", "r")
            and following[0] not in "一些"  # 这 / 一切: all that was said
            and _DEMONSTRATIVE.match(word + following[0])
        ):
            return word + following[0], 1, (start + 2, following[1:], "n")
    return None


def _apposed(word: str, tag: str) -> bool:
    """Whether the word before a demonstrative is the thing it names (a noun, a time, a state such
    as 难 or 高, a closing quotation or title), not a verb or preposition that takes it."""
    if word in ("”", "》", "’"):
        return True
    return word not in _PUNCTUATION and tag[:1] in ("n", "t", "a")


def _phrase_heads(spans: list[tuple[int, str, str]]) -> list[str]:
    """The nouns of the phrase a demonstrative opens (这片古老的土地: 古老, 土地; 这一举措: 举措;
    这位78岁的老人: 老人)."""
    heads: list[str] = []
    for _, word, tag in spans:
        if tag in ("m", "q") or word == "的" or word.isdigit():
            continue
        if tag == "t":
            break  # 这些年来: a time (no noun before it); 这位老人今年……: the time starts the verb's
        if tag[:1] == "n" or tag == "vn" or word in _ABSTRACT_HEADS:
            heads.append(word)
        elif tag[:1] not in ("a", "b"):
            break
    return heads


def _noun_resolved(
    head: str, classifier: str, before: str, tokens: list, said: str | None = None
) -> bool:
    """Whether the words before a pointer name what ``head`` (after ``classifier``) points to:
    the same noun, or a name of its kind (临江中学, 东湾村) but not a bare noun of its kind
    (学校的变化……这所小学: which school?). ``said``: the clauses before it that may say what an
    act or a statement (这一做法) points to (``before`` when None)."""
    if len(head) > 1 and head in before:
        return True  # ……用图形表示，再按这个图形……
    if any(_named_kind(kind, tokens) for kind in (head, *_KINDS.get(head, ()))):
        return True
    # Names end on their kind: 星国 for 这个大国, 东港大桥 for 这座铁桥 (not 就业 for 这家企业).
    if len(head) > 1 and any(
        len(w) >= 2 and w[-1] == head[-1] and (t in NAME_TAGS or w.endswith(head))
        for _, w, t in tokens
    ):
        return True
    if head in _WORKS and "《" in before:
        return True  # 《临江市河道管理条例》……这部法规
    if head in ("地区", "地方", "区域", "一带"):
        return any(_is_place(w, t) for _, w, t in tokens)
    if head in _ABSTRACT_HEADS:
        return _clause_before(before if said is None else said)
    if not classifier and head in _FUSED_NOUNS and any(t == "ns" for _, _, t in tokens):
        return True  # 临江……该市
    if classifier in ("位", "名") or head == "人":
        return any(_is_person(w, t) for _, w, t in tokens)
    return False


def _named_kind(noun: str, tokens: list) -> bool:
    """Whether ``tokens`` name a ``noun`` (村, 小学): a name that ends in it (永胜县, 希望小学), or
    the noun after a name or another noun (西岭 镇, 第一 小学)."""
    for i, (_, word, tag) in enumerate(tokens):
        if word == noun:
            if i and tokens[i - 1][2][:1] in ("n", "m") and tokens[i - 1][1] not in _PUNCTUATION:
                return True
        elif word.endswith(noun) and (tag in NAME_TAGS or _longer_name(word, tag, noun)):
            return True
    return False


def _longer_name(word: str, tag: str, noun: str) -> bool:
    """希望小学 for 小学; 东湖乡 for 乡, but not a common noun that ends in a one-character kind
    (图书馆 for 馆, 学校 for 校): which one?"""
    if len(noun) > 1:
        return len(word) > len(noun)
    return len(word) >= 3 and tag != "n"


_CLAUSE_END = re.compile(
    r"[\u4e00-\u9fff](?:[^，,；;。！!？?：:]*?[\u4e00-\u9fff]){3}[^，,；;。！!？?：:]*[，,；;。！!？?：:]"
)


# 陈岩告诉记者，/ 周海强调，: who says what follows, not what was done.
_SPEECH_FRAME = re.compile(
    r"(?:^|[，,；;。！!？?])[^，,；;。！!？?]*?(?:"
    + "|".join(sorted(SPEECH_VERBS, key=lambda verb: (-len(verb), verb)))
    + r")(?:记者)?[，,：:][^，,；;。！!？?：:]*$"
)
_CLAUSE = re.compile(r"[^，,；;。！!？?：:]+[，,；;。！!？?：:]")


def _clause_before(before: str) -> bool:
    """Whether ``before`` holds a whole clause that says something (周海主持会议，……此举): four or
    more Han characters and a clause mark, not just the verb of the pointer's own clause, who
    says it (陈岩告诉记者，……此举), nor when or in what frame it happens (今年春节期间，)."""
    frame = _SPEECH_FRAME.search(before)
    said = before[: frame.start() + 1] if frame else before
    return any(
        _CLAUSE_END.search(clause) and not _when(clause[:-1]) and not FRAME.match(clause[:-1])
        for clause in (m.group().strip() for m in _CLAUSE.finditer(said))
    )


# 今年春节期间，/ 1月5日上午，: a clause that only says when (not 去年临江市出台新规，).
_WHEN_END = re.compile(r"(?:期间|之际|以来|前后|时|之时|中|里|以后|之后|以前|之前)$")


def _when(clause: str) -> bool:
    return bool(TIME_START.match(clause) and (TIME_ONLY.match(clause) or _WHEN_END.search(clause)))


def _is_person(word: str, tag: str) -> bool:
    # A word the segmenter does not know (x) may be a rare name: 段某时 is cut as one.
    # The endings only on a noun or a pronoun: 增长, 发生 and 开工 are verbs.
    return (
        tag.startswith("nr")
        or (_noun_like(tag) and word.endswith(_PERSON_ENDINGS))
        or (tag == "x" and HAN_CHAR.match(word) is not None)
    )


def _is_place(word: str, tag: str) -> bool:
    # A name on the ending, not a common word that ends in it (市场, 学校, 社区 name no place).
    return tag in ("ns", "nt") or (
        _noun_like(tag)
        and len(word) >= 3
        and any(word.endswith(e) and len(word) > len(e) for e in _PLACE_ENDINGS)
    )


def _noun_like(tag: str) -> bool:
    return tag[:1] == "n" or tag == "r"


# 在这里 / 在这儿 / 在此间, 在此 before what is done at a place (在此举行, 在此郑重宣布; not
# 在此基础上, 在此期间), 此间 before who speaks there or reports (此间人士认为, 据此间报道): the
# dateline's place, in a dispatch's first sentence. A bare 这里 is no place (说到这里, 这里的问题),
# nor is 在这里 before 面/头/边 (在这里面对记者, 在这里头).
_HERE_POINTER = re.compile(
    r"在这[里儿](?![面头边])|在此间|在此(?=(?:郑重|正式|隆重|共同|联合|再次|首次|也|又|还)?"
    r"(?:举行|召开|举办|开幕|闭幕|会见|会晤|会谈|签署|发表|宣布|发布|表示|指出|说|接受|出席|访问"
    r"|落下帷幕|拉开帷幕|落幕|启动|开工|投产|成立|揭牌|集会|庆祝))"
    r"|此间(?=人士|舆论|媒体|报纸|报道|观察家|分析人士|专家|学者|官员|外交人士)"
)
_STOP = re.compile(r"[。！？!?]")
# Words before a place that say the sentence happens there (在临江港……在这里): its here is that.
_AT = {"在", "于", "到", "来到", "抵达", "赴", "至", "走进", "位于"}


def name_here(text: str, place: str) -> str:
    """``text`` with the here its first sentence says for the dateline's ``place`` named:
    周海今天在这里宣布…… -> 周海今天在星城宣布……. A here inside a quotation (the speaker's) or
    after a place the sentence says it happens at (在临江港……在这里) is left as it is (a place
    that only qualifies a name, 星国总统周海, does not say where); so is every later sentence,
    whose here may be a place named before it."""
    stop = _STOP.search(text)
    end = stop.end() if stop else len(text)
    if not _HERE_POINTER.search(text, 0, end):
        return text
    quoted = [m.span() for m in _QUOTE.finditer(text)]
    named: list[str] = []
    position = 0
    for match in _HERE_POINTER.finditer(text, 0, end):
        start = match.start()
        if any(a <= start < b for a, b in quoted):
            continue
        before = word_tags(text[:start])
        if any(
            _is_place(w, t) and k and before[k - 1][0] in _AT for k, (w, t) in enumerate(before)
        ):
            break
        said = match.group()
        named += [text[position:start], "在" + place if said.startswith("在") else place]
        position = match.end()
    return "".join(named) + text[position:]
