from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models


class ImportStatus(models.TextChoices):
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class ImportRun(models.Model):
    """One import of one file: what it was, what it changed, or why it was refused."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    filename = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    encoding = models.CharField(max_length=20, blank=True)
    source = models.CharField(max_length=10, default="file", help_text="file, upload or api")
    status = models.CharField(max_length=10, choices=ImportStatus.choices)
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.filename} ({self.status})"


class SettlementCase(models.TextChoices):
    CLAIM = "claim", "A-to-z claim"
    CHARGEBACK = "chargeback", "Chargeback"


class SettlementCaseAmount(models.Model):
    """What one settlement moved for one order's A-to-z claim or chargeback.

    The settlement report is the only place the money of a claim or chargeback
    shows. A case's amount is the sum of these rows over settlements, so
    importing a settlement twice, or two settlements that both touch an order,
    never doubles it.
    """

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    settlement_id = models.CharField(max_length=40)
    amazon_order_id = models.CharField(max_length=19, db_index=True)
    case = models.CharField(max_length=10, choices=SettlementCase.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2, help_text="signed, as reported")
    currency = models.CharField(max_length=3, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["store", "settlement_id", "amazon_order_id", "case"],
                name="settlementcase_unique_store_settlement_order_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.amazon_order_id} in settlement {self.settlement_id}"

    @property
    def key(self) -> str:
        return f"{self.settlement_id}|{self.amazon_order_id}|{self.case}"


class PerformanceChannel(models.TextChoices):
    MFN = "mfn", "Seller-fulfilled (MFN)"
    AFN = "afn", "Fulfilled by Amazon (AFN)"
    ACCOUNT = "account", "Account"


class AmazonPerformanceFigure(models.Model):
    """One of Amazon's own account-health figures for one period, as the seller
    performance report (GET_V2_SELLER_PERFORMANCE_REPORT) states it.

    The desk computes its figures from its own records; these are Amazon's
    official numbers beside them. ``count`` is the numerator Amazon reports
    (orders with defects, late shipments, …) and ``total`` the denominator
    (orders, shipments, units); ``details`` holds the parts (for the ODR: claims,
    chargebacks, negative feedback).
    """

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    marketplace_id = models.CharField(max_length=20, blank=True)
    channel = models.CharField(max_length=8, choices=PerformanceChannel.choices)
    metric = models.CharField(max_length=60, help_text="e.g. order_defect_rate, late_shipment_rate")
    period_start = models.DateField()
    period_end = models.DateField()
    rate = models.DecimalField(max_digits=14, decimal_places=10, null=True, blank=True)
    count = models.PositiveIntegerField(null=True, blank=True)
    total = models.PositiveIntegerField(null=True, blank=True)
    score = models.IntegerField(null=True, blank=True, help_text="Account Health Rating, 0 to 1000")
    status = models.CharField(max_length=30, blank=True)
    target_value = models.DecimalField(max_digits=14, decimal_places=10, null=True, blank=True)
    target_condition = models.CharField(max_length=20, blank=True)
    details = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["-period_end", "metric", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "channel", "metric", "period_start", "period_end"],
                name="performancefigure_unique_store_channel_metric_period",
            )
        ]
        indexes = [models.Index(fields=["store", "metric", "period_end"])]

    def __str__(self) -> str:
        return f"{self.metric} ({self.channel}) {self.period_start}..{self.period_end}"

    @property
    def period_key(self) -> tuple[str, str, date, date]:
        return (self.channel, self.metric, self.period_start, self.period_end)
