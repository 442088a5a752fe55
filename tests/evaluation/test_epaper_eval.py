"""Dev targets of the e-paper layout reader on the shared page PDFs: every page fully right."""

import pytest

pytest.importorskip("pymupdf")

from briefing.evaluate.epaper import evaluate_epaper  # noqa: E402


def test_every_dev_page_fully_right(corpus):
    result = evaluate_epaper(corpus / "epaper")
    wrong = {p["source"]: p["errors"] for p in result["per_page"] if not p["fully_right"]}
    assert not wrong
    assert result["found"] == result["body_first"] == result["body_last"] == result["articles"]
    assert result["extra_articles"] == 0 and result["non_articles_as_articles"] == 0
    assert result["subheads_right"] == result["gold_subheads"]
    assert result["title_exact"] == result["articles"]
