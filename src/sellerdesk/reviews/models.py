from __future__ import annotations

from django.db import models

from sellerdesk.common.models import Source, StoreScoped


class ReviewStatus(models.TextChoices):
    NEW = "new", "New"
    RESPONDED = "responded", "Responded"
    NO_ACTION = "no_action", "No action needed"


class Review(StoreScoped):
    """A product review. No API gives review text: reviews come by CSV import or by hand."""

    review_id = models.CharField(max_length=40, help_text="Amazon's review id, or a derived key.")
    asin = models.CharField(max_length=10, db_index=True)
    sku = models.CharField(max_length=64, blank=True)
    rating = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    author = models.CharField(max_length=200, blank=True)
    reviewed_on = models.DateField(db_index=True)
    verified_purchase = models.BooleanField(default=False)
    amazon_order_id = models.CharField(max_length=19, blank=True)
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.NEW)
    response = models.TextField(blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.IMPORT)

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["store", "review_id"], name="review_unique_store_id"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="review_rating_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating}★ review of {self.asin}"
