"""Seller feedback as CSV, for the API's ``/feedback.csv`` (and the web list's export).

One row per feedback with its removal check and the days left to request removal.
A cell a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``, tab, CR) is
prefixed with ``'``: buyer comments are not trusted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sellerdesk.web.csv import csv_lines

COLUMNS = (
    "id", "store", "order_id", "date", "rating", "comment", "status", "reply_status",
    "fulfillment_channel", "removal_eligible", "removal_grounds", "removal_days_left",
)  # fmt: skip


def feedback_csv_lines(rows: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[str]:
    """The header, then one line per (store name, ``feedback_rows`` row)."""
    return csv_lines(
        COLUMNS,
        (
            {
                "id": row["id"],
                "store": store,
                "order_id": row["order_id"],
                "date": row["date"],
                "rating": row["rating"],
                "comment": row["comment"],
                "status": row["status"],
                "reply_status": row["reply_status"],
                "fulfillment_channel": row["fulfillment_channel"],
                "removal_eligible": "yes" if row["removal"]["eligible"] else "no",
                "removal_grounds": " ".join(row["removal"]["grounds"]),
                # As text, so a closed window's negative count keeps its leading ``'``.
                "removal_days_left": str(row["days_left"]),
            }
            for store, row in rows
        ),
    )
