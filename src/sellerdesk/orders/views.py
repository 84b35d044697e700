"""Order pages: the list, and one order with everything that happened around it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sellerdesk.chargebacks.selectors import chargebacks_for_order
from sellerdesk.claims.selectors import claims_for_order
from sellerdesk.feedback.selectors import feedback_for_order
from sellerdesk.messaging.selectors import conversations_for_order
from sellerdesk.orders.models import FulfillmentChannel, Order, OrderStatus
from sellerdesk.orders.selectors import order_items, orders_for_store
from sellerdesk.returns.selectors import returns_for_order
from sellerdesk.web.generic import StoreDetailView, StoreListView
from sellerdesk.web.lists import Column, Filter, ListSpec

ORDER_LIST = ListSpec(
    noun="orders",
    columns=(
        Column("Order"),
        Column("Purchased", sort="purchased"),
        Column("Buyer", sort="buyer"),
        Column("Status"),
        Column("Channel"),
        Column("Ship to"),
        Column("Total", sort="total", css="num"),
    ),
    sorts={"purchased": ("purchase_date",), "buyer": ("buyer_name",), "total": ("order_total",)},
    default_sort="-purchased",
    filters=(
        Filter("status", "Status", choices=OrderStatus.choices),
        Filter(
            "channel", "Channel", lookup="fulfillment_channel", choices=FulfillmentChannel.choices
        ),
    ),
    search_fields=("amazon_order_id", "merchant_order_id", "buyer_name", "tracking_number"),
    search_hint="Order id, buyer or tracking number",
)


class OrderList(StoreListView):
    results_template = "orders/_list_results.html"
    stream = "orders"
    title = "Orders"
    spec = ORDER_LIST
    row_template = "orders/_row.html"

    def get_queryset(self) -> QuerySet[Order]:
        return orders_for_store(store=self.store)


class OrderDetail(StoreDetailView):
    stream = "orders"
    title = "Order"
    template_name = "orders/order_detail.html"
    object: Order

    def get_queryset(self) -> QuerySet[Order]:
        return orders_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        order = self.object
        context.update(
            items=order_items(order=order),
            conversations=conversations_for_order(order=order),
            claims=claims_for_order(order=order),
            chargebacks=chargebacks_for_order(order=order),
            feedback=feedback_for_order(order=order),
            returns=returns_for_order(order=order),
        )
        return context
