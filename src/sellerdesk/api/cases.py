"""/claims, /chargebacks, /returns: cases with money and a deadline."""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from typing import Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router

from sellerdesk.api.schemas import ChargebackOut, ClaimOut, ReturnOut
from sellerdesk.api.scoping import ordered, paginated, visible, visible_or_404
from sellerdesk.chargebacks.models import Chargeback, ChargebackKind, ChargebackStatus
from sellerdesk.claims.models import Claim, ClaimReason, ClaimStatus
from sellerdesk.orders.models import FulfillmentChannel
from sellerdesk.returns.models import Return, ReturnStatus

router = Router()

ClaimOrdering = Literal["filed_at", "-filed_at", "due_at", "-due_at", "amount", "-amount"]
ChargebackOrdering = Literal[
    "received_at", "-received_at", "due_at", "-due_at", "amount", "-amount"
]
ReturnOrdering = Literal["requested_at", "-requested_at", "due_at", "-due_at", "amount", "-amount"]


@router.get("/claims", response=list[ClaimOut], tags=["claims"])
@paginated
def claim_list(
    request: HttpRequest,
    store: int | None = None,
    status: ClaimStatus | None = None,
    reason: ClaimReason | None = None,
    amazon_order_id: str | None = None,
    ordering: ClaimOrdering = "-filed_at",
) -> QuerySet[Claim]:
    claims = visible(request, Claim.objects.all(), store=store)
    return ordered(claims_matching(claims, status, reason, amazon_order_id), ordering)


def claims_matching(
    claims: QuerySet[Claim],
    status: ClaimStatus | None,
    reason: ClaimReason | None,
    amazon_order_id: str | None,
) -> QuerySet[Claim]:
    """The list's filters (an empty one matches all), shared with ``/claims.csv``."""
    if status:
        claims = claims.filter(status=status)
    if reason:
        claims = claims.filter(reason=reason)
    if amazon_order_id:
        claims = claims.filter(amazon_order_id=amazon_order_id)
    return claims


@router.get("/claims/{id}", response=ClaimOut, tags=["claims"])
def claim_detail(request: HttpRequest, id: int) -> Claim:
    return visible_or_404(request, Claim.objects.all(), pk=id)


@router.get("/chargebacks", response=list[ChargebackOut], tags=["chargebacks"])
@paginated
def chargeback_list(
    request: HttpRequest,
    store: int | None = None,
    status: ChargebackStatus | None = None,
    kind: ChargebackKind | None = None,
    amazon_order_id: str | None = None,
    ordering: ChargebackOrdering = "-received_at",
) -> QuerySet[Chargeback]:
    # The store's ODR setting judges each chargeback (ChargebackOut.counts_in_odr).
    chargebacks = visible(request, Chargeback.objects.select_related("store"), store=store)
    return ordered(chargebacks_matching(chargebacks, status, kind, amazon_order_id), ordering)


def chargebacks_matching(
    chargebacks: QuerySet[Chargeback],
    status: ChargebackStatus | None,
    kind: ChargebackKind | None,
    amazon_order_id: str | None,
) -> QuerySet[Chargeback]:
    """The list's filters (an empty one matches all), shared with ``/chargebacks.csv``."""
    if status:
        chargebacks = chargebacks.filter(status=status)
    if kind:
        chargebacks = chargebacks.filter(kind=kind)
    if amazon_order_id:
        chargebacks = chargebacks.filter(amazon_order_id=amazon_order_id)
    return chargebacks


@router.get("/chargebacks/{id}", response=ChargebackOut, tags=["chargebacks"])
def chargeback_detail(request: HttpRequest, id: int) -> Chargeback:
    return visible_or_404(request, Chargeback.objects.select_related("store"), pk=id)


@router.get("/returns", response=list[ReturnOut], tags=["returns"])
@paginated
def return_list(
    request: HttpRequest,
    store: int | None = None,
    status: ReturnStatus | None = None,
    channel: FulfillmentChannel | None = None,
    asin: str | None = None,
    sku: str | None = None,
    amazon_order_id: str | None = None,
    ordering: ReturnOrdering = "-requested_at",
) -> QuerySet[Return]:
    returns = visible(request, Return.objects.select_related("store"), store=store)
    if status:
        returns = returns.filter(status=status)
    if channel:
        returns = returns.filter(fulfillment_channel=channel)
    if asin:
        returns = returns.filter(asin=asin)
    if sku:
        returns = returns.filter(sku=sku)
    if amazon_order_id:
        returns = returns.filter(amazon_order_id=amazon_order_id)
    return ordered(returns, ordering)


@router.get("/returns/{id}", response=ReturnOut, tags=["returns"])
def return_detail(request: HttpRequest, id: int) -> Return:
    return visible_or_404(request, Return.objects.select_related("store"), pk=id)
