"""Compression inside a sentence: delete what carries no news, keep who, what, where, when, how many.

Everything here only deletes spans of the source, so figures, quotations and names survive
unchanged; the guard still checks the result because deletions can join words into new ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..conventions import LINE_LABEL, PARAGRAPH_NUMBER
from ..text import fold_width, tagged, words
from .references import unresolved_reference
from .sentences import DECK_MARKS, ENDS, has_quantity, split_clauses, split_dateline
from .wholeness import (
    ASIDE,
    FRAME,
    POINTING_FRAME,
    TIME_START,
    TIME_ONLY,
    dangling_clause,
    frames_next,
    qualified_names,
)

# Clauses that are nothing but a filler: 据了解，一大早，近日，此外，
FILLER_CLAUSE = re.compile(
    r"^(?:据了解|据悉|据介绍|据统计|据报道|另悉|又讯|一大早|近日|日前|近期|连日来|此外|同时|另外|与此同时"
    r"|值得一提的是|值得注意的是|需要指出的是|众所周知|不难看出|总的来说|总之|会上|会议上|活动中|活动现场|现场|整治现场"
    r"|记者(?:从|在)?[^，。]{0,24}(?:获悉|了解到|看到|注意到)|记者了解到|首先|其次|最后|下一步"
    r"|结合(?:工作|自身|岗位|地方|本地)?实际|多措并举|精心组织|周密部署|高度重视"
    # Atmosphere, not news: 活动现场气氛热烈，现场一片欢声笑语，
    r"|(?:活动)?现场(?:气氛|氛围)?(?:十分|非常|格外|很是)?(?:热烈|活跃|浓厚|火爆)|(?:活动)?现场一片欢声笑语)$"
)
# The same words opening a clause without a comma after them.
_FILLER_PREFIX = re.compile(
    r"^(?:据了解|据悉|据介绍|此外|同时|另外|与此同时|近日|日前|连日来)(?=[\u4e00-\u9fff“《])"
)
# 为了丰富……，为进一步……，: a purpose clause that opens the sentence.
PURPOSE = re.compile(
    r"^(?:为了|为(?:进一步|全面|切实|深入|更好地?|有效|加快|推进|推动|做好|确保|加强|营造|丰富|提高|提升|促进|满足|落实"
    r"|贯彻|庆祝|迎接|纪念|帮助|方便|保障|巩固|深化|增强|助力|弘扬|强化|扎实|持续|不断|传承|宣传|普及|规范|优化|构建"
    r"|打造|激发|引导|发挥|实现|解决|防范|预防|减少|坚持|认真|积极|大力|广泛|让|使))"
)
ORG_SUFFIX = re.compile(
    r"(?:局|委|会|院|部|厅|办|所|处|站|队|中心|社区|街道|政府|公司|集团|学校|大学|医院|银行|馆|协会|妇联|团委|工青妇"
    r"|村|镇|乡|县|区|市|省|州|署|组|军|社|台|党员|群众|居民|人员|干部|职工|代表|团)"
)
# 附记：……, 【链接】……, （二）……, ５、……: a paragraph's label or number before its sentence.
_PARAGRAPH_LABEL = re.compile(
    rf"^(?:[【\[〔]\s*(?:{LINE_LABEL})\s*[】\]〕]\s*[：:]?|(?:{LINE_LABEL})\s*[：:]|{PARAGRAPH_NUMBER})\s*"
)
BOOK_TITLE = re.compile(r"《[^《》]*》")  # the name of a work: 《绕道》
_NOTE = re.compile(r"[（(](?:附|图|摄|记者|本报|传真|新华社|照片)[^（）()]{0,30}[）)]")
IDIOM_DE = re.compile(
    r"(?:别开生面|丰富多彩|形式多样|内容丰富|精彩纷呈|如火如荼|有声有色|扎实有效|卓有成效|热火朝天)的"
)


# 由……主办的……节在……举办: a subject named by who holds it, not more of the purpose before it.
# Only the verbs of holding an event: those of making a work or a building (由……设计的) were
# guessed, and changed no summary.
_AGENT_SUBJECT = re.compile(r"^由[^，；：]{1,40}(?:主办|承办|协办|举办|组织|发起)的")


def _starts_main_clause(clause: str) -> bool:
    """Whether ``clause`` starts the news (a time, an actor) rather than continuing a purpose."""
    if TIME_START.match(clause) or _AGENT_SUBJECT.match(clause):
        return True
    tags = tagged(clause[:16])
    if not tags:
        return False
    word, tag = tags[0]
    if tag in ("t", "m", "r", "nt") or tag.startswith("nt"):
        return True
    if tag[0] == "n" and ORG_SUFFIX.search(clause[:14]):
        return True
    return False


def _is_purpose(clause: str) -> bool:
    """为了……/为进一步……/为 + verb: a clause that says why, not what happened."""
    if PURPOSE.match(clause):
        return True
    if not clause.startswith("为") or len(clause) < 4:
        return False
    tags = tagged(clause[:10])
    return (
        len(tags) >= 2 and tags[0][0] == "为" and tags[1][1].startswith("v") and tags[1][1] != "vn"
    )


def drop_opening(clauses: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop fillers, purpose clauses and framing clauses at the start of a sentence."""
    clauses = list(clauses)
    while len(clauses) > 1:
        first = clauses[0][0]
        if frames_next(first, clauses[1][0]):
            break  # 目前，/ 在……期间，/ 在今年的比赛中，: the next clause holds only within it
        if FILLER_CLAUSE.match(first) or FRAME.match(first):
            clauses.pop(0)
            continue
        if POINTING_FRAME.match(first) and not _points_back(clauses[1:]):
            clauses.pop(0)
            continue
        if _is_purpose(first):
            # The purpose runs on through clauses that start with a verb, until a time or an actor.
            end = 1
            while end < len(clauses) and not _starts_main_clause(clauses[end][0]):
                end += 1
            if end < len(clauses):
                del clauses[:end]
                continue
        break
    text, mark = clauses[0]
    clauses[0] = (_FILLER_PREFIX.sub("", text) or text, mark)
    return [(c, m) for c, m in clauses if not FILLER_CLAUSE.match(c)] or clauses[:1]


