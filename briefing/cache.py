"""The user's cache: what is slow to make and is made the same way from the same files, kept
between runs (OCR results, the keyword classifier's indexed term tables, the parsed default
taxonomy, and, through :mod:`briefing.pattern_cache`, the compiled regular expressions).

It lives in ``$BRIEFING_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefing``, else
``~/.cache/briefing``. Deleting it at any time is safe: what is missing or unreadable is made
again, and a cache that cannot be written costs time, nothing else.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")


def debug(name: str, message: str, *args: object) -> None:
    """Log ``message`` at debug level on logger ``name``. :mod:`logging` is imported here, not
    at the top: :mod:`briefing.pattern_cache` imports this module before ``logging``, whose
    patterns (and those of the modules it imports) it then finds compiled."""
    import logging

    logging.getLogger(name).debug(message, *args)


def cache_root() -> Path:
    """``$BRIEFING_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefing``, else ``~/.cache/briefing``."""
    if os.environ.get("BRIEFING_CACHE_DIR"):
        return Path(os.environ["BRIEFING_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "briefing"


def _stamp(sources: Iterable[Path]) -> tuple:
    """What tells that the sources changed, as Python tells a stale .pyc: each file's size and
    modification time (a stat each, where hashing their contents would cost more than the
    cache saves), and the interpreter's version."""
    files = []
    for path in sources:
        stat = path.stat()
        files.append((str(path), stat.st_size, stat.st_mtime_ns))
    return (sys.version, tuple(files))


def kept(name: str, *, sources: Iterable[Path], make: Callable[[], T]) -> T:
    """``make()``, or what it returned on an earlier run while ``sources`` (every file, code and
    data, that its result depends on) are unchanged. The object is kept pickled in
    ``cache_root()/tables/NAME-TAG.pickle`` beside the sources' stamp. TAG names the install and
    the interpreter (the sources' folders, Python's version): two virtualenvs or checkouts that
    share the cache folder keep a file each instead of replacing each other's on every run."""
    import pickle  # here: `import briefing` reads the compiled patterns through this module

    sources = list(sources)
    install = repr((sys.version, sorted({str(path.parent) for path in sources})))
    try:
        path = cache_root() / "tables" / f"{name}-{zlib.crc32(install.encode()):08x}.pickle"
    except RuntimeError:  # no home directory (a service user without one): nowhere to keep it
        return make()
    stamp = _stamp(sources)
    try:
        with open(path, "rb") as handle:
            # Unpickling runs code: only a file this user wrote is read (in a shared
            # BRIEFING_CACHE_DIR another user could have put it there first).
            if users_own(handle.fileno()) and pickle.load(handle) == stamp:
                return pickle.load(handle)
    except FileNotFoundError:
        pass
    except Exception as exc:  # written by another version, cut short, unreadable: make it again
        debug(__name__, "cache %s unusable (%s): made again", path, exc)
    value = make()

    def dump(handle: BinaryIO) -> None:
        pickle.dump(stamp, handle, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        write_whole(path, dump)
    except OSError as exc:
        debug(__name__, "cannot write the cache %s: %s", path, exc)
    return value


def write_whole(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``path`` through ``write`` so that readers see the old file or the whole new one:
    into a fresh file beside it, then renamed over it. The fresh file is made exclusively
    (``mkstemp``), never opened by a name another user or thread could have put there first
    (a link planted in a shared cache folder would otherwise be written through)."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def users_own(fd: int) -> bool:
    """Whether the open file ``fd`` belongs to the current user."""
    getuid = getattr(os, "getuid", None)  # POSIX; elsewhere the cache is the user's own folder
    return getuid is None or os.fstat(fd).st_uid == getuid()
