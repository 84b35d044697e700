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

Calling ``store_health`` once per point costs about 0.12 s on the demo store (its
SKU return statistics alone 80 ms), 1 s for 13 points. Here every source is read
once for the whole span (orders and defects, messages, feedback, shipped and
returned units: about ten queries) and each point is counted in Python from
those rows. The replay of the response clocks is done once up to the newest
point: each older point's clocks are a prefix of that replay (events are replayed
in time order), so a clock counts as answered at a point only when its reply came
before that point's moment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sellerdesk.audit.models import AuditEvent
from sellerdesk.health.odr import OdrSettings, defects_of, rate
from sellerdesk.health.rates import NOT_IN_RATING, POSITIVE_MIN_STARS
from sellerdesk.health.response import HOUR, response_clocks
from sellerdesk.health.selectors import CHANNELS, store_sources
from sellerdesk.health.windows import figures_moment, last_days, local_bounds, local_midnight
from sellerdesk.messaging.models import Message
from sellerdesk.orders.models import OrderItem
from sellerdesk.returns.models import Return
from sellerdesk.returns.stats import returned_units, shipped_units
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
    dated = [
        (order_id, channel, purchased.astimezone(tz).date())
        for order_id, channel, purchased in orders.values_list(
            "amazon_order_id", "fulfillment_channel", "purchase_date"
        )
    ]
    defects = [
        d
        for d in defects_of(
            sources,
            order_ids=orders.values("amazon_order_id"),
            tz=tz,
            at=moments[-1],
            settings=settings,
        )
        if d.counts
    ]
    out: dict[str, tuple[TrendPoint, ...]] = {}
    for key, channel in CHANNELS.items():
        points = []
        for (start, end), at, day in zip(windows, moments, days, strict=True):
            in_window = {o for o, ch, on in dated if ch == channel and start <= on <= end}
            defective = {d.order_id for d in defects if d.recorded_at < at} & in_window
            bad, total = len(defective), len(in_window)
            points.append(TrendPoint(day, rate(bad, total), bad, total))
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


def _returns(store: Store, days: Sequence[date]) -> tuple[TrendPoint, ...]:
    tz = store.tz
    first = last_days(days[0], RETURN_DAYS)[0]
    shipped = shipped_units(
        OrderItem.objects.filter(order__store=store), tz=tz, start=first, end=days[-1]
    )
    returned = returned_units(
        Return.objects.filter(store=store),
        orders=store_sources(store).orders,
        tz=tz,
        start=first,
        end=days[-1],
    )
    points = []
    for day in days:
        start = last_days(day, RETURN_DAYS)[0]
        out = sum(s.units for s in shipped if start <= s.day <= day)
        back = sum(r.units for r in returned if start <= r.day <= day)
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
