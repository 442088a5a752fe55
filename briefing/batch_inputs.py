"""Finding the issues of a batch and fingerprinting them (what ``briefing batch`` resumes by).

An issue's key names its outputs (``OUTDIR/KEY.FORMAT``); its content fingerprint hashes its
bytes with its paper and date; the settings fingerprint hashes what else changes the outputs.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from .config import BuildConfig
from .errors import InputError
from .pdf import PAGE_SUFFIXES as LAYOUT_PAGE_SUFFIXES

ISSUE_SUFFIXES = (".txt", ".text", ".jsonl", *sorted(LAYOUT_PAGE_SUFFIXES))  # page PDFs and page images too


@dataclass(frozen=True)
class BatchJob:
    """One issue to build: its key (names the outputs), where it is, what is known about it."""

    key: str
    path: str
    paper: str | None = None
    date: str | None = None
    fingerprint: str = ""


def _is_page(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in ISSUE_SUFFIXES and not path.name.startswith(".")


def discover(
    inputs: Sequence[str | Path], *, manifest: str | Path | None = None, pages_per_dir: bool = False, exclude: Path | None = None
) -> list[BatchJob]:
    """The issues named by ``inputs`` (files, directory trees) and ``manifest``, in a stable order.

    In a tree, each issue file is an issue, its key the path below the tree without suffix; with
    ``pages_per_dir`` each directory that holds page files is one issue instead. ``exclude`` (the
    output directory) is never searched. Two issues with one key are an error.
    """
    from .manifest import read_manifest

    jobs: list[BatchJob] = []
    excluded = exclude.resolve() if exclude else None
    for given in inputs:
        root = Path(given)
        if root.is_file():
            jobs.append(BatchJob(key=root.stem, path=str(root)))
            continue
        if not root.is_dir():
            raise InputError(f"{root}: no such file or directory")
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (excluded is None or (here / d).resolve() != excluded))
            pages = sorted(here / f for f in files if _is_page(here / f))
            if pages_per_dir and pages:
                rel = here.relative_to(root).as_posix()
                jobs.append(BatchJob(key=root.resolve().name if rel == "." else rel, path=str(here)))
            elif not pages_per_dir:
                jobs.extend(BatchJob(key=p.relative_to(root).with_suffix("").as_posix(), path=str(p)) for p in pages)
    if manifest is not None:
        for item in read_manifest(manifest):
            jobs.append(BatchJob(key=item.id or Path(item.path).stem, path=item.path, paper=item.paper, date=item.date))
    seen: dict[str, str] = {}
    for job in jobs:
        if job.key in seen:
            raise InputError(f"two issues would write the same outputs {job.key!r}: {seen[job.key]} and {job.path} (give ids in a manifest)")
        seen[job.key] = job.path
    return jobs


def content_fingerprint(job: BatchJob) -> str:
    """A hash of the input's bytes (every page file of a directory, by name) and its paper and date."""
    digest = hashlib.sha256(json.dumps([job.paper, job.date]).encode())
    path = Path(job.path)
    files = sorted(p for p in path.iterdir() if _is_page(p)) if path.is_dir() else [path]
    for file in files:
        digest.update(file.name.encode() + b"\0")
        with open(file, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:32]


def settings_fingerprint(config: BuildConfig, formats: Sequence[str]) -> str:
    """A hash of what changes the outputs: build settings, formats, and the package version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("briefing")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        release = "source"
    settings = {k: v for k, v in asdict(config).items() if k != "source"}
    data = json.dumps({"settings": settings, "formats": sorted(formats), "version": release}, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()[:16]
