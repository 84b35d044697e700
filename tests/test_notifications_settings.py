"""Notification settings: channels (apprise URLs, encrypted), preferences and rules."""

from __future__ import annotations

from datetime import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.notifications.channels import ChannelError, channel_describe
from sellerdesk.notifications.models import RECOMMENDED_EVENTS, NotificationRule
from sellerdesk.notifications.selectors import preferences_for, rules_for
from sellerdesk.notifications.services import (
    channel_create,
    channel_delete,
    channel_update,
    channel_url,
    preferences_update,
    rule_set,
    rules_recommend,
)
from sellerdesk.stores.models import Store
from tests.factories import MembershipFactory, StoreFactory, UserFactory

SECRET = "T0ken-s3cret-9f8e7d"
HOOK = f"json://desk:{SECRET}@127.0.0.1:8099/hook"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("mailto://user:pw@example.com?to=me@example.com", "email"),
        ("mailtos://user:pw@example.com?to=me@example.com", "email"),
        ("slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ", "slack"),
        ("discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js", "discord"),
        ("tgram://123456789:abcdefg_hijklmnop/lead2gold/", "telegram"),
        ("workflows://host:443/workflow1/signature/", "teams"),
        ("json://127.0.0.1:8099/hook", "webhook"),
        ("forms://example.com/hook", "webhook"),
        ("xml://example.com/hook", "webhook"),
        ("ntfy://mytopic", "other"),
    ],
)
def test_describe_reads_the_kind_from_the_scheme(url: str, kind: str) -> None:
    assert channel_describe(url)[0] == kind


def test_describe_masks_the_secret_in_the_hint() -> None:
    kind, hint = channel_describe(HOOK)
    assert kind == "webhook"
    assert SECRET not in hint
    assert hint.startswith("json://desk:")
    assert "127.0.0.1:8099/hook" in hint
    slack_token = "TIiajkdnlazkcOXrIdevi7FQ"
    _, slack_hint = channel_describe(f"slack://T1JJ3T3L2/A1BRTD4JD/{slack_token}")
    assert slack_token not in slack_hint


def test_a_token_in_a_webhook_path_is_masked_in_the_hint() -> None:
    """Generic webhooks often carry their token in the path; short plain words stay."""
    token = "a8Kf03JdQ0x9ZtW2"
    kind, hint = channel_describe(f"jsons://hooks.example.com/hooks/v1/{token}/notify")
    assert kind == "webhook"
    assert token not in hint
    assert hint == "jsons://hooks.example.com/hooks/v1/****/notify"
    assert channel_describe("form://hooks.example.com")[1] == "form://hooks.example.com"


@pytest.mark.parametrize("url", ["not a url", f"bogus://{SECRET}", "json://", ""])
def test_describe_refuses_what_apprise_cannot_parse_without_echoing_it(url: str) -> None:
    with pytest.raises(ChannelError) as caught:
        channel_describe(url)
    assert SECRET not in str(caught.value)
    assert str(caught.value)


def test_channel_create_encrypts_the_url(db: None) -> None:
    user = UserFactory.create()
    channel = channel_create(user=user, name="Ops hook", url=HOOK)
    assert channel.kind == "webhook"
    assert SECRET not in channel.url_hint
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT url_encrypted FROM notifications_notificationchannel WHERE id = %s",
            [channel.pk],
        )
        raw = cursor.fetchone()[0]
    assert raw != HOOK
    assert SECRET not in raw
    assert channel_url(channel) == HOOK
    audit = AuditEvent.objects.get(action="notification_channel.created")
    assert SECRET not in str(audit.data)


def test_channel_create_refuses_a_bad_url_and_a_duplicate_name(db: None) -> None:
    user = UserFactory.create()
    with pytest.raises(ValidationError) as caught:
        channel_create(user=user, name="x", url=f"bogus://{SECRET}")
    assert SECRET not in str(caught.value)
    channel_create(user=user, name="Ops", url=HOOK)
    with pytest.raises(ValidationError):
        channel_create(user=user, name="Ops", url=HOOK)
    # Another user may use the same name.
    channel_create(user=UserFactory.create(), name="Ops", url=HOOK)


