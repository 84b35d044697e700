"""Reads for A-to-z claims, scoped to a store."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from sellerdesk.claims.models import Claim
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store


def claims_for_store(*, store: Store) -> QuerySet[Claim]:
    return Claim.objects.filter(store=store)


def claims_for_order(*, order: Order) -> QuerySet[Claim]:
    return (
        Claim.objects.filter(store_id=order.store_id)
        .filter(Q(order=order) | Q(amazon_order_id=order.amazon_order_id))
        .order_by("-filed_at", "-pk")
    )
