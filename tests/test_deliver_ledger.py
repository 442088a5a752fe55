"""The send ledger under stress: locked, read-only, and a job killed between send and record."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import tempfile
from pathlib import Path

import pytest

from briefing.deliver import LedgerBusyError, send_issue
from briefing.deliver.ledger import Ledger, read_history
from briefing.errors import ConfigError

from deliver_helpers import as_nobody, in_child, make_config, small_builder, write_issue


def test_sqlite_lock_held_elsewhere_stops_before_sending(server, tmp_path, issue):
    config = make_config(server, tmp_path)
    send_issue(
        write_issue(tmp_path / "other.txt", "另一期\n"), config=config, builder=small_builder
    )
    sent_before = len(server.handler.received)
    other = sqlite3.connect(config.delivery.ledger, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LedgerBusyError, match="locked by another process.*nothing was sent"):
            send_issue(issue, config=config, builder=small_builder)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(server.handler.received) == sent_before
    assert send_issue(issue, config=config, builder=small_builder).status == "sent"


def test_another_job_holding_the_ledger_stops_before_sending(server, tmp_path, issue):
    config = make_config(server, tmp_path)
    with Ledger(config.delivery.ledger):  # another job, in the middle of its send
        with pytest.raises(
            LedgerBusyError, match="locked by another briefing job.*nothing was sent"
        ):
            send_issue(issue, config=config, builder=small_builder)
    assert not server.handler.received


def test_read_only_ledger_is_a_clear_error_before_sending(server, issue):
    # Root ignores file modes, so the job runs in a child that drops to `nobody` when root.
    directory = Path(tempfile.mkdtemp(prefix="briefing-ro-"))
    try:
        config = make_config(server, directory)
        send_issue(
            write_issue(directory / "other.txt", "另一期\n"), config=config, builder=small_builder
        )
        state = config.delivery.ledger.parent
        Path(f"{config.delivery.ledger}.lock").chmod(0o666)
        config.delivery.ledger.chmod(0o444)
        for folder in (state, directory):
            folder.chmod(0o555)
        readable_issue = directory / "other.txt"  # the issue itself must be readable by the child

        def job() -> int:
            as_nobody()
            try:
                send_issue(readable_issue, config=config, builder=small_builder, force=True)
            except ConfigError as exc:
                message = str(exc)
                return (
                    10 if "cannot be written" in message and "nothing was sent" in message else 11
                )
            return 0

        assert in_child(job) == 10
        assert len(server.handler.received) == 1  # only the setup send
    finally:
        for folder in (directory, directory / "state"):
            folder.chmod(0o755)
        shutil.rmtree(directory, ignore_errors=True)


def test_killed_between_send_and_record_resends_with_the_same_message_id(server, tmp_path, issue):
    """The side this design errs on: a duplicate (same Message-ID), never a lost briefing."""
    config = make_config(server, tmp_path)

    def job_killed_after_the_server_accepted() -> int:
        Ledger.finish = lambda *a, **k: os.kill(
            os.getpid(), signal.SIGKILL
        )  # the child's copy only
        send_issue(issue, config=config, builder=small_builder)
        return 0

    assert in_child(job_killed_after_the_server_accepted) == -signal.SIGKILL
    assert len(server.handler.received) == 1
    (row,) = read_history(config.delivery.ledger)
    assert row.status == "sending"  # the outcome never got recorded

    outcome = send_issue(issue, config=config, builder=small_builder)
    assert outcome.status == "sent"
    first, second = server.handler.received
    assert first.message["Message-ID"] == second.message["Message-ID"] == row.message_id
    assert [r.status for r in read_history(config.delivery.ledger)] == ["sent", "interrupted"]
    assert send_issue(issue, config=config, builder=small_builder).status == "skipped"
    assert len(server.handler.received) == 2


def test_killed_between_send_and_record_with_skip_policy_sends_nothing(
    server, tmp_path, issue, caplog
):
    config = make_config(server, tmp_path, delivery={"on_interrupted": "skip"})

    def job() -> int:
        Ledger.finish = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
        send_issue(issue, config=config, builder=small_builder)
        return 0

    assert in_child(job) == -signal.SIGKILL
    outcome = send_issue(issue, config=config, builder=small_builder)
    assert outcome.status == "skipped" and len(server.handler.received) == 1
    assert "assuming it was delivered" in caplog.text
    assert read_history(config.delivery.ledger)[0].status == "unknown"


def test_killed_before_the_server_accepted_is_sent_by_the_next_job(server, tmp_path, issue):
    config = make_config(server, tmp_path)

    def job() -> int:
        import briefing.deliver.job as job_module

        job_module.send_message = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
        send_issue(issue, config=config, builder=small_builder)
        return 0

    assert in_child(job) == -signal.SIGKILL
    assert not server.handler.received
    assert send_issue(issue, config=config, builder=small_builder).status == "sent"
    assert len(server.handler.received) == 1


def test_history_is_newest_first_and_absent_ledger_is_empty(server, tmp_path):
    assert read_history(tmp_path / "nothing.sqlite3") == []
    config = make_config(server, tmp_path)
    for name in ("a.txt", "b.txt"):
        send_issue(write_issue(tmp_path / name, name + "\n"), config=config, builder=small_builder)
    rows = read_history(config.delivery.ledger)
    assert [Path(r.source).name for r in rows] == ["b.txt", "a.txt"]
    assert rows[0].recipients == ["desk@example.com", "chief@example.com", "archive@example.com"]


def test_default_ledger_path_uses_xdg_state_home(monkeypatch, tmp_path):
    from briefing.deliver.settings import default_ledger_path

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert default_ledger_path() == tmp_path / "briefing" / "ledger.sqlite3"
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_ledger_path() == tmp_path / ".local" / "state" / "briefing" / "ledger.sqlite3"
