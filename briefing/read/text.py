"""Reading text issues and pre-split articles (JSONL) from files, folders and standard input.

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
from typing import Any

from ..errors import InputError
from ..records import Article, Issue, Page
from .files import STDIN, TEXT_SUFFIXES, page_files

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024  # a whole day's paper is well under 1 MB of text


ENCODINGS_READ = "UTF-8 (with or without a BOM), GB18030 (GBK, GB2312) or UTF-16 with a BOM"

# Terminal escape sequences (CSI such as ESC[2J, OSC such as a window title ended by BEL or
# ESC\\), then any other C0/C1 control but tab and newline: they are never article text, and
# they would act on the terminal or mail client that shows the briefing.
_ESCAPE_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACING_CONTROLS = "\x0b\x0c"  # vertical tab, form feed: a gap in the text, kept as a space
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# C0 controls but tab, line feed, form feed and carriage return: many of them mean binary data.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def strip_controls(text: str) -> str:
    """``text`` without terminal escape sequences and C0/C1 control characters (tab and
    newline stay; a vertical tab or form feed becomes a space)."""
    text = _ESCAPE_SEQUENCES.sub("", text)
    return _CONTROLS.sub(lambda m: " " if m.group() in _SPACING_CONTROLS else "", text)


def _readable(text: str) -> bool:
    """Mostly ASCII, CJK and full-width forms, as any newspaper text is; bytes of another
    kind read as UTF-16 give a scatter of other code points instead."""
    readable = sum(
        1
        for ch in text
        if ch in "\n\r\t"
        or " " <= ch <= "~"
        or "\u3000" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
    )
    return bool(text) and readable >= 0.9 * len(text)


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: the bytes read as UTF-16 (either byte order) give readable text."""
    sample = data[: 8192 & ~1]
    return any(
        _readable(sample.decode(encoding, errors="replace"))
        for encoding in ("utf-16-le", "utf-16-be")
    )


