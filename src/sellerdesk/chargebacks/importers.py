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

from sellerdesk.cases.importers import CaseCsvImporter
from sellerdesk.chargebacks.models import Chargeback, ChargebackKind, ChargebackStatus
from sellerdesk.chargebacks.services import chargeback_response_due
from sellerdesk.imports.base import Column, Reader
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


class ChargebacksImporter(CaseCsvImporter[Chargeback]):
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
    model = Chargeback
    opened = "received_at"
    deadline_fields = ("due_at", "decided_at")
    fields = FIELDS

    def parse(self, r: Reader) -> dict[str, Any]:
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

    def set_deadlines(self, case: Chargeback, decided_at: datetime, *, fill_only: bool) -> None:
        chargeback_deadlines(case, self.store, decided_at, fill_only=fill_only)
