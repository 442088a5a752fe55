"""The send ledger: an SQLite file recording every send, so a scheduled job never sends twice.

One row per attempt to deliver one issue: the fingerprint of the issue's content, the
envelope recipients, the Message-ID, when, and the status:

``sending``      written *before* the SMTP transaction and committed;
``sent``         every recipient accepted;
``partial``      some accepted, some refused (``refused`` says who and why);
``failed``       nobody got it; never counted as delivered;
``interrupted``  a ``sending`` row whose job died before recording the outcome, found by a
                 later job and resent (``on_interrupted = "resend"``, the default);
``unknown``      the same, when the policy is ``skip``: counted as delivered, not resent.

A job holds an exclusive lock (``flock`` on ``LEDGER.lock``) from its check to its record, so
two jobs never send the same issue at once, and a ``sending`` row that a lock holder finds
belongs to a job that is gone (the kernel drops a dead process's lock).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from ..errors import ConfigError
from .errors import LedgerBusyError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; SQLite's own locking still applies
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS sends (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    source TEXT NOT NULL,
    paper TEXT,
    date TEXT,
    subject TEXT,
    message_id TEXT NOT NULL,
    recipients TEXT NOT NULL,
    accepted TEXT NOT NULL DEFAULT '[]',
    refused TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL,
    error TEXT,
    started TEXT NOT NULL,
    finished TEXT,
    host TEXT,
    pid INTEGER
);
CREATE INDEX IF NOT EXISTS sends_fingerprint ON sends (fingerprint);
"""
DELIVERED = ("sent", "partial", "unknown")


@dataclass
class SendRow:
    id: int
    fingerprint: str
    source: str
    paper: str | None
    date: str | None
    subject: str | None
    message_id: str
    recipients: list[str]
    accepted: list[str]
    refused: dict[str, str]
    status: str
    error: str | None
    started: str
    finished: str | None

    @classmethod
    def from_sql(cls, row: sqlite3.Row) -> SendRow:
        data = {key: row[key] for key in row.keys() if key not in ("host", "pid")}
        for key in ("recipients", "accepted", "refused"):
            data[key] = json.loads(data[key])
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _unwritable(path: Path, exc: BaseException) -> ConfigError:
    return ConfigError(
        f"send ledger {path} cannot be written ({exc}); nothing was sent. "
        "Fix its permissions or set [delivery] ledger to a writable path"
    )


