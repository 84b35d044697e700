"""Reads for seller feedback, scoped to a store."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from sellerdesk.feedback.models import Feedback
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store


def feedback_for_store(*, store: Store) -> QuerySet[Feedback]:
    return Feedback.objects.filter(store=store)


def feedback_for_order(*, order: Order) -> QuerySet[Feedback]:
    return (
        Feedback.objects.filter(store_id=order.store_id)
        .filter(Q(order=order) | Q(amazon_order_id=order.amazon_order_id))
        .order_by("-left_on", "-pk")
    )
