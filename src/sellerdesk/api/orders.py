"""/orders, with their items in the detail."""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from typing import Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router

from sellerdesk.api.schemas import OrderDetail, OrderOut
from sellerdesk.api.scoping import ordered, paginated, visible, visible_or_404
from sellerdesk.orders.models import FulfillmentChannel, Order, OrderItem, OrderStatus

router = Router(tags=["orders"])

OrderOrdering = Literal[
    "purchase_date", "-purchase_date", "order_total", "-order_total", "shipped_at", "-shipped_at"
]


@router.get("/orders", response=list[OrderOut])
@paginated
def order_list(
    request: HttpRequest,
    store: int | None = None,
    status: OrderStatus | None = None,
    channel: FulfillmentChannel | None = None,
    asin: str | None = None,
    amazon_order_id: str | None = None,
    ordering: OrderOrdering = "-purchase_date",
) -> QuerySet[Order]:
    orders = visible(request, Order.objects.all(), store=store)
    if status:
        orders = orders.filter(status=status)
    if channel:
        orders = orders.filter(fulfillment_channel=channel)
    if asin:
        orders = orders.filter(pk__in=OrderItem.objects.filter(asin=asin).values("order_id"))
    if amazon_order_id:
        orders = orders.filter(amazon_order_id=amazon_order_id)
    return ordered(orders, ordering)


@router.get("/orders/{id}", response=OrderDetail)
def order_detail(request: HttpRequest, id: int) -> Order:
    return visible_or_404(request, Order.objects.prefetch_related("items"), pk=id)
