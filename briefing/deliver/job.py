"""One delivery job: fingerprint the issue, check the ledger, build, record, send, record.

The order is what makes a scheduled job safe to repeat:

1. fingerprint the issue's bytes (plus the ``--paper``/``--date`` overrides that name it);
2. lock the ledger; a locked or unwritable ledger stops here, before anything is sent;
3. recipients who already have this issue are dropped (``--force`` keeps them); none left:
   nothing to do, exit 0;
4. build the briefing and the message;
5. write a ``sending`` row and commit it, *then* talk to the SMTP server;
6. record ``sent`` / ``partial`` / ``failed`` with each recipient's reply.

A job killed between the server's acceptance (5) and the record (6) leaves a ``sending`` row.
The next job cannot know whether the server took the message, so it has to pick a side; by
default (``on_interrupted = "resend"``) it sends again, with the same Message-ID, because a
duplicate of a daily briefing costs a reader a second look and a lost one costs the briefing.
``on_interrupted = "skip"`` picks the other side. The job's decision is logged and recorded.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from ..errors import ConfigError, InputError
from ..output import write_atomic
from ..read.files import issue_fingerprint
from .errors import DeliveryError
from .ledger import Ledger
from .message import build_message, new_message_id
from .settings import DeliveryConfig, check_addresses, envelope_address
from .smtp import send_message

logger = logging.getLogger(__name__)

Builder = Callable[..., Any]  # build_briefing(source, *, paper, date, config) -> Briefing


@dataclass
class SendOutcome:
    status: str  # sent | partial | failed | skipped | dry-run
    source: str
    fingerprint: str
    recipients: list[str] = field(default_factory=list)  # this job's envelope recipients
    subject: str | None = None
    message_id: str | None = None
    accepted: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    attempts: int = 0
    eml_path: Path | None = None
    note: str | None = None  # why nothing was sent, for `skipped`

    @property
    def ok(self) -> bool:
        return self.status in ("sent", "skipped", "dry-run")

    def raise_for_status(self) -> None:
        """:class:`DeliveryError` unless every recipient got the briefing (or had it already)."""
        if self.ok:
            return
        problems = [f"{addr} refused: {reply}" for addr, reply in self.refused.items()]
        if self.error:
            problems.append(self.error)
        done = (
            f"delivered to {len(self.accepted)} of {len(self.recipients)} recipients"
            if self.accepted
            else "not delivered"
        )
        raise DeliveryError(f"{self.source}: {done}: {'; '.join(problems)}")


def default_builder(source: str | Path, *, paper: str | None, date: str | None, config: Any) -> Any:
    from ..pipeline import build_briefing  # the whole pipeline loads only when a send needs it

    return build_briefing(source, paper=paper, date=date, config=config)


@contextmanager
def readable_source(source: str | Path) -> Iterator[Path]:
    """The issue as a path; standard input is spooled to a temporary file so it can be hashed and read."""
    if str(source) != "-":
        path = Path(source)
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        yield path
        return
    directory = tempfile.mkdtemp(prefix="briefing-stdin-")
    try:
        spooled = Path(directory) / "stdin.txt"
        spooled.write_bytes(sys.stdin.buffer.read())
        yield spooled
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _unique(addresses: Sequence[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in addresses:
        addr = envelope_address(value)
        seen.setdefault(addr.lower(), addr)
    return list(seen.values())


def default_eml_path(source: str | Path) -> Path:
    """``issue.txt`` -> ``issue.eml`` beside it; standard input -> ``briefing.eml`` here."""
    if str(source) == "-":
        return Path("briefing.eml")
    path = Path(source)
    return path.with_name(path.name + ".eml") if path.is_dir() else path.with_suffix(".eml")


def send_issue(
    source: str | Path,
    *,
    config: DeliveryConfig,
    to: Sequence[str] | None = None,
    force: bool = False,
    dry_run: bool = False,
    eml_path: str | Path | None = None,
    paper: str | None = None,
    date: str | None = None,
    builder: Builder | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> SendOutcome:
    """Deliver the briefing of ``source`` once to each recipient; see the module docstring."""
    build = builder or default_builder
    smtp, settings = config.smtp, config.delivery
    if to:
        header_to, header_cc = list(check_addresses(tuple(to), what="--to")), []
        envelope = _unique(header_to)
    else:
        header_to, header_cc = list(smtp.to), list(smtp.cc)
        envelope = _unique([*smtp.to, *smtp.cc, *smtp.bcc])
    if not envelope:
        raise ConfigError(
            f"{config.source}: no recipients: set [smtp] to (or cc, bcc), or give the recipients"
        )

    def make_message(briefing: Any, message_id: str | None) -> Any:
        return build_message(
            briefing,
            sender=smtp.sender,
            to=header_to,
            cc=header_cc,
            subject_template=settings.subject,
            attach=settings.attach,
            message_id=message_id or new_message_id(smtp.sender),
        )

    with readable_source(source) as path:
        # Content plus the overrides that name it; how the briefing looks (subject, summarizer,
        # attachments) is left out on purpose: changing it must not resend every issue.
        fp = issue_fingerprint(path, paper=paper, date=date)
        name = str(source)
        if dry_run:
            briefing = build(path, paper=paper, date=date, config=config.build)
            msg = make_message(briefing, None)
            target = Path(eml_path) if eml_path else default_eml_path(source)
            write_atomic(target, msg.as_bytes(policy=policy.SMTP))
            return SendOutcome(
                "dry-run",
                name,
                fp,
                envelope,
                subject=str(msg["Subject"]),
                message_id=str(msg["Message-ID"]),
                eml_path=target,
            )

        smtp.resolve_password()  # a missing password variable is a configuration error: say so first
        with Ledger(settings.ledger, lock_timeout=settings.lock_timeout) as ledger:
            message_id = None
            for row in ledger.interrupted(fp):
                if settings.on_interrupted == "skip":
                    logger.warning(
                        "%s: a job sending this issue (Message-ID %s, %s) ended before recording "
                        'the outcome; assuming it was delivered (on_interrupted = "skip")',
                        name,
                        row.message_id,
                        row.started,
                    )
                else:
                    logger.warning(
                        "%s: a job sending this issue (Message-ID %s, %s) ended before recording "
                        "the outcome; sending again with the same Message-ID",
                        name,
                        row.message_id,
                        row.started,
                    )
                    message_id = row.message_id
                ledger.settle_interrupted(row, policy=settings.on_interrupted)

            done = ledger.delivered(fp)
            pending = envelope if force else [a for a in envelope if a.lower() not in done]
            if not pending:
                when = max(row.finished or row.started for row in done.values())
                return SendOutcome(
                    "skipped",
                    name,
                    fp,
                    envelope,
                    note=(
                        f"{name}: already sent to all {len(envelope)} recipient(s), last on {when}; "
                        "nothing to do (--force sends again)"
                    ),
                )

            briefing = build(path, paper=paper, date=date, config=config.build)
            msg = make_message(briefing, message_id)
            subject, message_id = str(msg["Subject"]), str(msg["Message-ID"])
            row_id = ledger.begin(
                fingerprint=fp,
                source=name,
                paper=getattr(briefing, "paper", None),
                date=getattr(briefing, "date", None),
                subject=subject,
                message_id=message_id,
                recipients=pending,
            )
            try:
                result = send_message(
                    msg,
                    settings=smtp,
                    recipients=pending,
                    retries=settings.retries,
                    backoff=settings.backoff,
                    backoff_max=settings.backoff_max,
                    sleep=sleep,
                )
            except Exception as exc:
                # Not a refusal (those are results) but a fault before the transaction: nothing went out.
                ledger.finish(
                    row_id,
                    status="failed",
                    accepted=[],
                    refused={},
                    error=f"{type(exc).__name__}: {exc}",
                )
                raise
            try:
                ledger.finish(
                    row_id,
                    status=result.status,
                    accepted=result.accepted,
                    refused=result.refused,
                    error=result.error,
                )
            except Exception as exc:
                raise DeliveryError(
                    f"{name}: the server answered ({result.status}, {len(result.accepted)} accepted) but the "
                    f"ledger could not record it: {exc}; the next run treats it as interrupted "
                    f"(on_interrupted = {settings.on_interrupted!r})"
                ) from exc
    return SendOutcome(
        result.status,
        name,
        fp,
        pending,
        subject=subject,
        message_id=message_id,
        accepted=result.accepted,
        refused=result.refused,
        error=result.error,
        attempts=result.attempts,
    )
