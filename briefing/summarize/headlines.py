"""What a headline must be: a complete clause with its actor and action, at most
``MAX_TITLE_CHARS`` characters, never a fragment. The checks (:func:`headline_problems`) judge a
generated title and a title a model card writes alike; the titler builds its candidates so that
they pass them.
"""

from __future__ import annotations

import re

from ..conventions import LIST_NUMBER, SURNAMES
from ..text import fold_width, tagged
from .actors import lacks_subject
from .compress import BOOK_TITLE
from .references import CONSEQUENCES, TURNS
from .verbs import MEANS_COVERBS, SPEECH_VERBS, main_verb, verbal
from .wholeness import COVERBS_NEVER_MAIN, dangling_clause

MAX_TITLE_CHARS = 20
MIN_HEADLINE_CHARS = 5  # 核心阅读, 数读, 链接: four characters and fewer label a box
BAD_END = set("的了和与及或在对把被将并、，,：:；;是从向以为也都就又而且")


def has_verb(text: str) -> bool:
    return any(verbal(word, tag) for word, tag in tagged(text))


def has_predicate(text: str) -> bool:
    """A verb, or a closing verbal noun (……通过专家评审): the title says what happened."""
    tags = tagged(text)
    # 举行会谈 is one idiom to the segmenter: a verb all the same. The segmenter's dictionary
    # files some news verbs as nouns (会见): a word of the action lexicon is a verb.
    return (
        any(verbal(word, tag) or tag == "i" for word, tag in tags)
        or (len(tags) >= 3 and tags[-1][1] == "vn")
        or _adjective_predicate(tags)
    )


def _adjective_predicate(tags: list[tuple[str, str]]) -> bool:
    """桃树长势良好, ……的蜜源依然充足: an adjective after its noun (and an adverb) is the
    predicate. Not one of one character or a comparison (更高, 不高, 比较远: against what went
    before), nor a doubled one (悦悦: a pet name)."""
    if len(tags) < 2 or tags[-1][1] != "a":
        return False
    word = tags[-1][0]
    subject = tags[-3] if tags[-2][1] == "d" and len(tags) >= 3 else tags[-2]
    return (
        len(word) >= 2
        and word[0] not in "更不较太很真最"
        and word[0] != word[1]
        and subject[1].startswith("n")
    )


# Words that link a clause to the one before it (但……, 同时……, 因此……): a headline states its own
# news and opens on none (a word: 但丁 and 同时期 open on no connective); among them the turns
# (references.TURNS).
CONNECTIVES = (
    frozenset(TURNS) | frozenset("而且 并且 同时 此外 另外 那么".split()) | frozenset(CONSEQUENCES)
)
# 而 and 并 join a second verb to the actor before them (……，并扩建蜂场……): without them the
# clause lacks its actor, so they open no headline and are not dropped from one.
_VERB_LINKS = frozenset("而 并".split())
# Nor does it open on a setting with nothing before it (至……期间, 记者从……).
_BAD_OPENING = re.compile(
    r"^(?:经(?:查|审查|调查|研究|批准|核实)|至|从|自|在|于|对|据|随着|正值|时值|眼下|当前|经过|通过|由于|因为|为了|关于|当|和|与|及|记者|本报|近日|日前|所谓|附记|编者按)"
    # 1. 全国……, 三、……: an item of a list, numbered (not 1.4万 nor 一、二季度: a figure, a span).
    rf"|^{LIST_NUMBER}"
)
# Verbs that take an object unless the event is their subject (论坛年会召开, 招待会在京举行):
# ……基金会在京召开 has lost what was held.
_NEEDS_OBJECT = re.compile(
    r"(?:召开|举行|举办|印发|签署|会见|出席|推出|开展|主持|参加|看望|慰问|颁发|授予|致电|"
    r"接受|部署|组织|发起)$"
)
_EVENT = re.compile(
    r"会议|大会|论坛|仪式|活动|典礼|晚会|庆典|展览?|博览会|峰会|年会|[发布座谈研讨招待交流推介运动音乐联欢纪念报告表彰动员]会"
    r"|开幕式|闭幕式|比赛|赛事?|节|会谈|会晤|磋商|对话|演出|考试|选举|行动|工程|项目|计划|文件|意见|通知|报告|条例|办法|方案"
    r"|规划|政策|公司|机构|组织|中心|联盟|平台|基地|实验室|委员会|工作组|小组|专班"
)


NO_ACTOR = "no actor before the action"
# 周海 陈岩摄影报道, 本报记者 李明摄: who took the picture, not what happened.
CREDIT = re.compile(r"(?:摄影?报道|[\s　]\S{2,3}摄影?)$|^(?:本报|新华社)?(?:记者|通讯员)[\s　]")
# A title read on its own has nothing before it to point back to. Words that do, anywhere in it:
# 该县, 上述面包房, 对此, 此次, 这些; not 此前 (before now), 彼此 (each other) or 这个世界. 他/她
# do unless a person the title names comes before them.
_POINTING_BACK = frozenset(
    "上述 前述 该 这 此 对此 就此 为此 因此 在此 于此 至此 从此 自此 借此 值此 此次 此访 此时 此事 此举 此项 此案"
    " 这一 这些 这次 这项 这里 这位 这名 那次 那些 那个 那位 那名 那项 那场".split()
)
_PERSONAL = frozenset("他 她 他们 她们".split())
# Where they open it, any word on these stems points back (这批志愿者……, 该馆长表示……), and so do
# 其 and 它 (inside: 图书馆延长其开放时间, its own), 是 (是……的第二天: its subject left out) and a
# speaker's 我 (我高兴地……; 我国 and 我省 are names), and 您, the reader addressed.
_OPENING_POINTER = re.compile(r"^(?:[这该此其它是他她您]|我(?![国省市区县军校院厅局部]))")


