"""The review draft: a briefing being corrected by an editor, kept in one JSON file.

The file is the briefing's JSON (what ``briefing build --format json`` writes, so any reader of
that format reads a draft as the briefing it is now) plus a ``review`` object:

* ``items``: every entry in display order, each with ``top`` (under 要闻), ``dropped``, the
  ``original`` title/summary/topic the pipeline gave it (and how its title and summary were
  made), and ``edits``: for each changed field, who changed it and when;
* ``articles``: for each entry, the article's text as split into sentences and the sentences
  its summary came from, so the editor checks against the source and reopening needs no rebuild;
* ``version``: raised by every change; a save that names an older version is refused
  (:class:`StaleDraftError`), so two tabs on one draft cannot overwrite each other;
* ``approval``: who approved which version, and the digest of the briefing approved.

The briefing part is derived from ``items`` on every change (:meth:`Draft.briefing`): sections
are 要闻 (entries marked top) and then the topics in taxonomy order; dropped entries are left out.
Every change is written at once, atomically (:func:`~briefing.output.write_atomic`).

An entry's ``summary_provenance`` and ``title_provenance`` follow the editor: a summary or title
the editor changed is ``edited`` by them (so the reviewed briefing says who wrote what), and one
put back as the pipeline made it has the pipeline's provenance again.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..assemble import TOP_SECTION, UNCLASSIFIED, check_date
from ..config import DEFAULT_MAX_CHARS
from ..errors import BriefingError, InputError
from ..output import write_atomic
from ..records import Article, Briefing, Entry, Provenance, Record, Section

logger = logging.getLogger(__name__)

DRAFT_FORMAT = 1
EDITABLE = ("title", "summary", "topic", "top", "dropped")
PROVENANCE_FIELDS = {
    "title": "title_provenance",
    "summary": "summary_provenance",
}  # text field -> how it was made
EDITED = "edited"


class ReviewError(BriefingError):
    """A draft or reviewed file that cannot be used as asked (not approved, edited since, bad edit)."""


class StaleDraftError(ReviewError):
    """A change made on an older version of the draft than the one saved (another tab changed it)."""

    def __init__(self, given: int, current: int) -> None:
        super().__init__(
            f"这份草稿已在别处改过（版本 {current}，本页是版本 {given}），可能是另一个标签页；"
            "为免覆盖，本次修改未保存。请重新载入页面后再改。"
        )
        self.given, self.current = given, current


def now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


@dataclass
class Item(Record):
    """One entry under review: the entry as it is now, where it stands, and what was changed."""

    entry: Entry
    top: bool = False
    dropped: bool = False
    # title, title_generated, summary, topic, top, dropped, title_provenance, summary_provenance
    original: dict[str, Any] = field(default_factory=dict)
    edits: dict[str, dict[str, str]] = field(
        default_factory=dict
    )  # field -> {"by": who, "at": when}

    @property
    def id(self) -> str:
        return self.entry.article_id

    @property
    def section(self) -> str:
        return TOP_SECTION if self.top else (self.entry.topic or UNCLASSIFIED)

    def made(self, field_name: str) -> Provenance | None:
        """How the entry's title or summary was made, as it stands: edited if the editor changed it."""
        made = getattr(self.entry, PROVENANCE_FIELDS[field_name])
        edit = self.edits.get(field_name)
        if edit is not None and (made is None or made.method != EDITED):
            # A draft edited before provenance followed edits: the edit record says who wrote it.
            return Provenance(method=EDITED, by=edit.get("by"))
        return made


@dataclass
class SourceText(Record):
    """An article as the editor checks against it: headline, sentences by paragraph, summary's sentences."""

    headline: str = ""
    paragraphs: list[list[str]] = field(default_factory=list)
    highlight: list[int] = field(default_factory=list)  # sentence numbers across paragraphs, from 0
    check_text: str = (
        ""  # everything the page prints for the article: what summaries are checked against
    )
    # The summary's opening of who argues or writes (周海撰文认为，, 作者写道，), built from the
    # byline, note or signature, not drawn from the text: not checked.
    opening: str = ""


