from __future__ import annotations

from django.db import models

from sellerdesk.common.models import Money, Source, StoreScoped


class ReturnStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    AUTHORIZED = "authorized", "Authorized"
    IN_TRANSIT = "in_transit", "In transit"
    RECEIVED = "received", "Received"
    REFUNDED = "refunded", "Refunded"
    REJECTED = "rejected", "Rejected"
    CLOSED = "closed", "Closed"


class Return(StoreScoped, Money):
    """A customer return, seller-fulfilled (MFN) or FBA (AFN).

    ``external_key`` identifies the return in its source (RMA id, or order + SKU +
    licence plate for FBA) so importing the same report twice changes nothing.
    """

    order = models.ForeignKey(
        "orders.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    external_key = models.CharField(max_length=120)
    amazon_order_id = models.CharField(max_length=19, db_index=True)
    fulfillment_channel = models.CharField(max_length=3, default="MFN")
    rma_id = models.CharField(max_length=40, blank=True)
    sku = models.CharField(max_length=64, db_index=True)
    asin = models.CharField(max_length=10, blank=True, db_index=True)
    title = models.CharField(max_length=500, blank=True)
    quantity = models.PositiveIntegerField(default=1)
    reason_code = models.CharField(max_length=60, blank=True)
    buyer_comment = models.TextField(blank=True)
    requested_at = models.DateTimeField(db_index=True)
    status = models.CharField(
        max_length=12, choices=ReturnStatus.choices, default=ReturnStatus.REQUESTED
    )
    in_policy = models.BooleanField(null=True, blank=True)
    resolution = models.CharField(max_length=60, blank=True)
    disposition = models.CharField(max_length=40, blank=True)
    license_plate_number = models.CharField(max_length=40, blank=True)
    carrier = models.CharField(max_length=60, blank=True)
    tracking_number = models.CharField(max_length=80, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)
    refunded_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.IMPORT)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "external_key"], name="return_unique_store_key"
            )
        ]

    def __str__(self) -> str:
        return f"Return of {self.sku} on {self.amazon_order_id}"
