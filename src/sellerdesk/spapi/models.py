from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from sellerdesk.common.crypto import decrypt, encrypt


class Region(models.TextChoices):
    NA = "na", "North America"
    EU = "eu", "Europe"
    FE = "fe", "Far East"


class SpApiConnection(models.Model):
    """A store's Selling Partner API credentials and the state of its report sync.

    The LWA client secret and the refresh token are stored encrypted
    (``common.crypto``) and are only ever read through the properties below;
    the client id is an identifier, not a secret, and stays readable.
    ``endpoint`` and ``token_url`` are empty for Amazon's own (by ``region``);
    an operator may point them elsewhere (the sandbox, a test server).

    ``cursors`` holds, per report kind, the end of the time covered by imported
    reports (ISO 8601). ``sync_lease_until`` is held while a sync runs, so two
    workers never sync one store at once; a crash frees it when it expires.
    """

    store = models.OneToOneField(
        "stores.Store", on_delete=models.CASCADE, related_name="spapi_connection"
    )
    client_id = models.CharField(max_length=200)
    client_secret_encrypted = models.TextField()
    refresh_token_encrypted = models.TextField()
    region = models.CharField(max_length=2, choices=Region.choices)
    marketplace_id = models.CharField(max_length=20)
    selling_partner_id = models.CharField(max_length=40, blank=True)
    endpoint = models.CharField(max_length=255, blank=True, help_text="Empty: Amazon's, by region.")
    token_url = models.CharField(max_length=255, blank=True, help_text="Empty: Amazon's LWA.")
    is_active = models.BooleanField(default=True)
    cursors = models.JSONField(default=dict, blank=True)
    sync_lease_until = models.DateTimeField(null=True, blank=True)
    last_sync_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "SP-API connection"

    def __str__(self) -> str:
        return f"SP-API connection of {self.store}"

    @property
    def client_secret(self) -> str:
        return decrypt(self.client_secret_encrypted)

    @client_secret.setter
    def client_secret(self, value: str) -> None:
        self.client_secret_encrypted = encrypt(value)

    @property
    def refresh_token(self) -> str:
        return decrypt(self.refresh_token_encrypted)

    @refresh_token.setter
    def refresh_token(self, value: str) -> None:
        self.refresh_token_encrypted = encrypt(value)


class RequestStatus(models.TextChoices):
    PENDING = "pending", "Not yet requested"
    CREATING = "creating", "Being requested"
    PROCESSING = "processing", "Amazon is preparing it"
    READY = "ready", "Ready to download"
    IMPORTED = "imported", "Imported"
    NO_IMPORTER = "no_importer", "Waiting for an importer"
    IMPORT_FAILED = "import_failed", "Import refused"
    CANCELLED = "cancelled", "Cancelled by Amazon"
    FATAL = "fatal", "Failed at Amazon"


OPEN_STATUSES = (
    RequestStatus.PENDING,
    RequestStatus.CREATING,
    RequestStatus.PROCESSING,
    RequestStatus.READY,
    RequestStatus.NO_IMPORTER,
    RequestStatus.IMPORT_FAILED,
)
FAILED_STATUSES = (RequestStatus.CANCELLED, RequestStatus.FATAL)


class ReportRequest(models.Model):
    """One report asked of Amazon (or, for settlements, found there), from request to import.

    Every step's result is committed as it happens (report id, Amazon's status,
    document id, import result), so a sync that dies mid-way is resumed by the
    next one: it polls the report it had created instead of creating another.
    A CANCELLED or FATAL report keeps its row; a later sync asks again for the
    same window in a new row (``retry_of``).
    """

    connection = models.ForeignKey(
        SpApiConnection, on_delete=models.CASCADE, related_name="requests"
    )
    kind = models.CharField(max_length=20, help_text="The import kind (imports.registry).")
    report_type = models.CharField(max_length=80)
    window_start = models.DateTimeField(null=True, blank=True)
    window_end = models.DateTimeField(null=True, blank=True)
    report_id = models.CharField(max_length=40, blank=True)
    status = models.CharField(
        max_length=14, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    processing_status = models.CharField(max_length=20, blank=True, help_text="Amazon's word.")
    attempts = models.PositiveIntegerField(default=0, help_text="Calls made for this request.")
    attempt = models.PositiveSmallIntegerField(default=1, help_text="1, or the retry's number.")
    retry_of = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="retried_by"
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True)
    report_created_at = models.DateTimeField(null=True, blank=True)
    document_id = models.CharField(max_length=120, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["connection", "report_id"],
                condition=~Q(report_id=""),
                name="reportrequest_unique_report",
            )
        ]
        indexes = [models.Index(fields=["connection", "kind", "status"])]

    def __str__(self) -> str:
        return f"{self.report_type} {self.report_id or '(not requested)'} ({self.status})"


class ReviewRequestSettings(models.Model):
    """Whether the desk asks Amazon to request reviews for a store, and what it never asks for."""

    store = models.OneToOneField(
        "stores.Store", on_delete=models.CASCADE, related_name="review_request_settings"
    )
    enabled = models.BooleanField(default=False)
    excluded_skus = models.TextField(blank=True, help_text="One SKU per line (or comma-separated).")
    excluded_asins = models.TextField(blank=True, help_text="One ASIN per line.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "review request settings"

    def __str__(self) -> str:
        return f"Review requests of {self.store}"


class ReviewOutcome(models.TextChoices):
    SENDING = "sending", "Claimed, not confirmed"
    SENT = "sent", "Requested"
    WAITING = "waiting", "Not yet"
    SKIPPED = "skipped", "Skipped"
    FAILED = "failed", "Failed"


class ReviewRequestLog(models.Model):
    """Every decision about requesting a review for an order, with its reason.

    A row is claimed as ``sending`` before Amazon is called and becomes ``sent``;
    the partial unique constraint lets one order have one such row only, so no
    order is ever asked twice, even across a crash.
    """

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE, related_name="+")
    amazon_order_id = models.CharField(max_length=19, db_index=True)
    outcome = models.CharField(max_length=8, choices=ReviewOutcome.choices)
    reason = models.CharField(max_length=24)
    detail = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["order"],
                condition=Q(outcome__in=["sending", "sent"]),
                name="reviewrequestlog_once_per_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.amazon_order_id}: {self.outcome} ({self.reason})"


class MessageStatus(models.TextChoices):
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class ProactiveMessage(models.Model):
    """A message sent to a buyer through the Messaging API (seller-initiated)."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE, related_name="+")
    amazon_order_id = models.CharField(max_length=19, db_index=True)
    action = models.CharField(max_length=60)
    text = models.TextField()
    status = models.CharField(max_length=8, choices=MessageStatus.choices)
    error = models.TextField(blank=True)
    nonce = models.CharField(max_length=64, blank=True, help_text="The form's; one send per form.")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "nonce"], condition=~Q(nonce=""), name="proactivemessage_nonce"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} to {self.amazon_order_id} ({self.status})"
