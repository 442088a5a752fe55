"""Whole words, whole names, whole sentences: what compression must never break.

- :func:`dangling_clauses`: a summary sentence that ends on a clause which only sets up another
  (应……邀请。 ……期间。 不仅……。 在……后。 ——。) has lost its main clause.
- :func:`deletion_cuts`: the deletion audit. A compressed summary is aligned to the sentences it
  was cut from; every deleted span must begin and end on a segmenter token boundary and outside
  any name (a name with a bracketed qualifier, 刚果（金）, is one name).
- :func:`shortened_names`: a name the summary states in a shorter form than the article ever
  does (刚果 where the article only says 刚果（金）) names something else.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache

from ..text import NAME_TAGS, tagged
from .sentences import CLAUSE_MARKS, DECK_MARKS, ENDS, has_quantity, split_sentences
from .verbs import COVERBS, DEGREE, MEANING_WORDS, MODALS, NOW, verbal

# 刚果（金）, 中国（海南）自由贸易试验区, 上海（国际）: a name and its bracketed qualifier are one
# name. The qualifier is a short run of Han characters (not 记者 X, 图, 左/右, a date or a figure).
_QUALIFIER = re.compile(r"[（(](?P<qualifier>[\u4e00-\u9fff]{1,4})[）)]")
_HEAD = re.compile(r"[\u4e00-\u9fff]{2,12}$")
_NOT_QUALIFIER = re.compile(
    r"^(?:[左右中前后上下]+[一二三四五六七八九]?|图.*|摄|附.*|记者.*|通讯员.*|下同|同上|简称.*|原名.*|试行|草案|节选|摘要|续|完|上|下)$"
)
# The tail of a qualified name runs on while it names an institution: 中国（海南）自由贸易试验区.
_NAME_TAIL = re.compile(
    r"[\u4e00-\u9fff]{0,10}?(?:试验区|自贸区|示范区|新区|开发区|片区|园区|公司|集团|银行|大学|学院|研究院|中心|协会|委员会|有限公司)"
)


@lru_cache(maxsize=1024)
def qualified_names(text: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, name)`` of each name with a bracketed qualifier in ``text`` (刚果（金）)."""
    found: list[tuple[int, int, str]] = []
    if "（" not in text and "(" not in text:
        return ()
    # Found from the bracket back: a scan for the head at every position would be slow.
    for match in _QUALIFIER.finditer(text):
        qualifier = match.group("qualifier")
        head = _HEAD.search(text, max(0, match.start() - 12), match.start())
        if not head or _NOT_QUALIFIER.match(qualifier):
            continue
        # The head is the name just before the bracket: its last segmenter word, if that is a name.
        words = tagged(head.group(0))
        if not words:
            continue
        last, tag = words[-1]
        if not (tag.startswith(NAME_TAGS) or tagged(qualifier)[0][1].startswith(NAME_TAGS)):
            continue
        start = match.start() - len(last)
        tail = _NAME_TAIL.match(text, match.end())
        end = tail.end() if tail else match.end()
        found.append((start, end, text[start:end]))
    return tuple(found)


_TITLE_MARKS = re.compile(r"《[^《》]{1,40}》")  # a title in book marks is one name


@lru_cache(maxsize=4096)
def _spans(text: str) -> tuple[frozenset[int], tuple[tuple[int, int], ...]]:
    """Token boundaries of ``text`` (offsets between segmenter words) and the spans of its names."""
    boundaries = {0}
    names: list[tuple[int, int]] = []
    position = 0
    for word, tag in tagged(text):
        if tag.startswith(NAME_TAGS) and len(word) >= 2:
            names.append((position, position + len(word)))
        position += len(word)
        boundaries.add(position)
    names += [(s, e) for s, e, _ in qualified_names(text)]
    names += [(m.start(), m.end()) for m in _TITLE_MARKS.finditer(text)]
    return frozenset(boundaries), tuple(names)


_PUNCTUATION = set(CLAUSE_MARKS + ENDS + "、…—“”‘’「」（）()《》 　")

