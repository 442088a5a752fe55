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
    assert cached.settings == made.settings  # with the terms each is found by
    assert cached.senses == made.senses
    _, articles = load_articles(samples / "linjiang-daily-2024-03-12.txt")
    assert cached.classify(articles) == made.classify(articles)


# A pattern of its own per test (re's dictionary of compiled patterns is the process's).
HAN_RUN = r"(?P<run>[\u4e00-\u9fff]{{2,{}}})(?=[，。])"


def _compiles(pattern: str, flags: int = 0) -> int:
    """How many times ``re.compile(pattern, flags)`` runs sre's compiler."""
    import re
    from unittest import mock

    from re import _compiler

    with mock.patch.object(_compiler, "compile", wraps=_compiler.compile) as compiler:
        re.compile(pattern, flags)
    return compiler.call_count


def _forget() -> None:
    """This process as a fresh one: no pattern compiled or read yet."""
    import re

    from briefing import pattern_cache

    re.purge()
    pattern_cache._kept.clear()


def test_a_pattern_kept_by_one_run_is_not_compiled_by_the_next(tmp_path, monkeypatch):
    import re

    from briefing import pattern_cache

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    pattern = HAN_RUN.format(11)
    made = re.compile(pattern, re.MULTILINE)
    pattern_cache.keep()  # as a command ends
    _forget()
    pattern_cache.load()  # as the next one starts
    assert _compiles(pattern, re.MULTILINE) == 0
    kept = re.compile(pattern, re.MULTILINE)
    assert kept is not made and kept == made  # equal: the same flags and sre code
    assert kept.groupindex == made.groupindex and kept.groups == made.groups
    text = "今天北京下雨。记者报道，"
    assert [m.span("run") for m in kept.finditer(text)] == [(0, 6), (7, 11)]


def test_kept_patterns_that_are_damaged_stale_or_not_the_users_are_compiled(tmp_path, monkeypatch):
    import marshal
    import os
    import re

    from briefing import pattern_cache

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    pattern = HAN_RUN.format(12)
    made = re.compile(pattern)
    pattern_cache.keep()
    (stored,) = (tmp_path / "cache" / "patterns").glob("*.marshal")
    whole = stored.read_bytes()
    stamp, checksum, payload = marshal.loads(whole)
    other_python = marshal.dumps(((stamp[0], "3.99.0", *stamp[2:]), checksum, payload))
    # Damaged on disk: the entry reads well but holds other code (that of 'xyz' for 'abc').
    (entry,) = [e for e in marshal.loads(payload) if e[0] == pattern]
    other_code = (*entry[:3], list(re.compile("xyz").pattern.encode()), *entry[4:])
    damaged = marshal.dumps((stamp, checksum, marshal.dumps([other_code])))
    # cut short; written by another interpreter; damaged
    for content in (whole[:-40], other_python, damaged):
        stored.write_bytes(content)
        _forget()
        pattern_cache.load()
        assert _compiles(pattern) == 1 and re.compile(pattern) == made
    # Written by another user (a shared BRIEFING_CACHE_DIR): never read.
    stored.write_bytes(whole)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(stored).st_uid + 1)
    _forget()
    pattern_cache.load()
    assert _compiles(pattern) == 1


