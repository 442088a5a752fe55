"""Scorers behind ``briefing eval`` and the evaluation tests and benchmarks.

Each module measures one stage against gold data: :mod:`.split` (article starts and fields),
:mod:`.topics` (a topic classifier on labelled items), :mod:`.summaries` (summaries and titles),
:mod:`.faithfulness` (the summary guard on corrupted summaries), :mod:`.epaper` (PDF/HTML
pages), :mod:`.ocr` (scanned pages) and :mod:`.dedupe` (duplicate merging). Imports point one
way: from here into the runtime packages, never back (``tests/test_imports.py`` checks it).
"""