# An opening clause the clause after it depends on: a condition or a concession (如果……,
# 尽管……), a comparison (与去年相比), a time that sets the tense or bounds what follows (如今,
# 目前, 截至去年底, 自……以来, 2018年), a circumstance (在……情况下). With it deleted and the next
# clause kept, that clause states something else: a present fact read as past, a conditional
# promise as a plain one, a figure for a period as one for all time.
# The words that open a condition or a concession (如果……, 尽管……): a clause they open frames
# the one after it, and one left last waits for its consequence. 若干企业参加 is no condition,
# nor 只有一半代表到会 (只有 "only has" without the 才 after it).
CONDITION_OPENERS = (
    "如果|假如|假若|倘若|若(?!干)|要是|一旦|只要|除非|即使|即便|哪怕|就算|虽然|虽|尽管|固然"
)
_NOW = "|".join(sorted(NOW, key=lambda w: (-len(w), w)))
FRAMING_CLAUSE = re.compile(
    rf"^(?:{CONDITION_OPENERS})[^，,；;：:]{{0,50}}$"
    rf"|^(?:{_NOW}|时下|至今|迄今|此前|过去|以往|今后|未来)[^，,；;：:]{{0,6}}$"
    # 到年底时 bounds a period, 到场时 is an arrival: 到 and 至 only before a number or a time.
    r"|^(?:截至|截止|(?:到|至)(?=[0-9０-９一二三四五六七八九十〇]|今年|去年|明年|前年|本月|上月|年底|年末"
    r"|月底|目前|现在|今天|当时))"
    r"[^，,；;：:]{0,16}(?:年|月|日|底|末|初|中|时|前|止|为止)$"
    r"|^(?:自|从)[^，,；;：:]{1,30}(?:以来|起|开始)$"
    r"|(?:相比|相较|比较)(?:而言)?$"
    r"|^(?:在|于)[^，,；;：:]{1,40}(?:情况下|条件下|前提下)$"
)
# 在……中，按照……要求，围绕……，: framing clauses that set the context, not the news.
FRAME = re.compile(
    r"^(?:在|按照|根据|围绕|结合|依托|通过|随着|为|面对|针对)[^，；：]{1,40}"
    r"(?:中|下|期间|之际|背景下|要求|部署|精神|契机|过程中|工作中|的基础上|目标|主线|原则)$"
)
# 为此，/ 怀着这样的心愿，/ 面对此情，: a frame that points back to what was said before; it comes
# off with what it points to when the rest points to nothing more (compress.drop_opening). Not
# 对此 / 就此, most often the verb's object (对此高度重视: attend to what?).
POINTING_FRAME = re.compile(
    r"^(?:为此|由此|据此|这样一来|如此一来"
    r"|(?:在|面对|鉴于|针对|对于|带着|怀着|本着)(?:这样|此)[^，,。；;：:“”]{0,10})$"
)
TIME_START = re.compile(
    r"^(?:[0-9０-９一二三四五六七八九十]{1,4}年|[0-9０-９一二三四五六七八九十]{1,2}月|[0-9０-９一二三四五六七八九十]{1,3}日"
    r"|近日|日前|连日来|近期|目前|今天|昨天|昨日|今日|明天|当天|上午|下午|晚上|今年|去年|明年|此前|随后|[春夏秋冬]节|截至|截止)"
)
# A clause that is nothing but a time (2018年，/ 今年前三季度，/ 1月5日起，): said alone it says
# nothing (compress), and before a clause it sets when that holds. 去年同期为12万人次 is no time.
TIME_ONLY = re.compile(
    r"^(?:[0-9０-９一二三四五六七八九十〇]+|[年月日号时点分秒至到—\-~、]|[上下中]午|早上|晚上|凌晨|今年|去年"
    r"|明年|前年|[上下]半年|前|季度|近日|日前|当天|今天|昨天|昨日|今日|目前|近期|年底|年初|年末|月底|月初"
    r"|[上中下]旬|以来|起|前后|截至|截止)+$"
)
# A date or a year, alone: the clause after it holds within it.
_DATE_CLAUSE = re.compile(
    r"^(?:[0-9０-９一二三四五六七八九十〇]{1,4}年|今年|去年|明年|前年|[上下]半年"
    r"|[0-9０-９一二三四五六七八九十]{1,2}月)"
)
# A contest or a counted set the clause after it is about: 在今年的联赛中，/ 在2日的交易中，/
# 在8个项目中，/ 在这30部作品中，
_SET_CLAUSE = re.compile(
    r"^(?:在|于)[^，,；;：:]*(?:赛季|比赛|大赛|联赛|会战|交易)(?:中|当中|之中)$"
    r"|^在(?:这|那)?[0-9０-９一二三四五六七八九十两几百千]+[个项名位部场次家所座批类]"
    r"[^，,；;：:]{0,20}(?:中|当中|之中)$"
)
# A period a figure is counted in: 在春节假期期间，/ 在去年的头三个月中， (the setting of an event
# without a figure, 在就业援助月期间举办活动, may go).
_PERIOD_CLAUSE = re.compile(
    r"^(?:在|于)[^，,；;：:]{1,40}期间$"
    r"|^(?:在|于)[^，,；;：:]*(?:年|月|季度?|时段|期|周|天|日|届)(?:中|当中|之中)$"
)


def frames_next(clause: str, following: str = "") -> bool:
    """Whether ``clause`` sets the condition, concession, comparison or time of the clause after
    it (``following``: a period frames it when it holds a figure)."""
    return bool(
        FRAMING_CLAUSE.search(clause)
        or (_DATE_CLAUSE.match(clause) and TIME_ONLY.match(clause))
        or _SET_CLAUSE.match(clause)
        or SINCE.search(clause)  # 入冬以来, 近年来, 改革开放40多年来
        or (_PERIOD_CLAUSE.match(clause) and has_quantity(following))
    )


