"""Helpers for the delivery tests: a real SMTP server on localhost (aiosmtpd), scripted faults,
a test certificate authority (trustme), configs, and a small Briefing built by hand."""

from __future__ import annotations

import pytest

import email
import email.policy
import os
import socket
import ssl
import struct
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from briefing.deliver.settings import DeliveryConfig, parse_delivery, parse_smtp
from briefing.config import BuildConfig
from briefing.records import Briefing, Entry, Section

PASSWORD = "pw-Zx9!never-print-me"
USERNAME = "briefing-bot"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.content, policy=email.policy.default)


@dataclass
class Handler:
    """Records what the server accepted; scripted replies make it misbehave on purpose."""

    received: list[Received] = field(default_factory=list)
    data_replies: list[str | None] = field(default_factory=list)  # popped per DATA; None: accept
    rcpt_replies: dict[str, list[str]] = field(
        default_factory=dict
    )  # address -> replies, popped per RCPT
    drop_on_data: int = 0  # close the connection instead of answering DATA, this many times
    rcpt_count: int = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.rcpt_count += 1
        replies = self.rcpt_replies.get(address)
        if replies:
            reply = replies.pop(0) if len(replies) > 1 else replies[0]
            if reply is not None:
                return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_on_data:
            self.drop_on_data -= 1
            server.transport.close()  # the server goes away before it says whether it took the message
            return "421 gone"
        if self.data_replies:
            reply = self.data_replies.pop(0)
            if reply is not None:
                return reply
        self.received.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                envelope.original_content or envelope.content,
            )
        )
        return "250 2.0.0 Message accepted"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USERNAME.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


@dataclass
class Server:
    controller: Controller
    handler: Handler
    port: int
    security: str
    ca_file: str | None = None

    def stop(self) -> None:
        self.controller.stop()


def start_server(
    *, security: str = "none", ca: Any = None, tmp_path: Path | None = None, auth: bool = False
) -> Server:
    handler = Handler()
    port = free_port()
    kwargs: dict[str, Any] = {}
    ca_file = None
    if security != "none":
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(server_context)
        ca_file = str(tmp_path / "test-ca.pem")
        ca.cert_pem.write_to_path(ca_file)
        if security == "ssl":
            kwargs["ssl_context"] = server_context
            kwargs["server_hostname"] = "127.0.0.1"
        else:
            kwargs["tls_context"] = server_context
            kwargs["require_starttls"] = True
    if auth:
        # aiosmtpd only knows about STARTTLS; with implicit TLS (ssl) the connection is encrypted anyway.
        kwargs.update(
            authenticator=authenticator, auth_required=True, auth_require_tls=security == "starttls"
        )
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS")
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
    return Server(controller, handler, port, security, ca_file)


def make_config(
    server: Server | None, tmp_path: Path, *, smtp: dict | None = None, delivery: dict | None = None
) -> DeliveryConfig:
    smtp_table: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": server.port if server else free_port(),
        "security": server.security if server else "none",
        "from": "临江日报简报 <briefing@example.com>",
        "to": ["编辑部 张三 <desk@example.com>"],
        "cc": ["chief@example.com"],
        "bcc": ["archive@example.com"],
        "timeout": 5,
    }
    if server and server.ca_file:
        smtp_table["ca_file"] = server.ca_file
    smtp_table.update(smtp or {})
    smtp_table = {key: value for key, value in smtp_table.items() if value is not None}
    delivery_table = {
        "ledger": str(tmp_path / "state" / "ledger.sqlite3"),
        "backoff": 0.01,
        "retries": 3,
        "lock_timeout": 0.3,
    }
    delivery_table.update(delivery or {})
    return DeliveryConfig(
        smtp=parse_smtp(smtp_table, source="test"),
        delivery=parse_delivery(delivery_table, source="test"),
        build=BuildConfig(),
        source="test",
    )


def small_briefing(source: Any = "issue.txt", **_: Any) -> Briefing:
    entry = Entry(
        article_id="a1",
        title="青川区新建三座口袋公园",
        summary="青川区今年将新建三座口袋公园，方便居民休闲。",
        topic="城乡建设",
        source="本报记者 · 第1版",
    )
    return Briefing(
        source=str(source),
        paper="临江日报",
        date="2024-03-12",
        article_count=1,
        topic_counts={"城乡建设": 1},
        sections=[Section(title="要闻", entries=[entry], kind="top")],
        keywords=["口袋公园"],
    )


def small_builder(
    source: Any, *, paper: Any = None, date: Any = None, config: Any = None
) -> Briefing:
    return small_briefing(source)


def write_issue(
    path: Path, text: str = "青川区新建三座口袋公园\n本报讯 青川区今年将新建三座口袋公园。\n"
) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def envelope_count(server: Server) -> int:
    return sum(len(r.rcpt_tos) for r in server.handler.received)


def as_nobody() -> bool:
    """In a forked child: drop root so file permissions apply (root ignores them)."""
    if os.geteuid() == 0:
        os.setgid(65534)
        os.setuid(65534)
    return True


def start_dropping_server() -> tuple[int, Any]:
    """A bare SMTP server that answers DATA with 354, reads a little, and hangs up mid-transfer."""
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                reader = conn.makefile("rb")
                conn.sendall(b"220 dropper ESMTP\r\n")
                while True:
                    line = reader.readline()
                    verb = line[:4].upper()
                    if not line or verb == b"QUIT":
                        break
                    if verb == b"DATA":
                        conn.sendall(b"354 go ahead\r\n")
                        reader.read(64)  # part of the message, then the line goes dead
                        conn.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                        break
                    conn.sendall(b"250 OK\r\n")
                reader.close()  # the socket only really closes once its file object has

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1], listener


def in_child(function: Any) -> int:
    """Run ``function`` in a forked process; its exit code, or minus the signal that killed it."""
    import traceback

    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 3
        try:
            code = int(function() or 0)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


# Fixtures shared by the delivery tests (imported by name into each test module).
@pytest.fixture
def server():
    """A plain SMTP server on localhost, stopped after the test."""
    server = start_server()
    yield server
    server.stop()


@pytest.fixture
def issue(tmp_path):
    """A one-article issue file."""
    return write_issue(tmp_path / "issue.txt")
