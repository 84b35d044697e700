"""Reads for conversations and messages, scoped to a store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.claims.models import Claim
from sellerdesk.feedback.models import Feedback
from sellerdesk.messaging.clock import ClockState
from sellerdesk.messaging.models import (
    Attachment,
    Conversation,
    ConversationStatus,
    Message,
    Reply,
    ReplyStatus,
)
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.returns.models import Return
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


def conversations_search(queryset: QuerySet[Any], words: Sequence[str]) -> QuerySet[Any]:
    """Conversations in which every word occurs (case-insensitively) in the subject,
    the buyer's name or alias, the order id or the text of any of their messages.

    Messages are looked into with ``EXISTS``, so a conversation is never repeated
    and the message count annotation stays right (SQLite and PostgreSQL alike).
    """
    for word in words:
        in_messages = Message.objects.filter(conversation=OuterRef("pk"), body_text__icontains=word)
        queryset = queryset.filter(
            Q(subject__icontains=word)
            | Q(buyer_name__icontains=word)
            | Q(buyer_key__icontains=word)
            | Q(amazon_order_id__icontains=word)
            | Exists(in_messages)
        )
    return queryset


def replies_for_conversation(*, conversation: Conversation) -> QuerySet[Reply]:
    """Every reply of the outbox for this conversation, oldest first."""
    return (
        Reply.objects.filter(conversation=conversation)
        .select_related("author")
        .order_by("created_at", "pk")
    )


PENDING_REPLY_STATUSES = (ReplyStatus.QUEUED, ReplyStatus.SENDING)


def conversations_of_buyer(*, conversation: Conversation) -> QuerySet[Conversation]:
    """The buyer's other conversations in the same store (same relay alias)."""
    return (
        Conversation.objects.filter(
            store_id=conversation.store_id, buyer_key=conversation.buyer_key
        )
        .exclude(pk=conversation.pk)
        .order_by("-last_message_at", "-pk")
    )


def attachments_for_store(*, store: Store) -> QuerySet[Attachment]:
    return Attachment.objects.filter(message__conversation__store=store)


@dataclass(frozen=True, slots=True)
class OrderRecords:
    """What else happened on a conversation's order, in the same store."""

    items: list[OrderItem]
    claims: list[Claim]
    chargebacks: list[Chargeback]
    returns: list[Return]
    feedback: list[Feedback]


def order_records(*, store: Store, order: Order | None, amazon_order_id: str) -> OrderRecords:
    """The order's items and its claims, chargebacks, returns and feedback: linked to
    the order, or naming its order id (the order itself may not be imported yet)."""
    if order is None and not amazon_order_id:
        return OrderRecords([], [], [], [], [])
    match = Q(amazon_order_id=order.amazon_order_id if order else amazon_order_id)
    if order is not None:
        match |= Q(order=order)
    items = list(OrderItem.objects.filter(order=order).order_by("id")) if order else []
    return OrderRecords(
        items=items,
        claims=list(Claim.objects.filter(store=store).filter(match).order_by("-filed_at", "-pk")),
        chargebacks=list(
            Chargeback.objects.filter(store=store).filter(match).order_by("-received_at", "-pk")
        ),
        returns=list(
            Return.objects.filter(store=store).filter(match).order_by("-requested_at", "-pk")
        ),
        feedback=list(
            Feedback.objects.filter(store=store).filter(match).order_by("-left_on", "-pk")
        ),
    )
