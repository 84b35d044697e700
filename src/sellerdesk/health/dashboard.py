"""What the health dashboard shows: each figure beside its target, with a status.

Reads only: ``store_health`` for the figures, ``health.trends`` for the charts.

**Status** of a figure whose target is an upper bound (Amazon asks for less than it):

* ``bad`` (red): at or above the target (Amazon's "meets target" is a strict "<");
* ``warn`` (amber): at least ``WARN_SHARE`` (three quarters) of the target, or, for
  the ODR, the forecast with every pending claim and chargeback lost reaches it;
* ``good`` (green): below both;
* ``none`` (grey): no data (nothing to divide by), or a figure Amazon sets no
  target for (average response time, feedback rating, return rate): shown for
  information.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sellerdesk.health.odr import BASIS_POINTS, CHARGEBACK, CLAIM, NEGATIVE_FEEDBACK, OdrFigure
from sellerdesk.health.selectors import LIFETIME, Health
from sellerdesk.health.trends import Trends
from sellerdesk.orders.models import Order
from sellerdesk.policy import policy_value
from sellerdesk.web.charts import LineChart, hours, line_chart, percent

WARN_SHARE = 0.75
STATUS_TEXT = {"good": "On target", "warn": "Near target", "bad": "Above target", "none": ""}
# The stream list each defect kind links to (searched by order id).
DEFECT_LISTS = {NEGATIVE_FEEDBACK: "feedback", CLAIM: "claims", CHARGEBACK: "chargebacks"}
DEFECT_LABELS = {
    NEGATIVE_FEEDBACK: "Negative feedback",
    CLAIM: "A-to-z claim",
    CHARGEBACK: "Chargeback",
}


def status_for(value: float | None, target_bp: int | None, *, forecast: float | None = None) -> str:
    if value is None or target_bp is None:
        return "none"
    target = target_bp / BASIS_POINTS
    if value >= target:
        return "bad"
    if value >= target * WARN_SHARE or (forecast is not None and forecast >= target):
        return "warn"
    return "good"


def _pct(value: float | None) -> str:
    return "—" if value is None else percent(value)


def _hours(value: float | None) -> str:
    return "—" if value is None else hours(value)


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    value: str
    target: str  # "< 1 %", or "" without a target
    status: str  # good, warn, bad, none
    detail: str  # counts and the window
    note: str | None = None
    reconciliation: dict[str, Any] | None = None  # Amazon's figure beside the desk's

    @property
    def status_text(self) -> str:
        if self.status == "none":
            return "No data" if self.value == "—" else "No target"
        return STATUS_TEXT[self.status]


@dataclass(frozen=True, slots=True)
class DefectLink:
    label: str
    list_name: str  # URL name of the stream's list
    pending: bool


@dataclass(frozen=True, slots=True)
class DefectRow:
    order_id: str
    order_pk: int | None
    order_date: date
    defects: tuple[DefectLink, ...]
    leaves_window_on: date | None  # counting defects only


@dataclass(frozen=True, slots=True)
class OdrPanel:
    key: str  # mfn, afn
    label: str
    figure: OdrFigure
    forecast: dict[str, Any]
    status: str
    rows: tuple[DefectRow, ...]
    pending_rows: tuple[DefectRow, ...]
    target: str


@dataclass(frozen=True, slots=True)
class Dashboard:
    health: Health
    figures: tuple[Figure, ...]
    odr: tuple[OdrPanel, ...]
    charts: tuple[LineChart, ...]
    trends: Trends
    reconciliation: dict[str, Any] = field(default_factory=dict)


def _target(bp: int) -> str:
    return f"< {percent(bp / BASIS_POINTS)}"


def _odr_figure(key: str, label: str, health: Health) -> Figure:
    fig, forecast = health.odr[key], health.forecast[key].as_dict()
    return Figure(
        key=f"odr_{key}",
        label=label,
        value=_pct(fig.rate),
        target=_target(fig.target_bp),
        status=status_for(fig.rate, fig.target_bp, forecast=forecast["rate_if_pending_lost"]),
        detail=f"{fig.orders_with_defects} of {fig.orders} orders, "
        f"ordered {fig.start.isoformat()} to {fig.end.isoformat()}",
        note=None if fig.orders else "no orders in the window",
        reconciliation=health.reconciliation["odr"].get(key),
    )


def health_figures(health: Health) -> tuple[Figure, ...]:
    """Every figure with its target and status, in the dashboard's order."""
    store = health.store
    late_bp = policy_value(store, "late_response_target_basis_points")
    r7, r30, r90 = health.response[7], health.response[30], health.response[90]
    rating = health.feedback_rating
    ret30, ret90 = health.returns[30], health.returns[90]
    ship10, ship30 = health.late_shipment[10], health.late_shipment[30]
    cancel = health.cancel_rate[7]
    recon = health.reconciliation
    return (
        _odr_figure("mfn", "ODR, seller-fulfilled (MFN)", health),
        _odr_figure("afn", "ODR, FBA (AFN)", health),
        Figure(
            key="late_response",
            label="Late response rate, 30 days",
            value=_pct(r30.late_rate),
            target=_target(late_bp),
            status=status_for(r30.late_rate, late_bp),
            detail=f"{r30.late} of {r30.messages} messages over 24 h or unanswered; "
            f"7 days {_pct(r7.late_rate)}, 90 days {_pct(r90.late_rate)}",
        ),
        Figure(
            key="avg_response",
            label="Average response time, 30 days",
            value=_hours(r30.avg_hours),
            target="",
            status="none",
            detail=f"{r30.answered} answered; 7 days {_hours(r7.avg_hours)}, "
            f"90 days {_hours(r90.avg_hours)}; on time under the store's policy "
            f"{_pct(r30.on_time_rate_policy)}",
        ),
        Figure(
            key="feedback_rating",
            label="Feedback rating, 90 days",
            value=_pct(rating["90"].rate),
            target="",
            status="none",
            detail=f"{rating['90'].positive} of {rating['90'].count} positive; "
            f"30 days {_pct(rating['30'].rate)}, 365 days {_pct(rating['365'].rate)}, "
            f"lifetime {_pct(rating[LIFETIME].rate)}",
            note=rating["90"].note(),
        ),
        Figure(
            key="return_rate",
            label="Return rate, 30 days",
            value=_pct(ret30["rate"]),
            target="",
            status="none",
            detail=f"{ret30['returned']} of {ret30['shipped']} units; "
            f"90 days {_pct(ret90['rate'])}",
            note=ret30["note"],
        ),
        Figure(
            key="late_shipment",
            label="Late shipment rate, 30 days (MFN)",
            value=_pct(ship30.rate),
            target=_target(ship30.target_bp),
            status=status_for(ship30.rate, ship30.target_bp),
            detail=f"{ship30.late} of {ship30.orders} orders; 10 days {_pct(ship10.rate)}",
            note=ship30.note(),
            reconciliation=recon.get("late_shipment"),
        ),
        Figure(
            key="cancel_rate",
            label="Pre-fulfilment cancel rate, 7 days (MFN)",
            value=_pct(cancel.rate),
            target=_target(cancel.target_bp),
            status=status_for(cancel.rate, cancel.target_bp),
            detail=f"{cancel.cancelled_by_seller} of {cancel.orders} orders "
            "cancelled by the seller",
            note=None if cancel.orders else "no seller-fulfilled orders",
            reconciliation=recon.get("cancel_rate"),
        ),
    )


