"""The headline checks on the shared corpus (benchmarks/headline_checks.py): they reject no more
printed headlines, and pass no more headlines broken by deleting words, than measured."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

# Measured with today's checks on the corpus less the held-out pages of benchmarks/held_out.py
# (each lead's cuts are seeded by the lead itself, so holding more pages out leaves the other
# leads' cuts as they are).
# Printed headlines the checks reject are mostly labels with no verb or no actor, which a
# generated title may not be. The broken headlines are cut from lead sentences without their
# dateline or a joint dispatch's credits (……记者……报道：). 为 completes only a verb of naming
# (当选为……, 选举周海为……: a closed list); read after any verb of two characters, it passed one
# more pd1998 cut and two printed headlines whose 为 followed words the segmenter took for a verb.
PRINTED_REJECTED = {"pd2019": 0.548, "pd1998": 0.455, "sogoucs": 0.511}
BROKEN_PASSING = {"pd2019": 0.227, "pd1998": 0.251, "sogoucs": 0.224}
# About half the printed headlines fail anyway, so a new rule's false rejects hide in the shares
# above when an older check rejects them too. Per check (benchmarks/headline_checks.py's kinds),
# the printed headlines it alone rejects, which pass every other check: measured with the same
# checks and pages; any check not listed rejects none alone.
PRINTED_ALONE = {
    "no action": 219,
    "no actor before the action": 211,
    "opens on": 21,
    "without the verb it leads to": 12,  # 10 while 为 after any two-character verb passed
    "ends on a number or a date without what it counts": 7,
    "opens on , which refers to what the title leaves out": 5,
    "ends on the function word": 4,
    "ends on , which needs what follows it": 2,
    "opens on , not on who acts": 2,
    "ends on without what is": 1,
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
