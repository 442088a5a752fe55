"""Synthetic training pages: articles of an articles file laid out as text extraction leaves a page.

Real pages come in few renderings; a model trained on them alone learns the rendering. This
renderer lays the same articles out many ways, each page with its own draw of: blank lines
between paragraphs (none, one, uneven), gaps between articles (sometimes no wider than between
paragraphs), indents (none, full-width, spaces, NBSP), trailing spaces, crawl-style three-line
headers, a "——" before subtitles, paragraphs and long headlines cut by a column break mid-word
with or without a blank line between the pieces, page headers, page numbers and editor lines.
Two kinds of noise teach that a gap alone does not part articles: stray wide gaps inside an
article (extraction leaves them where a column or a picture ended), and the separators that the
articles file records (``breaks``: after a 核心阅读 box, a deck, between the briefs of a box),
printed as an extra blank line, or as a line of indent only in the crawl style.
Each page comes with gold in the ``*.gold.json`` format, so its labels are read the same way as
those of real pages (:func:`briefing.split.labels.gold_labels`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

_WEEKDAYS = "一二三四五六日"
_SECTIONS = (
    "要闻",
    "经济",
    "社会",
    "国际",
    "文化",
    "体育",
    "评论",
    "理论",
    "综合",
    "地方",
    "副刊",
    "视点",
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = (
    "明华军平伟芳敏静丽强磊洋艳勇杰娟涛超霞刚辉玲斌宇浩凯健俊帆帅旭宁晨阳琳雪梅春秋冬岚青松海波"
)


@dataclass
class Style:
    """One page's draw of layout choices."""

    crawl: (
        bool  # each article as the e-paper crawl stores it: three header lines, indented paragraphs
    )
    para_gap: int  # blank lines between paragraphs
    article_gap: int  # blank lines between articles
    uneven: float  # chance that a gap is one line more or less than usual
    indent: str
    trailing: float  # chance of trailing spaces on a line
    dash: float  # chance of "——" before a subtitle
    cut: float  # chance that a paragraph is cut by a column break
    header: str  # "", "top", "top2", "bottom", "number"
    untitled: float  # chance that an item is printed without its headline
    stray: float  # chance that a gap inside an article is as wide as one between articles
    spread: float  # chance that an article's gap is drawn afresh, as wide as a paragraph's or wider


def draw_style(rng: random.Random) -> Style:
    crawl = rng.random() < 0.3
    para_gap = 0 if crawl else rng.choice((0, 1, 1, 1))
    return Style(
        crawl=crawl,
        para_gap=para_gap,
        # Sometimes no wider than between paragraphs: some extractions leave no blank line at all.
        article_gap=1 if crawl else para_gap + rng.choice((0, 0, 1, 1, 2, 3)),
        uneven=rng.choice((0.0, 0.05, 0.15, 0.3)),
        indent="\u3000\u3000"
        if crawl
        else rng.choice(("", "", "", "\u3000\u3000", "  ", "\xa0\xa0")),
        trailing=rng.choice((0.0, 0.0, 0.2)),
        dash=rng.choice((0.0, 0.5, 1.0)),
        cut=0.0 if crawl else rng.choice((0.05, 0.12, 0.2)),
        header="" if crawl else rng.choice(("", "top", "top", "top2", "bottom", "number")),
        untitled=rng.choice((0.0, 0.05, 0.15)),
        stray=0.0 if crawl else rng.choice((0.0, 0.02, 0.05, 0.1)),
        spread=0.0 if crawl else rng.choice((0.0, 0.3, 0.6, 1.0)),
    )


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _header(rng: random.Random, date: str, page: int, two_lines: bool) -> list[str]:
    y, m, d = int(date[:4]), int(date[4:6]), int(date[6:8])
    weekday = _WEEKDAYS[rng.randrange(7)]
    when = f"{y}年{m}月{d}日 星期{weekday}"
    number = rng.choice((f"{page:02d}", f"第{page}版", str(page)))
    parts = [number, rng.choice(_SECTIONS), f"责任编辑：{_name(rng)}", when]
    if rng.random() < 0.5:
        parts = [when, number, parts[1], parts[2]]
    if two_lines:
        return [rng.choice(("人民日报", "新华日报", "临江日报")), " ".join(parts)]
    return [rng.choice((" ", "  ", "\u3000")).join(parts)]


def _article_parts(
    record: dict[str, Any],
) -> tuple[list[tuple[str, str]], list[str], dict[str, Any]]:
    """Heading lines (field, text), paragraphs, and the gold fields of one record."""
    if "title" in record:  # kicker, title, subtitle fields (the 2019 format)
        head = [(name, record.get(name) or "") for name in ("kicker", "title", "subtitle")]
        gold = {name: record.get(name) or "" for name in ("kicker", "title", "subtitle")}
        return head, list(record.get("paragraphs") or []), gold
    paragraphs = list(record.get("paragraphs") or [])
    if len(paragraphs) > 1:  # the headline paragraph first (the 1998 format)
        return [("title", paragraphs[0])], paragraphs[1:], {"title": paragraphs[0]}
    return [], paragraphs, {}


