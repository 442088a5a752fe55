"""Email delivery of briefings for scheduled jobs: message, SMTP, send ledger, watch folder.

``send_issue(source, config=load_delivery_config("briefing.toml"))`` builds an issue's
briefing and emails it once per recipient; :class:`DeliveryError` means it was not (fully)
delivered, :class:`~briefing.errors.BriefingError` that the input or configuration is wrong.
"""

from .errors import DeliveryError, LedgerBusyError
from .job import SendOutcome, send_issue
from .settings import DeliveryConfig, load_delivery_config
from .watch import Watcher, watch_folder

__all__ = [
    "DeliveryConfig",
    "DeliveryError",
    "LedgerBusyError",
    "SendOutcome",
    "Watcher",
    "load_delivery_config",
    "send_issue",
    "watch_folder",
]
