"""Roles of the lines on a page: masthead, headlines (kicker / title / subtitle), bylines,
body text in column chains, subheads, captions, credits and graphic labels.

Every threshold is relative to the page's body size (the most common character size), so the
same rules hold for pages set with other sizes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...conventions import AGENCY, CREDIT_MARK, REPORTER
from .glyphs import Box, LayoutLine, LayoutPage

DISPLAY = 1.8  # x body size: headline type (kicker, title)
MID = 1.2  # x body size: subheads, subtitles, graphic titles
BYLINE_MIN = 1.05
TOP_BAND = 0.05  # share of the page height taken by the page header

CREDIT_RE = re.compile(
    r"^(数据来源|资料来源|图片来源|信息来源|本版制图|制图|图表制作|图表|漫画|插图|设计|本版图片)\s*[:：]"
)
CREDIT_END_RE = re.compile(rf"(?:{CREDIT_MARK}|新华社发)[）)]?$")
CREDIT_LINE_RE = re.compile(rf"^{AGENCY}?(?:特约)?(?:{REPORTER}|摄影)")
SENTENCE_END = "。！？；"


@dataclass
class Headline:
    lines: list[LayoutLine]
    container: int
    bylines: list[LayoutLine] = field(default_factory=list)
    subtitle_lines: list[LayoutLine] = field(default_factory=list)
    chains: list["Chain"] = field(default_factory=list)

    @property
    def vertical(self) -> bool:
        return all(line.vertical for line in self.lines)

    @property
    def box(self) -> Box:
        lines = self.lines + self.subtitle_lines
        return (
            min(ln.x0 for ln in lines),
            min(ln.y0 for ln in lines),
            max(ln.x1 for ln in lines),
            max(ln.y1 for ln in lines),
        )

    @property
    def title_size(self) -> float:
        return max(ln.size for ln in self.lines)


@dataclass
class Chain:
    """Lines of one column run, top to bottom: body lines and the subheads among them."""

    lines: list[LayoutLine]
    container: int

    @property
    def box(self) -> Box:
        return (
            min(ln.x0 for ln in self.lines),
            min(ln.y0 for ln in self.lines),
            max(ln.x1 for ln in self.lines),
            max(ln.y1 for ln in self.lines),
        )

    @property
    def has_body(self) -> bool:
        return any(ln.role == "body" for ln in self.lines)

    def text(self) -> str:
        return "".join(ln.text() for ln in self.lines)


@dataclass
class Layout:
    page: LayoutPage
    masthead: list[LayoutLine]
    headlines: list[Headline]
    chains: list[Chain]
    furniture: list[tuple[str, str, Box]]  # (kind, text, box)


def container_of(x0: float, y0: float, x1: float, y1: float, boxes: list[Box]) -> int:
    """Index of the smallest box around the centre of a rectangle, or -1."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    best, best_area = -1, float("inf")
    for i, (bx0, by0, bx1, by1) in enumerate(boxes):
        if bx0 <= cx <= bx1 and by0 <= cy <= by1:
            area = (bx1 - bx0) * (by1 - by0)
            if area < best_area:
                best, best_area = i, area
    return best