def edits(summary: str, source: str) -> Sequence[tuple[str, int, int, int, int]]:
    """The edits that make ``summary`` of ``source``, as difflib's opcodes (source span, summary
    span), those that touch no character of the source left out."""
    core = summary.rstrip(ENDS)
    at = source.find(core) if core else -1
    opcodes: Sequence[tuple[str, int, int, int, int]]
    if at >= 0:
        # The common case, a run of the sentence: only its two ends are cuts.
        end = len(core)
        opcodes = [("delete", 0, at, 0, 0), ("delete", at + end, len(source), end, end)]
    else:
        opcodes = difflib.SequenceMatcher(None, source, summary, autojunk=False).get_opcodes()
    return [opcode for opcode in opcodes if opcode[1] < opcode[2]]


def deletion_cuts(summary: str, source: str) -> list[str]:
    """Deletions that cut inside a word or a name, as problems (empty: every cut is clean).

    ``source`` is the text the summary was compressed from (its sentences, in order). Inserted
    text (an actor named in front) and changed punctuation are not deletions.
    """
    problems: list[str] = []
    for op, i1, i2, _, _ in edits(summary, source):
        if op not in ("delete", "replace") or all(ch in _PUNCTUATION for ch in source[i1:i2]):
            continue
        # Segmented here (once: cached), only when a deletion has edges to check: a summary that
        # is its whole sentence (up to the stops) deletes nothing but punctuation.
        boundaries, names = _spans(source)
        deleted = source[i1:i2]
        # A replacement is inserted text (an actor named in front), not compression's own cut.
        meaning = _meaning_lost(source, i1, i2) if op == "delete" else None
        if meaning:
            problems.append(f"deletion of {deleted!r} {meaning}")
            continue
        for edge in (i1, i2):
            if edge not in boundaries:
                problems.append(
                    f"deletion of {deleted!r} cuts inside a word ({source[max(0, edge - 4) : edge + 4]!r})"
                )
                break
            name = next((source[s:e] for s, e in names if s < edge < e), None)
            if name:
                problems.append(f"deletion of {deleted!r} cuts inside the name {name}")
                break
    return problems


_CLAUSE_MARKS = frozenset(CLAUSE_MARKS + "…")


def _meaning_lost(source: str, start: int, end: int) -> str | None:
    """Why deleting ``source[start:end]`` changes what the words kept after it say, or None.

    Only a deletion with kept words of its own sentence after it counts: a clause cut from the end
    takes its meaning with it. Whole clauses: the last one deleted must not frame the next one
    kept. Words inside a clause: none may carry tense, aspect, negation, scope or time.
    """
    rest = source[end:]
    if not rest or rest[0] in ENDS or not rest.strip("".join(_PUNCTUATION)):
        return None
    # Whole sentences skipped between the summary's sentences take nothing from the kept ones.
    last_stop = max(source.rfind(stop, start, end) for stop in ENDS)
    if last_stop >= 0:
        start = last_stop + 1
        if start >= end:
            return None
    deleted = source[start:end]
    # A sentence's opening (a dateline and byline, a filler) is deleted by kind, never by word.
    leading = start == 0 or source[start - 1] in ENDS
    opens = leading or source[start - 1] in _CLAUSE_MARKS or deleted[0] in _CLAUSE_MARKS
    if leading or (opens and (deleted[-1] in _CLAUSE_MARKS or rest[0] in _CLAUSE_MARKS)):
        # Whole clauses: the last one deleted must not be what the next one kept depends on.
        clauses = [c.strip() for c in _CLAUSE_SPLIT.split(deleted) if c.strip()]
        following = _CLAUSE_SPLIT.split(rest.lstrip("".join(_CLAUSE_MARKS)), maxsplit=1)[0]
        if clauses and frames_next(clauses[-1], following):
            return "drops a clause that frames the one kept after it"
        return None
    # A bracketed aside, a quoted theme: whole constituents, whatever words they hold.
    for word, _ in tagged(ASIDE.sub("", _ENCLOSED.sub("", deleted))):
        if word in MEANING_WORDS:
            return f"drops {word!r}, which carries tense, negation, scope or time"
    return None


_OPENING_BRACKET = re.compile(r"[（(]")


def shortened_names(summary: str, source: str) -> list[str]:
    """Names the summary gives without the qualifier the article always prints with them."""
    problems = []
    for name in sorted({n for _, _, n in qualified_names(source)}):
        head = _OPENING_BRACKET.split(name, maxsplit=1)[0]
        if head not in summary or name in summary:
            continue
        # The head on its own in the article (刚果 as well as 刚果（金）) may be meant as it is.
        bare = source.replace(name, "")
        if head in bare:
            continue
        problems.append(f"name {head} is a shortened form of {name}")
    return problems


