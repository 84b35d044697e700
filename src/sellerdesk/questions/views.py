"""Customer question pages.

* ``questions_list``: the queue, per ASIN (filter) and status (unanswered, answered,
  dismissed), oldest open question first, with how long each has waited; unanswered
  questions per ASIN above it, and "Export CSV" (``questions_export``).
* ``questions_detail``: a question; for agents and owners, the answer form (a draft,
  live public-content check) and "dismiss" with a reason.
* ``questions_check``, ``questions_answer``, ``questions_dismiss``: POSTs under
  ``<pk>/``; a refused answer comes back with its findings (422).

Writes need the agent role (viewers: 403, ``StoreView``); another store's question is a 404.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, cast

from django.db.models import Count, Min, QuerySet
from django.utils import timezone

from sellerdesk.questions.export import COLUMNS, question_rows
from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.questions.selectors import (
    question_asins,
    question_decision,
    questions_for_store,
    questions_queue,
)
from sellerdesk.questions.services import question_answer, question_answer_draft, question_dismiss
from sellerdesk.web.csv import ListExportView
from sellerdesk.web.generic import StoreListView
from sellerdesk.web.lists import Choices, Column, Filter, ListContext, ListPage, ListSpec
from sellerdesk.web.public_text import (
    PublicTextCheck,
    PublicTextDecline,
    PublicTextDetail,
    PublicTextEndpoint,
    PublicTextRecord,
    check_context,
)

SUMMARY_ROWS = 10


def _asins(ctx: ListContext) -> Choices:
    return [(asin, asin) for asin in question_asins(store=ctx.store)]


QUESTION_LIST = ListSpec(
    noun="questions",
    columns=(
        Column("Question"),
        Column("ASIN", sort="asin"),
        Column("Asker"),
        Column("Asked", sort="asked"),
        Column("Waited", css="num"),
        Column("Status"),
    ),
    # "queue": open questions first, then the oldest first.
    sorts={"queue": ("queue_rank", "asked_at"), "asked": ("asked_at",), "asin": ("asin",)},
    default_sort="queue",
    filters=(
        Filter("status", "Status", choices=QuestionStatus.choices),
        Filter("asin", "ASIN", choices=_asins),
    ),
    search_fields=("text", "answer", "asker", "asin"),
    search_hint="Question, answer, asker or ASIN",
)


class QuestionList(StoreListView):
    stream = "questions"
    title = "Questions"
    spec = QUESTION_LIST
    row_template = "questions/_row.html"
    template_name = "questions/question_list.html"
    results_template = "questions/_list_results.html"

    def get_queryset(self) -> QuerySet[Question]:
        return questions_queue(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        listing: ListPage = context["listing"]
        asin = next((f.value for f in listing.filters if f.name == "asin"), "")
        open_questions = questions_for_store(store=self.store).filter(
            status=QuestionStatus.UNANSWERED
        )
        if asin:
            open_questions = open_questions.filter(asin=asin)
        per_asin = list(
            open_questions.values("asin")
            .annotate(open=Count("pk"), oldest=Min("asked_at"))
            .order_by("oldest", "asin")
        )
        context.update(
            open_by_asin=per_asin[:SUMMARY_ROWS], more_asins=max(0, len(per_asin) - SUMMARY_ROWS)
        )
        return context


class QuestionExport(ListExportView, QuestionList):
    """``questions/export.csv``: the questions the queue shows with these filters."""

    columns: ClassVar[tuple[str, ...]] = COLUMNS

    def rows_for(self, records: list[Any]) -> Iterator[dict[str, Any]]:
        return question_rows(records, now=timezone.now())


class QuestionDetail(PublicTextDetail):
    stream = "questions"
    title = "Question"
    template_name = "questions/question_detail.html"
    object: Question

    def get_queryset(self) -> QuerySet[Question]:
        return questions_for_store(store=self.store).select_related("store")

    def get_object(self) -> Question:
        return cast(Question, super().get_object())

    def record_context(self) -> dict[str, Any]:
        return {"decision": question_decision(question=self.object)}

    def workflow_open(self, context: dict[str, Any]) -> bool:
        return self.object.status == QuestionStatus.UNANSWERED

    def draft_context(self) -> dict[str, Any]:
        draft = question_answer_draft(question=self.object)
        return {
            "draft_language": draft.language,
            "based_on": draft.based_on,
            **check_context(draft.text, draft.findings),
        }


class QuestionEndpoint(PublicTextEndpoint, QuestionDetail):
    """A POST about one question; a refused one answers with the question page (422)."""

    detail_url = "questions_detail"


class QuestionCheck(PublicTextCheck, QuestionEndpoint):
    """The public-content findings for the text in the answer form (htmx)."""

    submit_label = "Record answer"


class QuestionAnswer(PublicTextRecord, QuestionEndpoint):
    done_message = "Answer recorded."

    def record(self, text: str) -> None:
        question_answer(question=self.object, actor=self.user, text=text)


class QuestionDismiss(PublicTextDecline, QuestionEndpoint):
    done_message = "Question dismissed."

    def decline(self, reason: str) -> None:
        question_dismiss(question=self.object, actor=self.user, reason=reason)
