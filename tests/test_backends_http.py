"""The OpenAI-compatible backend against a small chat-completions server started on localhost."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefing import registry
from briefing.backends.adapters import (
    FALLBACK_SUMMARY,
    FALLBACK_TOPIC,
    ModelClassifier,
    ModelSummarizer,
)
from briefing.backends.cards import parse_card
from briefing.backends.openai_http import OpenAIBackend
from briefing.backends.prompts import CLOSE, OPEN
from briefing.errors import ConfigError
from briefing.records import Article
from briefing.summarize import check_summary

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def sample_articles(n: int) -> list[Article]:
    rows = [
        json.loads(line)
        for line in (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [Article(id=r["id"], title=r.get("title"), body=r["text"].split("\n")) for r in rows[:n]]


def lead_of(body: dict) -> str:
    """A faithful answer: the article's first sentence without its dateline."""
    content = body["messages"][-1]["content"]
    article = content.rsplit(OPEN, 1)[1].split(CLOSE, 1)[0]
    lines = [line for line in article.strip().splitlines() if not line.startswith("标题：")]
    first = lines[0].split("。")[0] + "。"
    return first.split(")", 1)[-1] if first.startswith("本报") else first


class ChatServer:
    """Answers /v1/models and /v1/chat/completions; ``script(body, count)`` picks each answer.

    The script returns (status, text, delay seconds, extra headers).
    """

    def __init__(self) -> None:
        self.count = 0
        self.bodies: list[dict] = []
        self.headers: list[dict] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        self.script = lambda body, count: (200, lead_of(body), 0.0, {})
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def send(self, status: int, payload: dict, headers: dict | None = None) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def do_GET(self) -> None:
                if self.path.endswith("/models"):
                    self.send(
                        200, {"object": "list", "data": [{"id": "test-model", "object": "model"}]}
                    )
                else:
                    self.send(404, {"error": "not found"})

            def do_POST(self) -> None:
                body = json.loads(
                    self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
                )
                with server.lock:
                    server.count += 1
                    count = server.count
                    server.bodies.append(body)
                    server.headers.append(dict(self.headers))
                    server.in_flight += 1
                    server.most_in_flight = max(server.most_in_flight, server.in_flight)
                try:
                    status, text, delay, headers = server.script(body, count)
                    if delay:
                        time.sleep(delay)
                    if status == 200:
                        payload = {
                            "id": f"c{count}",
                            "object": "chat.completion",
                            "model": body["model"],
                            "choices": [
                                {
                                    "index": 0,
                                    "message": {"role": "assistant", "content": text},
                                    "finish_reason": "stop",
                                }
                            ],
                        }
                    else:
                        payload = {"error": {"message": text or "server error"}}
                finally:
                    # Done before answering: once the answer is out, the client may send its next
                    # request before this thread would get to count this one finished.
                    with server.lock:
                        server.in_flight -= 1
                self.send(status, payload, headers)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ChatServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    registry.forget()
    with ChatServer() as running:
        yield running
    registry.forget()


def card_for(server: ChatServer, **fields):
    data = {
        "name": "local-chat",
        "backend": "openai",
        "base_url": server.url,
        "model": "test-model",
        "timeout": 5.0,
        "retries": 2,
        "backoff": 0.05,
        "concurrency": 2,
    }
    data.update(fields)
    return parse_card(data, source="<test card>")


def test_faithful_answers_pass_the_guard_and_are_used(server):
    articles = sample_articles(4)
    summarizer = ModelSummarizer(card=card_for(server))
    summaries = summarizer.summarize(articles, max_chars=90)
    assert server.count == 4
    assert server.bodies[0]["model"] == "test-model" and server.bodies[0]["temperature"] == 0.0
    used = [s for s in summaries if s.method == "model:local-chat"]
    assert used, [s.reason for s in summaries]
    for article, summary in zip(articles, summaries):
        assert check_summary(summary.text, article).ok and len(summary.text) <= 90


