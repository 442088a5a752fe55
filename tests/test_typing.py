"""The package ships its type hints (PEP 561): a ``py.typed`` marker, listed as package data so
wheels carry it. mypy itself runs in `.ci/run` ([tool.mypy] in pyproject.toml)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from briefing.compat import tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_the_package_has_a_py_typed_marker_that_ships_as_package_data():
    assert (resources.files("briefing") / "py.typed").is_file()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in project["tool"]["setuptools"]["package-data"]["briefing"]
    assert project["tool"]["mypy"]["files"] == ["briefing"]
