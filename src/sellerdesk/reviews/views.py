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

from django.db.models import QuerySet
from django.utils import timezone

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
    review_can_respond,
    review_no_action,
    review_respond,
    review_response_draft,
)
from sellerdesk.stores.models import Store
from sellerdesk.web.csv import ListExportView
from sellerdesk.web.generic import StoreListView, StoreView
from sellerdesk.web.lists import Choices, Column, Filter, ListContext, ListPage, ListSpec
from sellerdesk.web.public_text import (
    PublicTextCheck,
    PublicTextDecline,
    PublicTextDetail,
    PublicTextEndpoint,
    PublicTextRecord,
    check_context,
)

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


class ReviewDetail(PublicTextDetail):
    stream = "reviews"
    title = "Review"
    template_name = "reviews/review_detail.html"
    object: Review

    def get_queryset(self) -> QuerySet[Review]:
        return reviews_for_store(store=self.store).select_related("store")

    def get_object(self) -> Review:
        return cast(Review, super().get_object())

    def record_context(self) -> dict[str, Any]:
        return {
            "decision": review_decision(review=self.object),
            "respond_refusal": review_can_respond(self.object),
        }

    def workflow_open(self, context: dict[str, Any]) -> bool:
        return not context["respond_refusal"]

    def draft_context(self) -> dict[str, Any]:
        draft = review_response_draft(review=self.object)
        return {"draft_language": draft.language, **check_context(draft.text, draft.findings)}


class ReviewEndpoint(PublicTextEndpoint, ReviewDetail):
    """A POST about one review; a refused one answers with the review page (422)."""

    detail_url = "reviews_detail"


class ReviewCheck(PublicTextCheck, ReviewEndpoint):
    """The public-content findings for the text in the response form (htmx)."""

    submit_label = "Record response"


class ReviewRespond(PublicTextRecord, ReviewEndpoint):
    done_message = "Response recorded."

    def record(self, text: str) -> None:
        review_respond(review=self.object, actor=self.user, text=text)


class ReviewNoAction(PublicTextDecline, ReviewEndpoint):
    done_message = "Marked as no action needed."

    def decline(self, reason: str) -> None:
        review_no_action(review=self.object, actor=self.user, reason=reason)


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
