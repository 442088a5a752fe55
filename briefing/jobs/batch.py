"""Archive batches: thousands of issues, each briefing written as it finishes, plus one JSONL index.

``run_batch(inputs, output_dir=...)`` finds the issues (files in directory trees, single files,
or a manifest), skips those already done, and builds the rest on worker processes (``engine
"local"``: a :class:`~concurrent.futures.ProcessPoolExecutor`, each worker building its
:class:`~briefing.pipeline.Pipeline` once) or on Ray (``engine="ray"``, see
:mod:`briefing.jobs.ray_engine`). Only the driver writes: each result's documents go to
``OUTDIR/KEY.FORMAT`` through :func:`~briefing.output.write_atomic`, then one line is appended
to ``OUTDIR/index.jsonl``. So after a kill, an issue whose line is in the index has complete
outputs, and a rerun skips it; the others are built again.

Resuming: an issue is skipped when the index holds an ``ok`` record for its key with the same
content fingerprint (the input's bytes, its paper and date) and the same settings fingerprint
(build settings, formats, version), and its outputs exist. A changed input or setting rebuilds it.

Failures: an issue that cannot be read or built is recorded with its reason and the batch goes
on. A full disk (ENOSPC, EDQUOT) or a read-only output stops the batch (no later write could
succeed); a rerun resumes where it stopped.

Memory stays flat: at most ``2 x workers`` issues are in flight, results are written and dropped
as they arrive, and only failures are kept for the report; what grows with the number of issues
is the list of paths to do and the table of those done (a few hundred bytes per issue).

Finding the issues and fingerprinting them is :mod:`briefing.jobs.inputs`; the Ray engine is
:mod:`briefing.jobs.ray_engine`.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .inputs import BatchJob, content_fingerprint, discover, settings_fingerprint
from .worker import BatchWorker, IssueResult
from ..config import BuildConfig
from ..errors import BriefingError, ConfigError, OutputError, setting_error
from ..output import write_atomic

logger = logging.getLogger(__name__)

INDEX_NAME = "index.jsonl"
ENGINES = ("local", "ray")
# Write errors after which no later write can succeed: stop instead of failing every issue.
FATAL_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


@dataclass
class BatchReport:
    total: int = 0
    done: int = 0
    skipped: int = 0
    failed: list[IssueResult] = field(default_factory=list)
    aborted: str | None = None  # why the batch stopped early
    seconds: float = 0.0
    index: str = ""

    @property
    def not_started(self) -> int:
        """Issues neither built, skipped nor failed: the batch stopped before them."""
        return self.total - self.done - self.skipped - len(self.failed)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.aborted else 0


_worker: BatchWorker | None = None


def _init_worker(config: BuildConfig, formats: Sequence[str]) -> None:
    global _worker
    _exit_with_parent()
    # Ctrl-C and SIGTERM reach the whole process group; the driver decides what stops (it
    # lets the issues in flight finish), and shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _worker = BatchWorker(config, formats)


def _exit_with_parent() -> None:
    """End this worker process as soon as the driver is gone (killed with -9, say): a pool
    worker blocked on its queue would otherwise live on, holding its models, forever."""
    import multiprocessing
    import threading

    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - not started by multiprocessing
        return

    def watch() -> None:
        parent.join()  # returns when the parent's end of the pipe closes: the driver has exited
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _process(job: BatchJob) -> IssueResult:
    assert _worker is not None, "the worker was not initialised"
    return _worker.process(job)


# -- the index -----------------------------------------------------------------------------


def read_index(path: Path) -> dict[str, dict[str, Any]]:
    """The latest record per key. A torn line (a run killed mid-write) is ignored; an index
    that cannot be read, or holds bytes that are not UTF-8 text, is an OutputError."""
    records: dict[str, dict[str, Any]] = {}
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return records
    except OSError as exc:
        raise OutputError(f"{path}: cannot read the batch index: {exc.strerror or exc}") from exc
    lines = data.split(b"\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        torn = number == len(lines)  # no newline after it: the write was cut off
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError:
            if torn:  # cut inside a character
                continue
            raise OutputError(
                f"{path}:{number}: the batch index holds undecodable bytes: not an index "
                "briefing wrote; move it away to rebuild every issue"
            ) from None
        except json.JSONDecodeError:
            # A torn line (the last, or one an older version glued a record onto): the issues
            # it named are simply built again.
            logger.warning("%s:%d: not a record (a killed run?); ignored", path, number)
            continue
        if isinstance(record, dict) and isinstance(record.get("key"), str):
            records[record["key"]] = record
    return records


def _open_index(path: Path) -> TextIO:
    """The index, opened to append. A torn last line (a run killed mid-write) is cut off
    first, so the next record starts on a line of its own instead of being glued onto it."""
    try:
        if path.is_file():
            data = path.read_bytes()
            if data and not data.endswith(b"\n"):
                os.truncate(path, data.rfind(b"\n") + 1)
        return open(path, "a", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the batch index: {exc.strerror or exc}") from exc


def _output_name(key: str, fmt: str) -> str:
    return f"{key}.{fmt}"


def _done_table(path: Path) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """key -> (fingerprint, settings, outputs) of the issues done before: a few hundred bytes each."""
    return {
        key: (r.get("fingerprint", ""), r.get("settings", ""), tuple(r.get("outputs", [])))
        for key, r in read_index(path).items()
        if r.get("status") == "ok"
    }


def _is_done(
    done: tuple[str, str, tuple[str, ...]] | None, job: BatchJob, settings: str, output_dir: Path
) -> bool:
    return bool(
        done
        and done[0] == job.fingerprint
        and done[1] == settings
        and all((output_dir / name).is_file() for name in done[2])
    )


# -- running -------------------------------------------------------------------------------


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _run_local(
    jobs: Iterable[BatchJob],
    *,
    workers: int,
    config: BuildConfig,
    formats: Sequence[str],
    finish: Callable[[IssueResult], None],
) -> None:
    if workers == 0:  # in this process: for debugging and tests
        worker = BatchWorker(config, formats)
        for job in jobs:
            finish(worker.process(job))
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: the driver runs a progress thread, and forking a threaded process can deadlock.
    context = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init_worker, initargs=(config, formats)
        )

    pool = new_pool()
    pending: dict[Any, BatchJob] = {}

    def drain(until: int) -> None:
        nonlocal pool
        while len(pending) > until:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                job = pending.pop(future)
                try:
                    finish(future.result())
                except BrokenProcessPool:
                    broken = True
                    finish(
                        IssueResult.failed(
                            job,
                            "a worker process died (killed, or out of memory) while this issue was in flight",
                        )
                    )
            if broken:
                pool.shutdown(cancel_futures=True)
                pool = new_pool()

    try:
        for job in jobs:
            drain(2 * workers - 1)  # bounded: never more than 2 issues per worker in flight
            pending[pool.submit(_process, job)] = job
        drain(0)
    finally:
        pool.shutdown(cancel_futures=True)


def run_batch(
    inputs: Sequence[str | Path],
    *,
    output_dir: str | Path,
    formats: Sequence[str] = ("json",),
    workers: int | None = None,
    engine: str = "local",
    address: str | None = None,
    config: BuildConfig | None = None,
    manifest: str | Path | None = None,
    pages_per_dir: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[IssueResult], None] | None = None,
    stop: threading.Event | None = None,
) -> BatchReport:
    """Build every issue of ``inputs`` into ``output_dir``; see the module docstring.

    ``workers``: processes (or Ray actors); default the CPUs here (on Ray: the cluster's); 0
    builds in this process. ``on_start(total)`` and ``on_result(result)`` report progress.
    ``stop`` (set from a signal handler, say) ends the batch cleanly: no new issue starts, the
    ones in flight finish and are recorded, and the report says it was stopped.
    """
    from ..render import get_renderer

    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; available: {', '.join(ENGINES)}")
    if workers is not None and workers < 0:
        raise setting_error(ConfigError, "workers", f"must be 0 or more, got {workers}")
    formats = list(dict.fromkeys(formats))
    if not formats:
        raise ConfigError("no output formats given")
    for fmt in formats:
        get_renderer(fmt)  # an unknown format fails before any work
    config = config or BuildConfig()
    out = Path(output_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{out}: cannot create the output directory: {exc.strerror or exc}"
        ) from exc
    if not out.is_dir():
        raise OutputError(f"{out}: not a directory; -o names the output directory")
    _remove_stale_temporaries(out)
    start = time.perf_counter()
    jobs = discover(inputs, manifest=manifest, pages_per_dir=pages_per_dir, exclude=out)
    settings = settings_fingerprint(config, formats)
    index_path = out / INDEX_NAME
    previous = _done_table(index_path)
    report = BatchReport(total=len(jobs), index=str(index_path))
    if on_start:
        on_start(len(jobs))
    index = _open_index(index_path)

    def finish(result: IssueResult) -> None:
        result.settings = settings
        if result.status == "ok":
            try:
                for fmt, document in result.documents.items():
                    name = _output_name(result.key, fmt)
                    (out / name).parent.mkdir(parents=True, exist_ok=True)
                    write_atomic(out / name, document)
                    result.outputs.append(name)
            except (BriefingError, OSError) as exc:
                cause = exc.__cause__ if isinstance(exc, BriefingError) else exc
                result.status, result.error = "failed", str(exc)
                if getattr(cause, "errno", None) in FATAL_WRITE_ERRORS:
                    report.aborted = (
                        f"stopped: cannot write to {out}: {getattr(cause, 'strerror', cause)}"
                    )
        result.documents = {}
        try:
            index.write(json.dumps(result.record(), ensure_ascii=False) + "\n")
            index.flush()
        except OSError as exc:
            report.aborted = f"stopped: cannot write the index {index_path}: {exc.strerror}"
        if result.status == "ok":
            report.done += 1
        elif result.status == "failed":
            report.failed.append(result)
        if on_result:
            on_result(result)

    def todo() -> Iterator[BatchJob]:
        for job in jobs:
            if stop is not None and stop.is_set() and not report.aborted:
                report.aborted = "stopped on request"
            if report.aborted:
                return
            try:
                job = BatchJob(job.key, job.path, job.paper, job.date, content_fingerprint(job))
            except OSError as exc:
                finish(IssueResult.failed(job, f"{job.path}: cannot read: {exc.strerror}"))
                continue
            if _is_done(previous.get(job.key), job, settings, out):
                report.skipped += 1
                if on_result:
                    on_result(
                        IssueResult(
                            key=job.key,
                            source=job.path,
                            status="skipped",
                            fingerprint=job.fingerprint,
                        )
                    )
                continue
            yield job

    try:
        count = default_workers() if workers is None and engine == "local" else workers
        if engine == "ray":
            from .ray_engine import run_ray

            run_ray(
                todo(),
                workers=count,
                config=config,
                formats=formats,
                address=address,
                finish=finish,
            )
        else:
            _run_local(todo(), workers=count or 0, config=config, formats=formats, finish=finish)
    finally:
        try:
            index.close()
        except OSError:  # a full disk: already recorded as what stopped the batch
            report.aborted = report.aborted or f"stopped: cannot write the index {index_path}"
    _compact_index(index_path, [job.key for job in jobs])
    report.seconds = round(time.perf_counter() - start, 3)
    logger.info(
        "batch: %d done, %d skipped, %d failed in %.1f s",
        report.done,
        report.skipped,
        len(report.failed),
        report.seconds,
    )
    return report


def _compact_index(path: Path, order: list[str]) -> None:
    """Rewrite the index with one record per key (this run's order first); best effort."""
    try:
        records = read_index(path)
        ordered = set(order)
        keys = [k for k in order if k in records] + [k for k in records if k not in ordered]
        write_atomic(path, "".join(json.dumps(records[k], ensure_ascii=False) + "\n" for k in keys))
    except BriefingError as exc:
        logger.warning("the index keeps its log form (%s)", exc)


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary files of a killed run (write_atomic's ``.NAME.XXXX.tmp``): never outputs."""
    try:
        for stale in out.rglob(".*.tmp"):
            stale.unlink(missing_ok=True)
    except OSError as exc:
        logger.warning(
            "%s: cannot remove the temporary files of an earlier run: %s", out, exc.strerror or exc
        )
