from __future__ import annotations

from django.contrib import admin

from sellerdesk.checklist.models import ChecklistTask


@admin.register(ChecklistTask)
class ChecklistTaskAdmin(admin.ModelAdmin[ChecklistTask]):
    list_display = ("task", "store", "cadence", "period_start", "due", "done_at", "done_by")
    list_filter = ("store", "task", "cadence")
    search_fields = ("store__name", "done_by__email")
    date_hierarchy = "due"
    raw_id_fields = ("done_by",)
    list_select_related = ("store", "done_by")