def _pointing_back(text: str, words: list[tuple[str, str]]) -> tuple[str, bool] | None:
    """The first word of ``text`` (tagged ``words``) that refers to what the title leaves out,
    and whether it opens the title: 这些……, 该县, 上述企业, 对此, or 他 with no person named
    before it. Words inside the name of a work (话剧《这里……》) are the work's own."""
    works = [match.span() for match in BOOK_TITLE.finditer(text)]
    position = 0
    for i, (word, tag) in enumerate(words):
        start = text.find(word, position)
        position = start + len(word)
        if any(begin < start < end for begin, end in works):
            continue
        if i == 0 and (opening := _OPENING_POINTER.match(word)):
            return opening.group(0), True
        if word in _POINTING_BACK or (tag == "r" and word[0] == "该" and len(word) == 2):
            return word, False
        if word in _PERSONAL and not any(t.startswith("nr") for _, t in words[:i]):
            return word, False
    return None


# A statement or finding with nothing stated (……风洞测试表明, ……的养蜂笔记充分证明): the title
# ends where the news begins. The segmenter may join the verb to what precedes it (测试表明), so
# the last word's ending is read. These verbs are never nouns.
_STATEMENT_VERB = re.compile(
    r"(?:表明|证实|意味着|预计|坦言|直言|相信|觉得|声称|宣称|得知|注意到)$"
)
# These are nouns as well (使用说明, 考古发现, 增长预测, 记录证明, 3项证明, 新发现, 形势分析, 发出呼吁): a statement
# after an adverb (充分证明, 进一步说明), after who states it (他发现, 监测中心预测, 养蜂专家发现,
# 最新研究发现) or after a coverb's phrase (用称重数据说明); a name after anything else.
_STATEMENT_OR_NOUN = frozenset("证明 说明 发现 预测 估计 分析 承诺 呼吁".split())
_STATING_ADVERB = re.compile(r"^(?:充分|进一步|再次|再一次|有力|足以|也|都|还|又)$")
# Verbs that take the appeal or the promise as their object (响应联合国呼吁, 兑现政府承诺): before
# who appealed or promised, the word is a noun, and nothing was cut.
_TAKES_THE_STATEMENT = frozenset("响应 回应 作出 做出 发出 兑现 履行 践行 遵守 听从".split())
_STATER = re.compile(
    r"(?:[员者家方]|中心|机构|部门|专家|团队|政府|媒体|报告|研究|调查|统计|监测|分析|人士|人们)$"
)


def _states(words: list[tuple[str, str]]) -> str | None:
    """The verb of a statement or finding that ``words`` end on, where it may be a noun."""
    last = words[-1][0]
    ending = last[-2:]
    if ending not in _STATEMENT_OR_NOUN:
        return None
    if last != ending:  # joined to what precedes it (充分证明, 出生证明)
        return ending if _STATING_ADVERB.match(last[:-2]) else None
    if len(words) < 2:
        return None
    word, tag = words[-2]
    if any(w in _TAKES_THE_STATEMENT for w, _ in words[:-1]):
        return None
    stated = (
        # Not an adverbial adjective (公开承诺, ad): it describes the noun as well.
        tag in ("d", "r")
        or tag.startswith(("nr", "nt"))
        # 王明5日呼吁: the day it was said, after who said it.
        or (tag in ("m", "t") and word.endswith("日"))
        or bool(_STATING_ADVERB.match(word) or _STATER.search(word))
        # 用称重数据说明: a noun after a coverb is what the statement rests on.
        or (tag.startswith("n") and any(t == "p" for _, t in words[:-2]))
    )
    return ending if stated else None


# ……告诉记者, ……对记者说: who was told, and nothing of what.
_TOLD_END = re.compile(r"(?:告诉|告知|对|向)(?:本报)?(?:记者|笔者)(?:说|表示|介绍)?$")


# Verbs that always take an object (……对茶园产生, ……的新规引起, ……大会听取): a title ending on one
# has lost what was caused, heard or drawn up; so has a verb joined to its 于 (……茶香源于, ……位于).
# Not those an event or a plan is the subject of (方案出台, 工程启动, 目标实现, 收入提高).
_OBJECT_VERBS = frozenset(
    "产生 引起 引发 造成 导致 带来 听取 制定 迎来 作出 做出 给予 受到 遭到 面临 拥有 具有 采取 取得"
    " 推动 促进 来自 呈".split()
)

# What puts the object before the verb, or says there was one: 由……引起 (caused by), 被……制定,
# 没有金奖产生 (none was won): these end a clause whole.
_OBJECT_BEFORE = frozenset("由 被 受 有 没有 无 靠 依靠".split())
# Adverbs between a noun and the verb make the noun its object standing first (规划正在制定,
# 措施已经采取); right before it (新规引发) the noun is what acts.
_ADVERB_TAGS = ("d", "t")
# Verbs whose object is an act (……被迫停产, ……试图隐瞒, ……旨在推广): without it nothing happened.
_NEEDS_A_VERB = frozenset("被迫 打算 敢于 善于 着力 力争 旨在 试图 企图".split())


