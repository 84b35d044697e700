"""Writes for customer questions: answer one (public content) or dismiss it with a reason.

Amazon has no API for questions on a listing: the agent posts the answer in Seller
Central and the desk records it. Statuses: ``unanswered`` → ``answered`` (text, who,
when) or ``dismissed`` (a reason); both final, both audited with who did it. Owners
and agents act; viewers get PermissionDenied. The answer must pass the compliance
check for public content (errors block: ``AnswerComplianceError``); a draft that
still holds its placeholder is refused.
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
from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.questions.selectors import question_similar_answered
from sellerdesk.stores.selectors import user_can_write

# The skeleton of an answer when no earlier answer fits: the bracketed part must go.
SKELETONS: dict[str, str] = {
    "en": "Thank you for your question. [Write the answer: facts about the product only.]",
    "de": "Vielen Dank für Ihre Frage. [Antwort schreiben: nur Fakten zum Produkt.]",
    "fr": "Merci pour votre question. [Écrire la réponse : uniquement des faits sur le produit.]",
    "es": "Gracias por su pregunta. [Escriba la respuesta: solo datos sobre el producto.]",
    "it": "Grazie per la domanda. [Scrivere la risposta: solo fatti sul prodotto.]",
}
PLACEHOLDERS = tuple(text[text.index("[") :] for text in SKELETONS.values())


class AnswerComplianceError(TextComplianceError):
    what = "the answer"


def _require_writer(actor: User, question: Question) -> None:
    if not user_can_write(user=actor, store=question.store):
        raise PermissionDenied("viewers cannot act on questions")


@dataclass(frozen=True)
class AnswerDraft:
    text: str
    language: str
    findings: list[Finding]
    # The answered question whose answer the draft reuses (None: the skeleton).
    based_on: Question | None = None

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def question_answer_draft(*, question: Question) -> AnswerDraft:
    """An answer to start from: the answer to the most similar answered question on the
    same ASIN, else a skeleton in the question's language (else the marketplace's).
    Checked as public content; nothing is stored."""
    similar = question_similar_answered(question=question)
    if similar is not None:
        other = similar[0]
        language = detect_language(other.answer) or detect_language(question.text)
        return AnswerDraft(
            text=other.answer,
            language=language,
            findings=public_findings(other.answer),
            based_on=other,
        )
    language = (
        detect_language(question.text) or get_marketplace(question.store.marketplace).language
    )
    lang = language if language in SKELETONS else "en"
    return AnswerDraft(
        text=SKELETONS[lang], language=lang, findings=public_findings(SKELETONS[lang])
    )


def question_answer(
    *, question: Question, actor: User, text: str, now: datetime | None = None
) -> Question:
    """Record the answer posted on Amazon.

    1. Only owners and agents; only an unanswered question.
    2. Not empty, no draft placeholder left, and the public-content check passes
       (errors block; the warnings go into the audit event).
    3. Claimed with a conditional update; status → answered with text and time;
       audited with who and the text.
    """
    _require_writer(actor, question)
    text = text.strip()
    if not text:
        raise ValidationError("write the answer first")
    if any(p in text for p in PLACEHOLDERS):
        raise ValidationError("replace the bracketed placeholder with the answer")
    if question.status != QuestionStatus.UNANSWERED:
        raise ValidationError(f"the question is already {question.get_status_display().lower()}")
    now = now or timezone.now()
    public_text_record(
        record=question,
        actor=actor,
        text=text,
        claim=Question.objects.filter(pk=question.pk, status=QuestionStatus.UNANSWERED),
        values={
            "status": QuestionStatus.ANSWERED,
            "answer": text,
            "answered_at": now,
            "updated_at": now,
        },
        error=AnswerComplianceError,
        changed="the question changed meanwhile",
        action="question.answered",
    )
    return question


def question_dismiss(
    *, question: Question, actor: User, reason: str, now: datetime | None = None
) -> Question:
    """Dismiss an unanswered question (spam, a duplicate, answered by the community…)."""
    _require_writer(actor, question)
    now = now or timezone.now()
    public_text_decline(
        record=question,
        actor=actor,
        reason=reason,
        missing="give the reason for dismissing the question",
        refusal=(
            f"the question is already {question.get_status_display().lower()}"
            if question.status != QuestionStatus.UNANSWERED
            else ""
        ),
        claim=Question.objects.filter(pk=question.pk, status=QuestionStatus.UNANSWERED),
        values={"status": QuestionStatus.DISMISSED, "updated_at": now},
        changed="the question changed meanwhile",
        action="question.dismissed",
    )
    return question
