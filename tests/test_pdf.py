"""The e-paper layout reader on pages the tests draw themselves (reportlab, built-in CID font)."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest

pymupdf = pytest.importorskip("pymupdf")
reportlab = pytest.importorskip("reportlab")

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from briefing.api import load_articles  # noqa: E402
from briefing.errors import InputError  # noqa: E402

W, H = 595.0, 842.0
FONT, VFONT = "STSong-Light", "STSong-Light-V"
SENTENCES = [
    "各地认真落实各项部署，推动经济持续回升向好。",
    "企业加大研发投入，新产品不断涌现。",
    "城乡居民收入稳步增长，消费市场活跃。",
    "基层干部深入一线，帮居民解决眼前的难题。",
    "科技创新成果加快转化，带动产业升级。",
    "生态环境持续改善，河湖水质明显好转。",
]


def _fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        vertical = UnicodeCIDFont(FONT, "UniGB-UCS2-V")
        vertical.name = vertical.fontName = VFONT
        pdfmetrics.registerFont(vertical)


def _paragraphs(seed: int, count: int) -> list[str]:
    return [
        "".join(SENTENCES[(seed + i + k) % len(SENTENCES)] for k in range(3)) for i in range(count)
    ]


def _text(c, x, y_top, text, size, font=FONT, white=False, spread=0.0):
    """Draw ``text`` with its top at ``y_top`` measured from the top of the page; ``spread``
    adds space between characters, as justified lines have."""
    c.setFillColorRGB(1, 1, 1) if white else c.setFillColorRGB(0, 0, 0)
    t = c.beginText(x, H - y_top - size * 0.88)
    t.setFont(font, size)
    t.setCharSpace(spread)
    t.textOut(text)
    c.drawText(t)


def _columns(c, paragraphs, columns, y_top, y_bottom, size=9.0, pitch=12.0, skip=None):
    """Set paragraphs into columns [(x, width)], 2-character indent; ``skip`` maps
    (column, line number) to a subhead drawn there instead of text."""
    per_line = [int(w // size) for _, w in columns]
    col, y, first = 0, y_top, True
    lines = []
    for para in paragraphs:
        rest, first = para, True
        while rest:
            if skip and (col, round(y)) in skip:
                sub = skip[(col, round(y))]
                _text(c, columns[col][0] + 10, y + 4, sub, 12)
                y += 2 * pitch + 4
            n = per_line[col] - (2 if first else 0)
            chunk, rest = rest[:n], rest[n:]
            _text(
                c,
                columns[col][0] + (2 * size if first else 0),
                y,
                chunk,
                size,
                spread=0.5 * (len(lines) % 3 == 0),
            )
            lines.append(chunk)
            first = False
            y += pitch
            if y > y_bottom:
                col, y = col + 1, y_top
    return lines


def _image(c, x, y_top, w, h):
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (40, 30), (200, 60, 60))
    c.drawImage(ImageReader(img), x, H - y_top - h, w, h)


def draw_page(
    path: Path, *, page_no: int = 3, doubled: bool = True, encrypt: str | None = None
) -> dict:
    """A front-like page: lead with kicker, doubled title, byline, three columns and a subhead;
    a boxed sidebar with a vertical title; a second article under a rule; a chart block."""
    _fonts()
    c = canvas.Canvas(str(path), pagesize=(W, H), encrypt=encrypt)
    _text(c, 30, 14, "2024年5月20日 星期一", 9)
    _text(c, 480, 8, f"{page_no} 要闻", 24)
    _text(c, 80, 60, "坚持稳中求进 推动高质量发展", 16)
    title = "新质生产力加快发展"
    if doubled:
        _text(c, 60, 82, title, 30, white=True)
    _text(c, 60, 82, title, 30)
    _text(c, 190, 120, "本报记者 张 三", 10)
    lead = _paragraphs(0, 12)
    _columns(
        c,
        lead,
        [(30, 117), (160, 117), (290, 110)],
        140,
        400,
        skip={(1, 236): "一、稳住农业基本盘"},
    )
    c.rect(410, H - 405, 160, 350, stroke=1, fill=0)
    _text(c, 538, 80, "守正创新", 26, font=VFONT)
    _text(c, 520, 120, "李四", 10, font=VFONT)
    side = _paragraphs(2, 3)
    _columns(c, side, [(418, 90)], 80, 390)
    c.line(30, H - 415, 570, H - 415)
    _text(c, 40, 430, "乡村振兴绘就新图景", 22)
    second = _paragraphs(4, 4) + ["（作者单位：某某大学）"]
    _columns(c, second, [(30, 126), (165, 126)], 470, 700)
    _text(c, 330, 440, "全年主要指标", 12)
    _image(c, 320, 460, 240, 160)
    for i, label in enumerate(("2021", "2022", "2023")):
        _text(c, 340 + 70 * i, 600, label, 6)
    _text(c, 320, 630, "数据来源：国家统计局", 7)
    c.showPage()
    c.save()
    return {"lead": lead, "side": side, "second": second[:-1]}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "page-03.pdf"
    texts = draw_page(path)
    issue, articles = load_articles(path)
    return path, texts, issue, articles


def test_articles_in_reading_order_with_their_headlines(page):
    _, _, issue, articles = page
    assert [a.title for a in articles] == ["新质生产力加快发展", "守正创新", "乡村振兴绘就新图景"]
    lead, side, second = articles
    assert lead.kicker == "坚持稳中求进 推动高质量发展"
    assert lead.byline == "本报记者 张 三"
    assert side.byline == "李四"
    assert second.kicker is None and second.byline is None


def test_bodies_follow_the_columns(page):
    _, texts, _, articles = page
    for article, key in zip(articles, ("lead", "side", "second")):
        assert _squash("".join(article.body)) == _squash("".join(texts[key]))
        assert article.body == texts[key]  # paragraphs rejoined across column breaks
        assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", "".join(article.body))


def test_subhead_note_page_and_boxes(page):
    _, _, issue, articles = page
    lead, _, second = articles
    assert lead.subheads == ["一、稳住农业基本盘"]
    assert second.note == "（作者单位：某某大学）"
    assert all(a.page == 1 and a.boxes and len(a.boxes[0]) == 4 for a in articles)
    assert issue.pages[0].number == 3 and issue.pages[0].name == "要闻"
    assert issue.date == "2024-05-20"


def test_chart_and_masthead_are_furniture_not_articles(page):
    _, _, issue, articles = page
    kinds = {f.kind for f in issue.furniture}
    assert {"masthead", "image", "graphic"} <= kinds
    graphic = " ".join(f.text for f in issue.furniture if f.kind == "graphic")
    assert "全年主要指标" in graphic and "数据来源" in graphic
    everything = "".join(_squash("".join(a.body)) + (a.title or "") for a in articles)
    for text in ("全年主要指标", "数据来源", "2022", "星期一"):
        assert text not in everything


def test_directory_and_list_of_pages_make_one_issue(tmp_path):
    draw_page(tmp_path / "p2.pdf", page_no=2)
    draw_page(tmp_path / "p1.pdf", page_no=1, doubled=False)
    issue, articles = load_articles(tmp_path)
    assert [p.number for p in issue.pages] == [1, 2]
    assert len(articles) == 6 and [a.page for a in articles] == [1, 1, 1, 2, 2, 2]
    assert len({a.id for a in articles}) == 6
    issue2, articles2 = load_articles([tmp_path / "p2.pdf", tmp_path / "p1.pdf"])
    assert [p.number for p in issue2.pages] == [2, 1]


def _image_only(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=(W, H))
    _image(c, 50, 50, 400, 600)
    c.save()


def test_bad_pdfs_are_one_line_errors(tmp_path):
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(b"%PDF-1.4\n this is not really a pdf \x00\x01")
    with pytest.raises(InputError, match="not a readable PDF"):
        load_articles(corrupt)
    locked = tmp_path / "locked.pdf"
    draw_page(locked, encrypt="secret")
    with pytest.raises(InputError, match="encrypted"):
        load_articles(locked)
    scan = tmp_path / "scan.pdf"
    _image_only(scan)
    with pytest.raises(InputError, match="OCR"):
        load_articles(scan)


def test_bad_page_in_an_issue_is_skipped(tmp_path, caplog):
    draw_page(tmp_path / "a.pdf")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 broken")
    _image_only(tmp_path / "c.pdf")
    with caplog.at_level(logging.WARNING):
        issue, articles = load_articles(tmp_path)
    assert len(articles) == 3
    skipped = [f for f in issue.furniture if f.kind == "skipped-page"]
    assert [f.page for f in skipped] == [2, 3] and "OCR" in skipped[1].text
    assert "skipped page" in caplog.text


def test_cli_error_is_one_line(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    run = subprocess.run(
        [sys.executable, "-m", "briefing", "split", str(bad)], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("briefing: error:")


TEMPLATE = """<html><head><meta charset="utf-8"><title>电子版</title></head><body>
<nav><p>首页</p></nav>
<div class="text_c"><h3>坚持稳中求进</h3><h1>新质生产力 加快发展</h1><h2>——来自一线的报道</h2>
<h4>本报记者 张 三</h4><div id="ozoom">
<p>　　{p1}</p><p>　　{p2}</p><p>（作者单位：某某大学）</p></div></div>
<footer><p>版权所有</p></footer></body></html>"""


def test_epaper_html_template(tmp_path):
    p1, p2 = _paragraphs(0, 2)
    page = tmp_path / "content_1.html"
    page.write_text(TEMPLATE.format(p1=p1, p2=p2), encoding="utf-8")
    issue, articles = load_articles(page)
    (article,) = articles
    assert (article.kicker, article.title, article.subtitle, article.byline) == (
        "坚持稳中求进",
        "新质生产力 加快发展",
        "——来自一线的报道",
        "本报记者 张 三",
    )
    assert article.body == [p1, p2] and article.note == "（作者单位：某某大学）"
    assert issue.metadata["input"] == "html"


def test_html_without_article_is_an_error(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>首页</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article"):
        load_articles(page)
