"""Product review pages."""

from __future__ import annotations

from django.db.models import QuerySet

from sellerdesk.reviews.models import Review, ReviewStatus
from sellerdesk.reviews.selectors import review_asins, reviews_for_store
from sellerdesk.web.generic import StoreDetailView, StoreListView
from sellerdesk.web.lists import Choices, Column, Filter, ListContext, ListSpec

RATING_CHOICES = tuple((str(n), f"{n} star{'s' if n > 1 else ''}") for n in range(5, 0, -1))


def _asins(ctx: ListContext) -> Choices:
    return [(asin, asin) for asin in review_asins(store=ctx.store)]


REVIEW_LIST = ListSpec(
    noun="reviews",
    columns=(
        Column("Review"),
        Column("ASIN", sort="asin"),
        Column("Rating", sort="rating"),
        Column("Author"),
        Column("Reviewed on", sort="reviewed"),
        Column("Status"),
    ),
    sorts={"reviewed": ("reviewed_on",), "rating": ("rating",), "asin": ("asin",)},
    default_sort="-reviewed",
    filters=(
        Filter("rating", "Rating", choices=RATING_CHOICES),
        Filter("status", "Status", choices=ReviewStatus.choices),
        Filter("asin", "ASIN", choices=_asins),
    ),
    search_fields=("title", "body", "author", "asin", "sku"),
    search_hint="Title, text, author, ASIN or SKU",
)


class ReviewList(StoreListView):
    stream = "reviews"
    title = "Reviews"
    spec = REVIEW_LIST
    row_template = "reviews/_row.html"

    def get_queryset(self) -> QuerySet[Review]:
        return reviews_for_store(store=self.store)


class ReviewDetail(StoreDetailView):
    stream = "reviews"
    title = "Review"
    template_name = "reviews/review_detail.html"

    def get_queryset(self) -> QuerySet[Review]:
        return reviews_for_store(store=self.store)
