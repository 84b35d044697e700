"""Returns as CSV, for the web list's export and the API's ``/returns.csv``.

One row per return, with its reason's fault and its deadlines. Datetimes are
ISO 8601 in UTC, money a decimal string beside its currency. A cell that a
spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``, tab, CR) is
prefixed with ``'``: buyer comments and report fields are not trusted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from sellerdesk.returns.deadlines import ReturnPolicy, deadline_facts
from sellerdesk.returns.models import Return
from sellerdesk.returns.reasons import reason_for
from sellerdesk.stores.models import Store
from sellerdesk.web.csv import csv_lines

COLUMNS = (
    "id", "store", "amazon_order_id", "rma_id", "fulfillment_channel", "sku", "asin", "title",
    "quantity", "reason_code", "reason", "fault", "status", "in_policy", "resolution",
    "requested_at", "received_at", "refunded_at", "due_at", "deadline_kind", "deadline_state",
    "answer_due_at", "refund_due_at", "amount", "currency", "disposition", "carrier",
    "tracking_number", "buyer_comment",
)  # fmt: skip


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def return_row(record: Return, *, policy: ReturnPolicy, now: datetime) -> dict[str, object]:
    reason = reason_for(record.reason_code)
    facts = deadline_facts(record, policy, now)
    return {
        "id": record.pk,
        "store": record.store.name,
        "amazon_order_id": record.amazon_order_id,
        "rma_id": record.rma_id,
        "fulfillment_channel": record.fulfillment_channel,
        "sku": record.sku,
        "asin": record.asin,
        "title": record.title,
        "quantity": record.quantity,
        "reason_code": record.reason_code,
        "reason": reason.words,
        "fault": reason.fault,
        "status": record.status,
        "in_policy": _yes_no(record.in_policy),
        "resolution": record.resolution,
        "requested_at": record.requested_at,
        "received_at": record.received_at,
        "refunded_at": record.refunded_at,
        "due_at": record.due_at,
        "deadline_kind": facts.current.kind if facts.current else "",
        "deadline_state": facts.state or "",
        "answer_due_at": facts.answer_due_at,
        "refund_due_at": facts.refund_due_at,
        "amount": f"{record.amount:f}" if record.amount is not None else None,
        "currency": record.currency,
        "disposition": record.disposition,
        "carrier": record.carrier,
        "tracking_number": record.tracking_number,
        "buyer_comment": record.buyer_comment,
    }


def returns_csv_lines(records: Iterable[Return], *, now: datetime) -> Iterator[str]:
    """The header, then one CSV line per return (records carry their store)."""
    policies: dict[int, ReturnPolicy] = {}

    def rows() -> Iterator[dict[str, object]]:
        for record in records:
            store: Store = record.store
            policy = policies.get(store.pk)
            if policy is None:
                policy = policies[store.pk] = ReturnPolicy.from_store(store)
            yield return_row(record, policy=policy, now=now)

    return csv_lines(COLUMNS, rows())


def returns_csv(records: Iterable[Return], *, now: datetime) -> str:
    return "".join(returns_csv_lines(records, now=now))
