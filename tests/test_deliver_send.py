"""End-to-end sends to a real SMTP server on localhost: STARTTLS / SSL with a test CA, AUTH,
the message's structure and encoding, attachments, escaping, the ledger's view."""

from __future__ import annotations

import io
import json
import logging
import sqlite3
import zipfile

import pytest
import trustme

from briefing.deliver import send_issue
from briefing.deliver.ledger import read_history
from briefing.deliver.message import build_message, render_subject
from briefing.errors import ConfigError

from deliver_helpers import (
    PASSWORD,
    USERNAME,
    make_config,
    small_briefing,
    small_builder,
    start_server,
    write_issue,
)

# The SSL test server requires AUTH without aiosmtpd seeing STARTTLS; its warning is about that.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture
def starttls_server(ca, tmp_path):
    server = start_server(security="starttls", ca=ca, tmp_path=tmp_path, auth=True)
    yield server
    server.stop()


@pytest.fixture
def plain_server():
    server = start_server()
    yield server
    server.stop()


@pytest.fixture
def auth_env(monkeypatch):
    monkeypatch.setenv("BRIEFING_TEST_SMTP_PASSWORD", PASSWORD)
    return {"username": USERNAME, "password_env": "BRIEFING_TEST_SMTP_PASSWORD"}


