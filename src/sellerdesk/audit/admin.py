from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from sellerdesk.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """The audit log is append-only: it can be read here, never edited."""

    list_display = ("created_at", "action", "actor", "store", "target_type", "target_id")
    list_filter = ("action", "store")
    search_fields = ("action", "actor__email", "target_type", "target_id")
    date_hierarchy = "created_at"
    list_select_related = ("actor", "store")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
