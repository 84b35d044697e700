"""A-to-z claim pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sellerdesk.claims.models import Claim, ClaimReason, ClaimStatus, FundedBy
from sellerdesk.claims.selectors import claims_for_store
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.web.generic import StoreDetailView, StoreListView
from sellerdesk.web.lists import Column, Filter, ListSpec

CLAIM_LIST = ListSpec(
    noun="claims",
    columns=(
        Column("Order"),
        Column("Filed", sort="filed"),
        Column("Reason"),
        Column("Status"),
        Column("Funded by"),
        Column("Amount", sort="amount", css="num"),
        Column("Respond by", sort="due"),
    ),
    sorts={"filed": ("filed_at",), "amount": ("amount",), "due": ("due_at",)},
    default_sort="-filed",
    filters=(
        Filter("status", "Status", choices=ClaimStatus.choices),
        Filter("reason", "Reason", choices=ClaimReason.choices),
        Filter("funded_by", "Funded by", choices=FundedBy.choices),
    ),
    search_fields=("amazon_order_id", "reason_text", "notes"),
    search_hint="Order id or notes",
)


class ClaimList(StoreListView):
    stream = "claims"
    title = "A-to-z claims"
    spec = CLAIM_LIST
    row_template = "claims/_row.html"

    def get_queryset(self) -> QuerySet[Claim]:
        return claims_for_store(store=self.store)


class ClaimDetail(StoreDetailView):
    stream = "claims"
    title = "A-to-z claim"
    template_name = "claims/claim_detail.html"
    object: Claim

    def get_queryset(self) -> QuerySet[Claim]:
        return claims_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["order"] = order_for_record(
            store=self.store,
            order_id=self.object.order_id,
            amazon_order_id=self.object.amazon_order_id,
        )
        return context
