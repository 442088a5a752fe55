"""What counts as an action in a clause: the segmenter's verbs, and the news verbs its dictionary
files as names, nouns or times in context. Shared by the titler, which needs an action in every
title, the wholeness checks, which reject a setting with nothing happening in it, and the ranking
and actor readers, which look for news actions and who does them."""

from __future__ import annotations

import re

# The actions news reports; a word of this lexicon is a verb whatever the segmenter tags it.
ACTION = re.compile(
    r"开展|举办|举行|召开|发布|出台|启动|组织|完成|实现|发放|签署|会见|考察|通过|印发|部署|推进|建成|开通|成立|"
    r"签约|表彰|授予|查处|破获|检查|整治|宣讲|提高|下降|增长|投入|接收|救助|帮助|看望|慰问|走访|决定|宣布|发表|举报"
)
# Besides the action lexicon, verbs of visits the segmenter files as times or names in context
# (索加瓦雷前往 t, 应邀出席 nr).
ACTION_END = re.compile(f"(?:{ACTION.pattern}|前往|抵达|到访|出访|访华|来华|出席)$")


def verbal(word: str, tag: str) -> bool:
    """A verb, or a word ending in a news verb that the segmenter's dictionary files as a name or
    a noun (隆重举行 nr, 会见 n)."""
    return (tag.startswith("v") and tag != "vn") or bool(ACTION_END.search(word))


# Verbs of saying: who says it is the actor of a report (周海表示，……), and what is said is
# another's view, not the reporter's nor a commentary author's.
SPEECH_VERBS = frozenset(
    "说 表示 指出 强调 认为 称 介绍 透露 告诉 宣布 坦言 直言 呼吁 提出".split()
)

# Verbs that only bring in a partner or a means (临江市联合东港市……, 依托平台推进……): the act is
# the verb after them, and a clause with nothing else has none. 通过 is one only before another
# verb (通过平台推进改革); before its object alone it is the act (议事会通过新章程), as ACTION has it.
# Those of a means (依托平台推进……, 借助……): what a headline's means check and the clause cuts read.
MEANS_COVERBS = frozenset("依托 借助 凭借 依靠".split())
COVERBS = MEANS_COVERBS | frozenset(
    "联合 携手 会同 协同 联手 围绕 针对 根据 按照 依照 结合".split()
)


def main_verb(words: list[tuple[str, str]], position: int) -> bool:
    """Whether the word at ``position`` of the tagged ``words`` is a verb of its own: one
    :func:`verbal` counts and no coverb (:data:`COVERBS`, or 通过 with a verb after it)."""
    word, tag = words[position]
    if not verbal(word, tag) or word in COVERBS:
        return False
    return word != "通过" or not any(verbal(*w) for w in words[position + 1 :])


# Words that carry tense, aspect, negation, modality, certainty, scope or time: deleted on their
# own from a kept clause, the clause says something else (a present fact put in the past, an
# estimate made exact, a partial step made whole). Compression never deletes them; the
# wholeness audit fails a summary that does (MEANING_WORDS, their union). 高达 is two words to
# the segmenter (高 达), never read as one here.
# 要, 应, 必须 …: what must, may or will happen (a modal before a verb is not the action).
MODALS = frozenset("要 将 应 应该 应当 必须 须 需要 需 会 能 能够 可以".split())
# 可能, 或许 …: how certain it is.
CERTAINTY = frozenset("或 可能 也许 或许 大概".split())
# 已, 正在, 仍, 将, 首次, 再, 才, 刚 …: when it happens and whether for the first time or again.
# 了 and 过 mark aspect too but are left out: 了 after a verb is deleted by design (compress.tidy,
# 举办了 -> 举办 keeps the past the sentence's time words give), 过 is mostly a verb (经过, 过年).
# 在 is left out: in news it is almost always the locative preposition (在西岭镇考察), whose
# deletion with its place changes no tense; the progressive is 正在, which stays.
ASPECT = frozenset(
    """正在 正 已经 已 曾 曾经 将 将要 即将 仍 仍然 依然 依旧 还 尚 首次 首个 第一次 首 再次 再 又
    才 刚""".split()
)
NEGATION = frozenset("未 未能 尚未 不 不再 没 没有 从未 并未 无 无法 非 别 勿 莫".split())
# 均, 仅, 约, 超过, 至少, 左右 …: how much of it, or how exact a figure is.
SCOPE = frozenset(
    """均 都 皆 全 全部 所有 一律 只 仅 仅仅 只有 唯一 约 近 将近 超过 逾 余 多 不足 不到 至少
    左右 以上 以下 同比 环比 最""".split()
)
# 全面, 不断, 进一步 …: a step made whole, ongoing, or a step further.
DEGREE = frozenset("全面 不断 进一步 持续 继续".split())
# 如今, 目前 …: the present a fact holds in.
NOW = frozenset("如今 而今 目前 当前 现在 眼下".split())
MEANING_WORDS = MODALS | CERTAINTY | ASPECT | NEGATION | SCOPE | DEGREE | NOW