def _needs_what_follows(text: str, words: list[tuple[str, str]]) -> str | None:
    """The verb ``text`` (its words ``words``) ends on when it needs what follows it: an
    object, a figure, a list or what was said (……表示, 高达, 包括, ……测试表明, ……告诉记者)."""
    last = words[-1][0]
    if last.lstrip("地得") in OPEN_VERBS:  # 动情地说: the segmenter glues 地 to the verb
        return last.lstrip("地得")
    # A verb only as the segmenter tags it (金牌产生 tags 产生 a noun: something came about).
    object_verb = words[-1][1][0] == "v" and (
        (last in _OBJECT_VERBS and not _object_first(words)) or (len(last) > 1 and last[-1] == "于")
    )
    if last in _NEEDS_A_VERB or (
        object_verb and not any(w in _OBJECT_BEFORE for w, _ in words[:-1])
    ):
        return last
    ending = _TOLD_END.search(text) or _STATEMENT_VERB.search(last)
    return ending.group(0) if ending else _states(words)


def _object_first(words: list[tuple[str, str]]) -> bool:
    """Whether the verb ``words`` end on has its object before it, as the subject, with adverbs
    between them (应急预案已经制定, 城市总体规划正在制定)."""
    before = len(words) - 1
    while before > 0 and words[before - 1][1].startswith(_ADVERB_TAGS):
        before -= 1
    return 0 < before < len(words) - 1 and words[before - 1][1].startswith("n")


# A title that ends on a surname (conventions.SURNAMES) after who the person is (……同组队员杨,
# ……会见大使金) has cut the name in half: the given name followed. Nouns for a person or a post.
_PERSON_NOUN_END = re.compile(
    r"(?:[手员长人士生师者官使席理委任家友]|同志|先生|女士|夫人|书记|主任|大使|总统|总理|教授|医生|记者|代表|模范)$"
)


def _name_cut(words: list[tuple[str, str]]) -> bool:
    """……同组队员李: a surname, not an adjective, figure, adverb or verb (收入增长高, 管理严),
    after a noun for a person (增长 and 管理 end as 长 and 理 do in 队长 and 总理)."""
    last, tag = words[-1]
    return (
        len(last) == 1
        and last in SURNAMES
        and not tag.startswith(("a", "m", "d", "v"))
        and len(words) > 1
        and words[-2][1].startswith("n")
        and bool(_PERSON_NOUN_END.search(words[-2][0]))
    )


_CAUSATIVE = frozenset("令 让 使 叫 使得".split())
# ……登上海拔, ……累计: a measure with its figure cut off (海拔5000米, 累计3万元). 价值 after a
# verb that hands over, buys or seizes goods opens their value (捐赠价值三万元的图书), its amount
# cut off; after 发挥, 实现, 挖掘 … it is the abstract object and ends a headline well.
_MEASURE_END = re.compile(
    r"(?:海拔|累计|共计|总计|合计|折合|约合|[长多重深宽远]达"
    r"|(?:赠送|捐赠|捐助|捐献|援助|查获|缴获|收缴|查扣|截获|销毁|采购|购买|购置|出售|交付|发放|拨付)"
    r"(?:总)?价值)$"
)
# Adverbs that close a clause as its predicate or complement (好评不断, 风貌依旧, 赞叹不已); any
# other adverb at the end of a title has lost the verb it goes with (……已全部, ……将一律).
_CLOSING_ADVERBS = frozenset("不断 不已 不止 不休 依旧 依然 如故 如初 至今 而已 罢了".split())
# Adverbs of how many did it that the segmenter files as nouns: after an adverb (已全部, 将统统)
# they are adverbs too.
_ALL_OF_THEM = frozenset("全部 全都 统统".split())
# A condition (只要……, 如果……) and no clause on what follows from it (……就……).
_CONDITIONS = frozenset("只要 如果 假如 倘若 要是 一旦 即使 哪怕 即便 就算".split())
# 只有 is "only if" where it opens the clause or a verb or an adverb follows it (村民只有坚持种茶:
# a clause cut before its 才……); before a figure or a noun (全市只有三家茶厂……) it is "only".
_ONLY_IF = "只有"
# What puts a figure near a number (只有约三千家, 只有不到三成): the segmenter tags them adverbs
# and verbs, but before a figure they make 只有 "only" all the same.
_APPROXIMATE = frozenset("约 近 不到 仅 仅仅 大约 将近 不足 才 只".split())
_CONSEQUENCE = frozenset("就 才 便 都 也 将 会 则 仍 还 要".split())
# 才能, 就能, 才会: a consequence the segmenter joins to its modal.
_JOINED_CONSEQUENCE = re.compile("[才就便][能会可]")
# ……下降到, ……增至: a change with where it went cut off.
_RESULT_MARKS = ("到", "至")
# 增至, 降至: a change the segmenter joins to its 至 (not 甚至, 以至).
_CHANGE_TO = re.compile("[增降升减涨跌扩延缩]至")


# Verbs that need what follows them: 高达/达到/超过/包括 + a figure or a list.
OPEN_VERBS = frozenset(
    "说 说道 表示 指出 介绍 认为 称 强调 提出 透露 获悉 了解到 宣布 显示 告诉 高达 达 达到 超过 超 突破 约 近 共 包括 成为 为 是 有 占 位列 位居 涉及 覆盖 比 较 同比 环比 进行 开展 实施 举办 推出 例如 比如 譬如 诸如".split()
)
# ……迎来了一批, ……举行了一系列: a count of things (一 or a rough count, and the measure word) with
# the things cut. Not after a figure (已达500多首: its measure is the unit) nor after a name
# (王明一家: his family).
_COUNT_OF_THINGS = re.compile(
    r"^(?:一|多|几|数|若干|百余|千余|上百|上千)\S*[个名位批系列项件条种场所座支台辆只头张份部首]$"
)


