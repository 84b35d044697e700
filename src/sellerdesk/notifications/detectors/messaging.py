"""Buyer messages: a response due soon, a response overdue, a new buyer message.

* **Due soon**: a conversation waiting for a response (``needs_response``) whose
  ``due_at`` (the store's policy clock) lies within the store's
  ``response_due_soon_hours`` (4) and has not passed. Warning.
* **Overdue**: still waiting, ``due_at`` passed — at most ``notify_recent_hours`` (24)
  ago, so a desk switched on over a backlog does not alert on every old thread. Urgent.
  Both keys carry the deadline (``conversation:<id>:<due_at>``): a conversation that is
  answered, then reopened by a new buyer message, has a new clock and alerts again.
* **New buyer message**: an inbound message, not an auto-reply, stored in the last
  ``notify_recent_hours`` and sent in the last ``notify_recent_days`` (14). Info. The
  body quotes at most a short excerpt of the buyer's words.

Queries: the conversation ones use the (store, status, due_at) index, bounded on both
sides; the message one is bounded by the indexed ``sent_at``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sellerdesk.messaging.models import Conversation, ConversationStatus, Direction, Message
from sellerdesk.notifications.detectors.window import Recent
from sellerdesk.notifications.events import (
    Draft,
    desk_link,
    drafts_record,
    excerpt,
    local_time,
    notify_setting,
)
from sellerdesk.notifications.models import EventKind, Severity
from sellerdesk.stores.models import Store


def _about(conversation: Conversation) -> str:
    if conversation.amazon_order_id:
        return f"order {conversation.amazon_order_id}"
    return f"conversation #{conversation.pk}"


def _clock_body(conversation: Conversation, due_at: datetime, store: Store) -> str:
    lines = []
    if conversation.buyer_name:
        lines.append(f"Buyer: {excerpt(conversation.buyer_name, 60)}")
    lines.append(f"Due (store policy): {local_time(due_at, store)}")
    if conversation.amazon_due_at is not None:
        lines.append(f"Due (Amazon, 24 h): {local_time(conversation.amazon_due_at, store)}")
    return "\n".join(lines)


def detect_conversation_due_soon(*, store: Store, now: datetime) -> int:
    soon = now + timedelta(hours=store.response_due_soon_hours)
    rows = Conversation.objects.filter(
        store=store, status=ConversationStatus.NEEDS_RESPONSE, due_at__gte=now, due_at__lte=soon
    ).order_by("due_at", "pk")
    drafts = []
    for c in rows:
        if c.due_at is None:  # filtered out by the query; narrows the type
            continue
        hours_left = max(1, round((c.due_at - now).total_seconds() / 3600))
        drafts.append(
            Draft(
                key=f"conversation:{c.pk}:{c.due_at.isoformat()}",
                title=f"Response due in {hours_left} h: {_about(c)}",
                body=_clock_body(c, c.due_at, store),
                link=desk_link(store, "inbox_detail", pk=c.pk),
                severity=Severity.WARNING,
                occurred_at=now,
            )
        )
    return drafts_record(store=store, kind=EventKind.CONVERSATION_DUE_SOON, drafts=drafts)


def detect_conversation_overdue(*, store: Store, now: datetime) -> int:
    since = now - timedelta(hours=notify_setting(store, "notify_recent_hours"))
    rows = Conversation.objects.filter(
        store=store, status=ConversationStatus.NEEDS_RESPONSE, due_at__gte=since, due_at__lt=now
    ).order_by("due_at", "pk")
    drafts = []
    for c in rows:
        if c.due_at is None:  # filtered out by the query; narrows the type
            continue
        drafts.append(
            Draft(
                key=f"conversation:{c.pk}:{c.due_at.isoformat()}",
                title=f"Response overdue: {_about(c)}",
                body=_clock_body(c, c.due_at, store),
                link=desk_link(store, "inbox_detail", pk=c.pk),
                severity=Severity.URGENT,
                occurred_at=c.due_at,
            )
        )
    return drafts_record(store=store, kind=EventKind.CONVERSATION_OVERDUE, drafts=drafts)


def detect_new_buyer_message(*, store: Store, now: datetime) -> int:
    recent = Recent.of(store, now)
    rows = (
        Message.objects.filter(
            conversation__store=store,
            direction=Direction.INBOUND,
            is_auto_reply=False,
            sent_at__gte=recent.since,
            sent_at__lte=now,
            created_at__gte=recent.learned_since,
        )
        .select_related("conversation")
        .order_by("sent_at", "pk")
    )
    drafts = []
    for m in rows:
        c = m.conversation
        who = f" from {excerpt(c.buyer_name, 60)}" if c.buyer_name else ""
        quote = excerpt(m.body_text)
        drafts.append(
            Draft(
                key=f"message:{m.pk}",
                title=f"New buyer message{who}: {_about(c)}",
                body=f"“{quote}”" if quote else "(no text)",
                link=desk_link(store, "inbox_detail", pk=c.pk),
                severity=Severity.INFO,
                occurred_at=m.sent_at,
            )
        )
    return drafts_record(store=store, kind=EventKind.NEW_BUYER_MESSAGE, drafts=drafts)
