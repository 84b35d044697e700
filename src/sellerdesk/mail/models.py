from __future__ import annotations

from django.db import models

from sellerdesk.common.crypto import decrypt, encrypt


class Security(models.TextChoices):
    SSL = "ssl", "TLS (implicit)"
    STARTTLS = "starttls", "STARTTLS"
    NONE = "none", "None (loopback only)"


class ChannelKind(models.TextChoices):
    IMAP = "imap", "IMAP mailbox"
    FILES = "files", "File imports"


class MailChannel(models.Model):
    """Where a store's Amazon mail comes in (IMAP, or file imports) and replies go out (SMTP).

    Passwords are stored encrypted (``common.crypto``). The fetch cursor is
    UIDVALIDITY + the highest UID stored; both move in the same transaction as
    the message they cover, so a crash mid-fetch loses nothing.
    """

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="channels")
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=5, choices=ChannelKind.choices, default=ChannelKind.IMAP)
    is_active = models.BooleanField(default=True)
    # IMAP
    imap_host = models.CharField(max_length=255, blank=True)
    imap_port = models.PositiveIntegerField(default=993)
    imap_security = models.CharField(max_length=8, choices=Security.choices, default=Security.SSL)
    imap_user = models.CharField(max_length=255, blank=True)
    imap_password_encrypted = models.TextField(blank=True)
    imap_folder = models.CharField(max_length=255, default="INBOX")
    first_sync_days = models.PositiveIntegerField(default=30)
    fetch_interval_seconds = models.PositiveIntegerField(default=120)
    move_to_folder = models.CharField(
        max_length=255, blank=True, help_text="Move processed mail here (empty: leave it)."
    )
    # SMTP (replies)
    smtp_host = models.CharField(max_length=255, blank=True)
    smtp_port = models.PositiveIntegerField(default=587)
    smtp_security = models.CharField(
        max_length=8, choices=Security.choices, default=Security.STARTTLS
    )
    smtp_user = models.CharField(max_length=255, blank=True)
    smtp_password_encrypted = models.TextField(blank=True)
    from_address = models.EmailField(
        blank=True, help_text="The address Amazon knows as yours (Authorized Email Addresses)."
    )
    # Cursor and health
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    last_uid = models.BigIntegerField(default=0)
    next_fetch_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_fetch_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["store", "name"], name="mailchannel_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.store} · {self.name}"

    @property
    def imap_password(self) -> str:
        return decrypt(self.imap_password_encrypted)

    @imap_password.setter
    def imap_password(self, value: str) -> None:
        self.imap_password_encrypted = encrypt(value)

    @property
    def smtp_password(self) -> str:
        return decrypt(self.smtp_password_encrypted)

    @smtp_password.setter
    def smtp_password(self, value: str) -> None:
        self.smtp_password_encrypted = encrypt(value)


class EmailKind(models.TextChoices):
    BUYER_MESSAGE = "buyer_message", "Buyer message"
    ATOZ_NOTICE = "atoz_notice", "A-to-z notice"
    CHARGEBACK_NOTICE = "chargeback_notice", "Chargeback notice"
    CHARGEBACK_DECISION = "chargeback_decision", "Chargeback decision"
    RETURN_REQUEST = "return_request", "Return authorization request"
    DELIVERY_FAILURE = "delivery_failure", "Delivery failure"
    BUYER_OPT_OUT = "buyer_opt_out", "Buyer opt-out"
    AMAZON_NOTICE = "amazon_notice", "Other Amazon notice"
    AUTO_REPLY = "auto_reply", "Auto-reply or bounce"
    OTHER = "other", "Other"
    UNKNOWN = "", "Not yet routed"


class EmailStatus(models.TextChoices):
    PROCESSED = "processed", "Processed"
    QUARANTINED = "quarantined", "Quarantined"


class InboundEmail(models.Model):
    """Every email that reached the desk, raw, with what became of it.

    ``dedupe_key`` is the Message-ID (or a content hash when there is none);
    the unique constraint makes the database refuse a second copy per channel.
    """

    channel = models.ForeignKey(MailChannel, on_delete=models.CASCADE, related_name="emails")
    dedupe_key = models.CharField(max_length=255)
    header_message_id = models.CharField(max_length=500, blank=True)
    sha256 = models.CharField(max_length=64)
    raw = models.BinaryField()
    size = models.PositiveIntegerField()
    imap_uid = models.BigIntegerField(null=True, blank=True)
    source = models.CharField(max_length=500, blank=True, help_text="File path or IMAP folder.")
    received_at = models.DateTimeField(db_index=True)
    from_address = models.CharField(max_length=500, blank=True)
    subject = models.CharField(max_length=1000, blank=True)
    kind = models.CharField(max_length=20, choices=EmailKind.choices, blank=True)
    status = models.CharField(max_length=12, choices=EmailStatus.choices)
    reason = models.TextField(blank=True, help_text="Why it was quarantined.")
    processed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=1)
    conversation = models.ForeignKey(
        "messaging.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="emails",
    )
    message = models.ForeignKey(
        "messaging.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "dedupe_key"], name="inboundemail_unique_channel_key"
            )
        ]
        indexes = [models.Index(fields=["channel", "status"])]

    def __str__(self) -> str:
        return self.subject or self.dedupe_key
