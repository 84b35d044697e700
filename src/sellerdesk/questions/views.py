"""Customer question pages."""

from __future__ import annotations

from django.db.models import QuerySet

from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.questions.selectors import question_asins, questions_for_store
from sellerdesk.web.generic import StoreDetailView, StoreListView
from sellerdesk.web.lists import Choices, Column, Filter, ListContext, ListSpec


def _asins(ctx: ListContext) -> Choices:
    return [(asin, asin) for asin in question_asins(store=ctx.store)]


QUESTION_LIST = ListSpec(
    noun="questions",
    columns=(
        Column("Question"),
        Column("ASIN", sort="asin"),
        Column("Asker"),
        Column("Asked", sort="asked"),
        Column("Status"),
    ),
    sorts={"asked": ("asked_at",), "asin": ("asin",)},
    default_sort="-asked",
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

    def get_queryset(self) -> QuerySet[Question]:
        return questions_for_store(store=self.store)


class QuestionDetail(StoreDetailView):
    stream = "questions"
    title = "Question"
    template_name = "questions/question_detail.html"

    def get_queryset(self) -> QuerySet[Question]:
        return questions_for_store(store=self.store)