def span_overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def analyse(page: LayoutPage) -> Layout:
    body = page.body_size
    furniture: list[tuple[str, str, Box]] = []
    top = page.height * TOP_BAND
    masthead = [ln for ln in page.lines if ln.y1 <= top]
    lines = [ln for ln in page.lines if ln.y1 > top]
    for ln in lines:
        ln.container = container_of(ln.x0, ln.y0, ln.x1, ln.y1, page.boxes)
    for ln in page.other_text:
        furniture.append(("graphic", ln.text(gaps=True), ln.box))

    for ln in lines:
        chars = len(_compact(ln.text()))
        if ln.white:
            ln.role = "banner"
        elif ln.size >= DISPLAY * body:
            ln.role = "display"
        elif ln.vertical:
            ln.role = "byline" if chars <= 8 and ln.size >= BYLINE_MIN * body else "other"
        elif (
            ln.size >= BYLINE_MIN * body
            and chars <= 14
            and not any(p in ln.text() for p in SENTENCE_END)
        ):
            ln.role = "short"  # byline or one-line subhead: decided below
        elif ln.size >= MID * body:
            ln.role = "mid"
        elif ln.size > 0.85 * body:
            ln.role = "body"
        else:
            ln.role = "small"
    for ln in lines:
        if ln.role == "banner":
            furniture.append(("banner", ln.text(gaps=True), ln.box))

    headlines = _headlines([ln for ln in lines if ln.role == "display"], body)
    _attach_subtitles_and_bylines(headlines, lines, body)
    for ln in lines:
        if ln.role == "short":
            ln.role = "mid" if ln.size >= MID * body else "body"
    chains = _chains(
        [ln for ln in lines if ln.role in ("body", "mid", "small")], page, headlines, body
    )
    kept: list[Chain] = []
    for chain in chains:
        kind = _non_article_kind(chain, page, body)
        if kind:
            furniture.append((kind, " ".join(ln.text(gaps=True) for ln in chain.lines), chain.box))
        else:
            kept.append(chain)
    for ln in lines:
        if ln.role == "byline" and not any(ln in h.bylines for h in headlines):
            furniture.append(("other", ln.text(gaps=True), ln.box))
        elif ln.role == "other":
            furniture.append(("graphic", ln.text(gaps=True), ln.box))
    return Layout(
        page=page, masthead=masthead, headlines=headlines, chains=kept, furniture=furniture
    )


def _headlines(display: list[LayoutLine], body: float) -> list[Headline]:
    """Display lines stacked close together (kicker, title, subtitle) form one headline."""
    groups: list[Headline] = []
    for ln in sorted(display, key=lambda l: (l.y0, l.x0)):
        for group in groups:
            last = group.lines[-1]
            if ln.vertical or group.vertical or ln.container != group.container:
                if ln.vertical and group.vertical and ln.container == group.container:
                    # a long vertical title set in two columns, read right to left
                    if (
                        span_overlap(ln.y0, ln.y1, last.y0, last.y1) > 0
                        and abs(ln.x0 - last.x0) < 1.6 * ln.size
                    ):
                        group.lines.append(ln)
                        break
                continue
            gap = ln.y0 - max(l.y1 for l in group.lines)
            size = max(ln.size, last.size)
            x0, y0, x1, y1 = group.box
            if -0.3 * size < gap < 0.9 * size and span_overlap(ln.x0, ln.x1, x0, x1) > 0:
                group.lines.append(ln)
                break
        else:
            groups.append(Headline(lines=[ln], container=ln.container))
    for group in groups:
        if group.vertical:
            group.lines.sort(key=lambda l: -l.x0)
    return groups


def _attach_subtitles_and_bylines(
    headlines: list[Headline], lines: list[LayoutLine], body: float
) -> None:
    for group in headlines:
        if group.vertical:
            continue
        x0, y0, x1, y1 = group.box
        # a smaller line right above the title and within its width: the kicker
        for ln in sorted(lines, key=lambda l: -l.y1):
            if (
                ln.role in ("mid", "short")
                and ln.container == group.container
                and ln.size >= MID * body
                and 0 <= group.box[1] - ln.y1 < 0.6 * group.title_size
                and ln.x0 >= x0 - 2 * ln.size
                and ln.x1 <= x1 + 2 * ln.size
            ):
                group.lines.insert(0, ln)
                ln.role = "kicker"
        bottom = y1
        # mid-size lines right under the title and within its width: the subtitle
        for ln in sorted(lines, key=lambda l: l.y0):
            if ln.role in ("mid", "short") and ln.container == group.container:
                starts_dash = ln.text().startswith(("—", "－", "-"))
                if (
                    0
                    <= ln.y0 - bottom
                    < (0.6 * group.title_size if not group.subtitle_lines else 0.6 * ln.size)
                    and ln.x0 >= x0 - ln.size
                    and ln.x1 <= x1 + ln.size
                    and (starts_dash or group.subtitle_lines)
                ):
                    group.subtitle_lines.append(ln)
                    ln.role = "subtitle"
                    bottom = ln.y1
    for ln in lines:
        if ln.role not in ("short", "byline"):
            continue
        best, best_d = None, float("inf")
        for group in headlines:
            if group.container != ln.container:
                continue
            x0, y0, x1, y1 = group.box
            if group.vertical and ln.vertical:
                d = x0 - ln.x1
                ok = 0 <= d < 3 * body and ln.y0 >= y0 - body and ln.y1 <= y1 + body
            elif not group.vertical and not ln.vertical:
                d = ln.y0 - y1
                cx = (ln.x0 + ln.x1) / 2
                ok = -2 <= d < max(3 * body, 0.8 * group.title_size) and x0 <= cx <= x1
            else:
                ok = False
            if ok and d < best_d:
                best, best_d = group, d
        if best is not None:
            best.bylines.append(ln)
            ln.role = "byline"


