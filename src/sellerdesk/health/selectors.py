"""A store's account-health figures from the desk's own records, as of a day.

``store_health`` gathers every figure (each module's docstring defines its own):
ODR per channel (``health.odr``) with its forecast (``health.forecast``), the
contact response figures (``health.response``), feedback rating, late shipment
and cancel rates (``health.rates``), the store's return rates
(``returns.stats``), and the reconciliation with Amazon's imported performance
report (``health.reconcile``). CLI, API and pages call it; it writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sellerdesk.audit.models import AuditEvent
from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.claims.models import Claim
from sellerdesk.feedback.models import Feedback
from sellerdesk.health.forecast import OdrForecast
from sellerdesk.health.odr import OdrFigure, OdrSettings, Sources, odr_figure, unplaced_defects
from sellerdesk.health.rates import (
    CancelFigure,
    RatingFigure,
    ShipmentFigure,
    cancel_rate,
    feedback_rating,
    late_shipment,
)
from sellerdesk.health.reconcile import (
    CANCEL_METRIC,
    LATE_SHIPMENT_METRIC,
    ODR_METRIC,
    amazon_figure,
    odr_reconciliation,
    rate_reconciliation,
)
from sellerdesk.health.response import ResponseFigure, response_clocks, response_figure
from sellerdesk.health.windows import figures_moment, last_days, local_midnight
from sellerdesk.imports.models import AmazonPerformanceFigure, PerformanceChannel
from sellerdesk.messaging.clock import ResponsePolicy
from sellerdesk.messaging.models import Message
from sellerdesk.orders.models import FulfillmentChannel, Order
from sellerdesk.policy import policy_value
from sellerdesk.returns.selectors import return_stats_for_store
from sellerdesk.stores.models import Store

# Amazon's reporting periods, in days: they are also the keys of the figures.
RESPONSE_DAYS = (7, 30, 90)
RATING_DAYS = (30, 90, 365)
RETURN_DAYS = (30, 90)
LATE_SHIPMENT_DAYS = (10, 30)
CANCEL_DAYS = (7,)
CHANNELS = {
    PerformanceChannel.MFN.value: FulfillmentChannel.MFN.value,
    PerformanceChannel.AFN.value: FulfillmentChannel.AFN.value,
}
LIFETIME = "lifetime"


@dataclass(frozen=True, slots=True)
class Health:
    store: Store
    as_of: date
    at: datetime
    odr: dict[str, OdrFigure]  # "mfn", "afn"
    forecast: dict[str, OdrForecast]
    response: dict[int, ResponseFigure]
    feedback_rating: dict[str, RatingFigure]  # "30", "90", "365", "lifetime"
    returns: dict[int, dict[str, Any]]
    late_shipment: dict[int, ShipmentFigure]
    cancel_rate: dict[int, CancelFigure]
    reconciliation: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {
            "store_id": self.store.pk,
            "store": self.store.name,
            "as_of": self.as_of.isoformat(),
            "at": self.at.astimezone(self.store.tz).isoformat(),
            "odr": {k: v.as_dict() for k, v in self.odr.items()},
            "response": {str(k): v.as_dict() for k, v in self.response.items()},
            "feedback_rating": {k: v.as_dict() for k, v in self.feedback_rating.items()},
            "returns": {str(k): v for k, v in self.returns.items()},
            "late_shipment": {str(k): v.as_dict() for k, v in self.late_shipment.items()},
            "cancel_rate": {str(k): v.as_dict() for k, v in self.cancel_rate.items()},
            "reconciliation": self.reconciliation,
            "forecast": {k: v.as_dict() for k, v in self.forecast.items()},
        }


def store_sources(store: Store) -> Sources:
    return Sources(
        orders=Order.objects.filter(store=store),
        feedback=Feedback.objects.filter(store=store),
        claims=Claim.objects.filter(store=store),
        chargebacks=Chargeback.objects.filter(store=store),
    )


def _returns(store: Store, as_of: date) -> dict[int, dict[str, Any]]:
    totals = return_stats_for_store(store=store, as_of=as_of).store
    out = {}
    for days in RETURN_DAYS:
        shipped, returned = getattr(totals, f"shipped_{days}"), getattr(totals, f"returned_{days}")
        start, end = last_days(as_of, days)
        out[days] = {
            "rate": getattr(totals, f"rate_{days}"),
            "shipped": shipped,
            "returned": returned,
            "window": [start.isoformat(), end.isoformat()],
            "note": None if shipped else "insufficient data: no units shipped in the window",
        }
    return out


def _reconciliation(
    store: Store,
    sources: Sources,
    *,
    as_of: date,
    at: datetime,
    settings: OdrSettings,
    odr: dict[str, OdrFigure],
) -> dict[str, Any]:
    figures = AmazonPerformanceFigure.objects.filter(store=store)
    tz = store.tz
    out: dict[str, Any] = {"odr": {}}
    for key, channel in CHANNELS.items():
        mine = odr[key]
        figure = amazon_figure(
            figures, channel=key, metric=ODR_METRIC, as_of=as_of, period=(mine.start, mine.end)
        )
        if figure is None:
            out["odr"][key] = None
            continue
        period = (figure.period_start, figure.period_end)
        if period != (mine.start, mine.end):
            mine = odr_figure(
                sources, channel=channel, start=period[0], end=period[1], tz=tz, at=at,
                settings=settings,
            )  # fmt: skip
        unplaced = unplaced_defects(sources, since=period[0], tz=tz, at=at, settings=settings)
        out["odr"][key] = odr_reconciliation(figure, desk=mine, unplaced=unplaced)

    mfn = PerformanceChannel.MFN.value
    late = amazon_figure(
        figures, channel=mfn, metric=LATE_SHIPMENT_METRIC, as_of=as_of,
        period=last_days(as_of, max(LATE_SHIPMENT_DAYS)),
    )  # fmt: skip
    out["late_shipment"] = None
    if late is not None:
        shipment = late_shipment(
            sources.orders, start=late.period_start, end=late.period_end, tz=tz, at=at,
            target_bp=policy_value(store, "late_shipment_target_basis_points"),
        )  # fmt: skip
        out["late_shipment"] = rate_reconciliation(
            late, rate=shipment.rate, count=shipment.late, total=shipment.orders
        )
    cancel = amazon_figure(
        figures, channel=mfn, metric=CANCEL_METRIC, as_of=as_of,
        period=last_days(as_of, max(CANCEL_DAYS)),
    )  # fmt: skip
    out["cancel_rate"] = None
    if cancel is not None:
        cancels = cancel_rate(
            sources.orders, start=cancel.period_start, end=cancel.period_end, tz=tz,
            target_bp=policy_value(store, "pre_fulfillment_cancel_target_basis_points"),
        )  # fmt: skip
        out["cancel_rate"] = rate_reconciliation(
            cancel, rate=cancels.rate, count=cancels.cancelled_by_seller, total=cancels.orders
        )
    return out


def store_health(*, store: Store, as_of: date | None = None, now: datetime) -> Health:
    """Every health figure of ``store`` as of the local day ``as_of`` (default: today),
    standing at the end of that day or at ``now`` if earlier."""
    tz = store.tz
    as_of = as_of or now.astimezone(tz).date()
    at = figures_moment(as_of, tz, now)
    sources = store_sources(store)
    settings = OdrSettings.for_store(store)

    start, end = settings.window(as_of)
    odr = {
        key: odr_figure(
            sources, channel=channel, start=start, end=end, tz=tz, at=at, settings=settings
        )
        for key, channel in CHANNELS.items()
    }

    policy = ResponsePolicy.from_store(store)
    clocks = response_clocks(
        messages=Message.objects.filter(conversation__store=store),
        marks=AuditEvent.objects.filter(store=store),
        since=local_midnight(last_days(as_of, max(RESPONSE_DAYS))[0], tz),
        at=at,
    )
    response = {
        days: response_figure(clocks, days=days, as_of=as_of, tz=tz, at=at, policy=policy)
        for days in RESPONSE_DAYS
    }

    rating = {
        str(days): feedback_rating(sources.feedback, start=last_days(as_of, days)[0], end=as_of)
        for days in RATING_DAYS
    }
    rating[LIFETIME] = feedback_rating(sources.feedback, start=None, end=as_of)

    late_bp = policy_value(store, "late_shipment_target_basis_points")
    cancel_bp = policy_value(store, "pre_fulfillment_cancel_target_basis_points")
    return Health(
        store=store,
        as_of=as_of,
        at=at,
        odr=odr,
        forecast={key: OdrForecast(figure, settings) for key, figure in odr.items()},
        response=response,
        feedback_rating=rating,
        returns=_returns(store, as_of),
        late_shipment={
            days: late_shipment(
                sources.orders,
                start=last_days(as_of, days)[0],
                end=as_of,
                tz=tz,
                at=at,
                target_bp=late_bp,
            )
            for days in LATE_SHIPMENT_DAYS
        },
        cancel_rate={
            days: cancel_rate(
                sources.orders,
                start=last_days(as_of, days)[0],
                end=as_of,
                tz=tz,
                target_bp=cancel_bp,
            )
            for days in CANCEL_DAYS
        },
        reconciliation=_reconciliation(
            store, sources, as_of=as_of, at=at, settings=settings, odr=odr
        ),
    )
