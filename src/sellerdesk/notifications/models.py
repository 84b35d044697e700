"""Notifications: what happened (events), who wants to hear (rules), where (channels), and
what was sent (deliveries).

Flow, each step idempotent and claimed by a conditional update or a unique constraint:

1. ``NotificationEvent`` — a detector (``notifications/events.py``) records each thing worth
   telling once, under a key unique per store and kind (``claim:42``, ``conversation:7:<due
   iso>``). Recording the same key twice is a no-op, so one event is one alert however often
   the detector runs. State-like events (ODR above target, sync failing) stay open until the
   condition clears (``resolved_at``); the next time it holds, the key differs.
2. ``NotificationDelivery`` — one per (event, user, channel) the user's rules ask for; unique,
   so fan-out twice makes nothing new. Deliveries are sent by claiming ``pending`` rows; the
   claim commits ``started_at`` before the channel is called, so a crash after a channel may
   have accepted is left ``unconfirmed`` (never re-sent by itself), one before is retried.
3. ``DigestLog`` — one daily digest per user and local day, the same way.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class EventKind(models.TextChoices):
    CONVERSATION_DUE_SOON = "conversation_due_soon", "Conversation due soon"
    CONVERSATION_OVERDUE = "conversation_overdue", "Conversation overdue"
    NEW_BUYER_MESSAGE = "new_buyer_message", "New buyer message"
    NEW_CLAIM = "new_claim", "New A-to-z claim"
    CLAIM_DEADLINE = "claim_deadline", "A-to-z claim deadline near"
    NEW_CHARGEBACK = "new_chargeback", "New chargeback"
    NEGATIVE_FEEDBACK = "negative_feedback", "Negative feedback"
    NEGATIVE_REVIEW = "negative_review", "Negative review"
    SELLER_FAULT_RETURN = "seller_fault_return", "Seller-fault return"
    RETURN_RATE_FLAG = "return_rate_flag", "SKU return rate flagged"
    ODR_ABOVE_TARGET = "odr_above_target", "ODR above target"
    CHECKLIST_OVERDUE = "checklist_overdue", "Checklist task overdue"
    SYNC_FAILING = "sync_failing", "Mail or API sync failing"


# Events a new user's rules start with: everything but the per-message firehose.
RECOMMENDED_EVENTS = [kind for kind in EventKind if kind != EventKind.NEW_BUYER_MESSAGE]


class Severity(models.TextChoices):
    INFO = "info", "Info"
    WARNING = "warning", "Warning"
    URGENT = "urgent", "Urgent"


class ChannelKind(models.TextChoices):
    """What an apprise URL points at, read from its scheme; for display and the digest."""

    EMAIL = "email", "Email"
    SLACK = "slack", "Slack"
    DISCORD = "discord", "Discord"
    TELEGRAM = "telegram", "Telegram"
    TEAMS = "teams", "Microsoft Teams"
    WEBHOOK = "webhook", "Webhook"
    OTHER = "other", "Other"


class NotificationChannel(models.Model):
    """A place one user's alerts go: an apprise URL.

    The URL holds credentials (tokens, passwords), so it is stored encrypted and shown only
    as ``url_hint`` (apprise's privacy rendering). ``consecutive_failures`` and
    ``last_error`` record delivery trouble for the preferences page.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_channels"
    )
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=ChannelKind.choices, default=ChannelKind.OTHER)
    url_encrypted = models.TextField()
    url_hint = models.CharField(max_length=255, blank=True)
    enabled = models.BooleanField(default=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="notificationchannel_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class NotificationPreferences(models.Model):
    """A user's quiet hours, rate limit and daily digest.

    Quiet hours are read in ``time_zone`` (empty: the store's zone of each event); an alert
    raised inside them waits for their end unless it is urgent and ``urgent_breaks_quiet``.
    The window may cross midnight (22:00 to 07:00).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    time_zone = models.CharField(max_length=64, blank=True)
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    urgent_breaks_quiet = models.BooleanField(default=True)
    max_per_hour = models.PositiveIntegerField(
        default=12, help_text="Per channel; more are combined into one summary message."
    )
    digest_enabled = models.BooleanField(default=True)
    digest_time = models.TimeField(default="07:00")
    digest_channel = models.ForeignKey(
        NotificationChannel,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty: an email to the user's own address.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Preferences of {self.user}"


class NotificationRule(models.Model):
    """One event kind a user wants to hear about for one store, and on which channels.

    ``params`` tunes a kind where it makes sense (``{"hours": 4}`` for "due soon");
    empty means the desk's defaults (``notifications/events.py``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_rules"
    )
    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=32, choices=EventKind.choices)
    enabled = models.BooleanField(default=True)
    channels = models.ManyToManyField(NotificationChannel, related_name="rules", blank=True)
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "store", "event"], name="notificationrule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_event_display()}"


class NotificationEvent(models.Model):
    """Something worth telling, once: unique per (store, kind, key)."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=32, choices=EventKind.choices)
    key = models.CharField(max_length=200)
    severity = models.CharField(max_length=8, choices=Severity.choices, default=Severity.INFO)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    # Path inside the desk (``/s/3/claims/42/``); the absolute link is built on sending.
    link = models.CharField(max_length=300, blank=True)
    occurred_at = models.DateTimeField(db_index=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    # Deliveries for this event were created (rules read) — fan-out runs once.
    fanned_out_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "kind", "key"], name="notificationevent_unique"
            )
        ]
        indexes = [models.Index(fields=["store", "kind", "resolved_at"])]

    def __str__(self) -> str:
        return self.title


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"  # waiting: quiet hours or rate limit (see not_before)
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    SUMMARIZED = "summarized", "Sent in a summary"
    FAILED = "failed", "Failed"
    UNCONFIRMED = "unconfirmed", "Unconfirmed"  # crashed while the channel was called
    SKIPPED = "skipped", "Skipped"  # no longer allowed (membership gone, channel disabled)


class NotificationDelivery(models.Model):
    """One event to one user on one channel: the log of every notification."""

    event = models.ForeignKey(
        NotificationEvent, on_delete=models.CASCADE, related_name="deliveries"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel = models.ForeignKey(
        NotificationChannel, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    not_before = models.DateTimeField(db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The delivery that carried this one, when several were combined into a summary.
    summary_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="summarized"
    )
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user", "channel"], name="notificationdelivery_unique"
            )
        ]
        indexes = [models.Index(fields=["status", "not_before"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.channel} ({self.status})"


class DigestLog(models.Model):
    """One daily digest per user and day (the user's local day): sent once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    status = models.CharField(
        max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.SENDING
    )
    started_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    # What the digest said, as sent (evidence, and the log page shows it).
    body = models.TextField(blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-day", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="digestlog_unique")]

    def __str__(self) -> str:
        return f"Digest for {self.user} on {self.day}"
