"""What the start of a run loads, and the quicker ways of loading it, which must give what the
plain way gave."""

from __future__ import annotations

from importlib import resources

from briefing.compat import tomllib
from briefing.topics import terms


def test_term_tables_normalized_as_one_string_equal_normalizing_each_term():
    tables = {"体育": {"strong": "ＮＢＡ\u3000足球  Ｆ１ iPhone", "weak": "球 Ａ"}}
    assert terms.parse_terms(tables, source="test") == {
        "nba": {"体育": 3.0},
        "足球": {"体育": 3.0},
        "f1": {"体育": 3.0},
        "iphone": {"体育": 3.0},
        "球": {"体育": 0.5},
        "a": {"体育": 0.5},
    }
    text = resources.files("briefing").joinpath("data/topic_terms.toml").read_text("utf-8")
    shipped = tomllib.loads(text)
    one_by_one = {
        terms.normalize(term)
        for tiers in shipped.values()
        for value in tiers.values()
        for term in value.split()
    }
    assert set(terms.default_terms()) == one_by_one


def test_the_matcher_sorts_terms_as_the_latin_pattern_alone_did():
    shipped = list(terms.default_terms())
    matcher = terms.TermMatcher(shipped)
    assert matcher.latin == {t for t in shipped if terms._LATIN_ONLY.match(t)}
    assert matcher.latin and matcher.cjk and matcher.singles


def _made(calls: list[int]):
    def make() -> dict[str, tuple[int, ...]]:
        calls.append(1)
        return {"term": (1, 2)}

    return make


def test_the_cache_keeps_what_was_made_until_a_source_changes(tmp_path, monkeypatch):
    import os

    from briefing.cache import kept

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "terms.toml"
    source.write_text("a", encoding="utf-8")
    calls: list[int] = []
    assert kept("t", sources=[source], make=_made(calls)) == {"term": (1, 2)}
    assert kept("t", sources=[source], make=_made(calls)) == {"term": (1, 2)}
    assert len(calls) == 1  # the second came from the cache
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    kept("t", sources=[source], make=_made(calls))
    assert len(calls) == 2  # the source changed: made again


def test_a_cache_file_that_is_damaged_or_not_the_users_is_made_again(tmp_path, monkeypatch):
    import os

    from briefing.cache import cache_root, kept

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "terms.toml"
    source.write_text("a", encoding="utf-8")
    calls: list[int] = []
    kept("t", sources=[source], make=_made(calls))
    (stored,) = (cache_root() / "tables").glob("t-*.pickle")
    stored.write_bytes(stored.read_bytes()[:20])  # cut short
    assert kept("t", sources=[source], make=_made(calls)) == {"term": (1, 2)}
    assert len(calls) == 2
    # Written by another user (a shared BRIEFING_CACHE_DIR): never unpickled.
    monkeypatch.setattr(os, "getuid", lambda: os.stat(stored).st_uid + 1)
    kept("t", sources=[source], make=_made(calls))
    assert len(calls) == 3


def test_two_installs_sharing_the_cache_folder_keep_a_file_each(tmp_path, monkeypatch):
    from briefing.cache import kept

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    installs = [tmp_path / "venv1" / "terms.toml", tmp_path / "venv2" / "terms.toml"]
    for source in installs:
        source.parent.mkdir()
        source.write_text("a", encoding="utf-8")
    calls: list[int] = []
    for _ in range(3):  # each made once, then read back in turn
        for source in installs:
            kept("t", sources=[source], make=_made(calls))
    assert len(calls) == 2
    assert len(list((tmp_path / "cache" / "tables").glob("t-*.pickle"))) == 2


def test_a_cache_that_cannot_be_written_costs_time_only(tmp_path, monkeypatch):
    from briefing.cache import kept

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocker))
    calls: list[int] = []
    assert kept("t", sources=[blocker], make=_made(calls)) == {"term": (1, 2)}
    assert kept("t", sources=[blocker], make=_made(calls)) == {"term": (1, 2)}
    assert len(calls) == 2


def test_without_a_home_directory_nothing_is_kept_and_the_value_is_made(tmp_path, monkeypatch):
    from pathlib import Path

    from briefing.cache import kept

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    for name in ("BRIEFING_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    source = tmp_path / "terms.toml"
    source.write_text("a", encoding="utf-8")
    calls: list[int] = []
    assert kept("t", sources=[source], make=_made(calls)) == {"term": (1, 2)}


def test_a_cache_file_is_written_whole_through_a_fresh_file_never_a_planted_one(tmp_path):
    import os

    import pytest

    from briefing.cache import write_whole

    target = tmp_path / "tables" / "x.pickle"
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    target.parent.mkdir()
    # the names an earlier version wrote through (NAME.<pid>.tmp), planted as links
    for name in (f"x.{os.getpid()}.tmp", f"x.pickle.{os.getpid()}.tmp"):
        (target.parent / name).symlink_to(victim)
    write_whole(target, lambda handle: handle.write(b"new"))
    assert target.read_bytes() == b"new" and victim.read_bytes() == b"keep"

    def fails(handle):
        handle.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_whole(target, fails)
    assert target.read_bytes() == b"new"  # the old file stays whole
    assert sorted(p.name for p in target.parent.iterdir() if not p.is_symlink()) == ["x.pickle"]


def test_the_default_classifier_read_back_from_the_cache_is_the_one_made(
    tmp_path, monkeypatch, samples
):
    from briefing.api import load_articles
    from briefing.topics import default_keyword_classifier
    from briefing.topics.keywords import KeywordClassifier

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    default_keyword_classifier.cache_clear()
    try:
        default_keyword_classifier()  # made and stored
        default_keyword_classifier.cache_clear()
        cached = default_keyword_classifier()  # read back
    finally:
        default_keyword_classifier.cache_clear()
    assert len(list((tmp_path / "cache" / "tables").glob("keyword-classifier-*.pickle"))) == 1
    made = KeywordClassifier()
    assert cached is not made and cached.weights == made.weights
    assert vars(cached.matcher) == vars(made.matcher)
    assert cached.taxonomy == made.taxonomy and cached.no_evidence == made.no_evidence
    assert cached.settings == made.settings
    _, articles = load_articles(samples / "linjiang-daily-2024-03-12.txt")
    assert cached.classify(articles) == made.classify(articles)
