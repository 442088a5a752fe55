"""Reading issues and pre-split articles from files, directories and standard input.

Encodings are detected from the bytes, never from the locale: a UTF-8 BOM, then strict UTF-8,
then strict GB18030 (a superset of GBK and GB2312). Anything else is an error, not a guess.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import InputError
from .records import Article, Issue, Page

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024  # a whole day's paper is well under 1 MB of text
PAGE_SUFFIXES = {".txt", ".text"}
STDIN = "-"


def decode(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode an issue's bytes to text with LF line ends."""
    if not data.strip():
        raise InputError(f"{source}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file, not text (NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"{source}: cannot decode as UTF-8 or GB18030; convert the file to UTF-8")
    # GB18030 decodes almost any byte string; reject results that are mostly control codes.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > max(8, len(text) // 100):
        raise InputError(f"{source}: looks like a binary file, not text")
    logger.debug("%s decoded as %s", source, encodings[0] if len(encodings) == 1 else encoding)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size / 1e6:.0f} MB is too large for one issue (limit {MAX_BYTES // 2**20} MiB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc


def _read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"standard input: more than {MAX_BYTES // 2**20} MiB is too large for one issue")
    return data


def _page_number(name: str) -> int | None:
    match = re.search(r"(\d+)(?!.*\d)", Path(name).stem)
    return int(match.group(1)) if match else None


def _read_page(path: Path, *, numbered: bool = True) -> Page:
    """One page file; ``numbered``: its page number from the last number in its name."""
    lines = decode(_read_bytes(path), source=str(path)).split("\n")
    return Page(source=str(path), lines=lines, number=_page_number(path.name) if numbered else None)


def read_issue(
    source: str | Path | Sequence[str | Path], *, paper: str | None = None, date: str | None = None
) -> Issue:
    """Read an issue: a text file, a directory of page files (name order), a list of page
    files (in the order given), or ``-`` (stdin)."""
    if not isinstance(source, (str, Path)):
        files = [Path(p) for p in source]
        if not files:
            raise InputError("no input files given")
        pages = [_read_page(p) for p in files]
        return Issue(source=", ".join(str(p) for p in files), pages=pages, paper=paper, date=date)
    if str(source) == STDIN:
        pages = [Page(source=STDIN, lines=decode(_read_stdin(), source="standard input").split("\n"))]
    else:
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
            if not files:
                raise InputError(f"{path}: no page files (*.txt) in this directory")
            pages = [_read_page(p) for p in files]
        else:
            pages = [_read_page(path, numbered=False)]
    return Issue(source=str(source), pages=pages, paper=paper, date=date)


def is_articles_file(source: str | Path | Sequence[str | Path]) -> bool:
    return isinstance(source, (str, Path)) and str(source).lower().endswith(".jsonl")


def read_jsonl(source: str | Path) -> Iterator[tuple[int, dict]]:
    """The objects of a JSON Lines file (or ``-``) with their line numbers.

    A line that is not a JSON object is an :class:`InputError` naming the file and line.
    """
    name = "standard input" if str(source) == STDIN else str(source)
    raw = _read_stdin() if str(source) == STDIN else _read_bytes(Path(source))
    for number, line in enumerate(decode(raw, source=name).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise InputError(f"{name}:{number}: expected a JSON object, got {type(record).__name__}")
        yield number, record


def read_articles(source: str | Path) -> list[Article]:
    """Read already-split articles, one JSON object per line: ``{"id", "title"?, "text"}``.

    Objects written by ``briefing split --format json`` (article dicts with ``body``) are
    accepted as well, so later stages can run on the output of earlier ones.
    """
    name = "standard input" if str(source) == STDIN else str(source)
    articles: list[Article] = []
    seen: set[str] = set()
    for number, record in read_jsonl(source):
        article_id = str(record.get("id") or f"a{len(articles) + 1}")
        if article_id in seen:
            raise InputError(f"{name}:{number}: duplicate id {article_id!r}")
        seen.add(article_id)
        if "body" in record:
            if not isinstance(record["body"], list):
                raise InputError(f"{name}:{number}: 'body' must be a list of paragraphs")
            article = Article.from_dict({**record, "id": article_id})
        else:
            text = record.get("text")
            if not isinstance(text, str):
                raise InputError(f"{name}:{number}: missing 'text' (a string)")
            title = record.get("title")
            if title is not None and not isinstance(title, str):
                raise InputError(f"{name}:{number}: 'title' must be a string")
            body = [p.strip() for p in text.split("\n") if p.strip()]
            article = Article(id=article_id, title=(title or "").strip() or None, body=body)
        articles.append(article)
    if not articles:
        raise InputError(f"{name}: no articles in this file")
    return articles