def test_unfaithful_answers_fall_back_to_the_extractive_summary(server):
    server.script = lambda body, count: (
        200,
        "临江市今年将新建机场3座，总投资999亿元，市长张大伟宣布。",
        0.0,
        {},
    )
    summaries = ModelSummarizer(card=card_for(server)).summarize(sample_articles(3), max_chars=90)
    for summary in summaries:
        assert summary.method == FALLBACK_SUMMARY
        assert "999" in summary.reason and summary.text


def test_server_error_then_success_is_retried(server):
    server.script = lambda body, count: (
        (500, "overloaded", 0.0, {}) if count == 1 else (200, lead_of(body), 0.0, {})
    )
    summarizer = ModelSummarizer(card=card_for(server, concurrency=1))
    (summary,) = summarizer.summarize(sample_articles(1), max_chars=90)
    assert server.count == 2 and summarizer.backend.requests == 2
    assert summary.method in ("model:local-chat", FALLBACK_SUMMARY)
    assert "HTTP 500" not in (summary.reason or "")


def test_rate_limit_honours_retry_after_and_client_errors_are_not_retried(server):
    server.script = lambda body, count: (
        (429, "slow down", 0.0, {"Retry-After": "0"})
        if count == 1
        else (200, lead_of(body), 0.0, {})
    )
    backend = OpenAIBackend(card_for(server, concurrency=1))
    (generation,) = backend.generate(
        [[{"role": "user", "content": f"{OPEN}\n今天天气晴。\n{CLOSE}"}]]
    )
    assert generation.error is None and server.count == 2
    server.count = 0
    server.script = lambda body, count: (400, "bad request", 0.0, {})
    (generation,) = backend.generate([[{"role": "user", "content": "x"}]])
    assert server.count == 1 and "HTTP 400" in generation.error


def test_timeouts_are_retried_a_bounded_number_of_times_then_fall_back(server):
    server.script = lambda body, count: (200, lead_of(body), 1.0, {})
    summarizer = ModelSummarizer(card=card_for(server, timeout=0.2, retries=1, concurrency=1))
    started = time.monotonic()
    (summary,) = summarizer.summarize(sample_articles(1), max_chars=90)
    assert time.monotonic() - started < 3.0
    assert server.count == 2  # one try and one retry
    assert summary.method == FALLBACK_SUMMARY and "timed out" in summary.reason


def test_requests_run_concurrently_up_to_the_limit(server):
    server.script = lambda body, count: (200, lead_of(body), 0.2, {})
    ModelSummarizer(card=card_for(server, concurrency=3)).summarize(
        sample_articles(9), max_chars=90
    )
    assert server.count == 9
    assert 1 < server.most_in_flight <= 3


def test_api_key_comes_from_the_environment_variable_the_card_names(server, monkeypatch):
    monkeypatch.setenv("TEST_BRIEFING_KEY", "sk-test-123")
    summarizer = ModelSummarizer(card=card_for(server, api_key_env="TEST_BRIEFING_KEY"))
    summarizer.summarize(sample_articles(1), max_chars=90)
    assert server.headers[0].get("Authorization") == "Bearer sk-test-123"
    monkeypatch.delenv("TEST_BRIEFING_KEY")
    with pytest.raises(ConfigError, match="TEST_BRIEFING_KEY"):
        ModelSummarizer(
            card=card_for(server, name="other", api_key_env="TEST_BRIEFING_KEY")
        ).warm_up()


def test_zero_shot_topics_are_restricted_to_the_taxonomy(server):
    articles = sample_articles(3)
    server.script = lambda body, count: (200, "体育", 0.0, {})
    classifier = ModelClassifier(card=card_for(server))
    topics = classifier.classify(articles)
    assert [t.label for t in topics] == ["体育"] * 3 and all(
        t.method == "model:local-chat" for t in topics
    )
    server.script = lambda body, count: (200, "我认为是娱乐八卦新闻", 0.0, {})
    topics = classifier.classify(articles)
    assert all(t.method == FALLBACK_TOPIC and t.label in classifier.taxonomy.names for t in topics)


