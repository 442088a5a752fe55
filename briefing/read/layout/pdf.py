"""Reading e-paper page PDFs into an issue and its articles, straight from the page layout."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import InputError
from ...records import Article, Furniture, Issue, Page
from ..masthead import DATE_RE
from .articles import PageArticle, page_articles
from .glyphs import enclosing, read_page
from .roles import TOP_BAND, analyse

if TYPE_CHECKING:
    import pymupdf

logger = logging.getLogger(__name__)

MIN_TEXT_CHARS = 20  # fewer characters than this on a page: no text layer to read
PAGE_RE = re.compile(r"(?:^|\s)(?:第\s*)?(\d{1,3})\s*版?\s*[：:]?\s*([\u4e00-\u9fff]{2,6})\s*$")


def _pymupdf():
    try:
        import pymupdf
    except ImportError as exc:  # the optional extra is absent
        raise InputError("reading PDF pages needs PyMuPDF: pip install 'briefing[pdf]'") from exc
    return pymupdf


@dataclass
class PageResult:
    articles: list[PageArticle]
    furniture: list[Furniture]
    number: int | None
    name: str | None
    date: str | None
    lines: list[str]
    ocr: object | None = None  # the page was OCR'd: its briefing.ocr.OcrResult
    # characters of column logos read with low confidence (briefing.ocr.page.LowConfidence)
    doubtful: list = field(default_factory=list)


def _masthead(lines) -> tuple[str, int | None, str | None, str | None]:
    """Header text, and the page number, page name and date when it prints them."""
    text = " ".join(ln.text(gaps=True) for ln in sorted(lines, key=lambda l: (l.x0, l.y0)))
    number = name = date = None
    for ln in sorted(lines, key=lambda l: -l.size):  # the page number and name are set large
        match = PAGE_RE.search(ln.text(gaps=True))
        if match:
            number, name = int(match.group(1)), match.group(2)
            break
    match = DATE_RE.search(re.sub(r"\s+", "", text))
    if match:
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            date = f"{year:04d}-{month:02d}-{day:02d}"
    return text, number, name, date


def _image_kind(box, body: float) -> str:
    """Wide, short images are lettering (column logos, series labels, headline art); no OCR here."""
    w, h = box[2] - box[0], box[3] - box[1]
    return "image-text" if w >= 2 * h and h <= 12 * body else "image"


def read_pdf_page(pdf_page, *, page_index: int, source: str, ocr: str = "auto") -> PageResult:
    """One page: its articles in reading order and everything else on it as furniture.
    ``ocr``: "auto" reads a page without a text layer by OCR, "always" every page, "never" none."""
    page = read_page(pdf_page) if ocr != "always" else None
    if page is None or sum(len(ln.chars) for ln in page.lines) < MIN_TEXT_CHARS:
        from ...ocr import EXTRA_HINT, engine_available

        where = f"{source}: page {pdf_page.number + 1}"
        if ocr == "never" or (page is not None and not page.images) or not engine_available():
            what = "images only" if page is None or page.images else "nothing to read"
            hint = (
                'it needs OCR (the ocr mode "auto")'
                if ocr == "never"
                else "nothing to OCR either"
                if page is not None and not page.images
                else f"it needs OCR: {EXTRA_HINT}"
            )
            raise InputError(f"{where} has no text layer ({what}); {hint}")
        from ...ocr.reading import ocr_pdf_page

        scanned = ocr_pdf_page(pdf_page, source=source)
        if sum(len(ln.chars) for ln in scanned.page.lines) < MIN_TEXT_CHARS:
            raise InputError(f"{where} has no text layer and OCR found no text on it")
        return layout_result(scanned.page, page_index=page_index, ocr=scanned)
    return layout_result(
        page, page_index=page_index, labels=_image_labels(pdf_page, page, source=source, ocr=ocr)
    )


def _image_labels(pdf_page, page, *, source: str, ocr: str) -> list:
    """Column logos among a text page's images of lettering, read by OCR when it is installed
    (``--ocr never``: not read)."""
    top = page.height * TOP_BAND
    boxes = [
        b for b in page.images if b[3] > top and _image_kind(b, page.body_size) == "image-text"
    ]
    if not boxes or ocr == "never":
        return []
    from ...ocr import engine_available

    if not engine_available():
        return []
    from ...ocr.reading import image_labels

    return image_labels(pdf_page, boxes, source=source)


def layout_result(page, *, page_index: int, ocr=None, labels: list | None = None) -> PageResult:
    """Articles and furniture of a layout page (from a text layer, or from OCR: ``ocr`` is its
    :class:`briefing.ocr.OcrResult`, kept with the result). ``labels``: column labels read from
    the page's images (``briefing.ocr.labels.Label``); a scanned page brings its own."""
    layout = analyse(page)
    articles, found = page_articles(layout)
    others: list[tuple[str, str, Sequence[float] | None]] = list(found)
    if ocr is not None:
        from ...ocr.page import TINY_BODY, is_lettering

        lettering = [
            a
            for a in articles
            if (a.headline is None and is_lettering([ln for c in a.chains for ln in c.lines]))
            or len("".join(a.body)) < TINY_BODY
        ]
        articles = [a for a in articles if a not in lettering]
        others += [
            ("graphic", "".join(a.body), _union([c.box for c in a.chains])) for a in lettering
        ]
    labels = ocr.labels if ocr is not None else labels or []
    headings = [
        (text, (box[0], box[1], box[2], box[3]))
        for kind, text, box in others
        if kind == "headline-only" and box
    ]
    if labels or headings:
        from ...ocr.labels import attach_columns, heading_labels

        typeset = heading_labels(headings, ocr.low_confidence if ocr is not None else [])
        for i, column in attach_columns(articles, labels + typeset, page.body_size).items():
            articles[i].column = column
        images = {tuple(box) for box in page.images}
        others += [
            ("image-text", lb.text if lb.sure else "", lb.box)
            for lb in labels
            if tuple(lb.box) not in images
        ]
    masthead_text, number, name, date = _masthead(layout.masthead)
    furniture: list[Furniture] = []
    if masthead_text:
        furniture.append(
            Furniture(
                line=0,
                text=masthead_text,
                kind="masthead",
                page=page_index,
                box=_union([ln.box for ln in layout.masthead]),
            )
        )
    top = page.height * TOP_BAND
    named = {tuple(label.box): label.text for label in labels if label.sure}
    for box in page.images:
        if box[3] > top:
            furniture.append(
                Furniture(
                    line=0,
                    text=named.get(tuple(box), ""),
                    kind=_image_kind(box, page.body_size),
                    page=page_index,
                    box=[round(v, 1) for v in box],
                )
            )
    for kind, text, box in others:
        rounded = [round(v, 1) for v in box] if box is not None else None
        furniture.append(Furniture(line=0, text=text, kind=kind, page=page_index, box=rounded))
    lines: list[str] = []
    for art in articles:
        lines += [p for p in (art.kicker, art.title, art.subtitle, art.byline) if p]
        lines += art.body + ([art.note] if art.note else []) + [""]
    lines += [f.text for f in furniture if f.text]
    doubtful = [d for lb in labels if not lb.sure for d in lb.doubtful] if ocr is None else []
    return PageResult(articles, furniture, number, name, date, lines, ocr, doubtful)


