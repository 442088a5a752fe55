"""The Ray engine of ``briefing batch``: the same batch on a Ray cluster (``pip install 'briefing[ray]'``).

Each worker is a Ray actor holding one :class:`~briefing.jobs.worker.BatchWorker`, so the
model-backed stages (trained classifier, model summaries) load once per actor, not once per
issue. The driver keeps at most two calls queued per actor, writes each result as it arrives
(outputs and index stay on the driver's disk) and replaces an actor that dies, reporting the
issue it held as failed. Inputs are read by the actors: on a cluster they must be on storage
that every node sees (NFS, a mounted bucket) at the same path.

``address`` is passed to :func:`ray.init` (``"auto"``, ``"ray://head:10001"``); without one a
Ray instance already started in this process is used, else a local one is started.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .inputs import BatchJob
from .worker import BatchWorker, IssueResult
from ..config import BuildConfig
from ..errors import ConfigError, setting_error

logger = logging.getLogger(__name__)

CALLS_PER_ACTOR = 2  # one running, one queued: the actor never waits for the driver


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise setting_error(
            ConfigError, "engine", "ray needs Ray: pip install 'briefing[ray]'"
        ) from None
    return ray


def run_ray(
    jobs: Iterable[BatchJob],
    *,
    workers: int | None,
    config: BuildConfig,
    formats: Sequence[str],
    address: str | None,
    finish: Callable[[IssueResult], None],
) -> None:
    """Run ``jobs`` on Ray actors, calling ``finish`` on the driver for each result."""
    ray = _ray()
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    elif address:
        logger.warning(
            "Ray is already initialised in this process; --address %s is ignored", address
        )
    count = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    actor_class = ray.remote(num_cpus=1, max_restarts=0)(BatchWorker)
    actors = [actor_class.remote(config, list(formats)) for _ in range(count)]
    load = {i: 0 for i in range(count)}  # calls in flight per actor
    pending: dict[Any, tuple[int, BatchJob]] = {}

    def collect_one() -> None:
        ready, _ = ray.wait(list(pending), num_returns=1)
        ref = ready[0]
        slot, job = pending.pop(ref)
        load[slot] -= 1
        try:
            result = ray.get(ref)
        except (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError) as exc:
            result = IssueResult.failed(
                job, f"a Ray worker died while this issue was in flight: {type(exc).__name__}"
            )
            logger.warning("replacing Ray actor %d: %s", slot, exc)
            ray.kill(actors[slot], no_restart=True)
            actors[slot] = actor_class.remote(config, list(formats))
        except ray.exceptions.RayError as exc:
            result = IssueResult.failed(job, f"Ray: {type(exc).__name__}: {exc}")
        finish(result)

    try:
        for job in jobs:
            while min(load.values()) >= CALLS_PER_ACTOR:
                collect_one()
            slot = min(load, key=load.__getitem__)
            pending[actors[slot].process.remote(job)] = (slot, job)
            load[slot] += 1
        while pending:
            collect_one()
    finally:
        for actor in actors:
            ray.kill(actor, no_restart=True)
        if started_here:
            ray.shutdown()
