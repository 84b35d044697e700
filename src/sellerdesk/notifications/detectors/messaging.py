"""Buyer messages: a response due soon, a response overdue, a new buyer message.

* **Due soon**: a conversation waiting for a response (``needs_response``) whose
  ``due_at`` (the store's policy clock) lies within the store's
  ``response_due_soon_hours`` (4) — or within a user's rule that asks earlier
  (``params={"hours": 8}``): the event is recorded at the earliest hour any rule wants, and
  fan-out holds each user's delivery until that user's own hours before the deadline
  (``delivery.due_soon_not_before``). Once the conversation is answered or its clock moves,
  the open event is resolved, so a held delivery is skipped, not sent late. Warning.
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
from sellerdesk.notifications.models import (
    EventKind,
    NotificationEvent,
    NotificationRule,
    Severity,
)
from sellerdesk.stores.models import Store

# The most "hours before" a rule may ask for a due-soon alert.
MAX_HOURS = 72


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


def rule_hours(params: object) -> int | None:
    """A rule's own "hours before" for due soon (``{"hours": n}``, 1 to 72), or None."""
    hours = params.get("hours") if isinstance(params, dict) else None
    if isinstance(hours, int) and not isinstance(hours, bool) and 1 <= hours <= MAX_HOURS:
        return hours
    return None


def due_soon_hours(store: Store) -> int:
    """The widest due-soon window any enabled rule of the store asks for (at least the
    store's own)."""
    asked = (
        rule_hours(params)
        for params in NotificationRule.objects.filter(
            store=store, event=EventKind.CONVERSATION_DUE_SOON, enabled=True
        ).values_list("params", flat=True)
    )
    return max([store.response_due_soon_hours, *(h for h in asked if h is not None)])


def due_soon_deadline(key: str) -> datetime | None:
    """The deadline a due-soon key carries (``conversation:<id>:<due_at iso>``)."""
    try:
        return datetime.fromisoformat(key.split(":", 2)[2])
    except (IndexError, ValueError):
        return None


def _resolve_stale_due_soon(store: Store, now: datetime) -> None:
    """Open due-soon events whose conversation was answered, or whose clock moved, or whose
    deadline passed: resolved, so deliveries still held for them are skipped."""
    open_events = NotificationEvent.objects.filter(
        store=store, kind=EventKind.CONVERSATION_DUE_SOON, resolved_at__isnull=True
    ).values_list("key", flat=True)
    keys = list(open_events)
    if not keys:
        return
    ids = {int(key.split(":")[1]) for key in keys}
    live = {
        f"conversation:{pk}:{due.isoformat()}"
        for pk, due in Conversation.objects.filter(
            pk__in=ids, status=ConversationStatus.NEEDS_RESPONSE, due_at__gt=now
        ).values_list("pk", "due_at")
        if due is not None
    }
    stale = [key for key in keys if key not in live]
    NotificationEvent.objects.filter(
        store=store, kind=EventKind.CONVERSATION_DUE_SOON, key__in=stale
    ).update(resolved_at=now)


def detect_conversation_due_soon(*, store: Store, now: datetime) -> int:
    _resolve_stale_due_soon(store, now)
    soon = now + timedelta(hours=due_soon_hours(store))
    rows = Conversation.objects.filter(
        store=store, status=ConversationStatus.NEEDS_RESPONSE, due_at__gte=now, due_at__lte=soon
    ).order_by("due_at", "pk")
    drafts = []
    for c in rows:
        if c.due_at is None:  # filtered out by the query; narrows the type
            continue
        drafts.append(
            Draft(
                key=f"conversation:{c.pk}:{c.due_at.isoformat()}",
                # The deadline, not "in N h": a delivery may wait for the user's own hours.
                title=f"Response due by {local_time(c.due_at, store)}: {_about(c)}",
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
