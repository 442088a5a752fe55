"""The headline checks on the shared corpus (benchmarks/headline_checks.py): they reject no more
printed headlines, and pass no more headlines broken by deleting words, than measured."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

# Measured when the checks for cut phrases, stray particles, object verbs, settings whose 在 was
# cut and anniversaries were added (printed: 0.550 / 0.455 / 0.511 before and after them; broken,
# random words: 0.259 / 0.264 / 0.294 before, 0.225 / 0.249 / 0.257 after), and after their review
# (good headlines they rejected pass again, and an anniversary with its count ends one: printed
# 0.548 / 0.455 / 0.511, pd1998 0.452 once read as bench_titles reads it, without its briefs of
# bylines; broken 0.226 / 0.250 / 0.257). Printed headlines the checks reject are mostly labels
# with no verb or no actor, which a generated title may not be. The broken headlines are cut from
# lead sentences without their dateline: once a joint dispatch's credits (……记者……报道：) came off
# too, the leads of 9 pd2019 articles are their news, whose cuts pass more often than cuts of the
# credits did (pd2019 0.225 -> 0.228 with the same checks, pd1998 0.250 -> 0.249). Since the
# benchmark leaves the held-out pages out, the shares are of the other items: printed 0.547 /
# 0.463 / 0.511, broken 0.236 / 0.246 / 0.215 (the seeded cuts fall on other leads); with the
# twelve pages held out on December 7 for the final editors' read also left out, 0.546 / 0.467 /
# 0.511 and 0.234 / 0.238 / 0.201 with the same code; with the twelve drawn for the next read
# also left out, 0.549 / 0.464 / 0.511 and 0.226 / 0.255 / 0.205, the same code again. Once 为
# after a verb of two characters was read as the verb's complement (当选为……), printed 0.548 /
# 0.462 / 0.511 and broken 0.226 / 0.256 / 0.205: one more pd1998 cut passes. Once that 为 was
# only read so after a closed list of verbs of naming (当选, 选举, 任命, 命名, ……; after any
# other verb 为 names whom the act is for), 0.549 / 0.464 / 0.511 and 0.226 / 0.255 / 0.205, the
# shares before it: the two printed headlines it had passed (a 为 after words the segmenter took
# for a verb) are refused again, and the pd1998 cut too.
PRINTED_REJECTED = {"pd2019": 0.549, "pd1998": 0.464, "sogoucs": 0.511}
BROKEN_PASSING = {"pd2019": 0.226, "pd1998": 0.255, "sogoucs": 0.205}
# About half the printed headlines fail anyway, so a new rule's false rejects hide in the shares
# above when an older check rejects them too. Per check (benchmarks/headline_checks.py's kinds),
# the printed headlines it alone rejects, which pass every other check: measured after the review
# above, held-out pages left out; any check not listed rejects none alone.
PRINTED_ALONE = {
    "no action": 243,
    "no actor before the action": 231,
    "opens on": 22,
    "without the verb it leads to": 12,  # 10 while 为 after any verb passed (see above)
    "ends on a number or a date without what it counts": 7,
    "opens on , which refers to what the title leaves out": 6,
    "ends on the function word": 5,
    "ends on , which needs what follows it": 3,
    "opens on , not on who acts": 2,
    "ends on without what is": 2,
    "ends on a dangling": 1,
    "ends on a setting without its clause": 1,
}


@pytest.fixture(scope="module")
def judged(corpus):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(
            "headline_checks", BENCHMARKS / "headline_checks.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclass looks its module up there
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCHMARKS))
    return module.judge_corpus(corpus)


@pytest.mark.parametrize("source", sorted(PRINTED_REJECTED))
def test_printed_headlines_are_rejected_no_more_than_measured(judged, source):
    assert judged.rejected_share(f"printed {source}") <= PRINTED_REJECTED[source] + 0.0005


@pytest.mark.parametrize("source", sorted(BROKEN_PASSING))
def test_broken_headlines_pass_no_more_than_measured(judged, source):
    passing = 1 - judged.rejected_share(f"broken {source} words")
    assert passing <= BROKEN_PASSING[source] + 0.0005


def test_no_check_alone_rejects_more_printed_headlines_than_measured(judged):
    over = {
        kind: count
        for (side, kind), count in judged.alone.items()
        if side == "printed" and count > PRINTED_ALONE.get(kind, 0)
    }
    assert not over, over
