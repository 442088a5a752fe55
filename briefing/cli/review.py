"""`briefing review`: correct, reorder and approve a briefing in a browser before it is sent."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import ConfigError
from .app import app

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command(
    epilog="Needs the [review] extra: pip install 'briefing[review]'. Stop the server with Ctrl-C; every change is already saved."
)
def review(
    sources: Optional[list[str]] = typer.Argument(
        None,
        metavar="ISSUE...",
        help="Issue text file, directory or page files, or .jsonl of articles (not needed with an existing --draft).",
    ),
    config: Optional[Path] = typer.Option(
        None,
        "--config",
        "-c",
        help="briefing.toml: [briefing] build settings, [review] formats and editor.",
    ),
    draft: Optional[Path] = typer.Option(
        None,
        "--draft",
        help="The draft file (default: ISSUE's name + .draft.json); reopened if it exists.",
    ),
    port: int = typer.Option(
        0, "--port", min=0, max=65535, help="Port to listen on (default: any free port)."
    ),
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to listen on; anything but loopback exposes the page (token-protected) to the network.",
    ),
    open_browser: bool = typer.Option(
        False, "--open", help="Open the page in the default browser."
    ),
    editor: Optional[str] = typer.Option(
        None,
        "--editor",
        help="Who is editing, recorded with each change (default: [review] editor, else the login name).",
    ),
    paper: Optional[str] = typer.Option(
        None, "--paper", help="Paper name for a new draft's header."
    ),
    date: Optional[str] = typer.Option(
        None, "--date", help="Issue date YYYY-MM-DD for a new draft."
    ),
) -> None:
    """Serve a local page to review the draft briefing of ISSUE; the URL (with its token) goes to standard error."""
    try:
        from ..review.server import ReviewApp, new_token, serve
    except ImportError as exc:
        raise ConfigError(
            f"the review page needs the [review] extra ({exc.name} is missing): "
            "pip install 'briefing[review]'"
        ) from exc
    from ..config import load_config
    from ..review import open_draft
    from ..review.settings import default_editor, load_review_settings

    build_settings = load_config(config)
    from ..program import long_lived

    long_lived()  # runs until stopped: the collector keeps its usual pace
    review_settings = load_review_settings(config)
    opened = open_draft(sources or [], draft=draft, config=build_settings, paper=paper, date=date)
    who = editor or review_settings.editor or default_editor()
    if host not in LOOPBACK:
        sys.stderr.write(
            f"briefing: warning: listening on {host}: anyone who can reach this address and has "
            "the token can change and approve the briefing\n"
        )
    hosts = ["*"] if host in ("0.0.0.0", "::") else ["127.0.0.1", "localhost"]
    page = ReviewApp(
        opened, token=new_token(), editor=who, formats=review_settings.formats, hosts=hosts
    )

    def ready(url: str) -> None:
        sys.stderr.write(
            f"briefing: reviewing {opened.path} ({len(opened.items)} entries, version {opened.version})\n"
            f"briefing: open {url}\n"
        )
        sys.stderr.flush()
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    serve(page, host=host, port=port, on_ready=ready)
