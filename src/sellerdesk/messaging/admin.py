from __future__ import annotations

from django.contrib import admin

from sellerdesk.messaging.models import Attachment, Conversation, Message, Reply, ReplyTemplate


class MessageInline(admin.StackedInline[Message, Conversation]):
    model = Message
    extra = 0
    # Buyer HTML is shown as text in a form field, never rendered.
    fields = ("direction", "sender", "recipient", "sent_at", "subject", "body_text", "intent")
    readonly_fields = fields
    show_change_link = True


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin[Conversation]):
    list_display = (
        "__str__",
        "store",
        "buyer_name",
        "amazon_order_id",
        "status",
        "intent",
        "due_at",
        "assigned_to",
    )
    list_filter = ("store", "status", "intent", "source")
    search_fields = ("subject", "buyer_name", "buyer_key", "amazon_order_id")
    list_select_related = ("store", "assigned_to")
    raw_id_fields = ("order", "assigned_to")
    readonly_fields = ("created_at", "updated_at")
    inlines = (MessageInline,)


class AttachmentInline(admin.TabularInline[Attachment, Message]):
    model = Attachment
    extra = 0
    readonly_fields = ("filename", "content_type", "size", "sha256", "path")


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin[Message]):
    list_display = ("__str__", "conversation", "direction", "sender", "sent_at", "is_auto_reply")
    list_filter = ("direction", "is_auto_reply", "conversation__store")
    search_fields = ("subject", "sender", "recipient", "message_id", "body_text")
    date_hierarchy = "sent_at"
    raw_id_fields = ("conversation", "author")
    list_select_related = ("conversation",)
    inlines = (AttachmentInline,)


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin[Attachment]):
    list_display = ("filename", "content_type", "size", "message")
    search_fields = ("filename", "sha256")
    list_filter = ("content_type",)
    raw_id_fields = ("message",)


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin[ReplyTemplate]):
    list_display = ("name", "store", "slug", "language", "intent", "is_active")
    list_filter = ("store", "language", "intent", "is_active")
    search_fields = ("name", "slug", "subject", "body")
    list_select_related = ("store",)


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin[Reply]):
    list_display = ("__str__", "conversation", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "conversation__store")
    search_fields = ("to_address", "subject", "message_id")
    raw_id_fields = ("conversation", "author", "template", "sent_message", "channel")
    # The outbox is driven by the worker; the admin only looks.
    readonly_fields = (
        "message_id", "status", "attempts", "claimed_by", "claimed_at", "data_started_at",
        "sent_at", "smtp_response", "last_error", "override_reason", "created_at",
    )  # fmt: skip
