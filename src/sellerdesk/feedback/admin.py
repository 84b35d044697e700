from __future__ import annotations

from django.contrib import admin

from sellerdesk.feedback.models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin[Feedback]):
    list_display = ("amazon_order_id", "store", "left_on", "rating", "status", "reply_status")
    list_filter = ("store", "rating", "status", "reply_status", "source")
    search_fields = ("amazon_order_id", "comment", "rater_email")
    date_hierarchy = "left_on"
    raw_id_fields = ("order",)
    list_select_related = ("store",)
    readonly_fields = ("created_at", "updated_at")
