from __future__ import annotations

from django.contrib import admin

from sellerdesk.notifications.models import (
    DigestLog,
    NotificationChannel,
    NotificationDelivery,
    NotificationEvent,
    NotificationPreferences,
    NotificationRule,
)


@admin.register(NotificationChannel)
class NotificationChannelAdmin(admin.ModelAdmin[NotificationChannel]):
    """The apprise URL holds credentials and is stored encrypted: only its hint is shown."""

    list_display = ("user", "name", "kind", "url_hint", "enabled", "consecutive_failures")
    list_filter = ("kind", "enabled")
    search_fields = ("user__email", "name")
    exclude = ("url_encrypted",)
    readonly_fields = ("url_hint", "last_sent_at", "last_error", "consecutive_failures")
    raw_id_fields = ("user",)


@admin.register(NotificationPreferences)
class NotificationPreferencesAdmin(admin.ModelAdmin[NotificationPreferences]):
    list_display = ("user", "quiet_start", "quiet_end", "max_per_hour", "digest_enabled")
    raw_id_fields = ("user", "digest_channel")


@admin.register(NotificationRule)
class NotificationRuleAdmin(admin.ModelAdmin[NotificationRule]):
    list_display = ("user", "store", "event", "enabled")
    list_filter = ("store", "event", "enabled")
    search_fields = ("user__email", "store__name")
    raw_id_fields = ("user",)
    list_select_related = ("user", "store")


@admin.register(NotificationEvent)
class NotificationEventAdmin(admin.ModelAdmin[NotificationEvent]):
    list_display = ("occurred_at", "store", "kind", "severity", "title", "resolved_at")
    list_filter = ("store", "kind", "severity")
    search_fields = ("title", "key")


@admin.register(NotificationDelivery)
class NotificationDeliveryAdmin(admin.ModelAdmin[NotificationDelivery]):
    list_display = ("created_at", "user", "channel", "status", "attempts", "sent_at")
    list_filter = ("status",)
    raw_id_fields = ("event", "user", "channel", "summary_of")


@admin.register(DigestLog)
class DigestLogAdmin(admin.ModelAdmin[DigestLog]):
    list_display = ("day", "user", "status", "sent_at")
    list_filter = ("status",)
    raw_id_fields = ("user",)
