from __future__ import annotations

from django.contrib import admin

from sellerdesk.reviews.models import Review


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin[Review]):
    list_display = ("__str__", "store", "asin", "rating", "author", "reviewed_on", "status")
    list_filter = ("store", "rating", "status", "verified_purchase", "source")
    search_fields = ("review_id", "asin", "sku", "title", "body", "author")
    date_hierarchy = "reviewed_on"
    list_select_related = ("store",)
    readonly_fields = ("created_at", "updated_at")
