"""Writes for product reviews: the response workflow of reviews of 3 stars or fewer.

Amazon takes a brand owner's comment on a review in Seller Central only (no API): the
desk drafts the comment, checks it as public content, and records what was posted.

Statuses: ``new`` → ``responded`` (the comment's text, who, when) or ``no_action`` (a
reason). Both are final, and both are audited with who did it. Owners and agents
act; viewers get PermissionDenied. A refusal the user can fix is a ValidationError
saying why; a text that breaks the rules for public content is a
``ResponseComplianceError`` carrying the findings (errors block, warnings do not).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.common.public_text import (
    TextComplianceError,
    public_findings,
    public_text_decline,
    public_text_record,
)
from sellerdesk.compliance import Finding, has_errors
from sellerdesk.marketplaces import get_marketplace
from sellerdesk.messaging.intent import detect_language
from sellerdesk.reviews.drafts import response_text
from sellerdesk.reviews.models import Review, ReviewStatus
from sellerdesk.reviews.selectors import LOW_RATING
from sellerdesk.stores.selectors import user_can_write


class ResponseComplianceError(TextComplianceError):
    what = "the response"


def _require_writer(actor: User, review: Review) -> None:
    if not user_can_write(user=actor, store=review.store):
        raise PermissionDenied("viewers cannot act on reviews")


def review_can_respond(review: Review) -> str:
    """Why the review cannot get a response now; empty when it can."""
    if review.rating > LOW_RATING:
        return f"the response workflow is for reviews of {LOW_RATING} stars or fewer"
    if review.status != ReviewStatus.NEW:
        return f"the review is already {review.get_status_display().lower()}"
    return ""


@dataclass(frozen=True)
class ResponseDraft:
    text: str
    language: str
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def review_response_draft(*, review: Review) -> ResponseDraft:
    """The comment to start from, in the review's language (else the marketplace's),
    with its compliance findings. Nothing is stored."""
    language = detect_language(f"{review.title}. {review.body}") or (
        get_marketplace(review.store.marketplace).language
    )
    text, language = response_text(language)
    return ResponseDraft(text=text, language=language, findings=public_findings(text))


def review_respond(
    *, review: Review, actor: User, text: str, now: datetime | None = None
) -> Review:
    """Record the comment posted on Amazon for a review of 3 stars or fewer.

    1. Only owners and agents; only a ``new`` review of ``LOW_RATING`` stars or fewer.
    2. The text must not be empty and must pass the public-content check (errors
       block; the warnings go into the audit event).
    3. Claimed with a conditional update, so of two agents at once one records it;
       status → responded, text and time stored, audited with who and the text.
    """
    _require_writer(actor, review)
    text = text.strip()
    if not text:
        raise ValidationError("write the response first")
    refusal = review_can_respond(review)
    if refusal:
        raise ValidationError(f"cannot respond: {refusal}")
    now = now or timezone.now()
    public_text_record(
        record=review,
        actor=actor,
        text=text,
        claim=Review.objects.filter(pk=review.pk, status=ReviewStatus.NEW, rating__lte=LOW_RATING),
        values={
            "status": ReviewStatus.RESPONDED,
            "response": text,
            "responded_at": now,
            "updated_at": now,
        },
        error=ResponseComplianceError,
        changed="cannot respond: the review changed meanwhile",
        action="review.responded",
        data={"rating": review.rating},
    )
    return review


def review_no_action(
    *, review: Review, actor: User, reason: str, now: datetime | None = None
) -> Review:
    """Mark a ``new`` review (any rating) "no action needed", with the reason why."""
    _require_writer(actor, review)
    now = now or timezone.now()
    public_text_decline(
        record=review,
        actor=actor,
        reason=reason,
        missing="give the reason no action is needed",
        refusal=(
            f"the review is already {review.get_status_display().lower()}"
            if review.status != ReviewStatus.NEW
            else ""
        ),
        claim=Review.objects.filter(pk=review.pk, status=ReviewStatus.NEW),
        values={"status": ReviewStatus.NO_ACTION, "updated_at": now},
        changed="the review changed meanwhile",
        action="review.no_action",
        data={"rating": review.rating},
    )
    return review
