from __future__ import annotations

from django.contrib import admin

from sellerdesk.mail.models import InboundEmail, MailChannel


@admin.register(MailChannel)
class MailChannelAdmin(admin.ModelAdmin[MailChannel]):
    list_display = (
        "name",
        "store",
        "kind",
        "imap_host",
        "is_active",
        "last_fetch_at",
        "last_error",
    )
    list_filter = ("kind", "is_active", "store")
    search_fields = ("name", "imap_host", "imap_user", "from_address")
    # Passwords are stored encrypted and set from the CLI or the channel page, never shown.
    exclude = ("imap_password_encrypted", "smtp_password_encrypted")
    readonly_fields = (
        "uidvalidity", "last_uid", "last_fetch_at", "last_error", "consecutive_failures",
        "created_at",
    )  # fmt: skip


@admin.register(InboundEmail)
class InboundEmailAdmin(admin.ModelAdmin[InboundEmail]):
    list_display = ("__str__", "channel", "kind", "status", "received_at", "from_address")
    list_filter = ("status", "kind", "channel__store")
    search_fields = ("subject", "from_address", "dedupe_key", "reason")
    date_hierarchy = "received_at"
    # The raw bytes are kept as evidence and never edited or rendered here.
    exclude = ("raw",)
    readonly_fields = (
        "channel", "dedupe_key", "header_message_id", "sha256", "size", "imap_uid", "source",
        "received_at", "from_address", "subject", "kind", "status", "reason", "processed_at",
        "attempts", "conversation", "message", "created_at",
    )  # fmt: skip

    def has_add_permission(self, request: object) -> bool:
        return False
