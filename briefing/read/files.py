"""Which files make an issue, its kind of pages, and its fingerprint: defined here once, for
every command (build, split, batch, watch, send) and for the library.

An issue is a text file or a folder or list of text pages (pages of text lines, split by the
``rules`` splitter), page PDFs, scanned page images or saved e-paper HTML pages (pages read from
their layout, split by the ``layout`` splitter), or a JSON Lines file of articles already split.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError

STDIN = "-"
Source = str | Path | Sequence[str | Path]

# A text page or issue, a JSONL file of articles, an e-paper page PDF, a scanned page image
# (read by OCR) or a saved HTML page.
TEXT_SUFFIXES = (".txt", ".text")
ARTICLES_SUFFIXES = (".jsonl",)
PDF_SUFFIXES = (".pdf",)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ISSUE_SUFFIXES = TEXT_SUFFIXES + ARTICLES_SUFFIXES + PDF_SUFFIXES + IMAGE_SUFFIXES + HTML_SUFFIXES
# Names that are never an issue: hidden files, partial downloads, editor backups, mail drafts.
IGNORED_NAMES = (".*", "*.tmp", "*.part", "*.partial", "*.crdownload", "*.eml", "*~")
ISSUE_FILES_TEXT = ", ".join(f"*{suffix}" for suffix in ISSUE_SUFFIXES)


def is_ignored(path: Path) -> bool:
    """Hidden files, partial downloads and the like: never read as an issue or a page."""
    return any(fnmatch.fnmatch(path.name, pattern) for pattern in IGNORED_NAMES)


def is_issue_file(path: Path) -> bool:
    """A regular file that is an issue by its name (see ``ISSUE_SUFFIXES``)."""
    return path.suffix.lower() in ISSUE_SUFFIXES and not is_ignored(path) and path.is_file()


def page_files(directory: Path) -> list[Path]:
    """The files of a folder that make one issue, in name order: its page PDFs and page images
    when it has any (a README.txt beside them does not matter), else its text pages, else its
    HTML pages."""
    try:
        names = sorted(p for p in directory.iterdir() if not is_ignored(p) and p.is_file())
    except OSError as exc:
        raise InputError(f"{directory}: cannot list the folder: {exc.strerror or exc}") from exc
    for suffixes in (PDF_SUFFIXES + IMAGE_SUFFIXES, TEXT_SUFFIXES, HTML_SUFFIXES):
        pages = [p for p in names if p.suffix.lower() in suffixes]
        if pages:
            return pages
    return []


def issue_digest(path: Path) -> str:
    """SHA-256 of what an issue is made of: a file's bytes, or a folder's page files (names and
    bytes, in name order). The one content fingerprint that batch and delivery resume by."""
    if not path.is_dir() and not path.is_file():  # a FIFO would block the read, a device never end
        raise InputError(
            f"{path}: no such file or directory"
            if not path.exists()
            else f"{path}: not a regular file"
        )
    try:
        if not path.is_dir():
            return _file_sha256(path).hexdigest()
        digest = _sha256()
        for file in page_files(path):
            digest.update(file.name.encode("utf-8") + b"\0" + _file_sha256(file).digest())
        return digest.hexdigest()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _sha256(data: bytes = b"") -> Any:
    import hashlib  # here: OpenSSL's start is 5 ms of every cold build, and a build never hashes

    return hashlib.sha256(data)


def _file_sha256(path: Path) -> Any:
    digest = _sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest


# The kinds of page an issue holds (``Page.kind``), and which splitter reads each by default.
TEXT, LAYOUT, ARTICLES = "text", "layout", "articles"
LAYOUT_SUFFIXES = PDF_SUFFIXES + IMAGE_SUFFIXES + HTML_SUFFIXES


def kind_of(path: Path) -> str:
    """The kind of pages a file holds, by its name: ``layout`` (PDF, page image, HTML),
    ``articles`` (JSONL) or ``text`` (anything else is read as text)."""
    suffix = path.suffix.lower()
    if suffix in LAYOUT_SUFFIXES:
        return LAYOUT
    return ARTICLES if suffix in ARTICLES_SUFFIXES else TEXT


def issue_files(source: Source) -> list[Path]:
    """The files that make the issue ``source``: a file itself, a folder's page files
    (:func:`page_files`), a list of files as given; none for ``-`` (standard input)."""
    if not isinstance(source, (str, Path)):
        return [Path(p) for p in source]
    if str(source) == STDIN:
        return []
    path = Path(source)
    return page_files(path) if path.is_dir() else [path]


def issue_fingerprint(path: Path, *, paper: str | None = None, date: str | None = None) -> str:
    """The identity of an issue: its content (:func:`issue_digest`) plus the paper and date
    given for it, which name it. Batch resumes by it; the delivery ledger records it."""
    key = json.dumps({"content": issue_digest(path), "paper": paper, "date": date}, sort_keys=True)
    return _sha256(key.encode("utf-8")).hexdigest()
