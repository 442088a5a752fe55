"""Training the line labeller: ``briefing train-splitter``.

Sources are folders of pages with gold (``NAME.txt`` beside ``NAME.gold.json`` or
``NAME.expected.json``, see the README) and articles files (``*.jsonl``, one article a line with
``doc_id`` and ``paragraphs``). A folder given is searched for both. Articles files serve twice:
their paragraphs tell which page lines continue a paragraph cut by a column break, and
:mod:`briefing.split.render` lays their pages out again in many renderings as extra training pages.
Pages may be excluded by id (a test set kept out of the fit): see :func:`on_pages`.
"""

from __future__ import annotations

import json
import logging
import random
import string
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..read.text import read_issue
from . import DEFAULT_ITERATIONS
from .features import page_features
from .labels import GOLD_SUFFIXES, gold_labels
from .lines import page_lines
from .render import pages_of, render_page

logger = logging.getLogger(__name__)

# Sources count about alike: a source of fewer pages than this is repeated (the seed page and
# the samples five times, 82 pages of 1998 twice), at most MAX_REPEATS times.
BALANCE = 200
MAX_REPEATS = 5


@dataclass
class Example:
    """One page: the features and labels of its lines, and where it came from."""

    source: str
    name: str
    features: list[list[str]]
    labels: list[str]


def _gold_pages(folder: Path) -> list[tuple[Path, Path]]:
    found = []
    for text_path in sorted(folder.rglob("*.txt")):
        for suffix in GOLD_SUFFIXES:
            gold_path = text_path.with_name(text_path.stem + suffix)
            if gold_path.exists():
                found.append((text_path, gold_path))
                break
    return found


def find_sources(paths: list[Path]) -> tuple[dict[str, list[tuple[Path, Path]]], list[Path]]:
    """Gold page folders (name -> pages) and articles files under ``paths``."""
    folders: dict[str, list[tuple[Path, Path]]] = {}
    articles: list[Path] = []
    for root in paths:
        if not root.exists():
            raise InputError(f"{root}: no such file or folder")
        if root.is_file():
            articles.append(root)
            continue
        for text_path, gold_path in _gold_pages(root):
            name = str(text_path.parent.relative_to(root.parent))
            folders.setdefault(name, []).append((text_path, gold_path))
        articles += [p for p in sorted(root.rglob("articles*.jsonl"))]
    return folders, articles


def on_pages(name: str, pages: Collection[str]) -> bool:
    """Whether a page file's name or an article's ``doc_id`` is on one of ``pages`` (page ids):
    ``pd20191009-03.txt``, ``pd20191009-03.expected.json`` and ``20191009-03-02`` are all on page
    ``20191009-03`` (the letters a file name opens with, the paper's prefix, and all from its
    first dot are skipped)."""
    key = name.split(".", 1)[0].lstrip(string.ascii_letters)
    return any(key == page or key.startswith(page + "-") for page in pages)


def read_page_ids(values: Sequence[str]) -> frozenset[str]:
    """Page ids as ``train-splitter --exclude`` takes them: each value is a file listing ids
    separated by white space (``#`` starts a comment), or else ids separated by commas or white
    space."""
    ids: set[str] = set()
    for value in values:
        listed = value.replace(",", " ").split()
        path = Path(value)
        if len(listed) != 1 or not path.is_file():
            ids.update(listed)
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"{path}: not a list of page ids ({error})") from None
        ids.update(word for line in text.splitlines() for word in line.split("#")[0].split())
    return frozenset(ids)


def _read_records(path: Path) -> list[dict[str, Any]]:
    try:
        return [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not a JSON-lines articles file ({error})") from None


def example(
    source: str,
    name: str,
    raw_lines: list[str],
    gold: dict[str, Any],
    paragraphs: dict[str, list[str]] | None,
) -> Example:
    lines = page_lines(raw_lines)
    return Example(
        source, name, page_features(lines, raw_lines), gold_labels(lines, gold, paragraphs)
    )


def collect(
    paths: list[Path],
    *,
    renders: int = 2,
    seed: int = 13,
    exclude: Collection[str] = frozenset(),
) -> list[Example]:
    """Every training page under ``paths``: real pages with gold, and ``renders`` renderings of
    each page of each articles file; less the pages ``exclude`` names (page ids, see
    :func:`on_pages`), both their page files and the renderings of their articles."""
    folders, article_files = find_sources(paths)
    paragraphs: dict[str, list[str]] = {}
    records_by_file: dict[Path, list[dict[str, Any]]] = {}
    for path in article_files:
        records = [r for r in _read_records(path) if isinstance(r, dict) and r.get("paragraphs")]
        records_by_file[path] = records
        paragraphs.update(
            {str(r["doc_id"]): list(r["paragraphs"]) for r in records if "doc_id" in r}
        )
    examples: list[Example] = []
    for source, pages in folders.items():
        for text_path, gold_path in pages:
            if on_pages(text_path.name, exclude):
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            raw = read_issue(text_path).pages[0].lines
            examples.append(example(source, text_path.name, raw, gold, paragraphs))
    rng = random.Random(seed)
    for path, records in records_by_file.items():
        source = f"render:{path.parent.name}"
        for page in pages_of(records):
            name = f"{path.name}#{page[0].get('date')}-{page[0].get('page')}"  # the page a rendering comes from
            excluded = on_pages(str(page[0].get("doc_id", "")), exclude)
            for _ in range(renders):
                # Rendered even when excluded, so that the other pages' renderings stay the same.
                raw, gold = render_page(page, rng)
                if not excluded:
                    examples.append(example(source, name, raw, gold, paragraphs))
    if not examples:
        raise InputError(
            "no pages with gold and no articles files found under " + ", ".join(map(str, paths))
        )
    return examples


def train(
    examples: list[Example],
    output: Path,
    *,
    iterations: int = DEFAULT_ITERATIONS,
    c1: float = 0.05,
    c2: float = 0.01,
) -> dict[str, Any]:
    """Fit a CRF on ``examples`` and write it to ``output``; returns a summary."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    sizes: dict[str, int] = {}
    for item in examples:
        sizes[item.source] = sizes.get(item.source, 0) + 1
    for item in examples:
        for _ in range(min(MAX_REPEATS, max(1, round(BALANCE / sizes[item.source])))):
            trainer.append(item.features, item.labels)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    started = time.perf_counter()
    trainer.train(str(partial))
    partial.replace(output)  # nothing half-written
    return {
        "model": str(output),
        "pages": sizes,
        "lines": sum(len(e.labels) for e in examples),
        "seconds": round(time.perf_counter() - started, 1),
        "bytes": output.stat().st_size,
    }


def train_splitter(
    paths: list[Path],
    *,
    output: Path,
    leave_out: Sequence[str] = (),
    exclude: Collection[str] = frozenset(),
    renders: int = 2,
    iterations: int = DEFAULT_ITERATIONS,
) -> dict[str, Any]:
    """Collect the pages under ``paths`` (less the sources whose name contains any of
    ``leave_out``: ``pd2019`` drops both its page folders and the renderings of its articles;
    and less the pages ``exclude`` names by id) and train a model into ``output``."""
    examples = [
        e
        for e in collect(paths, renders=renders, exclude=exclude)
        if not any(part in e.source for part in leave_out)
    ]
    if not examples:
        raise InputError("every source was left out: nothing to train on")
    logger.info("training on %d pages", len(examples))
    return train(examples, output, iterations=iterations)
