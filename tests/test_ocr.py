"""Scanned pages: page images and image-only PDF pages read by OCR into the layout reader.

The fast tests need no model (page geometry, bad images, the cache, options); the pages the
model reads are drawn with reportlab, rasterised, tilted and JPEG-compressed here.
"""

from __future__ import annotations

import dataclasses
import json
import re
import struct
import sys
import zlib
from importlib.util import find_spec
from pathlib import Path

import pytest

from briefing.errors import ConfigError, InputError

np = pytest.importorskip("numpy")
Image = pytest.importorskip("PIL.Image")
# Laying a page out (deskew, graphics) needs OpenCV, which the [ocr] extra brings.
needs_opencv = pytest.mark.skipif(find_spec("cv2") is None, reason="needs OpenCV ([ocr] extra)")

from briefing.ocr import OcrResult, cache_dir, load_image  # noqa: E402
from briefing.ocr.engine import OcrChar, OcrLine  # noqa: E402
from briefing.ocr.page import PageGeometry, build_page, skew_angle  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))


def _line(
    text: str,
    x: float,
    y: float,
    *,
    height: float = 20.0,
    pitch: float = 20.0,
    angle: float = 0.0,
    confidence: float = 0.99,
    vertical: bool = False,
) -> OcrLine:
    """An OCR line as the engine gives it: a quad in pixels (tilted by ``angle`` radians)."""
    import math

    n = len(text)
    length = pitch * n
    w, h = (height, length) if vertical else (length, height)
    dx, dy = math.cos(angle), math.sin(angle)
    quad = [
        [x, y],
        [x + w * dx, y + w * dy],
        [x + w * dx - h * dy, y + w * dy + h * dx],
        [x - h * dy, y + h * dx],
    ]
    chars = [OcrChar(c, i / n, (i + 1) / n, confidence) for i, c in enumerate(text)]
    return OcrLine(
        quad=quad,
        text=text,
        confidence=confidence,
        vertical=vertical,
        chars=chars,
        ink=(0.05, 0.95),
        along=(0.0, 1.0),
    )


GEOMETRY = PageGeometry(scale=0.5, width=600, height=900)


def test_skew_is_measured_and_taken_out():
    angle = 0.006  # about 0.35 degrees
    lines = [
        _line("各地认真落实各项部署推动经济", 100, 200 + 30 * i, angle=angle) for i in range(6)
    ]
    assert skew_angle(lines) == pytest.approx(angle, abs=1e-4)
    page, _ = build_page(lines, image_size=(1200, 1800), geometry=GEOMETRY, angle=angle)
    tops = sorted(round(ln.y0, 1) for ln in page.lines)
    assert len(page.lines) == 6 and all(
        b - a == pytest.approx(15, abs=0.5) for a, b in zip(tops, tops[1:])
    )
    assert all(ln.y1 - ln.y0 < 12 for ln in page.lines)  # straight: the tilt does not widen a line


def test_sizes_columns_and_doubtful_characters():
    body = [
        _line("城乡居民收入稳步增长消费", x, 400 + 30 * i) for i in range(8) for x in (100, 400)
    ]
    title = _line("新质生产力", 100, 200, height=60, pitch=60)
    doubtful = _line("科技创新", 100, 700, confidence=0.5)
    page, low = build_page(body + [title, doubtful], image_size=(1200, 1800), geometry=GEOMETRY)
    assert page.body_size == pytest.approx(10, abs=0.3)  # 20 px pitch at 0.5 pt per pixel
    big = [ln for ln in page.lines if ln.text() == "新质生产力"]
    assert big and big[0].size > 2.5 * page.body_size
    # two columns 100 px apart stay two lines per row
    assert sum(1 for ln in page.lines if ln.text() == "城乡居民收入稳步增长消费") == 16
    assert (
        [d.char for d in low] == list("科技创新")
        and low[0].line == "科技创新"
        and low[0].confidence == 0.5
    )


