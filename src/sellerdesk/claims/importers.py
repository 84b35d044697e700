"""Importers that write A-to-z claims: the desk's claims CSV and the settlement report.

``claims``: the desk's own CSV for sellers who track cases in a spreadsheet.
Columns (header row required, any order, names case-insensitive):
``order_id, filed_at, reason, status, amount, currency, funded_by`` and
optionally ``decided_at``. One claim per order: a row updates the claim the
notice emails opened. ``reason`` is free text, kept in ``reason_text`` and
mapped to the reason choices when it clearly says which.

``settlement``: see :class:`SettlementImporter`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from django.db.models import Max, Min, Sum
from django.utils import timezone

from sellerdesk.cases.importers import CaseCsvImporter
from sellerdesk.chargebacks.importers import ChargebacksImporter, choices_of, currency_code
from sellerdesk.chargebacks.models import Chargeback, ChargebackStatus
from sellerdesk.claims.models import Claim, ClaimReason, ClaimStatus, FundedBy
from sellerdesk.claims.services import claim_appeal_due, claim_response_due
from sellerdesk.common.models import Source
from sellerdesk.imports.base import Column, Counts, Importer, Reader
from sellerdesk.imports.models import SettlementCase, SettlementCaseAmount
from sellerdesk.imports.upsert import Upsert, assign, orders_by_id
from sellerdesk.stores.models import Store

CLAIM_FIELDS = (
    "order", "filed_at", "reason", "reason_text", "status", "funded_by", "amount", "currency",
    "due_at", "decided_at", "appeal_due_at",
)  # fmt: skip
DECIDED = {
    ClaimStatus.GRANTED,
    ClaimStatus.DENIED,
    ClaimStatus.WITHDRAWN,
    ClaimStatus.REFUNDED_BY_SELLER,
}
REASON_WORDS = [
    (ClaimReason.RETURN_REFUND, re.compile(r"(?i)\breturn|refund\s+not|not\s+refunded")),
    (
        ClaimReason.NOT_RECEIVED,
        re.compile(
            r"(?i)(?:not|never)\s+(?:been\s+)?(?:received|delivered|arrived|came)"
            r"|(?:did\s*n[o']t|didnt)\s+(?:arrive|receive)|undelivered|non[-\s]?receipt|\blost\b"
        ),
    ),
    (
        ClaimReason.NOT_AS_DESCRIBED,
        re.compile(
            r"(?i)not\s+as\s+described|materially\s+different|different\s+from|wrong\s+item"
            r"|damaged|defective|broken|counterfeit|fake"
        ),
    ),
]


def claim_reason(text: str) -> str:
    """The reason choice ``text`` clearly names, else ``other``."""
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    if key in ClaimReason.values:
        return key
    for reason, pattern in REASON_WORDS:
        if pattern.search(text):
            return str(reason)
    return ClaimReason.OTHER


def claim_deadlines(
    claim: Claim, store: Store, decided_at: datetime, *, fill_only: bool = False
) -> None:
    """``due_at``, ``decided_at`` and ``appeal_due_at`` for the claim's status, as the
    notice emails set them: an information request is due ``atoz_response_hours``
    after filing, a grant may be appealed for ``atoz_appeal_days``; other
    statuses have nothing due. ``fill_only`` (the status did not change): only
    missing values are set, so a deadline a later notice moved stays."""

    def put(name: str, value: datetime | None) -> None:
        if not fill_only or getattr(claim, name) is None:
            setattr(claim, name, value)

    if claim.status == ClaimStatus.ACTION_REQUIRED:
        put("due_at", claim_response_due(claim=claim, store=store, requested_at=claim.filed_at))
        return
    if not fill_only:
        claim.due_at = None
    if claim.status in DECIDED and claim.decided_at is None:
        claim.decided_at = decided_at
    if claim.status == ClaimStatus.GRANTED:
        put(
            "appeal_due_at",
            claim_appeal_due(store=store, decided_at=claim.decided_at or decided_at),
        )


class ClaimsImporter(CaseCsvImporter[Claim]):
    kind = "claims"
    description = "The desk's A-to-z claims CSV (order_id, filed_at, reason, status, amount, …)"
    columns: ClassVar[tuple[Column, ...]] = (
        Column("order_id", ("amazon-order-id",)),
        Column("filed_at", ("date", "claim-date")),
        Column("reason", required=False),
        Column("status", required=False),
        Column("amount", required=False),
        Column("currency", required=False),
        Column("funded_by", required=False),
        Column("decided_at", required=False),
    )
    STATUSES = choices_of(ClaimStatus.choices)
    FUNDERS = choices_of(FundedBy.choices)
    model = Claim
    opened = "filed_at"
    deadline_fields = ("due_at", "decided_at", "appeal_due_at")
    fields = CLAIM_FIELDS

    def parse(self, r: Reader) -> dict[str, Any]:
        order_id = r.text("order_id", required=True)
        if len(order_id) > 19:
            raise r.refuse("order_id", f"not an Amazon order id: {order_id!r}")
        reason_text = r.text("reason")[:500]
        amount = r.decimal("amount")
        return {
            "amazon_order_id": order_id,
            "filed_at": r.datetime("filed_at", required=True),
            "reason": claim_reason(reason_text) if reason_text else "",
            "reason_text": reason_text,
            "status": r.choice("status", self.STATUSES),
            "amount": abs(amount) if amount is not None else None,
            "currency": currency_code(r, "currency"),
            "funded_by": r.choice("funded_by", self.FUNDERS),
            "decided_at": r.datetime("decided_at"),
        }

    def set_deadlines(self, case: Claim, decided_at: datetime, *, fill_only: bool) -> None:
        claim_deadlines(case, self.store, decided_at, fill_only=fill_only)

    def keep_known(self, values: dict[str, Any]) -> None:
        if values.get("reason") == ClaimReason.OTHER:
            values.pop("reason")  # free text that names no reason keeps a known one


# --- settlement report -------------------------------------------------------

# transaction-type → the case it pays out (compared lower case, spaces collapsed).
CASE_TYPES = {
    "a-to-z guarantee refund": SettlementCase.CLAIM,
    "a-to-z guarantee claim": SettlementCase.CLAIM,
    "chargeback refund": SettlementCase.CHARGEBACK,
}
# Statuses that come before the money moves: the settlement decides them.
CLAIM_OPEN = {ClaimStatus.ACTION_REQUIRED, ClaimStatus.UNDER_REVIEW}
CHARGEBACK_OPEN = {ChargebackStatus.OPEN, ChargebackStatus.REPRESENTED}
CHARGEBACK_FIELDS = ("order", "amount", "currency", "status", "due_at", "decided_at")
CaseKey = tuple[str, str, str]  # settlement id, order id, case


@dataclass
class _Sum:
    amount: Decimal = Decimal(0)
    currency: str = ""
    posted_at: datetime | None = None
    rows: int = 0


@dataclass
class _Settlement:
    currency: str = ""
    end: datetime | None = None
    sums: dict[CaseKey, _Sum] = field(default_factory=dict)


def _count(counts: Counts, outcome: str) -> None:
    """Count one row as 'created', 'updated' or 'unchanged'."""
    setattr(counts, outcome, getattr(counts, outcome) + 1)


class SettlementImporter(Importer):
    """The settlement report (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2), TSV.

    Only ``A-to-z Guarantee Refund`` and ``Chargeback Refund`` rows matter: the
    money moved, so the claim is granted (unless the desk already has it at a
    later status) and the chargeback decided for the buyer, with the amount
    moved as a positive figure.

    1. A first pass reads the file for those rows only and sums them per
       settlement, order and case (a handful of rows, whatever the file size).
    2. The runner's pass stores each sum as a :class:`SettlementCaseAmount`
       (replacing, never adding to, what an earlier import of the same
       settlement stored) and sets the claim's or chargeback's amount to the sum
       over all settlements: importing a file twice, or two files that touch
       the same order, never doubles an amount.
    Rows of other transaction types change nothing and count as unchanged.
    """

    kind = "settlement"
    description = "Settlement report (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2), TSV"
    columns: ClassVar[tuple[Column, ...]] = (
        Column("settlement-id"),
        Column("settlement-end-date", required=False),
        Column("deposit-date", required=False),
        Column("total-amount", required=False),
        Column("currency", required=False),
        Column("transaction-type"),
        Column("order-id", ("amazon-order-id",)),
        Column("amount"),
        Column("posted-date", required=False),
        Column("posted-date-time", required=False),
    )

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._settlement = _Settlement()
        self._written: dict[CaseKey, str] = {}  # what writing each case's sum did

    @staticmethod
    def _case(r: Reader) -> str | None:
        kind = " ".join(r.text("transaction-type").lower().split())
        return CASE_TYPES.get(kind)

    def readers(self, path: Path) -> tuple[Iterator[Reader], str]:
        self._settlement, self._written = _Settlement(), {}  # an importer may be reused
        first, _ = super().readers(path)
        try:
            for r in first:
                self._read(r)
        finally:  # a refusal mid-file still closes it
            close = getattr(first, "close", None)
            if close is not None:
                close()
        return super().readers(path)

    def _read(self, r: Reader) -> None:
        """First pass: the summary row's currency and end, and each case's sum."""
        state = self._settlement
        if not r.text("transaction-type"):  # the summary row
            r.decimal("total-amount")  # a bad total refuses the file too
            state.currency = state.currency or currency_code(r, "currency")
            state.end = state.end or r.datetime("settlement-end-date") or r.datetime("deposit-date")
            return
        case = self._case(r)
        if case is None:
            return
        order_id = r.text("order-id", required=True)
        if len(order_id) > 19:
            raise r.refuse("order-id", f"not an Amazon order id: {order_id!r}")
        key = (r.text("settlement-id", required=True), order_id, case)
        total = state.sums.setdefault(key, _Sum())
        total.amount += r.decimal("amount", required=True) or Decimal(0)
        total.currency = total.currency or currency_code(r, "currency")
        posted = r.datetime("posted-date-time") or r.datetime("posted-date")
        if posted is not None and (total.posted_at is None or posted < total.posted_at):
            total.posted_at = posted
        total.rows += 1

    def apply(self, batch: list[Reader]) -> Counts:
        counts = Counts(rows=len(batch))
        keys: dict[CaseKey, int] = defaultdict(int)
        for r in batch:
            case = self._case(r) if r.text("transaction-type") else None
            if case is None:
                counts.unchanged += 1
                continue
            key = (r.text("settlement-id"), r.text("order-id"), case)
            if key in self._written:  # its sum was written with an earlier batch
                _count(counts, self._written[key])
            else:
                keys[key] += 1
        if keys:
            outcomes = self._write(list(keys))
            for key, rows in keys.items():
                self._written[key] = outcomes[key[1], key[2]]
                for _ in range(rows):
                    _count(counts, self._written[key])
        return counts

    def _write(self, keys: list[CaseKey]) -> dict[tuple[str, str], str]:
        """Store the sums of ``keys``; update their cases; 'created'/'updated'/'unchanged'
        for each (order, case)."""
        state = self._settlement
        stored = Upsert(
            SettlementCaseAmount,
            "key",
            SettlementCaseAmount.objects.filter(
                store=self.store,
                settlement_id__in={k[0] for k in keys},
                amazon_order_id__in={k[1] for k in keys},
            ),
        )
        for settlement_id, order_id, case in keys:
            total = state.sums[settlement_id, order_id, case]
            values = {
                "amount": total.amount,
                "currency": total.currency or state.currency or self.store.currency,
                "posted_at": total.posted_at or state.end,
            }
            key = f"{settlement_id}|{order_id}|{case}"
            row = stored.get(key)
            if row is None:
                stored.create(
                    SettlementCaseAmount(
                        store=self.store, settlement_id=settlement_id, amazon_order_id=order_id,
                        case=case, **values,
                    )
                )  # fmt: skip
            else:
                stored.touched(row, assign(row, values))
        stored.save(("amount", "currency", "posted_at"))
        cases = {(k[1], k[2]) for k in keys}
        sums = self._sums(cases)
        outcomes: dict[tuple[str, str], str] = {}
        outcomes.update(
            self._settle(
                ClaimsImporter(self.store),
                SettlementCase.CLAIM,
                {o for o, c in cases if c == SettlementCase.CLAIM},
                sums,
                still_open=CLAIM_OPEN,
                settled=ClaimStatus.GRANTED,
                fields=CLAIM_FIELDS,
                funded_by=FundedBy.SELLER,  # money moved on a claim the desk never heard of
            )
        )
        outcomes.update(
            self._settle(
                ChargebacksImporter(self.store),
                SettlementCase.CHARGEBACK,
                {o for o, c in cases if c == SettlementCase.CHARGEBACK},
                sums,
                still_open=CHARGEBACK_OPEN,
                settled=ChargebackStatus.DECIDED_FOR_BUYER,
                fields=CHARGEBACK_FIELDS,
            )
        )
        return outcomes

    def _sums(self, cases: set[tuple[str, str]]) -> dict[tuple[str, str], _Sum]:
        """Per (order, case): the amount over every settlement (positive), its
        currency and its first posting."""
        rows = (
            SettlementCaseAmount.objects.filter(
                store=self.store, amazon_order_id__in={o for o, _ in cases}
            )
            .values("amazon_order_id", "case")
            .annotate(total=Sum("amount"), first=Min("posted_at"), cur=Max("currency"))
            .order_by()
        )
        return {
            (row["amazon_order_id"], row["case"]): _Sum(
                amount=abs(row["total"] or Decimal(0)),
                currency=row["cur"] or "",
                posted_at=row["first"],
            )
            for row in rows
        }

    def _posted(self, total: _Sum) -> datetime:
        return total.posted_at or self._settlement.end or timezone.now()

    def _settle[C: Claim | Chargeback](
        self,
        table: CaseCsvImporter[C],
        case: str,
        order_ids: set[str],
        sums: dict[tuple[str, str], _Sum],
        *,
        still_open: Collection[str],
        settled: str,
        fields: tuple[str, ...],
        **new: Any,
    ) -> dict[tuple[str, str], str]:
        """Set the amount moved on the ``case`` of each order (``table``: its CSV
        importer, which knows the model, when a case opens and its deadlines). A case
        still open is ``settled``; one the desk never heard of is created ``settled``,
        with ``new``."""
        if not order_ids:
            return {}
        upsert = Upsert(
            table.model,
            "amazon_order_id",
            table.model._default_manager.filter(store=self.store, amazon_order_id__in=order_ids),
        )
        orders = orders_by_id(self.store, order_ids)
        outcomes: dict[tuple[str, str], str] = {}
        for order_id in sorted(order_ids):
            total = sums[order_id, case]
            posted = self._posted(total)
            order = orders.get(order_id)
            values: dict[str, Any] = {"amount": total.amount, "currency": total.currency}
            if order is not None:
                values["order_id"] = order.pk
            record = upsert.get(order_id)
            if record is None:
                record = table.model(
                    store=self.store, amazon_order_id=order_id, status=settled,
                    source=Source.IMPORT, **{table.opened: posted}, **new, **values,
                )  # fmt: skip
                table.set_deadlines(record, posted, fill_only=False)
                upsert.create(record)
                outcomes[order_id, case] = "created"
                continue
            moved = record.status in still_open
            if moved:
                values["status"] = settled
            changed = assign(record, values)
            before = table.deadlines_of(record)
            table.set_deadlines(record, posted, fill_only=not moved)
            changed = changed or before != table.deadlines_of(record)
            upsert.touched(record, changed)
            outcomes[order_id, case] = "updated" if changed else "unchanged"
        upsert.save(fields)
        return outcomes
