"""CSV exports of claims and chargebacks: the same fields as ``--json``, one row each.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return) are prefixed with ``'``: text from Amazon's
emails or an import must not become a formula on the seller's machine.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

from sellerdesk.web.csv import csv_text


def csv_response(
    *, rows: Iterable[dict[str, Any]], columns: Sequence[str], filename: str
) -> HttpResponse:
    """The whole CSV in one response (cells as ``web.csv.csv_cell`` writes them)."""
    response = HttpResponse(csv_text(columns, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=0"
    return response


CLAIM_COLUMNS = (
    "id", "order_id", "status", "reason", "reason_text", "funded_by", "buy_shipping_protected",
    "amount", "currency", "filed_at", "due_at", "appeal_due_at", "next_deadline",
    "next_deadline_at", "decided_at", "counts_in_odr", "odr", "odr_reason", "source",
)  # fmt: skip
CHARGEBACK_COLUMNS = (
    "id", "order_id", "kind", "status", "amount", "currency", "received_at", "due_at",
    "decided_at", "counts_in_odr", "odr", "odr_reason", "source",
)  # fmt: skip