def _defect_rows(
    orders: list[Any], pks: dict[str, int], forecast: dict[str, Any] | None
) -> tuple[DefectRow, ...]:
    leaving = {
        row["order_id"]: row["leaves_window_on"]
        for row in (forecast or {}).get("defects_leaving", [])
    }
    return tuple(
        DefectRow(
            order_id=o.order_id,
            order_pk=pks.get(o.order_id),
            order_date=o.order_date,
            defects=tuple(
                DefectLink(DEFECT_LABELS[d.kind], f"{DEFECT_LISTS[d.kind]}_list", d.counts is None)
                for d in o.defects
            ),
            leaves_window_on=date.fromisoformat(leaving[o.order_id])
            if o.order_id in leaving
            else None,
        )
        for o in orders
    )


def odr_panels(health: Health) -> tuple[OdrPanel, ...]:
    ids = {o.order_id for fig in health.odr.values() for o in fig.defective + fig.pending}
    pks = dict(
        Order.objects.filter(store=health.store, amazon_order_id__in=ids).values_list(
            "amazon_order_id", "pk"
        )
    )
    panels = []
    for key, label in (("mfn", "Seller-fulfilled (MFN)"), ("afn", "FBA (AFN)")):
        fig = health.odr[key]
        forecast = health.forecast[key].as_dict()
        panels.append(
            OdrPanel(
                key=key,
                label=label,
                figure=fig,
                forecast=forecast,
                status=status_for(
                    fig.rate, fig.target_bp, forecast=forecast["rate_if_pending_lost"]
                ),
                rows=_defect_rows(fig.defective, pks, forecast),
                pending_rows=_defect_rows(fig.pending, pks, None),
                target=_target(fig.target_bp),
            )
        )
    return tuple(panels)


def trend_charts(health: Health, trends: Trends) -> tuple[LineChart, ...]:
    """ODR (both channels, target line), average response time (Amazon's 24 h line),
    feedback rating and return rate (no Amazon target: the lifetime rating and the
    90-day return rate as reference lines)."""
    days = trends.days
    ret90 = health.returns[90]["rate"]
    lifetime = health.feedback_rating[LIFETIME].rate
    return (
        line_chart(
            key="odr",
            title="Order defect rate, as of each week",
            days=days,
            series=[
                ("MFN", [p.value for p in trends.odr["mfn"]]),
                ("AFN", [p.value for p in trends.odr["afn"]]),
            ],
            fmt=percent,
            reference=trends.odr_target_bp / BASIS_POINTS,
            reference_label=f"target {_target(trends.odr_target_bp)}",
            ceiling=1.0,
            empty_top=trends.odr_target_bp / BASIS_POINTS * 2,
        ),
        line_chart(
            key="response",
            title="Average response time over 30 days, as of each week",
            days=days,
            series=[("Average", [p.value for p in trends.avg_response_hours])],
            fmt=hours,
            reference=24.0,
            reference_label="Amazon 24 h",
            empty_top=32.0,
        ),
        line_chart(
            key="rating",
            title="Feedback rating over 90 days, as of each week",
            days=days,
            series=[("Rating", [p.value for p in trends.feedback_rating])],
            fmt=percent,
            reference=lifetime,
            reference_label=f"lifetime {_pct(lifetime)}",
            ceiling=1.0,
        ),
        line_chart(
            key="returns",
            title="Return rate over 30 days, as of each week",
            days=days,
            series=[("Return rate", [p.value for p in trends.return_rate])],
            fmt=percent,
            reference=ret90,
            reference_label=f"90 days {_pct(ret90)}",
            ceiling=1.0,
            empty_top=0.1,
        ),
    )


def health_dashboard(*, health: Health, trends: Trends) -> Dashboard:
    return Dashboard(
        health=health,
        figures=health_figures(health),
        odr=odr_panels(health),
        charts=trend_charts(health, trends),
        trends=trends,
        reconciliation=health.reconciliation,
    )