# A closing clause that only sets up another: its main clause was cut away.
_SETUP_CLAUSES = (
    # 应巴西总统邀请 / 应邀 / 应……之邀
    re.compile(r"^(?:[^，；：]{0,12}?)应[^，；：]{0,40}(?:邀请|之邀|邀)$"),
    # 在……后 / 然而在8年后 / 随着……的推进 / 当……时 / ……期间
    re.compile(
        r"^(?:然而|但是?|而|可是?|不过|同时|此外|其中|并且?|且)?(?:在|于|当|随着|自从?|从|经过|截至|截止|待|等到|直到)"
        r"[^，；：]{0,80}(?:后|之后|以后|以来|前|之前|以前|时|之时|中|期间|之际|过程中|背景下|情况下|基础上|推进|推动|下|上|里|内)$"
    ),
    # 随着……: a development that leads into what it brings
    re.compile(r"^(?:然而|但是?|而|同时|此外|眼下|如今|当前|目前)?随着[^，；：]{0,60}$"),
    # 从建设者到运动健儿: a range that leads into the clause it qualifies
    re.compile(r"^(?:从|自)[^，；：]{0,40}到[^，；：]{0,40}$"),
    # 包括……在内的8部电影: a subject whose predicate is cut away
    re.compile(r"^包括[^，；：]{0,60}在内的?[^，；：]{0,20}$"),
    # 经中共中央批准 / 经双方协商: an approval that leads into what was approved
    re.compile(r"^经[^，；：]{0,30}(?:批准|同意|研究|协商|批复)$"),
    # 从1981年到: a range cut before its end
    re.compile(r"(?:从|自)[^，；：]{0,40}(?:到|至)$"),
    # 2015年1月: a date with nothing dated
    re.compile(
        r"^[0-9０-９一二三四五六七八九十〇]{1,4}[年月日号](?:[0-9０-９一二三四五六七八九十]{1,2}[月日号])*(?:[上下中]午|晚|底|初|[上中下]旬)?$"
    ),
    re.compile(r"(?:期间|之际|之时|的同时)$"),
    # ……，今天。: a time with nothing that happens in it
    re.compile(rf"^(?:{_NOW}|今天|此时|当时|今年|去年|明年|近年来|当下)$"),
    # 虽然…… / 如果…… / 只要……: a concession or a condition without its consequence
    re.compile(
        rf"^(?:{CONDITION_OPENERS}|由于|因为|为了)"
        r"[^，；：]{1,50}$"
    ),
    # 凡是有华侨的地方: "wherever", without the 都 of what happens there
    re.compile(r"^凡是(?![^，；：]*[都就也])[^，；：]{1,50}$"),
    # ……无论是工作日还是假期: 无论 without the 都 of what holds either way
    re.compile(r"(?:无论|不论|不管)(?![^，；：]*[都也总])[^，；：]{1,50}$"),
    # 特别是经过了……的冲刺筹备: 经过 and what was gone through, leading into what it achieved
    re.compile(r"^(?:特别是|尤其是|而且|并且|同时)?经过了?[^，；：]{0,60}$"),
    # 对……来说 / 对于……而言: the point of view of a statement that is cut away
    re.compile(r"^(?:[^，；：]{0,6}?)对于?[^，；：]{1,30}(?:来说|而言)$"),
    # 据……报道 / 据了解: an attribution with nothing attributed
    re.compile(r"^据[^，；：]{0,20}(?:报道|消息|介绍|透露|了解|悉|统计|称)$"),
    # 主要包括 / 具体如下 / 分别是: an announcement of a list that never comes
    re.compile(r"(?:包括|如下|分别是|分别为|有以下|以下几点)$"),
)
# The segmenter's words of "when" and "after" that end a subordinate clause; the words that make
# such a time the predicate of the clause instead (生日在春节后, 婚期为国庆后), or the end of
# what it says (推迟到春节以后, 躲到了门后).
_WHEN_AFTER = frozenset("时 之时 后 之后 以后".split())
_TIME_PREDICATES = frozenset("在 于 是 为 到 至".split())
_CORRELATIVE = re.compile(r"不仅|不但|不只|不光")
_CORRELATIVE_SECOND = re.compile(r"而且|并且|还|也|更|同时|又|甚至|乃至")
_SENTENCE = re.compile(rf"[^{ENDS}]+[{ENDS}]+[”’」』）)]*")
_CLAUSE_SPLIT = re.compile(r"[，,；;：:]|…+")  # 逛庙会、划龙舟……从山村到海岛: a clause each


# Coverbs that open a phrase leading into the action: 代表党中央（向……致以问候）, 按照部署（开展……）.
_COVERBS = frozenset("代表 作为 对于 关于 针对 围绕 按照 依照 根据 凭借 借助 从 自".split())
_COVERB_OPENINGS = tuple(_COVERBS)
# 在美国纽约 / 于北京: a place or a time with nothing that happens there (a list cut at its ；).
# A second coverb stands in for the verb the segmenter misses (于上周在东港通过省级复核).
_LOCATIVES = frozenset("在 于".split())
# 西岭镇百年的山乡变迁中: a noun phrase ending on a localizer of "inside", with no verb: the
# setting of a clause whose predicate was cut away (在……中 without its 在).
_INSIDE = frozenset("中 之中 当中 里 过程中".split())