def test_starttls_auth_real_pipeline(starttls_server, tmp_path, auth_env, caplog):
    caplog.set_level(logging.DEBUG)
    issue = tmp_path / "issue.jsonl"
    articles = [
        {
            "id": "x1",
            "title": "临江市召开防汛工作会议",
            "text": "本报讯 临江市召开防汛工作会议，部署今年汛期各项准备工作。会议要求各区县压实责任。",
        },
        {
            "id": "x2",
            "title": "<script>alert('x')</script>云溪县茶叶开采",
            "text": "云溪县春茶开采，<img src=x onerror=alert(1)>茶农忙着采摘。今年茶叶产量预计增长一成。",
        },
    ]
    issue.write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in articles), encoding="utf-8"
    )
    config = make_config(
        starttls_server, tmp_path, smtp=auth_env, delivery={"attach": ["docx", "md"]}
    )
    outcome = send_issue(issue, config=config, paper="临江日报", date="2024-03-12")

    assert outcome.status == "sent", outcome
    assert sorted(outcome.accepted) == [
        "archive@example.com",
        "chief@example.com",
        "desk@example.com",
    ]
    (got,) = starttls_server.handler.received
    assert sorted(got.rcpt_tos) == sorted(outcome.accepted)
    msg = got.message
    assert msg["Subject"] == "临江日报 每日简报 2024-03-12"
    assert (
        b"=?utf-8?" in got.content.split(b"\r\n\r\n")[0]
    )  # the raw header is RFC 2047 encoded, not 8-bit
    assert msg["From"].addresses[0].display_name == "临江日报简报"
    assert msg["To"].addresses[0].display_name == "编辑部 张三"
    assert "archive@example.com" not in got.content.decode("ascii", "replace")  # Bcc: envelope only
    assert msg["Message-ID"] == outcome.message_id and msg["Date"]

    assert msg.get_content_type() == "multipart/mixed"
    alternative, *attachments = msg.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    text, html = alternative.iter_parts()
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    assert "临江市召开防汛工作会议" in text.get_content()
    body = html.get_content()
    assert (
        "<script>" not in body and "<img src=x" not in body
    )  # escaped by the renderer, still so in the mail
    assert "&lt;script&gt;" in body

    by_type = {part.get_content_type(): part for part in attachments}
    docx = by_type["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
    assert docx.get_filename() == "临江日报-2024-03-12-简报.docx"
    with zipfile.ZipFile(io.BytesIO(docx.get_content())) as archive:
        assert "word/document.xml" in archive.namelist()
        assert "防汛" in archive.read("word/document.xml").decode("utf-8")
    markdown = by_type["text/markdown"]
    assert "临江市召开防汛工作会议" in markdown.get_content()

    (row,) = read_history(config.delivery.ledger)
    assert row.status == "sent" and row.message_id == outcome.message_id
    assert PASSWORD not in caplog.text
    assert PASSWORD.encode() not in config.delivery.ledger.read_bytes()


def test_ssl_and_second_run_sends_nothing(ca, tmp_path, auth_env):
    server = start_server(security="ssl", ca=ca, tmp_path=tmp_path, auth=True)
    try:
        issue = write_issue(tmp_path / "issue.txt")
        config = make_config(server, tmp_path, smtp=auth_env)
        assert send_issue(issue, config=config, builder=small_builder).status == "sent"
        again = send_issue(issue, config=config, builder=small_builder)
        assert again.status == "skipped" and "already sent" in again.note
        assert len(server.handler.received) == 1
        forced = send_issue(issue, config=config, builder=small_builder, force=True)
        assert forced.status == "sent" and len(server.handler.received) == 2
        # A test send to one address does not count as delivery to the list, and vice versa.
        other = send_issue(issue, config=config, builder=small_builder, to=["me@example.com"])
        assert other.status == "sent" and server.handler.received[-1].rcpt_tos == ["me@example.com"]
    finally:
        server.stop()


def test_certificate_is_verified(ca, tmp_path, auth_env):
    server = start_server(security="starttls", ca=ca, tmp_path=tmp_path, auth=True)
    try:
        issue = write_issue(tmp_path / "issue.txt")
        config = make_config(
            server, tmp_path, smtp={**auth_env, "ca_file": None}, delivery={"retries": 0}
        )
        # Without the test CA the certificate cannot be verified: fail at once, nothing sent.
        outcome = send_issue(issue, config=config, builder=small_builder)
        assert outcome.status == "failed" and "certificate" in outcome.error.lower()
        assert outcome.attempts == 1 and not server.handler.received
        unverified = make_config(
            server, tmp_path, smtp={**auth_env, "ca_file": None, "verify": False}
        )
        assert send_issue(issue, config=unverified, builder=small_builder).status == "sent"
    finally:
        server.stop()


def test_wrong_password_fails_at_once_without_echoing_it(
    starttls_server, tmp_path, monkeypatch, caplog
):
    monkeypatch.setenv("BRIEFING_TEST_SMTP_PASSWORD", "wrong-" + PASSWORD)
    config = make_config(
        starttls_server,
        tmp_path,
        smtp={"username": USERNAME, "password_env": "BRIEFING_TEST_SMTP_PASSWORD"},
    )
    outcome = send_issue(write_issue(tmp_path / "issue.txt"), config=config, builder=small_builder)
    assert outcome.status == "failed" and outcome.attempts == 1
    assert "535" in outcome.error and PASSWORD not in outcome.error and PASSWORD not in caplog.text
    assert read_history(config.delivery.ledger)[0].status == "failed"


def test_missing_password_variable_is_a_config_error(starttls_server, tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFING_TEST_SMTP_PASSWORD", raising=False)
    config = make_config(
        starttls_server,
        tmp_path,
        smtp={"username": USERNAME, "password_env": "BRIEFING_TEST_SMTP_PASSWORD"},
    )
    with pytest.raises(ConfigError, match="BRIEFING_TEST_SMTP_PASSWORD is not set"):
        send_issue(write_issue(tmp_path / "issue.txt"), config=config, builder=small_builder)
    assert not starttls_server.handler.received


def test_dry_run_writes_eml_and_touches_nothing(plain_server, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_TEST_SMTP_PASSWORD", PASSWORD)
    config = make_config(plain_server, tmp_path)
    issue = write_issue(tmp_path / "issue.txt")
    outcome = send_issue(issue, config=config, builder=small_builder, dry_run=True)
    assert outcome.eml_path == tmp_path / "issue.eml"
    data = outcome.eml_path.read_bytes()
    assert b"\r\n" in data and PASSWORD.encode() not in data
    assert not plain_server.handler.received and not config.delivery.ledger.exists()


def test_subject_template_and_missing_parts():
    briefing = small_briefing()
    assert render_subject("{paper} 每日简报 {date}", briefing) == "临江日报 每日简报 2024-03-12"
    briefing.paper = None
    assert render_subject("{paper} 每日简报 {date}", briefing) == "每日简报 2024-03-12"
    assert render_subject("简报({articles}篇)", briefing) == "简报(1篇)"
    msg = build_message(small_briefing(), sender="a@example.com", to=["b@example.com"])
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]


def test_ledger_rows_are_private(plain_server, tmp_path):
    config = make_config(plain_server, tmp_path)
    send_issue(write_issue(tmp_path / "issue.txt"), config=config, builder=small_builder)
    assert config.delivery.ledger.stat().st_mode & 0o077 == 0
    with sqlite3.connect(config.delivery.ledger) as db:
        (status,) = db.execute("SELECT status FROM sends").fetchone()
    assert status == "sent"
