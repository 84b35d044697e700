"""REST API /api/v1/notifications: the caller's own channels, rules, preferences and log.

A channel's URL goes in and never comes out; another user's channel, or a store
the caller is not in, is a 404; viewers manage their own notifications.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.notifications.models import (
    NotificationChannel,
    NotificationDelivery,
    NotificationEvent,
    NotificationPreferences,
    NotificationRule,
)
from sellerdesk.notifications.services import channel_create, channel_url
from sellerdesk.stores.models import Store
from tests.factories import MembershipFactory, UserFactory
from tests.servers import free_port
from tests.webhook_receiver import WebhookReceiver, start_webhook_receiver

API = "/api/v1/notifications"
PASSWORD_SECRET = "pw-Hq29dLx7Vn"
HEADER_SECRET = "hdr-Mb48sKt2Yp"


def hook_url(port: int) -> str:
    return f"json://desk:{PASSWORD_SECRET}@127.0.0.1:{port}/hook?+X-Desk-Token={HEADER_SECRET}"


def no_secret(text: str) -> bool:
    return PASSWORD_SECRET not in text and HEADER_SECRET not in text


def bearer(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"Authorization": f"Bearer {raw}"}


def call(client: Client, method: str, path: str, auth: dict[str, str], body: Any = None) -> Any:
    data = json.dumps(body) if body is not None else ""
    return client.generic(
        method, f"{API}{path}", data, content_type="application/json", headers=auth
    )


@pytest.fixture
def receiver() -> Any:
    server = start_webhook_receiver()
    yield server
    server.stop()


def new_user() -> User:
    user: User = UserFactory()
    return user


# --- channels ----------------------------------------------------------------------


@pytest.mark.django_db
def test_create_list_patch_delete_a_channel_never_returning_the_url(
    client: Client, agent_a: User
) -> None:
    auth = bearer(agent_a)
    created = call(client, "POST", "/channels", auth, {"name": "Ops", "url": hook_url(8123)})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["name"] == "Ops"
    assert body["kind"] == "webhook"
    assert body["hint"] == "json://desk:****@127.0.0.1:8123/hook"
    assert "url" not in body
    assert no_secret(created.text)
    channel = NotificationChannel.objects.get(pk=body["id"])
    assert channel.url_encrypted != hook_url(8123)
    assert no_secret(channel.url_encrypted)
    assert channel_url(channel) == hook_url(8123)

    listed = call(client, "GET", "/channels", auth)
    assert [c["id"] for c in listed.json()] == [channel.pk]
    assert no_secret(listed.text)

    patched = call(
        client, "PATCH", f"/channels/{channel.pk}", auth, {"name": "Ops 2", "enabled": False}
    )
    assert patched.status_code == 200
    assert (patched.json()["name"], patched.json()["enabled"]) == ("Ops 2", False)
    channel.refresh_from_db()
    assert channel_url(channel) == hook_url(8123)  # a URL left out stays
    replaced = call(client, "PATCH", f"/channels/{channel.pk}", auth, {"url": hook_url(9000)})
    assert replaced.json()["hint"] == "json://desk:****@127.0.0.1:9000/hook"
    assert no_secret(replaced.text)

    # A name already taken, or a URL apprise refuses: 422, and nothing changes.
    twin = call(client, "POST", "/channels", auth, {"name": "Ops 2", "url": hook_url(1)})
    assert twin.status_code == 422
    assert twin.json()["detail"][0]["loc"] == ["body", "payload", "name"]
    bad = call(client, "PATCH", f"/channels/{channel.pk}", auth, {"url": f"x://{PASSWORD_SECRET}"})
    assert bad.status_code == 422
    assert no_secret(bad.text)
    channel.refresh_from_db()
    assert channel_url(channel) == hook_url(9000)

    assert call(client, "DELETE", f"/channels/{channel.pk}", auth).status_code == 204
    assert not NotificationChannel.objects.exists()


@pytest.mark.django_db
def test_a_refused_url_is_a_422_that_does_not_echo_it(client: Client, agent_a: User) -> None:
    auth = bearer(agent_a)
    answer = call(
        client, "POST", "/channels", auth, {"name": "Bad", "url": f"nope://{PASSWORD_SECRET}"}
    )
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "payload", "url"]
    assert no_secret(answer.text)
    # A body ninja itself refuses (a number for a name) does not echo the URL either.
    wrong = call(client, "POST", "/channels", auth, {"name": 5, "url": hook_url(1)})
    assert wrong.status_code == 422
    assert no_secret(wrong.text)
    assert not NotificationChannel.objects.exists()


@pytest.mark.django_db
def test_test_endpoint_sends_once_and_reports_failures_without_the_url(
    client: Client, agent_a: User, receiver: WebhookReceiver
) -> None:
    auth = bearer(agent_a)
    good = channel_create(user=agent_a, name="Good", url=hook_url(receiver.port))
    answer = call(client, "POST", f"/channels/{good.pk}/test", auth)
    assert answer.status_code == 200
    assert answer.json()["ok"] is True
    assert answer.json()["channel"]["last_sent_at"]
    [request] = receiver.received()
    assert request.headers["X-Desk-Token"] == HEADER_SECRET

    bad = channel_create(user=agent_a, name="Bad", url=hook_url(free_port()))
    failed = call(client, "POST", f"/channels/{bad.pk}/test", auth)
    assert failed.status_code == 200
    assert failed.json()["ok"] is False
    assert failed.json()["error"]
    assert failed.json()["channel"]["consecutive_failures"] == 1
    assert no_secret(failed.text)
    assert len(receiver.received()) == 1


@pytest.mark.django_db
def test_another_users_channel_is_404_for_every_method(client: Client, agent_a: User) -> None:
    other = new_user()
    theirs = channel_create(user=other, name="Theirs", url=hook_url(8123))
    auth = bearer(agent_a)
    assert call(client, "PATCH", f"/channels/{theirs.pk}", auth, {"name": "x"}).status_code == 404
    assert call(client, "DELETE", f"/channels/{theirs.pk}", auth).status_code == 404
    assert call(client, "POST", f"/channels/{theirs.pk}/test", auth).status_code == 404
    assert call(client, "GET", "/channels", auth).json() == []
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"


# --- rules -------------------------------------------------------------------------


@pytest.mark.django_db
def test_put_and_get_rules(client: Client, agent_a: User, store_a: Store, store_b: Store) -> None:
    hook = channel_create(user=agent_a, name="Hook", url=hook_url(8123))
    auth = bearer(agent_a)
    body = {
        "store": store_a.pk,
        "event": "conversation_due_soon",
        "enabled": True,
        "channels": [hook.pk],
        "params": {"hours": 3},
    }
    put = call(client, "PUT", "/rules", auth, body)
    assert put.status_code == 200, put.content
    assert put.json() == {**body, "channels": [hook.pk]}
    # PUT again with other values: the same rule changes, no second one.
    call(client, "PUT", "/rules", auth, {**body, "enabled": False, "channels": []})
    rule = NotificationRule.objects.get(user=agent_a)
    assert (rule.enabled, list(rule.channels.all()), rule.params) == (False, [], {"hours": 3})
    listed = call(client, "GET", "/rules", auth).json()
    assert listed == [{**body, "enabled": False, "channels": []}]
    assert call(client, "GET", f"/rules?store={store_a.pk}", auth).json() == listed
    # A store the caller is not in: 404, as a filter and as a rule.
    assert call(client, "GET", f"/rules?store={store_b.pk}", auth).status_code == 404
    assert call(client, "PUT", "/rules", auth, {**body, "store": store_b.pk}).status_code == 404
    unknown = call(client, "PUT", "/rules", auth, {**body, "event": "no_such_event"})
    assert unknown.status_code == 422
    # Hours the engine would not use (a string, 0, above 72) are refused, not stored.
    for hours in ("6", 0, 73):
        bad = call(client, "PUT", "/rules", auth, {**body, "params": {"hours": hours}})
        assert bad.status_code == 422, hours
    assert NotificationRule.objects.get(user=agent_a).params == {"hours": 3}


@pytest.mark.django_db
def test_a_rule_cannot_use_another_users_channel(
    client: Client, agent_a: User, store_a: Store
) -> None:
    other = new_user()
    MembershipFactory(user=other, store=store_a, role="agent")
    theirs = channel_create(user=other, name="Theirs", url=hook_url(8123))
    body = {"store": store_a.pk, "event": "new_claim", "enabled": True, "channels": [theirs.pk]}
    assert call(client, "PUT", "/rules", bearer(agent_a), body).status_code == 404
    assert not NotificationRule.objects.exists()


# --- preferences -------------------------------------------------------------------


@pytest.mark.django_db
def test_get_and_patch_preferences(client: Client, agent_a: User) -> None:
    hook = channel_create(user=agent_a, name="Hook", url=hook_url(8123))
    auth = bearer(agent_a)
    defaults = call(client, "GET", "/preferences", auth).json()
    assert defaults == {
        "time_zone": "",
        "quiet_start": None,
        "quiet_end": None,
        "urgent_breaks_quiet": True,
        "max_per_hour": 12,
        "digest_enabled": True,
        "digest_time": "07:00:00",
        "digest_channel": None,
    }
    patched = call(
        client,
        "PATCH",
        "/preferences",
        auth,
        {"quiet_start": "22:00", "quiet_end": "06:30", "time_zone": "Asia/Tokyo",
         "digest_channel": hook.pk, "max_per_hour": 3},
    )  # fmt: skip
    assert patched.status_code == 200, patched.content
    assert patched.json() == {
        **defaults,
        "time_zone": "Asia/Tokyo",
        "quiet_start": "22:00:00",
        "quiet_end": "06:30:00",
        "max_per_hour": 3,
        "digest_channel": hook.pk,
    }
    # Back to the digest by email; the rest stays.
    back = call(client, "PATCH", "/preferences", auth, {"digest_channel": None})
    assert back.json()["digest_channel"] is None
    assert back.json()["max_per_hour"] == 3


@pytest.mark.django_db
def test_preferences_refuse_bad_values_and_another_users_channel(
    client: Client, agent_a: User
) -> None:
    theirs = channel_create(user=new_user(), name="Theirs", url=hook_url(8123))
    auth = bearer(agent_a)
    assert (
        call(client, "PATCH", "/preferences", auth, {"digest_channel": theirs.pk}).status_code
        == 404
    )
    assert (
        call(client, "PATCH", "/preferences", auth, {"time_zone": "Mars/Base"}).status_code == 422
    )
    assert call(client, "PATCH", "/preferences", auth, {"quiet_start": "22:00"}).status_code == 422
    assert call(client, "PATCH", "/preferences", auth, {"max_per_hour": 0}).status_code == 422
    assert call(client, "PATCH", "/preferences", auth, {"digest_time": None}).status_code == 422
    prefs = NotificationPreferences.objects.filter(user=agent_a).first()
    assert prefs is None or (prefs.digest_channel_id, prefs.time_zone) == (None, "")


# --- the log -----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_log_lists_only_the_callers_deliveries(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    other = new_user()
    MembershipFactory(user=other, store=store_b, role="owner")
    now = timezone.now()
    mine = channel_create(user=agent_a, name="Mine", url=hook_url(8123))
    theirs = channel_create(user=other, name="Theirs", url=hook_url(8123))
    for n, (user, channel, store) in enumerate(
        [(agent_a, mine, store_a), (agent_a, mine, store_a), (other, theirs, store_b)]
    ):
        event = NotificationEvent.objects.create(
            store=store, kind="new_claim", key=f"claim:{n}", title=f"Claim {n}", occurred_at=now
        )
        NotificationDelivery.objects.create(event=event, user=user, channel=channel, not_before=now)
    log = call(client, "GET", "/log", bearer(agent_a))
    assert log.status_code == 200
    assert [d["event"] for d in log.json()] == ["Claim 1", "Claim 0"]
    first = log.json()[0]
    assert (first["store"], first["store_name"], first["channel_name"], first["status"]) == (
        store_a.pk,
        "Store A",
        "Mine",
        "pending",
    )
    assert "Theirs" not in log.text
    assert [d["event"] for d in call(client, "GET", "/log?limit=1", bearer(agent_a)).json()] == [
        "Claim 1"
    ]
    assert call(client, "GET", "/log?limit=0", bearer(agent_a)).status_code == 422
    NotificationDelivery.objects.filter(event__title="Claim 0").update(status="failed")
    failed = call(client, "GET", "/log?status=failed", bearer(agent_a))
    assert [d["event"] for d in failed.json()] == ["Claim 0"]
    assert call(client, "GET", "/log?status=nonsense", bearer(agent_a)).status_code == 422
    in_a = call(client, "GET", f"/log?store={store_a.pk}", bearer(agent_a)).json()
    assert [d["event"] for d in in_a] == ["Claim 1", "Claim 0"]
    # Another store's id filters the caller's own rows: nothing of theirs comes out.
    assert call(client, "GET", f"/log?store={store_b.pk}", bearer(agent_a)).json() == []


# --- who may -----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_viewer_manages_their_own_notifications(
    client: Client, viewer_a: User, store_a: Store
) -> None:
    auth = bearer(viewer_a)
    created = call(client, "POST", "/channels", auth, {"name": "Mine", "url": hook_url(8123)})
    assert created.status_code == 201
    rule = {"store": store_a.pk, "event": "new_claim", "enabled": True,
            "channels": [created.json()["id"]]}  # fmt: skip
    assert call(client, "PUT", "/rules", auth, rule).status_code == 200
    assert call(client, "PATCH", "/preferences", auth, {"max_per_hour": 2}).status_code == 200
    assert NotificationRule.objects.get(user=viewer_a).channels.get().name == "Mine"


@pytest.mark.django_db
def test_anonymous_callers_are_refused(client: Client) -> None:
    for method, path in [("GET", "/channels"), ("POST", "/channels"), ("GET", "/rules"),
                         ("GET", "/preferences"), ("GET", "/log")]:  # fmt: skip
        assert call(client, method, path, {}, {}).status_code == 401
