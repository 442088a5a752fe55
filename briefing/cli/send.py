"""`briefing send`, `briefing history` and `briefing watch`: email delivery for scheduled jobs.

Exit statuses, for cron and systemd: 0 sent, or nothing to do (already sent); 1 delivery
failed (server refused or unreachable, some recipients refused, ledger busy); 2 bad input or
configuration. Reports go to standard error; `history` writes its table to standard output.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any, List, Optional

import typer

from ..errors import ConfigError
from .app import OcrProgressBar, app, checked_ocr, emit_jsonl, emit_text, ocr_option

# The delivery modules (smtplib, ssl, sqlite3, email) are imported inside the commands, so
# that other commands, `briefing build` in a cron job first of all, do not pay for them.

EXIT_STATUSES = (
    "Exit status: 0 sent or nothing to do, 1 delivery failed, 2 bad input or configuration."
)


def _say(text: str) -> None:
    sys.stderr.write(f"briefing: {text}\n")


def _report(outcome: Any) -> None:
    if outcome.status == "dry-run":
        _say(f"dry run, nothing sent; wrote {outcome.eml_path}")
    elif outcome.status == "skipped":
        _say(outcome.note or "nothing to do")
    elif outcome.accepted:
        _say(
            f'sent "{outcome.subject}" to {len(outcome.accepted)} recipient(s), Message-ID {outcome.message_id}'
        )
    for address, reply in outcome.refused.items():
        _say(f"refused {address}: {reply}")


def _verbose_delivery_logs() -> None:
    # Retries and the watcher's progress are worth seeing in a job's log unless told otherwise.
    if "BRIEFING_LOG_LEVEL" not in os.environ:
        logging.getLogger("briefing.deliver").setLevel(logging.INFO)


def _with_ocr(settings, ocr: Optional[str]):
    """The delivery settings with ``--ocr`` in their build settings, when it is given."""
    import dataclasses

    return dataclasses.replace(settings, build=settings.build.replace(ocr=checked_ocr(ocr)))


@app.command(epilog=EXIT_STATUSES)
def send(
    source: Optional[str] = typer.Argument(
        None,
        metavar="[INPUT]",
        help="Issue text file, directory of pages, '-', or .jsonl of articles.",
    ),
    config: Path = typer.Option(
        ...,
        "--config",
        "-c",
        help="briefing.toml with an smtp table (and delivery, briefing tables).",
    ),
    to: Optional[List[str]] = typer.Option(
        None,
        "--to",
        help="Send only to this address (repeatable) instead of the configured to/cc/bcc.",
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Write the message as an .eml file instead of sending it."
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Where --dry-run writes the .eml (default: beside INPUT)."
    ),
    force: bool = typer.Option(
        False, "--force", help="Send even to recipients the ledger says already have this issue."
    ),
    paper: Optional[str] = typer.Option(
        None, "--paper", help="Paper name for the header and subject."
    ),
    date: Optional[str] = typer.Option(None, "--date", help="Issue date, YYYY-MM-DD."),
    reviewed: Optional[Path] = typer.Option(
        None,
        "--reviewed",
        help="Send this approved briefing (X.reviewed.json, or the draft) exactly as approved, instead of building INPUT.",
    ),
    ocr: Optional[str] = ocr_option(),
) -> None:
    """Build the briefing of an issue and email it, once per recipient (the ledger remembers)."""
    from ..deliver import DeliveryError, load_delivery_config, send_issue

    builder = None
    if reviewed is not None:
        from ..review import approved_builder, load_approved

        if source is not None or paper is not None or date is not None:
            raise ConfigError(
                "--reviewed sends the approved briefing as it is: give no INPUT, --paper or --date"
            )
        load_approved(reviewed)  # unapproved, or changed since: refused before anything else
        source, builder = str(reviewed), approved_builder
    elif source is None:
        raise ConfigError("give the INPUT to send, or --reviewed with an approved briefing")
    settings = _with_ocr(load_delivery_config(config), ocr)
    if output is not None:
        from ..output import check_output

        check_output(output, inputs=[source])
    _verbose_delivery_logs()
    try:
        with OcrProgressBar():
            outcome = send_issue(
                source,
                config=settings,
                to=to,
                force=force,
                dry_run=dry_run,
                eml_path=output,
                paper=paper,
                date=date,
                builder=builder,
            )
        _report(outcome)
        outcome.raise_for_status()
    except DeliveryError as exc:
        _say(f"delivery failed: {exc}")
        raise typer.Exit(1)


@app.command(epilog="Reads the ledger without writing to it.")
def history(
    config: Optional[Path] = typer.Option(
        None, "--config", "-c", help="briefing.toml whose delivery table names the ledger."
    ),
    ledger: Optional[Path] = typer.Option(None, "--ledger", help="The ledger file itself."),
    limit: int = typer.Option(20, "--limit", "-n", help="How many sends, newest first (0: all)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List past sends: when, status, recipients, Message-ID, issue."""
    from ..deliver.ledger import read_history
    from ..deliver.settings import ledger_path_from_config

    path = ledger or ledger_path_from_config(config)
    rows = read_history(path, limit=limit or None)
    if as_json:
        emit_jsonl(row.to_dict() for row in rows)
        return
    if not rows:
        _say(f"no sends recorded in {path}")
        return
    for row in rows:
        issue = " ".join(p for p in (row.paper, row.date) if p) or "-"
        delivered = f"{len(row.accepted)}/{len(row.recipients)}"
        emit_text(
            f"{row.started}  {row.status:<11}  {delivered:>5}  {issue}  {row.message_id}  {row.source}\n"
        )
        for address, reply in row.refused.items():
            emit_text(f"{'':27}refused {address}: {reply}\n")


@app.command(
    epilog=EXIT_STATUSES
    + " It runs until stopped (SIGTERM or Ctrl-C: it finishes the file in hand first)."
)
def watch(
    directory: Path = typer.Argument(
        ..., metavar="DIR", help="Folder where new issue files appear."
    ),
    config: Path = typer.Option(
        ...,
        "--config",
        "-c",
        help="briefing.toml with an smtp table (and delivery, briefing tables).",
    ),
    interval: float = typer.Option(
        30.0, "--interval", min=0.05, help="Seconds between looks at the folder."
    ),
    polls: Optional[int] = typer.Option(
        None, "--polls", hidden=True, help="Stop after this many looks (tests)."
    ),
    ocr: Optional[str] = ocr_option(),
) -> None:
    """Deliver each new issue file in DIR once it has finished arriving; a restart sends nothing twice."""
    from ..deliver import Watcher, load_delivery_config
    from ..program import long_lived

    long_lived()  # runs until stopped: the collector keeps its usual pace

    settings = _with_ocr(load_delivery_config(config), ocr)
    _verbose_delivery_logs()
    watcher = Watcher(directory, config=settings)
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        with OcrProgressBar(lines=True):
            watcher.run(interval=interval, stop=stop, polls=polls)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
