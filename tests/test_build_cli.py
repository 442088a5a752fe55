"""`briefing build` and `briefing schema`: formats, dates, hostile text, empty issues, bad input."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from build_helpers import parse_docx, parse_html

from briefing.cli import main
from briefing.config import BuildConfig, load_config, parse_config
from briefing.errors import ConfigError
from briefing.pipeline import Pipeline
from briefing.render import EMPTY_NOTICE, render
from briefing.schema import briefing_schema

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CITY = str(SAMPLES / "linjiang-daily-2024-03-12.txt")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out = capsys.readouterr()
    return exit_info.value.code or 0, out.out, out.err


@pytest.fixture()
def hostile(tmp_path) -> Path:
    path = tmp_path / "hostile.jsonl"
    rows = [
        {
            "id": "h1",
            "title": f"{SCRIPT}标题",
            "text": f'正文里有{IMG}，还有 & 和 "引号"。临江市今天举行消防演练，检查高层建筑的消防设施。',
        },
        {
            "id": 'h2" onmouseover="alert(2)',
            "text": f"临江市今天召开会议{SCRIPT}部署防汛工作。会议要求各部门做好准备。",
        },
        {
            "id": "h3",
            "title": "**粗体** [链接](http://example.com) <b>加粗</b>",
            "text": "教育局发布通知，中小学春季学期3月1日开学。",
        },
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    return path


# Formats ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "json"])
def test_text_formats_go_to_stdout(monkeypatch, capsys, fmt):
    code, out, err = run(monkeypatch, capsys, "build", CITY, "--format", fmt)
    assert code == 0, err
    assert "临江日报" in out


def test_docx_and_html_files_with_o(monkeypatch, capsys, tmp_path):
    target = tmp_path / "briefing.docx"
    code, out, err = run(monkeypatch, capsys, "build", CITY, "--format", "docx", "-o", str(target))
    assert code == 0, err
    assert out == ""
    placement, _ = parse_docx(target.read_bytes())
    assert placement
    html_file = tmp_path / "b.html"
    assert run(monkeypatch, capsys, "build", CITY, "-f", "html", "-o", str(html_file))[0] == 0
    assert parse_html(html_file.read_text(encoding="utf-8")).placement == [
        (s, i) for s, i in parse_html(render(Pipeline().run(CITY), format="html")).placement
    ]


def test_docx_needs_an_output_file(monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, "build", CITY, "--format", "docx")
    assert code == 2 and out == ""
    assert "-o" in err and "Traceback" not in err


def test_unknown_format_exits_2_and_writes_nothing(monkeypatch, capsys, tmp_path):
    target = tmp_path / "out.pdf"
    code, out, err = run(monkeypatch, capsys, "build", CITY, "--format", "pdf", "-o", str(target))
    assert code == 2 and out == ""
    assert "unknown format 'pdf'" in err and "html" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["missing-dir/out.html", "."])
def test_unwritable_output_exits_2_and_leaves_no_file(monkeypatch, capsys, tmp_path, where):
    target = tmp_path / where
    before = sorted(tmp_path.rglob("*"))
    code, out, err = run(monkeypatch, capsys, "build", CITY, "--format", "html", "-o", str(target))
    assert code == 2 and out == ""
    assert err.startswith("briefing: error:")
    assert sorted(tmp_path.rglob("*")) == before


def test_failed_write_leaves_no_partial_file(monkeypatch, capsys, tmp_path):
    import briefing.output

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(briefing.output.os, "replace", broken_replace)
    code, _, err = run(
        monkeypatch, capsys, "build", CITY, "--format", "html", "-o", str(tmp_path / "b.html")
    )
    assert code == 2 and "No space left" in err
    assert list(tmp_path.iterdir()) == []


def test_schema_command(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "schema")
    assert code == 0
    assert json.loads(out) == briefing_schema()


# Dates --------------------------------------------------------------------------------------


def test_date_from_the_option_wins(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "build", CITY, "-f", "json", "--date", "2024-03-13")
    assert code == 0 and json.loads(out)["date"] == "2024-03-13"


def test_date_from_the_page_furniture():
    assert Pipeline().run(CITY).date == "2024-03-12"
    assert Pipeline().run(SAMPLES / "old-style-1998").date == "1998-01-05"


def test_no_printed_date_means_no_date(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "临江市举办春季招聘会\n\n本报讯 3月10日，临江市人社局举办春季招聘会，120家企业提供岗位3000余个。\n",
        encoding="utf-8",
    )
    briefing = Pipeline().run(page)
    assert briefing.date is None
    assert Pipeline().run(SAMPLES / "articles.jsonl").date is None
    # The header starts with the article count: no date is made up.
    assert render(briefing, format="txt").split("\n")[2].startswith("共 1 篇")
    assert render(briefing, format="md").split("\n")[2].startswith("共 1 篇")
    assert "星期" not in render(briefing, format="html")


def test_malformed_date_exits_2(monkeypatch, capsys):
    code, _, err = run(monkeypatch, capsys, "build", CITY, "--date", "2024-02-30")
    assert code == 2 and "YYYY-MM-DD" in err


# Hostile text -------------------------------------------------------------------------------


def test_hostile_text_is_text_in_html(hostile):
    briefing = Pipeline().run(hostile)
    document = render(briefing, format="html")
    page = parse_html(document)
    tags = {tag for tag, _ in page.tags}
    assert "script" not in tags and "img" not in tags and "b" not in tags
    assert not any(key.startswith("on") for _, attrs in page.tags for key in attrs)
    text = "".join(page.text)
    assert SCRIPT in text and IMG in text
    assert 'h2" onmouseover="alert(2)' in {article_id for _, article_id in page.placement}


def test_hostile_text_in_markdown_text_json_docx(hostile):
    briefing = Pipeline().run(hostile)
    markdown = render(briefing, format="md")
    import re

    assert not re.search(r"(?<!\\)[<>]", markdown), "every < and > is backslash-escaped"
    assert "**粗体**" not in markdown and "[链接](http" not in markdown
    assert "\\<script\\>" in markdown
    assert SCRIPT in render(briefing, format="txt")
    data = json.loads(render(briefing, format="json"))
    assert any(
        SCRIPT in entry["title"] for section in data["sections"] for entry in section["entries"]
    )
    placement, document = parse_docx(render(briefing, format="docx"))
    assert any(SCRIPT in title for _, title in placement)


def test_control_characters_do_not_break_docx_or_html():
    from briefing.records import Briefing, Entry, Section

    briefing = Briefing(
        source="x",
        sections=[
            Section(
                title="社会",
                entries=[Entry(article_id="a", title="换页\x0c标题", summary="正文\x0b摘要")],
            )
        ],
    )
    placement, _ = parse_docx(render(briefing, format="docx"))
    assert placement == [("社会", "换页 标题")]
    assert "\x0c" not in render(briefing, format="html")


# Empty issue --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "json"])
def test_issue_without_articles_says_so(monkeypatch, capsys, tmp_path, fmt):
    page = tmp_path / "empty.txt"
    page.write_text(
        "临江日报  2024年3月12日 星期二  第3版  综合新闻\n\n责任编辑：周立群\n", encoding="utf-8"
    )
    code, out, err = run(monkeypatch, capsys, "build", str(page), "--format", fmt)
    assert code == 0, err
    if fmt == "json":
        data = json.loads(out)
        assert data["article_count"] == 0 and data["sections"] == [] and data["appendix"]
    else:
        assert EMPTY_NOTICE in out
        assert "责任编辑" in out  # the furniture is still listed


def test_empty_issue_as_docx(tmp_path):
    from briefing.records import Briefing

    import docx, io

    document = docx.Document(io.BytesIO(render(Briefing(source="x"), format="docx")))
    assert any(EMPTY_NOTICE in p.text for p in document.paragraphs)


# Configuration ------------------------------------------------------------------------------


def test_config_file_and_overrides(monkeypatch, capsys, tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text(
        '[briefing]\ntop_stories = 1\npaper = "临江晚报"\n\n[smtp]\nhost = "localhost"\n',
        encoding="utf-8",
    )
    code, out, err = run(monkeypatch, capsys, "build", CITY, "-f", "json", "--config", str(config))
    assert code == 0, err
    data = json.loads(out)
    assert data["paper"] == "临江晚报" and len(data["sections"][0]["entries"]) == 1
    code, out, _ = run(
        monkeypatch,
        capsys,
        "build",
        CITY,
        "-f",
        "json",
        "--config",
        str(config),
        "--top",
        "2",
        "--paper",
        "X报",
    )
    data = json.loads(out)
    assert data["paper"] == "X报" and len(data["sections"][0]["entries"]) == 2


def test_top_zero_means_no_top_stories():
    briefing = Pipeline(BuildConfig(top_stories=0)).run(CITY)
    assert all(section.kind == "topic" for section in briefing.sections)


def test_unknown_key_is_named(monkeypatch, capsys, tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text("[briefing]\ntop_storys = 2\n", encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, "build", CITY, "--config", str(config))
    assert code == 2 and "top_storys" in err


@pytest.mark.parametrize(
    "text, problem",
    [
        ("top_stories = 2\n", "outside any table"),
        ("[briefing]\ntop_stories = 'three'\n", "integer"),
        ("[briefing]\ntop_stories = true\n", "integer"),
        ("[briefing]\nkeywords = -1\n", "0 or more"),
        ("[briefing]\npaper = 3\n", "string"),
        ("[briefing\n", "TOML"),
    ],
)
def test_bad_settings(text, problem):
    with pytest.raises(ConfigError, match=problem):
        parse_config(text)


def test_other_tables_are_left_alone_and_paths_are_relative_to_the_file(tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text(
        '[briefing]\ntaxonomy = "tax.toml"\n[smtp]\nport = 465\n[delivery]\nretries = 1\n',
        encoding="utf-8",
    )
    assert load_config(config).taxonomy == str(tmp_path / "tax.toml")
    config.write_text("[briefing]\n[future]\nanything = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown table \[future\]"):  # a table no command reads
        load_config(config)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.toml")


def test_bad_component_names_fail_before_reading(tmp_path):
    with pytest.raises(ConfigError, match="nope"):
        Pipeline(BuildConfig(summarizer="nope"))
    with pytest.raises(ConfigError):
        Pipeline(BuildConfig(max_chars=5))


def test_a_renderer_returning_bytes_unannounced_needs_an_output_path(monkeypatch, capsys):
    """A plugin renderer that returns bytes without ``binary = True`` is refused with the same
    one-line error as a binary format, not written to standard output as text."""
    from briefing.registry import renderers

    monkeypatch.setitem(renderers._loaded, "raw-bytes", lambda briefing: b"\x00\x01")
    code, out, err = run(monkeypatch, capsys, "build", CITY, "--format", "raw-bytes")
    assert code == 2
    assert out == ""
    assert "binary" in err and "-o" in err and "Traceback" not in err
