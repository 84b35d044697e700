"""The daily digest (once per user and local day, with the checklist) and ``sellerdesk
notify``, against a real SMTP server (aiosmtpd) and a real webhook receiver."""

from __future__ import annotations

import email
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sellerdesk.accounts.models import User
from sellerdesk.cli.main import main
from sellerdesk.notifications.digest import digests_send_due
from sellerdesk.notifications.models import DeliveryStatus, DigestLog, NotificationEvent
from sellerdesk.notifications.services import channel_create, preferences_update, rule_set
from sellerdesk.stores.models import Store
from tests.factories import ConversationFactory, MembershipFactory, StoreFactory, UserFactory
from tests.notify_support import HOOK_PASSWORD, Receiver
from tests.servers import Smtp, free_port, start_smtp

# 15:00 UTC is 07:00 in Los Angeles (the store's zone, and so the user's).
T = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


@pytest.fixture
def smtp(settings: Any) -> Iterator[Smtp]:
    server = start_smtp()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 10},
        }
    }
    settings.DEFAULT_FROM_EMAIL = "digest@desk.test"
    yield server
    server.stop()


@pytest.fixture
def hook() -> Iterator[Receiver]:
    receiver = Receiver()
    yield receiver
    receiver.stop()


def shop() -> Store:
    store = StoreFactory.create(name="Sunny Bottles")  # America/Los_Angeles
    # One buyer waiting, past the response deadline (the factory's due time is in early
    # November): the checklist's messages task has 1 outstanding, 1 overdue.
    ConversationFactory.create(store=store)
    NotificationEvent.objects.create(
        store=store,
        kind="new_claim",
        key="claim:1",
        severity="urgent",
        title="A-to-z claim on order 111-0000001",
        link=f"/s/{store.pk}/claims/1/",
        occurred_at=T - timedelta(hours=3),
    )
    NotificationEvent.objects.create(  # resolved: not in the digest
        store=store,
        kind="odr_above_target",
        key="odr:mfn:2026-11-20",
        severity="urgent",
        title="ODR above target (MFN)",
        occurred_at=T - timedelta(days=2),
        resolved_at=T - timedelta(days=1),
    )
    return store


def member(store: Store, email_address: str) -> User:
    user = UserFactory.create(email=email_address)
    MembershipFactory.create(user=user, store=store)
    return user


def mails(smtp: Smtp) -> list[tuple[str, list[str], str]]:
    out = []
    for _, rcpt, content in smtp.handler.messages:
        message = email.message_from_bytes(content)
        payload = message.get_payload(decode=True)
        text = payload.decode() if isinstance(payload, bytes) else ""
        out.append((str(message["Subject"]), rcpt, text))
    return out


def test_digest_once_a_day_by_email_with_the_checklist(db: None, smtp: Smtp) -> None:
    store = shop()
    user = member(store, "owner@sunny.test")
    preferences_update(user=user, digest_time="07:00")
    member(store, "quiet@sunny.test")  # never saved preferences: no digest
    opted_out = member(store, "nodigest@sunny.test")
    preferences_update(user=opted_out, digest_enabled=False)

    assert digests_send_due(now=T - timedelta(minutes=1)) == 0  # 06:59 in Los Angeles
    assert digests_send_due(now=T) == 1
    assert digests_send_due(now=T + timedelta(hours=5)) == 0  # same local day
    assert len(smtp.handler.messages) == 1
    subject, rcpt, text = mails(smtp)[0]
    assert subject == "sellerdesk daily digest for 2026-11-26"
    assert rcpt == ["owner@sunny.test"]
    assert "Sunny Bottles — today 2026-11-26" in text
    assert "[ ] Answer buyer messages (daily, due 2026-11-26): 1 outstanding, 1 overdue" in text
    assert "[ ] Handle customer returns (daily, due 2026-11-26): 0 outstanding" in text
    assert f"A-to-z claim on order 111-0000001 http://localhost:8000/s/{store.pk}/claims/1/" in (
        text
    )
    assert "ODR above target" not in text
    log = DigestLog.objects.get()
    assert (log.user, log.day, log.status) == (user, T.date(), DeliveryStatus.SENT)
    assert log.body.strip() == text.strip().replace("\r\n", "\n")

    # The next local day: one more.
    assert digests_send_due(now=T + timedelta(days=1)) == 1
    assert len(smtp.handler.messages) == 2
    assert [d.isoformat() for d in DigestLog.objects.values_list("day", flat=True)] == [
        "2026-11-27",
        "2026-11-26",
    ]


