"""One briefing from several papers (or several issues), with duplicate stories merged.

Each input is split, classified and summarized on its own (one :class:`~briefing.pipeline.Pipeline`,
so components load once); the articles of all inputs then go through
:func:`briefing.jobs.dedupe.duplicate_groups`, which keeps one article of each story and says where
else it ran, and are assembled into one briefing. Each entry's source line starts with its
paper; an entry whose story also ran elsewhere lists those places in ``Entry.also_in``
(rendered as 又见于：...).

Importance is computed over the combined list, where an article's position on its page counts:
the articles are interleaved page by page and rank by rank (each paper's lead story, then each
paper's second story, ...), so no paper's page 1 pushes another's down.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..assemble import check_date
from ..config import BuildConfig, load_config
from .dedupe import duplicate_groups
from ..errors import InputError
from ..records import Article, Briefing, Furniture, Issue

logger = logging.getLogger(__name__)

# A date at the end of a file name (-2024-03-12, _19980101) is not part of the paper's name.
_NAME_DATE = re.compile(r"[-_. ]*(?:\d{4}[-_.]?\d{2}[-_.]?\d{2})$")


@dataclass(frozen=True)
class Source:
    """One input of a combined briefing: its path, and the paper and date when known."""

    path: str
    paper: str | None = None
    date: str | None = None


def paper_name_of(path: str | Path) -> str:
    """The paper's name from a file or directory name: ``人民日报-1998-01-01.txt`` -> ``人民日报``."""
    name = Path(str(path).rstrip("/\\")).name
    stem = (
        Path(name).stem
        if Path(name).suffix.lower() in (".txt", ".text", ".jsonl", ".pdf")
        else name
    )
    return _NAME_DATE.sub("", stem) or stem


def _label(paper: str, article: Article) -> str:
    """How another printing of a story is named under 又见于: paper, page and title."""
    title = article.display_title or article.title or article.headline or article.id
    page = f" 第{article.page}版" if article.page is not None else ""
    return f"{paper}{page}《{title}》"


def _interleaved(per_source: list[list[Article]]) -> list[Article]:
    """The articles ordered page by page, then rank on the page, then input order."""
    keyed = []
    for index, articles in enumerate(per_source):
        rank_on_page: dict[int | None, int] = {}
        for article in articles:
            rank = rank_on_page.get(article.page, 0)
            rank_on_page[article.page] = rank + 1
            keyed.append(((article.page is None, article.page or 0, rank, index), article))
    return [article for _, article in sorted(keyed, key=lambda item: item[0])]


def _common(values: Sequence[str | None], what: str) -> str | None:
    known = list(dict.fromkeys(v for v in values if v))
    if len(known) > 1:
        logger.warning(
            "the inputs have different %ss (%s); the briefing has none", what, ", ".join(known)
        )
    return known[0] if len(known) == 1 else None


def build_combined_briefing(
    sources: Sequence[str | Path | Source],
    *,
    papers: Sequence[str | None] | None = None,
    date: str | None = None,
    paper: str | None = None,
    config: BuildConfig | str | Path | None = None,
) -> Briefing:
    """One briefing across ``sources`` (issue files, page directories, ``.jsonl`` of articles).

    ``papers`` gives each source's paper (parallel to ``sources``; a :class:`Source` may carry
    its own); otherwise the paper printed on the page, else the file name. ``date`` is the
    briefing's date; by default the inputs' common date. ``paper`` names the whole briefing
    (default: the config's paper, else the papers joined with 、).
    """
    from ..pipeline import Pipeline  # the pipeline imports the stages; only load them when building

    if not sources:
        raise InputError("no inputs: give one or more issues")
    if papers is not None and len(papers) != len(sources):
        raise InputError(f"{len(papers)} paper names for {len(sources)} inputs")
    items = [s if isinstance(s, Source) else Source(path=str(s)) for s in sources]
    if papers is not None:
        items = [Source(s.path, p or s.paper, s.date) for s, p in zip(items, papers)]
    settings = config if isinstance(config, BuildConfig) else load_config(config)
    pipeline = Pipeline(settings)
    date = check_date(date)

    per_source: list[list[Article]] = []
    issues: list[Issue] = []
    names: list[str] = []
    for item in items:
        issue, articles = pipeline.load(item.path, paper=item.paper, date=check_date(item.date))
        pipeline.annotate(articles)
        issues.append(issue)
        names.append(item.paper or issue.paper or paper_name_of(item.path))
        per_source.append(articles)

    # Article ids are per issue; in one briefing they need the paper (and the input, if a paper repeats).
    repeated = {n for n in names if names.count(n) > 1}
    paper_of: dict[str, str] = {}
    for index, (name, articles) in enumerate(zip(names, per_source)):
        prefix = f"{name}#{index + 1}" if name in repeated else name
        for article in articles:
            article.id = f"{prefix}:{article.id}"
            paper_of[article.id] = name

    ordered = _interleaved(per_source)
    groups = duplicate_groups([a.text for a in ordered])
    also_in: dict[str, list[str]] = {}
    kept: set[str] = set()
    for group in groups:
        first = ordered[group[0]]
        kept.add(first.id)
        also_in[first.id] = [_label(paper_of[ordered[i].id], ordered[i]) for i in group[1:]]
    articles = [a for a in ordered if a.id in kept]
    logger.info(
        "%d inputs, %d articles, %d after merging duplicates",
        len(items),
        len(ordered),
        len(articles),
    )

    combined = Issue(
        source=" + ".join(item.path for item in items),
        paper=paper or settings.paper or "、".join(dict.fromkeys(names)),
        date=date or _common([i.date for i in issues], "date"),
        furniture=[
            Furniture(line=f.line, text=f"{name}：{f.text}", kind=f.kind, page=f.page)
            for name, issue in zip(names, issues)
            for f in issue.furniture
        ],
    )
    briefing = pipeline.assemble(combined, articles, paper=combined.paper, date=combined.date)
    single_paper = len(set(names)) == 1
    for entry in briefing.entries:
        entry.also_in = also_in.get(entry.article_id, [])
        if not single_paper:
            entry.source = (
                f"{paper_of[entry.article_id]} · {entry.source}"
                if entry.source
                else paper_of[entry.article_id]
            )
    return briefing


def combined_sources(
    inputs: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    paper_from_name: bool = False,
) -> list[Source]:
    """The inputs of a combined build: those named on the command line, then the manifest's."""
    from .manifest import read_manifest

    items = [
        Source(path=str(p), paper=paper_name_of(p) if paper_from_name else None) for p in inputs
    ]
    if manifest is not None:
        items += [Source(path=m.path, paper=m.paper, date=m.date) for m in read_manifest(manifest)]
    if not items:
        raise InputError("no inputs: give one or more issues, or a manifest that names them")
    return items