def _cut(text: str, rng: random.Random) -> tuple[str, str]:
    """A column break inside ``text``; never right after a sentence end, where the two pieces
    would read as two paragraphs (and be as good)."""
    at = rng.randrange(max(2, len(text) // 5), max(3, len(text) - 2))
    while at < len(text) - 1 and text[at - 1] in "。！？!?；;":
        at += 1
    return text[:at], text[at:]


def render_page(
    records: list[dict[str, Any]], rng: random.Random, style: Style | None = None
) -> tuple[list[str], dict[str, Any]]:
    """The text lines of one page holding ``records`` in order, and its gold."""
    style = style or draw_style(rng)
    out: list[str] = []
    gold: dict[str, Any] = {"articles": [], "furniture_lines": []}

    def gap(usual: int, *, inside: bool = False) -> None:
        if style.uneven and rng.random() < style.uneven:
            # Extraction drops a blank line more often than it adds one.
            usual = max(0, usual + rng.choice((-1, -1, 1)))
        if inside and style.stray and rng.random() < style.stray:
            usual = max(usual, style.article_gap + rng.choice((0, 0, 1, 2)))
        out.extend([""] * usual)

    def put(text: str, indent: str = "") -> int:
        tail = " " * rng.randint(1, 3) if rng.random() < style.trailing else ""
        out.append(indent + text + tail)
        return len(out)

    def furniture(lines: list[str]) -> None:
        for text in lines:
            gold["furniture_lines"].append(put(text))
            out.append("")

    date = str(records[0].get("date") or "20190101")
    page = int(records[0].get("page") or 1)
    if style.header in ("top", "top2"):
        furniture(_header(rng, date, page, style.header == "top2"))
    for order, record in enumerate(records):
        head, paragraphs, fields = _article_parts(record)
        if head and rng.random() < style.untitled:
            # A headline-less item (a brief, a photo item): so that a page may open with text.
            head, fields = (
                [],
                {name: "" for name in fields if name != "title"}
                | ({"title": ""} if "kicker" in fields else {}),
            )
        if order:
            if style.spread and rng.random() < style.spread:
                # Each article its own gap: as wide as a paragraph's or wider, and a blank line
                # at least unless the page has none at all (a heading right under the text
                # above is a subhead on real pages).
                wide = style.para_gap + rng.choice((0, 1, 2))
                out.extend([""] * (wide if style.article_gap == 0 else max(1, wide)))
            else:
                gap(style.article_gap)
        first = last = 0
        for name, text in head:
            if style.crawl:
                number = put(text)  # the crawl keeps empty header lines
            elif not text:
                continue
            else:
                if name == "subtitle" and rng.random() < style.dash and not text.startswith("—"):
                    text = "——" + text
                if name == "title" and len(text) > 16 and rng.random() < style.cut:
                    left, right = _cut(text, rng)
                    put(left)
                    number = put(right)
                else:
                    number = put(text)
                gap(rng.choice((0, style.para_gap, style.para_gap, style.para_gap)))
            if text:
                first, last = first or number, number
        if out and out[-1] == "" and not style.crawl and style.para_gap == 0:
            out.pop()
        breaks = set(record.get("breaks") or ())
        for index, text in enumerate(paragraphs):
            if not text.strip():
                continue
            if index in breaks and index:
                # A separator line: after a box or a deck, between the briefs of a box.
                if style.crawl:
                    out.append(style.indent)
                else:
                    out.extend([""] * rng.choice((1, 1, 2)))
            if style.cut and len(text) > 20 and rng.random() < style.cut:
                left, right = _cut(text, rng)
                number = put(left, style.indent)
                first = first or number
                out.extend([""] * rng.choice((0, style.para_gap, style.para_gap + 1, 2)))
                last = put(right)
            else:
                last = put(text, style.indent)
                first = first or last
            gap(style.para_gap, inside=True)
        while out and out[-1] == "":
            out.pop()
        if first:
            gold["articles"].append(
                {"doc_id": record.get("doc_id", ""), "lines": [first, last], **fields}
            )
    if style.header == "bottom":
        out.append("")
        furniture([f"责任编辑：{_name(rng)}"])
    elif style.header == "number":
        out.append("")
        furniture([rng.choice((f"－{page}－", f"- {page} -", f"第{page}版"))])
    while out and out[-1] == "":
        out.pop()
    return out, gold


def pages_of(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Records grouped into their printed pages (same date and page), in file order."""
    pages: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for record in records:
        pages.setdefault((str(record.get("date")), str(record.get("page"))), []).append(record)
    return list(pages.values())