def _without_predicate(clause: str) -> str | None:
    """Why a closing clause has no predicate of its own (代表党中央和中央军委: a coverb and its
    object); None when it has one."""
    # The first word is where the clause starts: a clause that starts with no coverb is not
    # segmented to be told so (most closing clauses).
    if not clause.startswith(_COVERB_OPENINGS):
        return _coverb_without_action(clause)
    words = [(w, t) for w, t in tagged(clause) if w.strip()]
    if len(words) < 2 or words[0][0] not in _COVERBS:
        return None
    # 从建设者到运动健儿: 到 and 起 mark the range, not an action.
    if _verb_after_object([(w, t) for w, t in words[1:] if w not in ("到", "至", "起")]):
        return None
    return f"ends on {words[0][0]}…… without the action it introduces"


def _verb_after_object(words: list[tuple[str, str]]) -> bool:
    """Whether the tagged ``words`` after a coverb hold a verb, a verbal noun or an idiom: the
    action the coverb leads into (依托港口发展物流: 发展 is tagged vn). A verbal noun after 的
    (作为……的重点活动) or at the end (按照历史分期) heads the coverb's object, it is no action."""
    after_de = False
    for at, (_, tag) in enumerate(words):
        after_de = after_de or tag == "uj"
        if tag == "vn" and (after_de or at == len(words) - 1):
            continue
        if tag.startswith(("v", "i", "l")):
            return True
    return False


# Before the coverb of 临江市要紧紧依托……: what may stand between the subject and it, none of
# them the clause's action (a modal, an adverb).
_MODALS = MODALS | frozenset("得以 还要 更要 仍要 也要".split())
_RANGE_WORDS = frozenset("为 到 至 起".split())  # 以……为中心, 从……到……: part of the phrase


def _acts(words: list[tuple[str, str]]) -> bool:
    """Whether the tagged ``words`` hold an action: a verb, an idiom that acts as one (因地制宜,
    贯彻落实), or an adverb before a word (暂停 d: an adverb stands before a verb)."""
    return any(
        verbal(w, t) or t in ("i", "l") or (t == "d" and i < len(words) - 1)
        for i, (w, t) in enumerate(words)
    )


# Coverbs that never stand as the clause's verb after a subject: 携手, 联合 (临江市携手东港市)
# and 针对, 依靠 (新规针对外卖平台) do, in headlines above all.
COVERBS_NEVER_MAIN = COVERBS - frozenset("携手 联手 联合 会同 协同 针对 依靠".split())


def _coverb_without_action(clause: str) -> str | None:
    """Why a closing clause is a subject and a coverb phrase whose action was cut away
    (临江市要紧密围绕以乡村振兴为中心, 工作组要依托省级平台); None otherwise."""
    if not any(coverb in clause for coverb in COVERBS_NEVER_MAIN):
        return None  # the common case, untagged
    words = [(w, t) for w, t in tagged(clause) if w.strip()]
    at = next((i for i, (w, _) in enumerate(words) if w in COVERBS_NEVER_MAIN), None)
    if not at or at == len(words) - 1:
        return None
    # A verb before the coverb is the action (坚持围绕……), and so is one after its object.
    if any(verbal(w, t) and w not in _MODALS for w, t in words[:at]):
        return None
    after = words[at + 1 :]
    # 以乡村振兴为中心: what stands between 以 and 为 names the centre, it is no action.
    frame = [w for w, _ in after]
    if "以" in frame and "为" in frame[frame.index("以") :]:
        start = frame.index("以")
        end = start + frame[start:].index("为")
        after = after[:start] + after[end:]
    after = [(w, t) for w, t in after if w not in _RANGE_WORDS]
    if _acts(after) or _verb_after_object(after):
        return None
    # 是围绕……的, 按照图形分析走势的方法: the phrase modifies a noun or ends a 是……的.
    if any(t == "uj" for _, t in after) and any(t == "vn" for _, t in after):
        return None
    if words[-1][1] == "uj":
        return None
    return f"ends on {words[at][0]}…… without the action it leads into"


def _says_the_time(clause: list[tuple[str, str]]) -> bool:
    """Whether a clause (its words and tags) that ends on a "when" or "after" says that time (他的
    生日在春节后, 他出生在战争结束后) rather than times a main clause cut away (周海在家里吃完饭后):
    its last 在, 于 or 是 governs the time word. 是 always does; 在 or 于 does after a verb, or
    with no verb between it and the time word. So do 为 (时间为……), 到 and 至 (持续到春节以后),
    save after a person or a pronoun (他到了北京后: an arrival, then what follows it). A clock
    hour (晚上8时, 17时) is a time said, and 后 after a thing reached (躲到了门后) is a place."""
    if clause[-1][0] == "时" and len(clause) > 1 and clause[-2][1] == "m":
        return True
    if (
        clause[-1][0] == "后"
        and len(clause) > 2
        and (len(clause[-2][0]), clause[-2][1]) == (1, "n")
        and any(w.endswith("到") for w, _ in clause[-4:-2])
    ):
        return True
    at = next((i for i in range(len(clause) - 2, -1, -1) if clause[i][0] in _TIME_PREDICATES), None)
    if at is None:
        return False
    if clause[at][0] == "是" or (at > 0 and clause[at - 1][1].startswith("v")):
        return True
    if at > 0 and clause[at - 1][1].startswith(("r", "nr")):
        return False
    return all(tag[:1] in tuple("ntsfmqur") for _, tag in clause[at + 1 : -1])


