"""Compiled regular expressions kept between runs: a fresh process does not compile them again.

The stages compile about 220 patterns, most of them as their modules are imported, and that was
a sixth of the CPU time of a cold ``briefing build``: sre builds every class of Han characters
(``[\\u4e00-\\u9fff]``) one code point at a time. ``re`` keeps the patterns a process compiles in
a dictionary that ``re.compile``, ``re.sub`` and the rest look up before compiling
(``re._cache``, keyed by the pattern's type, text and flags). :func:`load`, run as ``briefing``
is imported, fills that dictionary from ``cache_root()/patterns/``: what sre's compiler made of
each pattern (its code, groups and flags) on an earlier run of the same interpreter.
:func:`keep`, run when a CLI command ends, adds there the patterns the process holds (its
modules' constants: those compiled once, as it starts) that were not kept yet. No pattern's text
changes, and none of the modules that compile them.

A pattern made from what is kept is the one ``re.compile`` makes: an entry is kept only once the
pattern made from it compared equal to the one ``re`` compiled (pattern equality compares the
flags and the compiled code). The file is read only by the interpreter that wrote it (Python's
version, sre's MAGIC number and this module's FORMAT), only if the current user owns it (the trust
the classifier's cached tables ask for: a file the user's own programs can write), and only if its
checksum matches, so a file cut short or damaged on disk is not used; sre also checks the code it
is given. Anything unexpected leaves ``re`` to compile as usual, at the usual cost.
"""

from __future__ import annotations

import importlib
import marshal
import re
import sys
import zlib
from pathlib import Path
from typing import Any

from .cache import cache_root, debug, users_own, write_whole


_sre: Any = importlib.import_module("_sre")  # the regex engine; no type stubs
FORMAT = 2  # of the file: raised whenever what an entry holds changes
# what the kept code is valid for: the interpreter that compiled it, and this module's layout
STAMP = (FORMAT, sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))

# pattern, flags as given, flags as compiled, code, groups, group names to indexes, and back
Entry = tuple[str, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]

_kept: dict[tuple[str, int], Entry] = {}  # read by load() or written by keep()


def _path() -> Path:
    name = f"{zlib.crc32(sys.version.encode()):08x}.marshal"
    return cache_root() / "patterns" / name


def _regex_cache() -> dict[Any, Any] | None:
    """``re``'s dictionary of compiled patterns; None where this Python has none by that name."""
    cache = getattr(re, "_cache", None)
    return cache if isinstance(cache, dict) else None


def _made(entry: Entry) -> re.Pattern[str]:
    pattern, _flags, flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def _limit() -> int:
    """Entries kept at most: as many as re's dictionary holds, where load() puts them."""
    return int(getattr(re, "_MAXCACHE", 512))


def load() -> None:
    """Put the patterns kept by earlier runs into ``re``'s dictionary of compiled patterns."""
    cache = _regex_cache()
    if cache is None:
        return
    try:
        path = _path()
    except RuntimeError:  # no home directory: nothing was kept
        return
    try:
        with open(path, "rb") as handle:
            # marshal data must come from this user (another could share BRIEFING_CACHE_DIR)
            if not users_own(handle.fileno()):
                return
            stamp, checksum, payload = marshal.loads(handle.read())
        if stamp != STAMP or zlib.crc32(payload) != checksum:
            return
        entries = marshal.loads(payload)[: max(_limit() - len(cache), 0)]
        if not entries:
            return
        for number, entry in enumerate(entries):
            present = cache.setdefault((str, entry[0], entry[1]), _made(entry))
            if number == 0 and re.compile(entry[0], entry[1]) is not present:
                return  # this Python's re looks its patterns up some other way
            _kept[entry[0], entry[1]] = entry
    except FileNotFoundError:  # nothing kept yet
        return
    except Exception as exc:  # damaged, or code sre refuses (RuntimeError): compiled as usual
        debug(__name__, "kept patterns unusable (%s): compiled as usual", exc)


def _entry(pattern: str, flags: int) -> Entry:
    """What ``re.compile(pattern, flags)`` passes to sre, made as it makes it."""
    try:
        compiler: Any = importlib.import_module("re._compiler")
        parser: Any = importlib.import_module("re._parser")
    except ImportError:  # Python 3.10
        compiler = importlib.import_module("sre_compile")
        parser = importlib.import_module("sre_parse")
    tree = parser.parse(pattern, flags)
    state = tree.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    code = [int(word) for word in compiler._code(tree, flags)]
    return (
        pattern,
        flags,
        int(flags | state.flags),
        code,
        state.groups - 1,
        dict(state.groupdict),
        tuple(indexgroup),
    )


_PROBE = "(?#briefing.pattern_cache: held by re alone)"


def _held(cache: dict[Any, Any]) -> list[tuple[str, int]]:
    """The patterns in re's dictionary that something else holds too (a module's constant, a
    class's attribute, a table of rules): those a process compiles once, as it starts. Those
    compiled in passing (``re.finditer(re.escape(word), text)`` with the words of an article)
    are held by re's dictionaries alone, and are not kept: they change with every input, and
    would crowd out the others."""
    refcount = getattr(sys, "getrefcount", None)  # CPython's
    if refcount is None:
        return []
    re.compile(_PROBE)  # the result is dropped: re's dictionaries alone hold it
    by_re_alone = refcount(cache.get((str, _PROBE, 0)))
    held = []
    for key in list(cache):
        if not (isinstance(key, tuple) and len(key) == 3 and key[0] is str):
            continue
        _, pattern, flags = key
        if not isinstance(flags, int) or flags & re.DEBUG:
            continue
        if refcount(cache.get(key)) > by_re_alone:
            held.append((pattern, flags))
    return held


def keep() -> None:
    """Keep, for the next runs, the patterns this process holds (see :func:`_held`) that were
    not kept yet. The file keeps them first, then those kept before that this process did not
    hold (another command's), the oldest of which make room when it is full."""
    cache = _regex_cache()
    if cache is None:
        return
    held = _held(cache)
    new: dict[tuple[str, int], Entry] = {}
    for pattern, flags in held:
        if (pattern, flags) in _kept:
            continue
        try:
            entry = _entry(pattern, flags)
            same, compiled = _made(entry), cache[str, pattern, flags]
        except Exception as exc:  # another Python's internals: kept nothing
            debug(__name__, "cannot keep the pattern %r: %s", pattern, exc)
            return
        if same == compiled and same.groupindex == compiled.groupindex:
            new[pattern, flags] = entry
    if not new:
        return
    known, held_here = {**_kept, **new}, set(held)
    mine = [known[key] for key in held if key in known]
    others = [entry for key, entry in _kept.items() if key not in held_here]
    entries = [*mine, *others][: _limit()]
    payload = marshal.dumps(entries)
    try:
        write_whole(
            _path(), lambda handle: marshal.dump((STAMP, zlib.crc32(payload), payload), handle)
        )
    except (OSError, RuntimeError) as exc:  # cannot write, no home directory: costs time only
        debug(__name__, "cannot keep the compiled patterns: %s", exc)
        return
    _kept.clear()
    _kept.update(((entry[0], entry[1]), entry) for entry in entries)
