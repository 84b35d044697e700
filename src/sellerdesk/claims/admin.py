from __future__ import annotations

from django.contrib import admin

from sellerdesk.claims.models import Claim


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin[Claim]):
    list_display = (
        "amazon_order_id",
        "store",
        "filed_at",
        "reason",
        "status",
        "funded_by",
        "amount",
        "currency",
        "due_at",
    )
    list_filter = ("store", "status", "reason", "funded_by", "source")
    search_fields = ("amazon_order_id", "reason_text", "notes")
    date_hierarchy = "filed_at"
    raw_id_fields = ("order",)
    list_select_related = ("store",)
    readonly_fields = ("created_at", "updated_at")
