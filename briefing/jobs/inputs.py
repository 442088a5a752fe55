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

from ..config import BuildConfig
from ..errors import InputError
from ..read.files import ISSUE_FILES_TEXT, is_ignored, is_issue_file, issue_files, issue_fingerprint


@dataclass(frozen=True)
class BatchJob:
    """One issue to build: its key (names the outputs), where it is, what is known about it."""

    key: str
    path: str
    paper: str | None = None
    date: str | None = None
    fingerprint: str = ""


def discover(
    inputs: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    pages_per_dir: bool = False,
    exclude: Path | None = None,
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
            raise InputError(
                f"{root}: not a regular file or directory"
                if root.exists()
                else f"{root}: no such file or directory"
            )
        found = len(jobs)
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            dirs[:] = sorted(
                d
                for d in dirs
                if not is_ignored(here / d)
                and (excluded is None or (here / d).resolve() != excluded)
            )
            if pages_per_dir:
                if issue_files(here):
                    rel = here.relative_to(root).as_posix()
                    jobs.append(
                        BatchJob(key=root.resolve().name if rel == "." else rel, path=str(here))
                    )
            else:
                issues = sorted(here / f for f in files if is_issue_file(here / f))
                jobs.extend(
                    BatchJob(key=p.relative_to(root).with_suffix("").as_posix(), path=str(p))
                    for p in issues
                )
        if len(jobs) == found and _has_entries(root, excluded):
            what = "folders of page files" if pages_per_dir else f"issue files ({ISSUE_FILES_TEXT})"
            raise InputError(f"{root}: no issue found in this folder: it holds no {what}")
    if manifest is not None:
        for item in read_manifest(manifest):
            jobs.append(
                BatchJob(
                    key=item.id or Path(item.path).stem,
                    path=item.path,
                    paper=item.paper,
                    date=item.date,
                )
            )
    seen: dict[str, str] = {}
    for job in jobs:
        if job.key in seen:
            raise InputError(
                f"two issues would write the same outputs {job.key!r}: {seen[job.key]} and {job.path} (give ids in a manifest)"
            )
        seen[job.key] = job.path
    return jobs


def _has_entries(root: Path, excluded: Path | None) -> bool:
    """Whether a folder holds anything but ignored names and the output directory."""
    return any(
        not is_ignored(p) and (excluded is None or p.resolve() != excluded) for p in root.iterdir()
    )


def content_fingerprint(job: BatchJob) -> str:
    """The issue's fingerprint: its content (:func:`~briefing.read.files.issue_digest`, as
    delivery uses) with its paper and date."""
    return issue_fingerprint(Path(job.path), paper=job.paper, date=job.date)[:32]


def settings_fingerprint(config: BuildConfig, formats: Sequence[str]) -> str:
    """A hash of what changes the outputs: build settings, formats, and the package version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("briefing")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        release = "source"
    settings = {k: v for k, v in asdict(config).items() if k != "source"}
    data = json.dumps(
        {"settings": settings, "formats": sorted(formats), "version": release}, sort_keys=True
    )
    return hashlib.sha256(data.encode()).hexdigest()[:16]
