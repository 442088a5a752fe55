"""Errors of delivery: the message could not be handed to the mail server.

These are deliberately *not* :class:`~briefing.errors.BriefingError` subclasses: bad input or
configuration exits with status 2, a failed delivery with status 1, and a cron job's owner
needs to tell the two apart.
"""

from __future__ import annotations


class DeliveryError(Exception):
    """The briefing was not (fully) delivered; the message says to whom and why."""


class LedgerBusyError(DeliveryError):
    """Another job holds the send ledger; nothing was sent, the next run will try again."""
