"""Order Defect Rate from the desk's own records (``amazon-rules.md`` §4).

Computed separately for seller-fulfilled (MFN) and FBA (AFN) orders:

1. **Window**, by order date: the 60 local days (``odr_window_days``) ending
   ``odr_window_lag_days`` (14) days before the as-of day, both ends inclusive:
   ``end = as_of - 14``, ``start = end - 59``. An order belongs to the window when
   its ``purchase_date``, read in the store's time zone, falls on one of those
   days (an order at 23:30 UTC may be the next day in Berlin).
2. **Orders**: every order of the channel in the window, whatever its status
   (Amazon's ``orderCount`` counts orders, and a cancelled order can carry a claim).
3. **Defects**, each placed in the window by its *order's* date, never its own:
   - negative feedback: 1-2 stars, unless removed by Amazon, struck through, or
     removed by the buyer (a removal that was requested or denied still counts);
   - an A-to-z claim that counts (``claims.odr.claim_counts_in_odr`` is true);
     open and appealed claims are pending, not defects yet;
   - a chargeback that counts (``chargebacks.odr.chargeback_counts_in_odr``, with
     the store's setting for one decided for the seller); fraud ones never count,
     open and represented service ones are pending.
   A defect recorded at or after the moment the figures stand at (feedback left
   after the as-of day, a claim filed later) is not known yet and left out.
   Statuses are the ones recorded now: the desk keeps no history of them.
4. **Rate** = orders with at least one defect ÷ orders. An order with negative
   feedback, a claim and a chargeback is one defective order; the components
   (negative_feedback, claims, chargebacks) count each kind separately, so they
   may add up to more than ``orders_with_defects``.

Records are matched to orders by Amazon order id within the store. A defect
whose order the desk does not hold has no order date and no channel: it cannot
be placed and is listed apart (``unplaced_defects``) for the reconciliation.
"""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import QuerySet

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.chargebacks.odr import chargeback_counts_in_odr, decided_for_seller_counts
from sellerdesk.claims.models import Claim
from sellerdesk.claims.odr import claim_counts_in_odr
from sellerdesk.feedback.models import Feedback, FeedbackStatus
from sellerdesk.health.windows import last_known_day, local_bounds, local_midnight
from sellerdesk.orders.models import Order
from sellerdesk.policy import policy_value
from sellerdesk.stores.models import Store

NEGATIVE_FEEDBACK, CLAIM, CHARGEBACK = "negative_feedback", "claim", "chargeback"
KINDS = (NEGATIVE_FEEDBACK, CLAIM, CHARGEBACK)
NEGATIVE_MAX_STARS = 2
# Feedback that no longer counts (amazon-rules §4 and §6).
GONE_FEEDBACK = (
    FeedbackStatus.REMOVED,
    FeedbackStatus.STRUCK_THROUGH,
    FeedbackStatus.REMOVED_BY_BUYER,
)
BASIS_POINTS = 10_000


@dataclass(frozen=True, slots=True)
class OdrSettings:
    """The store's ODR numbers (``sellerdesk.policy``)."""

    window_days: int = 60
    lag_days: int = 14
    target_bp: int = 100  # basis points: 100 = 1 %
    decided_for_seller_counts: bool = False

    @classmethod
    def for_store(cls, store: Store) -> OdrSettings:
        return cls(
            window_days=policy_value(store, "odr_window_days"),
            lag_days=policy_value(store, "odr_window_lag_days"),
            target_bp=policy_value(store, "odr_target_basis_points"),
            decided_for_seller_counts=decided_for_seller_counts(store),
        )

    @property
    def target(self) -> float:
        return self.target_bp / BASIS_POINTS

    def window(self, as_of: date) -> tuple[date, date]:
        """The order dates counted as of ``as_of``, both inclusive."""
        end = as_of - timedelta(days=self.lag_days)
        return end - timedelta(days=self.window_days - 1), end


