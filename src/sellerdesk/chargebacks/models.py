from __future__ import annotations

from django.db import models

from sellerdesk.common.models import Money, Source, StoreScoped


class ChargebackKind(models.TextChoices):
    SERVICE = "service", "Service (e.g. not received)"
    FRAUD = "fraud", "Fraud"


class ChargebackStatus(models.TextChoices):
    OPEN = "open", "Open"
    REPRESENTED = "represented", "Represented"
    DECIDED_FOR_SELLER = "decided_for_seller", "Decided for seller"
    DECIDED_FOR_BUYER = "decided_for_buyer", "Decided for buyer"
    REFUNDED = "refunded", "Refunded"


class Chargeback(StoreScoped, Money):
    order = models.ForeignKey(
        "orders.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    amazon_order_id = models.CharField(max_length=19, db_index=True)
    received_at = models.DateTimeField()
    kind = models.CharField(
        max_length=8, choices=ChargebackKind.choices, default=ChargebackKind.SERVICE
    )
    status = models.CharField(
        max_length=20, choices=ChargebackStatus.choices, default=ChargebackStatus.OPEN
    )
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    notes = models.TextField(blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.EMAIL)

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "amazon_order_id"], name="chargeback_unique_store_order"
            )
        ]

    def __str__(self) -> str:
        return f"Chargeback {self.amazon_order_id}"
