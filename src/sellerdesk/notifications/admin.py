from __future__ import annotations

from django.contrib import admin

from sellerdesk.notifications.models import NotificationRule


@admin.register(NotificationRule)
class NotificationRuleAdmin(admin.ModelAdmin[NotificationRule]):
    """The channel URL holds credentials and is stored encrypted: not shown here."""

    list_display = ("user", "store", "event", "enabled", "quiet_start", "quiet_end")
    list_filter = ("store", "event", "enabled")
    search_fields = ("user__email", "store__name")
    exclude = ("channel_encrypted",)
    raw_id_fields = ("user",)
    list_select_related = ("user", "store")