@dataclass
class Approval(Record):
    by: str
    at: str
    version: int
    digest: str


def briefing_digest(briefing: Briefing) -> str:
    """SHA-256 of the briefing's JSON, keys sorted: what an approval vouches for."""
    text = json.dumps(briefing.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_text(article: Article) -> SourceText:
    from ..summarize.commentary import voice_opening
    from ..summarize.guard import article_source
    from ..summarize.sentences import split_sentences

    paragraphs: list[list[str]] = []
    for sentence in split_sentences(article.body):
        while len(paragraphs) <= sentence.paragraph:
            paragraphs.append([])
        paragraphs[sentence.paragraph].append(sentence.text)
    used = list(article.summary.sentences) if article.summary else []
    return SourceText(
        headline=article.headline,
        paragraphs=[p for p in paragraphs if p],
        highlight=used,
        check_text=article_source(article),
        # The opening the summary was made with (who argues, or who writes a first person);
        # without a summary, the one an editor's summary of a commentary would take.
        opening=article.summary.opening if article.summary else voice_opening(article),
    )


class Draft:
    """A draft in memory, bound to its file; each change method saves before it returns."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        review = data.get("review")
        if not isinstance(review, dict) or "items" not in review:
            raise InputError(
                f"{path}: not a review draft (no review.items); start one with `briefing review ISSUE`"
            )
        try:
            self.base = Briefing.from_dict(data)
            self.items = [Item.from_dict(item) for item in review["items"]]
            self.articles = {
                key: SourceText.from_dict(value)
                for key, value in review.get("articles", {}).items()
            }
        except (TypeError, KeyError, AttributeError) as exc:
            raise InputError(f"{path}: the draft is damaged: {exc}") from exc
        self.topics: list[str] = list(review.get("topics", []))
        self.max_chars: int = int(review.get("max_chars", DEFAULT_MAX_CHARS))
        self.version: int = int(review.get("version", 0))
        self.created: str = review.get("created") or now()
        self.updated: str = review.get("updated") or self.created
        approval = review.get("approval")
        self.approval = Approval.from_dict(approval) if approval else None
        self._by_id = {item.id: item for item in self.items}
        self._checks: dict[str, tuple[tuple[str, str], dict[str, Any]]] = {}
        self._stamp = self._file_stamp()  # what the file looked like when we last read or wrote it

    # --- creating, reading, writing ---------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: str | Path,
        briefing: Briefing,
        articles: Sequence[Article],
        *,
        topics: Sequence[str],
        max_chars: int,
    ) -> Draft:
        """A new draft of ``briefing`` (entries as the pipeline made them), saved to ``path``."""
        by_id = {article.id: article for article in articles}
        items = []
        for section in briefing.sections:
            for entry in section.entries:
                original = {
                    "title": entry.title,
                    "title_generated": entry.title_generated,
                    "summary": entry.summary,
                    "topic": entry.topic,
                    "top": section.kind == "top",
                    "dropped": False,
                    **_provenance_of(entry),
                }
                items.append(Item(entry=entry, top=section.kind == "top", original=original))
        labels = list(
            dict.fromkeys([*topics, *(item.entry.topic or UNCLASSIFIED for item in items)])
        )
        stamp = now()
        review = {
            "format": DRAFT_FORMAT,
            "version": 0,
            "created": stamp,
            "updated": stamp,
            "topics": labels,
            "max_chars": max_chars,
            "items": [item.to_dict() for item in items],
            "articles": {
                item.id: source_text(by_id[item.id]).to_dict() for item in items if item.id in by_id
            },
            "approval": None,
        }
        draft = cls(Path(path), {**briefing.to_dict(), "review": review})
        draft.save()
        return draft

    @classmethod
    def load(cls, path: str | Path) -> Draft:
        file = Path(path)
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise InputError(f"{file}: no such draft") from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{file}: cannot read the draft: {exc}") from exc
        if not isinstance(data, dict):
            raise InputError(f"{file}: not a review draft")
        return cls(file, data)

    def to_dict(self) -> dict[str, Any]:
        review = {
            "format": DRAFT_FORMAT,
            "version": self.version,
            "created": self.created,
            "updated": self.updated,
            "topics": self.topics,
            "max_chars": self.max_chars,
            "items": [item.to_dict() for item in self.items],
            "articles": {key: value.to_dict() for key, value in self.articles.items()},
            "approval": self.approval.to_dict() if self.approval else None,
        }
        return {**self.briefing().to_dict(), "review": review}

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n")
        self._stamp = self._file_stamp()

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    # --- the briefing as it stands ----------------------------------------------------------

    def section_order(self) -> list[str]:
        return [TOP_SECTION, *self.topics]

    def briefing(self) -> Briefing:
        """The briefing the draft makes now: 要闻, then topics in order; dropped entries left out."""
        kept = [item for item in self.items if not item.dropped]
        sections = []
        for title in self.section_order():
            entries = [item.entry for item in kept if item.section == title]
            if entries:
                sections.append(
                    Section(
                        title=title,
                        entries=entries,
                        kind="top" if title == TOP_SECTION else "topic",
                    )
                )
        counts = Counter(item.entry.topic or UNCLASSIFIED for item in kept)
        base = self.base
        return Briefing(
            source=base.source,
            paper=base.paper,
            date=base.date,
            article_count=len(kept),
            topic_counts={label: counts[label] for label in self.topics if counts[label]},
            sections=sections,
            keywords=list(base.keywords),
            appendix=list(base.appendix),
            schema_version=base.schema_version,
        )

    def item(self, article_id: str) -> Item:
        try:
            return self._by_id[article_id]
        except KeyError:
            raise ReviewError(f"no entry {article_id!r} in this draft") from None

    def placement(self, item: Item) -> dict[str, Any]:
        """Where ``item`` shows on the page: its section and the entry it comes before (None: last)."""
        start = self.items.index(item) + 1
        after = next(
            (other.id for other in self.items[start:] if other.section == item.section), None
        )
        return {"section": item.section, "before": after}

    def checks(self, item: Item) -> dict[str, Any]:
        """The summarizer's checks on the entry as edited: budget, and what the article lacks."""
        key = (item.entry.summary, item.entry.title)
        cached = self._checks.get(item.id)
        if (
            cached is None or cached[0] != key
        ):  # the page shows every entry's checks: run each once per text
            cached = self._checks[item.id] = (key, self._run_checks(item))
        return cached[1]

    def _run_checks(self, item: Item) -> dict[str, Any]:
        from ..summarize.guard import check_summary

        source = self.articles.get(item.id)
        text = source.check_text if source else ""
        opening = source.opening if source else ""
        summary = (
            check_summary(item.entry.summary.removeprefix(opening), text)
            if item.entry.summary and text
            else None
        )
        title = check_summary(item.entry.title, text) if item.entry.title and text else None
        problems = list(summary.problems) if summary is not None else []
        length = len(item.entry.summary)
        if length > self.max_chars:
            problems.append(f"{length} characters, over the budget of {self.max_chars}")
        return {
            "chars": length,
            "max_chars": self.max_chars,
            "summary_problems": problems,
            "summary_spans": summary.spans if summary is not None else [],
            "title_problems": title.problems if title is not None else [],
            "title_spans": title.spans if title is not None else [],
        }

    # --- changes ------------------------------------------------------------------------------

    def _change(self, version: int) -> None:
        if version != self.version:
            raise StaleDraftError(version, self.version)
        if self._file_stamp() != self._stamp:
            # Another process (a second `briefing review` on the same draft, a hand edit) wrote the
            # file since: saving would overwrite its changes.
            raise ReviewError(
                f"{self.path} was changed outside this page (a second `briefing review` on it?); "
                "nothing was saved: stop this server and reopen the draft"
            )

    def _commit(self) -> None:
        self.version += 1
        self.updated = now()
        self.save()

    def edit(self, article_id: str, field_name: str, value: Any, *, version: int, by: str) -> Item:
        """Set one field of an entry (title, summary, topic, top, dropped) and save."""
        self._change(version)
        item = self.item(article_id)
        if field_name not in EDITABLE:
            raise ReviewError(f"{field_name!r} cannot be edited; editable: {', '.join(EDITABLE)}")
        if field_name in ("top", "dropped"):
            if not isinstance(value, bool):
                raise ReviewError(f"{field_name} must be true or false")
            setattr(item, field_name, value)
        else:
            if not isinstance(value, str):
                raise ReviewError(f"{field_name} must be text")
            value = " ".join(value.split()) if field_name != "summary" else value.strip()
            if field_name == "title":
                if not value:
                    raise ReviewError("a title cannot be empty")
                item.entry.title = value
                # The editor wrote it: the title is no longer the pipeline's guess (no 〔拟〕 mark),
                # unless it is put back as it was.
                original = item.original
                item.entry.title_generated = bool(
                    original.get("title_generated")
                ) and value == original.get("title")
            elif field_name == "topic":
                if value not in self.topics:
                    raise ReviewError(f"unknown topic {value!r}; topics: {', '.join(self.topics)}")
                item.entry.topic = value
            else:
                item.entry.summary = value
        current = (
            getattr(item, field_name)
            if field_name in ("top", "dropped")
            else getattr(item.entry, field_name)
        )
        restored = field_name in item.original and current == item.original[field_name]
        if restored:
            item.edits.pop(field_name, None)  # back as the pipeline made it: no longer an edit
        else:
            item.edits[field_name] = {"by": by, "at": now()}
        if field_name in PROVENANCE_FIELDS:
            _set_provenance(item, PROVENANCE_FIELDS[field_name], None if restored else by)
        self._commit()
        return item

    def move(self, article_id: str, direction: str, *, version: int, by: str) -> Item:
        """Swap an entry with its neighbour in the same section (``up`` or ``down``) and save."""
        self._change(version)
        item = self.item(article_id)
        if direction not in ("up", "down"):
            raise ReviewError(f"direction must be up or down, got {direction!r}")
        index = self.items.index(item)
        step = -1 if direction == "up" else 1
        others = range(index - 1, -1, -1) if step < 0 else range(index + 1, len(self.items))
        neighbour = next((i for i in others if self.items[i].section == item.section), None)
        if neighbour is None:
            raise ReviewError(
                f"the entry is already the {'first' if step < 0 else 'last'} of its section"
            )
        self.items[index], self.items[neighbour] = self.items[neighbour], self.items[index]
        item.edits["position"] = {"by": by, "at": now()}
        self._commit()
        return item

    def set_header(self, *, paper: str | None, date: str | None, version: int) -> None:
        """Change the paper's name and the issue date (ISO ``YYYY-MM-DD``; empty: none) and save."""
        self._change(version)
        date = (date or "").strip() or None
        try:
            self.base.date = check_date(date)
        except BriefingError as exc:
            raise ReviewError(str(exc)) from exc
        self.base.paper = (paper or "").strip() or None
        self._commit()

    def approve(self, *, version: int, by: str) -> Approval:
        """Record that ``by`` approved this version; the briefing's digest is what was approved."""
        self._change(version)
        if not any(not item.dropped for item in self.items):
            raise ReviewError("every entry is dropped: there is nothing to approve")
        self.version += 1  # the approval is itself a change, recorded with the version it approves
        self.approval = Approval(
            by=by, at=now(), version=self.version, digest=briefing_digest(self.briefing())
        )
        self.updated = self.approval.at
        self.save()
        return self.approval

    @property
    def approved(self) -> bool:
        """Approved, and not changed since."""
        return self.approval is not None and self.approval.version == self.version


def _provenance_of(entry: Entry) -> dict[str, Any]:
    return {
        key: made.to_dict() if (made := getattr(entry, key)) else None
        for key in PROVENANCE_FIELDS.values()
    }


def _set_provenance(item: Item, key: str, editor: str | None) -> None:
    """``editor`` wrote the field (edited), or (None) it is back as the pipeline made it."""
    # Drafts made before the original provenance was kept: the entry's is still the pipeline's.
    original = item.original.setdefault(key, _provenance_of(item.entry)[key])
    made: Provenance | None
    if editor is not None:
        made = Provenance(method=EDITED, by=editor)
    else:
        made = Provenance.from_dict(original) if original else None
    setattr(item.entry, key, made)
