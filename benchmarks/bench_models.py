"""Default summarizer vs a real chat model through each installed backend, on the same dev articles.

    python benchmarks/bench_models.py [--n 50] [--n-transformers 10] [--systems default,llamacpp,server,transformers]

Items: the first N Sohu articles of ``../shared/corpus/titles/sogoucs-dev.jsonl`` with the
headline withheld from the input and used as a (weak) reference, as ``briefing eval summaries``
does. The model is Qwen2.5-Coder-0.5B-Instruct Q4_K_M (``scripts/fetch_qwen_gguf.py``).
Each system runs in its own process so peak memory is its own. Reported per system: ROUGE-1/2/L
(characters) of the final summaries against the headlines, the share of model outputs that
passed the vetting (guard, budget, language, support), fallbacks, guard pass of the final
summaries, load seconds, seconds per article, and peak memory (RSS; the server's own for
``server``). Ratios are against ``default`` measured in the same run; ``transformers`` may run
on fewer articles (it is slow on a CPU), and then ``default`` is scored on the same subset too.
"""

from __future__ import annotations

import argparse
from collections import Counter
import importlib.util
import json
import os
import resource
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SYSTEMS = {
    "default": "extractive",
    "llamacpp": "qwen2.5-0.5b-gguf",
    "server": "<llama.cpp server>",
    "transformers": "qwen2.5-0.5b-gguf-transformers",
}


def load_items(n: int) -> list[dict]:
    path = CORPUS / "titles" / "sogoucs-dev.jsonl"
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return [{"id": r["id"], "text": r["text"], "reference": r["title"]} for r in rows[:n]]