def _points_back(clauses: list[tuple[str, str]]) -> bool:
    """Whether the clauses point to what they do not name (:mod:`.references`)."""
    return unresolved_reference("".join(c + m for c, m in clauses)) is not None


# ……，让辖区群众感受到温暖 / 进一步营造……氛围: a closing clause that states an intended effect.
EFFECT_TAIL = re.compile(
    r"^(?:让|使|使得|以此|从而|进一步|助力|营造|推动|促进|努力|力争|切实|为|共同|一起|感受|旨在|以)"
)
# Manner adverbs only: 同步, 共同, 分别, 先后 say how things relate (与……同步举行) and stay, and
# so do the words of scope, aspect and degree (全面, 不断, 进一步: wholesale, ongoing, a step
# further; verbs.MEANING_WORDS).
EMPTY_ADVERB_WORDS = frozenset(
    "积极 认真 深入 切实 大力 扎实 有效 充分 主动 热情 耐心 精心 广泛 稳步 纷纷 亲切 隆重 顺利".split()
)


_BOUND_PREFIXES = frozenset("可 非 无 不可".split())


# Any of the words tidy() may delete, anywhere: a clause without one is left as it is, untagged.
# Sorted to one order (not the set's, which changes from run to run) so that the pattern is the
# same in every process and the pattern cache keeps it.
_TIDY_WORDS = re.compile(
    "了|"
    + "|".join(sorted(EMPTY_ADVERB_WORDS, key=lambda w: (-len(w), w)))
    + "|"
    + IDIOM_DE.pattern
)


