from __future__ import annotations

from django.contrib import admin

from sellerdesk.jobs.models import PeriodicJob


@admin.register(PeriodicJob)
class PeriodicJobAdmin(admin.ModelAdmin[PeriodicJob]):
    list_display = (
        "name",
        "task_path",
        "interval_seconds",
        "next_run_at",
        "last_run_at",
        "enabled",
    )
    list_filter = ("enabled",)
    search_fields = ("name", "task_path")
    readonly_fields = ("last_run_at", "run_count")
