"""Reads for product reviews, scoped to a store: lists, ASIN summaries, the decision
taken on a review, and the documents the top-complaints method counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Avg, Count, Model, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.messaging.models import Direction, Message
from sellerdesk.orders.models import OrderItem
from sellerdesk.returns.models import Return
from sellerdesk.reviews.complaints import (
    MIN_DOCUMENTS,
    AsinComplaints,
    Document,
    Ranking,
    complaints_by_asin,
)
from sellerdesk.reviews.models import Review
from sellerdesk.stores.models import Store

# Reviews of this many stars or fewer get the response workflow and count as complaints.
LOW_RATING = 3
DECISION_ACTIONS = ("review.responded", "review.no_action")


def reviews_for_store(*, store: Store) -> QuerySet[Review]:
    return Review.objects.filter(store=store)


def review_asins(*, store: Store) -> list[str]:
    """The ASINs the store has reviews for, for the filter."""
    return list(
        Review.objects.filter(store=store)
        .order_by("asin")
        .values_list("asin", flat=True)
        .distinct()
    )


def store_today(*, store: Store, now: datetime | None = None) -> date:
    return (now or timezone.now()).astimezone(store.tz).date()


def month_start(day: date) -> date:
    return day.replace(day=1)


def previous_month(start: date) -> date:
    return (start - timedelta(days=1)).replace(day=1)


def next_month(start: date) -> date:
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


# --- the ASIN summary ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    count: int
    average: float | None
    low: int  # reviews of LOW_RATING stars or fewer

    @property
    def low_share(self) -> float | None:
        return self.low / self.count if self.count else None

    @property
    def average_text(self) -> str:
        return "—" if self.average is None else f"{self.average:.1f}"

    @property
    def low_share_text(self) -> str:
        share = self.low_share
        return "—" if share is None else f"{share:.0%}"


@dataclass(frozen=True, slots=True)
class AsinSummary:
    asin: str
    total: Period
    this_month: Period
    last_month: Period

    @property
    def change(self) -> int:
        return self.this_month.count - self.last_month.count


def review_asin_summaries(
    *, store: Store, asin: str = "", now: datetime | None = None
) -> list[AsinSummary]:
    """Per ASIN (or the one ``asin``): count, average rating and share of reviews of
    ``LOW_RATING`` stars or fewer, overall and for this and last calendar month in
    the store's time zone. Most reviewed first."""
    this = month_start(store_today(store=store, now=now))
    last = previous_month(this)
    reviews = reviews_for_store(store=store)
    if asin:
        reviews = reviews.filter(asin=asin)

    this_month = Q(reviewed_on__gte=this, reviewed_on__lt=next_month(this))
    last_month = Q(reviewed_on__gte=last, reviewed_on__lt=this)
    low = Q(rating__lte=LOW_RATING)
    rows = (
        reviews.values("asin")
        .annotate(
            total_count=Count("pk"),
            total_avg=Avg("rating"),
            total_low=Count("pk", filter=low),
            this_count=Count("pk", filter=this_month),
            this_avg=Avg("rating", filter=this_month),
            this_low=Count("pk", filter=this_month & low),
            last_count=Count("pk", filter=last_month),
            last_avg=Avg("rating", filter=last_month),
            last_low=Count("pk", filter=last_month & low),
        )
        .order_by("-total_count", "asin")
    )
    return [
        AsinSummary(
            asin=row["asin"],
            total=Period(row["total_count"], row["total_avg"], row["total_low"]),
            this_month=Period(row["this_count"], row["this_avg"], row["this_low"]),
            last_month=Period(row["last_count"], row["last_avg"], row["last_low"]),
        )
        for row in rows
    ]


# --- who decided what ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decision:
    """A response recorded or "no action needed", from the audit log (who, when, why)."""

    action: str
    actor: User | None
    at: datetime
    text: str
    reason: str