def _bare_setting(clause: str) -> str | None:
    """Why a closing clause is only a setting (在美国纽约, ……的历史长卷中, 改革开放40多年来,
    少先队在党的领导下); None otherwise."""
    if SINCE.search(clause):
        return f"ends on a time span ({clause[-8:]}) without what happened in it"
    framed = _FRAMED.search(clause)
    if (
        framed
        and not any(t.startswith("v") for _, t in tagged(clause[: framed.start()]))
        and (not framed.group("time") or any(verbal(*w) for w in tagged(framed["inside"])))
    ):
        return f"ends on a setting ({framed.group(0)[-8:]}) without what happens in it"
    locative = clause.startswith(tuple(_LOCATIVES))
    if not locative and not clause.endswith(tuple(_INSIDE)):
        return None
    words = [(w, t) for w, t in tagged(clause) if w.strip()]
    if locative:
        if len(words) < 2 or words[0][0] not in _LOCATIVES:
            return None
        if any(t.startswith(("v", "i", "l", "p")) or verbal(w, t) for w, t in words[1:]):
            return None
        return f"ends on {words[0][0]}…… with nothing that happens there"
    if len(words) < 2:
        return None
    before = words[:-1]
    last, tag = words[-1]
    if len(last) >= 2 and last[-1] in "里中" and tag.startswith("n"):
        # ……商场的分店里: the segmenter joins the place word to its noun (分/v 店里/n), and reads
        # the noun's first character as a verb.
        if len(before[-1][0]) == 1 and before[-1][1].startswith("v"):
            before = before[:-1]
    elif last not in _INSIDE or tag != "f":
        return None
    # 定格于……中: a coverb follows the verb the segmenter missed.
    if any(t.startswith(("v", "i", "l", "p")) or verbal(w, t) for w, t in before):
        return None
    return f"ends on a setting ({clause[-8:]}) without what happens in it"


# 少先队在党的领导下: a subject and the setting of an action cut away (他倒在血泊中 has its verb
# before 在).
# 市长在听取汇报后 / 市长在会见时: when the subject acts, and not what it does; only with a verb
# inside the frame, since 在 is the main verb of 生日在春节后, 新房在村后.
_FRAMED = re.compile(
    r"在(?P<inside>[^，；：在]{1,30}?)(?:领导下|帮助下|支持下|带领下|指导下|推动下|之下|基础上|前提下"
    r"|情况下|背景下|过程中|(?P<time>"
    # The words of "when" and "after" (时 not in 小时, 及时, 按时 …), or of "during".
    + "|".join(sorted(_WHEN_AFTER - {"时"}, key=lambda w: (-len(w), w)))
    + r"|(?<![小及按准随暂当定适])时|期间|之际))$"
)
# 改革开放40多年来 / 入冬以来: a time span leading into what happened in it (明年来 is a verb).
SINCE = re.compile(r"(?:[0-9０-９一二三四五六七八九十百千几多余近]年|以)来$")
# ……在发布会上表示。: a speech verb whose words were cut away (……”他说。 keeps its quotation).
_SPEECH_END = re.compile(
    r"(?:表示|指出|强调|认为|介绍|透露|坦言|宣布|提出|声称|宣称|(?<![这那所来以是如再据听可])说)$"
)
# 之所以……, 是因为/在于……: the reason it promises.
_BECAUSE = re.compile(r"之所以")
_REASON = re.compile(r"因为|由于|在于|原因|是")


# An aside in brackets, full-width or half-width: compression deletes it whole (compress), and the
# audit reads it as one constituent, whatever words it holds (不含民办学校).
ASIDE_MAX = 40  # the characters an aside holds at most
ASIDE = re.compile(rf"[（(][^（）()]{{0,{ASIDE_MAX}}}[）)]")
# Quotations, titles and asides: their inner clauses are not the sentence's.
_ENCLOSED = re.compile(r"“[^“”]*”|《[^《》]*》|（[^（）]*）|『[^『』]*』|「[^「」]*」")
_QUOTE_OPENERS = "“『「"
_SPOKEN = re.compile(r"[，,。！？!?；;：:…]")


def _said_or_named(match: re.Match) -> str:
    """Q for a quotation of words said (a clause or a sentence: a stop or a comma inside, or
    long), X for anything else enclosed (a name in quotes, a title, an aside)."""
    text = match.group(0)
    inner = text[1:-1]
    if text[0] in _QUOTE_OPENERS and (_SPOKEN.search(inner) or len(inner) >= 12):
        return "Q"
    return "X"


