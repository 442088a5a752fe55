"""The reading layer: input paths -> an :class:`~briefing.records.Issue` whose pages the
splitters read.

:func:`read` is the one entry: a text file, a folder or list of page files, ``-`` (standard
input) or a JSONL file of articles. Each page it returns says its kind (``Page.kind``): text
lines (:mod:`.text`), article blocks read from a PDF or HTML page's layout (:mod:`.layout`,
scanned pages through :mod:`briefing.ocr`), or articles already split. Which files make an issue
and its fingerprint are :func:`issue_files` and :func:`issue_fingerprint` (:mod:`.files`), used by build,
batch, watch and send alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Issue, Page
from .files import ARTICLES, LAYOUT, STDIN, TEXT, Source, issue_files, issue_fingerprint, kind_of
from .text import read_articles, read_issue


def check_source(source: object) -> None:
    """A TypeError with a plain message unless ``source`` is what :func:`read` takes."""
    if isinstance(source, (str, Path)):
        return
    if (
        isinstance(source, Sequence)
        and not isinstance(source, (bytes, bytearray))
        and all(isinstance(p, (str, Path)) for p in source)
    ):
        return
    raise TypeError(
        f"source must be a path (str or Path), '-', or a list of paths; got {type(source).__name__}"
    )


def source_kind(source: Source) -> str:
    """The kind of pages ``source`` holds (``text``, ``layout`` or ``articles``), from its files'
    names; text and layout pages mixed in one issue are an :class:`InputError`."""
    if isinstance(source, (str, Path)) and str(source) != STDIN and not Path(source).is_dir():
        return kind_of(Path(source))  # one file: named, whether it exists or not (read says)
    kinds = {kind_of(p) for p in issue_files(source)}
    if ARTICLES in kinds and (len(kinds) > 1 or not isinstance(source, (str, Path))):
        raise InputError(f"{_name(source)}: a JSONL file of articles is an issue on its own")
    if len(kinds) > 1:
        raise InputError(
            f"{_name(source)}: text pages and PDF, image or HTML pages mixed in one issue; "
            "give one kind at a time"
        )
    return kinds.pop() if kinds else TEXT


def read(
    source: Source,
    *,
    paper: str | None = None,
    date: str | None = None,
    ocr: str = "auto",
) -> Issue:
    """Read the issue in ``source``: its pages, furniture found while reading, and the paper and
    date given (a PDF page's masthead date when none is given).

    ``ocr`` is "auto", "always" or "never": which PDF pages are read by OCR (see
    :mod:`briefing.ocr`). Bad input is an :class:`~briefing.errors.InputError`.
    """
    check_source(source)
    kind = source_kind(source)
    if kind == ARTICLES:
        assert isinstance(source, (str, Path))  # source_kind allows one JSONL file only
        blocks = read_articles(source)
        page = Page(source=str(source), kind=ARTICLES, blocks=blocks)
        return Issue(source=str(source), pages=[page], paper=paper, date=date)
    if kind == LAYOUT:
        from .layout import read_layout_source

        pages = issue_files(source)
        if not pages:
            raise InputError(f"{_name(source)}: no page files in this directory")
        return read_layout_source(pages, source=_name(source), paper=paper, date=date, ocr=ocr)
    return read_issue(source, paper=paper, date=date)


def _name(source: Any) -> str:
    return str(source) if isinstance(source, (str, Path)) else ", ".join(str(p) for p in source)


__all__ = [
    "check_source",
    "issue_files",
    "issue_fingerprint",
    "read",
    "read_articles",
    "read_issue",
]
