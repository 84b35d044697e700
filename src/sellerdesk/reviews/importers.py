"""Importer for the desk's product reviews CSV (no Amazon API or report gives review text).

Columns (header row required, any order, names case-insensitive):
``review_id, asin, sku, rating, title, body, author, reviewed_on,
verified_purchase, order_id``; ``asin``, ``rating`` and ``reviewed_on`` are
required. Without a ``review_id`` the key is derived from the ASIN, author,
date and title, so the same review imported twice is one review. The file owns
what the buyer wrote; the desk owns the status and the response.
"""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar

from sellerdesk.common.models import Source
from sellerdesk.imports.base import Column, Counts, Importer, Reader
from sellerdesk.imports.upsert import Upsert, assign
from sellerdesk.reviews.models import Review

FIELDS = (
    "asin", "sku", "rating", "title", "body", "author", "reviewed_on", "verified_purchase",
    "amazon_order_id",
)  # fmt: skip


def derived_key(*parts: str) -> str:
    """A stable key from the parts (spacing and case do not matter)."""
    text = "\x1f".join(" ".join(p.split()).casefold() for p in parts)
    return "sd-" + hashlib.sha256(text.encode()).hexdigest()[:32]


class ReviewsImporter(Importer):
    kind = "reviews"
    description = "The desk's product reviews CSV (review_id, asin, rating, title, body, …)"
    columns: ClassVar[tuple[Column, ...]] = (
        Column("review_id", required=False),
        Column("asin"),
        Column("sku", ("seller-sku",), required=False),
        Column("rating", ("stars",)),
        Column("title", required=False),
        Column("body", ("text", "review"), required=False),
        Column("author", ("reviewer",), required=False),
        Column("reviewed_on", ("date", "review-date")),
        Column("verified_purchase", ("verified",), required=False),
        Column("order_id", ("amazon-order-id",), required=False),
    )

    def _parse(self, r: Reader) -> tuple[str, dict[str, Any]]:
        asin = r.text("asin", required=True).upper()
        if len(asin) > 10:
            raise r.refuse("asin", f"not an ASIN: {asin!r}")
        rating = r.integer("rating", required=True)
        if rating is None or not 1 <= rating <= 5:
            raise r.refuse("rating", f"not a rating from 1 to 5: {r.text('rating')!r}")
        order_id = r.text("order_id")
        if len(order_id) > 19:
            raise r.refuse("order_id", f"not an Amazon order id: {order_id!r}")
        reviewed_on = r.date("reviewed_on", required=True)
        title = r.text("title", limit=300)
        author = r.text("author", limit=200)
        review_id = r.text("review_id", limit=40) or derived_key(
            asin, author, reviewed_on.isoformat() if reviewed_on else "", title
        )
        return review_id, {
            "asin": asin,
            "sku": r.text("sku", limit=64),
            "rating": rating,
            "title": title,
            "body": r.text("body"),
            "author": author,
            "reviewed_on": reviewed_on,
            "verified_purchase": bool(r.boolean("verified_purchase")),
            "amazon_order_id": order_id,
        }

    def apply(self, batch: list[Reader]) -> Counts:
        rows = [self._parse(r) for r in batch]
        upsert = Upsert(
            Review,
            "review_id",
            Review.objects.filter(store=self.store, review_id__in={key for key, _ in rows}),
        )
        for review_id, values in rows:
            review = upsert.get(review_id)
            if review is None:
                upsert.create(
                    Review(store=self.store, review_id=review_id, source=Source.IMPORT, **values)
                )
            else:
                upsert.touched(review, assign(review, values))
        return upsert.save(FIELDS)
