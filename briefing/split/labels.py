"""The labels of the line labeller, and how gold article spans turn into them.

Every non-blank line of a page gets one label. Heading lines: ``column`` (a column heading over
one or more items), ``kicker``, ``title``, ``subtitle``, ``byline``. Content lines: ``body`` (a
paragraph; datelines, captions, credits and notes are told apart by the recognisers of
:mod:`briefing.split.lines` afterwards), ``cont`` (the rest of a paragraph that a column break
cut off the line before) and ``subhead`` (a heading inside an article). ``furniture`` is page
furniture (header, page number, 责任编辑). The first line of each article carries ``B-`` before
its label: that is where articles start.
"""

from __future__ import annotations

import re
from typing import Any

from .lines import Line, Role, is_bare_name, tag
from .rejoin import closes, cuts_word

HEAD = ("column", "kicker", "title", "subtitle", "byline")
CONTENT = ("body", "cont", "subhead")
FURNITURE = "furniture"
START = "B-"
# A page NAME.txt has its gold articles beside it in the first of these that exists.
GOLD_SUFFIXES = (".gold.json", ".expected.json")


def normalise(text: str | None) -> str:
    """Text as gold and pages are compared: no whitespace, no leading ——."""
    return re.sub(r"^(?:——|--|－－|—)", "", re.sub(r"\s+", "", text or ""))


def content_label(line: Line, previous: Line | None, *, paragraph_start: bool | None) -> str:
    """``cont``, ``subhead`` or ``body`` for a line inside an article.

    ``paragraph_start`` is known where the source's paragraphs are (articles files, renderings);
    otherwise a line continues the one before when that one ends no sentence and the break cuts
    a word or the line opens with punctuation.
    """
    if previous is not None and paragraph_start is None:
        paragraph_start = not (
            not closes(previous.folded)
            and (line.folded[0] in "，,、；;。”’）)" or cuts_word(previous.folded, line.folded))
        )
    if previous is not None and paragraph_start is False:
        return "cont"
    return "subhead" if tag(line) is Role.HEADING else "body"


def gold_labels(
    lines: list[Line], gold: dict[str, Any], paragraphs: dict[str, list[str]] | None = None
) -> list[str]:
    """Labels for the non-blank ``lines`` of a page from its gold (``*.gold.json`` format).

    ``paragraphs`` maps ``doc_id`` to the article's paragraphs, where an articles file gives them:
    a line that opens no paragraph then continues the line before.
    """
    labels = [FURNITURE] * len(lines)
    position = {line.number: index for index, line in enumerate(lines)}
    for article in gold["articles"]:
        first, last = article["lines"]
        first = min([first, *article.get("alt_first", [])])
        members = [position[n] for n in range(first, last + 1) if n in position]
        if not members:
            continue
        texts = paragraphs.get(article.get("doc_id", ""), []) if paragraphs else []
        starts = [normalise(p) for p in texts if normalise(p)]
        wanted = [(name, normalise(article.get(name))) for name in HEAD if article.get(name)]
        body_started = False
        pending = ""  # the rest of a heading that a column break cut
        for rank, index in enumerate(members):
            line = lines[index]
            text = normalise(line.text)
            previous = lines[members[rank - 1]] if rank else None
            label = None
            if pending and pending.startswith(text):
                pending, label = pending[len(text) :], "cont"
            elif not body_started:
                for at, (name, want) in enumerate(wanted):
                    if want == text or (len(text) >= 4 and want.startswith(text)):
                        label, pending = name, want[len(text) :]
                        del wanted[: at + 1]
                        break
                if (
                    label is None
                    and "title" in article
                    and "subtitle" not in article
                    and rank
                    and lines[members[0]] is not line
                ):
                    # Old pages give only the title: heading lines under it are its subtitle or author.
                    role = tag(line)
                    if role in (Role.HEADING, Role.SUBTITLE, Role.BYLINE) and labels[
                        members[rank - 1]
                    ] in (*HEAD, START + "title"):
                        label = (
                            "byline"
                            if role is Role.BYLINE or is_bare_name(line.text)
                            else "subtitle"
                        )
            if label is None:
                body_started = True
                subheads = {normalise(s) for s in article.get("subheads", [])}
                if text in subheads:
                    label = "subhead"
                elif starts:
                    key = text[:12]
                    label = content_label(
                        line, previous, paragraph_start=any(s.startswith(key) for s in starts)
                    )
                elif "rejoined" in article:
                    joined = previous is not None and any(
                        normalise(previous.text).endswith(piece[:k]) and text.startswith(piece[k:])
                        for piece in map(normalise, article["rejoined"])
                        for k in range(1, len(piece))
                    )
                    label = content_label(line, previous, paragraph_start=not joined)
                    if label == "subhead" and "subheads" in article:
                        label = "body"  # the gold lists every subhead
                else:
                    label = content_label(line, previous, paragraph_start=None)
            labels[index] = (START + label) if rank == 0 else label
    return _plain_runs(labels)


def _plain_runs(labels: list[str]) -> list[str]:
    """Heading-like lines that are no subheads: the first piece of a cut paragraph, and runs of
    three or more short lines (verse, lists, table rows), which are text."""
    out = [label.replace(START + "subhead", START + "body") for label in labels]
    index = 0
    while index < len(out):
        end = index
        while end < len(out) and out[end] == "subhead":
            end += 1
        if end - index >= 3:
            out[index:end] = ["body"] * (end - index)
        index = max(end, index + 1)
    for index in range(len(out) - 1):
        if out[index].endswith("subhead") and out[index + 1] == "cont":
            out[index] = out[index].replace("subhead", "body")
    return out
