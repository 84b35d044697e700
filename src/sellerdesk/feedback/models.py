from __future__ import annotations

from django.db import models

from sellerdesk.common.models import Source, StoreScoped


class FeedbackStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    REMOVAL_REQUESTED = "removal_requested", "Removal requested"
    REMOVED = "removed", "Removed"
    STRUCK_THROUGH = "struck_through", "Struck through"
    REMOVAL_DENIED = "removal_denied", "Removal denied"
    REMOVED_BY_BUYER = "removed_by_buyer", "Removed by buyer"


class ReplyStatus(models.TextChoices):
    NONE = "none", "No reply"
    DRAFTED = "drafted", "Reply drafted"
    POSTED = "posted", "Reply posted"


class Feedback(StoreScoped):
    """Seller feedback: one per order (Amazon allows one)."""

    order = models.ForeignKey(
        "orders.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    amazon_order_id = models.CharField(max_length=19, db_index=True)
    left_on = models.DateField(db_index=True)
    rating = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    your_response = models.TextField(blank=True)
    rater_email = models.CharField(max_length=254, blank=True)
    status = models.CharField(
        max_length=20, choices=FeedbackStatus.choices, default=FeedbackStatus.ACTIVE
    )
    reply_status = models.CharField(
        max_length=10, choices=ReplyStatus.choices, default=ReplyStatus.NONE
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.IMPORT)

    class Meta:
        ordering = ["-left_on", "-id"]
        verbose_name_plural = "feedback"
        constraints = [
            models.UniqueConstraint(
                fields=["store", "amazon_order_id"], name="feedback_unique_store_order"
            ),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating}★ feedback on {self.amazon_order_id}"

    @property
    def is_negative(self) -> bool:
        return self.rating <= 2
