"""Faults on the way to the server: 4xx retried, 5xx final, refused recipients, dropped connections."""

from __future__ import annotations

import pytest

from briefing.deliver import DeliveryError, send_issue
from briefing.deliver.ledger import read_history

from deliver_helpers import (
    envelope_count,
    make_config,
    small_builder,
    start_dropping_server,
)


def test_451_then_250_is_retried_and_sent_once(server, tmp_path, issue):
    server.handler.data_replies = ["451 4.3.0 Temporary local problem, try again"]
    delays: list[float] = []
    config = make_config(server, tmp_path)
    outcome = send_issue(issue, config=config, builder=small_builder, sleep=delays.append)
    assert outcome.status == "sent" and outcome.attempts == 2 and delays == [0.01]
    assert len(server.handler.received) == 1 and envelope_count(server) == 3
    assert [row.status for row in read_history(config.delivery.ledger)] == ["sent"]


def test_4xx_retries_are_bounded_with_growing_backoff(server, tmp_path, issue):
    server.handler.data_replies = ["451 4.3.0 busy"] * 10
    delays: list[float] = []
    config = make_config(
        server, tmp_path, delivery={"retries": 2, "backoff": 1.0, "backoff_max": 1.5}
    )
    outcome = send_issue(issue, config=config, builder=small_builder, sleep=delays.append)
    assert outcome.status == "failed" and outcome.attempts == 3 and delays == [1.0, 1.5]
    assert "451" in outcome.error and not server.handler.received
    assert read_history(config.delivery.ledger)[0].status == "failed"


def test_550_fails_at_once_recorded_failed_and_retried_by_the_next_job(server, tmp_path, issue):
    server.handler.data_replies = ["550 5.7.1 Message rejected as spam"]
    config = make_config(server, tmp_path)
    outcome = send_issue(
        issue, config=config, builder=small_builder, sleep=lambda s: pytest.fail("no retry on 5xx")
    )
    assert outcome.status == "failed" and outcome.attempts == 1 and "550 5.7.1" in outcome.error
    with pytest.raises(DeliveryError, match="not delivered: 550"):
        outcome.raise_for_status()
    (row,) = read_history(config.delivery.ledger)
    assert row.status == "failed" and row.accepted == []
    # A failed send is never counted as sent: the next run sends.
    assert send_issue(issue, config=config, builder=small_builder).status == "sent"
    assert len(server.handler.received) == 1


def test_partial_acceptance_is_reported_per_recipient(server, tmp_path, issue):
    server.handler.rcpt_replies = {"chief@example.com": ["550 5.1.1 No such user"]}
    config = make_config(server, tmp_path)
    outcome = send_issue(issue, config=config, builder=small_builder)
    assert outcome.status == "partial"
    assert sorted(outcome.accepted) == ["archive@example.com", "desk@example.com"]
    assert outcome.refused == {"chief@example.com": "550 5.1.1 No such user"}
    with pytest.raises(
        DeliveryError, match="delivered to 2 of 3 recipients: chief@example.com refused: 550"
    ):
        outcome.raise_for_status()
    assert read_history(config.delivery.ledger)[0].status == "partial"
    # The next run sends only to the one who did not get it.
    server.handler.rcpt_replies = {}
    again = send_issue(issue, config=config, builder=small_builder)
    assert again.status == "sent" and again.recipients == ["chief@example.com"]
    assert server.handler.received[-1].rcpt_tos == ["chief@example.com"]


def test_greylisted_recipient_is_retried_alone_with_the_same_message_id(server, tmp_path, issue):
    server.handler.rcpt_replies = {
        "chief@example.com": ["450 4.2.0 Greylisted, come back later", None]
    }
    config = make_config(server, tmp_path)
    outcome = send_issue(issue, config=config, builder=small_builder, sleep=lambda s: None)
    assert outcome.status == "sent" and outcome.attempts == 2
    first, second = server.handler.received
    assert sorted(first.rcpt_tos) == ["archive@example.com", "desk@example.com"]
    assert second.rcpt_tos == ["chief@example.com"]
    assert first.message["Message-ID"] == second.message["Message-ID"] == outcome.message_id


def test_connection_dropped_before_the_data_reply_is_retried(server, tmp_path, issue):
    server.handler.drop_on_data = 1
    config = make_config(server, tmp_path)
    outcome = send_issue(issue, config=config, builder=small_builder, sleep=lambda s: None)
    assert outcome.status == "sent" and outcome.attempts == 2
    assert len(server.handler.received) == 1


def test_connection_dropped_mid_data_every_time_fails_cleanly(tmp_path, issue):
    port, listener = start_dropping_server()
    try:
        config = make_config(
            None, tmp_path, smtp={"port": port}, delivery={"retries": 2, "attach": ["docx"]}
        )
        outcome = send_issue(issue, config=config, builder=small_builder, sleep=lambda s: None)
    finally:
        listener.close()
    assert outcome.status == "failed" and outcome.attempts == 3
    assert "connection" in outcome.error.lower() or "disconnect" in outcome.error.lower()
    assert read_history(config.delivery.ledger)[0].status == "failed"


def test_connection_refused_is_transient_then_fails(tmp_path, issue):
    config = make_config(None, tmp_path, delivery={"retries": 1})
    outcome = send_issue(issue, config=config, builder=small_builder, sleep=lambda s: None)
    assert (
        outcome.status == "failed" and outcome.attempts == 2 and "refused" in outcome.error.lower()
    )
