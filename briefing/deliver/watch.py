"""`briefing watch`: poll a folder, deliver each new issue once it has finished arriving.

An issue is a file, or a sub-folder of page files (one issue, pages in name order, as
`briefing build DIR` reads it). It is taken once its size and modification time (for a
folder: the number, sizes and times of its pages) are the same on two polls in a row, so an
issue still being copied in is left alone. What was already delivered is known from the
ledger, not from memory: a restarted watcher looks at every file again, finds each one's
fingerprint delivered, and sends nothing twice.

A file that cannot be read or built is reported and skipped until it changes; a delivery that
fails is reported and retried after ``[delivery] watch_retry`` seconds. With ``require_review =
true`` the watcher sends only approved briefings (``*.reviewed.json`` by default), exactly as
approved; an unapproved or since-edited one is reported and skipped until it changes. A configuration error
stops the watcher: it would fail the same way for every file.
"""

from __future__ import annotations

import fnmatch
import logging
import threading
import time
from pathlib import Path
from typing import Any, Callable

from ..errors import ConfigError, InputError
from ..read.files import ISSUE_FILES_TEXT, is_ignored, is_issue_file, issue_files
from .errors import DeliveryError
from .job import Builder, SendOutcome, send_issue
from .settings import DeliveryConfig

logger = logging.getLogger(__name__)

Signature = tuple[int, int, int]  # files, total size, latest modification time (ns)


class Watcher:
    """The state of one watch: what each file looked like, and what became of it."""

    def __init__(
        self,
        directory: str | Path,
        *,
        config: DeliveryConfig,
        builder: Builder | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.directory = Path(directory)
        if not self.directory.is_dir():
            raise InputError(f"{self.directory}: not a directory")
        config.smtp.resolve_password()  # a missing password variable stops the watch now, not at the first file
        self.config = config
        self.builder = builder
        self.clock = clock
        self.sleep = sleep
        self.last_seen: dict[Path, Signature] = {}
        self.done: dict[
            Path, Signature
        ] = {}  # delivered, already delivered, or bad: until it changes
        self.retry_at: dict[Path, float] = {}
        self.stop = (
            threading.Event()
        )  # set (e.g. on SIGTERM): finish the file in hand, take no more

    def candidates(self) -> list[Path]:
        """Issue files, and sub-folders that hold page files."""
        try:
            entries = sorted(self.directory.iterdir())
        except OSError as exc:
            logger.error("%s: cannot list the folder: %s", self.directory, exc)
            return []
        return [
            path
            for path in entries
            if path.is_dir() and not is_ignored(path) or self.is_issue_file(path)
        ]

    def is_issue_file(self, path: Path) -> bool:
        """An issue file as every command reads one; ``[delivery] patterns``, when set, narrow it."""
        patterns = self.config.delivery.patterns
        if not patterns:
            return is_issue_file(path)
        return (
            path.is_file()
            and any(fnmatch.fnmatch(path.name, p) for p in patterns)
            and not is_ignored(path)
        )

    def check_has_issues(self) -> None:
        """A folder that holds things but no issue (files of another kind, say) is a mistake in
        the command line, not a quiet day: an InputError that says what an issue is."""
        try:
            entries = [p for p in self.directory.iterdir() if not is_ignored(p)]
        except OSError as exc:
            raise InputError(
                f"{self.directory}: cannot list the folder: {exc.strerror or exc}"
            ) from exc
        if entries and not any(p.is_file() or issue_files(p) for p in self.candidates()):
            what = ", ".join(self.config.delivery.patterns) or ISSUE_FILES_TEXT
            raise InputError(
                f"{self.directory}: no issue found in this folder: it holds no issue files ({what}) "
                "and no folders of page files"
            )

    def signature(self, path: Path) -> Signature | None:
        """What the issue looks like now; None for a folder with no page in it yet."""
        if path.is_dir():  # the pages `briefing build DIR` would read
            files = issue_files(path)
        else:
            files = [path]
        stats = [file.stat() for file in files]
        if not stats:
            return None
        return len(stats), sum(s.st_size for s in stats), max(s.st_mtime_ns for s in stats)

    def poll(self) -> list[SendOutcome]:
        """Look once; deliver the files that have stopped changing. Returns this poll's outcomes."""
        outcomes: list[SendOutcome] = []
        present = set()
        for path in self.candidates():
            if self.stop.is_set():
                return outcomes
            present.add(path)
            try:
                signature = self.signature(path)
            except OSError:
                continue  # gone between the listing and now
            if signature is None:
                continue
            if self.done.get(path) == signature:
                continue
            if self.last_seen.get(path) != signature:
                self.last_seen[path] = signature  # new or still growing: look again next time
                continue
            if self.clock() < self.retry_at.get(path, 0.0):
                continue
            outcome = self.process(path, signature)
            if outcome is not None:
                outcomes.append(outcome)
        for path in set(self.last_seen) - present:  # removed files: forget them
            self.last_seen.pop(path, None)
            self.done.pop(path, None)
            self.retry_at.pop(path, None)
        return outcomes

    def process(self, path: Path, signature: Signature) -> SendOutcome | None:
        builder = self.builder
        if self.config.delivery.require_review:  # only what an editor approved, exactly as approved
            from ..review.approval import approved_builder

            builder = approved_builder
        try:
            outcome = send_issue(path, config=self.config, builder=builder, sleep=self.sleep)
        except ConfigError:
            raise
        except DeliveryError as exc:  # the ledger is busy, or it could not record: try again later
            logger.error("%s: %s", path, exc)
            self.retry_at[path] = self.clock() + self.config.delivery.watch_retry
            return None
        except Exception as exc:  # a bad file must not stop the watch
            logger.error("%s: skipped, cannot build a briefing from it: %s", path, exc)
            logger.debug("details", exc_info=True)
            self.done[path] = signature
            return None
        if outcome.status == "skipped":
            logger.info("%s", outcome.note)
        elif outcome.ok:
            logger.info(
                "%s: sent to %d recipient(s), Message-ID %s",
                path,
                len(outcome.accepted),
                outcome.message_id,
            )
        else:
            try:
                outcome.raise_for_status()
            except DeliveryError as exc:
                logger.error("%s (retrying in %g s)", exc, self.config.delivery.watch_retry)
            self.retry_at[path] = self.clock() + self.config.delivery.watch_retry
            return outcome
        self.done[path] = signature
        self.retry_at.pop(path, None)
        return outcome

    def run(
        self, *, interval: float, stop: threading.Event | None = None, polls: int | None = None
    ) -> None:
        """Poll every ``interval`` seconds until ``stop`` is set (or ``polls`` polls are done)."""
        stop = self.stop = stop or self.stop
        count = 0
        self.check_has_issues()
        logger.info("watching %s every %g s", self.directory, interval)
        while not stop.is_set():
            self.poll()
            count += 1
            if polls is not None and count >= polls:
                return
            stop.wait(interval)


def watch_folder(
    directory: str | Path,
    *,
    config: DeliveryConfig,
    interval: float = 30.0,
    stop: threading.Event | None = None,
    polls: int | None = None,
    builder: Any = None,
) -> None:
    Watcher(directory, config=config, builder=builder).run(
        interval=interval, stop=stop, polls=polls
    )
