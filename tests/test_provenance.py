"""Provenance: every entry says how its summary and title were made; a model run accounts for itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.backends.adapters import FALLBACK_SUMMARY
from briefing.cli import app
from briefing.config import parse_config
from briefing.errors import ConfigError
from briefing.provenance import model_use, reason_kind
from briefing.records import Entry, Provenance
from briefing.render import provenance_text
from briefing.summarize.titles import NO_TITLE
from test_backends import scripted_backend, write_card  # noqa: F401  (the autouse fixture registers the stand-in backend)

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ISSUE = SAMPLES / "linjiang-daily-2024-03-12.txt"


def test_default_build_records_extractive_and_printed_provenance():
    result = CliRunner().invoke(app, ["build", str(ISSUE), "-f", "json"])
    assert result.exit_code == 0, result.output
    entries = [e for s in json.loads(result.stdout)["sections"] for e in s["entries"]]
    assert entries and all(e["summary_provenance"]["method"] == "extractive" for e in entries)
    for entry in entries:
        assert entry["title_provenance"]["method"] in (
            ("extractive",) if entry["title_generated"] else ("printed", "printed-joined")
        )
        assert entry["summary_provenance"]["model"] is None
    assert "briefing: model" not in result.stderr  # no model, no account line


def test_model_run_marks_entries_and_accounts_for_itself(tmp_path):
    card = write_card(tmp_path, name="scripted-prov")
    args = ["build", str(ISSUE), "--summarizer", str(card), "--titler", str(card)]
    result = CliRunner().invoke(app, args + ["-f", "json"])
    assert result.exit_code == 0, result.output
    entries = [e for s in json.loads(result.stdout)["sections"] for e in s["entries"]]
    methods = {e["summary_provenance"]["method"] for e in entries}
    assert "model:scripted-prov" in methods
    assert all(e["summary_provenance"]["model"] == "scripted-prov" for e in entries)
    (line,) = [
        x for x in result.stderr.splitlines() if x.startswith("briefing: model scripted-prov")
    ]
    assert "summaries" in line
    marked = CliRunner().invoke(app, args + ["--provenance"])
    assert "生成方式：摘要由模型 scripted-prov 撰写" in marked.stdout
    plain = CliRunner().invoke(app, args)
    assert "生成方式" not in plain.stdout
    html = CliRunner().invoke(app, args + ["--provenance", "-f", "html"])
    assert 'class="provenance"' in html.stdout


def test_fallbacks_are_counted_with_their_reasons_and_require_model_exits_1(tmp_path):
    from briefing.backends.adapters import ModelSummarizer
    from briefing.backends.cards import load_card

    card = write_card(tmp_path, name="scripted-liar")
    summarizer = ModelSummarizer(card=load_card(card))
    summarizer.backend.answer = lambda request: "临江市今年投资999亿元建设火星基地。"
    out = tmp_path / "b.md"
    result = CliRunner().invoke(
        app, ["build", str(ISSUE), "--summarizer", str(card), "--require-model", "-o", str(out)]
    )
    # The stand-in backend is shared per card: the CLI run uses the lying one.
    assert result.exit_code == 1 and not out.exists()
    line = next(
        x for x in result.stderr.splitlines() if x.startswith("briefing: model scripted-liar")
    )
    assert "wrote 0 of" in line and "fell back" in line
    assert "--require-model" in result.stderr


def test_reason_kinds_drop_the_particulars():
    assert reason_kind("qwen: timed out after 60 s (http://x/v1)") == "timed out after s"
    assert (
        reason_kind(
            "qwen output rejected: number 60 is not in the article; name 天津 is not in the article"
        )
        == "number is not in the article"
    )
    assert reason_kind("qwen output rejected: hedge dropped: 将 (两市将共同)") == "hedge dropped"
    use = model_use(
        [
            (Provenance("model:q", "q"), None),
            (
                Provenance(FALLBACK_SUMMARY, "q", "q: timed out after 60 s (http://x)"),
                Provenance("printed"),
            ),
            (
                Provenance(FALLBACK_SUMMARY, "q", "q: timed out after 5 s (http://y)"),
                Provenance("model:q", "q"),
            ),
        ]
    )
    assert use.fallbacks == 2 and use.summaries_by_model == 1 and use.titles_by_model == 1
    assert (
        use.line()
        == "model q: wrote 1 of 3 summaries and 1 of 1 titles asked for; 2 summaries and 0 titles fell back (timed out after s ×2)"
    )


def test_require_model_is_a_config_key():
    assert parse_config("[briefing]\nrequire_model = true\n").require_model is True
    with pytest.raises(ConfigError, match="true or false"):
        parse_config('[briefing]\nrequire_model = "yes"\n')


def test_an_untitled_article_without_a_generated_title_is_not_called_printed(tmp_path):
    # Lines of verse with no printed title: nothing in them reads as a headline. (A page of
    # credits alone is no entry at all: test_furniture.)
    page = tmp_path / "page.txt"
    page.write_text(
        "好的。谢谢大家。来了，来了。又是一年春来早。春风十里，好的，谢谢。\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["build", str(page), "-f", "json"])
    assert result.exit_code == 0, result.output
    entries = [e for s in json.loads(result.stdout)["sections"] for e in s["entries"]]
    untitled = [e for e in entries if e["title"] == NO_TITLE]
    assert untitled, entries
    assert {e["title_provenance"]["method"] for e in untitled} == {"none"}
    made = provenance_text(
        Entry(article_id="a", title=NO_TITLE, title_provenance=Provenance("none"))
    )
    assert "原文标题" not in made and "原文无标题" in made


def test_a_summary_with_words_deleted_is_labelled_compressed_not_quoted():
    from briefing.provenance import summary_provenance
    from briefing.records import Article, Entry, Summary
    from briefing.render import provenance_text

    article = Article(id="a", body=["临江市今年加强了河道治理，清理淤泥3万方。东港市开展了义诊。"])
    quoted, compressed = "东港市开展了义诊。", "东港市开展义诊。"
    for text, verbatim, label in ((quoted, True, "原文摘句"), (compressed, False, "原文压缩")):
        article.summary = Summary(text=text, method="extractive")
        made = summary_provenance(article)
        assert made.verbatim is verbatim
        entry = Entry(article_id="a", title="河道治理", summary=text, summary_provenance=made)
        assert provenance_text(entry) == f"生成方式：摘要：{label}"
    # A model's summary and the article's opening carry no such mark.
    article.summary = Summary(text=compressed, method="model:qwen")
    assert summary_provenance(article).verbatim is None


def test_a_generated_title_reads_as_made_from_the_article_not_as_a_quoted_sentence():
    entry = Entry(
        article_id="a",
        title="临江市启动全民阅读月",
        title_generated=True,
        title_provenance=Provenance("extractive"),
    )
    assert provenance_text(entry) == "生成方式：标题：据正文拟定"


def test_counting_model_use_does_not_compare_summaries_to_their_articles(monkeypatch):
    import briefing.provenance as provenance
    from briefing.records import Article, Summary

    def no_comparison(text, article):
        raise AssertionError("model use compared a summary to its article")

    monkeypatch.setattr(provenance, "verbatim", no_comparison)
    article = Article(id="a", body=["东港市新建了三座码头。"])
    article.summary = Summary(text="东港市新建了三座码头。", method="extractive")
    assert provenance.articles_model_use([article]).summaries == 1
    assert provenance.summary_method(article).verbatim is None


@pytest.mark.parametrize(
    ("summary", "printed"),
    [
        ("临江市今年新建公园三座，惠及市民十万人。", True),
        # a clause cut at its comma, with a stop put after it
        ("临江市今年新建公园三座。", False),
        # a sentence without its opening clause
        ("东港市开通至西岭镇的新航线。", False),
        # a sentence after a list's bullet is printed whole
        ("陈岩当选理事长。", True),
    ],
)
def test_a_summary_sentence_is_printed_only_whole(summary, printed):
    from briefing.provenance import verbatim
    from briefing.records import Article

    article = Article(
        id="a",
        body=[
            "临江市今年新建公园三座，惠及市民十万人。",
            "为方便出行，东港市开通至西岭镇的新航线。",
            "■陈岩当选理事长。",
        ],
    )
    assert verbatim(summary, article) is printed


def test_a_title_joined_from_the_printed_parts_is_not_marked_as_printed():
    from briefing.assemble.briefing import make_entry
    from briefing.records import Article

    joined = Article(
        id="a",
        body=["东港市今天出台扶持小微企业十条措施。"],
        kicker="东港市出台扶持小微企业十条措施——",
        title="为小店撑起一片天",
    )
    joined.display_title = "东港市出台扶持小微企业十条措施——为小店撑起一片天"
    entry = make_entry(joined, 1.0)
    assert entry.title == joined.display_title
    assert entry.title_provenance == Provenance(method="printed-joined")
    assert provenance_text(entry).count("原文标题组合") == 1
    as_printed = Article(id="b", body=["临江市举办春季招聘会。"], title="临江市举办春季招聘会")
    as_printed.display_title = as_printed.title
    assert make_entry(as_printed, 1.0).title_provenance == Provenance(method="printed")
