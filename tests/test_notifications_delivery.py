"""Notification delivery end to end, to a real SMTP server (aiosmtpd, with a password) and a
real HTTP webhook receiver: exactly once per event and channel, quiet hours, the hourly
limit as a summary, retries then failure, crash safety, and secrets kept out of the
database and the logs."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time as clock
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from urllib.parse import quote

import pytest
from django.db import connection

from sellerdesk.accounts.models import User
from sellerdesk.notifications.channels import channel_send
from sellerdesk.notifications.delivery import (
    LEASE,
    MAX_ATTEMPTS,
    deliveries_send_due,
    events_fan_out,
    quiet_until,
)
from sellerdesk.notifications.models import (
    DeliveryStatus,
    NotificationChannel,
    NotificationDelivery,
    NotificationEvent,
    NotificationPreferences,
    NotificationRule,
)
from sellerdesk.notifications.services import (
    channel_create,
    channel_update,
    preferences_update,
    rule_set,
)
from sellerdesk.stores.models import Membership, Store
from tests.factories import MembershipFactory, StoreFactory, UserFactory
from tests.notify_support import (
    HOOK_PASSWORD,
    SMTP_PASSWORD,
    AuthSmtp,
    Receiver,
    start_auth_smtp,
)
from tests.servers import free_port

# 15:00 UTC is 07:00 in Los Angeles (the factory's store zone) and 16:00 in Berlin.
T = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


@pytest.fixture
def smtp() -> Iterator[AuthSmtp]:
    server = start_auth_smtp()
    yield server
    server.stop()


@pytest.fixture
def hook() -> Iterator[Receiver]:
    receiver = Receiver()
    yield receiver
    receiver.stop()


def seller(store: Store, *, email: str = "") -> User:
    user = UserFactory.create(**({"email": email} if email else {}))
    MembershipFactory.create(user=user, store=store, role="agent")
    return user


def subscribe(user: User, store: Store, channels: list[NotificationChannel], *events: str) -> None:
    for event in events or ("new_claim",):
        rule_set(user=user, store=store, event=event, enabled=True, channels=channels)
    # The rules existed before anything in these tests happened.
    NotificationRule.objects.filter(user=user).update(created_at=T - timedelta(days=1))


def event(store: Store, key: str, *, at: datetime = T, severity: str = "warning",
          kind: str = "new_claim") -> NotificationEvent:  # fmt: skip
    recorded = NotificationEvent.objects.create(
        store=store,
        kind=kind,
        key=key,
        severity=severity,
        title=f"A-to-z claim {key}",
        body=f"Claim {key} was opened.",
        link=f"/s/{store.pk}/claims/{key}/",
        occurred_at=at,
    )
    # The desk recorded it when it happened (rules compare their age with this).
    NotificationEvent.objects.filter(pk=recorded.pk).update(created_at=at)
    recorded.refresh_from_db()
    return recorded


def statuses() -> list[str]:
    return sorted(NotificationDelivery.objects.values_list("status", flat=True))


# --- exactly once ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_each_event_reaches_smtp_and_webhook_exactly_once(smtp: AuthSmtp, hook: Receiver) -> None:
    store, other_store = StoreFactory.create(), StoreFactory.create()
    user = seller(store)
    mail = channel_create(user=user, name="Mail", url=smtp.url())
    webhook = channel_create(user=user, name="Hook", url=hook.url())
    subscribe(user, store, [mail, webhook])
    # Someone on another store with the same rule hears nothing of this store.
    stranger = seller(other_store)
    subscribe(stranger, other_store, [channel_create(user=stranger, name="H", url=hook.url())])
    keys = ["C-1", "C-2", "C-3"]
    for key in keys:
        event(store, key)

    assert events_fan_out(now=T) == 6
    assert events_fan_out(now=T) == 0  # the second run finds nothing new
    assert NotificationDelivery.objects.count() == 6

    # Two senders at once: each delivery is claimed by exactly one of them.
    results: list[int] = []
    errors: list[BaseException] = []

    def sender() -> None:
        try:
            results.append(deliveries_send_due(now=T + timedelta(seconds=1)))
        except BaseException as exc:  # reported below; a thread must not swallow it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sum(results) == 6
    # And again, sequentially: nothing is sent twice.
    assert events_fan_out(now=T + timedelta(minutes=1)) == 0
    assert deliveries_send_due(now=T + timedelta(minutes=1)) == 0

    titles = [f"[{store.name}] A-to-z claim {key}" for key in keys]
    assert sorted(smtp.subjects()) == sorted(titles)
    assert sorted(hook.titles()) == sorted(titles)
    assert smtp.logins  # the password in the URL was used
    assert statuses() == ["sent"] * 6
    # The text carries the body and an absolute link to act on.
    message = next(m for m in hook.messages() if "C-2" in m)
    assert "Claim C-2 was opened." in message
    assert f"http://localhost:8000/s/{store.pk}/claims/C-2/" in message
    assert any(f"http://localhost:8000/s/{store.pk}/claims/C-1/" in b for b in smtp.bodies())
    mail.refresh_from_db()
    assert mail.last_sent_at is not None
    assert mail.consecutive_failures == 0


def test_no_flood_from_before_the_rule_and_only_enabled_rules(db: None, hook: Receiver) -> None:
    store = StoreFactory.create()
    user = seller(store)
    webhook = channel_create(user=user, name="Hook", url=hook.url())
    subscribe(user, store, [webhook], "new_claim", "negative_feedback")
    rule_set(user=user, store=store, event="negative_feedback", enabled=False, channels=[webhook])
    event(store, "old", at=T - timedelta(days=2))  # before the rule was made
    event(store, "new")
    event(store, "fb", kind="negative_feedback")  # its rule is off
    assert events_fan_out(now=T) == 1
    assert NotificationEvent.objects.filter(fanned_out_at__isnull=True).count() == 0
    assert deliveries_send_due(now=T) == 1
    assert hook.titles() == [f"[{store.name}] A-to-z claim new"]


def test_an_old_record_learned_after_the_rule_is_sent(db: None, hook: Receiver) -> None:
    """What counts is when the desk learned of it: feedback dated before the rule, imported
    after it, is news."""
    store = StoreFactory.create()
    user = seller(store)
    webhook = channel_create(user=user, name="Hook", url=hook.url())
    subscribe(user, store, [webhook])
    late = event(store, "late", at=T)
    NotificationEvent.objects.filter(pk=late.pk).update(occurred_at=T - timedelta(days=3))
    assert events_fan_out(now=T) == 1
    assert deliveries_send_due(now=T) == 1


def test_a_state_resolved_while_waiting_is_skipped(db: None, hook: Receiver) -> None:
    store = StoreFactory.create()
    user = seller(store)
    webhook = channel_create(user=user, name="Hook", url=hook.url())
    subscribe(user, store, [webhook], "sync_failing")
    failing = event(store, "mail:1:x", kind="sync_failing")
    assert events_fan_out(now=T) == 1
    NotificationEvent.objects.filter(pk=failing.pk).update(resolved_at=T)
    assert deliveries_send_due(now=T) == 0
    assert statuses() == ["skipped"]
    assert NotificationDelivery.objects.get().error == "resolved before it was sent"
    assert hook.posts == []


def test_membership_gone_or_channel_off_at_send_time_is_skipped(db: None, hook: Receiver) -> None:
    store = StoreFactory.create()
    leaver, switcher = seller(store), seller(store)
    leaver_hook = channel_create(user=leaver, name="Hook", url=hook.url())
    switcher_hook = channel_create(user=switcher, name="Hook", url=hook.url())
    subscribe(leaver, store, [leaver_hook])
    subscribe(switcher, store, [switcher_hook])
    event(store, "C-9")
    assert events_fan_out(now=T) == 2
    Membership.objects.filter(user=leaver).delete()
    channel_update(channel=switcher_hook, enabled=False)
    assert deliveries_send_due(now=T) == 0
    assert statuses() == ["skipped", "skipped"]
    assert hook.posts == []


# --- quiet hours ---------------------------------------------------------------------------


def test_quiet_hours_delay_then_deliver_and_urgent_breaks_through(db: None, hook: Receiver) -> None:
    store = StoreFactory.create()
    user = seller(store)
    webhook = channel_create(user=user, name="Hook", url=hook.url())
    subscribe(user, store, [webhook])
    preferences_update(user=user, time_zone="Europe/Berlin", quiet_start="22:00", quiet_end="07:00")
    night = datetime(2026, 11, 26, 22, 30, tzinfo=UTC)  # 23:30 in Berlin
    morning = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)  # 07:00 in Berlin
    event(store, "calm", at=night)
    event(store, "fire", at=night, severity="urgent")
    assert events_fan_out(now=night) == 2
    calm = NotificationDelivery.objects.get(event__key="calm")
    fire = NotificationDelivery.objects.get(event__key="fire")
    assert calm.not_before == morning
    assert fire.not_before == night
    assert deliveries_send_due(now=night) == 1
    assert hook.titles() == [f"[{store.name}] A-to-z claim fire"]
    assert deliveries_send_due(now=morning - timedelta(seconds=1)) == 0
    assert deliveries_send_due(now=morning) == 1
    assert hook.titles()[-1] == f"[{store.name}] A-to-z claim calm"

    # With urgent_breaks_quiet off, urgent waits too.
    preferences_update(user=user, urgent_breaks_quiet=False)
    event(store, "fire-2", at=night + timedelta(hours=1), severity="urgent")
    events_fan_out(now=night + timedelta(hours=1))
    assert NotificationDelivery.objects.get(event__key="fire-2").not_before == morning


def test_quiet_window_in_the_store_zone_and_within_one_day(db: None) -> None:
    store = StoreFactory.create(timezone="Asia/Tokyo")
    user = seller(store)
    prefs = NotificationPreferences(user=user)  # no zone of its own: the store's
    prefs.quiet_start, prefs.quiet_end = (
        time(12),
        time(14),
    )
    # 04:30 UTC is 13:30 in Tokyo: quiet until 14:00 Tokyo = 05:00 UTC.
    at = datetime(2026, 11, 26, 4, 30, tzinfo=UTC)
    assert quiet_until(prefs=prefs, user=user, store=store, now=at) == datetime(
        2026, 11, 26, 5, 0, tzinfo=UTC
    )
    assert quiet_until(prefs=prefs, user=user, store=store, now=at + timedelta(hours=1)) is None
    assert quiet_until(prefs=prefs, user=user, store=store, now=at - timedelta(hours=2)) is None
    # Crossing midnight, after midnight: ends the same morning.
    prefs.quiet_start, prefs.quiet_end = (
        time(22),
        time(7),
    )
    small_hours = datetime(2026, 11, 26, 17, 0, tzinfo=UTC)  # 02:00 on the 27th in Tokyo
    assert quiet_until(prefs=prefs, user=user, store=store, now=small_hours) == datetime(
        2026, 11, 26, 22, 0, tzinfo=UTC
    )


# --- the hourly limit ----------------------------------------------------------------------


def test_rate_limit_combines_into_one_summary_and_loses_nothing(db: None, hook: Receiver) -> None:
    store = StoreFactory.create()
    user = seller(store)
    webhook = channel_create(user=user, name="Hook", url=hook.url())
    subscribe(user, store, [webhook])
    preferences_update(user=user, max_per_hour=3)

    for key in ("A1", "A2"):
        event(store, key)
    events_fan_out(now=T)
    assert deliveries_send_due(now=T) == 2  # two single messages: 2 of 3 used

    burst = [f"B{n}" for n in range(1, 8)]
    later = T + timedelta(minutes=10)
    for key in burst:
        event(store, key, at=later)
    events_fan_out(now=later)
    assert deliveries_send_due(now=later) == 7  # one summary carries all seven
    assert len(hook.posts) == 3
    assert hook.titles()[-1] == "7 sellerdesk alerts"
    summary = hook.messages()[-1]
    for key in burst:
        assert f"A-to-z claim {key}" in summary
        assert f"/s/{store.pk}/claims/{key}/" in summary
    rows = NotificationDelivery.objects.filter(event__key__in=burst)
    carrier = rows.get(event__key="B1")
    assert {r.status for r in rows} == {DeliveryStatus.SUMMARIZED}
    assert {r.summary_of_id for r in rows} == {carrier.pk}

    # The hour is full (3 messages): new alerts wait until the first message leaves it.
    more = T + timedelta(minutes=20)
    for key in ("C1", "C2"):
        event(store, key, at=more)
    events_fan_out(now=more)
    assert deliveries_send_due(now=more) == 0
    waiting = NotificationDelivery.objects.filter(event__key__in=["C1", "C2"])
    assert {r.status for r in waiting} == {DeliveryStatus.PENDING}
    assert {r.not_before for r in waiting} == {T + timedelta(hours=1)}
    assert deliveries_send_due(now=T + timedelta(minutes=59)) == 0
    # At T+1h the two singles of T left the window: room for 2 → both go singly.
    assert deliveries_send_due(now=T + timedelta(hours=1)) == 2
    everything = ["A1", "A2", *burst, "C1", "C2"]
    delivered = " ".join(hook.titles() + hook.messages())
    for key in everything:
        assert f"A-to-z claim {key}" in delivered
    assert statuses().count("pending") == 0
    assert len(hook.posts) == 5


# --- failures ------------------------------------------------------------------------------


def test_failing_channel_retries_then_fails_without_the_secret(
    db: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = StoreFactory.create()
    user = seller(store)
    closed = f"json://desk:{HOOK_PASSWORD}@127.0.0.1:{free_port()}/hook"  # nothing listens
    dead = channel_create(user=user, name="Dead", url=closed)
    subscribe(user, store, [dead])
    event(store, "C-1")
    events_fan_out(now=T)
    now = T
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert deliveries_send_due(now=now) == 0
        row = NotificationDelivery.objects.get()
        assert row.attempts == attempt
        assert row.error
        assert HOOK_PASSWORD not in row.error
        if attempt < MAX_ATTEMPTS:
            assert row.status == DeliveryStatus.PENDING
            assert row.not_before == now + timedelta(minutes=2**attempt)
            assert deliveries_send_due(now=row.not_before - timedelta(seconds=1)) == 0
            now = row.not_before
    assert row.status == DeliveryStatus.FAILED
    assert "Connection error" in row.error or "connection" in row.error.lower()
    dead.refresh_from_db()
    assert dead.consecutive_failures == MAX_ATTEMPTS
    assert dead.last_error
    assert HOOK_PASSWORD not in dead.last_error
    assert deliveries_send_due(now=now + timedelta(days=1)) == 0  # failed stays failed
    # A URL apprise cannot parse is refused without echoing it, in errors or logs.
    with pytest.raises(Exception, match="apprise cannot use") as refused:
        channel_create(user=user, name="Typo", url=f"jsn://desk:{HOOK_PASSWORD}@example.test/")
    assert HOOK_PASSWORD not in str(refused.value)
    assert HOOK_PASSWORD not in caplog.text


def test_secrets_encrypted_at_rest_and_absent_from_logs(
    db: None, smtp: AuthSmtp, hook: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = StoreFactory.create()
    user = seller(store)
    mail = channel_create(user=user, name="Mail", url=smtp.url())
    webhook = channel_create(user=user, name="Hook", url=hook.url())
    subscribe(user, store, [mail, webhook])
    event(store, "C-1")
    events_fan_out(now=T)
    assert deliveries_send_due(now=T) == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT url_encrypted, url_hint FROM notifications_notificationchannel")
        raw = cursor.fetchall()
    for encrypted, hint in raw:
        for secret in (SMTP_PASSWORD, HOOK_PASSWORD):
            assert secret not in encrypted
            assert secret not in hint
    assert len(smtp.handler.messages) == 1
    assert len(hook.posts) == 1
    # A token in the path (as Slack, Discord and Telegram URLs have): apprise and urllib3
    # quote the URL they post to at DEBUG; neither reaches the desk's log.
    path_token = "path-T0ken-5d2c"
    channel_send(url=hook.url(f"hook/{path_token}"), title="t", body="b")
    assert hook.posts[-1]["path"] == f"/hook/{path_token}"
    for secret in (SMTP_PASSWORD, HOOK_PASSWORD, path_token):
        assert secret not in caplog.text


# --- a crash between the claim and the answer ----------------------------------------------


SENDER = """
import django
django.setup()
from sellerdesk.notifications.delivery import deliveries_send_due
deliveries_send_due()
"""


def this_runs_database_url() -> str:
    """This test run's database, for a process of its own (SQLite file or PostgreSQL)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = quote(str(db["USER"]), safe="")
    password = quote(str(db["PASSWORD"]), safe="")
    host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    return f"postgres://{user}:{password}@{host}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_crash_while_sending_is_unconfirmed_and_never_resent(hook: Receiver) -> None:
    """A real sender process is killed after the receiver has the message but before it
    answered: the row stays claimed, turns ``unconfirmed`` after the lease, never resent."""
    store = StoreFactory.create()
    user = seller(store)
    webhook = channel_create(user=user, name="Hook", url=hook.url())
    subscribe(user, store, [webhook])
    NotificationRule.objects.update(created_at=datetime(2020, 1, 1, tzinfo=UTC))
    event(store, "C-1", at=datetime.now(UTC) - timedelta(minutes=1))
    events_fan_out()
    hook.hold = True
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "sellerdesk.settings"
    env["SELLERDESK_DATABASE_URL"] = this_runs_database_url()
    process = subprocess.Popen(  # noqa: S603 -- our own code, fixed arguments
        [sys.executable, "-c", SENDER], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        assert hook.arrived.wait(timeout=60), process.stderr.read() if process.stderr else ""
        row = NotificationDelivery.objects.get()
        assert row.status == DeliveryStatus.SENDING  # the claim was committed first
        assert row.started_at is not None
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        hook.release.set()
    started = row.started_at
    assert deliveries_send_due(now=started + timedelta(minutes=1)) == 0
    assert NotificationDelivery.objects.get().status == DeliveryStatus.SENDING
    assert deliveries_send_due(now=started + LEASE + timedelta(seconds=1)) == 0
    row = NotificationDelivery.objects.get()
    assert row.status == DeliveryStatus.UNCONFIRMED
    assert "not resent" in row.error
    for minutes in (30, 60, 24 * 60):
        deliveries_send_due(now=started + timedelta(minutes=minutes))
    clock.sleep(0.2)
    assert len(hook.posts) == 1


def test_quiet_hours_end_in_a_dst_gap_and_zone_fallback(db: None) -> None:
    store = StoreFactory.create(timezone="Europe/Berlin")
    user = seller(store)
    prefs = NotificationPreferences(user=user, quiet_start=time(23), quiet_end=time(2, 30))
    # Berlin skips 02:00-03:00 on 2026-03-29: the quiet hours end at 03:30 CEST (01:30 UTC).
    night = datetime(2026, 3, 28, 23, 0, tzinfo=UTC)  # 00:00 CET
    assert quiet_until(prefs=prefs, user=user, store=store, now=night) == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    )
    # No zone of the user's own and no store given: the user's first store's zone.
    assert quiet_until(prefs=prefs, user=user, store=None, now=night) == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    )
