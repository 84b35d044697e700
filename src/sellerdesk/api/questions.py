"""/questions.csv and the work on a customer question: a draft, the answer, dismissal.

- ``GET /questions.csv?store=``: the caller's questions (one store's) as CSV, oldest
  first, filtered like ``/questions``.
- ``GET /questions/{id}/answer-draft``: an answer to start from (an earlier answer to a
  similar question on the ASIN, else a skeleton whose bracketed part must be replaced).
- ``POST /questions/{id}/answer`` ``{"text": …}``: record the answer posted on Amazon
  (422 with the findings when it breaks the rules for public content; 409 when the
  question is not unanswered or the draft's placeholder is still there).
- ``POST /questions/{id}/dismiss`` ``{"reason": …}`` (409 when not unanswered).

Writes find the question (404) and check the role (403) before they read the body.
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from sellerdesk.api.public_text import (
    DraftOut,
    ReasonIn,
    ResponseIn,
    declined,
    draft_out,
    text_recorded,
)
from sellerdesk.api.reviews import caller_store
from sellerdesk.api.schemas import ComplianceErrorOut, FindingOut, QuestionOut
from sellerdesk.api.scoping import visible, visible_or_404
from sellerdesk.api.writes import body_docs, parsed_body, writer
from sellerdesk.questions.export import COLUMNS, question_rows
from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.questions.services import question_answer, question_answer_draft, question_dismiss
from sellerdesk.web.csv import csv_filename, csv_response, rows_in_chunks

router = Router(tags=["questions"])


class AnswerDraftOut(DraftOut):
    based_on: int | None = Field(
        None, description="the answered question whose answer the draft reuses"
    )


class QuestionActionOut(Schema):
    question: QuestionOut
    warnings: list[FindingOut]


def _question(request: HttpRequest, id: int) -> Question:
    return visible_or_404(request, Question.objects.select_related("store"), pk=id)


@router.get("/questions.csv", response={200: None})
def question_csv(
    request: HttpRequest,
    store: int | None = None,
    asin: str | None = None,
    status: QuestionStatus | None = None,
) -> StreamingHttpResponse:
    """The caller's questions (one store's with ``store``) as CSV, oldest first."""
    questions = visible(request, Question.objects.select_related("store"), store=store)
    if asin:
        questions = questions.filter(asin=asin)
    if status:
        questions = questions.filter(status=status)
    one = caller_store(request, store) if store is not None else None
    now = timezone.now()
    return csv_response(
        columns=COLUMNS,
        rows=rows_in_chunks(
            questions.order_by("asked_at", "pk").iterator(chunk_size=500),
            lambda chunk: question_rows(chunk, now=now),
        ),
        filename=csv_filename("questions", one),
    )


@router.get("/questions/{id}/answer-draft", response=AnswerDraftOut)
def question_answer_draft_get(request: HttpRequest, id: int) -> dict[str, Any]:
    """An answer to start from; nothing is stored."""
    draft = question_answer_draft(question=_question(request, id))
    return draft_out(draft, based_on=draft.based_on.pk if draft.based_on else None)


@router.post(
    "/questions/{id}/answer",
    response={201: QuestionActionOut, 422: ComplianceErrorOut},
    openapi_extra=body_docs(ResponseIn),
)
def question_answer_create(request: HttpRequest, id: int) -> Status[Any]:
    """Record the answer posted on Amazon (public content)."""
    question = _question(request, id)
    actor = writer(request, question.store, "viewers cannot answer questions")
    payload = parsed_body(request, ResponseIn)
    return text_recorded(
        key="question",
        record=lambda: question_answer(question=question, actor=actor, text=payload.text),
        text_of=lambda done: done.answer,
    )


@router.post("/questions/{id}/dismiss", response=QuestionOut, openapi_extra=body_docs(ReasonIn))
def question_dismiss_create(request: HttpRequest, id: int) -> Question:
    """Dismiss an unanswered question, with the reason."""
    question = _question(request, id)
    actor = writer(request, question.store, "viewers cannot dismiss questions")
    payload = parsed_body(request, ReasonIn)
    return declined(lambda: question_dismiss(question=question, actor=actor, reason=payload.reason))