def _count_without_noun(words: list[tuple[str, str]]) -> bool:
    word, tag = words[-1]
    return (
        len(words) > 1
        and tag in ("m", "mq")
        and bool(_COUNT_OF_THINGS.match(word))
        and words[-2][1] != "m"
        and not words[-2][1].startswith("nr")
        # 一个接一个, 一件接着一件: one after another, the noun before them.
        and words[-2][0] not in ("接", "接着")
        and word not in (w for w, _ in words[:-1])
    )


# ……致辞说70年前的今天, ……抵达临江港的当天: a day named with nothing said of it.
_DAY_WORDS = frozenset("今天 昨天 明天 当天 今日 昨日 明日 那天 这天 此时 此刻".split())
_PREPOSITION_TAGS = ("p", "c", "u")
AUXILIARIES = frozenset(
    "会 能 要 将 可 可以 应 应该 应当 可能 需要 必须 都会 都 也 还 就 已 已经 正 正在 仍 曾 得以 予以 加以 不".split()
)


# A clause that ends on these only sets the time of another (……贫困户后, ……以来): closed lists.
_TIME_CLAUSE_END = frozenset("后 之后 以后 时 之时 时候 以来 之前 以前 期间 之际".split())
_CONCESSIVE = frozenset("虽 虽然 虽说 尽管".split())


def _ends_time_clause(words: list[tuple[str, str]]) -> bool:
    """Whether tagged ``words`` end on a time clause's close: a listed word (……后, ……以来) or a
    span of years, months or days (建站十年来, whether the segmenter splits 年 | 来 or not)."""
    if not words:
        return False
    last = words[-1][0]
    if last in _TIME_CLAUSE_END:
        return True
    before = last[:-1] or (words[-2][0] if len(words) > 1 else "")
    return last.endswith("来") and before.endswith(("年", "月", "天"))


_LOCALISERS = frozenset((word, "f") for word in "上 中 里 下 内".split())
_PLACE_VERB_ENDS = ("到", "在", "进", "于")
_MAIN_CLAUSE = frozenset("但 但是 却 也 仍 仍然 还 还是 然而 依然 依旧".split())


def _closes_phrase(word: str, tag: str) -> bool:
    """A verb (会见 included, which the segmenter files as a noun) or an idiom: what a
    preposition's phrase leads up to (与……合作, 在京召开)."""
    return tag.startswith("v") or tag == "i" or verbal(word, tag)


# Coverbs of manner, basis and role (以开放的姿态, 本着……的原则, 作为……的代表): their phrase
# names how or as what, and the verb it leads to follows it. Those that never stand as a
# headline's verb (wholeness.COVERBS_NEVER_MAIN: 依托, 按照 …; not 针对, 依靠), and four the
# lists lack.
_MANNER_COVERBS = COVERBS_NEVER_MAIN | frozenset("以 本着 经过 作为".split())


def _manner_to_the_end(rest: list[tuple[str, str]]) -> bool:
    """Whether the phrase of a coverb of :data:`_MANNER_COVERBS`, ``rest`` after it, runs to
    the end of the title: it ends on 的 and what it modifies, no verb after them (……以超过三成的
    增幅; not ……以开放的姿态迎接……), and no 为 inside (以……为中心 takes its object as a
    verb does). The first word after 的 and its adjectives is what 的 modifies, a verb too (经过
    三十年的艰苦耕耘); a verb after it is the title's own (……的维修后重新开放)."""
    if any(w == "为" for w, _ in rest):
        return False
    marks = [k for k, (w, _) in enumerate(rest) if w == "的"]
    # A verb after the coverb's object, with its own object before 的, is the title's (作为试点
    # 推广东港的经验, 经过整治改善茶园的环境); one after a figure or an adverb, or right before
    # 的, is inside the modifier (以超过三成的增幅, 作为东港培养的茶艺师).
    before_de = rest[: marks[-1]] if marks else rest
    if any(
        verbal(w, t) and before_de[k - 1][1].startswith(("n", "r", "v"))
        for k, (w, t) in enumerate(before_de)
        if 0 < k < len(before_de) - 1
    ):
        return False
    tail = rest[marks[-1] + 1 :] if marks else []
    head = next((k for k, (_, t) in enumerate(tail) if not t.startswith(("a", "d"))), len(tail))
    return bool(tail) and not any(verbal(w, t) and t != "vn" for w, t in tail[head + 1 :])


def _manner_without_act(words: list[tuple[str, str]]) -> str | None:
    """The coverb of :data:`_MANNER_COVERBS` whose phrase runs to the end of ``words``."""
    for i, (word, _) in enumerate(words):
        if word not in _MANNER_COVERBS:
            continue
        # A verb before the coverb is the title's: the phrase modifies its object (发布针对外卖
        # 平台的新规, 出席作为重点项目的茶博会); not a verb of saying, whose clause follows it
        # (周海表示要本着互利共赢的原则).
        said = max((k + 1 for k, (w, _) in enumerate(words[:i]) if w in SPEECH_VERBS), default=0)
        if any(main_verb(words, k) and words[k][0] not in AUXILIARIES for k in range(said, i)):
            return None
        if _manner_to_the_end(words[i + 1 :]):
            return f"{word}…… without the verb it leads to"
    return None


