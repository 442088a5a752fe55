"""`briefing models --check NAME`: one real, short generation in a child process, with a timeout.

A static check (file present, package importable) says nothing about whether the model runs:
a llama.cpp build with kernels the CPU cannot run dies at the first generation. The probe loads
the card and generates a few tokens in a child process (``python -m briefing.backends.probe``),
so a native crash or a hang is reported instead of taking the caller down.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import asdict, dataclass

from .llamacpp import crash_advice, describe_exit

PROMPT = "用一句话介绍你自己。"
MAX_NEW_TOKENS = 16
DEFAULT_TIMEOUT = 180.0


@dataclass
class ProbeResult:
    card: str
    status: str  # "ok", "crash", "timeout" or "error"
    detail: str
    seconds: float

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def line(self) -> str:
        return f"{self.status:<7} {self.card}: {self.detail} ({self.seconds:.1f} s)"


def generate_once(name: str) -> str:
    """Load the card and generate a few tokens, in this process (the child's side of the probe)."""
    from ..registry import backend_for, card_named

    card = card_named(name)
    backend = backend_for(card)
    backend.check()
    if card.backend == "llamacpp":  # in this very process: the child is the isolation
        from .llamacpp import chat, load_llama

        return chat(
            load_llama(card),
            [{"role": "user", "content": PROMPT}],
            card.generation_options(max_new_tokens=MAX_NEW_TOKENS),
        )
    backend.warm_up()
    request = [{"role": "user", "content": PROMPT}] if backend.chat else PROMPT
    (generation,) = backend.generate([request], max_new_tokens=MAX_NEW_TOKENS)
    if generation.error:
        raise RuntimeError(generation.error)
    return generation.text


def probe(name: str, *, timeout: float = DEFAULT_TIMEOUT) -> ProbeResult:
    """Run :func:`generate_once` for card ``name`` in a child process and say how it went."""
    from ..registry import card_named

    card = card_named(name)  # an unknown card is a ConfigError here, in the caller
    started = time.monotonic()
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "briefing.backends.probe",
                card.source if card.source != "<card>" else name,
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return ProbeResult(
            card.name, "timeout", f"no answer within {timeout:g} s", time.monotonic() - started
        )
    seconds = time.monotonic() - started
    if done.returncode < 0 or done.returncode >= 128:
        code = done.returncode if done.returncode < 0 else -(done.returncode - 128)
        advice = (
            crash_advice(card) if card.backend == "llamacpp" else "the backend's native code failed"
        )
        return ProbeResult(
            card.name, "crash", f"the model process was {describe_exit(code)}; {advice}", seconds
        )
    try:
        answer = json.loads(done.stdout.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return ProbeResult(card.name, "error", f"exit status {done.returncode}: {last}", seconds)
    if answer.get("error"):
        return ProbeResult(card.name, "error", answer["error"], seconds)
    return ProbeResult(card.name, "ok", f"generated {answer['text'][:40]!r}", seconds)


def main() -> None:
    """The child process's side: one JSON line on standard output is its answer to the parent."""
    try:
        text = generate_once(sys.argv[1])
    except Exception as exc:  # reported by the parent as one line
        sys.stdout.write(
            json.dumps({"error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False) + "\n"
        )
        return
    sys.stdout.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()


__all__ = ["ProbeResult", "asdict", "probe"]
