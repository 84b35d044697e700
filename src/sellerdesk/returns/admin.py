from __future__ import annotations

from django.contrib import admin

from sellerdesk.returns.models import Return


@admin.register(Return)
class ReturnAdmin(admin.ModelAdmin[Return]):
    list_display = (
        "amazon_order_id",
        "store",
        "sku",
        "reason_code",
        "fulfillment_channel",
        "status",
        "requested_at",
    )
    list_filter = ("store", "status", "fulfillment_channel", "in_policy", "source")
    search_fields = ("amazon_order_id", "sku", "asin", "rma_id", "external_key", "title")
    date_hierarchy = "requested_at"
    raw_id_fields = ("order",)
    list_select_related = ("store",)
    readonly_fields = ("created_at", "updated_at")
