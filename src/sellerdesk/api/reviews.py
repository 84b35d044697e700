"""/reviews/complaints, /reviews.csv and the response workflow of a review.

- ``GET /reviews/complaints?store=&asin=&month=YYYY-MM&rank=count|growth``: top complaint
  phrases per ASIN, the month against the one before (``sellerdesk.reviews.complaints``).
- ``GET /reviews.csv?store=``: the caller's reviews (one store's) as CSV, filtered like
  ``/reviews``.
- ``GET /reviews/{id}/response-draft``: a comment to start from, with its findings.
- ``POST /reviews/{id}/response`` ``{"text": …}``: record the comment posted on Amazon
  (reviews of 3 stars or fewer; 422 with the findings when the text breaks the rules for
  public content; 409 when the review is not new or has more stars).
- ``POST /reviews/{id}/no-action`` ``{"reason": …}``: no action needed (409 when not new).

Registered before ``voice`` (``/reviews/{id}``): ninja routes ``{id}`` as any text, so
``/reviews/complaints`` must be matched first. Writes find the review (404) and check
the role (403) before they read the body.
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from datetime import date
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest, StreamingHttpResponse
from ninja import Field, Query, Router, Schema, Status

from sellerdesk.api.auth import request_user
from sellerdesk.api.public_text import (
    DraftOut,
    ReasonIn,
    ResponseIn,
    declined,
    draft_out,
    text_recorded,
)
from sellerdesk.api.schemas import ComplianceErrorOut, FindingOut, ReviewOut
from sellerdesk.api.scoping import visible, visible_or_404
from sellerdesk.api.voice import reviews_matching
from sellerdesk.api.writes import body_docs, parsed_body, writer
from sellerdesk.reviews.complaints import Ranking
from sellerdesk.reviews.export import COLUMNS, review_rows
from sellerdesk.reviews.models import Review, ReviewStatus
from sellerdesk.reviews.selectors import complaints_report, document_url
from sellerdesk.reviews.services import review_no_action, review_respond, review_response_draft
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import store_for_user
from sellerdesk.web.csv import csv_filename, csv_response, rows_in_chunks

router = Router(tags=["reviews"])

Stars = Annotated[int, Field(ge=1, le=5)]


class ComplaintsQuery(Schema):
    store: int
    asin: str | None = Field(None, max_length=10)
    month: str | None = Field(
        None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM; default this month"
    )
    rank: Ranking = "count"


class ExampleOut(Schema):
    kind: Literal["review", "return", "message"]
    id: int = Field(description="the review, return or message")
    url: str = Field(description="its page in the desk (a message: its conversation)")
    date: date
    text: str


class PhraseOut(Schema):
    phrase: str
    source: Literal["pattern", "ngram"]
    count: int = Field(description="documents with the phrase this month")
    previous: int = Field(description="documents with the phrase last month")
    growth: int
    examples: list[ExampleOut]


class AsinComplaintsOut(Schema):
    asin: str
    documents: int
    previous_documents: int
    by_kind: dict[str, int]
    phrases: list[PhraseOut]


class ComplaintsOut(Schema):
    store_id: int
    month: str
    previous_month: str
    rank: Ranking
    min_documents: int
    asins: list[AsinComplaintsOut]


class ReviewActionOut(Schema):
    review: ReviewOut
    warnings: list[FindingOut]


def caller_store(request: HttpRequest, store_id: int) -> Store:
    """One of the caller's stores; any other id is a 404, like a store that does not exist."""
    try:
        return store_for_user(user=request_user(request), store_id=store_id)
    except Store.DoesNotExist:
        raise Http404("no such store") from None


def _review(request: HttpRequest, id: int) -> Review:
    return visible_or_404(request, Review.objects.select_related("store"), pk=id)


@router.get("/reviews/complaints", response=ComplaintsOut)
def review_complaints(request: HttpRequest, query: Query[ComplaintsQuery]) -> dict[str, Any]:
    """Recurring complaint phrases per ASIN across low-star reviews, return comments and
    buyer messages, this month against last, with example records."""
    store = caller_store(request, query.store)
    month = date(int(query.month[:4]), int(query.month[5:]), 1) if query.month else None
    report = complaints_report(
        store=store, month=month, asin=(query.asin or "").upper(), ranking=query.rank
    )
    return {
        "store_id": store.pk,
        "month": f"{report.month:%Y-%m}",
        "previous_month": f"{report.previous:%Y-%m}",
        "rank": report.ranking,
        "min_documents": report.min_documents,
        "asins": [
            {
                "asin": group.asin,
                "documents": group.documents,
                "previous_documents": group.previous_documents,
                "by_kind": group.by_kind,
                "phrases": [
                    {
                        "phrase": p.phrase,
                        "source": p.source,
                        "count": p.count,
                        "previous": p.previous,
                        "growth": p.growth,
                        "examples": [
                            {
                                "kind": doc.kind,
                                "id": doc.record_id,
                                "url": document_url(store=store, document=doc),
                                "date": doc.day,
                                "text": doc.text,
                            }
                            for doc in p.examples
                        ],
                    }
                    for p in group.phrases
                ],
            }
            for group in report.asins
        ],
    }


@router.get("/reviews.csv", response={200: None})
def review_csv(
    request: HttpRequest,
    store: int | None = None,
    rating: Stars | None = None,
    max_rating: Stars | None = None,
    asin: str | None = None,
    status: ReviewStatus | None = None,
) -> StreamingHttpResponse:
    """The caller's reviews (one store's with ``store``) as CSV, newest first."""
    reviews = visible(request, Review.objects.select_related("store"), store=store)
    reviews = reviews_matching(reviews, rating, max_rating, asin, status)
    records = reviews.order_by("-reviewed_on", "-pk").iterator(chunk_size=500)
    one = caller_store(request, store) if store is not None else None
    return csv_response(
        columns=COLUMNS,
        rows=rows_in_chunks(records, review_rows),
        filename=csv_filename("reviews", one),
    )


@router.get("/reviews/{id}/response-draft", response=DraftOut)
def review_response_draft_get(request: HttpRequest, id: int) -> dict[str, Any]:
    """A public comment to start from (apology, help through Amazon); nothing is stored."""
    return draft_out(review_response_draft(review=_review(request, id)))


@router.post(
    "/reviews/{id}/response",
    response={201: ReviewActionOut, 422: ComplianceErrorOut},
    openapi_extra=body_docs(ResponseIn),
)
def review_response_create(request: HttpRequest, id: int) -> Status[Any]:
    """Record the comment posted on Amazon for a review of 3 stars or fewer."""
    review = _review(request, id)
    actor = writer(request, review.store, "viewers cannot respond to reviews")
    payload = parsed_body(request, ResponseIn)
    return text_recorded(
        key="review",
        record=lambda: review_respond(review=review, actor=actor, text=payload.text),
        text_of=lambda done: done.response,
    )


@router.post("/reviews/{id}/no-action", response=ReviewOut, openapi_extra=body_docs(ReasonIn))
def review_no_action_create(request: HttpRequest, id: int) -> Review:
    """Mark a new review "no action needed", with the reason."""
    review = _review(request, id)
    actor = writer(request, review.store, "viewers cannot act on reviews")
    payload = parsed_body(request, ReasonIn)
    return declined(lambda: review_no_action(review=review, actor=actor, reason=payload.reason))
