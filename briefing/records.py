"""The records that flow through the pipeline: an issue, its articles, and what stages add.

One record grows as it flows: the splitter fills an article's structure, later stages add
``topic``, ``summary`` and ``display_title``; none rewrites another stage's fields. All records
are plain dataclasses that round-trip through JSON-ready dicts (``to_dict`` / ``from_dict``).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .errors import InputError

T = TypeVar("T", bound="Record")


class Record:
    """Mixin: ``to_dict`` / ``from_dict`` for (nested) dataclasses of JSON-ready values."""

    def to_dict(self) -> dict[str, Any]:
        return {
            f.name: _dump(getattr(self, f.name))
            for f in dataclasses.fields(self)  # type: ignore[arg-type]
            if f.metadata.get("dump", True)
        }

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any], *, _path: str = "") -> T:
        """Build from a dict, checking every value against the field's type.

        Unknown keys are ignored so newer outputs stay readable; ``null`` for a field that has
        a default takes the default. A value of the wrong type, or a missing required field, is
        an :class:`~briefing.errors.InputError` that names the field (``'topic.score'``).
        """
        if not isinstance(data, dict):
            raise _wrong(_path or cls.__name__, cls, data)
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            where = f"{_path}.{f.name}" if _path else f.name
            has_default = (
                f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            )
            value = data.get(f.name)
            if value is None and not _optional(hints[f.name]):
                if has_default:
                    continue
                raise InputError(
                    f"{where!r} is missing" if f.name not in data else f"{where!r} must not be null"
                )
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], value, where)
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _optional(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(
        None
    ) in typing.get_args(hint)


_KINDS = {
    str: ("a string", "strings"),
    int: ("an integer", "integers"),
    float: ("a number", "numbers"),
    bool: ("true or false", "true/false values"),
}


def _describe(hint: Any, *, plural: bool = False) -> str:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [
            _describe(a, plural=plural) for a in typing.get_args(hint) if a is not type(None)
        ]
        return " or ".join(options) + ("" if plural else " or null")
    if origin in (list, tuple):
        (item,) = typing.get_args(hint)[:1] or (Any,)
        return ("lists" if plural else "a list") + (
            f" of {_describe(item, plural=True)}" if item is not Any else ""
        )
    if origin is dict:
        return "objects" if plural else "an object"
    if hint in _KINDS:
        return _KINDS[hint][plural]
    if isinstance(hint, type) and issubclass(hint, Record):
        return f"{hint.__name__} objects" if plural else f"a {hint.__name__} object"
    return "values" if plural else "a value"


def _wrong(where: str, hint: Any, value: Any) -> InputError:
    shown = json.dumps(value, ensure_ascii=False, default=repr)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return InputError(f"{where!r} must be {_describe(hint)}, got {shown}")


def _load(hint: Any, value: Any, where: str) -> Any:
    if value is None:
        if hint is Any or _optional(hint):
            return None
        raise _wrong(where, hint, value)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _load(options[0], value, where) if len(options) == 1 else value
    if origin in (list, tuple):
        if not isinstance(value, list):
            raise _wrong(where, hint, value)
        (item,) = typing.get_args(hint)[:1] or (Any,)
        return [_load(item, v, f"{where}[{n}]") for n, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise _wrong(where, hint, value)
        _, item = typing.get_args(hint) or (str, Any)
        return {str(k): _load(item, v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(hint, type) and issubclass(hint, Record):
        if not isinstance(value, dict):
            raise _wrong(where, hint, value)
        return hint.from_dict(value, _path=where)
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _wrong(where, hint, value)
        return float(value)
    if hint is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise _wrong(where, hint, value)
    if hint in (str, bool) and not isinstance(value, hint):
        raise _wrong(where, hint, value)
    return value


@dataclass
class Furniture(Record):
    """A line of the page that is not part of any article: header, page number, editor line."""

    line: int
    text: str
    kind: str = "furniture"
    page: int | None = None
    box: list[float] | None = (
        None  # [x0, y0, x1, y1] in PDF points, for items read from a page layout
    )


@dataclass
class Page(Record):
    """One page of an issue, as the reading layer gives it to the splitters.

    ``kind`` says what the page holds: ``"text"``, text lines (line 1 is ``lines[0]``) that a
    text splitter groups into articles; ``"layout"``, the article blocks read from a PDF or HTML
    page's layout (``blocks``, in reading order; ``lines`` is their text); ``"articles"``,
    articles already split (a JSONL file) in ``blocks``.
    """

    source: str
    # The raw text stays out of JSON output: the articles carry it, with line numbers.
    lines: list[str] = field(default_factory=list, metadata={"dump": False})
    number: int | None = None
    name: str | None = None
    kind: str = field(default="text", metadata={"dump": False})
    blocks: list[Article] = field(default_factory=list, metadata={"dump": False})


@dataclass
class Issue(Record):
    """One issue of a paper: where it came from, its pages, what is known about it."""

    source: str
    pages: list[Page] = field(default_factory=list)
    paper: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, only when known: never guessed
    furniture: list[Furniture] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join("\n".join(page.lines) for page in self.pages)


@dataclass
class Topic(Record):
    label: str
    score: float
    runner_up: str | None = None
    evidence: list[str] = field(default_factory=list)
    method: str = "keywords"


@dataclass
class Summary(Record):
    text: str
    method: str
    sentences: list[int] = field(default_factory=list)
    reason: str | None = None  # why a fallback was taken
    model: str | None = None  # the model card asked for it, also when its output was not used
    # Who argues or writes, as the summarizer put it before the text (钟声文章指出，, 读者周海来信说，):
    # built from the column, byline or signature, not drawn from the text, so that the guard, the
    # deletion audit and the review page check only what follows it ("" when there is none).
    opening: str = ""


@dataclass
class Provenance(Record):
    """How a summary or a title was made: its method, the model card asked, and why a model's
    output was not used (a fallback)."""

    method: str = field(
        metadata={
            "schema": {
                "description": (
                    "extractive (sentences of the article), model:CARD (written by that model card), extractive-fallback "
                    "(the model was asked but its output failed a check or the request failed), printed (the title the "
                    "page printed, as printed), printed-joined (the printed headline's parts on one line: a kicker or a "
                    "subtitle joined to the title, or a part such as a series tag left out; the page did not print that "
                    "line as such), none (the page printed no title and none was made: the entry shows a placeholder), opening (the article's opening: no summary was made), edited (written or changed by an editor "
                    "on the review page; by names who)"
                )
            }
        }
    )
    model: str | None = field(
        default=None, metadata={"schema": {"description": "the model card that was asked"}}
    )
    reason: str | None = field(
        default=None, metadata={"schema": {"description": "why the model's output was not used"}}
    )
    by: str | None = field(
        default=None,
        metadata={"schema": {"description": "the editor who wrote it (method edited)"}},
    )
    verbatim: bool | None = field(
        default=None,
        metadata={
            "schema": {
                "description": (
                    "for a summary made of the article's sentences (extractive, extractive-fallback): "
                    "true when it prints them as the article does (whole sentences or runs of one), "
                    "false when words inside were deleted or added (compressed); absent otherwise"
                )
            }
        },
    )


@dataclass
class Article(Record):
    """One article, as the splitter finds it and as later stages annotate it."""

    id: str
    body: list[str] = field(default_factory=list)  # paragraphs, one per item
    lines: list[int] | None = None  # [first, last], 1-based, within ``page``
    page: int | None = None
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    dateline: str | None = None
    column: str | None = None
    subheads: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    # The briefs of a box that prints several (速览, 数读, 资讯速递), one per item: the brief's
    # heading, or the first sentence of an untitled one. Empty for any other article.
    items: list[str] = field(default_factory=list)
    credit: str | None = None
    note: str | None = None  # author note printed after the body: （作者为…）
    boxes: list[list[float]] | None = (
        None  # [x0, y0, x1, y1] per block in PDF points (layout input)
    )
    # Added by later stages.
    topic: Topic | None = None
    summary: Summary | None = None
    display_title: str | None = None
    title_generated: bool | None = None
    title_provenance: Provenance | None = None  # set by a model titler; None: printed or extractive

    @property
    def text(self) -> str:
        """The body as one string, paragraphs on their own lines."""
        return "\n".join(self.body)

    @property
    def headline(self) -> str:
        """Kicker, title and subtitle run together: what a reader sees above the body."""
        return " ".join(p for p in (self.kicker, self.title, self.subtitle) if p)


@dataclass
class Entry(Record):
    """One article as the briefing shows it: a title, a summary and where to find the original."""

    article_id: str
    title: str  # the display title; a generated one is marked when rendered
    title_generated: bool = False
    commentary: bool = False  # an opinion piece (钟声, 人民时评, 本报评论员): marked 〔评论〕, kept apart from news
    summary: str = ""
    topic: str | None = None
    importance: float = 0.0
    source: str = ""  # the source line: column or kicker, byline or dateline, page and lines
    page: int | None = None
    lines: list[int] | None = None
    # Where else the same story ran (a combined briefing merges duplicates): "PAPER 第N版《标题》".
    also_in: list[str] = field(default_factory=list)
    # The briefs of a 速览/数读 box (the article's ``items``), or the further photos of a
    # numbered photo box (one line each: the first sentence of its caption), listed under the entry.
    items: list[str] = field(default_factory=list)
    summary_provenance: Provenance | None = field(
        default=None, metadata={"schema": {"description": "how the summary was made"}}
    )
    title_provenance: Provenance | None = field(
        default=None, metadata={"schema": {"description": "how the title was made"}}
    )


@dataclass
class Section(Record):
    """A heading with its entries: 要闻 (the top stories) or one topic of the taxonomy."""

    title: str
    entries: list[Entry] = field(default_factory=list)
    kind: str = "topic"  # "top" for 要闻, "topic" for a taxonomy label


@dataclass
class AppendixItem(Record):
    """Something of the issue that is not an entry (page furniture, a fragment), kept so nothing is lost."""

    kind: str
    text: str
    page: int | None = None
    line: int | None = None


@dataclass
class Briefing(Record):
    """The daily briefing of one issue: header, top stories, topic sections, keywords, appendix."""

    source: str
    paper: str | None = None
    # ISO YYYY-MM-DD from --date or the printed page header; never guessed.
    date: str | None = field(default=None, metadata={"schema": {"pattern": r"^\d{4}-\d{2}-\d{2}$"}})
    article_count: int = 0
    topic_counts: dict[str, int] = field(default_factory=dict)  # in section order
    sections: list[Section] = field(
        default_factory=list
    )  # 要闻 first, then topics in taxonomy order
    keywords: list[str] = field(default_factory=list)
    appendix: list[AppendixItem] = field(default_factory=list)
    schema_version: int = 1

    @property
    def entries(self) -> list[Entry]:
        """Every entry, in reading order."""
        return [entry for section in self.sections for entry in section.entries]
