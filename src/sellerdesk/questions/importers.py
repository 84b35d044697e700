"""Importer for the desk's customer questions CSV (no Amazon API or report has them).

Columns (header row required, any order, names case-insensitive):
``question_id, asin, text, asked_at, asker, answer, answered_at``; ``asin``,
``text`` and ``asked_at`` are required. Without a ``question_id`` the key is
derived from the ASIN, the time asked and the text. A row with an answer marks
the question answered; an empty answer never erases one the desk has, nor
undoes a dismissal.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sellerdesk.common.models import Source
from sellerdesk.imports.base import Column, Counts, Importer, Reader
from sellerdesk.imports.upsert import Upsert, assign
from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.reviews.importers import derived_key

FIELDS = ("asin", "text", "asked_at", "asker", "answer", "answered_at", "status")


class QuestionsImporter(Importer):
    kind = "questions"
    description = "The desk's customer questions CSV (question_id, asin, text, asked_at, …)"
    columns: ClassVar[tuple[Column, ...]] = (
        Column("question_id", required=False),
        Column("asin"),
        Column("text", ("question",)),
        Column("asked_at", ("date",)),
        Column("asker", ("author",), required=False),
        Column("answer", required=False),
        Column("answered_at", required=False),
    )

    def _parse(self, r: Reader) -> tuple[str, dict[str, Any]]:
        asin = r.text("asin", required=True).upper()
        if len(asin) > 10:
            raise r.refuse("asin", f"not an ASIN: {asin!r}")
        text = r.text("text", required=True)
        asked_at = r.datetime("asked_at", required=True)
        question_id = r.text("question_id", limit=40) or derived_key(
            asin, asked_at.isoformat() if asked_at else "", text
        )
        values: dict[str, Any] = {
            "asin": asin,
            "text": text,
            "asked_at": asked_at,
            "asker": r.text("asker", limit=200),
        }
        answer = r.text("answer")
        answered_at = r.datetime("answered_at")
        if answer:
            values.update(answer=answer, status=QuestionStatus.ANSWERED)
            if answered_at is not None:
                values["answered_at"] = answered_at
        return question_id, values

    def apply(self, batch: list[Reader]) -> Counts:
        rows = [self._parse(r) for r in batch]
        upsert = Upsert(
            Question,
            "question_id",
            Question.objects.filter(store=self.store, question_id__in={key for key, _ in rows}),
        )
        for question_id, values in rows:
            question = upsert.get(question_id)
            if question is None:
                upsert.create(
                    Question(
                        store=self.store, question_id=question_id, source=Source.IMPORT, **values
                    )
                )
            else:
                upsert.touched(question, assign(question, values))
        return upsert.save(FIELDS)
