"""The review page's server: the token, stale saves, escaping, previews and approval over HTTP."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")
pytest.importorskip("httpx")  # Starlette's test client

import warnings  # noqa: E402

with warnings.catch_warnings():  # newer Starlette would rather have httpx2; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from briefing.records import Article, Briefing, Entry, Section, Summary  # noqa: E402
from briefing.review import Draft, load_approved  # noqa: E402
from briefing.review.server import TOKEN_HEADER, ReviewApp, made_view, new_token  # noqa: E402

from review_helpers import hand_draft  # noqa: E402

TOKEN = new_token()


def client_for(draft: Draft, formats=("html",)) -> TestClient:
    review = ReviewApp(draft, token=TOKEN, editor="张三", formats=formats, hosts=["testserver"])
    return TestClient(review.app())


@pytest.fixture
def client(tmp_path):
    return client_for(hand_draft(tmp_path / "x.draft.json"))


def post(client, path, data, *, token=TOKEN, **headers):
    return client.post(
        path,
        content=json.dumps(data),
        headers={"Content-Type": "application/json", TOKEN_HEADER: token, **headers},
    )


def test_every_request_needs_the_token(client):
    assert client.get("/").status_code == 403
    assert client.get("/?token=wrong").status_code == 403
    assert client.get("/static/review.js").status_code == 403
    assert client.get("/preview/md").status_code == 403
    page = client.get(f"/?token={TOKEN}")
    assert (
        page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    )
    assert page.headers["referrer-policy"] == "no-referrer"
    assert (
        client.get(f"/static/review.js?token={TOKEN}")
        .headers["content-type"]
        .startswith("text/javascript")
    )
    # A change needs the token in the header (a link or a form cannot set one), JSON, and no foreign origin.
    change = {"version": 0, "id": "a1", "field": "summary", "value": "改写。"}
    assert client.post(f"/api/edit?token={TOKEN}", json=change).status_code == 403
    assert post(client, "/api/edit", change, token="wrong").status_code == 403
    assert post(client, "/api/edit", change, Origin="http://evil.example").status_code == 403
    form = client.post(
        "/api/edit",
        content="version=0",
        headers={TOKEN_HEADER: TOKEN, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 415
    assert client.get(f"/api/edit?token={TOKEN}").status_code == 405
    assert client.get(f"/?token={TOKEN}", headers={"Host": "evil.example"}).status_code == 400
    assert post(client, "/api/edit", change, Origin="http://testserver").status_code == 200


def test_no_request_names_a_file(client):
    assert client.get(f"/static/..%2F..%2Fdraft.py?token={TOKEN}").status_code == 404
    assert client.get(f"/static/page.html?token={TOKEN}").status_code == 404
    assert client.get(f"/preview/..%2Fx?token={TOKEN}").status_code == 404


def test_a_stale_save_is_refused_with_a_clear_message(client):
    first = post(
        client,
        "/api/edit",
        {"version": 0, "id": "a1", "field": "summary", "value": "第一页的改动。"},
    )
    assert (
        first.status_code == 200 and first.json()["version"] == 1 and first.headers["etag"] == '"1"'
    )
    stale = post(
        client,
        "/api/edit",
        {"version": 0, "id": "a1", "field": "summary", "value": "第二页的旧改动。"},
    )
    assert stale.status_code == 409
    assert stale.json()["error"] == "stale" and "另一个标签页" in stale.json()["message"]
    page = client.get(f"/?token={TOKEN}").text
    assert "第一页的改动。" in page and "第二页的旧改动" not in page


def test_edits_answer_with_placement_and_checks(client):
    reply = post(
        client, "/api/edit", {"version": 0, "id": "a4", "field": "topic", "value": "文化"}
    ).json()
    assert reply["item"]["placement"] == {"section": "文化", "before": None}
    reply = post(
        client,
        "/api/edit",
        {"version": 1, "id": "a1", "field": "summary", "value": "全市今年新建口袋公园99座。"},
    ).json()
    assert reply["item"]["checks"]["summary_spans"] == ["99"] and reply["item"]["edited"] == [
        "summary"
    ]
    bad = post(client, "/api/edit", {"version": 2, "id": "a1", "field": "topic", "value": "八卦"})
    assert bad.status_code == 400 and "unknown topic" in bad.json()["message"]
    assert post(client, "/api/edit", {"id": "a1"}).status_code == 400  # no version
    header = post(
        client, "/api/header", {"version": 2, "paper": "临江晚报", "date": "2024-03-13"}
    ).json()
    assert header["date_text"] == "2024年3月13日 星期三"
    assert (
        post(client, "/api/header", {"version": 3, "paper": "x", "date": "13/03/2024"}).status_code
        == 400
    )


def test_article_text_is_escaped_everywhere(tmp_path):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    article = Article(
        id="e1",
        title=evil,
        body=[f"正文{evil}。"],
        summary=Summary(text=f"摘要{evil}", method="x", sentences=[0]),
    )
    entry = Entry(article_id="e1", title=evil, summary=f"摘要{evil}42", topic="民生", source=evil)
    briefing = Briefing(
        source="i.txt",
        paper=evil,
        sections=[Section(title="民生", entries=[entry])],
        article_count=1,
    )
    client = client_for(
        Draft.create(tmp_path / "e.draft.json", briefing, [article], topics=["民生"], max_chars=90)
    )
    page = client.get(f"/?token={TOKEN}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    # The entry's checks travel in an attribute: intact, and flagging what the article lacks.
    attributes = {}

    class Entries(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "li":
                attributes.update(dict(attrs))

    Entries().feed(page)
    checks = json.loads(attributes["data-checks"])
    assert "has-problems" in attributes["class"] and checks["summary_spans"] == ["42"]
    preview = client.get(f"/preview/html?token={TOKEN}")
    assert (
        "<script>alert" not in preview.text
        and "sandbox" in preview.headers["content-security-policy"]
    )
    markdown = client.get(f"/preview/md?token={TOKEN}")
    assert markdown.headers["content-type"].startswith("text/plain")


def test_previews_and_approval(tmp_path):
    draft = hand_draft(tmp_path / "x.draft.json")
    client = client_for(draft, formats=("html", "docx"))
    post(
        client,
        "/api/edit",
        {"version": 0, "id": "a2", "field": "title", "value": "临江港吞吐量创新高"},
    )
    assert "临江港吞吐量创新高" in client.get(f"/preview/md?token={TOKEN}").text
    docx = client.get(f"/preview/docx?token={TOKEN}")
    assert docx.content[:2] == b"PK" and "x.docx" in docx.headers["content-disposition"]
    reply = post(client, "/api/approve", {"version": 1}).json()
    assert reply["approved"] and reply["approval"]["by"] == "张三"
    assert reply["written"] == {"reviewed": "x.reviewed.json", "html": "x.html", "docx": "x.docx"}
    assert load_approved(tmp_path / "x.reviewed.json").entries[1].title == "临江港吞吐量创新高"
    reply = post(
        client, "/api/edit", {"version": 2, "id": "a2", "field": "dropped", "value": True}
    ).json()
    assert not reply["approved"] and reply["approval"]["version"] == 2


def test_each_entry_says_how_its_summary_and_title_were_made_and_an_edit_becomes_the_editors(
    client,
):
    made = {}

    class Made(HTMLParser):
        current = None

        def handle_starttag(self, tag, attrs):
            names = dict(attrs).get("class", "").split()
            self.current = (
                next((n for n in names if n in ("made-summary", "made-title")), None)
                if tag == "span"
                else None
            )
            if tag == "li":
                self.entry = dict(attrs)["data-id"]

        def handle_endtag(self, tag):
            self.current = None

        def handle_data(self, data):
            if self.current:
                made[self.entry, self.current] = data

    page = client.get(f"/?token={TOKEN}").text
    Made().feed(page)
    assert (
        made["a1", "made-summary"] == "摘要：模型 qwen-small"
        and made["a1", "made-title"] == "标题：原文标题"
    )
    assert (
        made["a2", "made-summary"]
        == "摘要：原文摘句（回退：模型 qwen-small 未采用，qwen-small: number 9900 <b>not</b> in the article）"
    )
    assert (
        "&lt;b&gt;not&lt;/b&gt;" in page and "<b>not</b>" not in page
    )  # the reason is text, escaped
    assert (
        made["a3", "made-title"] == "标题：据正文拟定"
        and made["a4", "made-summary"] == "摘要：原文摘句"
    )
    assert (
        'class="made-summary made-fallback"' in page and 'class="made-summary made-model"' in page
    )
    reply = post(
        client,
        "/api/edit",
        {"version": 0, "id": "a2", "field": "summary", "value": "临江港吞吐量8600万吨。"},
    )
    assert reply.json()["item"]["made"]["summary"] == {
        "text": "摘要：编辑修改（张三）",
        "kind": "edited",
    }
    assert reply.json()["item"]["made"]["title"] == {"text": "标题：原文标题", "kind": "pipeline"}
    made.clear()
    Made().feed(client.get(f"/?token={TOKEN}").text)
    assert made["a2", "made-summary"] == "摘要：编辑修改（张三）"


def test_an_entry_without_a_provenance_record_shows_no_line(tmp_path):
    entry = Entry(
        article_id="o1", title="旧简报", summary="旧简报的摘要。", topic="民生", source="第1版"
    )
    briefing = Briefing(
        source="i.txt", sections=[Section(title="民生", entries=[entry])], article_count=1
    )
    client = client_for(
        Draft.create(tmp_path / "o.draft.json", briefing, [], topics=["民生"], max_chars=90)
    )
    page = client.get(f"/?token={TOKEN}").text
    assert page.count('class="made-') == 2 and page.count(" hidden>") >= 2 and "摘要：" not in page


def test_the_page_labels_a_compressed_summary_as_the_briefing_does():
    from briefing.provenance import summary_provenance

    article = Article(id="a", body=["临江市今年加强了河道治理，清理淤泥3万方。东港市开展了义诊。"])
    for text, label in (("东港市开展了义诊。", "原文摘句"), ("东港市开展义诊。", "原文压缩")):
        article.summary = Summary(text=text, method="extractive")
        assert made_view("summary", summary_provenance(article))["text"] == f"摘要：{label}"