def tidy(clause: str) -> str:
    """Word-level deletions: empty adverbs before a verb, 了 after one, stock idioms before 的."""
    if not _TIDY_WORDS.search(clause):
        return clause  # the segmenter's words join back into the clause: nothing to delete
    tags = tagged(clause)
    out: list[str] = []
    for i, (word, tag) in enumerate(tags):
        following = tags[i + 1][1] if i + 1 < len(tags) else ""
        # After a bound prefix (可|持续|发展 as the segmenter cuts it) the adverb is part of a term.
        bound = bool(out) and out[-1] in _BOUND_PREFIXES
        if (
            word in EMPTY_ADVERB_WORDS
            and following[:1] in ("v", "p", "d")
            and i + 1 < len(tags)
            and not bound
        ):
            continue
        if (
            word == "了"
            and tag == "ul"
            and out
            and tags[i - 1][1].startswith("v")
            and (following not in ("", "x") or (following == "x" and tags[i + 1][0] in ("“", "《")))
        ):
            continue
        if tag in ("i", "l") and following == "uj" and IDIOM_DE.match(word + "的"):
            tags[i + 1] = ("", "x")
            continue
        out.append(word)
    return "".join(out)


_SERIES_ITEM = re.compile(r"^以[^，；：]{1,30}为")