def test_a_line_run_across_a_gutter_is_cut():
    from briefing.ocr.graphics import mark_gutters

    grey = np.full((300, 800), 255, dtype=np.uint8)
    for row in range(5):  # five lines of two columns, 40 px apart; glyphs 16 px, 2 px apart
        top = 40 + 30 * row
        for x in list(range(20, 380, 18)) + list(range(420, 780, 18)):
            if not (row == 2 and 200 <= x < 230):  # a wide gap in one line only (after a 。)
                grey[top : top + 16, x : x + 16] = 0
    line = _line("各地认真落实", 15, 36, height=24, pitch=(785 - 15) / 6)
    line.ink = (4 / 24, 20 / 24)
    mark_gutters(grey, [line])
    assert (
        len(line.gaps) == 1
        and 370 < 15 + line.gaps[0][0] * 770 < 400 < 15 + line.gaps[0][1] * 770 < 430
    )
    line.chars = [
        OcrChar(c, x, x + 0.08, 0.99)
        for c, x in zip("各地认真落实", (0.0, 0.1, 0.2, 0.6, 0.7, 0.8))
    ]
    page, _ = build_page([line], image_size=(800, 300), geometry=GEOMETRY)
    assert sorted(ln.text() for ln in page.lines) == ["各地认", "真落实"]


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IEND", b"")
    )


def test_bad_images_are_one_line_errors(tmp_path):
    corrupt = tmp_path / "corrupt.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\n not an image")
    with pytest.raises(InputError, match="not a readable image"):
        load_image(corrupt)
    good = tmp_path / "good.png"
    Image.new("L", (200, 300), 255).save(good)
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(good.read_bytes()[:60])
    with pytest.raises(InputError, match="not a readable image"):
        load_image(truncated)
    huge = tmp_path / "huge.png"
    huge.write_bytes(_png_header(12000, 9000))
    with pytest.raises(InputError, match="over 100 megapixels"):
        load_image(huge)
    frames = tmp_path / "frames.tiff"
    Image.new("L", (50, 50), 255).save(
        frames, save_all=True, append_images=[Image.new("L", (50, 50), 0)]
    )
    with pytest.raises(InputError, match="multi-frame"):
        load_image(frames)
    grey, dpi = load_image(good)
    assert grey.shape == (300, 200) and dpi == 150


def test_bad_image_at_the_cli_is_one_line_exit_2(tmp_path):
    import subprocess

    bad = tmp_path / "page.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 truncated")
    run = subprocess.run(
        [sys.executable, "-m", "briefing", "split", str(bad)], capture_output=True, text=True
    )
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "not a readable image" in run.stderr


def test_ocr_never_and_a_missing_extra_say_what_to_do(tmp_path, monkeypatch):
    from briefing.api import load_articles

    page = tmp_path / "page.png"
    Image.new("L", (200, 300), 255).save(page)
    with pytest.raises(InputError, match=r"needs OCR \(the ocr mode \"auto\"\)"):
        load_articles(page, ocr="never")
    with pytest.raises(InputError, match="^ocr must be one of"):
        load_articles(page, ocr="sometimes")
    import briefing.ocr.engine as engine

    monkeypatch.setattr(engine, "_engine", None)
    monkeypatch.setattr("builtins.__import__", _blocking_import("rapidocr_onnxruntime"))
    with pytest.raises(InputError, match=re.escape("pip install 'briefing[ocr]'")):
        engine.OcrEngine()


def _blocking_import(name: str):
    import builtins

    real = builtins.__import__

    def fake(module, *args, **kwargs):
        if module == name or module.startswith(name + "."):
            raise ImportError(f"No module named {module!r}")
        return real(module, *args, **kwargs)

    return fake


def test_ocr_setting_is_checked_in_the_config():
    from briefing.config import parse_config

    assert parse_config('[briefing]\nocr = "never"').ocr == "never"
    with pytest.raises(ConfigError, match="ocr must be auto, always or never"):
        parse_config('[briefing]\nocr = "yes"')


class _CountingEngine:
    def __init__(self):
        self.calls = 0

    def read(self, grey):
        self.calls += 1
        return [_line("各地认真落实各项部署推动经济", 10, 10 + 30 * i) for i in range(3)]


def _use_engine(monkeypatch, cache: Path, fake):
    """``fake`` as the process's OCR engine, with an OCR cache of its own in ``cache``."""
    import briefing.ocr.engine as engine

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache))
    monkeypatch.setattr(engine, "get_engine", lambda: fake)
    return fake


@needs_opencv
def test_a_page_is_read_once_then_from_the_cache(monkeypatch, tmp_path):
    import briefing.ocr as ocr
    import briefing.ocr.engine as engine

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    fake = _CountingEngine()
    monkeypatch.setattr(engine, "get_engine", lambda: fake)
    events = []
    remove = ocr.add_progress_listener(events.append)
    try:
        grey = np.full((300, 200), 255, dtype=np.uint8)
        first = ocr.ocr_page(grey, geometry=GEOMETRY, source="p.png", page=1)
        again = ocr.ocr_page(grey.copy(), geometry=GEOMETRY, source="p.png", page=1)
    finally:
        remove()
    assert fake.calls == 1 and isinstance(first, OcrResult)
    assert [ln.text() for ln in first.page.lines] == [ln.text() for ln in again.page.lines]
    assert cache_dir() == tmp_path / "ocr" and list((tmp_path / "ocr").rglob("*.json"))
    assert [(e.done, e.cached) for e in events] == [(False, False), (True, False), (True, True)]


