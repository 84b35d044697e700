"""Reads of the SP-API connector, scoped to a store: its connection, its sync
history, an order's details live from Amazon, the review-request log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone

from sellerdesk.orders.models import Order
from sellerdesk.spapi.client import Retry, SellingPartner, SpApiError
from sellerdesk.spapi.models import (
    ProactiveMessage,
    ReportRequest,
    ReviewRequestLog,
    ReviewRequestSettings,
    SpApiConnection,
)
from sellerdesk.stores.models import Store

ORDER_CACHE_SECONDS = 300
# A person is waiting for these: one retry, short waits.
INTERACTIVE_RETRY = Retry(throttled=1, server_errors=1, base=0.5, cap=2.0)


def connection_for_store(*, store: Store) -> SpApiConnection | None:
    """The store's active connection, or None."""
    return SpApiConnection.objects.filter(store=store, is_active=True).first()


def report_requests_for_store(*, store: Store) -> QuerySet[ReportRequest]:
    return ReportRequest.objects.filter(connection__store=store)


def review_settings_for_store(*, store: Store) -> ReviewRequestSettings:
    """The store's settings; an unsaved default (off, nothing excluded) when it has none."""
    found = ReviewRequestSettings.objects.filter(store=store).first()
    return found or ReviewRequestSettings(store=store)


def review_log_for_store(*, store: Store) -> QuerySet[ReviewRequestLog]:
    return ReviewRequestLog.objects.filter(store=store).select_related("order")


def proactive_messages_for_order(*, order: Order) -> QuerySet[ProactiveMessage]:
    return ProactiveMessage.objects.filter(store_id=order.store_id, order=order).select_related(
        "sent_by"
    )


# --- an order's details, live -------------------------------------------------------------


@dataclass(frozen=True)
class LiveItem:
    sku: str
    asin: str
    title: str
    quantity_ordered: int
    quantity_shipped: int
    price: Decimal | None
    currency: str


@dataclass(frozen=True)
class LiveOrderDetails:
    available: bool
    message: str = ""
    order_id: str = ""
    status: str = ""
    buyer_name: str = ""
    purchase_date: datetime | None = None
    fulfillment_channel: str = ""
    ship_service_level: str = ""
    earliest_ship_date: datetime | None = None
    latest_ship_date: datetime | None = None
    earliest_delivery_date: datetime | None = None
    latest_delivery_date: datetime | None = None
    shipment_status: str = ""
    items: tuple[LiveItem, ...] = ()
    fetched_at: datetime | None = None


NOT_CONNECTED = (
    "This store is not connected to Amazon's Selling Partner API, so there are no live "
    "details. An owner can connect it with 'sellerdesk spapi connect'."
)


def _cache_key(order: Order) -> str:
    return f"sellerdesk:spapi:order:{order.store_id}:{order.amazon_order_id}"


def order_details_live(*, order: Order, client: SellingPartner | None = None) -> LiveOrderDetails:
    """getOrder + getOrderItems for ``order``, cached a few minutes; a message instead
    when the store has no connection or Amazon fails."""
    connection = connection_for_store(store=order.store)
    if connection is None:
        return LiveOrderDetails(available=False, message=NOT_CONNECTED)
    key = _cache_key(order)
    cached = cache.get(key)
    if isinstance(cached, LiveOrderDetails):
        return cached
    from sellerdesk.spapi.services import client_for

    api = client or client_for(connection=connection, retry=INTERACTIVE_RETRY)
    try:
        raw = api.get_order(order.amazon_order_id)
        items = api.get_order_items(order.amazon_order_id)
    except SpApiError as exc:
        return LiveOrderDetails(
            available=False, message=f"Amazon's Selling Partner API did not answer: {exc}"
        )
    finally:
        if client is None:
            close = getattr(api, "close", None)
            if close is not None:
                close()
    details = _details(order, raw, items)
    cache.set(key, details, ORDER_CACHE_SECONDS)
    return details


def _details(order: Order, raw: dict[str, Any], items: list[dict[str, Any]]) -> LiveOrderDetails:
    buyer = raw.get("BuyerInfo") or {}
    shipped = raw.get("NumberOfItemsShipped")
    unshipped = raw.get("NumberOfItemsUnshipped")
    status = str(raw.get("OrderStatus") or "")
    shipment = status
    if shipped is not None and unshipped is not None:
        shipment += f": {shipped} of {int(shipped) + int(unshipped)} items shipped"
    if raw.get("EasyShipShipmentStatus"):
        shipment += f" (Easy Ship: {raw['EasyShipShipmentStatus']})"
    return LiveOrderDetails(
        available=True,
        order_id=str(raw.get("AmazonOrderId") or order.amazon_order_id),
        status=status,
        buyer_name=str(buyer.get("BuyerName") or order.buyer_name or ""),
        purchase_date=_time(raw.get("PurchaseDate")),
        fulfillment_channel=str(raw.get("FulfillmentChannel") or ""),
        ship_service_level=str(raw.get("ShipServiceLevel") or ""),
        earliest_ship_date=_time(raw.get("EarliestShipDate")),
        latest_ship_date=_time(raw.get("LatestShipDate")),
        earliest_delivery_date=_time(raw.get("EarliestDeliveryDate")),
        latest_delivery_date=_time(raw.get("LatestDeliveryDate")),
        shipment_status=shipment,
        items=tuple(_item(i) for i in items),
        fetched_at=timezone.now(),
    )


def _item(raw: dict[str, Any]) -> LiveItem:
    price = raw.get("ItemPrice") or {}
    try:
        amount = Decimal(str(price["Amount"])) if price.get("Amount") is not None else None
    except InvalidOperation:
        amount = None
    return LiveItem(
        sku=str(raw.get("SellerSKU") or ""),
        asin=str(raw.get("ASIN") or ""),
        title=str(raw.get("Title") or ""),
        quantity_ordered=int(raw.get("QuantityOrdered") or 0),
        quantity_shipped=int(raw.get("QuantityShipped") or 0),
        price=amount,
        currency=str(price.get("CurrencyCode") or ""),
    )


def _time(raw: object) -> datetime | None:
    if not raw:
        return None
    try:
        parsed = datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
