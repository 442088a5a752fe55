"""Each stage's output is checked as it comes out: a component that breaks its stage's contract
stops the build with a ContractError naming the stage and the component (briefing.contracts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing import ContractError
from briefing.cli.app import app
from briefing.config import BuildConfig
from briefing.pipeline import Pipeline
from briefing.records import Article, Summary, Topic
from briefing.registry import classifiers, splitters, summarizers, titlers
from briefing.split.splitter import LineSplitter

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ISSUE = SAMPLES / "linjiang-daily-2024-03-12.txt"
ARTICLES = SAMPLES / "articles.jsonl"


class DroppingSplitter(LineSplitter):
    """Loses the last article: its lines end up nowhere."""

    def split(self, issue):
        return super().split(issue)[:-1]


class OverlappingSplitter(LineSplitter):
    def split(self, issue):
        articles = super().split(issue)
        first, last = articles[1].lines
        articles[1].lines = [articles[0].lines[1], last]  # starts on the previous one's last line
        return articles


class OffTaxonomyClassifier:
    method = "off-taxonomy"

    def classify(self, articles):
        return [Topic(label="星座", score=1.0, method=self.method) for _ in articles]


class ShortClassifier:
    def classify(self, articles):
        return [Topic(label="经济", score=1.0) for _ in articles[1:]]


class LongSummarizer:
    method = "long-winded"

    def summarize(self, articles, *, max_chars):
        return [Summary(text="很" * (max_chars + 1), method=self.method) for _ in articles]


class TextSummarizer:
    def summarize(self, articles, *, max_chars):
        return [a.text[:max_chars] for a in articles]  # strings, not Summary records


class BareTitler:
    def title(self, articles):
        return [a.title or "" for a in articles]  # no "generated" flag


def pipeline_with(monkeypatch, registry, name, factory, **settings) -> Pipeline:
    monkeypatch.setitem(registry._loaded, name, factory)
    return Pipeline(BuildConfig(**{registry.kind: name}, **settings))


@pytest.mark.parametrize(
    ("registry", "factory", "source", "stage", "component", "problem"),
    [
        (splitters, DroppingSplitter, ISSUE, "split", "DroppingSplitter", "in no article"),
        (splitters, OverlappingSplitter, ISSUE, "split", "OverlappingSplitter", "share line"),
        (classifiers, OffTaxonomyClassifier, ARTICLES, "classify", "off-taxonomy", "'星座'"),
        (classifiers, ShortClassifier, ARTICLES, "classify", "ShortClassifier", "11 results"),
        (summarizers, LongSummarizer, ARTICLES, "summarize", "long-winded", "over the budget"),
        (summarizers, TextSummarizer, ARTICLES, "summarize", "TextSummarizer", "not a Summary"),
        (titlers, BareTitler, ARTICLES, "title", "BareTitler", "not a tuple"),
    ],
)
def test_a_broken_component_is_named_with_its_stage(
    monkeypatch, registry, factory, source, stage, component, problem
):
    pipeline = pipeline_with(monkeypatch, registry, "broken", factory)
    with pytest.raises(ContractError, match=problem) as info:
        pipeline.run(source)
    assert (info.value.stage, info.value.component) == (stage, component)
    assert str(info.value).startswith(f"{stage} stage: {component} broke its contract: ")


def test_the_built_in_components_keep_their_contracts():
    for source in (ISSUE, SAMPLES / "qingchuan-news-2024-05-20.txt", SAMPLES / "old-style-1998"):
        assert Pipeline().run(source).article_count > 0


def test_a_broken_plugin_is_one_line_and_exit_2_at_the_command_line(monkeypatch):
    monkeypatch.setitem(summarizers._loaded, "long-winded", LongSummarizer)
    result = CliRunner().invoke(app, ["build", str(ARTICLES), "--summarizer", "long-winded"])
    assert result.exit_code != 0 and result.stdout == ""
    assert isinstance(result.exception, ContractError)
    assert result.exception.stage == "summarize"


def test_the_split_contract_holds_articles_to_their_page():
    from briefing.contracts import check_split
    from briefing.read.text import read_issue

    issue = read_issue(ISSUE)
    articles = LineSplitter().split(issue)
    articles[0].lines = [1, len(issue.pages[0].lines) + 5]
    with pytest.raises(ContractError, match=r"page \d+ has \d+"):  # the page as printed
        check_split(LineSplitter(), issue, articles)
    with pytest.raises(ContractError, match="unique"):
        check_split(LineSplitter(), issue, [Article(id="a"), Article(id="a")])


def test_a_contract_error_crosses_to_a_parent_process_whole():
    import pickle

    error = pickle.loads(pickle.dumps(ContractError("split", "DroppingSplitter", "line 3 lost")))
    assert (error.stage, error.component, error.problem) == (
        "split",
        "DroppingSplitter",
        "line 3 lost",
    )
    assert str(error) == "split stage: DroppingSplitter broke its contract: line 3 lost"
