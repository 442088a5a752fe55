"""Writing results: whole files or nothing, so a failed run never leaves a partial output.

An output file is written as a normal write would leave it: a new file gets the mode the umask
allows (0666 & ~umask), an existing one keeps its mode, and a symbolic link keeps pointing at
its target, which is replaced. A FIFO or a device is never replaced by a regular file, and an
output is never one of the inputs it is made from.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError
from .read.files import ISSUE_SUFFIXES, STDIN


def _final_target(path: Path) -> Path:
    """``path``, or for a symbolic link the file it finally points at (which may not exist yet)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _read_only(directory: Path) -> bool:
    try:
        return bool(os.statvfs(directory).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # pragma: no cover - no statvfs here
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_output(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> None:
    """Fail before any work when ``path`` cannot be an output file (write_atomic checks again):
    a directory, a FIFO or device, a missing or unwritable directory, or one of ``inputs``."""
    given = Path(path)
    target = _final_target(given)
    if target.is_dir():
        raise OutputError(f"{given}: is a directory; give a file name")
    if target.exists() and not target.is_file():
        raise OutputError(
            f"{given}: not a regular file (a FIFO, socket or device); give a file name"
        )
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{given}: the directory {directory} does not exist")
    if not os.access(directory, os.W_OK | os.X_OK):
        why = "read-only file system" if _read_only(directory) else "permission denied"
        raise OutputError(f"{given}: cannot write in {directory} ({why})")
    for source in inputs:
        if str(source) == STDIN:
            continue
        source_path = Path(source)
        if target.exists() and source_path.exists() and os.path.samefile(target, source_path):
            raise OutputError(
                f"{given}: is also an input; writing it would replace what it is made from"
            )
        if (
            source_path.is_dir()
            and target.suffix.lower() in ISSUE_SUFFIXES
            and Path(os.path.realpath(directory)) == Path(os.path.realpath(source_path))
        ):
            raise OutputError(
                f"{given}: is inside the input folder {source}, where it would be read as a page next time"
            )


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory, then rename."""
    given = Path(path)
    target = _final_target(given)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{given}: the directory {directory} does not exist")
    try:
        existing = target.stat()
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise OutputError(f"{given}: cannot write: {exc.strerror or exc}") from exc
    else:
        if not stat.S_ISREG(existing.st_mode):
            kind = (
                "a directory"
                if stat.S_ISDIR(existing.st_mode)
                else "not a regular file (a FIFO, socket or device)"
            )
            raise OutputError(f"{given}: {kind}; give a file name")
        mode = stat.S_IMODE(existing.st_mode)
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{given}: cannot write here: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(payload)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{given}: cannot write: {exc.strerror or exc}") from exc
