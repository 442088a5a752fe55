"""The ``[smtp]`` and ``[delivery]`` tables of ``briefing.toml``.

Example::

    [smtp]
    host = "smtp.example.com"
    port = 465                        # default: 465 for ssl, 587 for starttls, 25 for none
    security = "ssl"                  # "ssl" | "starttls" | "none"
    username = "briefing@example.com"
    password_env = "BRIEFING_SMTP_PASSWORD"   # the password is read from this variable
    from = "临江日报简报 <briefing@example.com>"
    to = ["编辑部 <desk@example.com>"]
    cc = []
    bcc = []
    # verify = false                  # only to accept an unverifiable certificate, knowingly
    # ca_file = "/etc/ssl/private-ca.pem"
    # timeout = 30

    [delivery]
    ledger = "~/.local/state/briefing/ledger.sqlite3"   # default: $XDG_STATE_HOME/briefing/...
    subject = "{paper} 每日简报 {date}"
    attach = ["docx"]                 # any of "docx", "md"
    retries = 3                       # further tries after a transient failure
    backoff = 2.0                     # seconds before the first retry; doubles each time
    on_interrupted = "resend"         # a send cut off before it was recorded: "resend" | "skip"
    require_review = false            # watch: send only approved X.reviewed.json files, as approved

Each table checks its own keys: an unknown key is a :class:`ConfigError` naming it.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass, field
from email.utils import getaddresses, parseaddr
from pathlib import Path
from typing import Any

from ..config import BuildConfig, config_table, load_config, read_config_tables
from ..errors import ConfigError

logger = logging.getLogger(__name__)

SECURITY_MODES = ("ssl", "starttls", "none")
DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "none": 25}
ATTACHMENT_FORMATS = ("docx", "md")
INTERRUPTED_POLICIES = ("resend", "skip")
DEFAULT_SUBJECT = "{paper} 每日简报 {date}"


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str = "starttls"
    sender: str = ""  # the `from` key
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    username: str | None = None
    password_env: str | None = None
    # A password written in the config (discouraged); repr=False keeps it out of tracebacks and logs.
    password: str | None = field(default=None, repr=False)
    verify: bool = True
    ca_file: str | None = None
    timeout: float = 30.0

    def resolve_password(self) -> str | None:
        """The password to log in with: from the named environment variable, or the config."""
        if self.username is None:
            return None
        if self.password_env is not None:
            value = os.environ.get(self.password_env)
            if not value:
                raise ConfigError(
                    f"[smtp] password_env: the environment variable {self.password_env} is not set"
                )
            return value
        if self.password is None:
            raise ConfigError("[smtp] username is set but neither password_env nor password is")
        return self.password


@dataclass(frozen=True)
class DeliverySettings:
    ledger: Path
    subject: str = DEFAULT_SUBJECT
    attach: tuple[str, ...] = ()
    retries: int = 3
    backoff: float = 2.0
    backoff_max: float = 60.0
    on_interrupted: str = "resend"
    lock_timeout: float = 30.0
    # What `briefing watch` picks up; empty: every issue file (briefing.read.files.ISSUE_SUFFIXES).
    patterns: tuple[str, ...] = ()
    watch_retry: float = 600.0  # seconds before watch retries a file whose delivery failed
    # `watch` sends only approved briefings (X.reviewed.json from `briefing review`), exactly as approved.
    require_review: bool = False


@dataclass(frozen=True)
class DeliveryConfig:
    smtp: SmtpSettings
    delivery: DeliverySettings
    build: BuildConfig
    source: str = "<defaults>"


def default_ledger_path() -> Path:
    """``$XDG_STATE_HOME/briefing/ledger.sqlite3``, or under ``~/.local/state`` without it."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "briefing" / "ledger.sqlite3"


