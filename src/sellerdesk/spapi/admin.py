from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from sellerdesk.spapi.models import (
    ProactiveMessage,
    ReportRequest,
    ReviewRequestLog,
    ReviewRequestSettings,
    SpApiConnection,
)


@admin.register(SpApiConnection)
class SpApiConnectionAdmin(admin.ModelAdmin[SpApiConnection]):
    list_display = ("store", "client_id", "region", "last_sync_at", "consecutive_failures")
    # The encrypted secrets are never shown or edited here: 'sellerdesk spapi connect' sets them.
    exclude = ("client_secret_encrypted", "refresh_token_encrypted")
    readonly_fields = ("cursors", "last_sync_at", "last_success_at", "last_error")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a connection without its secrets would only fail


@admin.register(ReportRequest)
class ReportRequestAdmin(admin.ModelAdmin[ReportRequest]):
    list_display = ("connection", "kind", "report_id", "status", "window_start", "window_end")
    list_filter = ("kind", "status")


@admin.register(ReviewRequestSettings)
class ReviewRequestSettingsAdmin(admin.ModelAdmin[ReviewRequestSettings]):
    list_display = ("store", "enabled")


@admin.register(ReviewRequestLog)
class ReviewRequestLogAdmin(admin.ModelAdmin[ReviewRequestLog]):
    list_display = ("amazon_order_id", "store", "outcome", "reason", "created_at")
    list_filter = ("outcome", "reason")


@admin.register(ProactiveMessage)
class ProactiveMessageAdmin(admin.ModelAdmin[ProactiveMessage]):
    list_display = ("amazon_order_id", "store", "action", "status", "created_at")
