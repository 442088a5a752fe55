"""The review page: a small Starlette app over one :class:`~briefing.review.draft.Draft`.

Security, since the page can change what gets sent under the editor's name:

* it listens on 127.0.0.1 unless a host is given explicitly, and the Host header must name the
  address it listens on (no DNS rebinding);
* every request carries the random token: the page's URL has it, and the page sends it back in
  the ``X-Review-Token`` header; a wrong or missing token is 403;
* every change is a POST with the token in that header and a JSON body; a browser cannot send
  either cross-site without a CORS preflight, which is never granted, and a foreign ``Origin``
  is refused as well;
* every piece of issue text is escaped by the templates (autoescape) and by the page's script
  (``textContent``); the Content-Security-Policy allows only the package's own script and style;
* no request names a file: the draft and the outputs are fixed when the server starts.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from ..provenance import MODEL_PREFIX, by_model, fell_back, method_name
from ..records import Provenance
from ..render import GENERATED_MARK, format_date, get_renderer, is_binary
from .approval import EXTENSIONS, approve_draft, stem
from .draft import EDITED, Draft, Item, ReviewError, StaleDraftError

logger = logging.getLogger(__name__)

TOKEN_HEADER = "X-Review-Token"
STATIC = {"review.js": "text/javascript; charset=utf-8", "review.css": "text/css; charset=utf-8"}
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
# The HTML renderer puts every style inline (mail clients drop <style>); nothing else is allowed.
PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"
FORMAT_LABELS = {"html": "HTML", "md": "Markdown", "txt": "纯文本", "json": "JSON", "docx": "Word"}
MADE_FIELDS = {"summary": "摘要", "title": "标题"}


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _headers(policy: str = PAGE_POLICY) -> dict[str, str]:
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",  # the token is in the page's URL: never pass it on
        "Cache-Control": "no-store",
    }


def made_view(field_name: str, made: Provenance | None) -> dict[str, str]:
    """How a summary or title was made, as the page says it: ``text`` to read (a fallback with its
    reason) and ``kind`` to style (pipeline, model, fallback, edited; unknown: no record)."""
    what = MADE_FIELDS[field_name]
    if made is None:
        return {"text": "", "kind": "unknown"}
    if made.method == EDITED:
        return {
            "text": f"{what}：编辑修改" + (f"（{made.by}）" if made.by else ""),
            "kind": "edited",
        }
    if by_model(made):
        return {
            "text": f"{what}：模型 {made.model or made.method[len(MODEL_PREFIX) :]}",
            "kind": "model",
        }
    text = f"{what}：{method_name(made, field_name)}"
    if fell_back(made):
        return {
            "text": text
            + f"（回退：模型 {made.model} 未采用"
            + (f"，{made.reason}" if made.reason else "")
            + "）",
            "kind": "fallback",
        }
    return {"text": text, "kind": "pipeline"}


def made_views(item: Item) -> dict[str, dict[str, str]]:
    return {name: made_view(name, item.made(name)) for name in MADE_FIELDS}


def item_state(draft: Draft, item: Item) -> dict[str, Any]:
    """What the page shows of an entry after a change."""
    return {
        "id": item.id,
        "title": item.entry.title,
        "title_generated": item.entry.title_generated,
        "summary": item.entry.summary,
        "topic": item.entry.topic,
        "top": item.top,
        "dropped": item.dropped,
        "edited": sorted(item.edits),
        "made": made_views(item),
        "placement": draft.placement(item),
        "checks": draft.checks(item),
    }


def draft_state(draft: Draft) -> dict[str, Any]:
    briefing = draft.briefing()
    return {
        "version": draft.version,
        "approved": draft.approved,
        "approval": draft.approval.to_dict() if draft.approval else None,
        "article_count": briefing.article_count,
    }


class ReviewApp:
    """The routes over one draft; changes are serialised by a lock (uvicorn runs sync routes in threads)."""

    def __init__(
        self,
        draft: Draft,
        *,
        token: str,
        editor: str,
        formats: Sequence[str],
        hosts: Sequence[str] = ("127.0.0.1", "localhost"),
    ) -> None:
        self.draft = draft
        self.token = token
        self.editor = editor
        self.formats = list(formats)
        self.hosts = list(hosts)
        self.lock = threading.Lock()
        self.templates = Environment(
            loader=PackageLoader("briefing.review", "templates"),
            autoescape=select_autoescape(default=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    # --- plumbing -----------------------------------------------------------------------------

    def authorised(self, request: Request, *, header_only: bool = False) -> bool:
        given = request.headers.get(TOKEN_HEADER)
        if given is None and not header_only:
            given = request.query_params.get("token")
        return given is not None and secrets.compare_digest(given.encode(), self.token.encode())

    def guard(self, request: Request, *, post: bool = False) -> Response | None:
        """A refusal for a request without the token (or, for a change, from another site); None if fine."""
        if not self.authorised(request, header_only=post):
            return PlainTextResponse(
                "Forbidden: missing or wrong token. Open the URL that `briefing review` printed.",
                status_code=403,
                headers=_headers(),
            )
        if post:
            origin = request.headers.get("origin")
            if (
                origin is not None
                and origin != f"{request.url.scheme}://{request.headers.get('host')}"
            ):
                return PlainTextResponse(
                    "Forbidden: cross-site request", status_code=403, headers=_headers()
                )
            if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
                return PlainTextResponse(
                    "Unsupported Media Type: send JSON", status_code=415, headers=_headers()
                )
        return None

    async def body(self, request: Request) -> dict[str, Any]:
        try:
            data = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ReviewError(f"not JSON: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("version"), int):
            raise ReviewError("a change must be a JSON object with the draft's version")
        return data

    async def change(
        self, request: Request, apply: Callable[[dict[str, Any]], dict[str, Any]]
    ) -> Response:
        refusal = self.guard(request, post=True)
        if refusal is not None:
            return refusal
        try:
            data = await self.body(request)
            with self.lock:
                result = apply(data)
                result.update(draft_state(self.draft))
        except StaleDraftError as exc:
            return JSONResponse(
                {"error": "stale", "message": str(exc), "version": exc.current},
                status_code=409,
                headers={**_headers(), "ETag": f'"{exc.current}"'},
            )
        except ReviewError as exc:
            return JSONResponse(
                {"error": "invalid", "message": str(exc)}, status_code=400, headers=_headers()
            )
        return JSONResponse(result, headers={**_headers(), "ETag": f'"{self.draft.version}"'})

    # --- routes -------------------------------------------------------------------------------

    async def page(self, request: Request) -> Response:
        refusal = self.guard(request)
        if refusal is not None:
            return refusal
        with self.lock:
            html = self.render_page()
        return HTMLResponse(html, headers={**_headers(), "ETag": f'"{self.draft.version}"'})

    def render_page(self) -> str:
        draft = self.draft
        sections = []
        for title in draft.section_order():
            items = [item for item in draft.items if item.section == title]
            sections.append({"title": title, "items": [self.entry_view(item) for item in items]})
        briefing = draft.briefing()
        return self.templates.get_template("page.html").render(
            token=self.token,
            draft=draft,
            state=draft_state(draft),
            paper=briefing.paper or "",
            date=briefing.date or "",
            date_text=format_date(briefing.date) or "",
            sections=sections,
            topics=draft.topics,
            formats=[(name, FORMAT_LABELS.get(name, name)) for name in self.preview_formats()],
            approve_formats=self.formats,
            file_stem=stem(draft.path),
            editor=self.editor,
            mark=GENERATED_MARK,
            max_chars=draft.max_chars,
            checks_of=draft.checks,
        )

    def entry_view(self, item: Item) -> dict[str, Any]:
        source = self.draft.articles.get(item.id)
        sentences = []
        if source is not None:
            number = 0
            for paragraph in source.paragraphs:
                row = []
                for text in paragraph:
                    row.append((text, number in source.highlight))
                    number += 1
                sentences.append(row)
        return {
            "item": item,
            "entry": item.entry,
            "source": source,
            "paragraphs": sentences,
            "made": made_views(item),
        }

    def preview_formats(self) -> list[str]:
        from ..registry import renderers

        return list(renderers.names())

    async def static(self, request: Request) -> Response:
        refusal = self.guard(request)
        if refusal is not None:
            return refusal
        name = request.path_params["name"]
        if name not in STATIC:  # a fixed list: no request names a file
            return PlainTextResponse("Not Found", status_code=404, headers=_headers())
        data = (resources.files("briefing.review") / "static" / name).read_bytes()
        return Response(data, media_type=STATIC[name], headers=_headers())

    async def preview(self, request: Request) -> Response:
        refusal = self.guard(request)
        if refusal is not None:
            return refusal
        name = request.path_params["format"]
        if name not in self.preview_formats():
            return PlainTextResponse(
                f"Not Found: no format {name!r}", status_code=404, headers=_headers()
            )
        renderer = get_renderer(name)
        with self.lock:
            document = renderer(self.draft.briefing())
        if name == "html":
            return HTMLResponse(document, headers=_headers(PREVIEW_POLICY))
        if is_binary(renderer):
            filename = stem(self.draft.path) + EXTENSIONS.get(name, "." + name)
            headers = {**_headers(), "Content-Disposition": f'attachment; filename="{filename}"'}
            return Response(document, media_type="application/octet-stream", headers=headers)
        return PlainTextResponse(document, headers=_headers())

    async def edit(self, request: Request) -> Response:
        def apply(data: dict[str, Any]) -> dict[str, Any]:
            item = self.draft.edit(
                str(data.get("id")),
                str(data.get("field")),
                data.get("value"),
                version=data["version"],
                by=self.editor,
            )
            return {"item": item_state(self.draft, item)}

        return await self.change(request, apply)

    async def move(self, request: Request) -> Response:
        def apply(data: dict[str, Any]) -> dict[str, Any]:
            item = self.draft.move(
                str(data.get("id")),
                str(data.get("direction")),
                version=data["version"],
                by=self.editor,
            )
            return {"item": item_state(self.draft, item)}

        return await self.change(request, apply)

    async def header(self, request: Request) -> Response:
        def apply(data: dict[str, Any]) -> dict[str, Any]:
            paper, date = data.get("paper"), data.get("date")
            if not isinstance(paper, str) or not isinstance(date, str):
                raise ReviewError("paper and date must be text")
            self.draft.set_header(paper=paper, date=date, version=data["version"])
            return {"date_text": format_date(self.draft.base.date) or ""}

        return await self.change(request, apply)

    async def approve(self, request: Request) -> Response:
        def apply(data: dict[str, Any]) -> dict[str, Any]:
            done = approve_draft(
                self.draft, version=data["version"], by=self.editor, formats=self.formats
            )
            return {"written": {key: path.name for key, path in done.written.items()}}

        return await self.change(request, apply)

    def app(self) -> Starlette:
        routes = [
            Route("/", self.page),
            Route("/static/{name}", self.static),
            Route("/preview/{format}", self.preview),
            Route("/api/edit", self.edit, methods=["POST"]),
            Route("/api/move", self.move, methods=["POST"]),
            Route("/api/header", self.header, methods=["POST"]),
            Route("/api/approve", self.approve, methods=["POST"]),
        ]
        return Starlette(
            routes=routes, middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=self.hosts)]
        )


def serve(review: ReviewApp, *, host: str, port: int, on_ready: Callable[[str], None]) -> None:
    """Serve until interrupted; ``on_ready`` gets the page's URL (with the token) once the port is bound."""
    import socket

    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(
            128
        )  # connections wait in the backlog from now on, so the URL works once printed
    except OSError as exc:
        sock.close()
        raise ReviewError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    bound = sock.getsockname()[1]
    for item in review.draft.items:  # every entry's checks, before the first page is asked for
        review.draft.checks(item)
    shown = f"[{host}]" if ":" in host else host
    review.hosts = list(
        dict.fromkeys([*review.hosts, host])
    )  # the Host header must name where we listen
    server = uvicorn.Server(
        uvicorn.Config(review.app(), log_level="warning", access_log=False, lifespan="off")
    )
    on_ready(f"http://{shown}:{bound}/?token={review.token}")
    server.run(sockets=[sock])
