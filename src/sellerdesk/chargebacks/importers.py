"""Importer for the desk's chargebacks CSV (sellers who track cases in a spreadsheet).

Columns (header row required, any order, names case-insensitive):
``order_id, received_at, kind, status, amount, currency`` and optionally
``decided_at``. ``kind`` is ``service`` (default) or ``fraud``; ``status`` one of
``open, represented, decided_for_seller, decided_for_buyer, refunded``.
One chargeback per order: a row updates the one the notice emails opened.
Deadlines are set as the email path sets them: an open case is to be answered
within ``chargeback_response_days`` of its notice; any other status has none.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, ClassVar

from sellerdesk.chargebacks.models import Chargeback, ChargebackKind, ChargebackStatus
from sellerdesk.chargebacks.services import chargeback_response_due
from sellerdesk.common.models import Source
from sellerdesk.imports.base import Column, Counts, Importer, Reader
from sellerdesk.imports.upsert import Upsert, assign, orders_by_id, same_day
from sellerdesk.stores.models import Store

FIELDS = (
    "order", "received_at", "kind", "status", "amount", "currency", "due_at", "decided_at",
)  # fmt: skip
DECIDED = {
    ChargebackStatus.DECIDED_FOR_SELLER,
    ChargebackStatus.DECIDED_FOR_BUYER,
    ChargebackStatus.REFUNDED,
}


def choices_of(labels: list[tuple[str, str]]) -> dict[str, str]:
    """A choice field's values by value and by label (normalized like Reader.choice)."""
    out: dict[str, str] = {}
    for value, label in labels:
        for key in (value, label):
            out[key.strip().lower().replace(" ", "_").replace("-", "_")] = value
    return out


def currency_code(r: Reader, name: str) -> str:
    currency = r.text(name).upper()
    if currency and not re.fullmatch(r"[A-Z]{3}", currency):
        raise r.refuse(name, f"not a currency code: {currency!r}")
    return currency


def chargeback_deadlines(
    chargeback: Chargeback, store: Store, decided_at: datetime, *, fill_only: bool = False
) -> None:
    """``due_at``/``decided_at`` for the chargeback's status, as the notice emails set
    them. ``fill_only`` (the status did not change): only missing values are set."""
    if chargeback.status == ChargebackStatus.OPEN:
        if not fill_only or chargeback.due_at is None:
            chargeback.due_at = chargeback_response_due(
                store=store, received_at=chargeback.received_at
            )
        return
    if not fill_only:
        chargeback.due_at = None
    if chargeback.status in DECIDED and chargeback.decided_at is None:
        chargeback.decided_at = decided_at


class ChargebacksImporter(Importer):
    kind = "chargebacks"
    description = "The desk's chargebacks CSV (order_id, received_at, kind, status, amount, …)"
    columns: ClassVar[tuple[Column, ...]] = (
        Column("order_id", ("amazon-order-id",)),
        Column("received_at", ("date", "notice-date")),
        Column("kind", required=False),
        Column("status", required=False),
        Column("amount", required=False),
        Column("currency", required=False),
        Column("decided_at", required=False),
    )
    KINDS = choices_of(ChargebackKind.choices)
    STATUSES = choices_of(ChargebackStatus.choices)

    def _parse(self, r: Reader) -> dict[str, Any]:
        order_id = r.text("order_id", required=True)
        if len(order_id) > 19:
            raise r.refuse("order_id", f"not an Amazon order id: {order_id!r}")
        amount = r.decimal("amount")
        return {
            "amazon_order_id": order_id,
            "received_at": r.datetime("received_at", required=True),
            "kind": r.choice("kind", self.KINDS),
            "status": r.choice("status", self.STATUSES),
            "amount": abs(amount) if amount is not None else None,
            "currency": currency_code(r, "currency"),
            "decided_at": r.datetime("decided_at"),
        }

    def apply(self, batch: list[Reader]) -> Counts:
        rows = [self._parse(r) for r in batch]
        ids = {row["amazon_order_id"] for row in rows}
        upsert = Upsert(
            Chargeback,
            "amazon_order_id",
            Chargeback.objects.filter(store=self.store, amazon_order_id__in=ids),
        )
        orders = orders_by_id(self.store, ids)
        for row in rows:
            decided_at = row.pop("decided_at") or row["received_at"]
            values = {k: v for k, v in row.items() if v not in ("", None)}
            if row["amount"] is not None:
                values["currency"] = row["currency"] or self.store.currency
            order = orders.get(row["amazon_order_id"])
            if order is not None:
                values["order_id"] = order.pk
            chargeback = upsert.get(row["amazon_order_id"])
            if chargeback is None:
                chargeback = Chargeback(store=self.store, source=Source.IMPORT, **values)
                chargeback_deadlines(chargeback, self.store, decided_at)
                upsert.create(chargeback)
                continue
            if same_day(chargeback.received_at, row["received_at"], self.store.tz):
                values.pop("received_at")
            moved = values.get("status", chargeback.status) != chargeback.status
            changed = assign(chargeback, values)
            before = (chargeback.due_at, chargeback.decided_at)
            chargeback_deadlines(chargeback, self.store, decided_at, fill_only=not moved)
            upsert.touched(
                chargeback, changed or before != (chargeback.due_at, chargeback.decided_at)
            )
        return upsert.save(FIELDS)