def drop_effect_tail(clauses: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop closing clauses that state an intended effect, keeping at least the first clause,
    and never the object of a verb kept (要求各乡镇，切实做好……: what is demanded)."""
    while (
        len(clauses) > 1
        and EFFECT_TAIL.match(clauses[-1][0])
        and not any(ch.isdigit() for ch in clauses[-1][0])
        # 以……为核心，以……为两翼的企业集团: a series that describes a noun, not a purpose
        and not _SERIES_ITEM.match(clauses[-1][0])
        and not dangling_clause(join_clauses(clauses[:-1]))
    ):
        clauses = clauses[:-1]
    return clauses


_ATTRIBUTION_CLAUSE = re.compile(r"^据[^，,；;：:]{1,16}(?:报道|消息|介绍|透露|称)$")
# 对……工作进行检查指导，开展……: the procedure says less than the action after it.
_PROCEDURE = re.compile(
    r"对[^，；：]{6,}?(?:工作|情况|落实情况)?(?:进行|开展)了?(?:检查指导|督导检查|检查督导|调研指导|督查指导|实地检查|实地调研"
    r"|检查|指导|督导|督查|调研|视察|摸排|巡查)$"
)
_CONCRETE_NEXT = re.compile(
    r"^(?:并|同时|还|随即)?(?:开展|组织|拆除|查处|整治|清理|督促|排查|发放|救助|帮助|查获|抓获|关停|取缔|处罚|整改|更换|维修|安装|完成|落实|推进)"
)
# ……并取得实效 / 取得良好效果: a claim of success that states nothing.
_EMPTY_RESULT = re.compile(
    r"(?:并|且)?取得了?(?:实效|成效|良好效果|良好成效|积极成效|显著成效|明显成效|阶段性成效|圆满成功)$"
)
# 以“春风送岗促就业”为主题的 / 主题为“……”的: a theme slogan that only names the activity.
_THEME = re.compile(
    r"以“[^“”]{2,40}”为(?:主题|题)的?|(?:主题为|主题是)“[^“”]{2,40}”的?|“[^“”]{6,40}”主题(?=活动|宣传|教育|党日|实践)"
)


def drop_procedure(clauses: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``X对……进行检查指导，开展……`` -> ``X开展……``; ``……并取得实效`` loses its empty result."""
    out: list[tuple[str, str]] = []
    carry = ""
    for i, (clause, mark) in enumerate(clauses):
        clause = carry + clause
        carry = ""
        following = clauses[i + 1][0] if i + 1 < len(clauses) else ""
        match = _PROCEDURE.search(clause)
        if match and following and _CONCRETE_NEXT.match(following):
            actor = clause[: match.start()]
            if not actor or TIME_START.match(actor) and len(actor) <= 8:
                if actor:
                    out.append((actor, mark))
                continue
            carry = actor  # the actor runs straight on into the action: X开展……
            continue
        trimmed = _EMPTY_RESULT.sub("", clause) if len(clause) > 8 else clause
        out.append((trimmed or clause, mark))
    if carry:
        out.append((carry, ""))
    return out


def _protected(clause: str) -> list[tuple[int, int]]:
    """Spans no deletion may touch: names with their bracketed qualifier (刚果（金）) and 《titles》."""
    spans = [(start, end) for start, end, _ in qualified_names(clause)]
    return spans + [(m.start(), m.end()) for m in BOOK_TITLE.finditer(clause)]


def delete_asides(clause: str, *, keep_figures: bool) -> str:
    """Delete bracketed asides, except a name's qualifier or a title's (《条例（试行）》), and,
    with ``keep_figures``, an aside that holds a figure (it may be the key number)."""
    if "（" not in clause and "(" not in clause:
        return clause
    protected = _protected(clause)

    def aside(match: re.Match) -> str:
        inside = any(start < match.end() and match.start() < end for start, end in protected)
        if inside or (keep_figures and any(c.isdigit() for c in match.group(0))):
            return match.group(0)
        return ""

    return ASIDE.sub(aside, clause)


def clean_clause(clause: str, *, squeeze: bool = False) -> str:
    """Delete notes and asides inside a clause; ``squeeze`` also drops theme slogans and stock idioms.

    Deletions are whole constituents: empty adverbs go word by word in :func:`tidy`, never as a
    run of characters (可持续发展 keeps its 持续).
    """
    clause = _NOTE.sub("", clause)
    if squeeze:
        clause = _THEME.sub("", clause) or clause
        clause = delete_asides(clause, keep_figures=False)
        clause = IDIOM_DE.sub("", clause)
    else:
        clause = delete_asides(clause, keep_figures=True)
    return clause.strip()


def compress_clauses(sentence: str, *, squeeze: bool = False) -> list[tuple[str, str]]:
    """The sentence's clauses after deleting dateline, opening fillers, purposes and asides."""
    # The summarizer compresses the same sentence several times (is there anything to summarize,
    # then the fit with and without squeezing, then a figure or a title from it): the last
    # compressions are kept, and each caller gets its own list.
    return list(_compressed(sentence, squeeze))


def _unlabelled(sentence: str) -> str:
    # ■ and the like mark a deck of key points, 附记： or ５、 a paragraph: marks, not words.
    return _PARAGRAPH_LABEL.sub("", sentence.lstrip(DECK_MARKS + " 　"), count=1)


@lru_cache(maxsize=256)
def _compressed(sentence: str, squeeze: bool) -> tuple[tuple[str, str], ...]:
    # A dateline opens the first paragraph; in scraped text it may open any line. A label stands
    # before it (快讯：本报临江1月5日电……) or after it (本报临江1月5日电快讯：……).
    _, sentence = split_dateline(_unlabelled(sentence))
    clauses = split_clauses(_unlabelled(sentence))
    if not clauses:
        return ()
    clauses = drop_effect_tail(drop_procedure(drop_opening(clauses)))
    if squeeze and len(clauses) > 1:
        # Framing clauses past the first (在……期间，) go when space is short, and so does an
        # opening attribution (据《卫报》报道，) that would otherwise be all that fits.
        clauses = clauses[:1] + [
            (c, m)
            for i, (c, m) in enumerate(clauses[1:], 1)
            if not FRAME.match(c)
            or frames_next(c, clauses[i + 1][0] if i + 1 < len(clauses) else "")
        ]
        if len(clauses) > 1 and _ATTRIBUTION_CLAUSE.match(clauses[0][0]):
            clauses = clauses[1:]
    cleaned = [(tidy(clean_clause(c, squeeze=squeeze)), m) for c, m in clauses]
    if squeeze:
        # 本届旅游节以“……”为主题，为期一个月 -> 本届旅游节为期一个月: a subject its theme left alone
        # runs on into the next clause.
        for i in range(len(cleaned) - 1):
            if _THEME.search(clauses[i][0]) and len(cleaned[i][0]) <= 10 and cleaned[i][1] in "，,":
                cleaned[i + 1] = (cleaned[i][0] + cleaned[i + 1][0], cleaned[i + 1][1])
                cleaned[i] = ("", "")
    return tuple((c, m) for c, m in cleaned if c)


def join_clauses(clauses: list[tuple[str, str]]) -> str:
    """Join clauses into one sentence that ends with 。 (never on a colon or a comma)."""
    while len(clauses) > 1 and clauses[-1][1] and clauses[-1][1] in "：:":
        clauses = clauses[:-1]
    if not clauses:
        return ""
    parts = [c + (m if i < len(clauses) - 1 else "") for i, (c, m) in enumerate(clauses)]
    text = "".join(parts).rstrip("，,；;：:、 ")
    # A quotation that ends the sentence keeps its own stop inside: …。” stays, …” gets 。
    if text.endswith(("”", "’", "」")) and len(text) >= 2 and text[-2] in ENDS:
        return text
    text = text.rstrip(ENDS + "…")
    return text + "。" if text else ""


# Words a sentence cannot end on: it stops in the middle of a phrase.
DANGLING_WORDS = frozenset(
    "和 与 及 或 在 对 把 被 将 并 从 向 以及 并且 而且 或者 及其 由 给 跟 同 但 而 但是 因为 所以 如果".split()
)


def dangling(text: str) -> bool:
    """Whether ``text`` ends on a conjunction or preposition, or on a list comma."""
    text = text.rstrip()
    if not text or text[-1] in "、，,：:；;":
        return True
    return words(text[-8:])[-1] in DANGLING_WORDS


_SERIES = re.compile(r"以[^，；：]{1,20}为[\u4e00-\u9fff]{1,4}$")
# A clause that turns the one before it around: 不是……，而是……; 只是……，真正的……
_COMPLETES = re.compile(r"^(?:而是|但是?|却|可是|然而|不过|真正的?|反而|其实)")


def fit_clauses(
    clauses: list[tuple[str, str]], budget: int, *, want_figure: bool = True
) -> list[tuple[str, str]] | None:
    """The longest run of leading clauses that fits ``budget`` (with its 。), plus a figure clause.

    Returns None when not even the first clause fits.
    """
    kept: list[tuple[str, str]] = []
    for clause in clauses:
        trial = kept + [clause]
        if len(join_clauses(trial)) > budget:
            break
        kept = trial
    # Never end on a clause that announces what follows (……时表示：) or on a bare conjunction.
    # Nor on one that only sets up another (应……邀请, 在……后, 不仅……): its main clause is cut.
    while kept and (
        (kept[-1][1] in ("：", ":") and len(kept) < len(clauses))
        or dangling(kept[-1][0])
        or len(kept[-1][0]) < 2
        or dangling_clause(join_clauses(kept))
        # 这只是一个开头，(精彩的部分还在后面): the clause cut away completes the one
        # kept, which alone says the opposite.
        or (len(kept) < len(clauses) and _COMPLETES.match(clauses[len(kept)][0]))
        # 东港市发布寒潮预警，1月5日起，(寒潮影响范围……): a time or a condition kept last
        # frames a clause cut away, and says nothing of its own.
        or (len(kept) < len(clauses) and frames_next(kept[-1][0], clauses[len(kept)][0]))
        # 形成以茶叶种植为基础，(以……为龙头，……的产业链条): a series of 以……为…… is cut
        # before the noun it describes.
        or (
            len(kept) < len(clauses)
            and _SERIES.search(kept[-1][0])
            and clauses[len(kept)][0].startswith("以")
        )
    ):
        kept = kept[:-1]
    if not kept or all(
        _ATTRIBUTION_CLAUSE.match(c) or TIME_ONLY.match(fold_width(c)) for c, _ in kept
    ):
        # 据《卫报》报道。/ 2012年5月5日-11日。 alone says nothing.
        return None
    if want_figure and not any(has_quantity(c) for c, _ in kept):
        for at in range(len(kept), len(clauses)):
            if has_quantity(clauses[at][0]):
                # 截至去年底，/ 与上年相比，/ 如果……，: the figure holds only within the clause
                # before it, which comes along or the figure stays out.
                frame = at - 1
                before = (
                    [clauses[frame]]
                    if frame >= len(kept) and frames_next(clauses[frame][0], clauses[at][0])
                    else []
                )
                trial = kept + before + [clauses[at]]
                if len(join_clauses(trial)) <= budget:
                    kept = trial
                break
    return kept
