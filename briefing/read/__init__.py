"""The reading layer: input paths -> an :class:`~briefing.records.Issue`.

:mod:`.text` reads text pages and issues (encodings, control characters), JSONL articles, and
says which files make an issue; :mod:`.layout` reads e-paper pages from their layout: page PDFs
(:mod:`.layout.pdf`, scanned pages through :mod:`briefing.ocr`) and saved HTML pages
(:mod:`.layout.html`).
"""
