"""The newspaper pages held out of every fit and of every choice made by reading: a benchmark that
reads pd2019 or pd1998 articles leaves their items out, so that these pages stay a fair test.
Three files saw some of them: briefing/data/title_ranker.json was fitted before they were listed
(a refit without them lost on pd1998's unseen items), and briefing/data/lead_ranker.json and
briefing/data/generic_terms.txt were made without the first 49 only, before 12 more were listed
(the lead ranker's fit reads 4 of the 12); none is refitted.

Run as a script it prints their ids, one a line, for ``briefing train-splitter --exclude``."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

HELD_OUT_PAGES = frozenset(
    {
        "19980105-07",
        "19980104-04",
        "19980105-06",
        "19980107-10",
        "19980107-06",
        "20191001-02",
        "20190202-07",
        "20190201-09",
        "20190202-06",
        "20191009-09",
        "20191009-04",
        "20191002-01",
        "20191009-19",
        # Drawn at random for the editors' read of December 7 (pd1998 print, pd2019 print, crawl).
        "19980105-05",
        "19980104-02",
        "19980105-04",
        "20190205-02",
        "20191009-03",
        "20191001-06",
        "20190210-08",
        "20190210-05",
        "20190202-08",
        "20190201-10",
        "20190202-05",
        "20191008-11",
        # Drawn at random for the editors' read of the day's final code, also December 7.
        "19980110-02",
        "19980105-12",
        "19980102-01",
        "20191007-08",
        "20191010-03",
        "20191002-13",
        "20191001-15",
        "20190204-07",
        "20191009-05",
        "20191004-08",
        "20190208-08",
        "20191008-19",
        # Drawn at random for the next session's editors' read, before any change of that session.
        "19980105-10",
        "19980104-03",
        "19980105-09",
        "20190205-08",
        "20191010-01",
        "20191002-05",
        "20191001-10",
        "20191001-05",
        "20190203-03",
        "20190201-11",
        "20190203-02",
        "20191009-10",
        # Drawn at random for a second editors' read of the same session, after the first one.
        "19980107-09",
        "19980106-05",
        "19980106-10",
        "20191008-10",
        "20190207-06",
        "20191010-16",
        "20191008-04",
        "20190201-03",
        "20190205-05",
        "20190206-04",
        "20191002-03",
        "20191008-01",
    }
)


def held_out(name: str) -> bool:
    """Whether a page file's name (``pd20191009-03.txt``) or an item's id (``20191009-03-02``) is
    on a held-out page, read as ``train-splitter --exclude`` reads it (training.on_pages). Its
    own two lines, not an import of the package: the benchmarks run against older checkouts
    (``PYTHONPATH=OLD_TREE``) that lack it."""
    key = name.split(".", 1)[0].lstrip(string.ascii_letters)
    return any(key == page or key.startswith(page + "-") for page in HELD_OUT_PAGES)


def without_held_out(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``items`` less those printed on a held-out page."""
    return [item for item in items if not held_out(str(item["id"]))]


def page_files(folder: Path) -> list[Path]:
    """The pages of a corpus folder (``pd19980102-01.txt`` ...) less the held-out ones, in order."""
    return [path for path in sorted(folder.glob("*.txt")) if not held_out(path.name)]


def linked(source: Path, out: Path, *, held: bool = False, days: tuple[str, ...] = ("",)) -> Path:
    """``out``, a folder of links to the files of ``source`` (pages and their gold) of ``days``
    that are on a held-out page (``held``) or not: a page set to score by its own split."""
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.iterdir()):
        if held_out(path.name) == held and any(day in path.name for day in days):
            (out / path.name).symlink_to(path.resolve())
    return out


if __name__ == "__main__":
    print("\n".join(sorted(HELD_OUT_PAGES)))