def test_channel_update_and_delete(db: None) -> None:
    user = UserFactory.create()
    channel = channel_create(user=user, name="Ops", url=HOOK)
    channel.consecutive_failures = 3
    channel.save()
    channel_update(channel=channel, name="Team", url="slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlaz")
    channel.refresh_from_db()
    assert (channel.name, channel.kind, channel.consecutive_failures) == ("Team", "slack", 0)
    channel_update(channel=channel, enabled=False)
    channel.refresh_from_db()
    assert channel.enabled is False
    channel_delete(channel=channel)
    assert not user.notification_channels.exists()
    assert AuditEvent.objects.filter(action="notification_channel.deleted").count() == 1


def test_preferences_default_then_validated(db: None) -> None:
    user = UserFactory.create()
    other = UserFactory.create()
    prefs = preferences_for(user=user)
    assert prefs.pk is None
    assert prefs.max_per_hour == 12
    with pytest.raises(ValidationError):
        preferences_update(user=user, time_zone="Mars/Olympus")
    with pytest.raises(ValidationError):
        preferences_update(user=user, max_per_hour=0)
    with pytest.raises(ValidationError):
        preferences_update(user=user, quiet_start="22:00")
    with pytest.raises(PermissionDenied):
        preferences_update(
            user=user, digest_channel=channel_create(user=other, name="Theirs", url=HOOK)
        )
    mine = channel_create(user=user, name="Mine", url=HOOK)
    prefs = preferences_update(
        user=user,
        time_zone="Europe/Berlin",
        quiet_start="22:00",
        quiet_end="07:00",
        max_per_hour=3,
        digest_channel=mine,
    )
    prefs.refresh_from_db()
    assert (prefs.time_zone, prefs.quiet_start, prefs.quiet_end) == (
        "Europe/Berlin",
        time(22),
        time(7),
    )
    assert prefs.max_per_hour == 3
    assert prefs.digest_channel == mine


def _member(store: Store, role: str = "agent") -> User:
    user = UserFactory.create()
    MembershipFactory.create(user=user, store=store, role=role)
    return user


def test_rule_set_needs_membership_and_own_channels(db: None) -> None:
    store_a, store_b = StoreFactory.create(), StoreFactory.create()
    user = _member(store_a, role="viewer")  # viewers may hear about their stores too
    mine = channel_create(user=user, name="Mine", url=HOOK)
    theirs = channel_create(user=_member(store_a), name="Theirs", url=HOOK)
    with pytest.raises(PermissionDenied):
        rule_set(user=user, store=store_b, event="new_claim", enabled=True, channels=[mine])
    with pytest.raises(PermissionDenied):
        rule_set(user=user, store=store_a, event="new_claim", enabled=True, channels=[theirs])
    with pytest.raises(ValidationError):
        rule_set(user=user, store=store_a, event="no_such_event", enabled=True, channels=[mine])
    rule = rule_set(
        user=user,
        store=store_a,
        event="conversation_due_soon",
        enabled=True,
        channels=[mine],
        params={"hours": 2},
    )
    again = rule_set(
        user=user, store=store_a, event="conversation_due_soon", enabled=False, channels=[]
    )
    assert again.pk == rule.pk
    again.refresh_from_db()
    assert again.enabled is False
    assert again.params == {"hours": 2}
    assert list(again.channels.all()) == []
    assert AuditEvent.objects.filter(action="notification_rule.set").count() == 2


def test_rules_recommend_on_every_store_once(db: None) -> None:
    store_a, store_b, store_c = StoreFactory.create(), StoreFactory.create(), StoreFactory.create()
    user = _member(store_a)
    MembershipFactory.create(user=user, store=store_b)
    channel = channel_create(user=user, name="Mine", url=HOOK)
    assert rules_recommend(user=user, channel=channel) == 2 * len(RECOMMENDED_EVENTS)
    assert rules_recommend(user=user, channel=channel) == 0
    rules = list(rules_for(user=user))
    assert len(rules) == 2 * len(RECOMMENDED_EVENTS)
    assert {r.store for r in rules} == {store_a, store_b}
    assert "new_buyer_message" not in {r.event for r in rules}
    assert all(list(r.channels.all()) == [channel] for r in rules)
    assert not NotificationRule.objects.filter(store=store_c).exists()
    with pytest.raises(PermissionDenied):
        rules_recommend(
            user=user, channel=channel_create(user=UserFactory.create(), name="X", url=HOOK)
        )
