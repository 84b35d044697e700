"""Feedback rating, late shipment rate and pre-fulfilment cancel rate.

Pure reads over querysets already narrowed to one store; days are the store's
local days, windows end with the as-of day and include both ends.

**Feedback rating** (``amazon-rules.md`` §6): positive (4-5 stars) ÷ all feedback
left in the window, by feedback date (``left_on``), for 30, 90 and 365 days and
lifetime (everything up to the as-of day). Feedback removed by Amazon or by the
buyer is left out, and so is struck-through feedback (Amazon keeps it visible
but no longer counts it). Amazon's feedback report carries only 1-3 star
feedback: a store whose positive feedback never reached the desk gets a note,
since its rating is then too low.

**Late shipment rate** (seller-fulfilled only, 10 and 30 days): the MFN orders
whose ``latest_ship_date`` falls in the window, cancelled ones left out.

* shipped after ``latest_ship_date``: late; at or before it: in time;
* not shipped and the ship-by moment passed before ``at``: late (it can only be
  confirmed late now), counted in ``unshipped_overdue`` as well;
* not shipped, still time: pending, not counted;
* marked shipped but without a ship date: unknown, not counted.

A shipment at or after ``at`` is not known yet (the order was unshipped then).
Rate = late ÷ (late + in time). Orders without a ``latest_ship_date`` cannot be
placed: when no order can be judged the rate is "insufficient data".

**Pre-fulfilment cancel rate** (seller-fulfilled, 7 days, by order date):
orders cancelled by the seller ÷ all MFN orders of the window. An order is
cancelled by the seller when its status is ``Canceled`` and
``Order.cancelled_by_buyer`` is false; buyer-requested cancellations are not
cancellations of the seller, but their orders stay in the denominator. Order
statuses are the ones recorded now (the desk keeps no history of them).
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Q, QuerySet

from sellerdesk.feedback.models import Feedback, FeedbackStatus
from sellerdesk.health.odr import BASIS_POINTS, rate
from sellerdesk.health.windows import local_bounds
from sellerdesk.orders.models import FulfillmentChannel, Order, OrderStatus

POSITIVE_MIN_STARS = 4
NEUTRAL_STARS = 3
NOT_IN_RATING = (
    FeedbackStatus.REMOVED,
    FeedbackStatus.REMOVED_BY_BUYER,
    FeedbackStatus.STRUCK_THROUGH,
)
SHIPPED = (OrderStatus.SHIPPED, OrderStatus.PARTIALLY_SHIPPED)


def _window(start: date | None, end: date) -> list[str | None]:
    return [start.isoformat() if start else None, end.isoformat()]


# --- feedback rating ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RatingFigure:
    start: date | None  # None: lifetime
    end: date
    positive: int
    neutral: int
    negative: int
    positive_ever: bool  # the store has any 4-5 star feedback at all

    @property
    def count(self) -> int:
        return self.positive + self.neutral + self.negative

    @property
    def rate(self) -> float | None:
        return rate(self.positive, self.count)

    def note(self) -> str | None:
        if not self.count:
            return "insufficient data: no feedback in the window"
        if not self.positive_ever:
            return (
                "no 4-5 star feedback recorded: Amazon's feedback report carries only "
                "1-3 stars, so this rating is lower than Amazon's"
            )
        return None

    def as_dict(self) -> dict[str, Any]:
        return {
            "rate": self.rate,
            "count": self.count,
            "positive": self.positive,
            "neutral": self.neutral,
            "negative": self.negative,
            "window": _window(self.start, self.end),
            "note": self.note(),
        }


def feedback_rating(feedback: QuerySet[Feedback], *, start: date | None, end: date) -> RatingFigure:
    """The rating of the feedback left from ``start`` (None: ever) to ``end``."""
    counted = feedback.exclude(status__in=NOT_IN_RATING)
    window = counted.filter(left_on__lte=end)
    if start is not None:
        window = window.filter(left_on__gte=start)
    totals = window.aggregate(
        positive=Count("pk", filter=Q(rating__gte=POSITIVE_MIN_STARS)),
        neutral=Count("pk", filter=Q(rating=NEUTRAL_STARS)),
        negative=Count("pk", filter=Q(rating__lt=NEUTRAL_STARS)),
    )
    return RatingFigure(
        start=start,
        end=end,
        positive=totals["positive"],
        neutral=totals["neutral"],
        negative=totals["negative"],
        positive_ever=feedback.filter(rating__gte=POSITIVE_MIN_STARS).exists(),
    )


# --- late shipment -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShipmentFigure:
    start: date
    end: date
    in_time: int
    late: int
    unshipped_overdue: int  # part of ``late``
    pending: int
    unknown: int  # marked shipped, no ship date
    without_ship_by: int  # MFN orders bought in the window with no latest_ship_date
    target_bp: int

    @property
    def orders(self) -> int:
        return self.in_time + self.late

    @property
    def rate(self) -> float | None:
        return rate(self.late, self.orders)

    def note(self) -> str | None:
        if self.orders:
            return None
        if self.without_ship_by:
            return (
                f"insufficient data: {self.without_ship_by} seller-fulfilled orders of the "
                "window have no latest ship date"
            )
        return "insufficient data: no seller-fulfilled order due to ship in the window"

    def as_dict(self) -> dict[str, Any]:
        return {
            "rate": self.rate,
            "orders": self.orders,
            "late": self.late,
            "unshipped_overdue": self.unshipped_overdue,
            "pending": self.pending,
            "unknown": self.unknown,
            "window": _window(self.start, self.end),
            "target": self.target_bp / BASIS_POINTS,
            "meets_target": None
            if not self.orders
            else self.late * BASIS_POINTS < self.orders * self.target_bp,
            "note": self.note(),
        }


def late_shipment(
    orders: QuerySet[Order],
    *,
    start: date,
    end: date,
    tz: zoneinfo.ZoneInfo,
    at: datetime,
    target_bp: int,
) -> ShipmentFigure:
    """The late shipment rate of the MFN orders due to ship from ``start`` to ``end``."""
    lo, hi = local_bounds(start, end, tz)
    mfn = orders.filter(fulfillment_channel=FulfillmentChannel.MFN)
    rows = (
        mfn.filter(latest_ship_date__gte=lo, latest_ship_date__lt=hi)
        .exclude(status=OrderStatus.CANCELED)
        .values_list("status", "latest_ship_date", "shipped_at")
    )
    counts = {"in_time": 0, "late": 0, "unshipped_overdue": 0, "pending": 0, "unknown": 0}
    for status, ship_by, shipped_at in rows:
        if ship_by is None:  # excluded by the filter; keeps the type checker informed
            continue
        if shipped_at is not None and shipped_at < at:
            counts["late" if shipped_at > ship_by else "in_time"] += 1
        elif shipped_at is None and status in SHIPPED:
            counts["unknown"] += 1
        elif ship_by < at:
            counts["late"] += 1
            counts["unshipped_overdue"] += 1
        else:
            counts["pending"] += 1
    without = mfn.filter(
        purchase_date__gte=lo, purchase_date__lt=hi, latest_ship_date__isnull=True
    ).count()
    return ShipmentFigure(
        start=start, end=end, **counts, without_ship_by=without, target_bp=target_bp
    )


# --- pre-fulfilment cancellations --------------------------------------------------


@dataclass(frozen=True, slots=True)
class CancelFigure:
    start: date
    end: date
    orders: int
    cancelled_by_seller: int
    cancelled_by_buyer: int
    target_bp: int

    @property
    def rate(self) -> float | None:
        return rate(self.cancelled_by_seller, self.orders)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rate": self.rate,
            "orders": self.orders,
            "cancelled_by_seller": self.cancelled_by_seller,
            "cancelled_by_buyer": self.cancelled_by_buyer,
            "window": _window(self.start, self.end),
            "target": self.target_bp / BASIS_POINTS,
            "meets_target": None
            if not self.orders
            else self.cancelled_by_seller * BASIS_POINTS < self.orders * self.target_bp,
            "note": None if self.orders else "insufficient data: no seller-fulfilled orders",
        }


def cancel_rate(
    orders: QuerySet[Order], *, start: date, end: date, tz: zoneinfo.ZoneInfo, target_bp: int
) -> CancelFigure:
    """The pre-fulfilment cancel rate of the MFN orders bought from ``start`` to ``end``."""
    lo, hi = local_bounds(start, end, tz)
    cancelled = Q(status=OrderStatus.CANCELED)
    totals = orders.filter(
        fulfillment_channel=FulfillmentChannel.MFN, purchase_date__gte=lo, purchase_date__lt=hi
    ).aggregate(
        orders=Count("pk"),
        by_seller=Count("pk", filter=cancelled & Q(cancelled_by_buyer=False)),
        by_buyer=Count("pk", filter=cancelled & Q(cancelled_by_buyer=True)),
    )
    return CancelFigure(
        start=start,
        end=end,
        orders=totals["orders"],
        cancelled_by_seller=totals["by_seller"],
        cancelled_by_buyer=totals["by_buyer"],
        target_bp=target_bp,
    )
