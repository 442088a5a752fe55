"""The briefing of each sample issue, in every format, read back: each article once, in its section."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from build_helpers import expected_placement, parse_docx, parse_html, parse_markdown, parse_text

from briefing.api import load_articles
from briefing.pipeline import Pipeline, build_briefing
from briefing.records import Briefing
from briefing.registry import renderers
from briefing.render import GENERATED_MARK, render
from briefing.schema import briefing_schema

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCES = sorted(str(p) for p in SAMPLES.glob("*.txt")) + [
    str(SAMPLES / "old-style-1998"),
    str(SAMPLES / "articles.jsonl"),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module", params=SOURCES, ids=lambda s: Path(s).name)
def sample(request, pipeline):
    """(source, briefing, article ids the splitter finds) for one sample issue."""
    _, articles = load_articles(request.param)
    return request.param, pipeline.run(request.param), [a.id for a in articles]


def test_the_samples_exist():
    assert len(SOURCES) >= 4, SOURCES


def test_every_article_is_one_entry_in_its_section(sample):
    _, briefing, ids = sample
    entries = briefing.entries
    assert sorted(e.article_id for e in entries) == sorted(ids)
    assert briefing.article_count == len(ids)
    for section in briefing.sections:
        assert section.entries, "empty sections are left out"
        for entry in section.entries:
            assert entry.title and entry.source
            if section.kind == "topic":
                assert entry.topic == section.title
    assert sum(briefing.topic_counts.values()) == len(ids)


def test_top_stories_then_sections_in_taxonomy_order(sample, pipeline):
    _, briefing, ids = sample
    top = briefing.sections[0]
    assert top.kind == "top" and top.title == "要闻" and len(top.entries) == min(3, len(ids))
    titles = [s.title for s in briefing.sections[1:]]
    order = pipeline.labels
    assert titles == sorted(titles, key=order.index)
    for section in briefing.sections:
        values = [e.importance for e in section.entries]
        assert values == sorted(values, reverse=True)
    # No entry left in a topic section is more important than the least of the top stories.
    rest = [e.importance for s in briefing.sections[1:] for e in s.entries]
    assert not rest or max(rest) <= min(e.importance for e in top.entries)


def test_header_keywords_and_appendix(sample):
    source, briefing, _ = sample
    assert 1 <= len(briefing.keywords) <= 8
    assert len(set(briefing.keywords)) == len(briefing.keywords)
    if not source.endswith(".jsonl"):
        assert briefing.appendix, "page furniture goes to the appendix"
        assert all(item.text for item in briefing.appendix)


def test_round_trip_through_dict_and_json(sample):
    _, briefing, _ = sample
    assert Briefing.from_dict(briefing.to_dict()) == briefing
    assert Briefing.from_dict(json.loads(render(briefing, format="json"))) == briefing


def test_json_matches_the_schema(sample):
    _, briefing, _ = sample
    schema = briefing_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(render(briefing, format="json")), schema)


def test_html_read_back(sample):
    _, briefing, _ = sample
    page = parse_html(render(briefing, format="html"))
    assert page.lang == "zh-CN"
    assert page.placement == [
        (section, article_id) for section, article_id, _ in expected_placement(briefing)
    ]
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "img", "link", "iframe", "style", "table"}
    # Self-contained: nothing to fetch.
    assert not any(key in ("src", "href") for _, attrs in page.tags for key in attrs)


def test_markdown_read_back(sample):
    _, briefing, _ = sample
    placement = parse_markdown(render(briefing, format="md"))
    assert placement == [(section, title) for section, _, title in expected_placement(briefing)]


def test_text_read_back(sample):
    _, briefing, _ = sample
    placement = parse_text(render(briefing, format="txt"))
    assert placement == [(section, title) for section, _, title in expected_placement(briefing)]


def test_docx_read_back(sample):
    from docx.oxml.ns import qn

    _, briefing, _ = sample
    placement, document = parse_docx(render(briefing, format="docx"))
    assert placement == [(section, title) for section, _, title in expected_placement(briefing)]
    for name in ("Normal", "Heading 1", "Heading 2"):
        fonts = document.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")), f"{name} has no East Asian font"
        assert fonts.get(qn("w:eastAsiaTheme")) is None


def test_generated_titles_are_marked_in_every_format(pipeline):
    briefing = pipeline.run(str(SAMPLES / "linjiang-daily-2024-03-12.txt"))
    generated = [e for e in briefing.entries if e.title_generated]
    assert generated, "the sample has untitled items"
    for fmt in ("md", "txt", "html", "json"):
        document = render(briefing, format=fmt)
        for entry in generated:
            if fmt == "json":
                assert '"title_generated": true' in document
            else:
                assert f"{GENERATED_MARK}{entry.title}" in document.replace(
                    '</span><span class="title">', ""
                )
    placement, _ = parse_docx(render(briefing, format="docx"))
    assert sum(title.startswith(GENERATED_MARK) for _, title in placement) == len(generated)


def test_renderers_are_registered():
    assert {"md", "html", "txt", "json", "docx"} <= set(renderers.names())


def test_build_briefing_takes_a_config_path(tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text(
        '[briefing]\ntop_stories = 1\nkeywords = 3\npaper = "测试报"\n', encoding="utf-8"
    )
    briefing = build_briefing(SAMPLES / "articles.jsonl", config=config)
    assert len(briefing.sections[0].entries) == 1
    assert len(briefing.keywords) == 3
    assert briefing.paper == "测试报"
