"""Chargeback pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sellerdesk.chargebacks.models import Chargeback, ChargebackKind, ChargebackStatus
from sellerdesk.chargebacks.selectors import chargebacks_for_store
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.web.generic import StoreDetailView, StoreListView
from sellerdesk.web.lists import Column, Filter, ListSpec

CHARGEBACK_LIST = ListSpec(
    noun="chargebacks",
    columns=(
        Column("Order"),
        Column("Received", sort="received"),
        Column("Kind"),
        Column("Status"),
        Column("Amount", sort="amount", css="num"),
        Column("Respond by", sort="due"),
    ),
    sorts={"received": ("received_at",), "amount": ("amount",), "due": ("due_at",)},
    default_sort="-received",
    filters=(
        Filter("status", "Status", choices=ChargebackStatus.choices),
        Filter("kind", "Kind", choices=ChargebackKind.choices),
    ),
    search_fields=("amazon_order_id", "notes"),
    search_hint="Order id or notes",
)


class ChargebackList(StoreListView):
    stream = "chargebacks"
    title = "Chargebacks"
    spec = CHARGEBACK_LIST
    row_template = "chargebacks/_row.html"

    def get_queryset(self) -> QuerySet[Chargeback]:
        return chargebacks_for_store(store=self.store)


class ChargebackDetail(StoreDetailView):
    stream = "chargebacks"
    title = "Chargeback"
    template_name = "chargebacks/chargeback_detail.html"
    object: Chargeback

    def get_queryset(self) -> QuerySet[Chargeback]:
        return chargebacks_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["order"] = order_for_record(
            store=self.store,
            order_id=self.object.order_id,
            amazon_order_id=self.object.amazon_order_id,
        )
        return context
