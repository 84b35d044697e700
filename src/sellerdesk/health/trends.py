"""The dashboard's trends: a few health figures as of each of the last weeks.

A point is the figure as of one day (``as_of``, ``as_of - 7``, ... 13 points by
default, oldest first), defined exactly as ``store_health`` defines it as of that
day, so the newest point is the figure the dashboard shows beside the chart:

* ``odr`` per channel: ``health.odr`` (60-day window by order date, ending 14 days
  before the day; only defects known by the end of that day);
* ``avg_response_hours``: Amazon's average response time over 30 days
  (``health.response``), the answered clocks started in the window and answered
  before the day ended;
* ``feedback_rating``: 90 days (``health.rates``);
* ``return_rate``: the store's rolling 30-day return rate (``returns.stats``).

Calling ``store_health`` once per point costs 0.12-0.18 s a point on the demo store
(1.6 s for 13), 1.1 s a point on a store of 50,000 orders (``bench/dashboard.py``).
Here every source is read once for the whole span (orders and defects, messages,
feedback, shipped and returned units: nine queries) and each point is counted in
Python from those rows: 50-80 ms on the demo store, 0.4-0.8 s on the large one.
The replay of the response clocks is done once up to the newest point: each older
point's clocks are a prefix of that replay (events are replayed in time order), so
a clock counts as answered at a point only when its reply came before that point's
moment. ``tests/test_health_trends.py`` checks every point against ``store_health``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import DateTimeField, F
from django.db.models.functions import Coalesce

from sellerdesk.audit.models import AuditEvent
from sellerdesk.health.odr import OdrSettings, defects_of, rate
from sellerdesk.health.rates import NOT_IN_RATING, POSITIVE_MIN_STARS
from sellerdesk.health.response import HOUR, response_clocks
from sellerdesk.health.selectors import CHANNELS, store_sources
from sellerdesk.health.windows import figures_moment, last_days, local_bounds, local_midnight
from sellerdesk.messaging.models import Message
from sellerdesk.orders.models import OrderItem
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.stores.models import Store

WEEKS = 13
RESPONSE_DAYS = 30
RATING_DAYS = 90
RETURN_DAYS = 30


@dataclass(frozen=True, slots=True)
class TrendPoint:
    day: date  # the figure as of this local day
    value: float | None  # None: nothing to divide by
    count: int  # the numerator (defective orders, answered clocks, positive feedback, units)
    total: int  # the denominator (orders, -, feedback, units shipped)


@dataclass(frozen=True, slots=True)
class Trends:
    days: tuple[date, ...]
    odr: dict[str, tuple[TrendPoint, ...]]  # "mfn", "afn"
    avg_response_hours: tuple[TrendPoint, ...]
    feedback_rating: tuple[TrendPoint, ...]
    return_rate: tuple[TrendPoint, ...]
    odr_target_bp: int


def trend_days(as_of: date, weeks: int = WEEKS) -> tuple[date, ...]:
    """``weeks`` days a week apart, the last one ``as_of``, oldest first."""
    return tuple(as_of - timedelta(days=7 * back) for back in range(weeks - 1, -1, -1))


def _odr(
    store: Store, days: Sequence[date], moments: Sequence[datetime], settings: OdrSettings
) -> dict[str, tuple[TrendPoint, ...]]:
    tz = store.tz
    sources = store_sources(store)
    windows = [settings.window(day) for day in days]
    lo, hi = local_bounds(windows[0][0], windows[-1][1], tz)
    orders = sources.orders.filter(purchase_date__gte=lo, purchase_date__lt=hi)
    # Order dates per channel, sorted: a window's order count is two bisections.
    dates: dict[str, list[date]] = {channel: [] for channel in CHANNELS.values()}
    placed: dict[str, tuple[str, date]] = {}
    for order_id, channel, purchased in orders.values_list(
        "amazon_order_id", "fulfillment_channel", "purchase_date"
    ):
        day = purchased.astimezone(tz).date()
        if channel in dates:
            dates[channel].append(day)
        placed[order_id] = (channel, day)
    for days_of_channel in dates.values():
        days_of_channel.sort()
    defects = [
        d
        for d in defects_of(
            sources,
            order_ids=orders.values("amazon_order_id"),
            tz=tz,
            at=moments[-1],
            settings=settings,
        )
        if d.counts and d.order_id in placed
    ]
    out: dict[str, tuple[TrendPoint, ...]] = {}
    for key, channel in CHANNELS.items():
        points = []
        for (start, end), at, day in zip(windows, moments, days, strict=True):
            total = bisect_right(dates[channel], end) - bisect_left(dates[channel], start)
            defective = {
                d.order_id
                for d in defects
                if d.recorded_at < at
                and placed[d.order_id][0] == channel
                and start <= placed[d.order_id][1] <= end
            }
            points.append(TrendPoint(day, rate(len(defective), total), len(defective), total))
        out[key] = tuple(points)
    return out


def _response(
    store: Store, days: Sequence[date], moments: Sequence[datetime]
) -> tuple[TrendPoint, ...]:
    tz = store.tz
    clocks = response_clocks(
        messages=Message.objects.filter(conversation__store=store),
        marks=AuditEvent.objects.filter(store=store),
        since=local_midnight(last_days(days[0], RESPONSE_DAYS)[0], tz),
        at=moments[-1],
    )
    points = []
    for day, at in zip(days, moments, strict=True):
        since = local_midnight(last_days(day, RESPONSE_DAYS)[0], tz)
        answered = [
            c.answered_at - c.started_at
            for c in clocks
            if since <= c.started_at < at and c.answered_at is not None and c.answered_at < at
        ]
        total = sum(answered, timedelta(0))
        value = total / HOUR / len(answered) if answered else None
        points.append(TrendPoint(day, value, len(answered), len(answered)))
    return tuple(points)


def _rating(store: Store, days: Sequence[date]) -> tuple[TrendPoint, ...]:
    rows = list(
        store_sources(store)
        .feedback.exclude(status__in=NOT_IN_RATING)
        .filter(left_on__gte=last_days(days[0], RATING_DAYS)[0], left_on__lte=days[-1])
        .values_list("left_on", "rating")
    )
    points = []
    for day in days:
        start = last_days(day, RATING_DAYS)[0]
        ratings = [r for on, r in rows if start <= on <= day]
        positive = sum(r >= POSITIVE_MIN_STARS for r in ratings)
        points.append(TrendPoint(day, rate(positive, len(ratings)), positive, len(ratings)))
    return tuple(points)


def _ship_time() -> Coalesce:
    """When units shipped, as ``returns.stats`` dates them: the order's ship date, else
    its purchase date."""
    return Coalesce(F("order__shipped_at"), F("order__purchase_date"), output_field=DateTimeField())


def _returns(store: Store, days: Sequence[date]) -> tuple[TrendPoint, ...]:
    """Units shipped and returned per local day, counted as ``returns.stats`` counts
    them (``shipped_units``, ``returned_units``: the same filters), but summed here in
    Python: the per-SKU aggregate by local day costs 0.4 s on 50,000 orders in SQLite,
    where reading the rows costs a tenth of that."""
    tz = store.tz
    lo, hi = local_bounds(last_days(days[0], RETURN_DAYS)[0], days[-1], tz)
    out_by_day: Counter[date] = Counter()
    back_by_day: Counter[date] = Counter()
    for shipped_at, units in (
        OrderItem.objects.filter(order__store=store)
        .annotate(ship_time=_ship_time())
        .filter(ship_time__gte=lo, ship_time__lt=hi, quantity_shipped__gt=0)
        .values_list("ship_time", "quantity_shipped")
    ):
        out_by_day[shipped_at.astimezone(tz).date()] += units
    for requested_at, units in (
        Return.objects.filter(store=store)
        .exclude(status=ReturnStatus.REJECTED)
        .filter(requested_at__gte=lo, requested_at__lt=hi, quantity__gt=0)
        .values_list("requested_at", "quantity")
    ):
        back_by_day[requested_at.astimezone(tz).date()] += units
    points = []
    for day in days:
        window = [day - timedelta(days=back) for back in range(RETURN_DAYS)]
        out = sum(out_by_day[d] for d in window)
        back = sum(back_by_day[d] for d in window)
        points.append(TrendPoint(day, rate(back, out), back, out))
    return tuple(points)


def store_trends(*, store: Store, as_of: date, now: datetime, weeks: int = WEEKS) -> Trends:
    """The trend points of ``store`` for the ``weeks`` weeks ending with ``as_of``."""
    days = trend_days(as_of, weeks)
    moments = [figures_moment(day, store.tz, now) for day in days]
    settings = OdrSettings.for_store(store)
    return Trends(
        days=days,
        odr=_odr(store, days, moments, settings),
        avg_response_hours=_response(store, days, moments),
        feedback_rating=_rating(store, days),
        return_rate=_returns(store, days),
        odr_target_bp=settings.target_bp,
    )