def test_batch_finds_page_images_and_a_folder_of_them_is_one_issue(tmp_path):
    from briefing.jobs.inputs import discover
    from briefing.read import issue_files, source_kind

    issue = tmp_path / "scans" / "2024-05-20"
    issue.mkdir(parents=True)
    for name in ("p2.png", "p1.jpg", "p10.tif", "notes.md"):
        (issue / name).write_bytes(b"x")
    assert [p.name for p in issue_files(issue)] == ["p1.jpg", "p10.tif", "p2.png"]
    assert source_kind(issue) == "layout"
    jobs = discover([tmp_path / "scans"], pages_per_dir=True)
    assert [(j.key, Path(j.path).name) for j in jobs] == [("2024-05-20", "2024-05-20")]


def _accuracy(got: str, want: str) -> float:
    import difflib

    ops = difflib.SequenceMatcher(None, got, want, autojunk=False).get_opcodes()
    return 1 - sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal") / len(
        want
    )


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """The PDF tests' front page, scanned: grey at 150 dpi, tilted 0.4 degrees, JPEG."""
    pytest.importorskip("rapidocr_onnxruntime")
    pytest.importorskip("pymupdf")
    from test_pdf import draw_page

    from briefing.ocr.scan import ScanSettings, scan_page

    folder = tmp_path_factory.mktemp("scan")
    texts = (
        draw_page(folder / "original" / "page-03.pdf")
        if (folder / "original").mkdir() is None
        else {}
    )
    pdf, png = scan_page(
        folder / "original" / "page-03.pdf", folder / "scans", settings=ScanSettings(angle=0.4)
    )
    return texts, pdf, png


@pytest.mark.slow
def test_scanned_page_reads_like_its_text_layer(scanned):
    from briefing.api import load_articles

    texts, pdf, png = scanned
    issue, articles = load_articles(pdf)
    assert [a.title for a in articles] == ["新质生产力加快发展", "守正创新", "乡村振兴绘就新图景"]
    lead, side, second = articles
    assert re.sub(r"\s", "", lead.kicker or "") == "坚持稳中求进推动高质量发展"
    assert re.sub(r"\s", "", lead.byline or "") == "本报记者张三" and lead.subheads == [
        "一、稳住农业基本盘"
    ]
    assert second.note == "（作者单位：某某大学）"
    for article, key in zip(articles, ("lead", "side", "second")):
        assert _accuracy("".join(article.body), "".join(texts[key])) >= 0.95
    assert issue.pages[0].number == 3 and issue.date == "2024-05-20"
    assert {"masthead", "graphic"} <= {f.kind for f in issue.furniture}
    report = issue.metadata["ocr"][0]
    assert report["page"] == 1 and report["confidence"] > 0.9
    # the PNG of the same scan is the same page: read from the cache, the same articles (boxes
    # in points differ by the rounding of the PNG's dpi)
    again, same = load_articles(png)
    fields = ("kicker", "title", "byline", "subheads", "body", "note")
    assert [[getattr(a, f) for f in fields] for a in same] == [
        [getattr(a, f) for f in fields] for a in articles
    ]