def test_digest_to_a_channel_in_the_users_zone(db: None, hook: Receiver) -> None:
    store = shop()
    user = member(store, "berlin@sunny.test")
    channel = channel_create(user=user, name="Hook", url=hook.url())
    preferences_update(
        user=user, time_zone="Europe/Berlin", digest_time="08:30", digest_channel=channel
    )
    at = datetime(2026, 11, 26, 7, 30, tzinfo=UTC)  # 08:30 in Berlin
    assert digests_send_due(now=at - timedelta(seconds=1)) == 0
    assert digests_send_due(now=at) == 1
    assert digests_send_due(now=at + timedelta(hours=1)) == 0
    assert hook.titles() == ["sellerdesk daily digest for 2026-11-26"]
    assert "Answer buyer messages" in hook.messages()[0]
    channel.refresh_from_db()
    assert channel.last_sent_at == at


def test_digest_failure_recorded_and_crash_never_resent(db: None, settings: Any) -> None:
    store = shop()
    user = member(store, "owner@sunny.test")
    preferences_update(user=user)
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 5},
        }
    }
    assert digests_send_due(now=T) == 0
    log = DigestLog.objects.get()
    assert log.status == DeliveryStatus.FAILED
    assert "ConnectionRefusedError" in log.error
    # A digest claimed by a worker that died stays unconfirmed, never sent again.
    crashed = DigestLog.objects.create(
        user=user,
        day=T.date() + timedelta(days=1),
        status="sending",
        started_at=T + timedelta(days=1),
    )
    assert digests_send_due(now=T + timedelta(days=1, minutes=30)) == 0
    crashed.refresh_from_db()
    assert crashed.status == DeliveryStatus.UNCONFIRMED
    assert DigestLog.objects.count() == 2


def test_digest_channel_failure_does_not_leak_the_secret(db: None) -> None:
    store = shop()
    user = member(store, "owner@sunny.test")
    dead = channel_create(
        user=user,
        name="Dead",
        url=f"json://desk:{HOOK_PASSWORD}@127.0.0.1:{free_port()}/hook",
    )
    preferences_update(user=user, digest_channel=dead)
    assert digests_send_due(now=T) == 0
    log = DigestLog.objects.get()
    assert log.status == DeliveryStatus.FAILED
    assert log.error
    assert HOOK_PASSWORD not in log.error


# --- sellerdesk notify ---------------------------------------------------------------------


def test_notify_cli_run_log_and_test(
    db: None, hook: Receiver, capsys: pytest.CaptureFixture[str]
) -> None:
    store = StoreFactory.create(name="Cli Shop")
    user = member(store, "cli@shop.test")
    channel = channel_create(user=user, name="Hook", url=hook.url())
    rule_set(user=user, store=store, event="new_claim", enabled=True, channels=[channel])
    NotificationEvent.objects.create(
        store=store,
        kind="new_claim",
        key="claim:77",
        title="A-to-z claim 77",
        occurred_at=datetime.now(UTC),  # after the rule was made
    )
    assert main(["notify", "run", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["deliveries"] == 1
    assert counts["sent"] == 1
    assert hook.titles() == ["[Cli Shop] A-to-z claim 77"]
    assert main(["notify", "run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sent"] == 0

    assert main(["notify", "log", "--user", "cli@shop.test", "--json"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert [(r["title"], r["channel"], r["status"]) for r in log] == [
        ("A-to-z claim 77", "Hook", "sent")
    ]
    assert HOOK_PASSWORD not in json.dumps(log)

    assert main(["notify", "test", "--user", "cli@shop.test", "--channel", "Hook"]) == 0
    out = capsys.readouterr().out
    assert HOOK_PASSWORD not in out
    assert hook.titles()[-1] == "sellerdesk test notification"
    assert main(["notify", "test", "--user", "cli@shop.test", "--channel", "Nope"]) == 2


def test_the_job_runs_every_minute_and_does_one_pass(db: None, hook: Receiver) -> None:
    from django.utils.module_loading import import_string

    from sellerdesk.jobs.scheduler import DEFAULT_JOBS

    spec = next(j for j in DEFAULT_JOBS if j.name == "notifications")
    assert spec.interval_seconds == 60
    task = import_string(spec.task_path)
    store = StoreFactory.create(name="Job Shop")
    user = member(store, "job@shop.test")
    channel = channel_create(user=user, name="Hook", url=hook.url())
    rule_set(user=user, store=store, event="new_claim", enabled=True, channels=[channel])
    NotificationEvent.objects.create(
        store=store, kind="new_claim", key="claim:5", title="Claim 5", occurred_at=datetime.now(UTC)
    )
    counts = task.call()
    assert (counts["deliveries"], counts["sent"]) == (1, 1)
    assert task.call()["sent"] == 0
    assert hook.titles() == ["[Job Shop] Claim 5"]
