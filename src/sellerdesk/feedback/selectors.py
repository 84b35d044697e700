"""Reads for seller feedback, scoped to a store: lists, the removal window, the removal check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from sellerdesk.audit.models import AuditEvent
from sellerdesk.feedback.models import Feedback, FeedbackStatus
from sellerdesk.feedback.removal import GROUND_LABELS, RemovalCheck, removal_check
from sellerdesk.marketplaces import get_marketplace
from sellerdesk.orders.models import Order
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.policy import policy_value
from sellerdesk.stores.models import Store

# Feedback Amazon can still be asked to remove (a denied request may be asked again).
REQUESTABLE = frozenset({FeedbackStatus.ACTIVE, FeedbackStatus.REMOVAL_DENIED})
ORDER_CHUNK = 500


def feedback_for_store(*, store: Store) -> QuerySet[Feedback]:
    return Feedback.objects.filter(store=store)


def feedback_for_order(*, order: Order) -> QuerySet[Feedback]:
    return (
        Feedback.objects.filter(store_id=order.store_id)
        .filter(Q(order=order) | Q(amazon_order_id=order.amazon_order_id))
        .order_by("-left_on", "-pk")
    )


# --- the removal window ------------------------------------------------------------


def store_today(*, store: Store, now: datetime | None = None) -> date:
    """Today's date in the store's time zone."""
    return (now or timezone.now()).astimezone(store.tz).date()


def feedback_removal_deadline(*, feedback: Feedback) -> date:
    """The last day a removal may be requested (``feedback_removal_days`` after the feedback)."""
    return feedback.left_on + timedelta(days=policy_value(feedback.store, "feedback_removal_days"))


def feedback_removal_days_left(*, feedback: Feedback, now: datetime | None = None) -> int:
    """Days left to request removal, counted in the store's time zone: 0 on the last day,
    negative once the window has closed."""
    today = store_today(store=feedback.store, now=now)
    return (feedback_removal_deadline(feedback=feedback) - today).days


# --- the removal check ----------------------------------------------------------------


def shipped_on_time(order: Order | None) -> bool | None:
    """Whether the order shipped by its latest ship date; None when either date is unknown."""
    if order is None or order.shipped_at is None or order.latest_ship_date is None:
        return None
    return order.shipped_at <= order.latest_ship_date


def feedback_order(*, feedback: Feedback) -> Order | None:
    return order_for_record(
        store=feedback.store, order_id=feedback.order_id, amazon_order_id=feedback.amazon_order_id
    )


def removal_check_for(*, feedback: Feedback, order: Order | None) -> RemovalCheck:
    """The removal check of ``feedback`` with ``order``'s facts (channel, Buy Shipping, ship
    date). Without an order only the grounds that need none can be found."""
    return removal_check(
        comment=feedback.comment,
        rating=feedback.rating,
        fulfillment_channel=order.fulfillment_channel if order else "",
        buy_shipping=bool(order and order.bought_buy_shipping),
        shipped_on_time=shipped_on_time(order),
    )


def feedback_removal(*, feedback: Feedback) -> RemovalCheck:
    return removal_check_for(feedback=feedback, order=feedback_order(feedback=feedback))


@dataclass(frozen=True)
class RemovalState:
    """Everything a page or the API shows about removing one feedback."""

    check: RemovalCheck
    status: str
    deadline: date
    days_left: int
    can_request: bool
    refusal: str  # why a request cannot be made now ("" when it can)


def feedback_removal_state(*, feedback: Feedback, now: datetime | None = None) -> RemovalState:
    return removal_state_for(feedback=feedback, check=feedback_removal(feedback=feedback), now=now)


def removal_state_for(
    *, feedback: Feedback, check: RemovalCheck, now: datetime | None = None
) -> RemovalState:
    """The removal state of ``feedback`` given its check (``feedback_removal_state``)."""
    days_left = feedback_removal_days_left(feedback=feedback, now=now)
    refusal = ""
    if feedback.status == FeedbackStatus.REMOVAL_REQUESTED:
        refusal = "a removal request is already pending"
    elif feedback.status not in REQUESTABLE:
        refusal = f"the feedback is {FeedbackStatus(feedback.status).label.lower()}"
    elif days_left < 0:
        days = policy_value(feedback.store, "feedback_removal_days")
        refusal = f"the {days}-day window for a removal request has closed"
    elif not check.eligible:
        refusal = f"no removal ground applies: {check.note}" if check.note else "no removal ground"
    return RemovalState(
        check=check,
        status=feedback.status,
        deadline=feedback_removal_deadline(feedback=feedback),
        days_left=days_left,
        can_request=not refusal,
        refusal=refusal,
    )


# --- lists ----------------------------------------------------------------------------


def feedback_rows(
    *, store: Store, now: datetime | None = None, queryset: QuerySet[Feedback] | None = None
) -> list[dict[str, Any]]:
    """One row per feedback with its removal check (computed now, from the orders in one query).

    ``queryset`` narrows the store's feedback (filters); it must belong to ``store``.
    """
    feedback = list(
        (queryset if queryset is not None else feedback_for_store(store=store))
        .filter(store=store)
        .order_by("-left_on", "-pk")
    )
    orders = _orders_for(store=store, feedback=feedback)
    rows = []
    for item in feedback:
        item.store = store  # spare a query per row for the policy and the time zone
        order = orders.get(item.order_id) or orders.get(item.amazon_order_id)
        check = removal_check_for(feedback=item, order=order)
        rows.append(
            {
                "id": item.pk,
                "order_id": item.amazon_order_id,
                "rating": item.rating,
                "date": item.left_on.isoformat(),
                "comment": item.comment,
                "status": item.status,
                "reply_status": item.reply_status,
                "removal": {"eligible": check.eligible, "grounds": check.grounds},
                "days_left": feedback_removal_days_left(feedback=item, now=now),
                "fulfillment_channel": order.fulfillment_channel if order else "",
            }
        )
    return rows


def _orders_for(*, store: Store, feedback: list[Feedback]) -> dict[Any, Order]:
    """The orders of ``feedback``, keyed by pk and by Amazon order id (queried in chunks, so a
    long list stays under the database's limit of query parameters)."""
    ids = sorted({f.order_id for f in feedback if f.order_id})
    amazon_ids = sorted({f.amazon_order_id for f in feedback if f.amazon_order_id})
    keyed: dict[Any, Order] = {}
    for field, values in (("pk__in", ids), ("amazon_order_id__in", amazon_ids)):
        for start in range(0, len(values), ORDER_CHUNK):
            chunk = values[start : start + ORDER_CHUNK]
            for order in Order.objects.filter(store=store, **{field: chunk}):
                keyed[order.pk] = order
                keyed.setdefault(order.amazon_order_id, order)
    return keyed


def feedback_removal_states(
    *, store: Store, feedback: Sequence[Feedback], now: datetime | None = None
) -> dict[int, RemovalState]:
    """The removal state of each of ``store``'s ``feedback``, by pk, with their orders read
    in one query (a list page's rows)."""
    orders = _orders_for(store=store, feedback=list(feedback))
    states = {}
    for item in feedback:
        item.store = store  # spare a query per row for the policy and the time zone
        order = orders.get(item.order_id) or orders.get(item.amazon_order_id)
        check = removal_check_for(feedback=item, order=order)
        states[item.pk] = removal_state_for(feedback=item, check=check, now=now)
    return states


REMOVAL_VERDICTS = ("eligible", "requestable", "not_eligible")


def feedback_with_removal_verdict(
    *, store: Store, queryset: QuerySet[Feedback], verdict: str, now: datetime | None = None
) -> QuerySet[Feedback]:
    """Narrow ``queryset`` (``store``'s feedback) by the removal check, which is code, not a
    column: ``eligible`` (a ground applies), ``requestable`` (a request can be made now:
    a ground, a requestable status, the window open) or ``not_eligible``.

    Only 1-3 star feedback with a comment can have a ground, so only those are checked,
    in chunks; the eligible ones are then picked by id.
    """
    if verdict not in REMOVAL_VERDICTS:
        raise ValueError(f"unknown removal verdict {verdict!r}")
    candidates = queryset.filter(store=store, rating__lte=3).exclude(comment="")
    if verdict == "requestable":
        days = policy_value(store, "feedback_removal_days")
        opened = store_today(store=store, now=now) - timedelta(days=days)
        candidates = candidates.filter(status__in=REQUESTABLE, left_on__gte=opened)
    eligible: list[int] = []
    batch: list[Feedback] = []

    def flush() -> None:
        states = feedback_removal_states(store=store, feedback=batch, now=now)
        for pk, state in states.items():
            if state.can_request if verdict == "requestable" else state.check.eligible:
                eligible.append(pk)
        batch.clear()

    for item in candidates.order_by("pk").iterator(chunk_size=ORDER_CHUNK):
        batch.append(item)
        if len(batch) == ORDER_CHUNK:
            flush()
    flush()
    if verdict == "not_eligible":
        return queryset.exclude(pk__in=eligible)
    return queryset.filter(pk__in=eligible)


# --- one feedback's page ----------------------------------------------------------------


def feedback_manager_url(*, store: Store) -> str:
    """Seller Central's Feedback Manager in the store's marketplace (a link for the seller:
    removal requests and public replies are made there)."""
    domain = get_marketplace(store.marketplace).domain
    return f"https://sellercentral.{domain}/feedback-manager/index.html"


HISTORY_LABELS = {
    "feedback.removal_requested": "Removal requested",
    "feedback.removal_outcome": "Removal outcome recorded",
    "feedback.reply_posted": "Public reply posted",
}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    action: str
    label: str
    actor: str
    details: list[tuple[str, str]]


def feedback_history(*, feedback: Feedback) -> list[HistoryEntry]:
    """What was done with ``feedback``, oldest first: its audit events, as who did what."""
    events = (
        AuditEvent.objects.filter(
            store_id=feedback.store_id,
            target_type=feedback._meta.label_lower,
            target_id=str(feedback.pk),
        )
        .select_related("actor")
        .order_by("created_at", "id")
    )
    statuses = dict(FeedbackStatus.choices)
    entries = []
    for event in events:
        data: dict[str, Any] = event.data if isinstance(event.data, dict) else {}
        details: list[tuple[str, str]] = []
        if event.action == "feedback.removal_requested":
            grounds = [GROUND_LABELS.get(str(g), str(g)) for g in data.get("grounds", [])]
            details.append(("Grounds", "; ".join(grounds) or "—"))
            if "days_left" in data:
                details.append(("Days left in the window", str(data["days_left"])))
        elif event.action == "feedback.removal_outcome":
            status = str(data.get("status", ""))
            details.append(("Status", statuses.get(status, status)))
        elif event.action == "feedback.reply_posted":
            details.append(("Reply", str(data.get("text", ""))))
        entries.append(
            HistoryEntry(
                at=event.created_at,
                action=event.action,
                label=HISTORY_LABELS.get(event.action, event.action),
                actor=event.actor.email if event.actor is not None else "System",
                details=details,
            )
        )
    return entries
