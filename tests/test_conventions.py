"""One definition of the newspaper conventions, read the same way by every stage."""

from __future__ import annotations

import re

import pytest

from briefing.conventions import AGENCIES, AGENCY, CAPTION_RE
from briefing.read.layout.roles import CREDIT_LINE_RE
from briefing.split.lines import Line, Role, dateline_of, tag
from briefing.summarize.sentences import split_dateline

BODY = "今天上午，全市春季植树活动在城东湿地公园举行，数百名志愿者参加。"


@pytest.mark.parametrize("agency", AGENCIES)
def test_every_agency_opens_a_dateline_for_the_splitter_and_the_summarizer(agency):
    paragraph = f"{agency}南京3月12日电（记者 张三）{BODY}"
    assert tag(Line(number=1, text=paragraph, gap=1)) is Role.DATELINE
    assert dateline_of(paragraph) == (f"{agency}南京3月12日电（记者 张三）", BODY)
    assert split_dateline(paragraph) == (f"{agency}南京3月12日电（记者 张三）", BODY)


@pytest.mark.parametrize("agency", AGENCIES)
def test_every_agency_opens_a_credit_line_on_a_layout_page(agency):
    assert CREDIT_LINE_RE.match(f"{agency}记者 李四")


def test_the_agency_alternation_prefers_the_longest_name():
    assert re.match(AGENCY, "中国新闻社北京电").group() == "中国新闻社"
    assert CAPTION_RE.match("图为志愿者在植树。") and not CAPTION_RE.match("图书馆今天开放")
