"""Product review pages.

* ``reviews_list``: the list by ASIN and stars, with the ASIN summary above it and an
  "Export CSV" link carrying the filters (``reviews_export``, ``export.csv``).
* ``reviews_detail``: a review; for agents and owners, the response workflow of a new
  review of 3 stars or fewer (draft, live public-content check) and "no action needed".
* ``reviews_check`` (POST ``<pk>/check/``): the findings for the text being typed.
* ``reviews_respond`` (POST ``<pk>/respond/``), ``reviews_no_action`` (POST
  ``<pk>/no-action/``): the two decisions; a refused text comes back with its findings (422).
* ``review_complaints`` (``complaints/``): top complaint phrases per ASIN, month on month.

Writes need the agent role (viewers: 403, ``StoreView``); another store's review is a 404.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from sellerdesk.compliance import Finding, has_errors
from sellerdesk.reviews.complaints import MIN_DOCUMENTS, PATTERNS, Document, Ranking
from sellerdesk.reviews.export import COLUMNS, review_rows
from sellerdesk.reviews.models import Review, ReviewStatus
from sellerdesk.reviews.selectors import (
    LOW_RATING,
    complaints_report,
    document_url,
    review_asin_summaries,
    review_asins,
    review_decision,
    reviews_for_store,
)
from sellerdesk.reviews.services import (
    ResponseComplianceError,
    public_findings,
    review_can_respond,
    review_no_action,
    review_respond,
    review_response_draft,
)
from sellerdesk.stores.models import Store
from sellerdesk.web.csv import ListExportView
from sellerdesk.web.generic import StoreDetailView, StoreListView, StoreView
from sellerdesk.web.lists import Choices, Column, Filter, ListContext, ListPage, ListSpec

RATING_CHOICES = tuple((str(n), f"{n} star{'s' if n > 1 else ''}") for n in range(5, 0, -1))
SUMMARY_ROWS = 10  # ASINs in the summary above an unfiltered list
EXCERPT = 140  # characters of a complaint example
MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _asins(ctx: ListContext) -> Choices:
    return [(asin, asin) for asin in review_asins(store=ctx.store)]


REVIEW_LIST = ListSpec(
    noun="reviews",
    columns=(
        Column("Review"),
        Column("ASIN", sort="asin"),
        Column("Rating", sort="rating"),
        Column("Author"),
        Column("Reviewed on", sort="reviewed"),
        Column("Status"),
    ),
    sorts={"reviewed": ("reviewed_on",), "rating": ("rating",), "asin": ("asin",)},
    default_sort="-reviewed",
    filters=(
        Filter("rating", "Rating", choices=RATING_CHOICES),
        Filter("status", "Status", choices=ReviewStatus.choices),
        Filter("asin", "ASIN", choices=_asins),
    ),
    search_fields=("title", "body", "author", "asin", "sku"),
    search_hint="Title, text, author, ASIN or SKU",
)


def _chosen(listing: ListPage, name: str) -> str:
    return next((f.value for f in listing.filters if f.name == name), "")


class ReviewList(StoreListView):
    stream = "reviews"
    title = "Reviews"
    spec = REVIEW_LIST
    row_template = "reviews/_row.html"
    template_name = "reviews/review_list.html"
    results_template = "reviews/_list_results.html"

    def get_queryset(self) -> QuerySet[Review]:
        return reviews_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        listing: ListPage = context["listing"]
        asin = _chosen(listing, "asin")
        summaries = review_asin_summaries(store=self.store, asin=asin)
        context.update(
            summaries=summaries[:SUMMARY_ROWS],
            more_asins=max(0, len(summaries) - SUMMARY_ROWS),
            summary_asin=asin,
            low_rating=LOW_RATING,
        )
        return context


class ReviewExport(ListExportView, ReviewList):
    """``reviews/export.csv``: the reviews the list shows with these filters, every page."""

    columns: ClassVar[tuple[str, ...]] = COLUMNS

    def rows_for(self, records: list[Any]) -> Iterator[dict[str, Any]]:
        return review_rows(records)


# --- one review -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShownFinding:
    """A finding with the words it points at, for the page."""

    rule: str
    severity: str
    message: str
    excerpt: str


def shown_findings(text: str, findings: list[Finding]) -> list[ShownFinding]:
    return [
        ShownFinding(f.rule, f.severity, f.message, text[f.start : f.end].strip()[:80])
        for f in findings
    ]


def check_context(text: str, findings: list[Finding] | None = None) -> dict[str, Any]:
    """What ``reviews/_public_check.html`` needs for ``text``."""
    found = public_findings(text) if findings is None else findings
    return {
        "text": text,
        "findings": shown_findings(text, found),
        "blocked": has_errors(found) or not text.strip(),
    }


class ReviewDetail(StoreDetailView):
    stream = "reviews"
    title = "Review"
    template_name = "reviews/review_detail.html"
    object: Review
    # A refused post: the text as sent, and why (set by ``ReviewRespond``).
    sent_text: str | None = None
    sent_error: str = ""
    sent_findings: list[Finding] | None = None

    def get_queryset(self) -> QuerySet[Review]:
        return reviews_for_store(store=self.store).select_related("store")

    def get_object(self) -> Review:
        return cast(Review, super().get_object())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        review = self.object
        context["decision"] = review_decision(review=review)
        context["respond_refusal"] = review_can_respond(review)
        context["error"] = self.sent_error
        if context["can_write"] and not context["respond_refusal"]:
            if self.sent_text is None:
                draft = review_response_draft(review=review)
                context["draft_language"] = draft.language
                context.update(check_context(draft.text, draft.findings))
            else:
                context.update(check_context(self.sent_text, self.sent_findings))
        return context


class ReviewEndpoint(ReviewDetail):
    """A POST about one review; a refused one answers with the review page (422)."""

    http_method_names = ["post"]

    def refused(
        self, *, text: str | None, error: str, findings: list[Finding] | None = None
    ) -> HttpResponse:
        self.sent_text, self.sent_error, self.sent_findings = text, error, findings
        return self.render_to_response(self.get_context_data(), status=422)


class ReviewCheck(ReviewEndpoint):
    """The public-content findings for the text in the response form (htmx)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        get_object_or_404(self.get_queryset(), pk=int(kwargs["pk"]))
        context = check_context(request.POST.get("text", ""))
        context.update(store=self.store, submit_label="Record response", oob=True)
        return render(request, "reviews/_public_check.html", context)


