"""CSV exports of the order list and the inbox (``web.csv``), for their pages and the API.

* ``orders/export.csv`` (``orders_export``): the order list's filters and search; one row
  per order with its items' SKUs, ASINs and units.
* ``inbox/export.csv`` (``inbox_export``): the inbox list's filters (status, clock,
  intent, "assigned to me") and search; one row per conversation with its clock and
  message count.

The API's ``/orders.csv`` and ``/conversations.csv`` use the same rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any, ClassVar

from django.db.models import Count
from django.urls import URLPattern, path

from sellerdesk.messaging.models import Conversation, Message
from sellerdesk.messaging.views import InboxList
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.orders.views import OrderList
from sellerdesk.web.csv import ListExportView

ORDER_COLUMNS = (
    "id", "store", "amazon_order_id", "merchant_order_id", "purchase_date", "status",
    "fulfillment_channel", "sales_channel", "ship_service_level", "is_business_order",
    "is_prime", "buyer_name", "ship_city", "ship_state", "ship_postal_code", "ship_country",
    "latest_ship_date", "shipped_at", "carrier", "tracking_number", "earliest_delivery_date",
    "latest_delivery_date", "delivered_at", "order_total", "currency", "items", "units",
    "skus", "asins", "source",
)  # fmt: skip
CONVERSATION_COLUMNS = (
    "id", "store", "amazon_order_id", "buyer_name", "subject", "language", "status", "intent",
    "assigned_to", "first_unanswered_at", "due_at", "amazon_due_at", "last_message_at",
    "messages", "buyer_opted_out", "source",
)  # fmt: skip
_ORDER_FIELDS = (
    "amazon_order_id", "merchant_order_id", "purchase_date", "status", "fulfillment_channel",
    "sales_channel", "ship_service_level", "is_business_order", "is_prime", "buyer_name",
    "ship_city", "ship_state", "ship_postal_code", "ship_country", "latest_ship_date",
    "shipped_at", "carrier", "tracking_number", "earliest_delivery_date",
    "latest_delivery_date", "delivered_at", "order_total", "currency", "source",
)  # fmt: skip
_CONVERSATION_FIELDS = (
    "amazon_order_id", "buyer_name", "subject", "language", "status", "intent",
    "first_unanswered_at", "due_at", "amazon_due_at", "last_message_at", "buyer_opted_out",
    "source",
)  # fmt: skip


def order_rows(orders: list[Order]) -> Iterator[dict[str, Any]]:
    """One row per order of a chunk (with their stores), items in one query."""
    items: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    rows = OrderItem.objects.filter(order_id__in=[o.pk for o in orders]).order_by("pk")
    for order_id, sku, asin, quantity in rows.values_list(
        "order_id", "sku", "asin", "quantity_ordered"
    ):
        items[order_id].append((sku, asin, quantity))
    for order in orders:
        mine = items.get(order.pk, [])
        row: dict[str, Any] = {name: getattr(order, name) for name in _ORDER_FIELDS}
        row.update(
            id=order.pk,
            store=order.store.name,
            items=len(mine),
            units=sum(q for _, _, q in mine),
            skus=" ".join(dict.fromkeys(sku for sku, _, _ in mine if sku)),
            asins=" ".join(dict.fromkeys(asin for _, asin, _ in mine if asin)),
        )
        yield row


def conversation_rows(conversations: list[Conversation]) -> Iterator[dict[str, Any]]:
    """One row per conversation of a chunk (with their stores and assignees)."""
    counts = dict(
        Message.objects.filter(conversation_id__in=[c.pk for c in conversations])
        .values_list("conversation_id")
        .annotate(n=Count("pk"))
        .values_list("conversation_id", "n")
    )
    for conversation in conversations:
        row: dict[str, Any] = {name: getattr(conversation, name) for name in _CONVERSATION_FIELDS}
        assignee = conversation.assigned_to
        row.update(
            id=conversation.pk,
            store=conversation.store.name,
            assigned_to=assignee.email if assignee else "",
            messages=counts.get(conversation.pk, 0),
        )
        yield row


class OrderExport(ListExportView, OrderList):
    columns: ClassVar[tuple[str, ...]] = ORDER_COLUMNS

    def rows_for(self, records: list[Any]) -> Iterator[dict[str, Any]]:
        return order_rows(records)


class ConversationExport(ListExportView, InboxList):
    columns: ClassVar[tuple[str, ...]] = CONVERSATION_COLUMNS

    def rows_for(self, records: list[Any]) -> Iterator[dict[str, Any]]:
        return conversation_rows(records)


export_patterns: list[URLPattern] = [
    path("orders/export.csv", OrderExport.as_view(), name="orders_export"),
    path("inbox/export.csv", ConversationExport.as_view(), name="inbox_export"),
]
