"""Which Amazon report feeds which import kind, and how each is asked for.

Three ways:

* ``window``: createReport for a time window; each sync asks for the time since
  the last window it asked for (the first sync reaches back
  ``report_first_sync_days``); a window longer than ``max_days_policy`` allows is
  split.
* ``snapshot``: createReport without a window, at most every ``min_interval``.
* ``listed``: Amazon makes these itself (settlements): getReports lists the
  finished ones created since the cursor, and each new one is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

Mode = Literal["window", "snapshot", "listed"]


@dataclass(frozen=True)
class ReportKind:
    kind: str  # the key of imports.registry.IMPORTERS
    report_type: str
    mode: Mode
    suffix: str = ".tsv"
    max_days_policy: str = ""  # a policy setting bounding one request's window
    min_interval: timedelta = timedelta(minutes=30)  # a shorter new window waits


REPORT_KINDS: tuple[ReportKind, ...] = (
    # By *last update*, not order date: the same columns, but an incremental window then
    # also brings back older orders whose status changed (shipped, cancelled, delivered).
    ReportKind("orders", "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL", "window"),
    ReportKind("feedback", "GET_SELLER_FEEDBACK_DATA", "window"),
    ReportKind(
        "returns",
        "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE",
        "window",
        max_days_policy="returns_report_max_days",
    ),
    ReportKind("fba-returns", "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA", "window"),
    ReportKind("settlement", "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2", "listed"),
    ReportKind(
        "performance",
        "GET_V2_SELLER_PERFORMANCE_REPORT",
        "snapshot",
        suffix=".json",
        min_interval=timedelta(hours=24),
    ),
)
KINDS_BY_NAME = {k.kind: k for k in REPORT_KINDS}

# A CANCELLED or FATAL report is asked for again at later syncs, this many times in all;
# then its window is given up (Amazon cancels reports that would be empty).
MAX_ATTEMPTS = 3