# Verbs that 为 completes with the post, title or name they give (当选为市长, 选举周海为市长,
# 命名为……, 评为……, 改为……). A closed list: after any other verb 为 is the coverb of whom
# the act is for, and its own verb is still to come (捐款为灾区群众……, 邀请周海为学生……: cuts).
_NAMING_VERBS = frozenset(
    "当选 选举 推选 评选 选 评 评定 任命 任 聘 聘任 聘请 命名 认定 确定 定 列 改 称 誉 指定 更名"
    " 改名".split()
)


def _verb_complement(words: list[tuple[str, str]], i: int) -> bool:
    """Whether the coverb ``words[i]`` is 为 completing a verb of naming (周海当选为市长,
    :data:`_NAMING_VERBS`): right after it, or after the person it names (选举周海为市长), and
    the title ends on what the verb makes of it, a noun (not ……确定为重大: a cut). What follows
    is the verb's object, and no verb of its own is to come. Not 于: a title ending on
    ……生于东港市 or ……满足于现状 reads as a detail or a clause cut short (measured: 3 of 5
    changed titles worse)."""
    if words[i][0] != "为" or i == 0 or not words[-1][1].startswith(("n", "b", "j")):
        return False
    before = words[i - 1]
    if before[0] in _NAMING_VERBS:
        return True
    return i >= 2 and before[1] == "nr" and words[i - 2][0] in _NAMING_VERBS


def open_phrase(words: list[tuple[str, str]]) -> str | None:
    """Why tagged ``words`` stop inside a phrase (None: they end at a phrase boundary): a
    preposition or coverb (与, 通过, 把, 在, 对, 向, 从, 为) with no verb after it, a time clause
    (……后, ……以来) or a concession (虽, 尽管) without the main clause it sets up."""
    if len(words) > 1 and _ends_time_clause(words):
        return f"ends on a time clause (……{words[-1][0]})"
    # ……旨在强调在脱贫攻坚中, ……人们在欢声笑语中: 在 and its place, with nothing after them.
    setting = max(
        (i for i, (w, t) in enumerate(words) if w in ("在", "于") and t == "p"), default=-1
    )
    if words[-1][0][-1] in "中上里下内外间" and words[-1][1] in ("f", "s"):
        if setting >= 0:
            return "ends on a setting (在……中) without its clause"
        # ……周年大会上, ……茶博会展区里: a place or an occasion closed by its localiser is a
        # setting whose 在 was cut, and nothing happens in it (not ……人以上, a figure's bound;
        # nor ……置于……中, 落到……上: a verb that brings its place with it).
        if (
            words[-1] in _LOCALISERS
            and len(words) > 1
            and words[-2][1].startswith("n")
            and not any(
                w in ("从", "自") or w.endswith(_PLACE_VERB_ENDS) or "在" in w for w, _ in words
            )
        ):
            return f"ends on a setting (……{words[-2][0]}{words[-1][0]}) whose 在 was cut"
    for i, (word, tag) in enumerate(words):
        rest = words[i + 1 :]
        if (
            tag == "p"
            and rest
            and not any(_closes_phrase(w, t) for w, t in rest)
            and not _verb_complement(words, i)
        ):
            return f"{word}…… without the verb it leads to"
        if word in _CONCESSIVE and not any(w in _MAIN_CLAUSE for w, _ in rest):
            return f"{word}…… without its main clause"
        condition = word in _CONDITIONS or (word == _ONLY_IF and _opens_condition(i, rest))
        if condition and not any(
            w in _CONSEQUENCE or _JOINED_CONSEQUENCE.fullmatch(w) for w, _ in rest
        ):
            return f"{word}…… without what follows from it"
        if word == "之所以" and not any(w in ("是", "因为", "在于") for w, _ in rest):
            return "之所以…… without the reason it leads to"
        # 今后随着航模社团壮大: what goes with a change, and no clause on what changes with it.
        if word == "随着" and _bare_accompaniment(rest):
            return "随着…… without its main clause"
    return None


# Verbs that report what someone said: what follows them is the statement.
_SAYING = frozenset("说 表示 指出 认为 强调 介绍 称 透露 宣布 坦言 直言".split())
# 自……起, ……以来: they close a span of time, not the statement's act.
_TIME_MARKS = frozenset("起 止 来".split())


def _statement_cut_in_setting(words: list[tuple[str, str]]) -> str | None:
    """……指出按照刚出台的办法, ……说在西岭镇茶叶加工示范园: the statement opens on a coverb's
    phrase and stops inside it. Its verbs there only describe a noun: one before 的 (刚出台的办法)
    or a verbal noun before a noun (加工示范园); and 起 of ……法起 only closes a span of time."""
    for i, (word, tag) in enumerate(words[:-2]):
        if word not in _SAYING or not tag.startswith("v") or words[i + 1][1] != "p":
            continue
        statement = words[i + 2 :]
        following = statement[1:] + [("", "x")]
        # 对……十分满意, 对……高度重视: an adjective or a fixed phrase is the statement's
        # predicate as well as a verb is, where it ends the title (刚出台的: it describes).
        if not any(
            (_closes_phrase(w, t) or (t in ("a", "l") and not next_word))
            and w not in _TIME_MARKS
            and next_word != "的"
            and not (t == "vn" and next_tag.startswith("n"))
            for (w, t), (next_word, next_tag) in zip(statement, following, strict=True)
        ):
            return f"{word}{words[i + 1][0]}…… a statement cut inside its setting"
    return None