class ReviewRespond(ReviewEndpoint):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        text = request.POST.get("text", "")
        try:
            review_respond(review=self.object, actor=self.user, text=text)
        except ResponseComplianceError as exc:
            return self.refused(text=text, error=exc.messages[0], findings=exc.findings)
        except ValidationError as exc:
            return self.refused(text=text, error=exc.messages[0])
        messages.success(request, "Response recorded.")
        return redirect("reviews_detail", store_id=self.store.pk, pk=self.object.pk)


class ReviewNoAction(ReviewEndpoint):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        try:
            review_no_action(
                review=self.object, actor=self.user, reason=request.POST.get("reason", "")
            )
        except ValidationError as exc:
            return self.refused(text=None, error=exc.messages[0])
        messages.success(request, "Marked as no action needed.")
        return redirect("reviews_detail", store_id=self.store.pk, pk=self.object.pk)


# --- top complaints -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShownExample:
    kind: str
    url: str
    day: date
    excerpt: str


def shown_example(store: Store, doc: Document) -> ShownExample:
    excerpt = " ".join(doc.text.split())
    if len(excerpt) > EXCERPT:
        excerpt = excerpt[: EXCERPT - 1].rstrip() + "\u2026"
    return ShownExample(doc.kind, document_url(store=store, document=doc), doc.day, excerpt)


def parse_month(value: str) -> date | None:
    """``2026-11`` as the first of that month; None for anything else."""
    found = MONTH_RE.match(value.strip())
    return date(int(found[1]), int(found[2]), 1) if found else None


class ReviewComplaints(StoreView):
    """``reviews/complaints/?asin=&month=YYYY-MM&rank=count|growth``."""

    stream = "reviews"
    title = "Top complaints"
    template_name = "reviews/complaints.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        asins = review_asins(store=self.store)
        asin = params.get("asin", "").strip().upper()
        ranking: Ranking = "growth" if params.get("rank") == "growth" else "count"
        report = complaints_report(
            store=self.store,
            month=parse_month(params.get("month", "")),
            asin=asin if re.fullmatch(r"[A-Z0-9]{1,10}", asin) else "",
            ranking=ranking,
            now=timezone.now(),
        )
        groups = [
            (
                group,
                [
                    (phrase, [shown_example(self.store, doc) for doc in phrase.examples])
                    for phrase in group.phrases
                ],
            )
            for group in report.asins
        ]
        context.update(
            report=report,
            groups=groups,
            asins=sorted(set(asins) | {a.asin for a in report.asins}),
            min_documents=MIN_DOCUMENTS,
            patterns=sorted(PATTERNS),
        )
        return context
