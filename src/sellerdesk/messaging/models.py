from __future__ import annotations

from django.conf import settings
from django.db import models

from sellerdesk.common.models import Source, StoreScoped


class ConversationStatus(models.TextChoices):
    NEEDS_RESPONSE = "needs_response", "Needs response"
    ANSWERED = "answered", "Answered"
    NO_RESPONSE_NEEDED = "no_response_needed", "No response needed"


class Intent(models.TextChoices):
    WHERE_IS_MY_ORDER = "where_is_my_order", "Where is my order"
    RETURN_REQUEST = "return_request", "Return request"
    REFUND_REQUEST = "refund_request", "Refund request"
    DAMAGED_OR_DEFECTIVE = "damaged_or_defective", "Damaged or defective"
    WRONG_ITEM = "wrong_item", "Wrong or missing item"
    CANCEL_ORDER = "cancel_order", "Cancel order"
    CHANGE_ORDER = "change_order", "Change order"
    PRODUCT_QUESTION = "product_question", "Product question"
    INVOICE_REQUEST = "invoice_request", "Invoice request"
    THANK_YOU = "thank_you", "Thank you"
    OTHER = "other", "Other"


class Conversation(StoreScoped):
    """A thread with one buyer about one order (or one subject when no order is named).

    The clock is kept in columns: ``due_at`` under the store's policy and
    ``amazon_due_at`` (24 hours around the clock, Amazon's metric), both set from
    ``first_unanswered_at`` and cleared when a reply is sent.
    """

    order = models.ForeignKey(
        "orders.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    amazon_order_id = models.CharField(max_length=19, blank=True, db_index=True)
    buyer_key = models.CharField(max_length=254, help_text="Relay alias without its +suffix.")
    buyer_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    language = models.CharField(max_length=8, blank=True)
    status = models.CharField(
        max_length=20,
        choices=ConversationStatus.choices,
        default=ConversationStatus.NEEDS_RESPONSE,
    )
    intent = models.CharField(max_length=24, choices=Intent.choices, default=Intent.OTHER)
    first_unanswered_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    amazon_due_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_conversations",
    )
    thread_subject = models.CharField(
        max_length=500, blank=True, help_text="Normalized subject: the thread key without an order."
    )
    buyer_opted_out = models.BooleanField(default=False)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.EMAIL)

    class Meta:
        ordering = ["due_at", "-last_message_at"]
        indexes = [
            models.Index(fields=["store", "status", "due_at"]),
            models.Index(fields=["store", "buyer_key", "amazon_order_id"]),
        ]

    def __str__(self) -> str:
        return self.subject or f"Conversation {self.pk}"


class Direction(models.TextChoices):
    INBOUND = "in", "From buyer"
    OUTBOUND = "out", "To buyer"


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    direction = models.CharField(max_length=3, choices=Direction.choices)
    sender = models.CharField(max_length=254, blank=True)
    recipient = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    body_text = models.TextField(blank=True)
    # Earlier history the buyer's mail client quoted: folded away in the thread.
    quoted_text = models.TextField(blank=True)
    # Only ever sanitized HTML (nh3) is stored here; buyer HTML is hostile input.
    body_html = models.TextField(blank=True)
    sent_at = models.DateTimeField(db_index=True)
    message_id = models.CharField(max_length=500, blank=True, db_index=True)
    in_reply_to = models.CharField(max_length=500, blank=True)
    comm_mgr_tok = models.CharField(max_length=100, blank=True)
    intent = models.CharField(max_length=24, choices=Intent.choices, blank=True)
    is_auto_reply = models.BooleanField(default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.sent_at:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=127)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    path = models.CharField(max_length=500, help_text="Relative to SELLERDESK_HOME/attachments.")

    def __str__(self) -> str:
        return self.filename


class ReplyTemplate(models.Model):
    """A reply text with merge fields. Each store gets its own copy of the built-in set."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(max_length=60)
    language = models.CharField(max_length=8, default="en")
    name = models.CharField(max_length=120)
    intent = models.CharField(max_length=24, choices=Intent.choices, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "slug", "language"],
                name="replytemplate_unique_store_slug_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} [{self.language}]"


class ReplyStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    UNCONFIRMED = "unconfirmed", "Delivery not confirmed"


class Reply(models.Model):
    """An outgoing answer in the outbox.

    The send is split in phases so a crash never sends twice: ``claimed_at``
    (a worker took it), ``data_started_at`` (committed just before the message
    text goes to the SMTP server). A stale claim without ``data_started_at`` is
    retried; one with it may have been delivered and is marked ``unconfirmed``
    for a person to check, never re-sent by itself.
    """

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="replies")
    channel = models.ForeignKey(
        "mail.MailChannel", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    template = models.ForeignKey(
        ReplyTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_address = models.CharField(max_length=254)
    from_address = models.CharField(max_length=254)
    subject = models.CharField(max_length=500)
    body = models.TextField()
    message_id = models.CharField(max_length=250, unique=True)
    in_reply_to = models.CharField(max_length=500, blank=True)
    references = models.TextField(blank=True)
    status = models.CharField(
        max_length=12, choices=ReplyStatus.choices, default=ReplyStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    claimed_by = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    data_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    smtp_response = models.TextField(blank=True)
    last_error = models.TextField(blank=True)
    override_reason = models.TextField(
        blank=True, help_text="Why an owner sent it despite a compliance error."
    )
    sent_message = models.OneToOneField(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="reply"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "replies"

    def __str__(self) -> str:
        return f"Reply to {self.to_address} ({self.status})"
