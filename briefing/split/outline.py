"""A readable Markdown outline of a split issue: what ``briefing split --format md`` prints."""

from __future__ import annotations

from ..records import Article, Issue


def _where(article: Article) -> str:
    page = f"p{article.page} " if article.page else ""
    return f"{page}lines {article.lines[0]}–{article.lines[1]}" if article.lines else page.strip()


def outline_markdown(issue: Issue, articles: list[Article]) -> str:
    title = " ".join(p for p in (issue.paper, issue.date) if p) or issue.source
    out = [
        f"# {title}",
        "",
        f"{len(articles)} articles, {len(issue.furniture)} furniture lines",
        "",
    ]
    for article in articles:
        heading = article.title or "（无标题）"
        out.append(f"## {article.id}. {heading}")
        out.append("")
        facts = [
            ("栏目", article.column),
            ("引题", article.kicker),
            ("副题", article.subtitle),
            ("作者", article.byline),
            ("电头", article.dateline),
            ("小标题", "；".join(article.subheads)),
            ("图片说明", "；".join(article.captions)),
            ("摄影", article.credit),
            ("位置", _where(article)),
        ]
        out.extend(f"- {name}：{value}" for name, value in facts if value)
        out.append("")
        out.extend(f"> {paragraph}\n>" for paragraph in article.body)
        if article.body:
            out[-1] = out[-1].rstrip("\n>")
        out.append("")
    if issue.furniture:
        out += ["## 版面其他内容", ""]
        out.extend(
            f"- {f'p{f.page} ' if f.page else ''}line {f.line} ({f.kind}): {f.text}"
            for f in issue.furniture
        )
        out.append("")
    return "\n".join(out)
