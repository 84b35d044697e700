"""A rule's own "hours before" for due-soon alerts, end to end: the detector records the
event at the widest window any rule asks for, fan-out holds each user's delivery until their
own hours before the deadline, and an answered conversation's held alert is skipped.

Store zone: Los Angeles (the factory's); the store's own due-soon window is 4 hours.
T = 2026-11-26 15:00 UTC; the conversation is due at T + 6 h = 21:00 UTC.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from sellerdesk.accounts.models import User
from sellerdesk.messaging.models import Conversation
from sellerdesk.notifications.delivery import deliveries_send_due, events_fan_out
from sellerdesk.notifications.detectors.messaging import (
    detect_conversation_due_soon,
    due_soon_hours,
)
from sellerdesk.notifications.models import (
    EventKind,
    NotificationDelivery,
    NotificationEvent,
    NotificationRule,
)
from sellerdesk.notifications.services import channel_create, rule_set
from sellerdesk.stores.models import Store
from tests.factories import ConversationFactory, MembershipFactory, StoreFactory, UserFactory
from tests.notify_support import Receiver

T = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
DUE = T + timedelta(hours=6)


@pytest.fixture
def hook() -> Iterator[Receiver]:
    receiver = Receiver()
    yield receiver
    receiver.stop()


def subscribed(store: Store, hook: Receiver, email: str, params: dict[str, int]) -> User:
    user = UserFactory.create(email=email)
    MembershipFactory.create(user=user, store=store, role="agent")
    channel = channel_create(user=user, name="Hook", url=hook.url(email.split("@")[0]))
    rule_set(
        user=user,
        store=store,
        event=EventKind.CONVERSATION_DUE_SOON,
        enabled=True,
        channels=[channel],
        params=params,
    )
    NotificationRule.objects.filter(user=user).update(created_at=T - timedelta(days=1))
    return user


def paths(hook: Receiver) -> list[str]:
    with hook.lock:
        return sorted(str(p["path"]) for p in hook.posts)


def run(now: datetime, store: Store) -> int:
    recorded = detect_conversation_due_soon(store=store, now=now)
    events_fan_out(now=now)
    deliveries_send_due(now=now)
    return recorded


@pytest.mark.django_db
def test_each_user_hears_at_their_own_hours_before_the_deadline(hook: Receiver) -> None:
    store = StoreFactory.create()
    subscribed(store, hook, "early@example.test", {"hours": 8})
    subscribed(store, hook, "usual@example.test", {})
    conversation = ConversationFactory.create(store=store, due_at=DUE)
    assert due_soon_hours(store) == 8

    # 6 h before: inside the 8-hour rule, outside the store's 4.
    assert run(T, store) == 1
    event = NotificationEvent.objects.get(kind=EventKind.CONVERSATION_DUE_SOON)
    assert event.key == f"conversation:{conversation.pk}:{DUE.isoformat()}"
    order = conversation.amazon_order_id
    assert event.title == f"Response due by 2026-11-26 13:00 PST: order {order}"
    assert paths(hook) == ["/early"]
    held = NotificationDelivery.objects.get(user__email="usual@example.test")
    assert held.status == "pending"
    assert held.not_before == DUE - timedelta(hours=4)

    # An hour before the usual window: nothing new.
    assert run(DUE - timedelta(hours=5), store) == 0
    assert paths(hook) == ["/early"]
    # The usual user's 4 hours: their alert goes, once.
    run(DUE - timedelta(hours=4), store)
    run(DUE - timedelta(hours=3), store)
    assert paths(hook) == ["/early", "/usual"]


@pytest.mark.django_db
def test_an_answered_conversations_held_alert_is_skipped(hook: Receiver) -> None:
    store = StoreFactory.create()
    subscribed(store, hook, "early@example.test", {"hours": 8})
    subscribed(store, hook, "usual@example.test", {})
    conversation = ConversationFactory.create(store=store, due_at=DUE)
    run(T, store)
    assert paths(hook) == ["/early"]

    Conversation.objects.filter(pk=conversation.pk).update(status="answered", due_at=None)
    run(DUE - timedelta(hours=4), store)
    assert paths(hook) == ["/early"]
    held = NotificationDelivery.objects.get(user__email="usual@example.test")
    assert (held.status, held.error) == ("skipped", "resolved before it was sent")
    assert NotificationEvent.objects.get().resolved_at == DUE - timedelta(hours=4)


@pytest.mark.django_db
def test_without_rules_the_window_is_the_stores_and_bad_hours_are_ignored() -> None:
    store = StoreFactory.create()
    assert due_soon_hours(store) == store.response_due_soon_hours == 4
    user = UserFactory.create()
    MembershipFactory.create(user=user, store=store, role="viewer")
    for params in ({"hours": 0}, {"hours": 500}, {"hours": "9"}, {"hours": True}):
        rule_set(
            user=user,
            store=store,
            event=EventKind.CONVERSATION_DUE_SOON,
            enabled=True,
            channels=[],
            params=params,
        )
        assert due_soon_hours(store) == 4
    rule_set(
        user=user,
        store=store,
        event=EventKind.CONVERSATION_DUE_SOON,
        enabled=False,
        channels=[],
        params={"hours": 12},
    )
    assert due_soon_hours(store) == 4
