"""/health: one store's account-health figures from the desk's own records.

The same figures as ``sellerdesk health --json`` (``health.selectors.store_health``):
rates as fractions (``null`` with a ``note`` when there is nothing to divide by),
dates ISO 8601. A store the caller is not a member of is a 404.
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from sellerdesk.api.auth import request_user
from sellerdesk.health.selectors import store_health
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import store_for_user

router = Router(tags=["health"])

Number = int | float | None


class DefectOut(Schema):
    kind: str = Field(description="negative_feedback, claim or chargeback")
    recorded_on: date
    status: str
    counts: bool | None = Field(description="true: a defect; null: pending")
    reason: str


class DefectiveOrderOut(Schema):
    order_id: str
    order_date: date = Field(description="in the store's time zone")
    defects: list[str]
    details: list[DefectOut]


class OdrOut(Schema):
    rate: float | None
    orders: int
    orders_with_defects: int = Field(description="an order with several defects counts once")
    negative_feedback: int
    claims: int
    chargebacks: int
    window: list[date] = Field(description="order dates counted, both inclusive")
    target: float
    meets_target: bool | None
    note: str | None
    defective_orders: list[DefectiveOrderOut]


class ResponseOut(Schema):
    late_rate: float | None = Field(description="around the clock, 24 h, as Amazon counts")
    avg_hours: float | None
    on_time_rate_policy: float | None = Field(description="under the store's own policy")
    messages: int
    late: int
    over_24_hours: int
    no_response: int
    answered: int
    pending: int
    no_response_needed: int
    policy_messages: int
    policy_on_time: int
    policy_pending: int
    window: list[date]
    note: str | None


class RatingOut(Schema):
    rate: float | None
    count: int
    positive: int
    neutral: int
    negative: int
    window: list[date | None] = Field(description="[null, as_of] for lifetime")
    note: str | None


class ReturnsOut(Schema):
    rate: float | None
    shipped: int
    returned: int
    window: list[date]
    note: str | None


class ShipmentOut(Schema):
    rate: float | None
    orders: int
    late: int
    unshipped_overdue: int
    pending: int
    unknown: int
    window: list[date]
    target: float
    meets_target: bool | None
    note: str | None


class CancelOut(Schema):
    rate: float | None
    orders: int
    cancelled_by_seller: int
    cancelled_by_buyer: int
    window: list[date]
    target: float
    meets_target: bool | None
    note: str | None


class AmazonSideOut(Schema):
    rate: float | None
    count: int | None
    total: int | None
    details: dict[str, Any]
    period: list[date]
    imported_at: datetime


class ExplainedOrderOut(Schema):
    order_id: str
    why: str


class ExplanationOut(Schema):
    component: str
    difference: int
    orders: list[ExplainedOrderOut]
    explained: bool
    note: str | None = None


class ReconciledOut(Schema):
    metric: str
    channel: str
    period: list[date]
    amazon: AmazonSideOut
    desk: dict[str, Number]
    difference: dict[str, Number] = Field(description="desk - Amazon")
    explanations: list[ExplanationOut] | None = None


class ReconciliationOut(Schema):
    odr: dict[str, ReconciledOut | None]
    late_shipment: ReconciledOut | None
    cancel_rate: ReconciledOut | None


class PendingOut(Schema):
    order_id: str
    order_date: date
    cases: list[str]
    details: list[DefectOut]


class LeavingOut(Schema):
    order_id: str
    order_date: date
    defects: list[str]
    leaves_window_on: date


class ForecastOut(Schema):
    rate: float | None
    orders_to_target: int
    pending: list[PendingOut]
    orders_with_defects_if_pending_lost: int
    rate_if_pending_lost: float | None
    orders_to_target_if_pending_lost: int
    defects_leaving: list[LeavingOut]


class HealthOut(Schema):
    store_id: int
    store: str
    as_of: date
    at: datetime = Field(description="the moment the figures stand at")
    odr: dict[str, OdrOut] = Field(description="mfn, afn")
    response: dict[str, ResponseOut] = Field(description="7, 30, 90 days")
    feedback_rating: dict[str, RatingOut] = Field(description="30, 90, 365, lifetime")
    returns: dict[str, ReturnsOut] = Field(description="30, 90 days")
    late_shipment: dict[str, ShipmentOut] = Field(description="10, 30 days")
    cancel_rate: dict[str, CancelOut] = Field(description="7 days")
    reconciliation: ReconciliationOut
    forecast: dict[str, ForecastOut] = Field(description="mfn, afn")


class HealthQuery(Schema):
    store: int
    as_of: date | None = Field(None, description="the day the figures stand at (store's time)")


@router.get("/health", response=HealthOut)
def health(request: HttpRequest, query: Query[HealthQuery]) -> dict[str, Any]:
    """Account health of one store from the desk's records: ODR per channel with the
    defective orders, contact response (Amazon's 24 h and the store's policy), feedback
    rating, return rates, late shipment, cancellations, Amazon's imported figures beside
    them, and the ODR forecast (see ``sellerdesk.health``)."""
    try:
        store = store_for_user(user=request_user(request), store_id=query.store)
    except Store.DoesNotExist:
        raise Http404("no such store") from None
    return store_health(store=store, as_of=query.as_of, now=timezone.now()).as_dict()
