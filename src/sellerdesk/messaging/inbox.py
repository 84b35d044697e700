"""The inbox as a list of plain rows (CLI ``sellerdesk inbox --json``, exports).

With ``as_of`` the rows show the inbox as it stood at that moment, replayed from
the messages: only conversations that had begun, only messages sent by then,
the status and clock that held then (a "no response needed" counts from when it
was given, per the audit trail).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sellerdesk.audit.models import AuditEvent
from sellerdesk.messaging.clock import ResponsePolicy, amazon_due_at, clock_state, response_due_at
from sellerdesk.messaging.models import Conversation, ConversationStatus, Direction, Message
from sellerdesk.stores.models import Store


def _iso(value: datetime | None, store: Store) -> str | None:
    return value.astimezone(store.tz).isoformat() if value is not None else None


def _replay(messages: list[Message], closed_at: list[datetime]) -> tuple[str, datetime | None]:
    """(status, first unanswered time) from the messages up to a moment."""
    first_unanswered: datetime | None = None
    status = ConversationStatus.ANSWERED
    for message in messages:
        if message.direction == Direction.OUTBOUND:
            status, first_unanswered = ConversationStatus.ANSWERED, None
        elif not message.is_auto_reply:
            if first_unanswered is None:
                first_unanswered = message.sent_at
            status = ConversationStatus.NEEDS_RESPONSE
    if first_unanswered is not None and any(c >= first_unanswered for c in closed_at):
        return ConversationStatus.NO_RESPONSE_NEEDED, None
    return status, first_unanswered


def inbox_rows(*, store: Store, as_of: datetime | None = None) -> list[dict[str, object]]:
    conversations = Conversation.objects.filter(store=store).order_by("due_at", "pk")
    policy = ResponsePolicy.from_store(store)
    rows: list[dict[str, object]] = []
    if as_of is None:
        counts: dict[int, int] = defaultdict(int)
        for conversation_id in Message.objects.filter(conversation__store=store).values_list(
            "conversation_id", flat=True
        ):
            counts[conversation_id] += 1
        for c in conversations:
            rows.append(_row(c, store, c.status, c.first_unanswered_at, c.due_at,
                             c.amazon_due_at, counts[c.pk], None, policy))  # fmt: skip
        return rows
    by_conversation: dict[int, list[Message]] = defaultdict(list)
    for message in Message.objects.filter(conversation__store=store, sent_at__lte=as_of).order_by(
        "sent_at", "pk"
    ):
        by_conversation[message.conversation_id].append(message)
    closed: dict[str, list[datetime]] = defaultdict(list)
    for target_id, at in AuditEvent.objects.filter(
        store=store, action="conversation.no_response_needed", created_at__lte=as_of
    ).values_list("target_id", "created_at"):
        closed[target_id].append(at)
    for c in conversations:
        messages = by_conversation.get(c.pk)
        if not messages:
            continue  # had not begun yet
        status, first = _replay(messages, closed[str(c.pk)])
        due = response_due_at(start=first, policy=policy) if first else None
        amazon = amazon_due_at(start=first, policy=policy) if first else None
        rows.append(_row(c, store, status, first, due, amazon, len(messages), as_of, policy))
    rows.sort(key=lambda r: (r["due_at"] is None, str(r["due_at"] or "")))
    return rows


def _row(
    c: Conversation,
    store: Store,
    status: str,
    first: datetime | None,
    due: datetime | None,
    amazon: datetime | None,
    messages: int,
    as_of: datetime | None,
    policy: ResponsePolicy,
) -> dict[str, object]:
    from django.utils import timezone

    clock = None
    if status == ConversationStatus.NEEDS_RESPONSE and due is not None:
        clock = clock_state(due, as_of or timezone.now(), store.response_due_soon_hours)
    return {
        "id": c.pk,
        "order_id": c.amazon_order_id or None,
        "buyer": c.buyer_name or c.buyer_key,
        "status": str(status),
        "intent": c.intent,
        "due_at": _iso(due, store),
        "amazon_due_at": _iso(amazon, store),
        "first_unanswered_at": _iso(first, store),
        "clock": clock,
        "messages": messages,
    }
