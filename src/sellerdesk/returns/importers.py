"""Importers for Amazon's returns reports.

``returns`` reads the seller-fulfilled returns report in either of its shapes,
chosen by content (XML starts with ``<``):

- ``GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE``: TSV, one row per returned item;
- ``GET_XML_RETURNS_DATA_BY_RETURN_DATE``: the same data as XML, one
  ``return_details`` per return with an ``item_details`` per item.

A return is keyed ``rma:<Amazon RMA ID>``, the key the return-request emails
use (``returns.services.return_from_request``), so a request email and its
report row become one record. A second item under the same RMA is
``rma:<id>:<sku>``. A return the emails knew without its RMA id
(``request:<order>:<sku|asin|order>``) takes the RMA key when the report names it.

``fba-returns`` reads the FBA customer returns report
(``GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA``), keyed
``fba:<order>:<sku>:<licence plate, else return date>``.

The report never moves a return's status backwards: a desk that marked a return
refunded keeps it so when an older report says "Approved".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from sellerdesk.common.models import Source
from sellerdesk.imports.base import Column, Counts, Importer, Reader
from sellerdesk.imports.errors import ImportRefused
from sellerdesk.imports.upsert import Upsert, assign, orders_by_id, same_day, utc
from sellerdesk.imports.xmlrows import XmlRow, sniff_xml, xml_rows
from sellerdesk.orders.models import FulfillmentChannel
from sellerdesk.policy import policy_value
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.returns.reasons import code_for_words, normalize_code

S = ReturnStatus
# Return request status as the report writes it (compared lower case, letters only).
REQUEST_STATUSES: dict[str, str] = {
    "requested": S.REQUESTED, "pending": S.REQUESTED, "pendingauthorization": S.REQUESTED,
    "pendingauthorisation": S.REQUESTED,
    "approved": S.AUTHORIZED, "authorized": S.AUTHORIZED, "authorised": S.AUTHORIZED,
    "autoauthorized": S.AUTHORIZED, "autoauthorised": S.AUTHORIZED,
    "intransit": S.IN_TRANSIT, "received": S.RECEIVED, "delivered": S.RECEIVED,
    "refunded": S.REFUNDED,
    "rejected": S.REJECTED, "declined": S.REJECTED, "denied": S.REJECTED,
    "closed": S.CLOSED, "completed": S.CLOSED,
}  # fmt: skip
# How far along a return is; an import only moves a status forward.
RANK: dict[str, int] = {
    S.REQUESTED: 0, S.AUTHORIZED: 1, S.IN_TRANSIT: 2, S.RECEIVED: 3,
    S.REFUNDED: 4, S.REJECTED: 4, S.CLOSED: 5,
}  # fmt: skip
FIELDS = (
    "order", "external_key", "amazon_order_id", "fulfillment_channel", "rma_id", "sku", "asin",
    "title", "quantity", "reason_code", "buyer_comment", "requested_at", "status", "in_policy",
    "resolution", "disposition", "license_plate_number", "carrier", "tracking_number",
    "received_at", "amount", "currency", "due_at",
)  # fmt: skip


def _forward(current: str, reported: str) -> str:
    return reported if RANK.get(reported, 0) >= RANK.get(current, 0) else current


def _order_id(r: Reader, name: str) -> str:
    order_id = r.text(name, required=True)
    if len(order_id) > 19:
        raise r.refuse(name, f"not an Amazon order id: {order_id!r}")
    return order_id


def _asin(r: Reader, name: str) -> str:
    asin = r.text(name)
    if len(asin) > 10:
        raise r.refuse(name, f"not an ASIN: {asin!r}")
    return asin


def _moment(r: Reader, name: str) -> datetime:
    moment = r.datetime(name, required=True)
    if moment is None:  # required=True refuses an empty cell before this
        raise r.refuse(name, "a value is required")
    return moment


def _quantity(r: Reader, name: str) -> int | None:
    quantity = r.integer(name)
    if quantity is not None and quantity < 0:
        raise r.refuse(name, f"not a quantity: {quantity}")
    return quantity


@dataclass
class _Request:
    """One item of a seller-fulfilled return, as the report states it."""

    order_id: str
    rma_id: str
    sku: str
    asin: str
    title: str
    quantity: int | None
    reason_code: str
    requested_at: datetime
    status: str
    in_policy: bool | None
    resolution: str
    carrier: str
    tracking_number: str
    received_at: datetime | None
    refund: Decimal | None
    currency: str

    def stored_keys(self) -> list[str]:
        """Every key under which this item's return may already be stored."""
        if not self.rma_id:
            return [self.fallback_key()]
        return [f"rma:{self.rma_id}", self.extra_key(), *self.email_keys()]

    def fallback_key(self) -> str:
        # As returns.services.return_from_request builds it for an email without RMA id.
        return f"request:{self.order_id}:{self.sku or self.asin or 'order'}"[:120]

    def extra_key(self) -> str:
        return f"rma:{self.rma_id}:{self.sku}"[:120]

    def email_keys(self) -> list[str]:
        return [f"request:{self.order_id}:{x}"[:120] for x in (self.sku, self.asin, "order") if x]


