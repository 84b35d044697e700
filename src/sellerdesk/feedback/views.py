"""Seller feedback pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.feedback.selectors import feedback_for_store
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.web.generic import StoreDetailView, StoreListView
from sellerdesk.web.lists import Column, Filter, ListSpec

RATING_CHOICES = tuple((str(n), f"{n} star{'s' if n > 1 else ''}") for n in range(5, 0, -1))

FEEDBACK_LIST = ListSpec(
    noun="feedback entries",
    columns=(
        Column("Order"),
        Column("Left on", sort="left"),
        Column("Rating", sort="rating"),
        Column("Comment"),
        Column("Status"),
        Column("Reply"),
    ),
    sorts={"left": ("left_on",), "rating": ("rating",)},
    default_sort="-left",
    filters=(
        Filter("rating", "Rating", choices=RATING_CHOICES),
        Filter("status", "Status", choices=FeedbackStatus.choices),
        Filter("reply", "Reply", lookup="reply_status", choices=ReplyStatus.choices),
    ),
    search_fields=("amazon_order_id", "comment", "rater_email"),
    search_hint="Order id, comment or rater",
)


class FeedbackList(StoreListView):
    stream = "feedback"
    title = "Feedback"
    spec = FEEDBACK_LIST
    row_template = "feedback/_row.html"

    def get_queryset(self) -> QuerySet[Feedback]:
        return feedback_for_store(store=self.store)


class FeedbackDetail(StoreDetailView):
    stream = "feedback"
    title = "Feedback"
    template_name = "feedback/feedback_detail.html"
    object: Feedback

    def get_queryset(self) -> QuerySet[Feedback]:
        return feedback_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["order"] = order_for_record(
            store=self.store,
            order_id=self.object.order_id,
            amazon_order_id=self.object.amazon_order_id,
        )
        return context
