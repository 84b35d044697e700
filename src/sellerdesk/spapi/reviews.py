"""Review requests through the Solicitations API: once per order, in its window, never
where the buyer has had a problem.

``review_requests_run`` looks at the store's recent orders and decides each:

1. skipped — cancelled, refunded, returned, an open A-to-z claim or chargeback,
   a complaint in the inbox (a conversation on the order about damage, a wrong
   item, a return or a refund, or one still needing a response), an excluded
   SKU or ASIN;
2. waiting — no delivery date known yet, or before the window opens (``policy``
   ``review_request_after_delivery_days`` after the earliest delivery date);
3. skipped — after the window closed (``review_request_until_days`` after the
   latest delivery date);
4. waiting — Amazon does not offer ``productReviewAndSellerFeedbackSolicitation``
   for it now (``getSolicitationActionsForOrder``);
5. requested — the order is claimed first (a ``sending`` log row, unique per
   order with ``sent``), then Amazon is asked, then the row becomes ``sent``. A
   crash in between leaves ``sending``: that order is never asked again.

Every decision is logged with its reason when it differs from the order's last
one. A dry run decides the same way (asking Amazon what it offers, when
connected) and writes nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.chargebacks.models import Chargeback, ChargebackStatus
from sellerdesk.claims.models import Claim, ClaimStatus
from sellerdesk.messaging.models import Conversation, ConversationStatus, Intent
from sellerdesk.orders.models import Order, OrderStatus
from sellerdesk.policy import policy_value
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.spapi.client import (
    REVIEW_SOLICITATION,
    SellingPartner,
    Sleep,
    SpApiAuthError,
    SpApiError,
)
from sellerdesk.spapi.models import ReviewOutcome, ReviewRequestLog, ReviewRequestSettings
from sellerdesk.spapi.selectors import (
    connection_for_store,
    order_details_live,
    review_settings_for_store,
)
from sellerdesk.stores.models import Store

logger = logging.getLogger(__name__)

WOULD_REQUEST = "would_request"  # a dry run's "requested"
REASONS: dict[str, str] = {
    "requested": "Amazon was asked to send the review request",
    "claimed": "Being requested (not confirmed)",
    "eligible": "Eligible: would be requested",
    "already_requested": "Already requested for this order",
    "cancelled": "The order was cancelled",
    "refund": "The order was refunded",
    "return": "The order has a return",
    "claim": "The order has an open A-to-z claim",
    "chargeback": "The order has an open chargeback",
    "complaint": "The buyer raised a problem in the inbox",
    "excluded_sku": "An item's SKU is excluded",
    "excluded_asin": "An item's ASIN is excluded",
    "no_delivery_date": "No delivery date known yet",
    "too_early": "The review window is not open yet",
    "window_closed": "The review window has closed",
    "not_offered": "Amazon does not offer a review request for this order now",
    "api_error": "Amazon's API failed",
}
# Decisions that will not change: such orders are not looked at again.
FINAL_REASONS = frozenset({"window_closed", "cancelled"})
COMPLAINT_INTENTS = (
    Intent.DAMAGED_OR_DEFECTIVE,
    Intent.WRONG_ITEM,
    Intent.RETURN_REQUEST,
    Intent.REFUND_REQUEST,
)
OPEN_CLAIMS = (ClaimStatus.ACTION_REQUIRED, ClaimStatus.UNDER_REVIEW, ClaimStatus.APPEALED)
REFUNDED_CLAIMS = (ClaimStatus.GRANTED, ClaimStatus.REFUNDED_BY_SELLER)
OPEN_CHARGEBACKS = (ChargebackStatus.OPEN, ChargebackStatus.REPRESENTED)
REFUNDED_CHARGEBACKS = (ChargebackStatus.REFUNDED, ChargebackStatus.DECIDED_FOR_BUYER)
# Delivery comes within this many days of purchase; older orders are past any window.
DELIVERY_HORIZON_DAYS = 60


class ReviewRequestsUnavailable(Exception):
    """Requests cannot be sent for this store now (switched off, not connected)."""


@dataclass
class Decision:
    order: Order
    outcome: str  # a ReviewOutcome, or WOULD_REQUEST in a dry run
    reason: str
    detail: str = ""
    logged: bool = False  # written by the claim itself

    @property
    def label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    def as_dict(self) -> dict[str, Any]:
        return {
            "order": self.order.amazon_order_id,
            "outcome": self.outcome,
            "reason": self.reason,
            "label": self.label,
            "detail": self.detail,
        }


@dataclass
class RunResult:
    store: str
    dry_run: bool
    checked_amazon: bool
    decisions: list[Decision] = field(default_factory=list)
    error: str = ""

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for d in self.decisions:
            counts[d.outcome] = counts.get(d.outcome, 0) + 1
        return counts

    def as_dict(self) -> dict[str, Any]:
        return {
            "store": self.store,
            "dry_run": self.dry_run,
            "checked_amazon": self.checked_amazon,
            "error": self.error,
            "counts": self.counts(),
            "decisions": [d.as_dict() for d in self.decisions],
        }


def split_codes(text: str) -> set[str]:
    """'A, b\\nC' -> {'A', 'B', 'C'} (SKUs and ASINs compare case-insensitively)."""
    return {c.strip().upper() for c in text.replace(",", "\n").splitlines() if c.strip()}


def review_settings_update(
    *, store: Store, actor: User | None, enabled: bool, excluded_skus: str, excluded_asins: str
) -> ReviewRequestSettings:
    settings, _ = ReviewRequestSettings.objects.get_or_create(store=store)
    settings.enabled = enabled
    settings.excluded_skus = "\n".join(sorted(split_codes(excluded_skus)))
    settings.excluded_asins = "\n".join(sorted(split_codes(excluded_asins)))
    settings.save()
    audit_record(
        action="spapi.review_settings_changed",
        actor=actor,
        store=store,
        target=settings,
        data={
            "enabled": enabled,
            "excluded_skus": settings.excluded_skus.splitlines(),
            "excluded_asins": settings.excluded_asins.splitlines(),
        },
    )
    return settings


# --- what is known about the store's orders --------------------------------------------------


@dataclass
class _Facts:
    """Order ids (Amazon's) with each kind of trouble, for a batch of orders."""

    refunded: set[str] = field(default_factory=set)
    returned: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    chargebacks: set[str] = field(default_factory=set)
    complaints: set[str] = field(default_factory=set)


def _ids(rows: Iterable[tuple[int | None, str]], by_pk: dict[int, str]) -> set[str]:
    found: set[str] = set()
    for order_pk, amazon_id in rows:
        if amazon_id:
            found.add(amazon_id)
        if order_pk is not None and order_pk in by_pk:
            found.add(by_pk[order_pk])
    return found


def _facts(store: Store, orders: list[Order]) -> _Facts:
    by_pk = {o.pk: o.amazon_order_id for o in orders}
    ids = list(by_pk.values())
    mine = Q(amazon_order_id__in=ids) | Q(order_id__in=list(by_pk))

    def pairs(queryset: QuerySet[Any]) -> Iterable[tuple[int | None, str]]:
        return queryset.filter(mine).values_list("order_id", "amazon_order_id")

    returns = Return.objects.filter(store=store)
    claims = Claim.objects.filter(store=store)
    chargebacks = Chargeback.objects.filter(store=store)
    refunded_returns = returns.filter(
        Q(status=ReturnStatus.REFUNDED) | Q(refunded_at__isnull=False)
    )
    complaints = Conversation.objects.filter(store=store).filter(
        Q(intent__in=COMPLAINT_INTENTS) | Q(status=ConversationStatus.NEEDS_RESPONSE)
    )
    return _Facts(
        refunded=_ids(pairs(refunded_returns), by_pk)
        | _ids(pairs(claims.filter(status__in=REFUNDED_CLAIMS)), by_pk)
        | _ids(pairs(chargebacks.filter(status__in=REFUNDED_CHARGEBACKS)), by_pk),
        returned=_ids(pairs(returns), by_pk),
        claims=_ids(pairs(claims.filter(status__in=OPEN_CLAIMS)), by_pk),
        chargebacks=_ids(pairs(chargebacks.filter(status__in=OPEN_CHARGEBACKS)), by_pk),
        complaints=_ids(pairs(complaints), by_pk),
    )


def review_candidates(*, store: Store, now: datetime) -> list[Order]:
    """Orders that may still be asked: recent enough, old enough, not asked, not settled."""
    after = policy_value(store, "review_request_after_delivery_days")
    until = policy_value(store, "review_request_until_days")
    logs = ReviewRequestLog.objects.filter(store=store)
    asked = logs.filter(outcome__in=[ReviewOutcome.SENDING, ReviewOutcome.SENT])
    orders = (
        Order.objects.filter(
            store=store,
            purchase_date__gte=now - timedelta(days=until + DELIVERY_HORIZON_DAYS),
            purchase_date__lte=now - timedelta(days=after),
        )
        .exclude(pk__in=asked.values("order_id"))
        .prefetch_related("items")
        .order_by("purchase_date", "pk")
    )
    found = list(orders)
    latest = _latest_decisions(store, [o.pk for o in found])
    return [o for o in found if latest.get(o.pk, ("", ""))[1] not in FINAL_REASONS]


def _latest_decisions(store: Store, order_ids: list[int]) -> dict[int, tuple[str, str]]:
    logs = ReviewRequestLog.objects.filter(store=store, order_id__in=order_ids)
    latest: dict[int, tuple[str, str]] = {}
    for order_id, outcome, reason in logs.order_by("order_id", "-created_at", "-id").values_list(
        "order_id", "outcome", "reason"
    ):
        latest.setdefault(order_id, (outcome, reason))
    return latest


# --- deciding one order -------------------------------------------------------------------------


def _delivery_window(
    order: Order, *, live: bool, client: SellingPartner | None
) -> tuple[datetime, datetime] | str:
    """(earliest, latest) delivery, from the desk's records, else from Amazon's getOrder."""
    earliest = order.earliest_delivery_date or order.latest_delivery_date or order.delivered_at
    latest = order.latest_delivery_date or order.earliest_delivery_date or order.delivered_at
    if (earliest is None or latest is None) and live:
        details = order_details_live(order=order, client=client)
        if not details.available:
            return details.message
        earliest = details.earliest_delivery_date or details.latest_delivery_date
        latest = details.latest_delivery_date or details.earliest_delivery_date
    if earliest is None or latest is None:
        return ""
    return earliest, max(earliest, latest)


def _local_decision(
    order: Order,
    *,
    facts: _Facts,
    settings: ReviewRequestSettings,
    now: datetime,
    live: bool,
    client: SellingPartner | None,
) -> Decision | None:
    """The decision the desk can make on its own, or None when only Amazon can tell."""
    oid = order.amazon_order_id
    skip, wait = ReviewOutcome.SKIPPED, ReviewOutcome.WAITING
    if order.status in (OrderStatus.CANCELED, OrderStatus.UNFULFILLABLE):
        return Decision(order, skip, "cancelled")
    for reason, ids in (
        ("refund", facts.refunded),
        ("return", facts.returned),
        ("claim", facts.claims),
        ("chargeback", facts.chargebacks),
        ("complaint", facts.complaints),
    ):
        if oid in ids:
            return Decision(order, skip, reason)
    items = list(order.items.all())
    skus = split_codes(settings.excluded_skus)
    asins = split_codes(settings.excluded_asins)
    if hit := sorted({i.sku for i in items if i.sku.upper() in skus}):
        return Decision(order, skip, "excluded_sku", ", ".join(hit))
    if hit := sorted({i.asin for i in items if i.asin.upper() in asins}):
        return Decision(order, skip, "excluded_asin", ", ".join(hit))
    window = _delivery_window(order, live=live, client=client)
    if isinstance(window, str):
        return Decision(order, wait, "no_delivery_date", window)
    earliest, latest = window
    after = policy_value(order.store, "review_request_after_delivery_days")
    opens = earliest + timedelta(days=after)
    closes = latest + timedelta(days=policy_value(order.store, "review_request_until_days"))
    tz = order.store.tz
    if now < opens:
        return Decision(order, wait, "too_early", f"opens {opens.astimezone(tz):%Y-%m-%d %H:%M}")
    if now > closes:
        return Decision(order, skip, "window_closed", f"closed {closes.astimezone(tz):%Y-%m-%d}")
    return None


# --- the run ------------------------------------------------------------------------------


def review_requests_run(
    *,
    store: Store,
    now: datetime | None = None,
    dry_run: bool = False,
    check_amazon: bool = True,
    client: SellingPartner | None = None,
    sleep: Sleep = time.sleep,
) -> RunResult:
    """Decide (and unless ``dry_run``, act on) every candidate order of ``store``.

    ``check_amazon=False`` (the page's preview) asks Amazon nothing: eligible
    orders show as "would request" without Amazon's offer being checked.
    Raises :class:`ReviewRequestsUnavailable` for a real run when the store has
    review requests switched off or no connection, and ``SpApiAuthError`` when
    Amazon refuses the login.
    """
    from sellerdesk.spapi.services import client_for

    now = now or timezone.now()
    settings = review_settings_for_store(store=store)
    connection = connection_for_store(store=store)
    if not dry_run:
        if not settings.enabled:
            raise ReviewRequestsUnavailable(f"review requests are switched off for {store.name}")
        if connection is None:
            raise ReviewRequestsUnavailable(f"{store.name} is not connected to the SP-API")
    ask = check_amazon and connection is not None
    result = RunResult(store=store.name, dry_run=dry_run, checked_amazon=ask)
    own = client is None and ask
    api = client
    if own and connection is not None:
        api = client_for(connection=connection, sleep=sleep)
    try:
        orders = review_candidates(store=store, now=now)
        facts = _facts(store, orders)
        latest = _latest_decisions(store, [o.pk for o in orders])
        for order in orders:
            decision = _decide(order, facts=facts, settings=settings, now=now,
                               api=api if ask else None, dry_run=dry_run)  # fmt: skip
            result.decisions.append(decision)
            if not dry_run and not decision.logged:
                _log(decision, latest)
    finally:
        if own:
            close = getattr(api, "close", None)
            if close is not None:
                close()
    return result


def _decide(
    order: Order,
    *,
    facts: _Facts,
    settings: ReviewRequestSettings,
    now: datetime,
    api: SellingPartner | None,
    dry_run: bool,
) -> Decision:
    local = _local_decision(
        order, facts=facts, settings=settings, now=now, live=api is not None, client=api
    )
    if local is not None:
        return local
    if api is None:
        return Decision(order, WOULD_REQUEST, "eligible", "Amazon's offer not checked")
    try:
        offered = REVIEW_SOLICITATION in api.get_solicitation_actions(order.amazon_order_id)
    except SpApiAuthError:
        raise
    except SpApiError as exc:
        return Decision(order, ReviewOutcome.FAILED, "api_error", str(exc)[:500])
    if not offered:
        return Decision(order, ReviewOutcome.WAITING, "not_offered")
    if dry_run:
        return Decision(order, WOULD_REQUEST, "eligible")
    return _request(order, api)


def _request(order: Order, api: SellingPartner) -> Decision:
    """Claim the order (the unique constraint refuses a second claim), then ask Amazon."""
    try:
        with transaction.atomic():
            claim = ReviewRequestLog.objects.create(
                store_id=order.store_id,
                order=order,
                amazon_order_id=order.amazon_order_id,
                outcome=ReviewOutcome.SENDING,
                reason="claimed",
            )
    except IntegrityError:
        return Decision(order, ReviewOutcome.SKIPPED, "already_requested", logged=True)
    try:
        api.create_review_solicitation(order.amazon_order_id)
    except SpApiAuthError:
        claim.delete()  # the login was refused: nothing reached Amazon
        raise
    except SpApiError as exc:
        # Amazon answered with an error: the claim is released (the next run asks
        # Amazon's offer first, which it withdraws once a request went out).
        claim.outcome = ReviewOutcome.FAILED
        claim.reason = "api_error"
        claim.detail = str(exc)[:500]
        claim.save(update_fields=["outcome", "reason", "detail", "updated_at"])
        logger.warning("review request for %s failed: %s", order.amazon_order_id, exc)
        return Decision(order, ReviewOutcome.FAILED, "api_error", claim.detail, logged=True)
    claim.outcome = ReviewOutcome.SENT
    claim.reason = "requested"
    claim.save(update_fields=["outcome", "reason", "updated_at"])
    return Decision(order, ReviewOutcome.SENT, "requested", logged=True)


def _log(decision: Decision, latest: dict[int, tuple[str, str]]) -> None:
    """Log a decision unless it repeats the order's last one (a failure always logs)."""
    key = (decision.outcome, decision.reason)
    if decision.outcome != ReviewOutcome.FAILED and latest.get(decision.order.pk) == key:
        return
    ReviewRequestLog.objects.create(
        store_id=decision.order.store_id,
        order=decision.order,
        amazon_order_id=decision.order.amazon_order_id,
        outcome=decision.outcome,
        reason=decision.reason,
        detail=decision.detail[:500],
    )
    latest[decision.order.pk] = key
