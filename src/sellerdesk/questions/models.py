from __future__ import annotations

from django.db import models

from sellerdesk.common.models import Source, StoreScoped


class QuestionStatus(models.TextChoices):
    UNANSWERED = "unanswered", "Unanswered"
    ANSWERED = "answered", "Answered"
    DISMISSED = "dismissed", "Dismissed"


class Question(StoreScoped):
    """A customer question on a listing. No API or report: CSV import or by hand."""

    question_id = models.CharField(max_length=40)
    asin = models.CharField(max_length=10, db_index=True)
    text = models.TextField()
    asked_at = models.DateTimeField(db_index=True)
    asker = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.UNANSWERED
    )
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.IMPORT)

    class Meta:
        ordering = ["-asked_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "question_id"], name="question_unique_store_id"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]
