from __future__ import annotations

from django.contrib import admin

from sellerdesk.chargebacks.models import Chargeback


@admin.register(Chargeback)
class ChargebackAdmin(admin.ModelAdmin[Chargeback]):
    list_display = (
        "amazon_order_id",
        "store",
        "received_at",
        "kind",
        "status",
        "amount",
        "currency",
        "due_at",
    )
    list_filter = ("store", "status", "kind", "source")
    search_fields = ("amazon_order_id", "notes")
    date_hierarchy = "received_at"
    raw_id_fields = ("order",)
    list_select_related = ("store",)
    readonly_fields = ("created_at", "updated_at")
