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


class NotificationRule(models.Model):
    """Which events a user wants to hear about, for which store, on which channel."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_rules"
    )
    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=32, choices=EventKind.choices)
    enabled = models.BooleanField(default=True)
    # An apprise URL holds credentials, so it is stored encrypted.
    channel_encrypted = models.TextField(blank=True)
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "store", "event"], name="notificationrule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_event_display()}"
