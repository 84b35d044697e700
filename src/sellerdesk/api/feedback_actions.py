"""/feedback/{id}/removal…, /feedback/{id}/reply…, /feedback.csv: working seller feedback.

Amazon takes removal requests and public replies in Feedback Manager only: these
endpoints give the check and the texts to paste there, and record what was done.

- ``GET /feedback/{id}/removal``: the removal check (grounds, evidence, the request
  text) and the window (deadline, days left, whether a request can be made now).
- ``POST /feedback/{id}/removal-request``: record the request (409 with the reason when
  no ground applies, the window has closed or one is pending).
- ``POST /feedback/{id}/removal-outcome`` ``{"outcome": "removed"|"denied"|"struck_through"}``.
- ``GET /feedback/{id}/reply-draft``: a reply to start from, checked as public content.
- ``POST /feedback/{id}/reply`` ``{"text": …}``: record the one public reply (409 for a
  second; 422 with the findings when the text breaks the rules for public content).

Writes find the record (404) and check the role (403) before they read the body.
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from dataclasses import asdict
from datetime import date
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from sellerdesk.api.schemas import MAX_TEXT, ComplianceErrorOut, FeedbackOut, FindingOut
from sellerdesk.api.scoping import visible, visible_or_404
from sellerdesk.api.writes import body_docs, parsed_body, writer
from sellerdesk.feedback.export import feedback_csv_lines
from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.feedback.selectors import RemovalState, feedback_removal_state, feedback_rows
from sellerdesk.feedback.services import (
    ONE_REPLY_WARNING,
    ReplyComplianceError,
    feedback_removal_outcome,
    feedback_removal_request,
    feedback_reply_draft,
    feedback_reply_posted,
)
from sellerdesk.stores.models import Store

router = Router(tags=["feedback"])


class ClauseOut(Schema):
    text: str
    topics: list[str]
    cues: list[str]


class RemovalOut(Schema):
    feedback_id: int
    status: FeedbackStatus
    eligible: bool
    grounds: list[str]
    evidence: dict[str, list[str]]
    request_text: str
    note: str
    language: str
    clauses: list[ClauseOut]
    deadline: date
    days_left: int
    can_request: bool
    refusal: str


class OutcomeIn(Schema):
    outcome: Literal["removed", "denied", "struck_through"]


class ReplyDraftOut(Schema):
    text: str
    language: str
    ok: bool
    findings: list[FindingOut]
    warning: str


class ReplyIn(Schema):
    text: str = Field(min_length=1, max_length=MAX_TEXT)


class ReplyPostedOut(Schema):
    feedback: FeedbackOut
    warning: str


def _removal_out(feedback: Feedback, state: RemovalState) -> dict[str, Any]:
    check = state.check
    return {
        "feedback_id": feedback.pk,
        "status": state.status,
        "eligible": check.eligible,
        "grounds": check.grounds,
        "evidence": check.evidence,
        "request_text": check.request_text,
        "note": check.note,
        "language": check.language,
        "clauses": [asdict(c) for c in check.clauses],
        "deadline": state.deadline,
        "days_left": state.days_left,
        "can_request": state.can_request,
        "refusal": state.refusal,
    }


def _feedback(request: HttpRequest, id: int) -> Feedback:
    return visible_or_404(request, Feedback.objects.select_related("store"), pk=id)


@router.get("/feedback/{id}/removal", response=RemovalOut)
def feedback_removal(request: HttpRequest, id: int) -> dict[str, Any]:
    """May this feedback be removed or struck through, on which grounds, and until when."""
    feedback = _feedback(request, id)
    return _removal_out(feedback, feedback_removal_state(feedback=feedback))


@router.post("/feedback/{id}/removal-request", response=RemovalOut)
def feedback_removal_request_create(request: HttpRequest, id: int) -> dict[str, Any]:
    """Record that removal was requested in Feedback Manager (with the request text given)."""
    feedback = _feedback(request, id)
    actor = writer(request, feedback.store, "viewers cannot request feedback removal")
    try:
        feedback_removal_request(feedback=feedback, actor=actor)
    except ValidationError as exc:
        raise HttpError(409, exc.messages[0]) from None
    return _removal_out(feedback, feedback_removal_state(feedback=feedback))


@router.post(
    "/feedback/{id}/removal-outcome", response=FeedbackOut, openapi_extra=body_docs(OutcomeIn)
)
def feedback_removal_outcome_create(request: HttpRequest, id: int) -> Feedback:
    """Record Amazon's answer to the pending request."""
    feedback = _feedback(request, id)
    actor = writer(request, feedback.store, "viewers cannot record removal outcomes")
    payload = parsed_body(request, OutcomeIn)
    try:
        return feedback_removal_outcome(feedback=feedback, actor=actor, outcome=payload.outcome)
    except ValidationError as exc:
        raise HttpError(409, exc.messages[0]) from None


@router.get("/feedback/{id}/reply-draft", response=ReplyDraftOut)
def feedback_reply_draft_get(request: HttpRequest, id: int) -> dict[str, Any]:
    """A public reply to start from; nothing is stored."""
    draft = feedback_reply_draft(feedback=_feedback(request, id))
    return {
        "text": draft.text,
        "language": draft.language,
        "ok": draft.ok,
        "findings": [f.as_dict() for f in draft.findings],
        "warning": draft.warning,
    }


@router.post(
    "/feedback/{id}/reply",
    response={201: ReplyPostedOut, 422: ComplianceErrorOut},
    openapi_extra=body_docs(ReplyIn),
)
def feedback_reply_create(request: HttpRequest, id: int) -> Status[Any]:
    """Record the public reply posted in Feedback Manager: one per feedback, never edited."""
    feedback = _feedback(request, id)
    actor = writer(request, feedback.store, "viewers cannot reply to feedback")
    if feedback.reply_status == ReplyStatus.POSTED:  # before the body: nothing can change it
        raise HttpError(409, "a public reply is already posted: Amazon allows one per feedback")
    payload = parsed_body(request, ReplyIn)
    try:
        feedback = feedback_reply_posted(feedback=feedback, actor=actor, text=payload.text)
    except ReplyComplianceError as exc:
        findings = [f.as_dict() for f in exc.findings]
        return Status(422, {"detail": exc.messages[0], "findings": findings})
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    except ValidationError as exc:
        raise HttpError(409, exc.messages[0]) from None
    return Status(201, {"feedback": feedback, "warning": ONE_REPLY_WARNING})


@router.get("/feedback.csv", response={200: None})
def feedback_csv(request: HttpRequest, store: int | None = None) -> HttpResponse:
    """Every feedback of the caller's stores (or of one), with its removal check, as CSV."""
    feedback = visible(request, Feedback.objects.all(), store=store)
    stores = Store.objects.filter(pk__in=feedback.values("store_id")).order_by("name")
    rows = [
        (each.name, row) for each in stores for row in feedback_rows(store=each, queryset=feedback)
    ]
    response = HttpResponse("".join(feedback_csv_lines(rows)), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="feedback.csv"'
    return response
