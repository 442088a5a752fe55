"""Hand a message to the SMTP server: TLS, login, bounded retries, per-recipient results.

What is retried: a connection refused, reset, timed out or dropped (``SMTPServerDisconnected``)
and 4xx replies, with exponential backoff, ``retries`` times at most. What is not: 5xx replies
(the server said no for good) and a failed login. A recipient refused with 4xx while others
were accepted is retried alone; one refused with 5xx is reported, and the others still get it.

A retry re-sends the same message with the same Message-ID: when a connection drops after the
server has taken the message but before it said so, the copy it receives again carries the
same Message-ID, which mail systems use to recognise duplicates.

The password is never logged or put in an error message: exceptions carry the server's
replies, which never echo it, and smtplib's debug output (which would) is never switched on.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Callable, Sequence

from .errors import DeliveryError
from .settings import SmtpSettings, envelope_address

logger = logging.getLogger(__name__)


@dataclass
class SendResult:
    """What the server did with each recipient; ``error`` is the reason nobody got it, if so."""

    recipients: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(
        default_factory=dict
    )  # a recipient the server refused -> "550 reason"
    attempts: int = 0
    error: str | None = (
        None  # why the transaction itself failed (connection, MAIL FROM, DATA, login)
    )

    @property
    def status(self) -> str:
        if self.accepted and len(self.accepted) == len(self.recipients):
            return "sent"
        return "partial" if self.accepted else "failed"


class _Transient(Exception):
    """A failure worth another try."""


class _Permanent(Exception):
    """A failure that another try will not fix."""


def tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=settings.ca_file)
    if not settings.verify:
        logger.warning("[smtp] verify = false: the server's certificate is not checked")
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    """An open, encrypted (unless security = "none") and logged-in SMTP session."""
    if settings.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=tls_context(settings)
        )
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        client.ehlo()
        if settings.security == "starttls":
            if not client.has_extn("starttls"):
                raise _Permanent(f"{settings.host}:{settings.port} does not offer STARTTLS")
            client.starttls(context=tls_context(settings))
            client.ehlo()
        if settings.username is not None:
            client.login(settings.username, password or "")
    except BaseException:
        _close(client)
        raise
    return client


def _close(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip()


def _attempt(
    msg: EmailMessage, settings: SmtpSettings, password: str | None, recipients: list[str]
) -> dict[str, tuple[int, str]]:
    """One connection, one transaction; returns the refused recipients with code and reply."""
    try:
        client = connect(settings, password)
    except smtplib.SMTPAuthenticationError as exc:
        raise _Permanent(
            f"login as {settings.username!r} refused: {_reply(exc.smtp_code, exc.smtp_error)}"
        ) from None
    except (smtplib.SMTPNotSupportedError, ssl.SSLCertVerificationError) as exc:
        raise _Permanent(f"{settings.host}:{settings.port}: {exc}") from None
    except smtplib.SMTPResponseException as exc:
        raise _classify(exc) from None
    except (smtplib.SMTPException, OSError) as exc:  # refused, reset, timed out, DNS, TLS handshake
        raise _Transient(f"{settings.host}:{settings.port}: {type(exc).__name__}: {exc}") from None
    try:
        refused = client.send_message(
            msg, from_addr=envelope_address(settings.sender), to_addrs=recipients
        )
        return {addr: (code, _reply(code, text)) for addr, (code, text) in refused.items()}
    except smtplib.SMTPRecipientsRefused as exc:  # all of them: nothing was sent
        return {addr: (code, _reply(code, text)) for addr, (code, text) in exc.recipients.items()}
    except smtplib.SMTPResponseException as exc:  # MAIL FROM or DATA refused
        raise _classify(exc) from None
    except (smtplib.SMTPException, OSError) as exc:  # dropped mid-transaction
        raise _Transient(
            f"{settings.host}:{settings.port}: connection lost: {type(exc).__name__}: {exc}"
        ) from None
    finally:
        _close(client)


def _classify(exc: smtplib.SMTPResponseException) -> Exception:
    reply = _reply(exc.smtp_code, exc.smtp_error)
    return _Transient(reply) if 400 <= exc.smtp_code < 500 else _Permanent(reply)


def send_message(
    msg: EmailMessage,
    *,
    settings: SmtpSettings,
    recipients: Sequence[str],
    retries: int = 3,
    backoff: float = 2.0,
    backoff_max: float = 60.0,
    sleep: Callable[[float], None] = time.sleep,
) -> SendResult:
    """Send ``msg`` to ``recipients`` (envelope addresses); never raises for a refusal, reports it."""
    if not recipients:
        raise DeliveryError("no recipients")
    password = settings.resolve_password()
    pending = list(dict.fromkeys(recipients))
    result = SendResult(recipients=list(pending))
    delay = backoff
    while pending:
        result.attempts += 1
        try:
            refused = _attempt(msg, settings, password, pending)
        except _Permanent as exc:
            result.error = str(exc)
            break
        except _Transient as exc:
            result.error = str(exc)
            refused = {}
        else:
            result.error = None
            result.accepted += [addr for addr in pending if addr not in refused]
            result.refused.update(
                {addr: reply for addr, (code, reply) in refused.items() if not 400 <= code < 500}
            )
            pending = [addr for addr, (code, _) in refused.items() if 400 <= code < 500]
        if not pending:
            break
        if result.attempts > retries:
            result.refused.update({addr: refused[addr][1] for addr in pending if addr in refused})
            break
        logger.warning(
            "transient failure (try %d of %d), retrying in %.3g s: %s",
            result.attempts,
            retries + 1,
            delay,
            result.error or "; ".join(f"{a}: {refused[a][1]}" for a in pending),
        )
        sleep(delay)
        delay = min(delay * 2, backoff_max)
    if result.error is None and result.status == "failed":
        result.error = "every recipient was refused"
    return result
