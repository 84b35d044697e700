"""Seller feedback as CSV, for the API's ``/feedback.csv`` (and the web list's export).

One row per feedback with its removal check and the days left to request removal.
A cell a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``, tab, CR) is
prefixed with ``'``: buyer comments are not trusted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

COLUMNS = (
    "id", "store", "order_id", "date", "rating", "comment", "status", "reply_status",
    "fulfillment_channel", "removal_eligible", "removal_grounds", "removal_days_left",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def feedback_csv_lines(rows: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[str]:
    """The header, then one line per (store name, ``feedback_rows`` row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(values: Iterable[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(v) for v in values])
        return buffer.getvalue()

    yield line(COLUMNS)
    for store, row in rows:
        yield line(
            [
                row["id"],
                store,
                row["order_id"],
                row["date"],
                row["rating"],
                row["comment"],
                row["status"],
                row["reply_status"],
                row["fulfillment_channel"],
                row["removal"]["eligible"],
                " ".join(row["removal"]["grounds"]),
                row["days_left"],
            ]
        )
