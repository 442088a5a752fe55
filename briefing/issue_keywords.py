"""Keywords of the day: a handful of terms that characterise one issue.

A TF-IDF-like score over the issue's words (``briefing.text.words``): how often a word occurs,
more in headlines than in bodies, in how many articles, times how specific it is. Words of the
built-in background list (``data/common_words.txt``: reporting formulas, function words and
generic official vocabulary) do not count; numbers, single characters and the paper's own
name are left out. A word found in many articles of a larger issue (the city's name in a city
daily) describes the paper rather than the day, and is damped, as are place names (江北区).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources

from .records import Article
from .text import fold_width, words

HEADLINE_WEIGHT = 4.0
MAX_PIECES, MAX_TERM = 4, 10  # a term glued from the segmenter's pieces: 临江职业技术学院
BODY_CHARS = 2000  # a keyword shows early; reading further costs time and adds little
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CREDIT = re.compile(r"[（(][^（）()]*(?:记者|通讯员)[^（）()]*[）)]")  # (记者 李婉清): a name, not a topic
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,3}[省市县区镇乡]$")  # a local paper names its places everywhere
PLACE_WEIGHT = 0.4
_NUMERIC = re.compile(r"[\d０-９〇零一二三四五六七八九十百千万亿.%％]+[年月日号时点个名家件项条座元]?")


@lru_cache(maxsize=1)
def background_words() -> frozenset[str]:
    """The built-in list of words too common in news to characterise an issue."""
    text = resources.files("briefing").joinpath("data/common_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=100_000)
def _term(word: str) -> int:
    """0: not a candidate (background word, number, single character, no Chinese); 1: a
    candidate; 2: a candidate that is a place name. Cached: the same words recur all day."""
    if len(word) < 2 or word in background_words() or not _CJK.search(word) or _NUMERIC.fullmatch(word):
        return 0
    return 2 if _PLACE.match(word) else 1


def _tokens(article: Article) -> list[tuple[str, float]]:
    """The article's words with their weight; a non-candidate word is an empty gap."""
    headline = article.headline
    parts = [(fold_width(headline), HEADLINE_WEIGHT)] if headline else []
    parts.append((_CREDIT.sub(" ", fold_width(article.text[:BODY_CHARS])), 1.0))
    return [(w if _term(w) else "", weight) for text, weight in parts for w in words(text)]


def _counts(article: Article) -> Counter[str]:
    tokens = _tokens(article)
    counts: Counter[str] = Counter()
    seen: Counter[str] = Counter()  # occurrences, unweighted
    for word, weight in tokens:
        if word:
            counts[word] += weight
            seen[word] += 1
    # The segmenter cuts new terms and long names into pieces (河湖长制 -> 河湖 / 长制,
    # 临江职业技术学院 -> four words); pieces that keep appearing side by side in this
    # article are read as one term, the longest run first.
    used: set[int] = set()
    for size in range(MAX_PIECES, 1, -1):
        runs: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for start in range(len(tokens) - size + 1):
            window = tokens[start : start + size]
            pieces = tuple(word for word, _ in window)
            if any(_term(w) != 1 for w in pieces) or len(set(pieces)) < size or len("".join(pieces)) > MAX_TERM:
                continue
            if not used.intersection(range(start, start + size)):
                runs[pieces].append(start)
        for pieces, starts in runs.items():
            # Decided by the body only: a headline is short and its pieces would pair by accident.
            together = sum(tokens[i][1] == 1.0 for i in starts)
            if together < 2 or together < 0.6 * min(seen[w] for w in pieces):
                continue
            weight = min(sum(tokens[i][1] for i in starts), *(counts[w] for w in pieces))
            counts["".join(pieces)] += weight
            for word in pieces:
                counts[word] -= weight
            for i in starts:
                used.update(range(i, i + size))
    return Counter({w: c for w, c in counts.items() if c > 0})


def issue_keywords(
    articles: list[Article], *, count: int = 8, paper: str | None = None, importance: list[float] | None = None
) -> list[str]:
    """Up to ``count`` terms that characterise this issue, most characteristic first.

    ``importance`` (one value in [0, 1] per article) lets the stories the briefing leads with
    weigh more than the briefs.
    """
    if count <= 0 or not articles:
        return []
    total: dict[str, float] = defaultdict(float)
    spread: Counter[str] = Counter()
    for index, article in enumerate(articles):
        counts = _counts(article)
        boost = 0.5 + importance[index] if importance else 1.0
        length = sum(counts.values()) or 1.0
        for word, weight in counts.items():
            # Damped term frequency, normalized so one long article does not decide the day.
            total[word] += (1.0 + math.log(weight)) * min(1.0, 60.0 / length) ** 0.2 * boost
            spread[word] += 1
    n = len(articles)
    scores: dict[str, float] = {}
    for word, value in total.items():
        if paper and (word in paper or paper in word):
            continue
        score = value * (1.0 + 0.5 * math.log(spread[word])) * min(len(word), 4) / 2
        if _term(word) == 2:
            score *= PLACE_WEIGHT
        if n >= 4 and spread[word] > n / 3:
            score *= 0.3
        scores[word] = score
    chosen: list[str] = []
    # Highest score first; ties by the word itself so the output is stable.
    for word, _ in heapq.nsmallest(count * 6, scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if any(word in other or other in word for other in chosen):
            continue  # 河湖 beside 河湖长制 says the same thing twice
        chosen.append(word)
        if len(chosen) == count:
            break
    return chosen
