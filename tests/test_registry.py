"""One route from a name to a component (``Registry.resolve``), and a pipeline that owns its
components: built-ins declared once in Python, third-party entry points read only for a name
that is not built in, model cards through the same call."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from briefing import registry
from briefing.compat import tomllib
from briefing.config import BuildConfig
from briefing.errors import ConfigError
from briefing.pipeline import Pipeline
from briefing.read.text import read_articles
from briefing.records import Article, Summary
from briefing.registry import Registry, classifiers, splitters, summarizers, titlers
from briefing.summarize.extractive import ExtractiveSummarizer

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


class EchoSummarizer:
    """A third-party summarizer: the article's first body paragraph, cut to the budget."""

    method = "echo"

    def __init__(self, *, prefix: str = "") -> None:
        self.prefix = prefix

    def summarize(self, articles: list[Article], *, max_chars: int) -> list[Summary]:
        return [
            Summary(text=(self.prefix + (a.body[0] if a.body else ""))[:max_chars], method="echo")
            for a in articles
        ]


def fake_entry_points(monkeypatch, group: str, **refs: str) -> list[str]:
    """Entry points as an installed plugin declares them; returns the groups that were read."""
    import importlib.metadata

    read: list[str] = []

    def entry_points(*, group: str = "") -> list[EntryPoint]:
        read.append(group)
        return [EntryPoint(name, ref, group) for name, ref in refs.items()] if group == want else []

    want = group
    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return read


def test_a_built_in_name_never_reads_the_entry_points(monkeypatch):
    fresh = Registry(
        "summarizers", {"extractive": "briefing.summarize.extractive:ExtractiveSummarizer"}
    )
    read = fake_entry_points(monkeypatch, "briefing.summarizers")
    assert isinstance(fresh.resolve("extractive"), ExtractiveSummarizer)
    assert read == []


def test_a_third_party_entry_point_resolves_and_cannot_take_a_built_in_name(monkeypatch):
    fresh = Registry(
        "summarizers", {"extractive": "briefing.summarize.extractive:ExtractiveSummarizer"}
    )
    echo = f"{__name__}:EchoSummarizer"
    read = fake_entry_points(monkeypatch, "briefing.summarizers", echo=echo, extractive=echo)
    made = fresh.resolve("echo", prefix="» ")
    assert isinstance(made, EchoSummarizer) and made.prefix == "» "
    assert read == ["briefing.summarizers"]  # read once, on the first name not built in
    assert isinstance(fresh.resolve("extractive"), ExtractiveSummarizer)
    assert fresh.names() == ["echo", "extractive"]
    with pytest.raises(
        ConfigError, match=r"unknown summarizer 'nope'; available: echo, extractive"
    ):
        fresh.resolve("nope")


def test_options_a_component_does_not_take_are_a_config_error():
    with pytest.raises(ConfigError, match="splitter 'rules' does not take these options: depth"):
        splitters.resolve("rules", depth=3)


def test_each_resolve_makes_a_new_component():
    assert summarizers.resolve("extractive") is not summarizers.resolve("extractive")


def test_built_ins_are_declared_once_in_python_not_in_the_package_metadata():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {
        group: names
        for group, names in project.get("entry-points", {}).items()
        if group.startswith("briefing.")
    }
    assert declared == {}
    for table in (
        splitters,
        classifiers,
        summarizers,
        titlers,
        registry.renderers,
        registry.backends,
    ):
        for name in table._builtins:
            assert callable(table.get(name))


def test_the_old_routes_are_gone():
    for name in ("component", "resolve_component", "create_from_card", "ADAPTERS", "registry_for"):
        assert not hasattr(registry, name), name


def test_a_default_build_never_loads_the_plugin_machinery():
    code = (
        "import sys, briefing\n"
        f"briefing.build_briefing({str(SAMPLES / 'articles.jsonl')!r})\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["False"]


# --- the pipeline owns its components ------------------------------------------------------------


def test_pipeline_holds_typed_components_and_the_stages_use_those():
    from briefing.split import Splitter
    from briefing.summarize import Summarizer, Titler
    from briefing.topics import Classifier

    pipeline = Pipeline()
    assert isinstance(pipeline.classifier, Classifier)
    assert isinstance(pipeline.summarizer, Summarizer) and isinstance(pipeline.titler, Titler)
    assert isinstance(pipeline.splitter, Splitter) and pipeline.splitter is pipeline.splitter
    pipeline.summarizer = EchoSummarizer(prefix="")  # the instance it holds is the one used
    articles = pipeline.annotate(read_articles(SAMPLES / "articles.jsonl"))
    assert {a.summary.method for a in articles} <= {"echo", "extractive-fallback", "lead-fallback"}
    assert any(a.summary.method == "echo" for a in articles)


def test_two_pipelines_in_one_process_keep_their_own_components(tmp_path):
    taxonomy = tmp_path / "t.toml"
    taxonomy.write_text(
        '[[label]]\nname = "体育"\nterms = { strong = "比赛 球队" }\n[[label]]\nname = "其他"\n',
        encoding="utf-8",
    )
    custom = Pipeline(BuildConfig(taxonomy=str(taxonomy)))
    default = Pipeline()
    assert custom.classifier is not default.classifier
    assert custom.classifier.taxonomy.names == ["体育", "其他"]
    assert len(default.classifier.taxonomy.names) > 2


STAGE_ENTRY_POINTS = ("summarize/__init__.py", "topics/__init__.py", "topics/trained.py")


@pytest.mark.parametrize("path", STAGE_ENTRY_POINTS)
def test_stages_are_handed_their_components_and_never_look_them_up(path):
    tree = ast.parse((ROOT / "briefing" / path).read_text(encoding="utf-8"))
    imported = {
        (node.level, node.module) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }
    up = [module for level, module in imported if level >= 2 and module in ("registry", "api")]
    assert up == []


def test_stage_functions_refuse_a_name_with_the_route_to_take():
    from briefing.summarize import summarize
    from briefing.topics import classify

    with pytest.raises(TypeError, match=r"summarizers.resolve\(name\)"):
        summarize([], summarizer="extractive")
    with pytest.raises(TypeError, match=r"classifiers.resolve\(name\)"):
        classify([], classifier="keywords")


def test_a_combined_briefing_splits_every_paper_with_the_pipelines_one_splitter(monkeypatch):
    from briefing.jobs.combined import build_combined_briefing
    from briefing.split.splitter import LineSplitter

    made: list[object] = []

    class CountedSplitter(LineSplitter):
        def __init__(self, **options) -> None:
            super().__init__(**options)
            made.append(self)

    monkeypatch.setitem(splitters._loaded, "counted", CountedSplitter)
    sources = [SAMPLES / "linjiang-daily-2024-03-12.txt", SAMPLES / "qingchuan-news-2024-05-20.txt"]
    briefing = build_combined_briefing(sources, config=BuildConfig(splitter="counted"))
    assert briefing.article_count > 0 and len(made) == 1


def test_name_of_gives_the_registered_name_of_a_built_in_class_only():
    from briefing.split.splitter import LineSplitter

    class MySplitter(LineSplitter):
        pass

    assert splitters.name_of(LineSplitter()) == "rules"
    assert splitters.name_of(MySplitter()) is None
