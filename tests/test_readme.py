"""The README's promises to importers: its Python snippets run as written."""

import importlib
import pkgutil
import re
import types

import pytest

import briefing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SNIPPETS = re.findall(
    r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S
)


def test_the_readme_has_python_snippets():
    assert SNIPPETS


@pytest.mark.parametrize(
    "snippet", SNIPPETS, ids=[f"snippet{n}" for n in range(1, len(SNIPPETS) + 1)]
)
def test_readme_python_snippet_runs(snippet, monkeypatch):
    monkeypatch.chdir(ROOT)  # the snippets name the project's samples by relative path
    exec(compile(snippet, "README.md", "exec"), {"__name__": "readme"})


def test_no_public_name_is_shadowed_by_a_subpackage():
    # Import every module of the package, as an importer's other code might, then check that
    # each public name is what it was: `from briefing import render` must stay the function.
    for info in pkgutil.walk_packages(briefing.__path__, "briefing."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional extra (ray, torch) is absent
            continue
    for name in briefing.__all__:
        value = getattr(briefing, name)
        assert not isinstance(value, types.ModuleType), (
            f"briefing.{name} is the module {value.__name__}"
        )
    from briefing import render, summarize

    assert callable(render) and callable(summarize)
