"""Customer return pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sellerdesk.orders.models import FulfillmentChannel
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.returns.selectors import return_reason_codes, returns_for_store
from sellerdesk.web.generic import StoreDetailView, StoreListView
from sellerdesk.web.lists import Choices, Column, Filter, ListContext, ListSpec


def _reason_codes(ctx: ListContext) -> Choices:
    return [(code, code) for code in return_reason_codes(store=ctx.store)]


RETURN_LIST = ListSpec(
    noun="returns",
    columns=(
        Column("Order"),
        Column("Item", sort="sku"),
        Column("Reason"),
        Column("Channel"),
        Column("Status"),
        Column("Requested", sort="requested"),
        Column("Qty", css="num"),
    ),
    sorts={"requested": ("requested_at",), "sku": ("sku",)},
    default_sort="-requested",
    filters=(
        Filter("status", "Status", choices=ReturnStatus.choices),
        Filter("reason", "Reason code", lookup="reason_code", choices=_reason_codes),
        Filter(
            "channel", "Channel", lookup="fulfillment_channel", choices=FulfillmentChannel.choices
        ),
    ),
    search_fields=("amazon_order_id", "sku", "asin", "title", "rma_id", "buyer_comment"),
    search_hint="Order id, SKU, ASIN, RMA or comment",
)


class ReturnList(StoreListView):
    stream = "returns"
    title = "Returns"
    spec = RETURN_LIST
    row_template = "returns/_row.html"

    def get_queryset(self) -> QuerySet[Return]:
        return returns_for_store(store=self.store)


class ReturnDetail(StoreDetailView):
    stream = "returns"
    title = "Return"
    template_name = "returns/return_detail.html"
    object: Return

    def get_queryset(self) -> QuerySet[Return]:
        return returns_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["order"] = order_for_record(
            store=self.store,
            order_id=self.object.order_id,
            amazon_order_id=self.object.amazon_order_id,
        )
        return context
