"""/returns/stats (return rates per SKU or ASIN with their flags) and /returns.csv.

Registered before ``cases`` (``/returns/{id}``): ninja routes ``{id}`` as any
text, so ``/returns/stats`` must be matched first.
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from datetime import date
from typing import Literal

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from sellerdesk.api.auth import request_user
from sellerdesk.api.scoping import visible
from sellerdesk.orders.models import FulfillmentChannel
from sellerdesk.returns.export import returns_csv
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.returns.selectors import (
    return_stats_for_store,
    returns_for_export,
    store_today,
)
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import store_for_user

router = Router(tags=["returns"])


class MonthOut(Schema):
    month: str = Field(description="YYYY-MM: the month M the units shipped in")
    shipped: int
    returned: int = Field(description="of those units, returned in M, M+1 or M+2")
    rate: float | None
    exempt: bool = Field(description="fewer units shipped in M than Amazon's exemption")
    complete: bool = Field(description="M+2 has ended by as_of")


class ReturnRateOut(Schema):
    sku: str | None = None
    asin: str
    skus: list[str] | None = None
    shipped_30: int
    returned_30: int
    rate_30: float | None
    shipped_90: int
    returned_90: int
    rate_90: float | None
    monthly: list[MonthOut]
    reasons: dict[str, int]
    faults: dict[str, int]
    seller_fault_share: float | None
    tested: bool
    flagged: bool
    p_value: float | None
    q_value: float | None
    baseline_rate: float | None


class StoreRatesOut(Schema):
    shipped_30: int
    returned_30: int
    rate_30: float | None
    shipped_90: int
    returned_90: int
    rate_90: float | None
    monthly: list[MonthOut]
    reasons: dict[str, int]
    faults: dict[str, int]
    seller_fault_share: float | None


class ReturnStatsOut(Schema):
    store_id: int
    as_of: date
    group: Literal["sku", "asin"]
    min_units: int
    alpha: float
    exempt_below: int
    totals: StoreRatesOut
    rows: list[ReturnRateOut]


class StatsQuery(Schema):
    store: int
    as_of: date | None = Field(None, description="the last day counted (store's time zone)")
    by: Literal["sku", "asin"] = "sku"
    min_units: int | None = Field(None, ge=1, description="units shipped in 90 days to be tested")
    alpha: float | None = Field(None, gt=0, lt=1, description="false discovery rate of the flags")


def _store(request: HttpRequest, store_id: int) -> Store:
    try:
        return store_for_user(user=request_user(request), store_id=store_id)
    except Store.DoesNotExist:
        raise Http404("no such store") from None


@router.get("/returns/stats", response=ReturnStatsOut)
def return_stats(request: HttpRequest, query: Query[StatsQuery]) -> dict[str, object]:
    """Return rates per SKU (or ASIN) of one store: 30 and 90 days, Amazon's monthly
    method, reason mix, seller-fault share and the binomial flag with its p- and
    q-value (see ``sellerdesk.returns.stats``)."""
    store = _store(request, query.store)
    as_of = query.as_of or store_today(store=store, now=timezone.now())
    result = return_stats_for_store(
        store=store, as_of=as_of, group=query.by, min_units=query.min_units, alpha=query.alpha
    )
    return {"store_id": store.pk} | result.as_dict()


@router.get("/returns.csv", response={200: None})
def return_csv(
    request: HttpRequest,
    store: int | None = None,
    status: ReturnStatus | None = None,
    channel: FulfillmentChannel | None = None,
    sku: str | None = None,
    asin: str | None = None,
) -> HttpResponse:
    """The caller's returns (one store's with ``store``) as CSV, with fault and deadlines."""
    returns = visible(request, Return.objects.all(), store=store)
    if status:
        returns = returns.filter(status=status)
    if channel:
        returns = returns.filter(fulfillment_channel=channel)
    if sku:
        returns = returns.filter(sku=sku)
    if asin:
        returns = returns.filter(asin=asin)
    records = returns_for_export(queryset=returns).iterator(chunk_size=500)
    response = HttpResponse(
        returns_csv(records, now=timezone.now()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="returns.csv"'
    return response