def test_server_that_goes_away_is_a_start_up_error(server):
    card = card_for(server)
    server.httpd.shutdown()
    server.httpd.server_close()
    with pytest.raises(ConfigError, match="unreachable"):
        ModelSummarizer(card=card).warm_up()
    server.httpd = ThreadingHTTPServer(
        ("127.0.0.1", 0), server.httpd.RequestHandlerClass
    )  # for the fixture's exit
    threading.Thread(target=server.httpd.serve_forever, daemon=True).start()


def die_after(server: ChatServer, answered: int):
    """A script that answers ``answered`` requests, then the server process is gone: the next
    request's connection drops and later ones are refused."""

    def script(body, count):
        if count <= answered:
            return 200, lead_of(body), 0.0, {}

        def stop() -> None:
            server.httpd.shutdown()
            server.httpd.server_close()

        threading.Thread(target=stop, daemon=True).start()
        raise ConnectionResetError("server died")  # the handler thread ends without an answer

    return script


def write_dying_card(tmp_path: Path, server: ChatServer) -> Path:
    card = tmp_path / f"dying-{server.httpd.server_address[1]}.toml"  # one component per server
    card.write_text(
        f'name = "dying"\nbackend = "openai"\nbase_url = "{server.url}"\nmodel = "test-model"\n'
        "timeout = 2.0\nretries = 1\nbackoff = 0.01\nconcurrency = 1\nbreaker_failures = 3\n",
        encoding="utf-8",
    )
    return card


def test_circuit_breaker_stops_calling_a_server_that_died(server, caplog):
    server.script = die_after(server, 2)
    articles = sample_articles(8)
    summarizer = ModelSummarizer(
        card=card_for(server, concurrency=1, retries=1, breaker_failures=3)
    )
    with caplog.at_level("WARNING"):
        summaries = summarizer.summarize(articles, max_chars=90)
    backend = summarizer.backend
    assert backend.breaker.is_open and backend.breaker.trips == 1
    # 2 answered + 1 dropped; then 2 more failed requests (with a retry each) open the breaker,
    # and the remaining 3 articles are not sent at all.
    assert backend.requests == 2 + 3 * 2
    refused = [s for s in summaries[5:] if "circuit breaker open" in (s.reason or "")]
    assert len(refused) == 3 and all(
        s.method == FALLBACK_SUMMARY and s.model == "local-chat" for s in refused
    )
    assert any("circuit breaker open" in r.message for r in caplog.records)


def test_dead_server_run_says_so_and_require_model_exits_1(server, tmp_path):
    from typer.testing import CliRunner

    from briefing.cli import app

    source = SAMPLES / "articles.jsonl"
    server.script = die_after(server, 2)
    card = write_dying_card(tmp_path, server)
    # The titler's turn comes after the server died: its start-up check must not end the run.
    result = CliRunner().invoke(
        app, ["build", str(source), "--summarizer", str(card), "--titler", str(card), "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    lines = [
        line for line in result.stderr.splitlines() if line.startswith("briefing: model dying")
    ]
    assert len(lines) == 1 and "fell back" in lines[0] and "circuit breaker open" in lines[0], (
        result.stderr
    )
    entries = [e for s in json.loads(result.stdout)["sections"] for e in s["entries"]]
    made = {e["summary_provenance"]["method"] for e in entries}
    assert made == {"model:dying", FALLBACK_SUMMARY}

    with ChatServer() as restarted:
        restarted.script = die_after(restarted, 2)
        card = write_dying_card(tmp_path, restarted)
        out = tmp_path / "briefing.md"
        result = CliRunner().invoke(
            app,
            ["build", str(source), "--summarizer", str(card), "--require-model", "-o", str(out)],
        )
    assert result.exit_code == 1, result.stderr
    assert "--require-model" in result.stderr and not out.exists()