class Ledger:
    """An open ledger, locked for this job; use as a context manager."""

    def __init__(self, path: str | Path, *, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._lock_fd: int | None = None
        self._db: sqlite3.Connection | None = None

    # -- opening: every failure here happens before anything is sent -----------------------
    def __enter__(self) -> Ledger:
        try:
            self._lock()
            self._open()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _lock(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._lock_fd = os.open(f"{self.path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise _unwritable(self.path, exc) from exc
        if fcntl is None:
            return
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LedgerBusyError(
                        f"send ledger {self.path} is locked by another briefing job "
                        f"(waited {self.lock_timeout:g} s); nothing was sent"
                    ) from None
                time.sleep(min(0.1, self.lock_timeout))

    def _open(self) -> None:
        try:
            self._db = sqlite3.connect(self.path, timeout=self.lock_timeout, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            # Take the write lock now: a locked or read-only file fails here, before sending.
            self._db.execute("BEGIN IMMEDIATE")
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._db.execute("PRAGMA user_version = 1")  # a write even when the schema exists
            self._db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise self._translate(exc) from exc
        except sqlite3.DatabaseError as exc:
            raise ConfigError(
                f"send ledger {self.path} is not a ledger ({exc}); nothing was sent"
            ) from exc
        try:
            self.path.chmod(0o600)  # recipients' addresses are nobody else's business
        except OSError:
            pass

    def _translate(self, exc: sqlite3.OperationalError) -> Exception:
        if "locked" in str(exc) or "busy" in str(exc):
            return LedgerBusyError(
                f"send ledger {self.path} is locked by another process ({exc}); nothing was sent"
            )
        return _unwritable(self.path, exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # also releases the flock
            self._lock_fd = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("ledger is not open")
        return self._db

    def _write(self, sql: str, params: Iterable[Any]) -> sqlite3.Cursor:
        try:
            return self.db.execute(sql, tuple(params))
        except sqlite3.OperationalError as exc:
            raise self._translate(exc) from exc

    # -- reading --------------------------------------------------------------------------
    def rows(self, fingerprint: str) -> list[SendRow]:
        cursor = self.db.execute(
            "SELECT * FROM sends WHERE fingerprint = ? ORDER BY id", (fingerprint,)
        )
        return [SendRow.from_sql(row) for row in cursor]

    def delivered(self, fingerprint: str) -> dict[str, SendRow]:
        """Recipients who have this issue already, each with the row that says so."""
        done: dict[str, SendRow] = {}
        for row in self.rows(fingerprint):
            if row.status in DELIVERED:
                for address in row.accepted:
                    done.setdefault(address.lower(), row)
        return done

    def interrupted(self, fingerprint: str) -> list[SendRow]:
        """``sending`` rows of this issue: under our lock, their jobs died mid-send."""
        return [row for row in self.rows(fingerprint) if row.status == "sending"]

    # -- writing --------------------------------------------------------------------------
    def begin(
        self,
        *,
        fingerprint: str,
        source: str,
        paper: str | None,
        date: str | None,
        subject: str,
        message_id: str,
        recipients: list[str],
    ) -> int:
        """Record the attempt as ``sending`` (committed) before the SMTP transaction starts."""
        cursor = self._write(
            "INSERT INTO sends (fingerprint, source, paper, date, subject, message_id, recipients, status,"
            " started, host, pid) VALUES (?, ?, ?, ?, ?, ?, ?, 'sending', ?, ?, ?)",
            (
                fingerprint,
                source,
                paper,
                date,
                subject,
                message_id,
                json.dumps(recipients, ensure_ascii=False),
                now_iso(),
                socket.gethostname(),
                os.getpid(),
            ),
        )
        assert cursor.lastrowid is not None  # sqlite3 sets it after every INSERT
        return cursor.lastrowid

    def finish(
        self,
        row_id: int,
        *,
        status: str,
        accepted: list[str],
        refused: dict[str, str],
        error: str | None,
    ) -> None:
        self._write(
            "UPDATE sends SET status = ?, accepted = ?, refused = ?, error = ?, finished = ? WHERE id = ?",
            (
                status,
                json.dumps(accepted, ensure_ascii=False),
                json.dumps(refused, ensure_ascii=False),
                error,
                now_iso(),
                row_id,
            ),
        )

    def settle_interrupted(self, row: SendRow, *, policy: str) -> None:
        """Close a dead job's ``sending`` row: resent (``interrupted``) or assumed delivered (``unknown``)."""
        if policy == "skip":
            self._write(
                "UPDATE sends SET status = 'unknown', accepted = recipients, finished = ?, error = ?"
                " WHERE id = ?",
                (now_iso(), "job ended before recording; assumed delivered", row.id),
            )
        else:
            self._write(
                "UPDATE sends SET status = 'interrupted', finished = ?, error = ? WHERE id = ?",
                (now_iso(), "job ended before recording; sent again", row.id),
            )


def read_history(path: str | Path, *, limit: int | None = 50) -> list[SendRow]:
    """The latest sends, newest first, read without locking or writing (an absent ledger is empty)."""
    file = Path(path)
    if not file.exists():
        return []
    try:
        db = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        db.row_factory = sqlite3.Row
        try:
            sql = "SELECT * FROM sends ORDER BY id DESC" + (" LIMIT ?" if limit else "")
            return [SendRow.from_sql(row) for row in db.execute(sql, (limit,) if limit else ())]
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise ConfigError(f"send ledger {file} cannot be read: {exc}") from exc
