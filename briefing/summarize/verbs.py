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
