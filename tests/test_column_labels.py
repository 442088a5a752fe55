"""Column labels (logos) attached to the articles they label, by geometry; a label read only
weakly names no column and is reported. No model: the labels and articles are drawn here."""

from __future__ import annotations

from briefing.ocr.labels import Label, attach_columns
from briefing.ocr.page import LowConfidence
from briefing.read.layout.articles import PageArticle
from briefing.read.layout.glyphs import Char, LayoutLine
from briefing.read.layout.roles import Chain, Headline

BODY = 9.0


def _line(x0: float, y0: float, x1: float, y1: float, *, vertical: bool = False) -> LayoutLine:
    """A line of type filling the box (characters of its height, or width if vertical)."""
    side = (x1 - x0) if vertical else (y1 - y0)
    count = max(1, int(((y1 - y0) if vertical else (x1 - x0)) // side))
    chars = []
    for i in range(count):
        if vertical:
            box = (x0, y0 + i * side, x1, y0 + (i + 1) * side)
        else:
            box = (x0 + i * side, y0, x0 + (i + 1) * side, y1)
        chars.append(Char("字", *box, size=side, font="f", color=0))
    return LayoutLine(chars, vertical=vertical)


def _column(x0: float, y0: float, x1: float, y1: float) -> Chain:
    lines = [_line(x0, y, x1, y + BODY) for y in range(int(y0), int(y1 - BODY), 15)]
    return Chain(lines, container=-1)


def _article(title: str, head: LayoutLine | None, columns: list[Chain]) -> PageArticle:
    headline = Headline([head], container=-1) if head else None
    return PageArticle(headline=headline, chains=columns, title=title)


def test_a_logo_over_the_text_beside_a_vertical_title_labels_that_article():
    """The logo sits over the text columns, left of the article's vertical title: nearer the
    text than any headline, with nothing between them."""
    lead = _article("lead", _line(20, 100, 600, 150), [_column(20, 200, 300, 1000)])
    side = _article(
        "side",
        _line(940, 150, 980, 600, vertical=True),
        [_column(690, 160, 930, 760)],
    )
    logo = Label("栏目名称", (720.0, 98.0, 870.0, 144.0))
    assert attach_columns([lead, side], [logo], BODY) == {1: "栏目名称"}


def test_a_corner_logo_shared_by_two_articles_labels_both():
    """A column's logo in the corner where two of its articles meet (reaching into both, its
    centre in neither) labels each of them; a third article it does not touch gets none."""
    top = _article("top", _line(20, 100, 600, 150), [_column(20, 200, 1000, 900)])
    left = _article("left", _line(100, 1080, 560, 1150), [_column(10, 1190, 655, 1430)])
    right = _article("right", _line(690, 880, 1000, 950), [_column(685, 980, 1010, 1430)])
    logo = Label("栏目名称", (600.0, 1383.0, 745.0, 1419.0))
    assert attach_columns([top, left, right], [logo], BODY) == {1: "栏目名称", 2: "栏目名称"}


def test_a_logo_read_only_weakly_names_no_column():
    article = _article("one", _line(20, 100, 600, 150), [_column(20, 200, 600, 900)])
    weak = Label(
        "某某某某",
        (30.0, 160.0, 150.0, 190.0),
        [LowConfidence("某", 0.4, "某某某某", [30.0, 160.0, 40.0, 190.0])],
        sure=False,
    )
    assert attach_columns([article], [weak], BODY) == {}
    sure = Label("栏目名称", weak.box)
    assert attach_columns([article], [sure], BODY) == {0: "栏目名称"}


def test_a_headline_over_no_text_that_reads_as_a_column_name_is_a_label():
    """A column's name set as type that the layout took for a headline with no text of its
    own labels the article it stands over; a longer headline is no name, and one read weakly
    names nothing."""
    from briefing.ocr.labels import heading_labels

    lead = _article("lead", _line(20, 100, 600, 150), [_column(20, 200, 300, 1000)])
    side = _article(
        "side",
        _line(940, 150, 980, 600, vertical=True),
        [_column(690, 160, 930, 760)],
    )
    name_box = (720.0, 98.0, 870.0, 144.0)
    headings = [
        ("栏目 名称", name_box),
        ("一个没有正文的长标题在这里", (20.0, 1100.0, 600.0, 1150.0)),
    ]
    labels = heading_labels(headings, [])
    assert [(lb.text, lb.sure) for lb in labels] == [("栏目名称", True)]
    assert attach_columns([lead, side], labels, BODY) == {1: "栏目名称"}
    doubtful = [
        LowConfidence(c, 0.3, "栏目名称", [730.0 + 30 * i, 100.0, 750.0 + 30 * i, 140.0])
        for i, c in enumerate("栏目名")
    ]
    [weak] = heading_labels(headings[:1], doubtful)
    assert not weak.sure and attach_columns([lead, side], [weak], BODY) == {}
