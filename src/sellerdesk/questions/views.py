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

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Min, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from sellerdesk.compliance import Finding
from sellerdesk.questions.export import COLUMNS, question_rows
from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.questions.selectors import (
    question_asins,
    question_decision,
    questions_for_store,
    questions_queue,
)
from sellerdesk.questions.services import (
    AnswerComplianceError,
    question_answer,
    question_answer_draft,
    question_dismiss,
)
from sellerdesk.reviews.views import check_context
from sellerdesk.web.csv import ListExportView
from sellerdesk.web.generic import StoreDetailView, StoreListView
from sellerdesk.web.lists import Choices, Column, Filter, ListContext, ListPage, ListSpec

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


class QuestionDetail(StoreDetailView):
    stream = "questions"
    title = "Question"
    template_name = "questions/question_detail.html"
    object: Question
    sent_text: str | None = None
    sent_error: str = ""
    sent_findings: list[Finding] | None = None

    def get_queryset(self) -> QuerySet[Question]:
        return questions_for_store(store=self.store).select_related("store")

    def get_object(self) -> Question:
        return cast(Question, super().get_object())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        question = self.object
        context["decision"] = question_decision(question=question)
        context["error"] = self.sent_error
        if context["can_write"] and question.status == QuestionStatus.UNANSWERED:
            if self.sent_text is None:
                draft = question_answer_draft(question=question)
                context.update(draft_language=draft.language, based_on=draft.based_on)
                context.update(check_context(draft.text, draft.findings))
            else:
                context.update(check_context(self.sent_text, self.sent_findings))
        return context


class QuestionEndpoint(QuestionDetail):
    """A POST about one question; a refused one answers with the question page (422)."""

    http_method_names = ["post"]

    def refused(
        self, *, text: str | None, error: str, findings: list[Finding] | None = None
    ) -> HttpResponse:
        self.sent_text, self.sent_error, self.sent_findings = text, error, findings
        return self.render_to_response(self.get_context_data(), status=422)


class QuestionCheck(QuestionEndpoint):
    """The public-content findings for the text in the answer form (htmx)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        get_object_or_404(self.get_queryset(), pk=int(kwargs["pk"]))
        context = check_context(request.POST.get("text", ""))
        context.update(store=self.store, submit_label="Record answer", oob=True)
        return render(request, "reviews/_public_check.html", context)


class QuestionAnswer(QuestionEndpoint):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        text = request.POST.get("text", "")
        try:
            question_answer(question=self.object, actor=self.user, text=text)
        except AnswerComplianceError as exc:
            return self.refused(text=text, error=exc.messages[0], findings=exc.findings)
        except ValidationError as exc:
            return self.refused(text=text, error=exc.messages[0])
        messages.success(request, "Answer recorded.")
        return redirect("questions_detail", store_id=self.store.pk, pk=self.object.pk)


class QuestionDismiss(QuestionEndpoint):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        try:
            question_dismiss(
                question=self.object, actor=self.user, reason=request.POST.get("reason", "")
            )
        except ValidationError as exc:
            return self.refused(text=None, error=exc.messages[0])
        messages.success(request, "Question dismissed.")
        return redirect("questions_detail", store_id=self.store.pk, pk=self.object.pk)