# Verbs whose object is who is asked, told or urged, and then what: 要求各地加强……,
# 呼吁各方保持克制. With only the addressee left (要求全县各乡镇。) the demand was cut away.
# 告诉 too, but its object never is what is told: 告诉自己。 is cut, 告诉我一个秘密 has two objects.
_TOLD_VERBS = frozenset("告诉 告知".split())
_DEMAND_VERBS = (
    frozenset("要求 呼吁 号召 敦促 督促 责成 动员 叮嘱 嘱咐 提醒 告诫 勉励".split()) | _TOLD_VERBS
)
# Nouns and names (n*), pronouns (r), 、 (x), 和 (c); a number, a measure word or a
# demonstrative (这个) opens the thing asked for, not whom it is asked of.
_ADDRESSEE_TAGS = frozenset("n r j b x c")
_DEMONSTRATIVES = tuple("这那此该某")
# Whom a demand addresses, marked as such: 各地, 全县, 全体党员, or a list (各乡镇、各村).
_ADDRESSEE_MARKS = ("各", "全")
# 严格要求自己 is a whole act (the segmenter keeps it one word).
_DEMAND_WHOLE = re.compile(r"(?:严格|从严)$")


def _demand_without_content(clause: str) -> str | None:
    """Why a closing clause is a demand with only whom it addresses (要求全县各乡镇、各村);
    None otherwise."""
    if not any(verb in clause for verb in _DEMAND_VERBS):
        return None  # the common case, untagged
    words = [(w, t) for w, t in tagged(clause) if w.strip()]
    at = next(
        (
            i
            for i, (w, t) in enumerate(words)
            if w in _DEMAND_VERBS and t.startswith("v") and t != "vn"
        ),
        None,
    )
    if at is None or at == len(words) - 1:
        return None  # 提出三点要求: a noun, the demand itself
    # 严格要求自己: one act; 一所希望小学, 上级的要求: a noun, not a demand.
    if at and (_DEMAND_WHOLE.search(words[at - 1][0]) or words[at - 1][1] in ("m", "q", "uj")):
        return None
    # Only whom it addresses: names, nouns, pronouns, numbers, joined by 、和与及等. Anything
    # else is (or may be: 弘扬 is tagged a name) what is demanded: 要求各地加强……, 要求各地X,
    # 号召在全县……, or 要求 is a noun (标准要求严).
    after = words[at + 1 :]
    if _acts(after) or not all(
        t[:1] in _ADDRESSEE_TAGS and w != "X" and not w.startswith(_DEMONSTRATIVES)
        for w, t in after
    ):
        return None
    # 要求公平待遇, 呼吁和平: a noun is what is asked for, unless marked as whom it addresses;
    # after 告诉 one word is whom (告诉记者), a second is what is told (告诉我秘密).
    if words[at][0] in _TOLD_VERBS:
        if len(after) > 1:
            return None
    elif not after[0][0].startswith(_ADDRESSEE_MARKS) and not any(w == "、" for w, _ in after):
        return None
    return f"ends on {words[at][0]} and whom it addresses, without what is asked"


def dangling_clause(sentence: str, *, after_quotation: bool = False) -> str | None:
    """Why ``sentence`` (ending in 。！？) has lost its main clause, or None when it has not.

    ``after_quotation``: the sentence follows a quoted one (“……。”他说。), whose words a
    closing speech verb reports."""
    body = sentence.rstrip("”’」』）) ").rstrip(ENDS + "…").strip()
    if not body:
        return None
    if body[-1] in "—–-：:，,、；;":
        return f"ends on {body[-1]!r} before its stop"
    # The last clause outside quotes: a quotation's inner clauses are the speaker's.
    outside = _ENCLOSED.sub("X", body)
    last = _CLAUSE_SPLIT.split(outside)[-1].strip()
    if any(opener in last for opener in _QUOTE_OPENERS):
        return None  # 他说：“在8年后。”: the sentence ends inside the speaker's words
    for pattern in _SETUP_CLAUSES:
        if pattern.search(last):
            return f"ends on a clause that only sets up another ({last[-12:]})"
    # ……，当周海接过奖状时。 ……，星城的球队集训三个月后。: the "when" or "after" of a clause
    # whose opener stands in an earlier clause or inside it (the patterns above read only a
    # clause that opens on it); the main clause it times is cut away. Words that end on the
    # same character (小时, 同时, 最后, 此后) are whole times, and so is a clock hour (晚上8时);
    # where 在, 于, 是, 为, 到 or 至 governs the time, it is what the clause says (他的生日在
    # 春节后, 他出生在战争结束后, 推迟到春节以后).
    if last[-1:] in "时后":
        clause = tagged(last)
        if clause[-1][0] in _WHEN_AFTER and not _says_the_time(clause):
            return f"ends on a clause that only sets up another ({last[-12:]})"
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(outside)]
    # 飘荡在渔夫的号子里，船娘的歌谣里: the last of parallel settings shares the verb before.
    parallel = len(clauses) > 1 and last[-1:] in "里中" and clauses[-2][-1:] == last[-1:]
    why = _without_predicate(last) or (None if parallel else _bare_setting(last))
    if why:
        return why
    # “……”，他表示。 says it after the quotation: only a speech verb with nothing said is cut.
    # A short quotation without a stop in it is a name (“丝路港口”研究所研究员……表示), not
    # what was said; after a quoted sentence (“……。”他说。) the words said are the one before.
    if _SPEECH_END.search(last) and not after_quotation:
        spoken = _ENCLOSED.sub(_said_or_named, body)
        said_last = _CLAUSE_SPLIT.split(spoken)[-1].strip()
        said_before = spoken[: len(spoken) - len(said_last)].rstrip("，,；;：: ")
        if "Q" not in said_last and not said_before.endswith("Q"):
            return f"ends on {last[-2:]} without what was said"
    why = _demand_without_content(last)
    if why:
        return why
    reason = _BECAUSE.search(outside)
    if reason and not _REASON.search(outside, reason.end()):
        return "之所以…… without the reason it promises"
    if len(clauses) > 1 and clauses[0].startswith(("从", "自")) and clauses[-1].startswith("到"):
        return "从……，到…… without the clause it leads into"
    first = _CORRELATIVE.search(outside)
    if first and not _CORRELATIVE_SECOND.search(outside, first.end()):
        return f"{first.group(0)}…… without its second half"
    both = _BOTH.search(outside)
    if both and not _BOTH_SECOND.search(outside, both.end()):
        return "既…… without its 又/也 half"
    concession = next((i for i, c in enumerate(clauses) if _CONCESSION.match(c)), None)
    if concession is not None and not any(
        _MAIN_AFTER_CONCESSION.search(c) for c in clauses[concession + 1 :]
    ):
        return f"{clauses[concession][:4]}…… without the main clause it concedes to"
    purpose = _PURPOSE.match(clauses[0])
    if (
        purpose
        and (
            _PURPOSE_VERB.match(clauses[0], purpose.end())
            or _opens_on_verb(clauses[0][purpose.end() :])
        )
        and all(_opens_on_verb(c) for c in clauses[1:])
    ):
        return "为…… (a purpose) with no one who acts on it"
    return None


