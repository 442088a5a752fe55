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