# The coverbs of means (verbs.MEANS_COVERBS, 依托电商平台……) with 通过: 通过电台向……问好 names a thing, the means to the verb after it; 通过与……合作,
# 通过在……投放…… an act, which is the means to a main verb still to come.
_MEANS = MEANS_COVERBS | {"通过"}


def _means_without_act(words: list[tuple[str, str]]) -> str | None:
    """……通过与临江高校合作, ……通过在东港市投放短视频: a means that is an act (a coverb's
    phrase right after 通过) and the title ends within it: no verb after the one that closes it
    (a verbal noun before a noun describes it: 免费茶叶), nor a long noun, which may be the verb
    and object the segmenter joined (……通过与高校合作培养人才), what the means served."""
    for i, (word, tag) in enumerate(words[:-1]):
        if word not in _MEANS or tag != "p" or words[i + 1][1] != "p":
            continue
        rest = words[i + 2 :]
        closing = next((k for k, (w, t) in enumerate(rest) if _closes_phrase(w, t)), len(rest))
        after = rest[closing + 1 :]
        following = [t for _, t in after[1:]] + ["x"] * bool(after)
        if not any(
            (_closes_phrase(w, t) and not (t == "vn" and next_tag.startswith("n"))) or len(w) >= 4
            for (w, t), next_tag in zip(after, following, strict=True)
        ):
            return f"{word}{words[i + 1][0]}…… (the means) without what it serves"
    return None


def _opens_condition(position: int, rest: list[tuple[str, str]]) -> bool:
    """Whether 只有 at ``position``, with ``rest`` after it, is "only if": it opens the clause, or
    a verb or an adverb follows it (……只有坚持种茶); not before a figure or a noun (只有三家), nor
    before a figure an approximation opens (只有约三千家, 只有不到三成)."""
    if position == 0:
        return True
    if len(rest) > 1 and rest[0][0] in _APPROXIMATE and rest[1][1] == "m":
        return False
    return bool(rest and (verbal(*rest[0]) or rest[0][1].startswith("d")))


def _bare_accompaniment(rest: list[tuple[str, str]]) -> bool:
    """The phrase 随着 opens, up to the verbs that close it (……扩大), is all that follows it: no
    main clause on what changes with it. 蜂蜜销量随着游客增多而上升 has one (上升) after it.
    What precedes 随着 does not matter: a time (建站三年来) or an actor, a title needs the
    main clause all the same."""
    if not rest:
        return True  # a title ending on 随着 (a cut) has not even the phrase
    if any(t == "x" for _, t in rest):
        return False
    # A verbal noun before a noun modifies it (生活水平): no verb of the phrase.
    closes = [
        _closes_phrase(w, t) and not (t == "vn" and following[1].startswith("n"))
        for (w, t), following in zip(rest, rest[1:] + [("", "x")], strict=True)
    ]
    if True not in closes:
        return True
    end = closes.index(True)
    while end < len(rest) and closes[end]:
        end += 1
    return not any(closes[end:])


