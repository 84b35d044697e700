from __future__ import annotations

from django.db import models

from sellerdesk.common.models import Money, Source, StoreScoped


class ClaimStatus(models.TextChoices):
    ACTION_REQUIRED = "action_required", "Action required"
    UNDER_REVIEW = "under_review", "Under review"
    GRANTED = "granted", "Granted"
    DENIED = "denied", "Denied"
    WITHDRAWN = "withdrawn", "Withdrawn"
    REFUNDED_BY_SELLER = "refunded_by_seller", "Refunded by seller"
    APPEALED = "appealed", "Appealed"
    CANCELLED = "cancelled", "Cancelled"


class ClaimReason(models.TextChoices):
    NOT_RECEIVED = "not_received", "Item not received"
    NOT_AS_DESCRIBED = "not_as_described", "Not as described"
    RETURN_REFUND = "return_refund", "Return refund not issued"
    OTHER = "other", "Other"


class FundedBy(models.TextChoices):
    SELLER = "seller", "Seller"
    AMAZON = "amazon", "Amazon"


class Claim(StoreScoped, Money):
    """An A-to-z Guarantee claim. There is no API for claims: they come from notice
    emails, the settlement report, a spreadsheet import, or by hand."""

    order = models.ForeignKey(
        "orders.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    amazon_order_id = models.CharField(max_length=19, db_index=True)
    filed_at = models.DateTimeField()
    reason = models.CharField(max_length=20, choices=ClaimReason.choices, default=ClaimReason.OTHER)
    reason_text = models.CharField(max_length=500, blank=True)
    status = models.CharField(
        max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.ACTION_REQUIRED
    )
    funded_by = models.CharField(max_length=6, choices=FundedBy.choices, default=FundedBy.SELLER)
    buy_shipping_protected = models.BooleanField(default=False)
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    appeal_due_at = models.DateTimeField(null=True, blank=True)
    notes = models.TextField(blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.EMAIL)

    class Meta:
        ordering = ["-filed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "amazon_order_id"], name="claim_unique_store_order"
            )
        ]

    def __str__(self) -> str:
        return f"A-to-z claim {self.amazon_order_id}"
