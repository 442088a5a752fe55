"""What the start of a run loads, and the quicker ways of loading it, which must give what the
plain way gave."""

from __future__ import annotations

from importlib import resources

from briefing.compat import tomllib
from briefing.topics import terms


def test_term_tables_normalized_as_one_string_equal_normalizing_each_term():
    tables = {"体育": {"strong": "ＮＢＡ\u3000足球  Ｆ１ iPhone", "weak": "球 Ａ"}}
    assert terms.parse_terms(tables, source="test") == {
        "nba": {"体育": 3.0},
        "足球": {"体育": 3.0},
        "f1": {"体育": 3.0},
        "iphone": {"体育": 3.0},
        "球": {"体育": 0.5},
        "a": {"体育": 0.5},
    }
    text = resources.files("briefing").joinpath("data/topic_terms.toml").read_text("utf-8")
    shipped = tomllib.loads(text)
    one_by_one = {
        terms.normalize(term)
        for tiers in shipped.values()
        for value in tiers.values()
        for term in value.split()
    }
    assert set(terms.default_terms()) == one_by_one


def test_the_matcher_sorts_terms_as_the_latin_pattern_alone_did():
    shipped = list(terms.default_terms())
    matcher = terms.TermMatcher(shipped)
    assert matcher.latin == {t for t in shipped if terms._LATIN_ONLY.match(t)}
    assert matcher.latin and matcher.cjk and matcher.singles