@pytest.mark.slow
def test_cli_builds_a_folder_of_page_images(scanned, tmp_path):
    import shutil
    import subprocess

    _, _, png = scanned
    folder = tmp_path / "issue"
    folder.mkdir()
    shutil.copy(png, folder / "page-03.png")
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    run = subprocess.run(
        [sys.executable, "-m", "briefing", "build", str(folder), "-f", "json"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    import json

    briefing = json.loads(run.stdout)
    assert "新质生产力加快发展" in run.stdout and briefing
    assert "skipped page" in run.stderr and "broken.png" in run.stderr


def test_a_vertical_headline_boxed_in_pieces_is_one_line_read_down():
    column = _line("意气风发走进新", 900, 100, height=60, pitch=62, vertical=True)
    column.ink = (0.1, 0.9)
    singles = [
        _line(c, 900, 100 + 7 * 62 + 62 * i, height=60, pitch=60) for i, c in enumerate("时代")
    ]
    body = [_line("城乡居民收入稳步增长消费", 100, 400 + 30 * i) for i in range(8)]
    page, _ = build_page(body + singles + [column], image_size=(1200, 1800), geometry=GEOMETRY)
    vertical = [ln for ln in page.lines if ln.vertical]
    assert [ln.text() for ln in vertical] == ["意气风发走进新时代"]


def test_chart_figures_and_lettering_are_not_headlines():
    from briefing.ocr.graphics import mark_ground, mark_lettering

    body = [_line("城乡居民收入稳步增长消费", 100, 400 + 30 * i) for i in range(8)]
    figure = _line("收入23821元", 100, 200, height=40, pitch=40)
    page, _ = build_page(body + [figure], image_size=(1200, 1800), geometry=GEOMETRY)
    assert [ln.text() for ln in page.other_text] == ["收入23821元"]
    grey = np.full((300, 600), 255, dtype=np.uint8)
    grey[20:80, 20:220] = np.linspace(90, 190, 200, dtype=np.uint8)[
        None, :
    ]  # a logo in greys, no solid ink
    grey[100:200, 0:250] = 30  # a dark bar (wider than the type on it) with white type
    grey[135:165, 40:60] = 255
    grey[220:260, 20:220:12] = 0  # black type on paper
    logo = _line("新知新觉", 10, 10, height=80, pitch=55)
    bar = _line("中国特色", 10, 110, height=80, pitch=55)
    plain = _line("深刻理解", 10, 210, height=60, pitch=55)
    lines = body + [logo, bar, plain]
    mark_ground(grey, lines)
    mark_lettering(grey, lines)
    assert (logo.art, bar.art, plain.art) == (True, False, False)
    assert (bar.reversed, plain.reversed, logo.reversed) == (True, False, False)


def test_a_vertical_column_is_cut_into_characters_for_the_recogniser():
    from briefing.ocr.crops import unstack

    column = np.full((200, 50), 255, dtype=np.uint8)
    for top in (5, 70, 135):  # three glyphs; the second in two parts, as 二 is
        if top == 70:
            column[top : top + 8, 5:45] = 0
            column[top + 36 : top + 44, 5:45] = 0
        else:
            column[top : top + 44, 5:45] = 0
    row, cells = unstack(column)
    assert row.shape[0] == 50 and row.shape[1] == 3 * (50 + 6)
    assert cells == [(0, 50), (56, 106), (112, 162)]


def test_a_tint_behind_lines_of_a_running_column_is_not_a_box():
    """Lines on the faint edge of a picture printed behind a column are that column's text; lines
    on a tint set apart from the text around them (a box's padding) are a box of their own."""
    column = [_line("城乡居民收入稳步增长消费", 100, 400 + 30 * i) for i in range(10)]
    for line in column[4:6]:  # at the column's line spacing: a picture's edge behind it
        line.background = 236
    boxed = [_line("城乡居民收入稳步增长消费", 600, 440 + 30 * i) for i in range(3)]
    for line in boxed:
        line.background = 236
    boxed += [_line("城乡居民收入稳步增长消费", 600, 400 + 30 * i) for i in (-4, 5)]
    page, _ = build_page(column + boxed, image_size=(1200, 1800), geometry=GEOMETRY, paper=252)
    assert len(page.boxes) == 1
    x0, y0, x1, y1 = page.boxes[0]
    assert x0 > 250 and 210 < y0 < 221 and 259 < y1 < 270  # the three boxed lines, in points


def test_the_detector_sees_the_page_at_its_set_size_and_recognition_at_its_height():
    """rapidocr scales a large page to 2,000 pixels whatever its ``max`` limit says: the page is
    scaled here to ``det_side``, the boxes come back in the page's pixels; crops are read at
    ``rec_height`` (the recogniser's cost grows with its square)."""
    pytest.importorskip("rapidocr_onnxruntime")
    from briefing.ocr.engine import get_engine

    engine = get_engine()
    seen = []

    def infer(tensor):  # the network's text map: one line of ink at rows 10-30, columns 10-110
        seen.append(tensor.shape)
        preds = np.zeros((1, 1, *tensor.shape[2:]), dtype=np.float32)
        preds[0, 0, 10:30, 10:110] = 1.0
        return [preds]

    original = engine._detector.infer
    engine._detector.infer = infer
    try:
        boxes = engine._detect(np.full((3000, 2100), 255, dtype=np.uint8))
    finally:
        engine._detector.infer = original
    side = engine.settings.det_side
    assert abs(max(seen[0][2:]) - side) <= 16 and all(n % 32 == 0 for n in seen[0][2:])
    scale = 3000 / seen[0][2]
    assert len(boxes) == 1 and 100 * scale < max(p[0] for p in boxes[0]) < 125 * scale
    shapes = []
    recogniser = engine._rec
    engine._rec = lambda tensor: (
        shapes.append(tensor.shape) or [np.zeros((len(tensor), tensor.shape[3] // 8, 6625))]
    )
    try:
        engine._recognise([np.full((20, 200), 255, dtype=np.uint8)])
    finally:
        engine._rec = recogniser
    assert shapes[0][2] == engine.settings.rec_height


def test_a_column_logo_set_as_type_is_the_article_column_not_a_headline():
    """A short name in large type under an article's title (below its byline) labels the
    article's column; two such lines together are a banner, which labels nothing."""
    from briefing.ocr.labels import take_labels
    from briefing.read.layout.pdf import layout_result

    def page_with(extra):
        title = _line("新质生产力加快发展", 100, 200, height=60, pitch=60)
        byline = _line("本报记者张三", 300, 270, height=22, pitch=22)
        body = [
            _line("城乡居民收入稳步增长消费市场活跃", x, 420 + 30 * i)
            for i in range(14)
            for x in (100, 440)
        ]
        page, doubtful = build_page(
            [title, byline, *extra, *body], image_size=(1200, 1800), geometry=GEOMETRY
        )
        labels = take_labels(page, doubtful)
        return labels, layout_result(page, page_index=1, labels=labels).articles

    labels, articles = page_with([_line("思想纵横", 100, 330, height=40, pitch=40)])
    assert [lb.text for lb in labels] == ["思想纵横"]
    assert [(a.title, a.column) for a in articles] == [("新质生产力加快发展", "思想纵横")]
    # two characters a little unsure (0.75) still read as the name; four weak ones (art read
    # as other characters) do not, and the label is then reported, not a headline either
    for confidence, column in ((0.75, "思想纵横"), (0.45, None)):
        logo = _line("思想纵横", 100, 330, height=40, pitch=40)
        for ch in logo.chars[: 2 if confidence > 0.5 else 4]:
            ch.confidence = confidence
        labels, articles = page_with([logo])
        assert [(lb.text, lb.sure) for lb in labels] == [("思想纵横", column is not None)]
        assert [(a.title, a.column) for a in articles] == [("新质生产力加快发展", column)]
    banner = [
        _line("进入新时代", 100, 320, height=40, pitch=40),
        _line("踏上新征程", 200, 365, height=40, pitch=40),
    ]
    labels, articles = page_with(banner)
    assert labels == [] and all(a.column is None for a in articles)


def test_a_column_logo_image_in_a_text_pdf_is_read_into_the_column(tmp_path):
    """A text PDF's image of lettering over an article's (vertical) title is read by OCR: a short
    name is that article's column and the image's text in the furniture."""
    pytest.importorskip("rapidocr_onnxruntime")
    pymupdf = pytest.importorskip("pymupdf")
    from reportlab.pdfgen import canvas

    from briefing.api import load_articles
    from test_pdf import FONT, _fonts, draw_page

    _fonts()
    art = canvas.Canvas(str(tmp_path / "logo.pdf"), pagesize=(130, 30))
    art.setFont(FONT, 24)
    art.drawString(8, 6, "思想纵横")
    art.save()
    with pymupdf.open(tmp_path / "logo.pdf") as doc:
        logo = doc[0].get_pixmap(dpi=200).tobytes("png")
    draw_page(tmp_path / "page.pdf")
    with pymupdf.open(tmp_path / "page.pdf") as doc:
        doc[0].insert_image(pymupdf.Rect(460, 52, 564, 76), stream=logo)
        doc.save(tmp_path / "logo-page.pdf")
    issue, articles = load_articles(tmp_path / "logo-page.pdf")
    assert [(a.title, a.column) for a in articles] == [
        ("新质生产力加快发展", None),
        ("守正创新", "思想纵横"),
        ("乡村振兴绘就新图景", None),
    ]
    assert ("image-text", "思想纵横") in {(f.kind, f.text) for f in issue.furniture}


def test_a_line_the_first_detection_missed_or_cut_short_comes_from_the_finer_pass(monkeypatch):
    """Light type set close: at det_side the detector finds a line only in part or not at all;
    the finer pass's line replaces the part and adds what was missed. Lines found whole stay,
    and a fine box over two coarse ones (run across a gutter) is not taken."""
    pytest.importorskip("rapidocr_onnxruntime")
    from briefing.ocr.engine import get_engine

    def quad(x0, y0, x1, y1):
        return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)

    passes = {
        2000: [
            quad(0, 0, 300, 20),  # whole
            quad(0, 40, 60, 60),  # a part of a line
            quad(0, 120, 140, 140),  # two columns' lines side by side
            quad(160, 120, 300, 140),
        ],
        2400: [
            quad(1, 0, 299, 20),
            quad(0, 40, 300, 60),
            quad(0, 80, 300, 100),  # missed
            quad(0, 120, 300, 140),  # across the gutter
        ],
    }
    engine = get_engine()
    monkeypatch.setattr(engine, "_detect_at", lambda grey, side: passes[side])
    monkeypatch.setattr(
        engine, "settings", dataclasses.replace(engine.settings, det_side=2000, det_fine=2400)
    )
    boxes = engine._detect(np.full((200, 300), 255, dtype=np.uint8))
    found = sorted((float(b[0][1]), float(b[0][0]), float(b[1][0])) for b in boxes)
    assert found == [
        (0.0, 0.0, 300.0),
        (40.0, 0.0, 300.0),
        (80.0, 0.0, 300.0),
        (120.0, 0.0, 140.0),
        (120.0, 160.0, 300.0),
    ]


def test_a_logo_image_read_only_weakly_is_reported_not_named(tmp_path, monkeypatch):
    """Art the recogniser reads only weakly (calligraphy) names no column: the image stays
    lettering with no text, and its doubtful characters are listed in the issue's metadata."""
    pymupdf = pytest.importorskip("pymupdf")
    import briefing.ocr as ocr
    import briefing.ocr.reading as reading
    from briefing.api import load_articles
    from test_pdf import draw_page

    weak = _line("某某某某", 4, 4, height=40, pitch=40, confidence=0.45)
    monkeypatch.setattr(ocr, "engine_available", lambda: True)
    monkeypatch.setattr(reading, "read_lines", lambda grey, **kw: [weak])
    logo = Image.new("L", (260, 60), 200)
    logo_png = tmp_path / "logo.png"
    logo.save(logo_png)
    draw_page(tmp_path / "page.pdf")
    with pymupdf.open(tmp_path / "page.pdf") as doc:
        doc[0].insert_image(pymupdf.Rect(460, 52, 564, 76), filename=str(logo_png))
        doc.save(tmp_path / "logo-page.pdf")
    issue, articles = load_articles(tmp_path / "logo-page.pdf")
    assert all(a.column is None for a in articles)
    assert ("image-text", "") in {(f.kind, f.text) for f in issue.furniture}
    [report] = issue.metadata["ocr"]
    assert report["confidence"] is None
    assert [d["char"] for d in report["low_confidence"]] == list("某某某某")
    assert all(d["line"] == "某某某某" for d in report["low_confidence"])


@needs_opencv
def test_the_cli_prints_a_line_per_page_and_skips_a_bad_page_of_a_folder(monkeypatch, tmp_path):
    """Away from a terminal each page OCR'd is one line on standard error (read, or from the
    cache on a rerun, which reads nothing again); a damaged image in a folder of page images
    is a skipped page, not the end of the issue."""
    from typer.testing import CliRunner

    from briefing.cli import app

    fake = _use_engine(monkeypatch, tmp_path / "cache", _CountingEngine())
    issue = tmp_path / "issue"
    issue.mkdir()
    Image.new("L", (400, 600), 255).save(issue / "p1.png")
    (issue / "p2.png").write_bytes(b"\x89PNG\r\n\x1a\n damaged")
    runs = [CliRunner().invoke(app, ["split", str(issue)]) for _ in range(2)]
    for run, how in zip(runs, ("read in", "from the cache")):
        assert run.exit_code == 0, run.stderr
        ocr_lines = [ln for ln in run.stderr.splitlines() if ln.startswith("OCR ")]
        assert len(ocr_lines) == 1 and f"p1.png page 1: {how}" in ocr_lines[0]
        issue_read = json.loads(run.stdout)["issue"]
        assert [Path(p["source"]).name for p in issue_read["pages"]] == ["p1.png", "p2.png"]
        assert [(p["page"], p["confidence"]) for p in issue_read["metadata"]["ocr"]] == [(1, 0.99)]
        [skipped] = [f for f in issue_read["furniture"] if f["kind"] == "skipped-page"]
        assert skipped["page"] == 2 and "p2.png: not a readable image" in skipped["text"]
    assert fake.calls == 1


@needs_opencv
def test_ocr_modes_on_a_pdf_with_a_text_page_and_a_scanned_page(monkeypatch, tmp_path):
    """auto: only the page without a text layer is OCR'd; always: every page; never: none, and
    the scanned page of the issue is a skipped page that says it needs OCR."""
    pymupdf = pytest.importorskip("pymupdf")
    from briefing.read.layout.pdf import read_pdf_issue
    from test_pdf import draw_page

    draw_page(tmp_path / "text.pdf")
    scan = tmp_path / "scan.png"
    Image.new("L", (600, 900), 255).save(scan)
    with pymupdf.open(tmp_path / "text.pdf") as doc:
        rect = doc[0].rect
        doc.new_page(width=rect.width, height=rect.height).insert_image(rect, filename=str(scan))
        doc.save(tmp_path / "mixed.pdf")
    for mode, calls, scanned in (("never", 0, []), ("auto", 1, [2]), ("always", 2, [1, 2])):
        fake = _use_engine(monkeypatch, tmp_path / f"cache-{mode}", _CountingEngine())
        issue, articles = read_pdf_issue([tmp_path / "mixed.pdf"], source="mixed", ocr=mode)
        assert fake.calls == calls, mode
        assert [p["page"] for p in issue.metadata.get("ocr", [])] == scanned, mode
        skipped = [f.text for f in issue.furniture if f.kind == "skipped-page"]
        assert (mode == "never") == bool(skipped) and all("needs OCR" in s for s in skipped)
        if mode != "always":
            assert "新质生产力加快发展" in [a.title for a in articles]


class _PageEngine(_CountingEngine):
    """A page's OCR lines: a headline over two columns of body text."""

    def read(self, grey):
        self.calls += 1
        body = [
            _line("城乡居民收入稳步增长消费市场活跃", x, 420 + 30 * i)
            for i in range(14)
            for x in (100, 440)
        ]
        return [_line("新质生产力加快发展", 100, 200, height=60, pitch=60), *body]


@needs_opencv
def test_watch_sends_a_page_image_once_and_a_restart_neither_sends_nor_reads_it(
    server, monkeypatch, tmp_path
):
    """A page image dropped into the watched folder is OCR'd once and sent; a restarted
    watcher sends nothing again and OCRs nothing."""
    from briefing.deliver.job import default_builder
    from briefing.deliver.watch import Watcher
    from deliver_helpers import make_config

    fake = _use_engine(monkeypatch, tmp_path / "cache", _PageEngine())
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    Image.new("L", (1200, 1800), 255).save(inbox / "page-01.png")
    config = make_config(server, tmp_path)
    watcher = Watcher(inbox, config=config, builder=default_builder)
    assert watcher.poll() == []  # first sight: wait for the size to settle
    assert [o.status for o in watcher.poll()] == ["sent"]
    (got,) = server.handler.received
    assert "新质生产力加快发展" in got.message.get_body(("plain",)).get_content()
    restarted = Watcher(inbox, config=config, builder=default_builder)
    restarted.poll()
    assert [o.status for o in restarted.poll()] == ["skipped"]
    assert fake.calls == 1 and len(server.handler.received) == 1


def test_the_pieces_of_a_vertical_title_are_read_as_one_line():
    """The detector boxes a vertical title in pieces that overlap at their seams and some of
    its glyphs one by one: one column of them is one box. Horizontal lines stacked as closely,
    a vertical line beside another, and glyphs boxed alone with no tall piece stay apart."""
    from briefing.ocr.crops import stack_columns

    def quad(x0, y0, x1, y1):
        return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]

    title = [
        quad(1970, 245, 2053, 335),  # a glyph boxed alone
        quad(1976, 317, 2048, 412),  # another, overlapping the first
        quad(1961, 375, 2062, 1060),  # a tall piece over the seam
        quad(1975, 1015, 2042, 1122),  # a piece overlapping its end
        quad(1973, 1094, 2044, 1198),
    ]
    others = [
        quad(100, 100, 700, 130),  # body lines, one under the other
        quad(100, 132, 700, 162),
        quad(1800, 245, 1880, 1000),  # a second vertical line beside the title
        quad(300, 500, 360, 560),  # a vertical byline boxed glyph by glyph
        quad(300, 565, 360, 625),
    ]
    boxes = stack_columns(np.array(title + others, dtype=np.float32))
    spans = sorted(
        tuple(int(v) for v in (b[:, 0].min(), b[:, 1].min(), b[:, 0].max(), b[:, 1].max()))
        for b in boxes
    )
    assert spans == sorted(
        [(1961, 245, 2062, 1198)] + [(q[0][0], q[0][1], q[2][0], q[2][1]) for q in others]
    )


@needs_opencv
def test_a_quotation_mark_of_a_vertical_line_is_read_turned_back():
    """Set vertically, “ is printed turned (as ﹃), which the recogniser reads upright as some
    other character, weakly: that glyph, and only a weak one, is read again turned back, and a
    sure corner bracket stands for the quotation mark (『 for “). A weak glyph that turned
    reads as no corner bracket stays as read (reported as doubtful, never guessed)."""
    from briefing.ocr.crops import crop_line
    from briefing.ocr.engine import OcrEngine

    grey = np.full((300, 60), 255, dtype=np.uint8)
    for top in (10, 110, 210):  # three glyphs down one column
        grey[top : top + 40, 10:50] = 0
    crop = crop_line(grey, [[0, 0], [60, 0], [60, 300], [0, 300]])
    assert crop.vertical and len(crop.cells) == 3
    width = crop.image.shape[1]

    def chars(text, confidences):
        return [
            OcrChar(c, (a + 5) / width, (b - 5) / width, p)
            for c, (a, b), p in zip(text, crop.cells, confidences)
        ]

    for turned, want in ((("『", 0.84), "准“确"), (("丨", 0.9), "准一确")):
        engine = object.__new__(OcrEngine)
        seen = []
        engine._recognise = lambda cells: seen.append(cells) or [(*turned, [])] * len(cells)
        texts = [("准一确", 0.7, chars("准一确", (0.99, 0.3, 0.99)))]
        engine._turn_marks([crop], texts)
        assert len(seen[0]) == 1  # the weak glyph alone
        assert texts[0][0] == want


def test_ocr_progress_is_a_line_per_page_away_from_a_terminal_and_always_under_watch(
    monkeypatch, capsys
):
    import sys

    from briefing.cli.app import OcrProgressBar
    from briefing.ocr import OcrProgress, _announce

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with OcrProgressBar(lines=True):  # as watch runs it, on a terminal
        _announce(OcrProgress("inbox/p1.png", 1, done=False))
        _announce(OcrProgress("inbox/p1.png", 1, done=True, seconds=2.5))
        _announce(OcrProgress("inbox/p2.png", 1, done=True, cached=True))
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "OCR inbox/p1.png page 1: read in 2.5 s",
        "OCR inbox/p2.png page 1: from the cache",
    ]
    _announce(OcrProgress("inbox/p3.png", 1, done=True))  # the listener is gone after the block
    assert capsys.readouterr().err == ""


def test_a_weak_vertical_logo_reports_its_doubtful_glyphs_one_below_the_other():
    from briefing.ocr.engine import OcrChar, OcrLine
    from briefing.ocr.reading import _doubtful

    # a column 20 px wide and 60 px tall: three glyphs (and the gaps between cells read as
    # spaces), the image at 1 point per pixel from (100, 200) on the page
    chars = [
        OcrChar("甲", 0.0, 0.3, 0.4),
        OcrChar(" ", 0.3, 0.35, 0.9),
        OcrChar("乙", 0.35, 0.65, 0.95),
        OcrChar("丙", 0.7, 1.0, 0.5),
    ]
    line = OcrLine(
        quad=[[0, 0], [20, 0], [20, 60], [0, 60]],
        text="甲 乙丙",
        confidence=0.6,
        vertical=True,
        chars=chars,
    )
    doubtful = _doubtful(line, (100.0, 200.0, 200.0, 300.0), 1.0)
    assert [(d.char, d.box) for d in doubtful] == [
        ("甲", [100.0, 200.0, 120.0, 220.0]),
        ("丙", [100.0, 240.0, 120.0, 260.0]),
    ]


def test_a_page_image_without_opencv_is_one_error_that_names_the_extra(monkeypatch):
    """numpy and Pillow installed for something else, OpenCV not: the error names the extra to
    install, not a missing module."""
    from briefing.errors import InputError
    from briefing.ocr import ocr_page
    from briefing.ocr.page import PageGeometry

    monkeypatch.setitem(sys.modules, "cv2", None)  # import cv2 raises ImportError
    with pytest.raises(InputError, match=r"p1.png: reading page images needs OCR: pip install"):
        ocr_page(
            np.full((60, 40), 255, np.uint8),
            geometry=PageGeometry(scale=1.0, width=40.0, height=60.0),
            source="p1.png",
            page=1,
        )