def _union(boxes: Sequence[Sequence[float]]) -> list[float] | None:
    """:func:`enclosing` as a list, the form the issue's metadata keeps boxes in."""
    box = enclosing(boxes)
    return list(box) if box else None


# What a file that is not a PDF most often is, by its first bytes.
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (a Word file?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)


def _check_pdf_header(path: Path) -> None:
    """A PDF starts with ``%PDF-`` (within its first KiB); PyMuPDF opens an image named .pdf
    as a one-page document, which would then be reported as a page that needs OCR."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if b"%PDF-" in head:
        return
    what = next((name for magic, name in _SIGNATURES if head.startswith(magic)), None)
    if what is None and head.lstrip()[:1] == b"<":
        what = "HTML or XML"
    raise InputError(
        f"{path}: not a PDF file" + (f" (it is {what})" if what else " (no %PDF header)")
    )


def _open(path: Path) -> pymupdf.Document:
    pymupdf = _pymupdf()
    if not path.is_file():
        raise InputError(
            f"{path}: no such file" if not path.exists() else f"{path}: not a regular file"
        )
    _check_pdf_header(path)
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises its own errors for damaged files
        raise InputError(f"{path}: not a readable PDF ({exc})") from exc
    if doc.needs_pass and not doc.authenticate(""):
        raise InputError(f"{path}: the PDF is encrypted; save it without a password first")
    if doc.page_count == 0:
        raise InputError(f"{path}: the PDF has no pages")
    return doc


class _PageImage:
    """A job's document when its file is a page image (read by OCR, not PyMuPDF)."""


IMAGE = _PageImage()