class ReturnsImporter(Importer):
    kind = "returns"
    description = (
        "Seller-fulfilled returns report, TSV (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE) "
        "or XML (GET_XML_RETURNS_DATA_BY_RETURN_DATE)"
    )
    columns: ClassVar[tuple[Column, ...]] = (
        Column("Order ID", ("amazon-order-id",)),
        Column("Return request date"),
        Column("Return request status", required=False),
        Column("Amazon RMA ID", ("rma-id",)),
        Column("Merchant SKU", ("seller-sku", "sku"), required=False),
        Column("ASIN", required=False),
        Column("Item Name", ("product-name", "title"), required=False),
        Column("Return quantity", ("quantity",), required=False),
        Column("Return Reason", ("return-reason-code", "reason"), required=False),
        Column("In policy", required=False),
        Column("Resolution", required=False),
        Column("Return carrier", ("carrier",), required=False),
        Column("Tracking ID", ("tracking-number",), required=False),
        Column("Return delivery date", required=False),
        Column("Refunded Amount", ("refund-amount",), required=False),
        Column("Currency code", ("currency",), required=False),
    )

    def readers(self, path: Path) -> tuple[Iterator[Reader], str]:
        if not path.is_file() or not sniff_xml(path):
            return super().readers(path)
        rows, encoding = xml_rows(
            path, record_key="order-id", item_tag="item_details", fallbacks=self.encodings()
        )

        columns = [(c.name, c.names(), c.required) for c in self.columns]
        mappings: dict[frozenset[str], dict[str, str]] = {}  # records share element sets

        def mapping_for(row: XmlRow) -> dict[str, str]:
            present = frozenset(row.values)
            if present not in mappings:
                mapping: dict[str, str] = {}
                missing = []
                for name, names, required in columns:
                    found = next((n for n in names if n in present), None)
                    if found is not None:
                        mapping[name] = found
                    elif required:
                        missing.append(names[0].replace("-", "_"))
                if missing:
                    message = f"missing elements: {', '.join(missing)}"
                    raise ImportRefused(row.filename, message, row.line)
                mappings[present] = mapping
            return mappings[present]

        def iterate() -> Iterator[Reader]:
            for row in rows:
                yield Reader(row=row, mapping=mapping_for(row), store=self.store)

        return iterate(), encoding

    def _parse(self, r: Reader) -> _Request:
        received_at = r.datetime("Return delivery date")
        refund = r.decimal("Refunded Amount")
        raw_status = r.text("Return request status")
        status = REQUEST_STATUSES.get(re.sub(r"[^a-z]", "", raw_status.lower()), S.REQUESTED)
        if status != S.REJECTED:
            if received_at is not None:
                status = _forward(status, S.RECEIVED)
            if refund:
                status = _forward(status, S.REFUNDED)
        reason = r.text("Return Reason")
        return _Request(
            order_id=_order_id(r, "Order ID"),
            rma_id=r.text("Amazon RMA ID", limit=40),
            sku=r.text("Merchant SKU", limit=64),
            asin=_asin(r, "ASIN"),
            title=r.text("Item Name")[:500],
            quantity=_quantity(r, "Return quantity"),
            reason_code=(code_for_words(reason) or normalize_code(reason))[:60],
            requested_at=_moment(r, "Return request date"),
            status=status,
            in_policy=r.boolean("In policy"),
            resolution=r.text("Resolution")[:60],
            carrier=r.text("Return carrier")[:60],
            tracking_number=r.text("Tracking ID")[:80],
            received_at=received_at,
            refund=abs(refund) if refund is not None else None,
            currency=r.text("Currency code").upper()[:3],
        )

    def finish(self) -> None:
        # Received returns need their refund deadline (business days), which the
        # report does not carry: compute every open return's deadline once.
        from sellerdesk.returns.services import returns_deadlines_recompute

        returns_deadlines_recompute(store=self.store)

    def apply(self, batch: list[Reader]) -> Counts:
        requests = [self._parse(r) for r in batch]
        keys = {key for request in requests for key in request.stored_keys()}
        upsert = Upsert(
            Return, "external_key", Return.objects.filter(store=self.store, external_key__in=keys)
        )
        orders = orders_by_id(self.store, (q.order_id for q in requests))
        hours = policy_value(self.store, "return_response_hours")
        for q in requests:
            record, key = self._match(upsert, q)
            order = orders.get(q.order_id)
            values = self._values(q, record)
            if order is not None:
                values["order_id"] = order.pk
            if record is None:
                record = Return(store=self.store, external_key=key, source=Source.IMPORT, **values)
                record.due_at = self._due(record, hours)
                upsert.create(record)
                continue
            changed = record.external_key != key
            if changed:
                upsert.rekey(record.external_key, key)
            values["status"] = _forward(record.status, q.status)
            moved = values["status"] != record.status or "requested_at" in values
            changed = assign(record, values) or changed
            if moved:  # else a deadline the desk computed (e.g. to refund) stays
                changed = assign(record, {"due_at": self._due(record, hours)}) or changed
            upsert.touched(record, changed)
        return upsert.save(FIELDS)

    @staticmethod
    def _match(upsert: Upsert[Return], q: _Request) -> tuple[Return | None, str]:
        """The stored return this item belongs to (or None) and the key it is to have."""
        if not q.rma_id:
            key = q.fallback_key()
            return upsert.get(key), key
        main = f"rma:{q.rma_id}"
        record = upsert.get(main)
        if record is not None and (not q.sku or record.sku in ("", q.sku)):
            return record, main
        extra = upsert.get(q.extra_key())
        if extra is not None:
            return extra, q.extra_key()
        if record is not None:  # another item of the same return
            return None, q.extra_key()
        for key in q.email_keys():
            known = upsert.get(key)
            if known is not None and known.rma_id in ("", q.rma_id):
                return known, main
        return None, main

    def _values(self, q: _Request, record: Return | None) -> dict[str, Any]:
        """The fields this item sets; on a known return, empty cells keep what it has."""
        values: dict[str, Any] = {
            "amazon_order_id": q.order_id,
            "fulfillment_channel": FulfillmentChannel.MFN,
            "rma_id": q.rma_id,
            "sku": q.sku,
            "asin": q.asin,
            "title": q.title,
            "reason_code": q.reason_code,
            "resolution": q.resolution,
            "carrier": q.carrier,
            "tracking_number": q.tracking_number,
            "in_policy": q.in_policy,
            "received_at": q.received_at,
            "quantity": q.quantity,
            "status": q.status,
        }
        if q.refund is not None:
            values["amount"] = q.refund
            values["currency"] = q.currency or self.store.currency
        if record is None:
            values["requested_at"] = q.requested_at
            values["quantity"] = q.quantity or 1
            return values
        values = {k: v for k, v in values.items() if v not in ("", None)}
        if not same_day(record.requested_at, q.requested_at, self.store.tz):
            values["requested_at"] = q.requested_at
        return values

    @staticmethod
    def _due(record: Return, hours: int) -> datetime | None:
        """An open request is to be answered within ``return_response_hours``; the
        report says nothing of other deadlines."""
        if record.status != S.REQUESTED:
            return None
        return utc(record.requested_at) + timedelta(hours=hours)


