"""A speaker named at first mention with the role the article gives them.

News writing introduces a person once, with their role (星国外交部长周海), and names them bare
after that (周海说，……). A summary that takes a later sentence keeps the bare name: 周海说 then
reads as anyone's view, or as the paper's. Where the summary's first speaker is bare and the
article introduced them with a role, the role goes before the name, as the article printed it.
"""

from __future__ import annotations

import re

from ..split.lines import HAN
from ..text import longest_first, word_tags
from .headlines import POSTS
from .verbs import SPEECH_VERBS

# 周海说，/ 周海3日表示，/ 周海日前指出：: a name opening a sentence or clause before a speech verb.
_SPEAKER = re.compile(
    rf"(?:^|(?<=[。！？!?；;，,]))(?P<name>[{HAN}·]{{2,8}}?)"
    r"(?:\d{1,2}日|[０-９]{1,2}日|日前|近日|今天|昨天|当天|还|也)?"
    + "(?:"
    + "|".join(sorted(SPEECH_VERBS, key=longest_first))
    + ")"
)
# The words a role ends on: the posts before a name (headlines.POSTS: 部长, 书记, 总统, 发言人 ……)
# and the titles of a profession or a seat a paper prints the same way. What makes the words
# before a name a role, not any noun (会见星国|周海 is a verb's object).
ROLE_END = tuple(POSTS | frozenset("厅长 校长 教授 研究员 代表".split()))
# Words the tagger may read as nouns that end a role's run: the verb or the preposition before it
# (会见|星国外长周海, 同|东港市长陈岩).
_NOT_ROLE = frozenset(
    "会见 会晤 接见 会谈 同 与 和 及 向 对 据 陪同 邀请 出席 访问 率领 任命 致电".split()
)
MAX_ROLE_CHARS = 14
_ROLE_BREAK = "，,。；;：:、“”（）()《》\n 　"


def _first_mention(source: str, name: str) -> int | None:
    """Where ``name`` is first printed as a whole word (周海, not the start of 周海燕)."""
    at = source.find(name)
    while at >= 0:
        start = at
        while start > 0 and source[start - 1] not in _ROLE_BREAK:
            start -= 1
        end = at + len(name)
        while end < len(source) and source[end] not in _ROLE_BREAK:
            end += 1
        covering = None  # the word that starts with the name
        offset = start
        for word, _ in word_tags(source[start:end]):
            if offset == at:
                covering = word
            offset += len(word)
        after = at + len(name)
        if covering is not None and (len(covering) == len(name) or _acts(source[after:end])):
            return at
        at = source.find(name, at + 1)
    return None


def _acts(text: str) -> bool:
    """Whether ``text`` opens with a verb or a coverb: what the segmenter may join to the name
    before it (周海作|报告 read 周海作), where a longer name (周海燕) goes on with no verb."""
    tags = word_tags(text[:6])
    return bool(tags) and tags[0][1].startswith(("v", "p"))


def _role_before(source: str, name: str) -> str | None:
    """The role printed right before ``name``'s first mention in ``source`` (星国外交部长), when
    all the words there since the last break are a role: nouns (not a verb or a preposition)
    ending on a role word."""
    at = _first_mention(source, name)
    if at is None or at <= 0:
        return None
    start = at
    while start > 0 and source[start - 1] not in _ROLE_BREAK and at - start < MAX_ROLE_CHARS + 8:
        start -= 1
    before = source[start:at]
    if not before:
        return None
    kept: list[str] = []
    for word, tag in reversed(word_tags(before)):
        # 发言人 is filed as an idiom (l): a role word is one whatever its tag.
        role_word = tag.startswith(("n", "j", "b")) or word.endswith(ROLE_END)
        if not role_word or tag == "nr" or word in _NOT_ROLE:
            break
        kept.insert(0, word)
    role = "".join(kept)
    # The role is the whole of what stands between a break and the name: a run that stops inside
    # it (中|坤集团董事长, a name the tagger split) or a window cut into a longer one would give a
    # piece of a name.
    if role != before or (start > 0 and source[start - 1] not in _ROLE_BREAK):
        return None
    if not (3 <= len(role) <= MAX_ROLE_CHARS) or not role.endswith(ROLE_END):
        return None
    return role


def speaker_with_role(text: str, source: str) -> str:
    """``text`` with its first speaker's role put before their bare name (周海说， ->
    星国外交部长周海说，) when ``source`` introduced them with one; ``text`` unchanged otherwise."""
    found = _SPEAKER.search(text)
    if not found:
        return text
    name = found.group("name")
    tags = word_tags(name)
    if len(tags) != 1 or not tags[0][1].startswith("n") or text.find(name) < found.start():
        return text
    role = _role_before(source, name)
    if not role or role in text:
        return text
    at = found.start("name")
    return text[:at] + role + text[at:]
