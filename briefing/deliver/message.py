"""The email of one briefing: text and HTML alternatives, optional Word / Markdown attachments.

The structure is the one every mail client understands::

    multipart/mixed                  (only when there are attachments)
      multipart/alternative
        text/plain; charset=utf-8    (first: clients show the last part they can render)
        text/html; charset=utf-8
      application/vnd...document     (briefing.docx)
      text/markdown                  (briefing.md)

The standard library's ``email`` package with the default policy does the encoding: Chinese
subjects and display names become RFC 2047 encoded words, file names RFC 2231 parameters.
The renderers do the HTML escaping; nothing here builds HTML from article text.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid
from typing import Any, Sequence

from ..errors import ConfigError
from ..registry import renderers

logger = logging.getLogger(__name__)

ATTACHMENT_TYPES = {
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "md": ("text", "markdown"),
}
# Renderer names in briefing.registry.renderers for each part of the message.
RENDERER_NAMES = {"text": "txt", "html": "html", "docx": "docx", "md": "md"}


def render(briefing: Any, part: str) -> str | bytes:
    """Render ``briefing`` with the registered renderer for ``part`` (text, html, docx, md)."""
    output = renderers.get(RENDERER_NAMES[part])(briefing)
    if part != "docx" and isinstance(output, bytes):
        output = output.decode("utf-8")
    return output


SUBJECT_FIELDS = ("paper", "date", "articles")
# {{ and }} are literal braces; {name} a field; any other brace is a mistake.
_SUBJECT_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def fill_subject(template: str, values: dict[str, object]) -> str:
    """``template`` with each ``{field}`` replaced by its value: plain substitution of the
    documented fields only; no attribute or index access, conversions or format specs."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        if name not in values:
            fields = ", ".join("{" + f + "}" for f in values)
            raise ConfigError(
                f"subject template {template!r}: {token!r} is not a field; use {fields} (and {{{{ }}}} for braces)"
            )
        return str(values[name])

    return _SUBJECT_TOKEN.sub(replace, template)


def render_subject(template: str, briefing: Any) -> str:
    """The subject from its template; a missing paper or date leaves no stray spaces."""
    subject = fill_subject(
        template,
        {
            "paper": getattr(briefing, "paper", None) or "",
            "date": getattr(briefing, "date", None) or "",
            "articles": getattr(briefing, "article_count", 0),
        },
    )
    return " ".join(subject.split()) or "每日简报"


def parse_address(value: str) -> Address:
    """``"临江日报 <a@b.cn>"`` -> an :class:`Address`; the header encodes the display name."""
    ((name, addr),) = getaddresses([value]) or [("", "")]
    username, _, domain = addr.rpartition("@")
    if not username or not domain:
        raise ConfigError(f"{value!r} is not an email address")
    return Address(display_name=name, username=username, domain=domain)


def attachment_name(briefing: Any, fmt: str) -> str:
    stem = "-".join(
        p for p in (getattr(briefing, "paper", None), getattr(briefing, "date", None), "简报") if p
    )
    # No path separators or control characters in a file name a mail client will save.
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", stem) + f".{fmt}"


def build_message(
    briefing: Any,
    *,
    sender: str,
    to: Sequence[str],
    cc: Sequence[str] = (),
    subject_template: str = "{paper} 每日简报 {date}",
    attach: Sequence[str] = (),
    message_id: str | None = None,
    now: datetime | None = None,
) -> EmailMessage:
    """One ready-to-send message; Bcc recipients go only in the SMTP envelope, never in a header."""
    from_address = parse_address(sender)
    msg = EmailMessage()
    msg["Subject"] = render_subject(subject_template, briefing)
    msg["From"] = from_address
    if to:
        msg["To"] = [parse_address(a) for a in to]
    else:  # only Bcc: say so, as mail clients do, rather than leaving To out
        msg["To"] = "undisclosed-recipients:;"
    if cc:
        msg["Cc"] = [parse_address(a) for a in cc]
    msg["Date"] = format_datetime(now or datetime.now().astimezone())
    msg["Message-ID"] = message_id or new_message_id(sender)

    msg.set_content(render(briefing, "text"), subtype="plain", charset="utf-8")
    msg.add_alternative(render(briefing, "html"), subtype="html", charset="utf-8")
    for fmt in attach:
        if fmt not in ATTACHMENT_TYPES:
            raise ConfigError(f"cannot attach {fmt!r}; choose from {', '.join(ATTACHMENT_TYPES)}")
        maintype, subtype = ATTACHMENT_TYPES[fmt]
        data = render(briefing, fmt)
        filename = attachment_name(briefing, fmt)
        if isinstance(data, bytes):
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
        else:
            msg.add_attachment(data, subtype=subtype, charset="utf-8", filename=filename)
    return msg


def new_message_id(sender: str) -> str:
    """A globally unique Message-ID in the sender's domain (no slow host-name lookup)."""
    domain = parse_address(sender).domain or "briefing.invalid"
    return make_msgid(idstring="briefing", domain=domain)
