"""Questions as CSV rows, for the queue's ``export.csv`` and the API's ``/questions.csv``
(written by ``web.csv``). Who answered or dismissed, and why, come from the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sellerdesk.questions.models import Question
from sellerdesk.questions.selectors import DECISION_ACTIONS, question_age
from sellerdesk.reviews.selectors import decisions_for

COLUMNS = (
    "id", "store", "question_id", "asin", "text", "asker", "asked_at", "age_hours", "status",
    "answer", "answered_at", "decided_by", "decided_at", "dismiss_reason", "source",
)  # fmt: skip


def question_rows(questions: list[Question], *, now: datetime) -> Iterator[dict[str, Any]]:
    """One row per question of a chunk; ``age_hours``: waited until answered, or until ``now``."""
    by_store: dict[int, list[int]] = {}
    for question in questions:
        by_store.setdefault(question.store_id, []).append(question.pk)
    decisions = {}
    for store_id, ids in by_store.items():
        decisions.update(
            decisions_for(store_id=store_id, model=Question, actions=DECISION_ACTIONS, ids=ids)
        )
    for question in questions:
        decision = decisions.get(question.pk)
        age = question_age(question=question, now=now)
        yield {
            "id": question.pk,
            "store": question.store.name,
            "question_id": question.question_id,
            "asin": question.asin,
            "text": question.text,
            "asker": question.asker,
            "asked_at": question.asked_at,
            "age_hours": int(age.total_seconds() // 3600),
            "status": question.status,
            "answer": question.answer,
            "answered_at": question.answered_at,
            "decided_by": decision.actor.email if decision and decision.actor else "",
            "decided_at": decision.at if decision else None,
            "dismiss_reason": decision.reason if decision else "",
            "source": question.source,
        }
