"""Reads for chargebacks, scoped to a store."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store


def chargebacks_for_store(*, store: Store) -> QuerySet[Chargeback]:
    return Chargeback.objects.filter(store=store)


def chargebacks_for_order(*, order: Order) -> QuerySet[Chargeback]:
    return (
        Chargeback.objects.filter(store_id=order.store_id)
        .filter(Q(order=order) | Q(amazon_order_id=order.amazon_order_id))
        .order_by("-received_at", "-pk")
    )