@dataclass(frozen=True, slots=True)
class Defect:
    """One negative feedback, claim or chargeback of an order, judged for the ODR."""

    kind: str
    order_id: str
    recorded_on: date  # local day: feedback left, claim filed, chargeback received
    recorded_at: datetime  # the same as an instant (feedback: the start of its day)
    status: str
    counts: bool | None  # True counts, None pending (False never kept)
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "recorded_on": self.recorded_on.isoformat(),
            "status": self.status,
            "counts": self.counts,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class DefectiveOrder:
    order_id: str
    order_date: date
    defects: tuple[Defect, ...]

    @property
    def kinds(self) -> list[str]:
        return [k for k in KINDS if any(d.kind == k for d in self.defects)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "order_id": self.order_id,
            "order_date": self.order_date.isoformat(),
            "defects": self.kinds,
            "details": [d.as_dict() for d in self.defects],
        }


def rate(count: int, total: int) -> float | None:
    return count / total if total else None


@dataclass(slots=True)
class OdrFigure:
    """The ODR of one channel over one window of order dates."""

    channel: str
    start: date
    end: date
    orders: int
    target_bp: int
    defective: list[DefectiveOrder] = field(default_factory=list)  # counting defects
    pending: list[DefectiveOrder] = field(default_factory=list)  # pending claims/chargebacks

    @property
    def orders_with_defects(self) -> int:
        return len(self.defective)

    def component(self, kind: str) -> int:
        """Orders with a counting defect of ``kind`` (one of each kind per order at most)."""
        return sum(kind in o.kinds for o in self.defective)

    @property
    def rate(self) -> float | None:
        return rate(self.orders_with_defects, self.orders)

    @property
    def meets_target(self) -> bool | None:
        if not self.orders:
            return None
        return self.orders_with_defects * BASIS_POINTS < self.orders * self.target_bp

    def as_dict(self) -> dict[str, Any]:
        return {
            "rate": self.rate,
            "orders": self.orders,
            "orders_with_defects": self.orders_with_defects,
            "negative_feedback": self.component(NEGATIVE_FEEDBACK),
            "claims": self.component(CLAIM),
            "chargebacks": self.component(CHARGEBACK),
            "window": [self.start.isoformat(), self.end.isoformat()],
            "target": self.target_bp / BASIS_POINTS,
            "meets_target": self.meets_target,
            "note": None if self.orders else "insufficient data: no orders in the window",
            "defective_orders": [o.as_dict() for o in self.defective],
        }


# --- defects -----------------------------------------------------------------------


def _feedback_defects(
    feedback: QuerySet[Feedback], *, tz: zoneinfo.ZoneInfo, at: datetime
) -> Iterable[Defect]:
    rows = (
        feedback.filter(rating__lte=NEGATIVE_MAX_STARS, left_on__lte=last_known_day(at, tz))
        .exclude(status__in=GONE_FEEDBACK)
        .order_by("left_on", "pk")
    )
    for f in rows:
        standing = "" if f.status == FeedbackStatus.ACTIVE else f", {f.get_status_display()}"
        yield Defect(
            kind=NEGATIVE_FEEDBACK,
            order_id=f.amazon_order_id,
            recorded_on=f.left_on,
            recorded_at=local_midnight(f.left_on, tz),
            status=f.status,
            counts=True,
            reason=f"counts: {f.rating}-star feedback{standing.lower()}",
        )


def _claim_defects(
    claims: QuerySet[Claim], *, tz: zoneinfo.ZoneInfo, at: datetime
) -> Iterable[Defect]:
    for claim in claims.filter(filed_at__lt=at).order_by("filed_at", "pk"):
        counts, reason = claim_counts_in_odr(claim)
        if counts is not False:
            yield Defect(
                kind=CLAIM,
                order_id=claim.amazon_order_id,
                recorded_on=claim.filed_at.astimezone(tz).date(),
                recorded_at=claim.filed_at,
                status=claim.status,
                counts=counts,
                reason=reason,
            )


def _chargeback_defects(
    chargebacks: QuerySet[Chargeback], *, tz: zoneinfo.ZoneInfo, at: datetime, for_seller: bool
) -> Iterable[Defect]:
    for cb in chargebacks.filter(received_at__lt=at).order_by("received_at", "pk"):
        counts, reason = chargeback_counts_in_odr(cb, decided_for_seller_still_counts=for_seller)
        if counts is not False:
            yield Defect(
                kind=CHARGEBACK,
                order_id=cb.amazon_order_id,
                recorded_on=cb.received_at.astimezone(tz).date(),
                recorded_at=cb.received_at,
                status=cb.status,
                counts=counts,
                reason=reason,
            )