def blocked_h(y_top: float, y_bottom: float, x0: float, x1: float, page: LayoutPage) -> bool:
    """A horizontal rule between two heights, across most of ``x0..x1``."""
    for y, rx0, rx1 in page.hrules:
        if y_top - 1 < y < y_bottom + 1 and span_overlap(rx0, rx1, x0, x1) > 0.5 * (x1 - x0):
            return True
    return False


def _chains(
    lines: list[LayoutLine], page: LayoutPage, headlines: list[Headline], body: float
) -> list[Chain]:
    """Follow each column down: a line joins the chain whose last line sits right above it."""
    chains: list[Chain] = []
    for ln in sorted(lines, key=lambda l: (l.y0, l.x0)):
        best, best_gap = None, float("inf")
        for chain in chains:
            last = chain.lines[-1]
            if chain.container != ln.container:
                continue
            gap = ln.y0 - last.y1
            limit = 2.6 * body if "mid" in (ln.role, last.role) else 1.6 * body
            if not -0.3 * body <= gap <= limit:
                continue
            overlap = span_overlap(ln.x0, ln.x1, last.x0, last.x1)
            same_start = (
                abs(ln.x0 - last.x0) <= 2.5 * body and overlap > -body
            )  # indented or short lines
            both_mid = ln.role == last.role == "mid" and overlap > 0  # a subhead's lines, centred
            if overlap < 0.5 * min(ln.width, last.width) and not same_start and not both_mid:
                continue
            if blocked_h(last.y1, ln.y0, max(ln.x0, last.x0), min(ln.x1, last.x1), page):
                continue
            if gap < best_gap:
                best, best_gap = chain, gap
        if best is None:
            chains.append(Chain(lines=[ln], container=ln.container))
        else:
            best.lines.append(ln)
    for chain in chains:
        for ln in chain.lines:
            if ln.role == "mid":
                ln.role = "subhead"
    return chains


def _inside(box: Box, area: Box, pad: float = 2.0) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] - pad <= cx <= area[2] + pad and area[1] - pad <= cy <= area[3] + pad


def _non_article_kind(chain: Chain, page: LayoutPage, body: float) -> str | None:
    """Captions, credits, chart labels and lone subhead-size lines are not article text."""
    text = chain.text()
    box = chain.box
    if CREDIT_RE.match(text):
        return "graphic" if text.startswith(("数据", "资料", "信息")) else "credit"
    if not chain.has_body:
        near_image = any(
            _inside(box, im)
            or (
                span_overlap(box[0], box[2], im[0], im[2]) > 0 and -body < im[1] - box[3] < 3 * body
            )
            for im in page.images
        )
        return "graphic" if near_image else "other"
    short = len(chain.lines) <= 4
    if short and any(_inside(box, im) for im in page.images if (im[3] - im[1]) > 3 * body):
        return "graphic"
    if short:
        for im in page.images:
            if (
                box[0] >= im[0] - body
                and box[2] <= im[2] + body
                and (-2 <= box[1] - im[3] < 2 * body or -2 <= im[1] - box[3] < 2 * body)
            ):
                return "caption"
    if short and (CREDIT_END_RE.search(text) or CREDIT_LINE_RE.match(text)) and len(text) < 40:
        return "credit"
    return None
