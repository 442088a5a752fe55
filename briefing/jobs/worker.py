"""One issue of ``briefing batch`` built in a worker: :class:`BatchWorker` (one per worker process
or Ray actor, so models load once) and the :class:`IssueResult` it hands back to the driver.

Its own module so that both engines, the local pool (:mod:`briefing.jobs.batch`) and Ray
(:mod:`briefing.jobs.ray_engine`), use it without the Ray engine importing the batch driver.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .inputs import BatchJob
from ..config import BuildConfig
from ..errors import InputError


@dataclass
class IssueResult:
    """What became of one issue; ``documents`` (format -> rendered) travel from worker to driver only."""

    key: str
    source: str
    status: str  # "ok", "failed" or "skipped"
    fingerprint: str = ""
    settings: str = ""
    outputs: list[str] = field(default_factory=list)
    articles: int = 0
    paper: str | None = None
    date: str | None = None
    seconds: float = 0.0
    error: str | None = None
    documents: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def failed(cls, job: BatchJob, reason: str) -> IssueResult:
        """An issue that could not be built (or read), with the reason for the report."""
        return cls(
            key=job.key, source=job.path, status="failed", fingerprint=job.fingerprint, error=reason
        )

    def record(self) -> dict[str, Any]:
        data = asdict(self)
        del data["documents"]
        return data


class BatchWorker:
    """Builds and renders issues; one per worker process or Ray actor, so models load once."""

    def __init__(self, config: BuildConfig, formats: Sequence[str]) -> None:
        from ..pipeline import Pipeline
        from ..render import get_renderer

        self.pipeline = Pipeline(config)
        self.renderers = {fmt: get_renderer(fmt) for fmt in formats}

    def process(self, job: BatchJob) -> IssueResult:
        start = time.perf_counter()
        result = IssueResult(key=job.key, source=job.path, status="ok", fingerprint=job.fingerprint)
        try:
            briefing = self.pipeline.run(job.path, paper=job.paper, date=job.date)
            result.documents = {fmt: render(briefing) for fmt, render in self.renderers.items()}
            result.articles, result.paper, result.date = (
                briefing.article_count,
                briefing.paper,
                briefing.date,
            )
        except (
            Exception
        ) as exc:  # one bad issue must not stop the batch; the reason goes in the report
            result.status = "failed"
            result.error = (
                str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
            )
        result.seconds = round(time.perf_counter() - start, 4)
        return result
