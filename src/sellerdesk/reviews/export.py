"""Reviews as CSV rows, for the list's ``export.csv`` and the API's ``/reviews.csv``
(written by ``web.csv``). Who decided and why come from the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sellerdesk.reviews.models import Review
from sellerdesk.reviews.selectors import DECISION_ACTIONS, decisions_for

COLUMNS = (
    "id", "store", "review_id", "asin", "sku", "rating", "title", "body", "author",
    "reviewed_on", "verified_purchase", "amazon_order_id", "status", "response",
    "responded_at", "decided_by", "decided_at", "no_action_reason", "source",
)  # fmt: skip


def review_rows(reviews: list[Review]) -> Iterator[dict[str, Any]]:
    """One row per review of a chunk (with their stores; one audit query per store)."""
    by_store: dict[int, list[int]] = {}
    for review in reviews:
        by_store.setdefault(review.store_id, []).append(review.pk)
    decisions = {}
    for store_id, ids in by_store.items():
        decisions.update(
            decisions_for(store_id=store_id, model=Review, actions=DECISION_ACTIONS, ids=ids)
        )
    for review in reviews:
        decision = decisions.get(review.pk)
        yield {
            "id": review.pk,
            "store": review.store.name,
            "review_id": review.review_id,
            "asin": review.asin,
            "sku": review.sku,
            "rating": review.rating,
            "title": review.title,
            "body": review.body,
            "author": review.author,
            "reviewed_on": review.reviewed_on,
            "verified_purchase": review.verified_purchase,
            "amazon_order_id": review.amazon_order_id,
            "status": review.status,
            "response": review.response,
            "responded_at": review.responded_at,
            "decided_by": decision.actor.email if decision and decision.actor else "",
            "decided_at": decision.at if decision else None,
            "no_action_reason": decision.reason if decision else "",
            "source": review.source,
        }