def headline_problems(title: str, *, limit: int = MAX_TITLE_CHARS) -> list[str]:
    """Why ``title`` is not a headline (empty: it is one): a complete clause with its actor and
    action, within ``limit`` characters, not cut off on a preposition, a bare number or 的."""
    problems = []
    text = fold_width(title).strip()
    if not text:
        return ["no title"]
    if len(text) > limit:
        problems.append(f"{len(text)} characters, over {limit}")
    if len(text) < MIN_HEADLINE_CHARS:
        problems.append(f"{len(text)} characters: a label, not a headline")
    words = [(w, t) for w, t in tagged(text) if w.strip()]
    last, tag = words[-1]
    if text[-1] in "，,、；;：:—-（(“《":
        problems.append(f"ends on {text[-1]!r}")
    elif last in ("的", "地", "得", "之") or tag in ("uj", "ude1"):
        problems.append("ends on a dangling 的")
    elif tag.startswith(_PREPOSITION_TAGS) or last in BAD_END:
        problems.append(f"ends on the function word {last}")
    elif (
        re.search(r"[\d０-９.零〇一二两三四五六七八九十百千万亿]$", last)
        # 建交七十周年 ends on an anniversary: 周年 is what its count counts.
        or (tag in ("m", "t") and last[-1] in "年月日号时" and not text.endswith("周年"))
        or (last in _DAY_WORDS and len(words) > 1 and words[-2][0] == "的")
        or _count_without_noun(words)
    ):
        problems.append(f"ends on a number or a date without what it counts ({last})")
    elif last in AUXILIARIES:
        problems.append(f"ends on {last}, before the verb it helps")
    elif open_verb := _needs_what_follows(text, words):
        problems.append(f"ends on {open_verb}, which needs what follows it")
    elif len(words) > 1 and words[-2][0] in _CAUSATIVE and tag.startswith(("n", "r")):
        # ……的香气令食客, ……让人: who is moved, and nothing of what it does to them.
        problems.append(f"ends on {words[-2][0]}{last} without what it causes")
    elif (last in _RESULT_MARKS and len(words) > 1 and verbal(*words[-2])) or _CHANGE_TO.fullmatch(
        last
    ):
        problems.append(f"ends on {last} without where to")
    elif measure := _MEASURE_END.search(text):
        problems.append(f"ends on {measure.group(0)} without its figure")
    elif _name_cut(words):
        problems.append(f"ends on the surname {last}, a name cut in half")
    elif (tag == "d" and last not in _CLOSING_ADVERBS) or (
        last in _ALL_OF_THEM and len(words) > 1 and words[-2][1] == "d"
    ):
        # ……充电桩已全部, ……门票将一律, ……正在: an adverb says how, when or how many did
        # it, and the verb it goes with is cut off.
        problems.append(f"ends on the adverb {last}, its verb cut off")
    elif (verb := _NEEDS_OBJECT.search(text)) and not _EVENT.search(
        re.split("在|于", text[: verb.start()])[0]  # the subject, not the place (……在市民中心召开)
    ):
        problems.append(f"ends on {verb.group(0)} without what is {verb.group(0)}")
    if any(
        text.count(a) != text.count(b)
        for a, b in (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"))
    ):
        problems.append("unbalanced quotes or brackets")
    if (
        words[0][1].startswith("u")
        or words[0][1] == "p"  # 同美国……, 以人工智能为……: a coverb with no actor before it
        or text[0] in "的地得了着过，,、；;：:。！？!?)）】」”’■□●◆—-[［"
    ):
        problems.append(f"opens on {words[0][0]!r}")
    elif words[0][0] in CONNECTIVES | _VERB_LINKS:
        problems.append(f"opens on {words[0][0]}, not on who acts")
    elif bad_opening := _BAD_OPENING.match(text):
        problems.append(f"opens on {bad_opening.group(0)}, not on who acts")
    elif _opens_on_a_closing_word(words):
        problems.append(f"opens on {words[0][0]}, the end of a phrase cut from before it")
    elif pointing := _pointing_back(text, words):
        pointer, opens = pointing
        problems.append(
            f"opens on {pointer}, which refers to what the title leaves out"
            if opens
            else f"{pointer} refers to what the title leaves out"
        )
    if CREDIT.search(text):
        problems.append("a photo credit or byline, not a headline")
    # Read only where a 的 or a 了 is.
    if ("的" in text or "了" in text) and (stray := _stray_particle(words)):
        problems.append(stray)
    anniversary = "周年" in text
    if anniversary and _YEARS_UNCOUNTED.search(text):
        problems.append("周年 without its count of years")
    if unfinished := (
        open_phrase(words)
        or _statement_cut_in_setting(words)
        or _means_without_act(words)
        or _manner_without_act(words)
    ):
        problems.append(unfinished)
    setup = dangling_clause(text + "。")
    if setup:
        problems.append(setup)
    # 北京《保卫延安》《红日》: a title ending on the names of works has no action of its own
    # when its only verbs are inside them.
    named_works = text.endswith("》") and not has_verb(BOOK_TITLE.sub("", text))
    if (
        not has_predicate(text)
        or _only_a_noun_phrase(words)
        or named_works
        or (anniversary and _only_an_anniversary(words))
    ):
        problems.append("no action (no verb)")
    elif lacks_subject(text) or _SUBJECTLESS_OPENING.match(text):
        problems.append(NO_ACTOR)
    return problems


# ……庆祝周年大会, 成立周年: 周年 without the count of years before it, which an anniversary always
# has (成立60周年, 十多周年); 周年庆 (a yearly celebration) counts none.
_YEARS_UNCOUNTED = re.compile(r"(?<![0-9０-９零〇一二两三四五六七八九十百多余])周年(?!庆)")


# Words that close a phrase begun before them: a unit of a date (……10月8日 cut to 月8日……), the
# close of a time clause (建镇以来 cut to 以来……). A measure word (……9架飞机 cut to 架……) closes the
# count before it as well: those listed, as the segmenter tags others so that open a whole title
# (天都黑了, 道出……, 张华为……: a noun, a verb, a surname; 个税: a noun it cuts in two).
_CLOSING_WORDS = _TIME_CLAUSE_END | {"月", "日", "号", "前夕"}
_MEASURE_WORDS = frozenset("架 艘 辆 件 位 项 座 份 枚 匹 株 棵 颗 篇 届 例 宗 类".split())
# 后 opens a whole title as a prefix of an era (后疫情时代, 后冬奥时期).
_ERA = frozenset("时代 时期 阶段".split())


# The posts before a name (临江市委常委、宣传部部长周海, 市长陈岩): a headline says 周海.
POSTS = frozenset(
    "书记 主席 总理 委员长 部长 省长 市长 区长 县长 主任 国务委员 常委 局长 大使 发言人 秘书长 院长 委员"
    " 董事长 总经理 行政长官 总统 首相 司令员 政委 组长 会长 负责人 主持人 理事长 酋长 国王 王储 亲王 议长"
    " 外长 大臣 总干事 总裁 首席执行官 特使".split()
)
# A post with no holder named after it, where a date or a verb follows it directly (主席31日会见……,
# 秘书长出席……), is the end of a longer name cut from before it (临江市政协主席): a headline says
# whose post it is (秘书长王明…… names him). Not the posts a paper uses alone for the one its readers
# know (总书记, 总理; 市长, 书记, 局长 in a local paper), nor those that stand alone for a body or a
# class (委员热议……, 常委赴基层, 外长会晤), nor a post before 就 (发言人就……答问: a usual shape).
_BARE_POSTS = POSTS & frozenset("主席 秘书长 发言人 负责人 组长 司令员 政委".split()) | {
    "副" + post for post in POSTS & frozenset("主席 书记 总理 部长 主任".split())
}


def _opens_on_a_closing_word(words: list[tuple[str, str]]) -> bool:
    word, tag = words[0]
    following = words[1] if len(words) > 1 else ("", "x")
    if word == "后":
        return tag == "f" and not any(w in _ERA for w, _ in words[1:4])
    # 31日, 5日: a figure or a day after the post.
    dated = following[1] in ("m", "t") or following[0] in ("日", "号")
    return (
        word in _CLOSING_WORDS
        or (word in _BARE_POSTS and (dated or verbal(*following)))
        or (tag == "q" and word in _MEASURE_WORDS)
    )


# What no 的 stands beside: a conjunction that joins two words (……的所进行, ……而的……, ……和的……), a
# preposition (依照的规定: what it governs cut) or a particle other than an aspect's (背着的 is whole);
# 为的是 (in order to) is a phrase, and 的同时, 再好不过的, ……的并不是 are no conjunctions.
_NOT_BESIDE_DE = ("p", "y", "uj", "uv", "ud")
_CONJUNCTIONS_BESIDE_DE = frozenset("和 与 及 或 所 而".split())
# 并 joins two verbs: nothing it joins is before a 的 (探索并的挑战); after 的 it is an adverb (的并不是).
_BEFORE_DE_ONLY = "并"
# Words no 了 follows inside a title: places, organisations, conjunctions and 的 (……香港了……,
# ……和了……): 了 marks the verb before it. Not names of persons (the segmenter tags other words as names),
# nor prepositions (通过了, 对了 are verbs).
_NOT_BEFORE_LE = ("ns", "nt", "c", "uj")


def _beside_de(word: str, tag: str) -> bool:
    return word in _CONJUNCTIONS_BESIDE_DE or (tag.startswith(_NOT_BESIDE_DE) and word != "为")


def _stray_particle(words: list[tuple[str, str]]) -> str | None:
    """Why a particle in tagged ``words`` stands where words were cut around it: 的 joins what
    describes to the noun it describes, so neither side of it is a conjunction, a preposition or
    a particle (东港市的所进行……, 西岭镇而的……); 了 follows the verb it marks, never a place, an
    organisation or a function word (临江市了……). Where 了 ends the title it may close the
    sentence."""
    for i, ((word, tag), (following, following_tag)) in enumerate(zip(words, words[1:])):
        if (
            (following == "的" and (_beside_de(word, tag) or word == _BEFORE_DE_ONLY))
            or (word == "的" and _beside_de(following, following_tag))
            # 是……的 holds what it says between them: 西岭镇是的茶叶大镇 lost it.
            or (word == "是" and following == "的" and i + 2 < len(words))
        ):
            return f"{word}{following}: 的 beside a function word, the words it joined cut"
        # 新建了五座: before a count, the word 了 follows is a verb whatever its tag.
        if (
            following == "了"
            and tag.startswith(_NOT_BEFORE_LE)
            and not verbal(word, tag)
            and i + 2 < len(words)
            and words[i + 2][1] != "m"
        ):
            return f"{word}{following}: 了 after a word that is not a verb"
    return None


def _only_a_noun_phrase(words: list[tuple[str, str]]) -> bool:
    """镇上举办的插秧能手比赛: one verb, right before 的, and none after it: a noun phrase. (张华获得
    全国劳模的称号 is a clause: its verb has an object before the 的.)"""
    if "的" not in (w for w, _ in words):
        return False
    last = max(i for i, (w, _) in enumerate(words) if w == "的")
    # A verb inside a time clause (建站十年来, 投产后) is not the title's: it only dates the act.
    dated = max((i for i in range(last) if _ends_time_clause(words[: i + 1])), default=-1)
    before = [i for i, (w, t) in enumerate(words[:last]) if i > dated and verbal(w, t)]
    after = any(verbal(w, t) for w, t in words[last + 1 :])
    return not after and (before == [last - 1] or _no_actor_before_the_act(words[:last]))


def _only_an_anniversary(words: list[tuple[str, str]]) -> bool:
    """临江市建市60周年庆祝大会, 两国建交50周年招待会: the verb of an anniversary (建市, 建交, 成立
    before its count of years) names the occasion; a title whose only verbs are such has no action
    (临江市建市60周年大会开幕 has one after them)."""
    verbs = [i for i, (w, t) in enumerate(words) if verbal(w, t)]
    return bool(verbs) and all(
        words[i + 1 : i + 2]
        and words[i + 1][1] == "m"
        and (words[i + 1][0].endswith("周年") or words[i + 2 : i + 3] == [("周年", "t")])
        for i in verbs
    )


def _no_actor_before_the_act(words: list[tuple[str, str]]) -> bool:
    """一棵棵见证小镇变迁的老茶树, 一片片承载茶农希望的茶园: nothing that could act (a noun, a name, a pronoun)
    before the first verb: what precedes 的 only describes the noun after it."""
    first = next((i for i, (w, t) in enumerate(words) if verbal(w, t)), None)
    return (
        bool(first)
        and words[0][1] == "m"
        and not any(t.startswith(("n", "r", "t")) for _, t in words[:first])
    )


# Verbs and adverbs that open a statement of policy with its actor left out (落实……, 集中力量……,
# 真切感受到……), which the segmenter tags as adjectives or nouns: a title needs the actor.
_SUBJECTLESS_OPENING = re.compile(
    r"^(?:落实|推进|加强|坚持|集中|深化|推动|完善|健全|建立|实施|做好|抓好|强化|提高|提升|促进|加快|扎实|"
    r"持续|进一步|不断|积极|大力|切实|认真|着力|努力|真切|深入|广泛|始终|全力|全面推进|全面加强)"
)
