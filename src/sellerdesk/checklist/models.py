from __future__ import annotations

from django.conf import settings
from django.db import models


class ChecklistKind(models.TextChoices):
    MESSAGES = "messages", "Answer buyer messages"
    RETURNS = "returns", "Handle customer returns"
    FEEDBACK = "feedback", "Check seller feedback"
    REVIEWS = "reviews", "Respond to negative product reviews"
    CLAIMS = "claims", "Review A-to-z claims"
    CHARGEBACKS = "chargebacks", "Review chargeback claims"
    QUESTIONS = "questions", "Answer customer questions"


class Cadence(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"


class ChecklistTask(models.Model):
    """One checklist item in one period (a day, a week or a month) of one store."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    task = models.CharField(max_length=12, choices=ChecklistKind.choices)
    cadence = models.CharField(max_length=8, choices=Cadence.choices)
    period_start = models.DateField()
    due = models.DateField(help_text="Last day of the period, in the store's time zone.")
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField(default=dict, blank=True, help_text="Counts when ticked done.")

    class Meta:
        ordering = ["due", "task"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "task", "cadence", "period_start"],
                name="checklist_unique_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_task_display()} ({self.cadence}, {self.period_start})"