def _read_job(path: Path, doc, n: int, *, index: int, ocr: str) -> PageResult:
    if isinstance(doc, _PageImage):
        if ocr == "never":
            raise InputError(f'{path}: a page image needs OCR (the ocr mode "auto")')
        from ...ocr.reading import ocr_image_file

        scanned = ocr_image_file(path, source=str(path))
        if sum(len(ln.chars) for ln in scanned.page.lines) < MIN_TEXT_CHARS:
            raise InputError(f"{path}: OCR found no text on this page image")
        return layout_result(scanned.page, page_index=index, ocr=scanned)
    return read_pdf_page(doc[n], page_index=index, source=str(path), ocr=ocr)


def _ocr_report(index: int, confidence: float | None, doubtful: list) -> dict:
    """What OCR says about a page (a scanned page, or a text page's column logos): its
    confidence and every doubtful character (never "fixed")."""
    if doubtful:
        logger.warning(
            "page %d: %d characters read with low confidence (listed in the issue's metadata)",
            index,
            len(doubtful),
        )
    return {
        "page": index,
        "confidence": confidence,
        "low_confidence": [
            {"char": d.char, "confidence": d.confidence, "line": d.line, "box": d.box}
            for d in doubtful
        ],
    }


def read_pdf_issue(
    paths: list[Path],
    *,
    source: str,
    paper: str | None = None,
    date: str | None = None,
    ocr: str = "auto",
) -> tuple[Issue, list[Article]]:
    """Read page PDFs and page images (in the order given) as one issue. A page that cannot be
    read is reported as a skipped page when others can be; one unreadable page alone is an error.
    ``ocr`` ("auto", "always", "never"): which PDF pages are read by OCR (page images always are)."""
    from ...ocr import IMAGE_SUFFIXES, check_mode

    check_mode(ocr)
    issue = Issue(source=source, paper=paper, date=date, metadata={"input": "pdf"})
    articles: list[Article] = []
    dates: set[str] = set()
    scanned_pages: list[dict] = []
    jobs: list[tuple[Path, pymupdf.Document | _PageImage | None, int, Exception | None]] = []
    for path in paths:
        if path.suffix.lower() in IMAGE_SUFFIXES:
            jobs.append((path, IMAGE, 0, None))
            continue
        try:
            opened = _open(path)
        except InputError as exc:
            jobs.append((path, None, 0, exc))
            continue
        jobs.extend((path, opened, n, None) for n in range(opened.page_count))
    single = len(jobs) == 1
    for path, doc, n, error in jobs:
        index = len(issue.pages) + 1
        name = (
            str(path)
            if doc is None or isinstance(doc, _PageImage) or doc.page_count == 1
            else f"{path}#{n + 1}"
        )
        if error is None:
            try:
                result = _read_job(path, doc, n, index=index, ocr=ocr)
            except InputError as exc:
                error = exc
            except Exception as exc:  # a damaged page: PyMuPDF's own errors
                error = InputError(f"{name}: cannot read this page ({exc})")
        if error is not None:
            if single:
                raise error
            logger.warning("skipped page %s: %s", name, error)
            issue.pages.append(Page(source=name, lines=[]))
            issue.furniture.append(
                Furniture(line=0, text=str(error), kind="skipped-page", page=index)
            )
            continue
        issue.pages.append(
            Page(source=name, lines=result.lines, number=result.number, name=result.name)
        )
        issue.furniture.extend(result.furniture)
        if result.ocr is not None:
            scanned: Any = result.ocr  # a briefing.ocr.OcrResult (the ocr package imports this one)
            scanned_pages.append(_ocr_report(index, scanned.confidence, scanned.low_confidence))
        elif result.doubtful:  # a text page whose column logos OCR could not read surely
            scanned_pages.append(_ocr_report(index, None, result.doubtful))
        if result.date:
            dates.add(result.date)
        for art in result.articles:
            articles.append(
                Article(
                    id=f"a{len(articles) + 1}",
                    body=art.body,
                    page=index,
                    kicker=art.kicker,
                    title=art.title,
                    subtitle=art.subtitle,
                    byline=art.byline,
                    subheads=art.subheads,
                    note=art.note,
                    boxes=art.boxes,
                    column=art.column,
                )
            )
    if not articles and all(
        f.kind == "skipped-page" for f in issue.furniture if f.kind == "skipped-page"
    ):
        if not any(p.lines for p in issue.pages):
            raise InputError(
                f"{source}: no page could be read: "
                + "; ".join(f.text for f in issue.furniture if f.kind == "skipped-page")
            )
    if issue.date is None and len(dates) == 1:
        issue.date = dates.pop()  # printed in the page header, not guessed
    if scanned_pages:
        issue.metadata["ocr"] = scanned_pages
    logger.info("%s: %d pages, %d articles", source, len(issue.pages), len(articles))
    return issue, articles