@dataclass(frozen=True, slots=True)
class Sources:
    """One store's records the ODR is computed from (already narrowed to the store)."""

    orders: QuerySet[Order]
    feedback: QuerySet[Feedback]
    claims: QuerySet[Claim]
    chargebacks: QuerySet[Chargeback]


def defects_of(
    sources: Sources, *, order_ids: Any, tz: zoneinfo.ZoneInfo, at: datetime, settings: OdrSettings
) -> list[Defect]:
    """Counting and pending defects known by ``at`` of the orders ``order_ids``
    (a list or a ``values("amazon_order_id")`` query)."""
    return [
        *_feedback_defects(sources.feedback.filter(amazon_order_id__in=order_ids), tz=tz, at=at),
        *_claim_defects(sources.claims.filter(amazon_order_id__in=order_ids), tz=tz, at=at),
        *_chargeback_defects(
            sources.chargebacks.filter(amazon_order_id__in=order_ids),
            tz=tz,
            at=at,
            for_seller=settings.decided_for_seller_counts,
        ),
    ]


def _group(defects: list[Defect], order_dates: dict[str, date]) -> list[DefectiveOrder]:
    by_order: defaultdict[str, list[Defect]] = defaultdict(list)
    for defect in defects:
        by_order[defect.order_id].append(defect)
    grouped = [
        DefectiveOrder(order_id, order_dates[order_id], tuple(found))
        for order_id, found in by_order.items()
    ]
    return sorted(grouped, key=lambda o: (o.order_date, o.order_id))


def odr_figure(
    sources: Sources,
    *,
    channel: str,
    start: date,
    end: date,
    tz: zoneinfo.ZoneInfo,
    at: datetime,
    settings: OdrSettings,
) -> OdrFigure:
    """The ODR of ``channel`` (``MFN``/``AFN``) over the order dates ``start``..``end``
    with what was known by ``at`` (see the module docstring)."""
    lo, hi = local_bounds(start, end, tz)
    window = sources.orders.filter(
        fulfillment_channel=channel, purchase_date__gte=lo, purchase_date__lt=hi
    )
    defects = defects_of(
        sources, order_ids=window.values("amazon_order_id"), tz=tz, at=at, settings=settings
    )
    order_dates = {
        order_id: purchased.astimezone(tz).date()
        for order_id, purchased in window.filter(
            amazon_order_id__in={d.order_id for d in defects}
        ).values_list("amazon_order_id", "purchase_date")
    }
    counting = [d for d in defects if d.counts]
    pending = [d for d in defects if d.counts is None]
    return OdrFigure(
        channel=channel,
        start=start,
        end=end,
        orders=window.count(),
        target_bp=settings.target_bp,
        defective=_group(counting, order_dates),
        pending=_group(pending, order_dates),
    )


def unplaced_defects(
    sources: Sources,
    *,
    since: date,
    tz: zoneinfo.ZoneInfo,
    at: datetime,
    settings: OdrSettings,
) -> list[Defect]:
    """Counting and pending defects recorded from ``since`` on whose order the desk
    does not hold: Amazon may count them, the desk cannot place them. (A defect
    recorded before ``since`` cannot belong to an order dated ``since`` or later.)"""
    held = sources.orders.values("amazon_order_id")
    lo = local_midnight(since, tz)
    found = [
        *_feedback_defects(
            sources.feedback.filter(left_on__gte=since).exclude(amazon_order_id__in=held),
            tz=tz,
            at=at,
        ),
        *_claim_defects(
            sources.claims.filter(filed_at__gte=lo).exclude(amazon_order_id__in=held), tz=tz, at=at
        ),
        *_chargeback_defects(
            sources.chargebacks.filter(received_at__gte=lo).exclude(amazon_order_id__in=held),
            tz=tz,
            at=at,
            for_seller=settings.decided_for_seller_counts,
        ),
    ]
    return sorted(found, key=lambda d: (d.recorded_at, d.kind, d.order_id))