_BOTH = re.compile(r"既(?![然定往而])")
_BOTH_SECOND = re.compile(r"又|也|还|更|同时")
_CONCESSION = re.compile(r"^(?:虽然|虽说|尽管)")
_MAIN_AFTER_CONCESSION = re.compile(r"^(?:但|但是|却|可|可是|然而|不过)|却|仍|还是|依然|依旧|也")
# 为庆祝……，展现……，揭示……。: purposes strung together, the clause that acts on them cut away.
_PURPOSE = re.compile(r"^为了?(?=[\u4e00-\u9fff]{2})")
# Verbs of purpose the segmenter tags as nouns (纪念 n): 为纪念……
_PURPOSE_VERB = re.compile(
    r"庆祝|纪念|推动|促进|加强|落实|贯彻|深入|进一步|更好|切实|确保|保障|满足|展现|助力|迎接|帮助|"
    r"解决|推进|提高|提升|加快|实现|弘扬|传承|丰富|做好"
)


def _opens_on_verb(clause: str) -> bool:
    words = [(w, t) for w, t in tagged(clause[:10]) if w.strip()]
    # 全面展现……, 进一步加强……: an adverb of scope or degree (which compression keeps) before the verb.
    while len(words) > 1 and words[0][0] in _DEGREE_ADVERBS:
        words = words[1:]
    return bool(words) and words[0][1].startswith("v") and words[0][1] != "vn"


_DEGREE_ADVERBS = DEGREE


_DECORATION = DECK_MARKS + " 　"
_QUOTED_SENTENCE = re.compile(r"^[“「『][^“”「」『』]*[”」』][。！？!?]?$")
# 要贯彻……, 必须坚持……: an instruction whose speaker is cut away.
_DIRECTIVE = re.compile(r"^(?:要|必须|务必|应当|一定要)(?![求闻素点])")
_DIRECTIVE_OPENING = re.compile(rf"(?:^|[{ENDS}])[{_DECORATION}]*(?:要|必须|务必|应当|一定要)")


def unattributed_quotations(text: str) -> list[str]:
    """Problems: sentences of ``text`` that are nothing but a quotation or an instruction, with
    who says it cut away."""
    if (
        "“" not in text
        and "「" not in text
        and "『" not in text
        and not _DIRECTIVE_OPENING.search(text)
    ):
        return []  # the common case, without splitting sentences
    problems = []
    sentences = split_sentences(text)
    for at, sentence in enumerate(sentences):
        core = sentence.text.strip(_DECORATION)
        following = (
            sentences[at + 1].text.rstrip(ENDS + "”’」』 ") if at + 1 < len(sentences) else ""
        )
        if _QUOTED_SENTENCE.match(core) and _SPEECH_END.search(following):
            continue  # “……。”周海说。: the next sentence says who said it
        if _QUOTED_SENTENCE.match(core):
            problems.append(f"sentence {core[:16]!r}… is a quotation without its speaker")
        elif _DIRECTIVE.match(core):
            problems.append(f"sentence {core[:16]!r}… is an instruction without who gives it")
    return problems


def dangling_clauses(text: str) -> list[str]:
    """Problems: each sentence of ``text`` (those ending in a stop) that ends on a set-up clause."""
    problems = []
    quoted = False
    for match in _SENTENCE.finditer(text):
        why = dangling_clause(match.group(0), after_quotation=quoted)
        quoted = match.group(0).rstrip()[-1:] in "”」』"
        if why:
            problems.append(f"sentence {match.group(0)[:16]!r}… {why}")
    return problems
