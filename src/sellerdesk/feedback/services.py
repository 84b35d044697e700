"""Writes for seller feedback: removal requests and their outcomes, the one public reply.

Amazon takes both through Seller Central's Feedback Manager only (no API): the desk
prepares the request text and the reply, the agent pastes them there, and these
services record what was done. Owners and agents act; viewers get PermissionDenied.
A refusal the user can fix (window closed, no ground, a reply already posted) is a
ValidationError saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.compliance import CheckContext, Finding, check, has_errors
from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.feedback.removal import RemovalCheck, detect_language, fold
from sellerdesk.feedback.replies import reply_text
from sellerdesk.feedback.selectors import feedback_removal, feedback_removal_state
from sellerdesk.marketplaces import get_marketplace
from sellerdesk.stores.selectors import user_can_write

Outcome = Literal["removed", "denied", "struck_through"]
OUTCOMES: dict[str, str] = {
    "removed": FeedbackStatus.REMOVED,
    "denied": FeedbackStatus.REMOVAL_DENIED,
    "struck_through": FeedbackStatus.STRUCK_THROUGH,
}
ONE_REPLY_WARNING = (
    "Amazon allows one public reply per feedback. It cannot be edited, only deleted, and a "
    "deleted reply cannot be posted again: check the text before you post it."
)

ALREADY_POSTED = (
    "a public reply is already posted: Amazon allows one reply per feedback and it cannot be edited"
)


class ReplyComplianceError(ValidationError):
    """The reply breaks Amazon's rules for public content; ``findings`` says where."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        rules = ", ".join(sorted({f.rule for f in findings if f.severity == "error"}))
        super().__init__(f"the reply breaks Amazon's rules for public content: {rules}")


def _require_writer(actor: User, feedback: Feedback) -> None:
    if not user_can_write(user=actor, store=feedback.store):
        raise PermissionDenied("viewers cannot act on feedback")


def feedback_removal_request(
    *, feedback: Feedback, actor: User, now: datetime | None = None
) -> RemovalCheck:
    """Record a removal request made in Feedback Manager, and give the text to paste.

    1. Only owners and agents; only active (or once denied) feedback; only within
       ``feedback_removal_days`` of the feedback date, in the store's time zone.
    2. Only on the grounds the removal check finds: none is a refusal saying why.
    3. Status → removal requested; the grounds, evidence and request text go into the
       audit event, so what was asked stays on record.
    """
    _require_writer(actor, feedback)
    now = now or timezone.now()
    state = feedback_removal_state(feedback=feedback, now=now)
    if not state.can_request:
        raise ValidationError(f"cannot request removal: {state.refusal}")
    result = state.check
    with transaction.atomic():
        # Claimed with a conditional update: of two agents asking at once, one records it.
        claimed = Feedback.objects.filter(pk=feedback.pk, status=feedback.status).update(
            status=FeedbackStatus.REMOVAL_REQUESTED, status_changed_at=now, updated_at=now
        )
        if claimed != 1:
            raise ValidationError("cannot request removal: the feedback changed meanwhile")
        audit_record(
            action="feedback.removal_requested",
            actor=actor,
            store=feedback.store,
            target=feedback,
            data={
                "from": feedback.status,
                "grounds": result.grounds,
                "evidence": result.evidence,
                "request_text": result.request_text,
                "days_left": state.days_left,
            },
        )
    feedback.refresh_from_db()
    return result


def feedback_removal_outcome(
    *, feedback: Feedback, actor: User, outcome: Outcome, now: datetime | None = None
) -> Feedback:
    """Record Amazon's answer to a pending removal request: removed, denied or struck through."""
    _require_writer(actor, feedback)
    if outcome not in OUTCOMES:
        raise ValidationError(f"unknown outcome {outcome!r}: one of {', '.join(OUTCOMES)}")
    if feedback.status != FeedbackStatus.REMOVAL_REQUESTED:
        raise ValidationError("no removal request is pending for this feedback")
    now = now or timezone.now()
    with transaction.atomic():
        claimed = Feedback.objects.filter(
            pk=feedback.pk, status=FeedbackStatus.REMOVAL_REQUESTED
        ).update(status=OUTCOMES[outcome], status_changed_at=now, updated_at=now)
        if claimed != 1:
            raise ValidationError("no removal request is pending for this feedback")
        audit_record(
            action="feedback.removal_outcome",
            actor=actor,
            store=feedback.store,
            target=feedback,
            data={"outcome": outcome, "status": OUTCOMES[outcome]},
        )
    feedback.refresh_from_db()
    return feedback


@dataclass(frozen=True)
class ReplyDraft:
    text: str
    language: str
    findings: list[Finding]
    warning: str = ONE_REPLY_WARNING

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def public_findings(text: str) -> list[Finding]:
    return check(text, context=CheckContext(kind="public"))


def feedback_reply_draft(*, feedback: Feedback) -> ReplyDraft:
    """A public reply to start from: an apology with a way forward for 1-3 stars, thanks for
    4-5, in the comment's language (else the marketplace's), checked as public content."""
    result = feedback_removal(feedback=feedback)
    language = (
        detect_language(fold(feedback.comment))
        or get_marketplace(feedback.store.marketplace).language
    )
    topics = {t for clause in result.clauses for t in clause.topics}
    text, language = reply_text(rating=feedback.rating, language=language, topics=topics)
    return ReplyDraft(text=text, language=language, findings=public_findings(text))


def feedback_reply_posted(*, feedback: Feedback, actor: User, text: str) -> Feedback:
    """Record the public reply posted in Feedback Manager (``ONE_REPLY_WARNING``).

    A second reply is refused: Amazon keeps one, unedited. The text must pass the public
    content check (no links, contact details, promotion, incentives).
    """
    _require_writer(actor, feedback)
    text = text.strip()
    if feedback.reply_status == ReplyStatus.POSTED:
        raise ValidationError(ALREADY_POSTED)
    findings = public_findings(text)
    if has_errors(findings):
        raise ReplyComplianceError(findings)
    with transaction.atomic():
        # One reply, even when two agents post at once: the first update wins.
        claimed = (
            Feedback.objects.filter(pk=feedback.pk)
            .exclude(reply_status=ReplyStatus.POSTED)
            .update(your_response=text, reply_status=ReplyStatus.POSTED, updated_at=timezone.now())
        )
        if claimed != 1:
            raise ValidationError(ALREADY_POSTED)
        audit_record(
            action="feedback.reply_posted",
            actor=actor,
            store=feedback.store,
            target=feedback,
            data={"text": text},
        )
    feedback.refresh_from_db()
    return feedback
