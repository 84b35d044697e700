"""Reads for customer questions, scoped to a store: the queue, ages, who answered or
dismissed, and earlier answers on the same ASIN to start a draft from."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.reviews.complaints import STOP_WORDS, sentences
from sellerdesk.reviews.selectors import Decision, decisions_for
from sellerdesk.stores.models import Store

DECISION_ACTIONS = ("question.answered", "question.dismissed")
# How alike an answered question must be (share of content words in common) to lend
# its answer to a draft.
SIMILARITY_FLOOR = 0.5


def questions_for_store(*, store: Store) -> QuerySet[Question]:
    return Question.objects.filter(store=store)


def questions_queue(*, store: Store) -> QuerySet[Question]:
    """The store's questions with ``queue_rank``: unanswered ones (0) before the rest (1),
    so sorting by it and then ``asked_at`` puts the oldest open question first."""
    return questions_for_store(store=store).annotate(
        queue_rank=Case(
            When(status=QuestionStatus.UNANSWERED, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    )


def question_asins(*, store: Store) -> list[str]:
    """The ASINs the store has questions on, for the filter."""
    return list(
        Question.objects.filter(store=store)
        .order_by("asin")
        .values_list("asin", flat=True)
        .distinct()
    )


def question_age(*, question: Question, now: datetime | None = None) -> timedelta:
    """How long the question has waited: until now, or until it was answered."""
    end = question.answered_at or (now or timezone.now())
    return max(timedelta(0), end - question.asked_at)


def question_decision(*, question: Question) -> Decision | None:
    """The latest answer or dismissal recorded in the desk (who, when, why), if any."""
    found = decisions_for(
        store_id=question.store_id, model=Question, actions=DECISION_ACTIONS, ids=[question.pk]
    )
    return found.get(question.pk)


def question_decisions(*, store: Store, question_ids: Iterable[int]) -> dict[int, Decision]:
    return decisions_for(
        store_id=store.pk, model=Question, actions=DECISION_ACTIONS, ids=question_ids
    )


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that carry meaning (``reviews.complaints``' normalising and
    stop words), for comparing two questions."""
    return frozenset(
        w for words in sentences(text) for w in words if len(w) > 1 and w not in STOP_WORDS
    )


def question_similar_answered(*, question: Question) -> tuple[Question, float] | None:
    """The answered question on the same ASIN most like this one, with its similarity
    (shared content words ÷ all content words of both), if at least ``SIMILARITY_FLOOR``."""
    words = content_words(question.text)
    if not words:
        return None
    best: tuple[Question, float] | None = None
    candidates = (
        questions_for_store(store=question.store)
        .filter(asin=question.asin, status=QuestionStatus.ANSWERED)
        .exclude(pk=question.pk)
        .exclude(answer="")
        .order_by("-answered_at", "-pk")[:200]
    )
    for other in candidates:
        theirs = content_words(other.text)
        score = len(words & theirs) / len(words | theirs) if theirs else 0.0
        if score >= SIMILARITY_FLOOR and (best is None or score > best[1]):
            best = (other, score)
    return best
