"""Fault injection for tests that run the CLI as a subprocess: a full disk or a read-only file
system under one folder, whoever runs the tests (root ignores permissions, so chmod cannot
stand in for these).

``BRIEFING_TEST_FAULT=KIND:PATH`` with KIND ``erofs`` (every write under PATH fails: a
read-only file system) or ``enospc`` (files under PATH can be created, but writing data to
them fails: a full disk). Run the CLI as ``python -c "import faults; faults.main()" ARGS``
with this folder on PYTHONPATH.
"""

from __future__ import annotations

import builtins
import errno
import io
import os

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _under(path: object, root: str) -> bool:
    try:
        return os.path.abspath(os.fsdecode(path)).startswith(root)
    except TypeError:  # a file descriptor
        return False


def install() -> None:
    spec = os.environ.get("BRIEFING_TEST_FAULT")
    if not spec:
        return
    kind, _, root = spec.partition(":")
    root = os.path.abspath(root)
    real_open, real_os_open, real_mkdir = builtins.open, os.open, os.mkdir

    def fault(path: object) -> OSError:
        code = errno.EROFS if kind == "erofs" else errno.ENOSPC
        return OSError(code, os.strerror(code), os.fsdecode(path))

    def os_open(path, flags, mode=0o777, *, dir_fd=None):
        if flags & _WRITE_FLAGS and _under(path, root):
            if kind == "erofs":
                raise fault(path)
            os.close(real_os_open(path, flags, mode, dir_fd=dir_fd))  # the file appears, empty
            return real_os_open("/dev/full", os.O_WRONLY)  # and every write to it fails
        return real_os_open(path, flags, mode, dir_fd=dir_fd)

    def open_(file, mode="r", *args, **kwargs):
        if any(m in mode for m in "wax+") and _under(file, root):
            if kind == "erofs":
                raise fault(file)
            real_open(file, "ab").close()  # the file appears
            return real_open(
                "/dev/full", "w" + ("b" if "b" in mode else ""), *args, **kwargs
            )  # writes fail
        return real_open(file, mode, *args, **kwargs)

    def mkdir(path, mode=0o777, *, dir_fd=None):
        if kind == "erofs" and _under(path, root):
            raise fault(path)
        return real_mkdir(path, mode, dir_fd=dir_fd)

    builtins.open = io.open = open_
    os.open = os_open
    os.mkdir = mkdir


def main() -> None:
    install()
    from briefing.cli import main as briefing_main

    briefing_main()