def decisions_for(
    *, store_id: int, model: type[Model], actions: Iterable[str], ids: Iterable[int]
) -> dict[int, Decision]:
    """The latest decision (an audited action of ``actions``) on each record of ``ids``."""
    events = (
        AuditEvent.objects.filter(
            store_id=store_id,
            action__in=list(actions),
            target_type=model._meta.label_lower,
            target_id__in=[str(pk) for pk in ids],
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    return {
        int(event.target_id): Decision(
            action=event.action,
            actor=event.actor,
            at=event.created_at,
            text=str(event.data.get("text", "")),
            reason=str(event.data.get("reason", "")),
        )
        for event in events
    }


def review_decision(*, review: Review) -> Decision | None:
    found = decisions_for(
        store_id=review.store_id, model=Review, actions=DECISION_ACTIONS, ids=[review.pk]
    )
    return found.get(review.pk)


def review_decisions(*, store: Store, review_ids: Iterable[int]) -> dict[int, Decision]:
    return decisions_for(store_id=store.pk, model=Review, actions=DECISION_ACTIONS, ids=review_ids)


# --- top complaints ------------------------------------------------------------------------


def _window(store: Store, start: date, end: date) -> tuple[datetime, datetime]:
    """Midnight at ``start`` and at ``end`` in the store's time zone."""
    return (
        datetime(start.year, start.month, start.day, tzinfo=store.tz),
        datetime(end.year, end.month, end.day, tzinfo=store.tz),
    )


def _asins_by_order(
    store: Store, *, order_ids: set[int], amazon_ids: set[str]
) -> tuple[dict[int, set[str]], dict[str, set[str]]]:
    """The ASINs of the store's orders, by order row id and by Amazon order id."""
    by_pk: dict[int, set[str]] = defaultdict(set)
    by_amazon: dict[str, set[str]] = defaultdict(set)
    items = OrderItem.objects.filter(order__store=store).filter(
        Q(order_id__in=order_ids) | Q(order__amazon_order_id__in=amazon_ids)
    )
    for order_pk, amazon_id, asin in items.values_list(
        "order_id", "order__amazon_order_id", "asin"
    ):
        if asin:
            by_pk[order_pk].add(asin)
            by_amazon[amazon_id].add(asin)
    return by_pk, by_amazon


def complaint_documents(
    *, store: Store, start: date, end: date, asin: str = ""
) -> Iterator[Document]:
    """What buyers wrote from ``start`` to ``end`` (exclusive), in the store's time zone:

    * reviews of ``LOW_RATING`` stars or fewer (title and text), by review date;
    * returns' buyer comments, by request date; the return's ASIN, else its order's;
    * inbound buyer messages (not auto-replies) about an order, by the time sent, once
      for each ASIN of the order.
    """
    tz = store.tz
    since, until = _window(store, start, end)

    reviews = reviews_for_store(store=store).filter(
        rating__lte=LOW_RATING, reviewed_on__gte=start, reviewed_on__lt=end
    )
    if asin:
        reviews = reviews.filter(asin=asin)
    for review in reviews.only("pk", "asin", "reviewed_on", "title", "body"):
        text = ". ".join(part for part in (review.title, review.body) if part.strip())
        if text:
            yield Document("review", review.pk, review.pk, review.asin, review.reviewed_on, text)

    returns = list(
        Return.objects.filter(store=store, requested_at__gte=since, requested_at__lt=until)
        .exclude(buyer_comment="")
        .only("pk", "asin", "order_id", "amazon_order_id", "requested_at", "buyer_comment")
    )
    messages = list(
        Message.objects.filter(
            conversation__store=store,
            direction=Direction.INBOUND,
            is_auto_reply=False,
            sent_at__gte=since,
            sent_at__lt=until,
        )
        .exclude(body_text="")
        .select_related("conversation")
        .only(
            "pk",
            "sent_at",
            "body_text",
            "conversation__id",
            "conversation__order_id",
            "conversation__amazon_order_id",
        )
    )
    by_pk, by_amazon = _asins_by_order(
        store,
        order_ids={r.order_id for r in returns if r.order_id}
        | {m.conversation.order_id for m in messages if m.conversation.order_id},
        amazon_ids={r.amazon_order_id for r in returns if r.amazon_order_id}
        | {m.conversation.amazon_order_id for m in messages if m.conversation.amazon_order_id},
    )

    def order_asins(order_pk: int | None, amazon_id: str) -> set[str]:
        found = by_pk.get(order_pk, set()) if order_pk else set()
        return found or by_amazon.get(amazon_id, set())

    for ret in returns:
        asins = {ret.asin} if ret.asin else order_asins(ret.order_id, ret.amazon_order_id)
        for each in sorted(asins):
            if not asin or each == asin:
                day = ret.requested_at.astimezone(tz).date()
                yield Document("return", ret.pk, ret.pk, each, day, ret.buyer_comment)

    for message in messages:
        conversation = message.conversation
        asins = order_asins(conversation.order_id, conversation.amazon_order_id)
        for each in sorted(asins):
            if not asin or each == asin:
                day = message.sent_at.astimezone(tz).date()
                yield Document("message", message.pk, conversation.pk, each, day, message.body_text)


@dataclass(frozen=True, slots=True)
class ComplaintsReport:
    store: Store
    month: date  # the first day of the month looked at
    previous: date  # the first day of the month before
    asin: str
    ranking: Ranking
    min_documents: int
    asins: list[AsinComplaints]


def complaints_report(
    *,
    store: Store,
    month: date | None = None,
    asin: str = "",
    ranking: Ranking = "count",
    limit: int | None = None,
    now: datetime | None = None,
) -> ComplaintsReport:
    """The top complaint phrases per ASIN for ``month`` (default: this month in the
    store's time zone) against the month before; see ``reviews.complaints``."""
    this = month_start(month or store_today(store=store, now=now))
    last = previous_month(this)
    documents = complaint_documents(store=store, start=last, end=next_month(this), asin=asin)
    asins = complaints_by_asin(
        documents,
        month=f"{this:%Y-%m}",
        previous=f"{last:%Y-%m}",
        ranking=ranking,
        limit=limit,
    )
    return ComplaintsReport(
        store=store,
        month=this,
        previous=last,
        asin=asin,
        ranking=ranking,
        min_documents=MIN_DOCUMENTS,
        asins=asins,
    )


def document_url(*, store: Store, document: Document) -> str:
    """The page of the record a complaint example comes from."""
    name = {"review": "reviews_detail", "return": "returns_detail", "message": "inbox_detail"}
    return reverse(name[document.kind], kwargs={"store_id": store.pk, "pk": document.link_id})
