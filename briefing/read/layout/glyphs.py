"""What PyMuPDF says about one page, reduced to lines, rules, boxes and images.

Characters drawn twice at the same place (outline or shadow effects on headlines, a source line
printed twice) are kept once; pieces of one printed line that PyMuPDF splits are joined; vertical
headlines (one character per span, top to bottom) become one vertical line.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

WHITE = 0xFFFFFF
# Vertical presentation forms that NFKC does not map to what a reader expects in running text.
_VERTICAL_QUOTES = str.maketrans(
    {"﹃": "“", "﹄": "”", "﹁": "“", "﹂": "”", "『": "“", "』": "”", "「": "“", "」": "”"}
)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points


def enclosing(boxes: Sequence[Sequence[float]]) -> Box | None:
    """The box around ``boxes`` (None for none)."""
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@dataclass
class Char:
    c: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    font: str
    color: int


@dataclass
class LayoutLine:
    """One printed line (horizontal) or column of characters (vertical)."""

    chars: list[Char]
    vertical: bool = False
    role: str = ""  # set by the layout analysis
    container: int = -1  # index of the enclosing box on the page, -1 for none
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    size: float = 0.0
    font: str = ""
    white: bool = False

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._texts: dict[bool, str] = {}
        key = (lambda ch: ch.y0) if self.vertical else (lambda ch: ch.x0)
        self.chars.sort(key=key)
        self.x0 = min(ch.x0 for ch in self.chars)
        self.y0 = min(ch.y0 for ch in self.chars)
        self.x1 = max(ch.x1 for ch in self.chars)
        self.y1 = max(ch.y1 for ch in self.chars)
        sizes = Counter(round(ch.size, 1) for ch in self.chars if not ch.c.isspace())
        self.size = sizes.most_common(1)[0][0] if sizes else self.chars[0].size
        fonts = Counter(ch.font for ch in self.chars if not ch.c.isspace())
        self.font = fonts.most_common(1)[0][0] if fonts else ""
        self.white = all(ch.color == WHITE for ch in self.chars if not ch.c.isspace())

    @property
    def box(self) -> Box:
        return (round(self.x0, 1), round(self.y0, 1), round(self.x1, 1), round(self.y1, 1))

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def _gap_threshold(self) -> float:
        """A gap wider than this is a space: 0.4 em above the line's usual gap (letter-spaced
        headlines have wide gaps everywhere), except in a two-character name padded apart."""
        glyphs = [ch for ch in self.chars if not ch.c.isspace()]
        pairs = list(zip(glyphs, glyphs[1:]))
        gaps = sorted((b.y0 - a.y1) if self.vertical else (b.x0 - a.x1) for a, b in pairs)
        if len(glyphs) == 2 or not gaps:
            return 0.4 * self.size
        return max(gaps[len(gaps) // 4], 0.0) + 0.4 * self.size

    def text(self, *, gaps: bool = False) -> str:
        """The line's text. With ``gaps``, a visible gap between characters becomes one space
        (kept in headlines and bylines); otherwise CJK text runs together with no spaces."""
        if gaps not in self._texts:
            self._texts[gaps] = self._text(gaps)
        return self._texts[gaps]

    def _text(self, gaps: bool) -> str:
        out: list[str] = []
        prev: Char | None = None
        pending_space = False
        threshold = self._gap_threshold() if gaps else 0.0
        for ch in self.chars:
            if ch.c.isspace():
                pending_space = True
                continue
            if prev is not None:
                gap = (ch.y0 - prev.y1) if self.vertical else (ch.x0 - prev.x1)
                ascii_pair = _is_word(prev.c) and _is_word(ch.c)
                spaced = gap > threshold or (
                    pending_space and not (_is_punct(prev.c) or _is_punct(ch.c))
                )
                if (gaps and spaced) or (ascii_pair and (pending_space or gap > 0.25 * ch.size)):
                    out.append(" ")
            out.append(ch.c)
            prev, pending_space = ch, False
        text = unicodedata.normalize("NFKC", "".join(out)) if self.vertical else "".join(out)
        return text.translate(_VERTICAL_QUOTES) if self.vertical else text.replace("\u3000", "")


def _is_punct(c: str) -> bool:
    return unicodedata.category(c).startswith("P")


def _is_word(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c in "%.,'-")


@dataclass
class LayoutPage:
    """One PDF page as the layout analysis sees it."""

    width: float
    height: float
    lines: list[LayoutLine] = field(default_factory=list)
    hrules: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    vrules: list[tuple[float, float, float]] = field(default_factory=list)  # (x, y0, y1)
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)
    body_size: float = 0.0
    other_text: list[LayoutLine] = field(default_factory=list)  # rotated text (chart labels)


def read_page(pdf_page) -> LayoutPage:
    """Lines, rules, boxes and images of one ``pymupdf.Page``."""
    rect = pdf_page.rect
    page = LayoutPage(width=rect.width, height=rect.height)
    raw = pdf_page.get_text("rawdict", flags=0)
    horizontal: list[list[Char]] = []
    vertical: list[Char] = []
    rotated: list[list[Char]] = []
    seen: dict[tuple[str, int, int], list[Char]] = {}
    for info in pdf_page.get_image_info():
        box = _clip(info["bbox"], rect)
        if box[2] - box[0] > 1 and box[3] - box[1] > 1:
            page.images.append(box)
    for block in raw["blocks"]:
        if block["type"] != 0:
            continue
        for line in block["lines"]:
            dx, dy = line["dir"]
            piece: list[Char] = []
            for span in line["spans"]:
                for c in span["chars"]:
                    x0, y0, x1, y1 = c["bbox"]
                    ch = Char(
                        c["c"],
                        x0,
                        y0,
                        x1,
                        y1,
                        size=span["size"],
                        font=span["font"],
                        color=span["color"],
                    )
                    if ch.x1 - ch.x0 <= 0 and not ch.c.isspace():
                        continue
                    if not ch.c.isspace() and _duplicate(ch, seen):
                        continue
                    piece.append(ch)
            if not any(not ch.c.isspace() for ch in piece):
                continue
            if abs(dx - 1) < 0.01 and abs(dy) < 0.01:
                horizontal.append(piece)
            elif abs(dx) < 0.01 and abs(dy - 1) < 0.01:
                vertical.extend(ch for ch in piece if not ch.c.isspace())
            else:
                rotated.append(piece)
    sizes: Counter[float] = Counter()
    for piece in horizontal:
        for ch in piece:
            if not ch.c.isspace():
                sizes[round(ch.size, 1)] += 1
    page.body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    page.lines = join_horizontal(horizontal, page.body_size) + _join_vertical(vertical)
    page.other_text = [LayoutLine(p) for p in rotated]
    _read_drawings(pdf_page, page)
    return page


def _clip(bbox, rect) -> tuple[float, float, float, float]:
    return (
        max(bbox[0], rect.x0),
        max(bbox[1], rect.y0),
        min(bbox[2], rect.x1),
        min(bbox[3], rect.y1),
    )


def _duplicate(ch: Char, seen: dict[tuple[str, int, int], list[Char]]) -> bool:
    """True if the same character was already drawn at (almost) the same place."""
    cx, cy = (ch.x0 + ch.x1) / 2, (ch.y0 + ch.y1) / 2
    tol = max(1.0, 0.3 * ch.size)
    gx, gy = int(cx // 8), int(cy // 8)
    for kx in (gx - 1, gx, gx + 1):
        for ky in (gy - 1, gy, gy + 1):
            for other in seen.get((ch.c, kx, ky), ()):
                if (
                    abs((other.x0 + other.x1) / 2 - cx) < tol
                    and abs((other.y0 + other.y1) / 2 - cy) < tol
                ):
                    if other.color == WHITE and ch.color != WHITE:
                        other.color = (
                            ch.color
                        )  # an outline copy: the visible colour is the dark one
                    return True
    seen.setdefault((ch.c, gx, gy), []).append(ch)
    return False


def join_horizontal(pieces: list[list[Char]], body: float) -> list[LayoutLine]:
    """Join the pieces of one printed line: same baseline, same size, close together."""
    lines = [LayoutLine(p) for p in pieces]
    lines.sort(key=lambda ln: (ln.y1, ln.x0))
    out: list[LayoutLine] = []
    for line in lines:
        for prev in reversed(out[-12:]):
            if prev.y1 < line.y1 - line.size:
                continue
            same_row = (
                abs(prev.y1 - line.y1) < 0.25 * line.size
                and abs(prev.size - line.size) < 0.15 * line.size
            )
            reach = (
                2.0 if line.size > 1.5 * body else 1.5 if line.size > 1.1 * body else 0.5
            ) * line.size
            gap = max(line.x0 - prev.x1, prev.x0 - line.x1)
            if same_row and -2 * line.size < gap < reach and prev.white == line.white:
                prev.chars.extend(line.chars)
                prev.refresh()
                break
        else:
            out.append(line)
    return out


def _join_vertical(chars: list[Char]) -> list[LayoutLine]:
    """Stack single vertical characters into columns read top to bottom."""
    chars = sorted(chars, key=lambda ch: (round(ch.x0), ch.y0))
    out: list[LayoutLine] = []
    for ch in chars:
        for prev in reversed(out[-4:]):
            if abs(prev.x0 - ch.x0) < 0.3 * ch.size and abs(prev.size - ch.size) < 0.15 * ch.size:
                if -0.5 * ch.size < ch.y0 - prev.y1 < 1.5 * ch.size:
                    prev.chars.append(ch)
                    prev.refresh()
                    break
        else:
            out.append(LayoutLine([ch], vertical=True))
    return out


def _read_drawings(pdf_page, page: LayoutPage) -> None:
    """Rules (thin lines) and boxes (stroked rectangles) that separate items on the page."""
    min_rule = 4 * (page.body_size or 8)
    for drawing in pdf_page.get_drawings():
        r = drawing["rect"]
        w, h = r.x1 - r.x0, r.y1 - r.y0
        stroked = drawing.get("type") in ("s", "fs")
        if w >= min_rule and h <= 6:
            page.hrules.append(((r.y0 + r.y1) / 2, r.x0, r.x1))
        elif h >= min_rule and w <= 6:
            page.vrules.append(((r.x0 + r.x1) / 2, r.y0, r.y1))
        elif (
            stroked
            and w >= min_rule
            and h >= min_rule
            and any(item[0] == "re" for item in drawing["items"])
        ):
            page.boxes.append((r.x0, r.y0, r.x1, r.y1))
