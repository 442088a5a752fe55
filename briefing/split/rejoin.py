"""Rejoining paragraphs that a column break cut in two (``将临`` / ``时救助``).

A cut is joined when the first piece does not end a sentence and the second reads as body, and
either the pieces sit at the page's usual paragraph distance or the break cuts a word in two.
A heading never absorbs a body line: short first pieces need the word-level evidence.
"""

from __future__ import annotations

from ..text import words
from .lines import Line, Role, ends_sentence

_JOINABLE = (Role.BODY, Role.DATELINE, Role.HEADING)


def cuts_word(left: str, right: str, *, context: int = 6) -> bool:
    """Whether segmenting across the break puts a word of two or more Han characters on both sides."""
    tail, head = left[-context:], right[:context]
    if not tail or not head or not ("\u4e00" <= tail[-1] <= "\u9fff" and "\u4e00" <= head[0] <= "\u9fff"):
        return False
    position = 0
    for word in words(tail + head):
        start, position = position, position + len(word)
        if start < len(tail) < position:
            return True
        if position >= len(tail):
            return False
    return False


def rejoin(lines: list[Line], *, usual_gap: int) -> list[Line]:
    """Merge continuation lines into the line they continue; roles of merged lines are kept."""
    merged: list[Line] = []
    for line in lines:
        previous = merged[-1] if merged else None
        if previous is not None and _continues(previous, line, usual_gap=usual_gap):
            previous.text += line.text
            previous.folded += line.folded
            previous.joined.append(line.number)
            if previous.role is Role.HEADING:
                previous.role = Role.BODY
            continue
        merged.append(line)
    return merged


def _continues(previous: Line, line: Line, *, usual_gap: int) -> bool:
    if previous.role not in _JOINABLE or line.role is not Role.BODY:
        return False
    if ends_sentence(previous.folded) or previous.folded[-1] in ":：":
        return False
    if line.folded[0] in "，,、；;。”’）)":
        return True
    if previous.role is Role.HEADING:
        return cuts_word(previous.folded, line.folded)
    return line.gap <= usual_gap or cuts_word(previous.folded, line.folded)
