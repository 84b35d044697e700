"""Importer for Amazon's all-orders report (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL).

TSV, one row per order *item*; the same order appears on several rows. Rows are
grouped by order within each batch; orders and items are upserted in bulk, and
a row counts as created, updated or unchanged by what it changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from django.db.models import OuterRef, Subquery, Sum

from sellerdesk.common.models import Source
from sellerdesk.imports.base import Column, Counts, Importer, Reader
from sellerdesk.imports.bulk import insert_rows
from sellerdesk.orders.models import FulfillmentChannel, Order, OrderItem, OrderStatus

STATUSES = {
    "pending": OrderStatus.PENDING,
    "unshipped": OrderStatus.UNSHIPPED,
    # "Shipping" is written while an order is being shipped: not all of it has left.
    "shipping": OrderStatus.PARTIALLY_SHIPPED,
    "partiallyshipped": OrderStatus.PARTIALLY_SHIPPED,
    "partially_shipped": OrderStatus.PARTIALLY_SHIPPED,
    "shipped": OrderStatus.SHIPPED,
    "shipped_delivered_to_buyer": OrderStatus.SHIPPED,
    "canceled": OrderStatus.CANCELED,
    "cancelled": OrderStatus.CANCELED,
    "unfulfillable": OrderStatus.UNFULFILLABLE,
    "invoiceunconfirmed": OrderStatus.INVOICE_UNCONFIRMED,
    "pendingavailability": OrderStatus.PENDING_AVAILABILITY,
}
CHANNELS = {
    "amazon": FulfillmentChannel.AFN,
    "afn": FulfillmentChannel.AFN,
    "merchant": FulfillmentChannel.MFN,
    "mfn": FulfillmentChannel.MFN,
    "seller": FulfillmentChannel.MFN,
}
ORDER_FIELDS = (
    "merchant_order_id", "purchase_date", "last_updated_at", "status", "fulfillment_channel",
    "sales_channel", "ship_service_level", "is_business_order", "ship_city", "ship_state",
    "ship_postal_code", "ship_country", "currency",
)  # fmt: skip
ITEM_FIELDS = (
    "asin", "title", "item_status", "quantity_ordered", "quantity_shipped", "item_price",
    "currency",
)  # fmt: skip


@dataclass
class _Line:
    line: int
    order: dict[str, Any]
    item: dict[str, Any]


class OrdersImporter(Importer):
    kind = "orders"
    description = "All orders report (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL), TSV"
    columns: ClassVar[tuple[Column, ...]] = (
        Column("amazon-order-id", ("order-id", "amazon-order-number")),
        Column("merchant-order-id", required=False),
        Column("purchase-date"),
        Column("last-updated-date", required=False),
        Column("order-status"),
        Column("fulfillment-channel"),
        Column("sales-channel", required=False),
        Column("ship-service-level", required=False),
        Column("product-name", ("title", "item-name"), required=False),
        Column("sku", ("seller-sku", "merchant-sku")),
        Column("asin"),
        Column("item-status", required=False),
        Column("quantity", ("quantity-purchased", "quantity-ordered")),
        Column("quantity-shipped", required=False),
        Column("currency", required=False),
        Column("item-price", required=False),
        Column("ship-city", required=False),
        Column("ship-state", required=False),
        Column("ship-postal-code", required=False),
        Column("ship-country", required=False),
        Column("is-business-order", required=False),
    )

    def _parse(self, r: Reader) -> _Line:
        order_id = r.text("amazon-order-id", required=True)
        if len(order_id) > 19:
            raise r.refuse("amazon-order-id", f"not an Amazon order id: {order_id!r}")
        status_raw = r.text("order-status", required=True)
        status = STATUSES.get(status_raw.lower().replace(" - ", "_").replace(" ", "_"))
        if status is None:
            raise r.refuse("order-status", f"unknown order status {status_raw!r}")
        channel = r.choice("fulfillment-channel", CHANNELS, required=True)
        quantity = r.integer("quantity", required=True) or 0
        shipped = r.integer("quantity-shipped")
        if shipped is None:
            shipped = quantity if status == OrderStatus.SHIPPED else 0
        currency = r.text("currency", limit=3).upper()
        asin = r.text("asin", required=True)
        if len(asin) > 10:
            raise r.refuse("asin", f"not an ASIN: {asin!r}")
        return _Line(
            line=r.line,
            order={
                "amazon_order_id": order_id,
                "merchant_order_id": r.text("merchant-order-id", limit=64),
                "purchase_date": r.datetime("purchase-date", required=True),
                "last_updated_at": r.datetime("last-updated-date"),
                "status": status,
                "fulfillment_channel": channel,
                "sales_channel": r.text("sales-channel", limit=40),
                "ship_service_level": r.text("ship-service-level", limit=40),
                "is_business_order": bool(r.boolean("is-business-order")),
                "ship_city": r.text("ship-city", limit=100),
                "ship_state": r.text("ship-state", limit=100),
                "ship_postal_code": r.text("ship-postal-code", limit=20),
                "ship_country": r.text("ship-country", limit=2).upper(),
                "currency": currency,
            },
            item={
                "sku": r.text("sku", required=True, limit=64),
                "asin": asin,
                "title": r.text("product-name")[:500],
                "item_status": r.text("item-status", limit=24),
                "quantity_ordered": quantity,
                "quantity_shipped": shipped,
                "item_price": r.decimal("item-price"),
                "currency": currency,
            },
        )

    def apply(self, batch: list[Reader]) -> Counts:
        lines = [self._parse(r) for r in batch]
        counts = Counts(rows=len(lines))
        latest: dict[str, dict[str, Any]] = {}
        for ln in lines:
            oid = ln.order["amazon_order_id"]
            current = latest.get(oid)
            if current is None or _newer(ln.order, current):
                latest[oid] = ln.order
        existing = {
            o.amazon_order_id: o
            for o in Order.objects.filter(store=self.store, amazon_order_id__in=latest)
        }
        new_orders: list[dict[str, Any]] = []
        changed_orders = []
        order_changed: set[str] = set()
        for oid, values in latest.items():
            order = existing.get(oid)
            if order is None:
                new_orders.append({**values, "store_id": self.store.pk, "source": Source.IMPORT})
            elif _assign(order, values, ORDER_FIELDS):
                changed_orders.append(order)
                order_changed.add(oid)
        insert_rows(Order, new_orders, [*ORDER_FIELDS, "amazon_order_id", "store_id", "source"])
        if changed_orders:
            Order.objects.bulk_update(changed_orders, [*ORDER_FIELDS, "updated_at"], batch_size=500)
        orders = dict(existing)
        if new_orders:
            orders.update(
                (o.amazon_order_id, o)
                for o in Order.objects.filter(
                    store=self.store, amazon_order_id__in=[o["amazon_order_id"] for o in new_orders]
                ).only("pk", "amazon_order_id")
            )
        items = {
            (i.order_id, i.sku): i
            for i in OrderItem.objects.filter(order__in=[o.pk for o in orders.values()])
        }
        new_items: list[dict[str, Any]] = []
        new_keys: set[tuple[int, str]] = set()
        changed_items: dict[int, OrderItem] = {}
        for ln in lines:
            order = orders[ln.order["amazon_order_id"]]
            key = (order.pk, ln.item["sku"])
            item = items.get(key)
            if item is None:
                if key in new_keys:  # the same SKU twice in one order: one item, the later row
                    next(i for i in new_items if (i["order_id"], i["sku"]) == key).update(ln.item)
                    counts.updated += 1
                    continue
                new_items.append({**ln.item, "order_id": order.pk})
                new_keys.add(key)
                counts.created += 1
            elif _assign(item, ln.item, ITEM_FIELDS):
                if item.pk is not None:
                    changed_items[item.pk] = item
                counts.updated += 1
            elif ln.order["amazon_order_id"] in order_changed:
                counts.updated += 1
            else:
                counts.unchanged += 1
        insert_rows(OrderItem, new_items, [*ITEM_FIELDS, "sku", "order_id"])
        if changed_items:
            OrderItem.objects.bulk_update(list(changed_items.values()), ITEM_FIELDS, batch_size=500)
        self._totals({o.pk for o in orders.values()} if (new_items or changed_items) else set())
        return counts

    def _totals(self, order_ids: set[int]) -> None:
        """order_total = the sum of its items' prices (Amazon's item-price is the line total).

        One UPDATE with a correlated subquery for the whole batch."""
        if not order_ids:
            return
        item_sum = (
            OrderItem.objects.filter(order=OuterRef("pk"))
            .values("order")
            .annotate(total=Sum("item_price"))
            .values("total")
        )
        Order.objects.filter(pk__in=order_ids).update(order_total=Subquery(item_sum))


def _newer(candidate: dict[str, Any], current: dict[str, Any]) -> bool:
    a: datetime | None = candidate.get("last_updated_at")
    b: datetime | None = current.get("last_updated_at")
    return a is not None and (b is None or a > b)


def _assign(obj: object, values: dict[str, Any], fields: tuple[str, ...]) -> bool:
    """Set the fields that differ; True when anything changed."""
    changed = False
    for name in fields:
        if name in values and getattr(obj, name) != values[name]:
            setattr(obj, name, values[name])
            changed = True
    return changed
