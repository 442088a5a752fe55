"""Cleaning and vetting model output before it may enter a briefing.

A model's text is cleaned (reasoning blocks, labels, quotes, echoed delimiters go), cut to
whole sentences within the budget, and then must pass the faithfulness guard
(:func:`briefing.summarize.guard.check_summary`) and two checks of our own: it is Chinese, and
most of its character bigrams occur in the article (an output that is mostly words the article
never uses is invented, or garbage). Anything that fails is not used.
"""

from __future__ import annotations

import re

from ..records import Article
from ..summarize.guard import SourceIndex, article_source
from ..summarize.headlines import headline_problems
from ..summarize.ranking import grams
from ..summarize.vetting import summary_problems
from ..text import SENTENCE_END
from .prompts import CLOSE, OPEN

MIN_SUPPORT = 0.6  # share of the output's character bigrams that must occur in the article
MIN_CHINESE = 0.6  # share of Han characters among letters
_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.S)
_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?:摘要|概要|总结|标题|新标题|类别|分类|主题|答案?|回答|输出|Summary|Title|Topic|Answer)(?:\*\*)?\s*[:：]\s*",
    re.I,
)
_FENCE = re.compile(r"^```[a-z]*\s*|\s*```$", re.M)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_PAIRS = (("“", "”"), ("「", "」"), ('"', '"'), ("'", "'"), ("『", "』"))
_SENTENCE = re.compile(rf"[^{SENTENCE_END}]*[{SENTENCE_END}]+[”’」』）)]*")


def clean_output(text: str, *, one_line: bool = True) -> str:
    """The answer itself: no reasoning block, code fence, leading label, wrapping quotes or delimiters."""
    text = _THINK.sub("", text or "")
    text = _FENCE.sub("", text).replace(OPEN, "").replace(CLOSE, "").strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    text = _LABEL.sub("", lines[0] if one_line else " ".join(lines)).strip()
    if not text and len(lines) > 1:
        text = lines[1]
    text = text.strip(" *#>-")
    for opener, closer in _PAIRS:
        inner = text[1:-1]
        if (
            len(text) > 2
            and text.startswith(opener)
            and text.endswith(closer)
            and opener not in inner
            and closer not in inner
        ):
            text = inner.strip()
    return re.sub(r"\s+", " ", text).strip()


def whole_sentences(text: str, max_chars: int) -> str:
    """The longest run of complete sentences from the start that fits ``max_chars`` ("" if none)."""
    kept = ""
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        if len(kept) + len(sentence) > max_chars:
            break
        kept += sentence
    return kept.strip()


def support(text: str, article: Article | str) -> float:
    """Share of ``text``'s character bigrams that occur in the article (1.0 for empty text)."""
    pairs = grams(text)
    if not pairs:
        return 1.0
    return len(pairs & grams(article_source(article))) / len(pairs)


def chinese_share(text: str) -> float:
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(text))
    return han / (han + latin) if han + latin else 0.0


def vet(
    text: str, article: Article, *, max_chars: int | None, source: SourceIndex | None = None
) -> list[str]:
    """Problems with ``text`` as a statement about ``article``: guard, budget (``max_chars``; None:
    none), language, support."""
    if not text:
        return ["the model gave no text"]
    problems = summary_problems(text, source or article, max_chars=max_chars)
    share = chinese_share(text)
    if share < MIN_CHINESE:
        problems.append(f"not Chinese text ({share:.0%} Han characters)")
    backed = support(text, article)
    if backed < MIN_SUPPORT:
        problems.append(f"only {backed:.0%} of its wording occurs in the article")
    return problems


def vet_summary(raw: str, article: Article, *, max_chars: int) -> tuple[str, list[str]]:
    """(summary text, problems): whole sentences within the budget, vetted."""
    text = clean_output(raw)
    if not text:
        return "", ["the model gave no text"]
    fitted = whole_sentences(text, max_chars)
    if not fitted:
        if len(text) <= max_chars and text[-1] not in "，,、；;：:":
            fitted = text.rstrip() + "。"  # a complete answer that only lacks its full stop
            if len(fitted) > max_chars:
                return text, [
                    f"{len(text)} characters and no sentence end within the budget of {max_chars}"
                ]
        else:
            return text, [
                f"no complete sentence within the budget of {max_chars} characters ({len(text)} given)"
            ]
    return fitted, vet(fitted, article, max_chars=max_chars)


def vet_title(raw: str, article: Article, *, max_chars: int) -> tuple[str, list[str]]:
    text = clean_output(raw).rstrip("。.！!").strip()
    if not text:
        return "", ["the model gave no text"]
    # A model's title passes the same headline checks as a generated one, or is not used. Those
    # checks judge its length; the statement checks judge no budget, not to say it twice.
    problems = headline_problems(text, limit=max_chars)
    return text, problems + vet(text, article, max_chars=None)


def parse_label(answer: str, labels: list[str]) -> str | None:
    """The one taxonomy label the answer names, or None (no label, or more than one)."""
    text = clean_output(answer).strip("。.！!").strip()
    if text in labels:
        return text
    named = [label for label in labels if label in text]
    # A longer label containing a shorter one (国际 / 国际关系) counts once.
    named = [n for n in named if not any(n != m and n in m for m in named)]
    return named[0] if len(named) == 1 else None
