"""Reads for orders and their items, scoped to a store."""

from __future__ import annotations

from django.db.models import QuerySet

from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.stores.models import Store


def orders_for_store(*, store: Store) -> QuerySet[Order]:
    return Order.objects.filter(store=store)


def order_items(*, order: Order) -> QuerySet[OrderItem]:
    return OrderItem.objects.filter(order=order).order_by("id")


def order_for_record(*, store: Store, order_id: int | None, amazon_order_id: str) -> Order | None:
    """The store's order a stream record belongs to: by its link, else by order id."""
    orders = orders_for_store(store=store)
    if order_id is not None:
        linked = orders.filter(pk=order_id).first()
        if linked is not None:
            return linked
    if amazon_order_id:
        return orders.filter(amazon_order_id=amazon_order_id).first()
    return None