class _Table:
    """Typed reads from one TOML table, with errors that name the table and the key."""

    def __init__(self, name: str, data: dict[str, Any], source: str) -> None:
        self.name, self.data, self.source = name, dict(data), source
        self.used: set[str] = set()

    def fail(self, key: str, why: str) -> ConfigError:
        return ConfigError(f"{self.source}: [{self.name}] {key} {why}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        self.used.add(key)
        if key not in self.data:
            return default
        value = self.data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
            names = " or ".join(k.__name__ for k in kinds)
            raise self.fail(key, f"must be {names}, got {type(value).__name__}")
        return value

    def number(self, key: str, default: float, *, minimum: float = 0.0) -> float:
        value = float(self.get(key, (int, float), default))
        if value < minimum:
            raise self.fail(key, f"must be at least {minimum:g}, got {value:g}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.get(key, (list, str), [])
        items = [value] if isinstance(value, str) else value
        if not all(isinstance(item, str) for item in items):
            raise self.fail(key, "must be a string or a list of strings")
        return tuple(items)

    def check_unknown(self, known: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in self.used:
                raise ConfigError(
                    f"{self.source}: unknown setting [{self.name}] {key!r}; known settings: {', '.join(sorted(known))}"
                )


SMTP_KEYS = (
    "host",
    "port",
    "security",
    "from",
    "to",
    "cc",
    "bcc",
    "username",
    "password_env",
    "password",
    "verify",
    "ca_file",
    "timeout",
)
DELIVERY_KEYS = (
    "ledger",
    "subject",
    "attach",
    "retries",
    "backoff",
    "backoff_max",
    "on_interrupted",
    "lock_timeout",
    "patterns",
    "watch_retry",
    "require_review",
)


def check_addresses(values: tuple[str, ...], *, what: str) -> tuple[str, ...]:
    """Each entry must hold one ``addr@domain`` (optionally with a display name)."""
    for value in values:
        parsed = getaddresses([value])
        if (
            len(parsed) != 1
            or "@" not in parsed[0][1]
            or parsed[0][1].startswith("@")
            or parsed[0][1].endswith("@")
        ):
            raise ConfigError(f"{what}: {value!r} is not one email address")
    return values


def parse_smtp(
    data: dict[str, Any], *, source: str = "<mapping>", base: Path | None = None
) -> SmtpSettings:
    table = _Table("smtp", data, source)
    host = table.get("host", str)
    if not host:
        raise ConfigError(f"{source}: [smtp] host is required")
    security = table.get("security", str, SmtpSettings.security)
    if security not in SECURITY_MODES:
        raise table.fail(
            "security", f"must be one of {', '.join(SECURITY_MODES)}, got {security!r}"
        )
    port = table.get("port", int, DEFAULT_PORTS[security])
    if not 0 < port < 65536:
        raise table.fail("port", f"must be a TCP port number, got {port}")
    sender = table.get("from", str)
    if not sender:
        raise ConfigError(f"{source}: [smtp] from is required")
    check_addresses((sender,), what=f"{source}: [smtp] from")
    recipients = {
        key: check_addresses(table.strings(key), what=f"{source}: [smtp] {key}")
        for key in ("to", "cc", "bcc")
    }
    username = table.get("username", str)
    password_env = table.get("password_env", str)
    password = table.get("password", str)
    if password_env is not None and password is not None:
        raise ConfigError(f"{source}: [smtp] set password_env or password, not both")
    if username is not None and security == "none":
        raise ConfigError(
            f'{source}: [smtp] username with security = "none" would send the password unencrypted; '
            'use "starttls" or "ssl"'
        )
    verify = table.get("verify", bool, SmtpSettings.verify)
    ca_file = table.get("ca_file", str)
    if ca_file is not None:
        ca_path = Path(ca_file).expanduser()
        if base is not None and not ca_path.is_absolute():
            ca_path = base / ca_path
        if not ca_path.is_file():
            raise table.fail("ca_file", f"{ca_path} does not exist")
        ca_file = str(ca_path)
    timeout = table.number("timeout", SmtpSettings.timeout, minimum=0.1)
    table.check_unknown(SMTP_KEYS)
    return SmtpSettings(
        host=host,
        port=port,
        security=security,
        sender=sender,
        username=username,
        password_env=password_env,
        password=password,
        verify=verify,
        ca_file=ca_file,
        timeout=timeout,
        **recipients,
    )


def parse_delivery(
    data: dict[str, Any], *, source: str = "<mapping>", base: Path | None = None
) -> DeliverySettings:
    table = _Table("delivery", data, source)
    ledger_value = table.get("ledger", str)
    if ledger_value:
        ledger = Path(ledger_value).expanduser()
        if base is not None and not ledger.is_absolute():
            ledger = base / ledger
    else:
        ledger = default_ledger_path()
    subject = table.get("subject", str, DeliverySettings.subject)
    from .message import SUBJECT_FIELDS, fill_subject

    try:
        fill_subject(subject, dict.fromkeys(SUBJECT_FIELDS, ""))
    except ConfigError as exc:
        raise table.fail("subject", f"is not a valid template ({exc})") from exc
    attach = table.strings("attach")
    for item in attach:
        if item not in ATTACHMENT_FORMATS:
            raise table.fail("attach", f"may hold {', '.join(ATTACHMENT_FORMATS)}, got {item!r}")
    retries = table.get("retries", int, DeliverySettings.retries)
    if retries < 0:
        raise table.fail("retries", f"must be 0 or more, got {retries}")
    on_interrupted = table.get("on_interrupted", str, DeliverySettings.on_interrupted)
    if on_interrupted not in INTERRUPTED_POLICIES:
        raise table.fail(
            "on_interrupted",
            f"must be one of {', '.join(INTERRUPTED_POLICIES)}, got {on_interrupted!r}",
        )
    require_review = table.get("require_review", bool, DeliverySettings.require_review)
    settings = DeliverySettings(
        ledger=ledger,
        subject=subject,
        attach=attach,
        retries=retries,
        backoff=table.number("backoff", DeliverySettings.backoff),
        backoff_max=table.number("backoff_max", DeliverySettings.backoff_max),
        on_interrupted=on_interrupted,
        lock_timeout=table.number("lock_timeout", DeliverySettings.lock_timeout),
        patterns=table.strings("patterns") or (("*.reviewed.json",) if require_review else ()),
        watch_retry=table.number("watch_retry", DeliverySettings.watch_retry),
        require_review=require_review,
    )
    table.check_unknown(DELIVERY_KEYS)
    return settings


def warn_if_exposed(path: Path, smtp: dict[str, Any]) -> None:
    """A password in clear text in a file other users can read is worth a warning on every run."""
    if "password" not in smtp:
        return
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        logger.warning(
            "%s holds an SMTP password in clear text and other users can read it: "
            "chmod 600 it, or use password_env instead",
            path,
        )


def load_delivery_config(path: str | Path) -> DeliveryConfig:
    """Read ``briefing.toml``: the build settings (checked by :mod:`briefing.config`) and ours."""
    file = Path(path)
    build = load_config(file)  # also reports a missing file, bad TOML and loose settings
    data = read_config_tables(file)
    smtp_table, delivery_table = (
        config_table(data, name, source=str(file)) for name in ("smtp", "delivery")
    )
    if "smtp" not in data:
        raise ConfigError(f"{file}: no [smtp] table: delivery needs at least host and from")
    warn_if_exposed(file, smtp_table)
    smtp = parse_smtp(smtp_table, source=str(file), base=file.parent)
    delivery = parse_delivery(delivery_table, source=str(file), base=file.parent)
    return DeliveryConfig(smtp=smtp, delivery=delivery, build=build, source=str(file))


def envelope_address(value: str) -> str:
    """``"名字 <a@b>"`` -> ``"a@b"``."""
    return parseaddr(value)[1]


def ledger_path_from_config(path: str | Path | None) -> Path:
    """The ledger a config names (only its ``[delivery]`` table is read), or the default one."""
    if path is None:
        return default_ledger_path()
    file = Path(path)
    table = config_table(read_config_tables(file), "delivery", source=str(file))
    return parse_delivery(table, source=str(file), base=file.parent).ledger
