"""Replies out through a real SMTP server (aiosmtpd on loopback): exactly once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from sellerdesk.audit.models import AuditEvent
from sellerdesk.mail.services import channel_create, email_ingest, files_channel
from sellerdesk.messaging import outbox
from sellerdesk.messaging.models import Conversation, Message, Reply
from sellerdesk.messaging.outbox import (
    ComplianceError,
    conversation_no_response_needed,
    replies_recover,
    replies_send_due,
    reply_queue,
    reply_send,
)
from tests.factories import MembershipFactory, StoreFactory, UserFactory
from tests.servers import Smtp, start_smtp

DATA = Path(__file__).parent / "data" / "mail"
BODY = "Hello Alisa, your parcel for order 111-0944945-3989852 is with UPS and arrives Friday."


@pytest.fixture
def smtp() -> Iterator[Smtp]:
    server = start_smtp()
    yield server
    server.stop()


@pytest.fixture
def desk(db, smtp: Smtp):  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Outbox Store")
    agent = UserFactory(email="agent@outbox.test")
    owner = UserFactory(email="owner@outbox.test")
    viewer = UserFactory(email="viewer@outbox.test")
    MembershipFactory(user=agent, store=store, role="agent")
    MembershipFactory(user=owner, store=store, role="owner")
    MembershipFactory(user=viewer, store=store, role="viewer")
    channel_create(
        store=store, name="Mail", imap_host="127.0.0.1", imap_port=1, imap_security="none",
        imap_user="u", imap_password="p", smtp_host="127.0.0.1", smtp_port=smtp.port,
        smtp_security="none", from_address="orders@blueharbor.test",
    )  # fmt: skip
    from sellerdesk.mail.models import MailChannel

    MailChannel.objects.filter(store=store, name="Mail").update(smtp_user="")
    email_ingest(
        channel=files_channel(store=store), raw=(DATA / "relay_classic_en.eml").read_bytes()
    )
    conversation = Conversation.objects.get(store=store)
    return {"store": store, "agent": agent, "owner": owner, "viewer": viewer, "c": conversation}


def test_reply_is_sent_once_with_threading_headers_and_stops_the_clock(desk, smtp) -> None:  # type: ignore[no-untyped-def]
    reply = reply_queue(conversation=desk["c"], author=desk["agent"], body=BODY)
    assert reply.status == "queued"
    assert reply_send(reply_id=reply.pk) == "sent"
    assert len(smtp.handler.messages) == 1
    mail_from, rcpt, content = smtp.handler.messages[0]
    assert mail_from == "orders@blueharbor.test"
    assert rcpt == ["sz2y5ywh1qg1vhx+133a066e@marketplace.amazon.com"]
    sent = message_from_bytes(content, policy=policy.default)
    assert sent["In-Reply-To"] == "<0100018f-relay-classic-en@email.amazonses.com>"
    assert "0100018f-relay-classic-en" in sent["References"]
    assert sent["Subject"].startswith("RE: Inquiry from Amazon customer Alisa")
    assert sent.get_content().strip() == BODY
    reply.refresh_from_db()
    assert reply.smtp_response.startswith("250")
    conversation = Conversation.objects.get(pk=desk["c"].pk)
    assert conversation.status == "answered"
    assert conversation.due_at is None
    assert conversation.amazon_due_at is None
    assert conversation.messages.filter(direction="out").get().message_id == reply.message_id
    # Sending it again is a no-op.
    assert reply_send(reply_id=reply.pk) == "sent"
    assert len(smtp.handler.messages) == 1


def test_new_buyer_message_reopens_an_answered_conversation(desk, smtp) -> None:  # type: ignore[no-untyped-def]
    reply = reply_queue(conversation=desk["c"], author=desk["agent"], body=BODY)
    reply_send(reply_id=reply.pk)
    raw = (
        (DATA / "relay_classic_en_followup.eml")
        .read_bytes()
        .replace(b"Sun, 08 Nov 2026 10:00", b"Tue, 08 Dec 2026 10:00")
    )
    email_ingest(channel=files_channel(store=desk["store"]), raw=raw)
    conversation = Conversation.objects.get(pk=desk["c"].pk)
    assert conversation.status == "needs_response"
    assert conversation.first_unanswered_at is not None
    assert conversation.first_unanswered_at.month == 12


def test_compliance_errors_block_and_an_owner_override_is_audited(desk, smtp) -> None:  # type: ignore[no-untyped-def]
    bad = BODY + " Call us on +1 555 123 4567."
    with pytest.raises(ComplianceError) as caught:
        reply_queue(conversation=desk["c"], author=desk["agent"], body=bad)
    assert "phone_number" in str(caught.value)
    with pytest.raises(PermissionDenied):
        reply_queue(conversation=desk["c"], author=desk["agent"], body=bad, override_reason="ok")
    reply = reply_queue(
        conversation=desk["c"], author=desk["owner"], body=bad,
        override_reason="The buyer asked for our number for a warranty claim.",
    )  # fmt: skip
    assert reply.override_reason
    event = AuditEvent.objects.get(action="reply.compliance_override")
    assert event.actor == desk["owner"]
    assert event.data["rules"] == ["phone_number"]


def test_viewers_cannot_reply_or_close(desk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        reply_queue(conversation=desk["c"], author=desk["viewer"], body=BODY)
    with pytest.raises(PermissionDenied):
        conversation_no_response_needed(conversation=desk["c"], actor=desk["viewer"])


def test_no_response_needed_ends_the_clock(desk) -> None:  # type: ignore[no-untyped-def]
    conversation_no_response_needed(conversation=desk["c"], actor=desk["agent"])
    conversation = Conversation.objects.get(pk=desk["c"].pk)
    assert conversation.status == "no_response_needed"
    assert conversation.due_at is None


def test_temporary_failure_is_retried_with_backoff(desk, smtp) -> None:  # type: ignore[no-untyped-def]
    smtp.handler.fail_next = ["451 4.3.0 Try again later"]
    reply = reply_queue(conversation=desk["c"], author=desk["agent"], body=BODY)
    now = timezone.now()
    assert reply_send(reply_id=reply.pk, now=now) == "queued"
    reply.refresh_from_db()
    assert reply.attempts == 1
    assert reply.last_error.startswith("451")
    assert reply.next_attempt_at == now + timedelta(minutes=2)
    assert reply_send(reply_id=reply.pk, now=now) == "queued"  # not due yet: nothing happens
    assert replies_send_due(now=now + timedelta(minutes=3)) == 1
    assert len(smtp.handler.messages) == 1


def test_permanent_failure_is_recorded(desk, smtp) -> None:  # type: ignore[no-untyped-def]
    smtp.handler.fail_next = ["554 5.7.1 Sender not authorized"]
    reply = reply_queue(conversation=desk["c"], author=desk["agent"], body=BODY)
    assert reply_send(reply_id=reply.pk) == "failed"
    reply.refresh_from_db()
    assert reply.smtp_response.startswith("554")
    assert Conversation.objects.get(pk=desk["c"].pk).status == "needs_response"


def test_crash_after_the_server_accepted_never_resends(desk, smtp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    reply = reply_queue(conversation=desk["c"], author=desk["agent"], body=BODY)

    def power_cut(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt("power cut after DATA")

    monkeypatch.setattr(outbox, "_mark_sent", power_cut)
    with pytest.raises(KeyboardInterrupt):
        reply_send(reply_id=reply.pk)
    assert len(smtp.handler.messages) == 1
    monkeypatch.undo()
    later = timezone.now() + timedelta(minutes=15)
    assert replies_recover(now=later) == {"requeued": 0, "unconfirmed": 1}
    assert replies_send_due(now=later) == 0
    assert len(smtp.handler.messages) == 1
    assert Reply.objects.get(pk=reply.pk).status == "unconfirmed"


def test_crash_before_sending_is_retried(desk, smtp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    reply = reply_queue(conversation=desk["c"], author=desk["agent"], body=BODY)

    def power_cut(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt("power cut while connecting")

    monkeypatch.setattr(outbox, "_connect", power_cut)
    with pytest.raises(KeyboardInterrupt):
        reply_send(reply_id=reply.pk)
    monkeypatch.undo()
    later = timezone.now() + timedelta(minutes=15)
    assert replies_recover(now=later) == {"requeued": 1, "unconfirmed": 0}
    assert replies_send_due(now=later) == 1
    assert len(smtp.handler.messages) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_send_a_reply_once(smtp) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Race Store")
    agent = UserFactory(email="race@outbox.test")
    MembershipFactory(user=agent, store=store, role="agent")
    channel_create(
        store=store, name="Mail", imap_host="127.0.0.1", imap_user="u", imap_password="p",
        smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_security="none",
        from_address="orders@race.test",
    )  # fmt: skip
    from sellerdesk.mail.models import MailChannel

    MailChannel.objects.filter(store=store).update(smtp_user="")
    email_ingest(
        channel=files_channel(store=store), raw=(DATA / "relay_classic_en.eml").read_bytes()
    )
    replies = [
        reply_queue(conversation=Conversation.objects.get(store=store), author=agent, body=BODY)
        for _ in range(3)
    ]
    results: list[str] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        try:
            for reply in replies:
                status = reply_send(reply_id=reply.pk, worker=name)
                with lock:
                    results.append(status)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(smtp.handler.messages) == 3
    assert Message.objects.filter(direction="out").count() == 3
    assert sorted({r.message_id for r in Reply.objects.all()}) == sorted(
        message_from_bytes(m[2], policy=policy.default)["Message-ID"] for m in smtp.handler.messages
    )
