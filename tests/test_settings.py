"""One validated settings object per config table: every [briefing] value is checked once, when
the BuildConfig is made; library errors name settings as the library does (max_chars), and the
CLI names the option (--max-chars) where the user gave one."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from briefing.config import BuildConfig, load_config, parse_config
from briefing.errors import BriefingError, ConfigError, InputError
from briefing.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
CITY = str(ROOT / "samples" / "linjiang-daily-2024-03-12.txt")


@pytest.mark.parametrize(
    ("settings", "setting", "problem"),
    [
        ({"max_chars": 5}, "max_chars", "must be at least 20, got 5"),
        ({"max_chars": 0}, "max_chars", "must be at least 20, got 0"),
        ({"top_stories": -1}, "top_stories", "must be 0 or more"),
        ({"keywords": True}, "keywords", "must be an integer"),
        ({"ocr": "sometimes"}, "ocr", "must be auto, always or never"),
        ({"paper": 3}, "paper", "must be a string"),
    ],
)
def test_a_wrong_value_fails_when_the_settings_are_made(settings, setting, problem):
    with pytest.raises(ConfigError) as info:
        BuildConfig(**settings)
    assert info.value.setting == setting and info.value.problem.startswith(problem)
    assert str(info.value).startswith(f"{setting} {problem}")


def test_a_value_from_a_file_names_the_file_and_table(tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text("[briefing]\nmax_chars = 10\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert str(info.value).startswith(f"{config}: [briefing] max_chars must be at least 20, got 10")
    assert info.value.setting is None  # not the caller's: the CLI does not rename it


def test_a_changed_value_is_the_callers_not_the_files(tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text("[briefing]\nmax_chars = 60\n", encoding="utf-8")
    settings = load_config(config)
    assert settings.replace(max_chars=40, paper=None).max_chars == 40
    with pytest.raises(ConfigError) as info:
        settings.replace(max_chars=19)
    assert info.value.setting == "max_chars" and str(config) not in str(info.value)


def test_library_errors_name_settings_not_options():
    from briefing.assemble import check_date
    from briefing.ocr import check_mode
    from briefing.summarize import summarize
    from briefing.topics.trained import TrainedClassifier

    raised = []
    for attempt in (
        lambda: BuildConfig(max_chars=5),
        lambda: summarize([], max_chars=5),
        lambda: check_date("2024-02-30"),
        lambda: check_mode("sometimes"),
        lambda: TrainedClassifier(),
    ):
        with pytest.raises(BriefingError) as info:
            attempt()
        raised.append(info.value)
    assert [e.setting for e in raised] == ["max_chars", "max_chars", "date", "ocr", "topic_model"]
    assert not [str(e) for e in raised if "--" in str(e)]
    assert isinstance(raised[2], InputError)


def _raised_strings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and node.exc is not None:
            for part in ast.walk(node.exc):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    found.append(part.value)
    return found


def test_no_library_error_names_a_command_line_option():
    option = re.compile(r"(?<![\w-])--[a-z]")
    offences = [
        f"{path.relative_to(ROOT)}: {text!r}"
        for path in sorted((ROOT / "briefing").rglob("*.py"))
        if "cli" not in path.relative_to(ROOT / "briefing").parts
        for text in _raised_strings(path)
        if option.search(text)
    ]
    assert offences == []


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    from briefing.cli import main

    monkeypatch.setattr(sys, "argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return exit_info.value.code or 0, capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("build", CITY, "--max-chars", "5"), "--max-chars must be at least 20, got 5"),
        (("build", CITY, "--top", "-1"), "--top must be 0 or more, got -1"),
        (("build", CITY, "--date", "2024-02-30"), "--date '2024-02-30' is not a date"),
        (("build", CITY, "--ocr", "sometimes"), "--ocr must be one of auto, always, never"),
        (("summarize", CITY, "--max-chars", "5"), "--max-chars must be at least 20"),
    ],
)
def test_the_cli_names_the_option_the_user_gave(monkeypatch, capsys, args, message):
    code, err = run_cli(monkeypatch, capsys, *args)
    assert code == 2 and err.startswith(f"briefing: error: {message}") and err.count("\n") == 1


def test_the_cli_names_the_file_for_a_value_read_from_one(monkeypatch, capsys, tmp_path):
    config = tmp_path / "briefing.toml"
    config.write_text("[briefing]\nmax_chars = 5\n", encoding="utf-8")
    code, err = run_cli(monkeypatch, capsys, "build", CITY, "--config", str(config))
    assert code == 2 and f"{config}: [briefing] max_chars must be at least 20" in err
    assert "--max-chars" not in err


def test_the_pipeline_takes_the_settings_as_checked():
    # The budget is checked once, by the settings; a settings object the checks passed builds.
    assert Pipeline(BuildConfig(max_chars=20)).config.max_chars == 20
    assert parse_config("[briefing]\nmax_chars = 20\n").max_chars == 20
