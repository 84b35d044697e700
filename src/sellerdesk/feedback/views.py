"""Seller feedback pages: the list (removal verdict, removal window, CSV export) and one
feedback with its removal panel, its public reply and its history.

The endpoints that act (removal request and outcome, the reply's live check and its
posting) are in ``feedback.action_views``; they render the same detail page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone

from sellerdesk.compliance import Finding, has_errors
from sellerdesk.feedback.export import feedback_csv_lines
from sellerdesk.feedback.highlight import evidence_spans
from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.feedback.removal import GROUND_LABELS
from sellerdesk.feedback.selectors import (
    RemovalState,
    feedback_for_store,
    feedback_history,
    feedback_manager_url,
    feedback_removal_state,
    feedback_removal_states,
    feedback_rows,
    feedback_with_removal_verdict,
    store_today,
)
from sellerdesk.feedback.services import ONE_REPLY_WARNING, OUTCOMES, feedback_reply_draft
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.web.findings import ShownFinding, shown_findings
from sellerdesk.web.generic import StoreDetailView, StoreListView, StoreView
from sellerdesk.web.lists import (
    SEARCH_PARAM,
    Column,
    Filter,
    ListContext,
    ListPage,
    ListSpec,
    search_apply,
)

RATING_CHOICES = tuple((str(n), f"{n} star{'s' if n > 1 else ''}") for n in range(5, 0, -1))
REMOVAL_CHOICES = (
    ("requestable", "Eligible, can request now"),
    ("eligible", "Eligible"),
    ("not_eligible", "Not eligible"),
)
# Statuses in which the removal window still matters (a denied request may be asked again).
WINDOW_STATUSES = frozenset(
    {FeedbackStatus.ACTIVE, FeedbackStatus.REMOVAL_REQUESTED, FeedbackStatus.REMOVAL_DENIED}
)
OUTCOME_LABELS = {"removed": "Removed", "denied": "Denied", "struck_through": "Struck through"}


def _removal(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return feedback_with_removal_verdict(
        store=ctx.store, queryset=queryset, verdict=value, now=ctx.now
    )


FEEDBACK_LIST = ListSpec(
    noun="feedback entries",
    columns=(
        Column("Order"),
        Column("Left on", sort="left"),
        Column("Rating", sort="rating"),
        Column("Comment"),
        Column("Removal"),
        Column("Window"),
        Column("Status"),
        Column("Reply"),
    ),
    sorts={"left": ("left_on",), "rating": ("rating",)},
    default_sort="-left",
    filters=(
        Filter("removal", "Removal", choices=REMOVAL_CHOICES, apply=_removal),
        Filter("status", "Status", choices=FeedbackStatus.choices),
        Filter("rating", "Rating", choices=RATING_CHOICES),
        Filter("reply", "Reply", lookup="reply_status", choices=ReplyStatus.choices),
    ),
    search_fields=("amazon_order_id", "comment", "rater_email"),
    search_hint="Order id, comment or rater",
)


@dataclass(frozen=True)
class FeedbackRow:
    """A feedback of the list with its removal state and its age in the store's days."""

    record: Feedback
    removal: RemovalState
    age_days: int

    @property
    def ground_labels(self) -> list[str]:
        return [GROUND_LABELS[g] for g in self.removal.check.grounds]

    @property
    def window_matters(self) -> bool:
        return self.record.status in WINDOW_STATUSES


class FeedbackList(StoreListView):
    stream = "feedback"
    title = "Feedback"
    spec = FEEDBACK_LIST
    row_template = "feedback/_row.html"
    template_name = "feedback/feedback_list.html"
    results_template = "feedback/_list_results.html"

    def get_queryset(self) -> QuerySet[Feedback]:
        return feedback_for_store(store=self.store)

    def get_listing(self) -> ListPage:
        listing = super().get_listing()
        now = timezone.now()
        records: list[Feedback] = list(listing.page.object_list)
        states = feedback_removal_states(store=self.store, feedback=records, now=now)
        today = store_today(store=self.store, now=now)
        listing.page.object_list = [
            FeedbackRow(item, states[item.pk], (today - item.left_on).days) for item in records
        ]
        return listing


