"""llama.cpp runs in a worker process: a native crash is reported and falls back, never kills the run.

A stand-in ``llama_cpp`` package (written to a temporary folder) behaves like llama-cpp-python
and dies with SIGSEGV when told to, as a build with kernels the CPU cannot run does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing import registry
from briefing.backends.cards import load_card
from briefing.backends.llamacpp import LlamaCppBackend
from briefing.cli import app

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

FAKE_LLAMA = """
import os, signal
from . import llama_cpp as _native

class Llama:
    calls = 0

    def __init__(self, model_path, **options):
        self.extra_buffers = _native.llama_model_default_params().use_extra_bufts
        if os.environ.get("FAKE_LLAMA_CRASH_ON_LOAD"):
            os.kill(os.getpid(), signal.SIGSEGV)

    def create_chat_completion(self, messages, **options):
        Llama.calls += 1
        if os.environ.get("FAKE_LLAMA_HANG"):
            import time
            time.sleep(60)
        if Llama.calls > int(os.environ.get("FAKE_LLAMA_CRASH_AFTER", "1000000")):
            os.kill(os.getpid(), signal.SIGSEGV)
        return {"choices": [{"message": {"content": f"extra_buffers={self.extra_buffers}"}}]}

    def tokenize(self, data, add_bos=False):
        return list(data)

    def detokenize(self, tokens):
        return bytes(tokens)
"""
FAKE_NATIVE = """
class _Params:
    use_extra_bufts = True

def llama_model_default_params():
    return _Params()
"""


@pytest.fixture
def fake_llama(tmp_path, monkeypatch):
    package = tmp_path / "fake" / "llama_cpp"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(FAKE_LLAMA, encoding="utf-8")
    (package / "llama_cpp.py").write_text(FAKE_NATIVE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(package.parent))  # spawned workers get sys.path
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join([str(package.parent), os.environ.get("PYTHONPATH", "")])
    )
    (tmp_path / "model.gguf").write_bytes(b"GGUF")
    card = tmp_path / "fake-gguf.toml"
    card.write_text(
        'name = "fake-gguf"\nbackend = "llamacpp"\nfile = "model.gguf"\nroles = ["summarizer", "titler"]\n',
        encoding="utf-8",
    )
    registry.forget()
    yield card
    for backend in registry.loaded_backends():
        getattr(backend, "close", lambda: None)()
    registry.forget()


def test_extra_cpu_buffers_are_off_unless_the_card_asks(fake_llama):
    backend = LlamaCppBackend(load_card(fake_llama))
    (generation,) = backend.generate(["你好"])
    assert generation.text == "extra_buffers=False"
    backend.close()
    card = load_card(fake_llama)
    card.cpu_extra_buffers = True
    backend = LlamaCppBackend(card)
    assert backend.generate(["你好"])[0].text == "extra_buffers=True"
    backend.close()


def test_a_crash_in_native_code_fails_the_requests_and_trips_the_breaker(fake_llama, monkeypatch):
    monkeypatch.setenv("FAKE_LLAMA_CRASH_AFTER", "1")
    backend = LlamaCppBackend(load_card(fake_llama))
    generations = backend.generate(["一", "二", "三", "四", "五", "六"])
    assert generations[0].text and not generations[0].error
    assert (
        "llama.cpp crashed (killed by SIGSEGV)" in generations[1].error
        and "GGML_NATIVE=OFF" in generations[1].error
    )
    assert backend.breaker.is_open
    assert all("circuit breaker open" in g.error for g in generations[4:])


def test_a_crash_while_loading_is_one_line_and_exit_2(fake_llama, monkeypatch, tmp_path):
    monkeypatch.setenv("FAKE_LLAMA_CRASH_ON_LOAD", "1")
    from briefing.errors import ConfigError

    with pytest.raises(ConfigError, match="crashed loading .*SIGSEGV"):
        LlamaCppBackend(load_card(fake_llama)).warm_up()


def test_build_survives_a_crash_and_reports_the_fallbacks(fake_llama, monkeypatch):
    monkeypatch.setenv("FAKE_LLAMA_CRASH_AFTER", "1")
    result = CliRunner().invoke(
        app,
        ["build", str(SAMPLES / "articles.jsonl"), "--summarizer", str(fake_llama), "-f", "json"],
    )
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stderr.splitlines() if x.startswith("briefing: model fake-gguf"))
    assert "fell back" in line and "llama.cpp crashed" in line
    assert json.loads(result.stdout)["sections"]


@pytest.mark.parametrize(
    "crash, status",
    [(None, "ok"), ("FAKE_LLAMA_CRASH_AFTER", "crash"), ("FAKE_LLAMA_CRASH_ON_LOAD", "crash")],
)
def test_models_check_runs_a_real_generation_in_a_child(fake_llama, monkeypatch, crash, status):
    if crash:
        monkeypatch.setenv(crash, "0" if crash.endswith("AFTER") else "1")
    result = CliRunner().invoke(app, ["models", "--check", str(fake_llama), "--format", "json"])
    report = json.loads(result.stdout)
    assert report["status"] == status, report
    assert result.exit_code == (0 if status == "ok" else 1)
    if status == "crash":
        assert "SIGSEGV" in report["detail"] and "GGML_NATIVE=OFF" in report["detail"]


def test_models_check_reports_a_hang_as_a_timeout(fake_llama, monkeypatch):
    monkeypatch.setenv("FAKE_LLAMA_HANG", "1")
    result = CliRunner().invoke(app, ["models", "--check", str(fake_llama), "--timeout", "3"])
    assert result.exit_code == 1 and result.stdout.startswith("timeout") and "3 s" in result.stdout


def test_the_server_launcher_loads_without_extra_buffers(fake_llama):
    import subprocess
    import sys

    server = Path(os.environ["PYTHONPATH"].split(os.pathsep)[0]) / "llama_cpp" / "server"
    server.mkdir()
    (server / "__init__.py").write_text("", encoding="utf-8")
    # Stands in for llama_cpp.server: loads a model the way it does, and says how.
    (server / "__main__.py").write_text(
        "import sys, llama_cpp\nprint(llama_cpp.Llama(sys.argv[-1]).extra_buffers)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "briefing.backends.serve_llamacpp", "--model", "x.gguf"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
