"""Reads for product reviews, scoped to a store."""

from __future__ import annotations

from django.db.models import QuerySet

from sellerdesk.reviews.models import Review
from sellerdesk.stores.models import Store


def reviews_for_store(*, store: Store) -> QuerySet[Review]:
    return Review.objects.filter(store=store)


def review_asins(*, store: Store) -> list[str]:
    """The ASINs the store has reviews for, for the filter."""
    return list(
        Review.objects.filter(store=store)
        .order_by("asin")
        .values_list("asin", flat=True)
        .distinct()
    )