@dataclass
class _FbaReturn:
    key: str
    values: dict[str, Any]


class FbaReturnsImporter(Importer):
    kind = "fba-returns"
    description = "FBA customer returns report (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA), TSV"
    columns: ClassVar[tuple[Column, ...]] = (
        Column("return-date"),
        Column("order-id", ("amazon-order-id",)),
        Column("sku", ("seller-sku", "merchant-sku")),
        Column("asin", required=False),
        Column("fnsku", required=False),
        Column("product-name", ("title", "item-name"), required=False),
        Column("quantity", required=False),
        Column("fulfillment-center-id", required=False),
        Column("detailed-disposition", ("disposition",), required=False),
        Column("reason", ("return-reason",), required=False),
        Column("status", required=False),
        Column("license-plate-number", ("lpn",), required=False),
        Column("customer-comments", ("customer-comment",), required=False),
    )

    def _parse(self, r: Reader) -> _FbaReturn:
        order_id = _order_id(r, "order-id")
        sku = r.text("sku", required=True, limit=64)
        returned = _moment(r, "return-date")
        lpn = r.text("license-plate-number", limit=40)
        stamp = lpn or returned.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return _FbaReturn(
            key=f"fba:{order_id}:{sku}:{stamp}"[:120],
            values={
                "amazon_order_id": order_id,
                "fulfillment_channel": FulfillmentChannel.AFN,
                "sku": sku,
                "asin": _asin(r, "asin"),
                "title": r.text("product-name")[:500],
                "quantity": _quantity(r, "quantity") or 1,
                "reason_code": normalize_code(r.text("reason"))[:60],
                "disposition": r.text("detailed-disposition")[:40],
                "resolution": r.text("status")[:60],
                "license_plate_number": lpn,
                "buyer_comment": r.text("customer-comments"),
                "requested_at": returned,
                "received_at": returned,
            },
        )

    def apply(self, batch: list[Reader]) -> Counts:
        returns = [self._parse(r) for r in batch]
        upsert = Upsert(
            Return,
            "external_key",
            Return.objects.filter(store=self.store, external_key__in={x.key for x in returns}),
        )
        orders = orders_by_id(self.store, (x.values["amazon_order_id"] for x in returns))
        for x in returns:
            values = dict(x.values)
            order = orders.get(values["amazon_order_id"])
            if order is not None:
                values["order_id"] = order.pk
            record = upsert.get(x.key)
            if record is None:
                # Amazon has the unit back: received; the desk moves it on from here.
                upsert.create(
                    Return(
                        store=self.store, external_key=x.key, status=S.RECEIVED,
                        source=Source.IMPORT, **values,
                    )
                )  # fmt: skip
                continue
            if not values["buyer_comment"]:
                values.pop("buyer_comment")
            upsert.touched(record, assign(record, values))
        return upsert.save(FIELDS)