def decode(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode an issue's bytes to text with LF line ends, control characters removed."""
    if not data.strip():
        raise InputError(f"{source}: the file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if _looks_like_utf16(data):
            raise InputError(
                f"{source}: looks like UTF-16 without a byte-order mark; briefing reads {ENCODINGS_READ}: convert the file to UTF-8"
            )
        raise InputError(
            f"{source}: looks like a binary file, not text (NUL bytes); briefing reads text in {ENCODINGS_READ}"
        )
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
        raise InputError(
            f"{source}: cannot decode as {' or '.join(e.upper() for e in encodings)}; briefing reads {ENCODINGS_READ}: convert the file to UTF-8"
        )
    if encodings == ["utf-16"] and not _readable(text[:4096]):  # a UTF-16 BOM, then binary data
        raise InputError(
            f"{source}: looks like a binary file, not text; briefing reads text in {ENCODINGS_READ}"
        )
    # GB18030 decodes almost any byte string; reject results that are mostly control codes.
    # Counted by the regular expression engine: a generator over every character of the page
    # was most of the time spent reading it.
    controls = len(_BINARY_CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise InputError(
            f"{source}: looks like a binary file, not text; briefing reads text in {ENCODINGS_READ}"
        )
    if _SURROGATES.search(text):  # UTF-16 with an unpaired half
        raise InputError(
            f"{source}: cannot decode: a lone UTF-16 surrogate; convert the file to UTF-8"
        )
    logger.debug("%s decoded as %s", source, encodings[0] if len(encodings) == 1 else encoding)
    return strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_strings(value: Any) -> Any:
    """Every string in a JSON value with control characters removed (:func:`strip_controls`);
    a lone surrogate (JSON's ``"\\ud800"``) is an InputError, as undecodable bytes are."""
    if isinstance(value, str):
        if _SURROGATES.search(value):
            raise InputError("a lone UTF-16 surrogate (\\ud800-\\udfff) is not text")
        return strip_controls(value)
    if isinstance(value, list):
        return [clean_strings(v) for v in value]
    if isinstance(value, dict):
        return {clean_strings(k): clean_strings(v) for k, v in value.items()}
    return value


def read_input_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            f"{path}: {size / 1e6:.0f} MB is too large for one issue (limit {MAX_BYTES // 2**20} MiB)"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc


def _read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"standard input: more than {MAX_BYTES // 2**20} MiB is too large for one issue"
        )
    return data


def _page_number(name: str) -> int | None:
    match = re.search(r"(\d+)(?!.*\d)", Path(name).stem)
    return int(match.group(1)) if match else None


def _read_page(path: Path, *, numbered: bool = True) -> Page:
    """One page file; ``numbered``: its page number from the last number in its name."""
    lines = decode(read_input_bytes(path), source=str(path)).split("\n")
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
        pages = [
            Page(source=STDIN, lines=decode(_read_stdin(), source="standard input").split("\n"))
        ]
    else:
        path = Path(source)
        if path.is_dir():
            files = [p for p in page_files(path) if p.suffix.lower() in TEXT_SUFFIXES]
            if not files:
                raise InputError(
                    f"{path}: no page files in this directory (text pages *.txt, page PDFs *.pdf or HTML pages *.html)"
                )
            pages = [_read_page(p) for p in files]
        else:
            pages = [_read_page(path, numbered=False)]
    return Issue(source=str(source), pages=pages, paper=paper, date=date)


def read_jsonl(source: str | Path) -> Iterator[tuple[int, dict]]:
    """The objects of a JSON Lines file (or ``-``) with their line numbers, every string in
    them without control characters (:func:`clean_strings`).

    A line that is not a JSON object, or holds a lone surrogate, is an :class:`InputError`
    naming the file and line.
    """
    name = "standard input" if str(source) == STDIN else str(source)
    raw = _read_stdin() if str(source) == STDIN else read_input_bytes(Path(source))
    for number, line in enumerate(decode(raw, source=name).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = clean_strings(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: not valid JSON ({exc.msg})") from exc
        except (InputError, RecursionError) as exc:
            raise InputError(
                f"{name}:{number}: {exc if isinstance(exc, InputError) else 'nested too deeply'}"
            ) from None
        if not isinstance(record, dict):
            raise InputError(
                f"{name}:{number}: expected a JSON object, got {type(record).__name__}"
            )
        yield number, record


def _article_id(record: dict[str, Any], default: str) -> str:
    value = record.get("id")
    if value is None or value == "":
        return default
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError(
        f"'id' must be a string or an integer, got {json.dumps(value, ensure_ascii=False)[:40]}"
    )


def _article(record: dict[str, Any], *, default_id: str) -> Article:
    """One article record, checked: the object form ``split`` prints (with ``body``), or
    ``{"id", "title"?, "text"}``. A field of the wrong type is an :class:`InputError`."""
    article_id = _article_id(record, default_id)
    if "body" in record:
        article = Article.from_dict({**record, "id": article_id})
        summary = record.get("summary")
        if article.summary and isinstance(summary, dict) and "opening" not in summary:
            article.summary.opening = _old_opening(article, article.summary.text)
        return article
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(
            "missing 'text' (a string)"
            if text is None
            else f"'text' must be a string, got {json.dumps(text, ensure_ascii=False)[:40]}"
        )
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise InputError("'title' must be a string")
    body = [p.strip() for p in text.split("\n") if p.strip()]
    return Article(id=article_id, title=(title or "").strip() or None, body=body)


# The longest opening looked for (a role from an author note: 东港大学国际关系学院院长撰文认为，).
_MAX_OPENING_CHARS = 60


def _old_opening(article: Article, text: str) -> str:
    """The opening (who argues or writes) that ``article``'s summary ``text``, written before
    summaries kept it apart (no "opening" key), starts with: the one the summarizer puts
    there, or "". Read once here, so that the guard and the review page skip it as before."""
    from ..summarize.commentary import voice_opening, writer_opening

    opening = voice_opening(article)
    if opening:
        return opening if text.startswith(opening) and len(text) > len(opening) else ""
    # The writer's opening is made from the text after it (whose 我 it keeps): tried after each
    # comma where an opening may end, as the summarizer made it.
    sentences = (article.summary.sentences if article.summary else []) or None
    for end in (i + 1 for i, mark in enumerate(text[:_MAX_OPENING_CHARS]) if mark == "，"):
        if end < len(text) and writer_opening(article, text[end:], sentences) == text[:end]:
            return text[:end]
    return ""


def read_articles(source: str | Path) -> list[Article]:
    """Read already-split articles, one JSON object per line: ``{"id", "title"?, "text"}``.

    Objects written by ``briefing split --format json`` (article dicts with ``body``) are
    accepted as well, so later stages can run on the output of earlier ones. Every record is
    checked here, once: a field of the wrong type is an :class:`InputError` naming the file,
    the line and the field.
    """
    name = "standard input" if str(source) == STDIN else str(source)
    articles: list[Article] = []
    seen: set[str] = set()
    for number, record in read_jsonl(source):
        try:
            article = _article(record, default_id=f"a{len(articles) + 1}")
        except InputError as exc:
            raise InputError(f"{name}:{number}: {exc}") from None
        if article.id in seen:
            raise InputError(f"{name}:{number}: duplicate id {article.id!r}")
        seen.add(article.id)
        articles.append(article)
    if not articles:
        raise InputError(f"{name}: no articles in this file")
    return articles