def fetch_gguf() -> Path:
    from briefing.backends.cards import find_card

    spec = importlib.util.spec_from_file_location(
        "fetch_qwen_gguf", ROOT / "scripts" / "fetch_qwen_gguf.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    card = find_card("qwen2.5-0.5b-gguf")
    return module.fetch(card.path(card.file), quiet=True)


def peak_rss_mb(pid: int | None = None) -> float:
    if pid is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_server(gguf: Path, threads: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        # llama_cpp.server with the extra CPU buffer types off (briefing/backends/serve_llamacpp.py)
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
            "--n_threads",
            str(threads),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 180
    while True:
        try:
            urllib.request.urlopen(f"{base}/models", timeout=2).read()
            return server, base
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit("llama_cpp.server did not start")
            time.sleep(1)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run_one(system: str, n: int, max_chars: int, threads: int) -> dict:
    """Run one system in this process and return its outputs and costs."""
    from dataclasses import replace

    from briefing.backends.adapters import ModelSummarizer
    from briefing.backends.cards import find_card, parse_card
    from briefing.registry import summarizers
    from briefing.evaluate.summaries import item_article

    items = load_items(n)
    articles = [item_article(item, with_title=False) for item in items]
    server = None
    started = time.perf_counter()
    if system == "default":
        component = summarizers.resolve("extractive")
    elif system == "server":
        server, base = start_server(fetch_gguf(), threads)
        card = parse_card(
            {
                "name": "llamacpp-server",
                "backend": "openai",
                "base_url": base,
                "model": "qwen2.5-0.5b",
                "timeout": 300.0,
                "concurrency": 1,
                "generation": {"max_new_tokens": 120, "temperature": 0.0},
            },
            source="<bench>",
        )
        component = ModelSummarizer(card=card)
        component.warm_up()
    else:
        fetch_gguf()
        card = replace(find_card(SYSTEMS[system]), threads=threads)
        component = ModelSummarizer(card=card)
        component.warm_up()
    loaded = time.perf_counter()
    try:
        summaries = component.summarize(articles, max_chars=max_chars)
        done = time.perf_counter()
        memory = peak_rss_mb(server.pid) if server else peak_rss_mb()
    finally:
        if server:
            stop(server)
    return {
        "system": system,
        "n": len(items),
        "load_s": round(loaded - started, 1),
        "s_per_article": round((done - loaded) / max(len(items), 1), 3),
        "peak_mb": round(memory),
        "summaries": [s.to_dict() for s in summaries],
    }


def score(result: dict, max_chars: int) -> dict:
    from briefing.evaluate.summaries import is_full_sentence, item_article, rouge_l, rouge_n
    from briefing.provenance import reason_kind
    from briefing.records import Summary
    from briefing.summarize.guard import check_summary

    items = load_items(result["n"])
    texts = [s["text"] for s in result["summaries"]]
    methods = [s["method"] for s in result["summaries"]]
    refs = [item["reference"] for item in items]
    articles = [item_article(item, with_title=False) for item in items]
    model_used = [m.startswith("model:") for m in methods]
    mean = lambda values: round(sum(values) / len(values), 4) if values else None  # noqa: E731
    return {
        "system": result["system"],
        "n": result["n"],
        "rouge1": mean([rouge_n(t, r, 1).f1 for t, r in zip(texts, refs)]),
        "rouge2": mean([rouge_n(t, r, 2).f1 for t, r in zip(texts, refs)]),
        "rougeL": mean([rouge_l(t, r).f1 for t, r in zip(texts, refs)]),
        "model_rougeL": mean([rouge_l(t, r).f1 for t, r, u in zip(texts, refs, model_used) if u]),
        "vetted_pass": mean([float(u) for u in model_used])
        if not result["system"].startswith("default")
        else None,
        "fallbacks": sum(1 for m in methods if m == "extractive-fallback"),
        "reasons": "; ".join(
            f"{k} x{n}"
            for k, n in Counter(
                reason_kind(s.get("reason"))
                for s in result["summaries"]
                if s["method"] == "extractive-fallback"
            ).most_common(3)
        )
        or None,
        # a Summary, so that its opening (who argues or writes) is not checked against the text
        "guard": mean(
            [
                float(check_summary(Summary.from_dict(s), a).ok)
                for s, a in zip(result["summaries"], articles)
            ]
        ),
        "budget": mean([float(len(t) <= max_chars) for t in texts]),
        "full_sentence": mean([float(is_full_sentence(t)) for t in texts]),
        "mean_chars": mean([len(t) for t in texts]),
        "load_s": result["load_s"],
        "s_per_article": result["s_per_article"],
        "peak_mb": result["peak_mb"],
    }


def available(system: str) -> str | None:
    """Why ``system`` cannot run here, or None."""
    need = {
        "llamacpp": ["llama_cpp"],
        "server": ["llama_cpp", "uvicorn"],
        "transformers": ["torch", "transformers", "gguf"],
    }
    for module in need.get(system, []):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n", type=int, default=50, help="articles for default, llamacpp and server"
    )
    parser.add_argument(
        "--n-transformers", type=int, default=10, help="articles for transformers (slow on a CPU)"
    )
    parser.add_argument("--systems", default="default,llamacpp,server,transformers")
    parser.add_argument("--max-chars", type=int, default=90)
    parser.add_argument("--threads", type=int, default=2, help="CPU threads for the model")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument(
        "--save", type=Path, help="write the raw results (summaries included) here as JSON"
    )
    args = parser.parse_args()
    if args.one:
        n = args.n_transformers if args.one == "transformers" else args.n
        print(json.dumps(run_one(args.one, n, args.max_chars, args.threads), ensure_ascii=False))
        return
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS} is absent: this benchmark measures on the shared corpus")
    rows, raw = [], []
    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]
    if "transformers" in wanted and args.n_transformers != args.n and "default" in wanted:
        wanted.insert(wanted.index("default") + 1, "default@transformers")
    for system in wanted:
        name, _, subset = system.partition("@")
        why = available(name)
        if why:
            print(f"{system}: skipped ({why})", file=sys.stderr)
            continue
        n = args.n_transformers if (name == "transformers" or subset == "transformers") else args.n
        command = [
            sys.executable,
            __file__,
            "--one",
            name,
            "--n",
            str(n),
            "--n-transformers",
            str(n),
            "--max-chars",
            str(args.max_chars),
            "--threads",
            str(args.threads),
        ]
        print(f"running {system} on {n} articles ...", file=sys.stderr)
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env={**os.environ, "TOKENIZERS_PARALLELISM": "false"},
        )
        if done.returncode != 0:
            print(f"{system}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["system"] = system
        raw.append(result)
        rows.append(score(result, args.max_chars))
    if args.save:
        args.save.write_text(json.dumps(raw, ensure_ascii=False, indent=1), encoding="utf-8")
    print_table(rows)


def print_table(rows: list[dict]) -> None:
    if not rows:
        return
    keys = [k for k in rows[0] if k not in ("system", "reasons")]
    width = max(len(r["system"]) for r in rows) + 2
    print("system".ljust(width) + " ".join(f"{k:>13}" for k in keys))
    for row in rows:
        cells = [
            "-" if row[k] is None else f"{row[k]:g}" if isinstance(row[k], float) else str(row[k])
            for k in keys
        ]
        print(row["system"].ljust(width) + " ".join(f"{c:>13}" for c in cells))
    for row in rows:
        if row.get("reasons"):
            print(f"{row['system']} fallback reasons: {row['reasons']}")
    base = {r["n"]: r for r in rows if r["system"].startswith("default")}
    print("\nratios against default on the same articles (rougeL, s/article, peak memory):")
    for row in rows:
        ref = base.get(row["n"])
        if ref is None or row is ref:
            continue
        ratio = lambda k: f"{row[k] / ref[k]:.2f}x" if ref[k] else "-"  # noqa: E731
        print(
            f"  {row['system']}: rougeL {ratio('rougeL')}, time {ratio('s_per_article')}, memory {ratio('peak_mb')}"
        )


if __name__ == "__main__":
    main()
