"""Reads for customer questions, scoped to a store."""

from __future__ import annotations

from django.db.models import QuerySet

from sellerdesk.questions.models import Question
from sellerdesk.stores.models import Store


def questions_for_store(*, store: Store) -> QuerySet[Question]:
    return Question.objects.filter(store=store)


def question_asins(*, store: Store) -> list[str]:
    """The ASINs the store has questions on, for the filter."""
    return list(
        Question.objects.filter(store=store)
        .order_by("asin")
        .values_list("asin", flat=True)
        .distinct()
    )
