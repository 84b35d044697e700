"""The desk's figures beside Amazon's own (``imports.models.AmazonPerformanceFigure``).

For each metric the seller performance report carries and the desk computes
(ODR per channel, late shipment rate, pre-fulfilment cancel rate), the Amazon
figure is the one whose period equals the desk's window, else the latest whose
period ends by the as-of day. The desk's figure is then computed again over
*Amazon's* period, so the two count the same days, and ``difference`` is
desk - Amazon for the rate and for every count both sides have. (Amazon states
its period in UTC dates, the desk reads them as the store's local days.)

Which orders explain an ODR difference, component by component, when the desk
can tell:

* the desk counts **more** than Amazon: its defects of that kind recorded after
  the report was imported (Amazon's report could not have had them);
* the desk counts **fewer**: its pending cases of that kind in the period
  (Amazon may have decided them against the seller), and defects of that kind
  whose order the desk does not hold (it cannot place them in a window).

A component is ``explained`` when the orders listed are exactly as many as the
difference. A difference in the number of orders is a gap in the desk's order
import (fewer) or orders Amazon does not count (more), not a defect.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from sellerdesk.health.odr import CHARGEBACK, CLAIM, KINDS, NEGATIVE_FEEDBACK, Defect, OdrFigure
from sellerdesk.imports.models import AmazonPerformanceFigure

ODR_METRIC = "order_defect_rate"
LATE_SHIPMENT_METRIC = "late_shipment_rate"
CANCEL_METRIC = "pre_fulfillment_cancel_rate"
COMPONENTS = {NEGATIVE_FEEDBACK: "negative_feedback", CLAIM: "claims", CHARGEBACK: "chargebacks"}
PLACES = 12  # rate differences are rounded so float noise does not show as a difference


def amazon_figure(
    figures: QuerySet[AmazonPerformanceFigure],
    *,
    channel: str,
    metric: str,
    as_of: date,
    period: tuple[date, date] | None = None,
) -> AmazonPerformanceFigure | None:
    """Amazon's figure for the desk's ``period`` if imported, else its latest one by ``as_of``."""
    mine = figures.filter(channel=channel, metric=metric)
    if period is not None:
        exact = mine.filter(period_start=period[0], period_end=period[1]).order_by("-pk").first()
        if exact is not None:
            return exact
    return mine.filter(period_end__lte=as_of).order_by("-period_end", "-imported_at", "-pk").first()


def _amazon_rate(figure: AmazonPerformanceFigure) -> float | None:
    if figure.rate is not None:
        return float(figure.rate)
    if figure.count is not None and figure.total:
        return figure.count / figure.total
    return None


def _minus(desk: float | int | None, amazon: float | int | None) -> float | int | None:
    if desk is None or amazon is None:
        return None
    if isinstance(desk, int) and isinstance(amazon, int):
        return desk - amazon
    return round(desk - amazon, PLACES)


def _amazon_side(figure: AmazonPerformanceFigure) -> dict[str, Any]:
    return {
        "rate": _amazon_rate(figure),
        "count": figure.count,
        "total": figure.total,
        "details": dict(figure.details or {}),
        "period": [figure.period_start.isoformat(), figure.period_end.isoformat()],
        "imported_at": figure.imported_at.isoformat(),
    }


def rate_reconciliation(
    figure: AmazonPerformanceFigure, *, rate: float | None, count: int, total: int
) -> dict[str, Any]:
    """A rate figure (late shipment, cancellations) of both sides over Amazon's period."""
    amazon_rate = _amazon_rate(figure)
    return {
        "metric": figure.metric,
        "channel": figure.channel,
        "period": [figure.period_start.isoformat(), figure.period_end.isoformat()],
        "amazon": _amazon_side(figure),
        "desk": {"rate": rate, "count": count, "total": total},
        "difference": {
            "rate": _minus(rate, amazon_rate),
            "count": _minus(count, figure.count),
            "total": _minus(total, figure.total),
        },
    }


def _why(
    kind: str,
    difference: int,
    desk: OdrFigure,
    unplaced: list[Defect],
    figure: AmazonPerformanceFigure,
) -> list[dict[str, str]]:
    if difference > 0:
        return [
            {"order_id": o.order_id, "why": "recorded after Amazon's report was imported"}
            for o in desk.defective
            if any(d.kind == kind and d.recorded_at >= figure.imported_at for d in o.defects)
        ]
    if difference < 0:
        pending = [
            {"order_id": o.order_id, "why": "pending in the desk: Amazon may have decided it"}
            for o in desk.pending
            if kind in o.kinds
        ]
        missing = [
            {"order_id": d.order_id, "why": "its order is not in the desk"}
            for d in unplaced
            if d.kind == kind
        ]
        return pending + missing
    return []


def odr_reconciliation(
    figure: AmazonPerformanceFigure, *, desk: OdrFigure, unplaced: list[Defect]
) -> dict[str, Any]:
    """The ODR of one channel on both sides over Amazon's period, and what explains
    the difference (module docstring). ``desk`` must be computed over that period."""
    details = figure.details or {}
    amazon = {
        "orders": figure.total,
        "orders_with_defects": figure.count,
        **{name: details.get(name) for name in COMPONENTS.values()},
    }
    mine = {
        "orders": desk.orders,
        "orders_with_defects": desk.orders_with_defects,
        **{name: desk.component(kind) for kind, name in COMPONENTS.items()},
    }
    difference: dict[str, Any] = {"rate": _minus(desk.rate, _amazon_rate(figure))}
    difference |= {key: _minus(mine[key], amazon[key]) for key in mine}
    explanations = []
    for kind in KINDS:
        name = COMPONENTS[kind]
        diff = difference[name]
        if not diff:
            continue
        orders = _why(kind, diff, desk, unplaced, figure)
        explanations.append(
            {
                "component": name,
                "difference": diff,
                "orders": orders,
                "explained": len(orders) == abs(diff),
            }
        )
    if difference["orders"]:
        gap = difference["orders"]
        explanations.append(
            {
                "component": "orders",
                "difference": gap,
                "orders": [],
                "explained": False,
                "note": "the desk is missing orders of the period: import the orders report"
                if gap < 0
                else "the desk holds orders of the period that Amazon does not count",
            }
        )
    return {
        "metric": figure.metric,
        "channel": figure.channel,
        "period": [figure.period_start.isoformat(), figure.period_end.isoformat()],
        "amazon": _amazon_side(figure),
        "desk": {"rate": desk.rate, **mine},
        "difference": difference,
        "explanations": explanations,
    }
