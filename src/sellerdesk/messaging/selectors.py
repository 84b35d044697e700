"""Reads for conversations and messages, scoped to a store."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet

from sellerdesk.messaging.clock import ClockState
from sellerdesk.messaging.models import Attachment, Conversation, ConversationStatus, Message
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store


def conversations_for_store(*, store: Store) -> QuerySet[Conversation]:
    return (
        Conversation.objects.filter(store=store)
        .select_related("assigned_to")
        .annotate(message_count=Count("messages"))
    )


def conversations_in_clock_state(
    *, queryset: QuerySet[Conversation], state: ClockState, now: datetime, due_soon_hours: int
) -> QuerySet[Conversation]:
    """Conversations waiting for a reply whose deadline is past (``overdue``), within
    ``due_soon_hours`` (``due_soon``, inclusive) or further away (``on_time``): the
    same boundaries as ``messaging.clock.clock_state``."""
    soon = now + timedelta(hours=due_soon_hours)
    waiting = queryset.filter(status=ConversationStatus.NEEDS_RESPONSE, due_at__isnull=False)
    if state == "overdue":
        return waiting.filter(due_at__lt=now)
    if state == "due_soon":
        return waiting.filter(due_at__gte=now, due_at__lte=soon)
    if state == "on_time":
        return waiting.filter(due_at__gt=soon)
    raise ValueError(f"unknown clock state {state!r}")


def messages_for_conversation(*, conversation: Conversation) -> QuerySet[Message]:
    return (
        Message.objects.filter(conversation=conversation)
        .select_related("author")
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("id")))
        .order_by("sent_at", "id")
    )


def conversations_for_order(*, order: Order) -> QuerySet[Conversation]:
    """The order's conversations: linked to it, or naming its order id."""
    return (
        Conversation.objects.filter(store_id=order.store_id)
        .filter(Q(order=order) | Q(amazon_order_id=order.amazon_order_id))
        .select_related("assigned_to")
        .order_by("-last_message_at", "-pk")
    )
