"""What the desk's claims and chargebacks CSVs share: one case per order, upserted.

A row updates the case the notice emails opened for its order, or creates one
(``source=import``). Empty cells leave a field alone; an amount without a currency
takes the store's; a date-only opening time on the day the case already has keeps
the exact time another source knew. Deadlines follow the status as the notice
emails set them: when a row moves the status they are set afresh, otherwise only
missing ones are filled. Each importer says how a row reads (``parse``) and what
its status sets (``set_deadlines``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.claims.models import Claim
from sellerdesk.common.models import Source
from sellerdesk.imports.base import Counts, Importer, Reader
from sellerdesk.imports.upsert import Upsert, assign, orders_by_id, same_day


class CaseCsvImporter[C: Claim | Chargeback](Importer):
    model: type[C]
    opened: str  # the field (and parsed value) of when the case opened
    deadline_fields: tuple[str, ...]  # what ``set_deadlines`` may change
    fields: tuple[str, ...]  # what an update writes

    def parse(self, r: Reader) -> dict[str, Any]:
        """One row's values by field, with ``amazon_order_id``, ``amount``,
        ``currency`` and ``decided_at`` (``""`` or ``None`` when the cell is empty)."""
        raise NotImplementedError

    def set_deadlines(self, case: C, decided_at: datetime, *, fill_only: bool) -> None:
        raise NotImplementedError

    def keep_known(self, values: dict[str, Any]) -> None:
        """Drop from an update's ``values`` what must not replace what the case has."""

    def deadlines_of(self, case: C) -> tuple[Any, ...]:
        return tuple(getattr(case, name) for name in self.deadline_fields)

    def apply(self, batch: list[Reader]) -> Counts:
        rows = [self.parse(r) for r in batch]
        ids = {row["amazon_order_id"] for row in rows}
        upsert = Upsert(
            self.model,
            "amazon_order_id",
            self.model._default_manager.filter(store=self.store, amazon_order_id__in=ids),
        )
        orders = orders_by_id(self.store, ids)
        for row in rows:
            decided_at = row.pop("decided_at") or row[self.opened]
            values = {k: v for k, v in row.items() if v not in ("", None)}
            if row["amount"] is not None:
                values["currency"] = row["currency"] or self.store.currency
            order = orders.get(row["amazon_order_id"])
            if order is not None:
                values["order_id"] = order.pk
            case = upsert.get(row["amazon_order_id"])
            if case is None:
                case = self.model(store=self.store, source=Source.IMPORT, **values)
                self.set_deadlines(case, decided_at, fill_only=False)
                upsert.create(case)
                continue
            if same_day(getattr(case, self.opened), row[self.opened], self.store.tz):
                values.pop(self.opened)
            self.keep_known(values)
            moved = values.get("status", case.status) != case.status
            changed = assign(case, values)
            before = self.deadlines_of(case)
            self.set_deadlines(case, decided_at, fill_only=not moved)
            upsert.touched(case, changed or before != self.deadlines_of(case))
        return upsert.save(self.fields)
