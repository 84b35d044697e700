"""Reads for customer returns, scoped to a store."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from sellerdesk.orders.models import Order
from sellerdesk.returns.models import Return
from sellerdesk.stores.models import Store


def returns_for_store(*, store: Store) -> QuerySet[Return]:
    return Return.objects.filter(store=store)


def returns_for_order(*, order: Order) -> QuerySet[Return]:
    return (
        Return.objects.filter(store_id=order.store_id)
        .filter(Q(order=order) | Q(amazon_order_id=order.amazon_order_id))
        .order_by("-requested_at", "-pk")
    )


def return_reason_codes(*, store: Store) -> list[str]:
    """The reason codes the store's returns carry, for the filter."""
    return list(
        Return.objects.filter(store=store)
        .exclude(reason_code="")
        .order_by("reason_code")
        .values_list("reason_code", flat=True)
        .distinct()
    )
