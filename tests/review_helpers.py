"""Helpers for the review tests: drafts built by hand (fast, exact) or from a sample issue."""

from __future__ import annotations

from pathlib import Path

from briefing.records import Article, Briefing, Entry, Provenance, Section, Summary
from briefing.review import Draft

TOPICS = ["时政", "经济", "民生", "文化"]
# How each entry's summary was made: a model wrote a1's; a2's model summary failed a check (fell back).
SUMMARY_MADE = {
    "a1": Provenance(method="model:qwen-small", model="qwen-small"),
    "a2": Provenance(
        method="extractive-fallback",
        model="qwen-small",
        reason="qwen-small: number 9900 <b>not</b> in the article",
    ),
}


def article(
    article_id: str, title: str, body: list[str], summary: str, sentences: list[int]
) -> Article:
    return Article(
        id=article_id,
        title=title,
        body=body,
        summary=Summary(text=summary, method="extractive", sentences=sentences),
    )


def hand_draft(path: Path) -> Draft:
    """Four entries: two under 要闻, two under 民生, one of whose titles is generated; a model
    wrote one summary and fell back on another (:data:`SUMMARY_MADE`)."""
    articles = [
        article(
            "a1",
            "全市新建口袋公园十二座",
            ["本报讯 全市今年新建口袋公园12座。", "公园总面积3.5万平方米。"],
            "全市今年新建口袋公园12座。",
            [0],
        ),
        article(
            "a2",
            "临江港货物吞吐量创新高",
            ["临江港去年完成货物吞吐量8600万吨。", "同比增长6.2%。"],
            "临江港去年完成货物吞吐量8600万吨，同比增长6.2%。",
            [0, 1],
        ),
        article(
            "a3",
            "",
            ["青川区三所学校开设午间托管。", "家长每月缴费200元。"],
            "青川区三所学校开设午间托管。",
            [0],
        ),
        article(
            "a4",
            "社区食堂开张",
            ["东门社区食堂昨日开张。", "老人用餐打八折。"],
            "东门社区食堂昨日开张。",
            [0],
        ),
    ]

    def entry(a: Article, topic: str, generated: bool = False) -> Entry:
        title = a.title or "青川区三所学校开设午间托管"
        return Entry(
            article_id=a.id,
            title=title,
            title_generated=generated,
            summary=a.summary.text,
            topic=topic,
            source=f"第1版 编号 {a.id}",
            summary_provenance=SUMMARY_MADE.get(a.id, Provenance(method="extractive")),
            title_provenance=Provenance(method="extractive" if generated else "printed"),
        )

    briefing = Briefing(
        source="issue.txt",
        paper="临江日报",
        date="2024-03-12",
        article_count=4,
        topic_counts={"经济": 1, "民生": 3},
        sections=[
            Section(
                title="要闻",
                kind="top",
                entries=[entry(articles[0], "民生"), entry(articles[1], "经济")],
            ),
            Section(
                title="民生",
                entries=[entry(articles[2], "民生", generated=True), entry(articles[3], "民生")],
            ),
        ],
        keywords=["口袋公园"],
    )
    return Draft.create(path, briefing, articles, topics=TOPICS, max_chars=40)
