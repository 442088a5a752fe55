"""Scanned e-paper pages: OCR accuracy against the gold, and speed and peak memory beside the
text-layer path on the same pages.

    python benchmarks/bench_ocr.py [DIR] [--pages N] [--baseline] [--json OUT]

DIR (default ../shared/corpus/epaper) holds page PDFs with ``*.gold.json`` beside them. Each page
is scanned into a temporary folder (``briefing.ocr.scan``: grey at 150 dpi, tilted by a few tenths
of a degree, JPEG-compressed, saved as an image-only PDF and as a PNG); nothing is written
elsewhere. Each path runs in its own process (peak memory is that process's), with a fresh OCR
cache; the PDF is read first, so its time is the OCR's, and the PNG of the same scan is then read
from the cache. Model load is timed apart. ``--baseline`` also times rapidocr's own defaults on
the first page. Quote the machine load (``uptime``) beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _scan(pages: list[Path], folder: Path) -> list[tuple[Path, Path]]:
    from briefing.evaluate.ocr import ANGLES
    from briefing.ocr.scan import ScanSettings, scan_page

    return [
        scan_page(pdf, folder, settings=ScanSettings(angle=ANGLES[i % len(ANGLES)]))
        for i, pdf in enumerate(pages)
    ]


def child(mode: str, pages: list[str], originals: list[str]) -> dict:
    """Read ``pages`` one at a time; per page: seconds (wall, CPU) and the scores."""
    from dataclasses import asdict

    from briefing.evaluate.ocr import score_scanned
    from briefing.read.layout.pdf import read_pdf_issue

    load = 0.0
    if mode == "ocr":
        from briefing.ocr.engine import get_engine

        start = time.perf_counter()
        get_engine()
        load = time.perf_counter() - start
    out = []
    for page, original in zip(pages, originals):
        wall, cpu = time.perf_counter(), time.process_time()
        read = read_pdf_issue([Path(page)], source=page)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        score = score_scanned(Path(page), Path(original), read=read)
        out.append({**asdict(score), "seconds": round(wall, 2), "cpu_seconds": round(cpu, 2)})
        print(
            json.dumps({"mode": mode, **out[-1], "load": os.getloadavg()}, ensure_ascii=False),
            file=sys.stderr,
            flush=True,
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": mode,
        "model_load_seconds": round(load, 2),
        "peak_mb": round(peak),
        "pages": out,
    }


def baseline(png: Path) -> dict:
    """rapidocr's own defaults on one page image: what the issue's 51 s per page was measured with."""
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()
    wall, cpu = time.perf_counter(), time.process_time()
    result, _ = engine(str(png))
    return {
        "mode": "rapidocr-defaults",
        "seconds": round(time.perf_counter() - wall, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "lines": len(result or []),
    }


def _run(args: list[str], env: dict) -> dict:
    """One child process; its per-page lines go to standard error as they come."""
    done = subprocess.run(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    if done.returncode:
        raise SystemExit(f"{args[1]} failed (exit {done.returncode})")
    return json.loads(done.stdout.splitlines()[-1])


def _summary(result: dict) -> dict:
    from briefing.evaluate.ocr import ScannedScore, summarise

    pages = result["pages"]
    scores = [
        ScannedScore(**{k: v for k, v in p.items() if k not in ("seconds", "cpu_seconds")})
        for p in pages
    ]
    return {
        **summarise(scores),
        "seconds_per_page": round(sum(p["seconds"] for p in pages) / len(pages), 2),
        "cpu_seconds_per_page": round(sum(p["cpu_seconds"] for p in pages) / len(pages), 2),
        "peak_mb": result["peak_mb"],
        "model_load_seconds": result["model_load_seconds"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "epaper",
    )
    parser.add_argument("--pages", type=int, default=0, help="Only the first N pages (0: all).")
    parser.add_argument(
        "--baseline", action="store_true", help="Also time rapidocr's defaults on the first page."
    )
    parser.add_argument("--json", type=Path, help="Write every figure here.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, pages, originals = args.child
        result = (
            baseline(Path(pages))
            if mode == "baseline"
            else child(mode, pages.split(os.pathsep), originals.split(os.pathsep))
        )
        print(json.dumps(result, ensure_ascii=False))
        return
    originals = sorted(
        p for p in args.folder.glob("*.pdf") if p.with_suffix(".gold.json").is_file()
    )
    if args.pages:
        originals = originals[: args.pages]
    if not originals:
        raise SystemExit(f"{args.folder}: no *.pdf with a *.gold.json beside it")
    with tempfile.TemporaryDirectory() as tmp:
        scans = _scan(originals, Path(tmp) / "scans")
        env = {**os.environ, "BRIEFING_CACHE_DIR": str(Path(tmp) / "cache")}
        names = os.pathsep.join(str(p) for p in originals)
        report = {"load": os.getloadavg(), "cpus": len(os.sched_getaffinity(0))}
        if args.baseline:
            report["baseline"] = _run(["--child", "baseline", str(scans[0][1]), ""], env)
            print(json.dumps(report["baseline"]), file=sys.stderr, flush=True)
        report["text_layer"] = _run(["--child", "text", names, names], env)
        report["ocr_pdf"] = _run(
            ["--child", "ocr", os.pathsep.join(str(pdf) for pdf, _ in scans), names], env
        )
        report["ocr_png_cached"] = _run(
            ["--child", "ocr", os.pathsep.join(str(png) for _, png in scans), names], env
        )
        report["load_after"] = os.getloadavg()
    summary = {k: _summary(v) for k, v in report.items() if isinstance(v, dict) and "pages" in v}
    print(
        json.dumps(
            {
                "load": report["load"],
                "load_after": report["load_after"],
                "cpus": report["cpus"],
                **summary,
                **({"baseline": report["baseline"]} if "baseline" in report else {}),
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
