"""The post-pass: labelled lines into article drafts.

The labeller (:mod:`briefing.split.labeller`) decides; this pass only keeps its decisions
consistent, in seven rules:

1. Every non-blank line ends up in exactly one article or in the page furniture (coverage):
   a line before the first article start opens an article of its own.
2. A ``cont`` line is glued to the line it continues (rejoining a paragraph or heading that a
   column break cut). It is read as a paragraph of its own when there is nothing to continue,
   when the line above ends a sentence (a break there leaves two paragraphs that read as well
   as one), or when the line above is complete by its form (a byline, a credit, a closing note).
3. A heading label after the article's text has begun is an in-article subhead, and a byline
   there stays in the text (the article's byline field takes it later).
4. A column heading (``B-column``) names the items under it until a gap wider than the page's
   usual one.
5. Furniture sits at the edges of a page or looks like furniture (a page header, a page number,
   an editor line): a line labelled furniture elsewhere is text, so that nothing printed in
   the middle of a page drops out of every article.
6. A key-points box label (核心阅读) opens an article's text, never its headline: read as a
   heading, it is text, and the short unfinished line just above it, which the labeller left
   at the end of the article before, is the headline of the article it opens.
7. A headline line alone, without text, that ends as a kicker does (on the dash, or on a verb
   saying that someone spoke: 周海在西岭镇调研时强调, 东港市教师李晓梅——) introduces the
   headline under it: it is the kicker of the next article, whose own heading lines are then
   its main title (a kicker there is the main title's first line).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from ..conventions import DASH_OR_SPEECH_END_RE
from ..text import ends_sentence
from .features import KEY_POINTS_LABEL, box_label
from .labels import FURNITURE, HEAD, START
from .lines import HEADING_MAX, Line, Role


_COMPLETE = (Role.BYLINE, Role.CREDIT, Role.TRAILER, Role.FURNITURE)


@dataclass
class Draft:
    """An article while it is being read: (label, line) pairs of its heading and of its text."""

    head: list[tuple[str, Line]] = field(default_factory=list)
    content: list[tuple[str, Line]] = field(default_factory=list)
    column: str | None = None

    @property
    def lines(self) -> list[Line]:
        return [line for _, line in self.head + self.content]


def _continuable(line: Line) -> bool:
    return line.role not in _COMPLETE and not ends_sentence(line.folded)


def group(
    lines: list[Line], labels: list[str], *, usual_gap: int
) -> tuple[list[Draft], list[Line]]:
    """Article drafts and furniture lines of a page from the labels of its lines (whose roles
    :func:`briefing.split.features.page_features` has set)."""
    drafts: list[Draft] = []
    furniture: list[Line] = []
    current: Draft | None = None
    column: str | None = None
    edge = 2  # lines at the top and at the bottom of a page where furniture may stand
    for index, (line, label) in enumerate(zip(lines, labels)):
        if label == FURNITURE and edge <= index < len(lines) - edge:
            if line.role is not Role.FURNITURE:
                label = "body"
        if label == FURNITURE:
            furniture.append(line)
            continue
        starts, name = label.startswith(START), label.removeprefix(START)
        last = (current.content or current.head)[-1][1] if current is not None else None
        if name == "cont" and last is not None and not starts and _continuable(last):
            last.text += line.text
            last.folded += line.folded
            last.joined.append(line.number)
            continue
        if name == "cont":
            name = "body"
        if name in HEAD and box_label(line.folded) == KEY_POINTS_LABEL:
            name = "body"
            if starts and current is not None and len(current.content) > 1:
                above_name, above = current.content[-1]
                # A headline may end on ！ or ？ (……越过越红火！), never on a full stop; a
                # closing line (a signature, a credit) ends the article before.
                if (
                    above_name == "body"
                    and above.role not in _COMPLETE
                    and len(above.folded) <= HEADING_MAX
                    and not ends_sentence(above.folded.rstrip("!?"))
                ):
                    current.content.pop()
                    if above.gap > usual_gap:
                        column = None
                    current = Draft(column=column, head=[("title", above)])
                    drafts.append(current)
                    current.content.append((name, line))
                    continue
        if starts or current is None:
            if name == "column":
                column = line.text
            elif line.gap > usual_gap:
                column = None
            current = Draft(column=column)
            drafts.append(current)
        if name in HEAD and not current.content:
            current.head.append((name, line))
        else:
            current.content.append(("subhead" if name in HEAD and name != "byline" else name, line))
    drafts = _kickers_joined(drafts)
    for draft in drafts:
        for name, line in draft.content:
            if name == "subhead":
                line.role = Role.SUBHEAD
    return drafts, furniture


def _lone_kicker(draft: Draft) -> Line | None:
    """The line of a draft that is one headline line ending as a kicker does and no text (rule
    7). Not one ending on a colon: alone, that is a label or a salutation as often."""
    heads = [(name, line) for name, line in draft.head if name != "column"]
    if draft.content or len(heads) != 1 or heads[0][0] not in ("kicker", "title"):
        return None
    text = heads[0][1].text.strip()
    return heads[0][1] if DASH_OR_SPEECH_END_RE.search(text) else None


def _kickers_joined(drafts: list[Draft]) -> list[Draft]:
    """Rule 7: a lone kicker made the kicker of the headlined draft under it."""
    out: list[Draft] = []
    for draft in drafts:
        names = [name for name, _ in draft.head]
        kicker = _lone_kicker(out[-1]) if out else None
        if kicker is None or "column" in names or not {"kicker", "title"} & set(names):
            out.append(draft)
            continue
        above = out.pop()
        columns = [(name, line) for name, line in above.head if name == "column"]
        main = [("title" if name == "kicker" else name, line) for name, line in draft.head]
        out.append(
            Draft(
                head=[*columns, ("kicker", kicker), *main],
                content=draft.content,
                column=above.column,
            )
        )
    return out