def test_a_cold_build_compiles_none_of_the_patterns_the_last_run_kept(tmp_path, samples):
    import os
    import subprocess
    import sys

    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # counts the patterns that briefing's modules have sre compile as the CLI starts (those
    # compiled in passing, by re.sub(PATTERN, ...) as a build runs, are not kept)
    count = (
        "import os, sys, importlib.util; from re import _compiler; real = _compiler.compile\n"
        "package = os.path.dirname(importlib.util.find_spec('briefing').origin); ours = []\n"
        "def compile(p, f=0):\n"
        "    frame = sys._getframe(1)\n"
        "    while frame.f_globals.get('__name__', '').startswith('re'):\n"
        "        frame = frame.f_back\n"
        "    ours.append(frame.f_code.co_filename.startswith(package))\n"
        "    return real(p, f)\n"
        "_compiler.compile = compile\n"
        "import briefing.cli, briefing.pipeline; pipeline = briefing.pipeline.Pipeline()\n"
        "print(sum(ours))"
    )
    page = str(samples / "linjiang-daily-2024-03-12.txt")

    def compiled() -> int:
        done = subprocess.run(
            [sys.executable, "-c", count], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return int(done.stdout)

    assert compiled() > 100  # nothing kept yet: about 150
    build = [sys.executable, "-m", "briefing", "build", page]
    subprocess.run(build, env=env, check=True, capture_output=True)
    assert compiled() == 0


def _run_main(monkeypatch, capsys, args: list[str]) -> tuple[object, str, str]:
    import sys

    import pytest

    from briefing.cli import main

    monkeypatch.setattr(sys, "argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    out, err = capsys.readouterr()
    return exited.value.code, out, err


def test_the_cli_makes_only_the_command_it_runs_and_runs_it_as_the_whole_application_did(
    monkeypatch, capsys, samples
):
    import briefing.cli as cli

    assert set(cli.command_line(["build", "page.txt"]).commands) == {"build"}  # type: ignore[attr-defined]
    assert set(cli.command_line(["eval", "split"]).commands) == {"eval"}  # type: ignore[attr-defined]
    for whole in ([], ["--help"], ["biuld"]):
        assert cli.command_line(whole) is cli.app
    page = str(samples / "linjiang-daily-2024-03-12.txt")
    for args in (
        ["build", "--help"],
        ["build", page, "--format", "pdf"],  # a bad value: the same one-line error
        ["build", page, "--no-such-option"],
        ["eval", "--help"],
        ["eval", "split", "--help"],
        ["split", page, "-f", "json"],
        ["biuld", page],
    ):
        alone = _run_main(monkeypatch, capsys, args)
        with monkeypatch.context() as whole:
            whole.setattr(cli, "command_line", lambda args: cli.app)
            assert _run_main(monkeypatch, capsys, args) == alone, args


def test_patterns_compiled_in_passing_are_not_kept_and_those_not_held_make_room(
    tmp_path, monkeypatch
):
    import marshal
    import re

    from briefing import pattern_cache

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))

    def kept() -> list[str]:
        (stored,) = (tmp_path / "cache" / "patterns").glob("*.marshal")
        return [entry[0] for entry in marshal.loads(marshal.loads(stored.read_bytes())[2])]

    _forget()
    held = [re.compile(HAN_RUN.format(n)) for n in (20, 21)]  # as a module's constants are
    assert re.search(HAN_RUN.format(22), "今天北京下雨。")  # in passing, as re.search(word, text)
    pattern_cache.keep()
    assert kept() == [HAN_RUN.format(20), HAN_RUN.format(21)]
    # The next process holds another pattern and not those two, and the file is full: the
    # new pattern comes first, and the last of those it did not hold makes room.
    _forget()
    pattern_cache.load()
    del held
    another = re.compile(HAN_RUN.format(23))
    monkeypatch.setattr(pattern_cache, "_limit", lambda: 2)
    pattern_cache.keep()
    assert kept() == [another.pattern, HAN_RUN.format(20)]


def test_the_default_taxonomy_read_from_the_cache_is_the_one_parsed(tmp_path, monkeypatch):
    from briefing import data
    from briefing.topics import taxonomy

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    parsed = taxonomy.parse_taxonomy(data.read_text("taxonomy.toml"), source="<default taxonomy>")
    for _ in range(2):  # made and kept, then read back
        taxonomy.default_taxonomy.cache_clear()
        assert taxonomy.default_taxonomy() == parsed
    assert list((tmp_path / "cache" / "tables").glob("default-taxonomy-*.pickle"))
    taxonomy.default_taxonomy.cache_clear()


def test_logging_compiles_its_patterns_after_the_kept_ones_are_loaded():
    import subprocess
    import sys

    # logging imports traceback, textwrap and string, each compiling patterns as imported
    order = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import briefing"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    names = [line.rsplit("|", 1)[1].strip() for line in order.splitlines() if "|" in line]
    assert names.index("briefing.pattern_cache") < names.index("logging")


def test_the_program_collects_garbage_less_often_and_not_at_its_exit():
    import subprocess
    import sys

    code = (
        "import gc, sys\n"
        "from briefing.program import GC_THRESHOLD, run\n"
        "sys.argv = ['briefing', '--help']\n"
        "try:\n"
        "    run()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.get_threshold()[0] == GC_THRESHOLD, gc.get_freeze_count() > 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split()[-2:] == ["True", "True"]
    # main(), which tests and embedding programs call, leaves the collector as it was
    import gc

    from briefing.cli import main

    before = gc.get_threshold()
    sys_argv = sys.argv
    try:
        sys.argv = ["briefing", "--help"]
        try:
            main()
        except SystemExit:
            pass
    finally:
        sys.argv = sys_argv
    assert gc.get_threshold() == before


def test_a_command_that_runs_until_stopped_restores_the_collectors_pace():
    import gc

    from briefing import program

    before = gc.get_threshold()
    try:
        gc.set_threshold(program.GC_THRESHOLD, *before[1:])  # as run() leaves it
        program.long_lived()
        assert gc.get_threshold() == program._DEFAULT_THRESHOLD
    finally:
        gc.set_threshold(*before)