def filtered_feedback(*, view: StoreView, params: QueryDict) -> QuerySet[Feedback]:
    """The store's feedback narrowed by the list page's filters and search (no paging),
    the way ``web.lists.list_page`` narrows them."""
    ctx = ListContext(store=view.store, user=view.user, now=timezone.now())
    queryset = feedback_for_store(store=view.store)
    for flt in FEEDBACK_LIST.filters:
        value = params.get(flt.name, "")
        if value and value in {v for v, _ in flt.options(ctx)}:
            queryset = flt.filter(queryset, value, ctx)
    q = " ".join(params.get(SEARCH_PARAM, "")[:200].split())
    if q:
        queryset = search_apply(queryset, FEEDBACK_LIST.search_fields, q)
    return queryset


class FeedbackExport(StoreView):
    """``feedback/export.csv``: the list's feedback (same filters and search) as CSV, with
    the removal check and the days left (``feedback.export``)."""

    stream = "feedback"
    http_method_names = ["get", "head"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        now = timezone.now()
        queryset = filtered_feedback(view=self, params=request.GET)
        rows = feedback_rows(store=self.store, now=now, queryset=queryset)
        response = HttpResponse(
            "".join(feedback_csv_lines((self.store.name, row) for row in rows)),
            content_type="text/csv; charset=utf-8",
        )
        stamp = store_today(store=self.store, now=now).isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="feedback-store{self.store.pk}-{stamp}.csv"'
        )
        return response


# --- one feedback ---------------------------------------------------------------------


@dataclass
class ReplyForm:
    """What the public reply panel shows.

    ``step``: ``write`` (the form, checked live), ``confirm`` (the text once more with
    the one-reply warning, before it is recorded) or ``posted`` (read-only).
    """

    step: str
    text: str = ""
    findings: list[ShownFinding] = field(default_factory=list)
    errors: bool = False
    error: str = ""
    language: str = ""

    @property
    def blocked(self) -> bool:
        return self.errors or not self.text.strip()


def reply_form(*, step: str, text: str, findings: list[Finding], error: str = "") -> ReplyForm:
    return ReplyForm(
        step=step,
        text=text,
        findings=shown_findings(text, findings),
        errors=has_errors(findings),
        error=error,
    )


def detail_context(*, feedback: Feedback, reply: ReplyForm | None = None) -> dict[str, Any]:
    """Everything the feedback page shows besides the store's frame."""
    now = timezone.now()
    state = feedback_removal_state(feedback=feedback, now=now)
    if feedback.reply_status == ReplyStatus.POSTED:
        reply = ReplyForm(step="posted", text=feedback.your_response)
    elif reply is None:
        draft = feedback_reply_draft(feedback=feedback)
        reply = reply_form(step="write", text=draft.text, findings=draft.findings)
        reply.language = draft.language
    return {
        "order": order_for_record(
            store=feedback.store,
            order_id=feedback.order_id,
            amazon_order_id=feedback.amazon_order_id,
        ),
        "removal": state,
        "grounds": [
            (GROUND_LABELS[g], state.check.evidence.get(g, [])) for g in state.check.grounds
        ],
        "comment_spans": evidence_spans(feedback.comment, state.check.evidence),
        "window_matters": feedback.status in WINDOW_STATUSES,
        "age_days": (store_today(store=feedback.store, now=now) - feedback.left_on).days,
        "feedback_manager_url": feedback_manager_url(store=feedback.store),
        "outcomes": [(key, OUTCOME_LABELS[key]) for key in OUTCOMES],
        "reply": reply,
        "one_reply_warning": ONE_REPLY_WARNING,
        "history": feedback_history(feedback=feedback),
    }


class FeedbackDetail(StoreDetailView):
    stream = "feedback"
    title = "Feedback"
    template_name = "feedback/feedback_detail.html"
    object: Feedback

    def get_queryset(self) -> QuerySet[Feedback]:
        return feedback_for_store(store=self.store).select_related("store")

    def get_object(self) -> Feedback:
        return cast(Feedback, super().get_object())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        reply = kwargs.pop("reply", None)
        context = super().get_context_data(**kwargs)
        context.update(detail_context(feedback=self.object, reply=reply))
        return context
