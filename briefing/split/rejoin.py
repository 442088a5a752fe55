"""Evidence that a column break cut a paragraph in two (``将临`` / ``时救助``): the break cuts a
word. The line labeller weighs it with the other features (:mod:`briefing.split.features`);
the post-pass glues the pieces (:mod:`briefing.split.grouping`).
"""

from __future__ import annotations

from ..text import words


def cuts_word(left: str, right: str, *, context: int = 6) -> bool:
    """Whether segmenting across the break puts a word of two or more Han characters on both sides."""
    tail, head = left[-context:], right[:context]
    if (
        not tail
        or not head
        or not ("\u4e00" <= tail[-1] <= "\u9fff" and "\u4e00" <= head[0] <= "\u9fff")
    ):
        return False
    position = 0
    for word in words(tail + head):
        start, position = position, position + len(word)
        if start < len(tail) < position:
            return True
        if position >= len(tail):
            return False
    return False
