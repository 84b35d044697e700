"""Fetching from a real IMAP server (Debian's Dovecot on loopback)."""

from __future__ import annotations

import imaplib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sellerdesk.mail import services as mail_services
from sellerdesk.mail.fetching import channel_fetch_recorded, channels_fetch_due
from sellerdesk.mail.imap import FetchError, channel_fetch
from sellerdesk.mail.models import InboundEmail, MailChannel
from sellerdesk.mail.services import channel_create
from sellerdesk.messaging.models import Conversation, Message
from tests.factories import StoreFactory
from tests.servers import Dovecot, start_dovecot

DATA = Path(__file__).parent / "data" / "mail"
NOW = datetime(2026, 11, 16, 12, 0, tzinfo=UTC)


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    server = start_dovecot()
    yield server
    server.stop()


def append(server: Dovecot, name: str, when: datetime, folder: str = "INBOX") -> None:
    client = imaplib.IMAP4("127.0.0.1", server.port)
    client.login(server.user, server.password)
    status, _ = client.append(
        folder, None, imaplib.Time2Internaldate(when.timestamp()), (DATA / name).read_bytes()
    )
    assert status == "OK"
    client.logout()


def flags(server: Dovecot) -> list[bytes]:
    client = imaplib.IMAP4("127.0.0.1", server.port)
    client.login(server.user, server.password)
    client.select("INBOX", readonly=True)
    _, data = client.uid("FETCH", "1:*", "(FLAGS)")
    client.logout()
    return [item for item in data if item]


@pytest.fixture
def channel(db, dovecot: Dovecot) -> MailChannel:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="IMAP Store")
    return channel_create(
        store=store,
        name="Amazon mail",
        imap_host="127.0.0.1",
        imap_port=dovecot.port,
        imap_security="none",
        imap_user=dovecot.user,
        imap_password=dovecot.password,
        from_address="orders@blueharbor.test",
    )


def test_fetch_ingests_with_internaldate_and_moves_the_cursor(
    channel: MailChannel, dovecot: Dovecot
) -> None:
    arrived = datetime(2026, 11, 14, 9, 30, tzinfo=UTC)
    append(dovecot, "relay_classic_en.eml", arrived)
    append(dovecot, "atoz_claim.eml", arrived + timedelta(minutes=5))
    result = channel_fetch(channel=channel, now=NOW)
    assert result.as_dict() == {"seen": 2, "ingested": 2, "duplicates": 0, "quarantined": 0}
    channel.refresh_from_db()
    assert channel.last_uid == 2
    assert channel.uidvalidity is not None
    message = Message.objects.get()
    assert message.sent_at == arrived  # INTERNALDATE, not the Date: header
    assert Conversation.objects.get().first_unanswered_at == arrived
    # Nothing was marked seen, moved or deleted.
    assert len(flags(dovecot)) == 2
    assert all(b"\\Seen" not in item for item in flags(dovecot))
    # A second fetch finds nothing new; a new message is picked up alone.
    assert channel_fetch(channel=channel, now=NOW).seen == 0
    append(dovecot, "relay_classic_en_followup.eml", arrived + timedelta(days=1))
    assert channel_fetch(channel=channel, now=NOW).as_dict()["ingested"] == 1
    assert Message.objects.count() == 2


def test_first_sync_is_bounded(channel: MailChannel, dovecot: Dovecot) -> None:
    append(dovecot, "not_amazon.eml", NOW - timedelta(days=45))
    append(dovecot, "relay_classic_en.eml", NOW - timedelta(days=2))
    result = channel_fetch(channel=channel, now=NOW)
    assert result.ingested == 1
    assert InboundEmail.objects.get().kind == "buyer_message"


def test_crash_mid_fetch_loses_nothing_and_rerun_finishes(
    channel: MailChannel, dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ["relay_classic_en.eml", "atoz_claim.eml", "chargeback_notice.eml"]
    for index, name in enumerate(names):
        append(dovecot, name, NOW - timedelta(hours=5 - index))
    real_apply = mail_services._apply
    calls = {"n": 0}

    def crash_on_second(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("power cut")  # not an Exception: nothing catches it
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(mail_services, "_apply", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        channel_fetch(channel=channel, now=NOW)
    channel.refresh_from_db()
    assert channel.last_uid == 1
    assert InboundEmail.objects.count() == 1  # the second one rolled back whole
    monkeypatch.setattr(mail_services, "_apply", real_apply)
    result = channel_fetch(channel=channel, now=NOW)
    assert (result.ingested, result.duplicates) == (2, 0)
    assert InboundEmail.objects.count() == 3
    assert sorted(InboundEmail.objects.values_list("imap_uid", flat=True)) == [1, 2, 3]


def test_uidvalidity_change_rereads_without_duplicates(
    channel: MailChannel, dovecot: Dovecot
) -> None:
    append(dovecot, "relay_classic_en.eml", NOW - timedelta(days=1))
    channel_fetch(channel=channel, now=NOW)
    MailChannel.objects.filter(pk=channel.pk).update(uidvalidity=1)
    channel.refresh_from_db()
    result = channel_fetch(channel=channel, now=NOW)
    assert (result.seen, result.ingested, result.duplicates) == (1, 0, 1)
    assert InboundEmail.objects.count() == 1


def test_move_after_processing_when_configured(channel: MailChannel, dovecot: Dovecot) -> None:
    client = imaplib.IMAP4("127.0.0.1", dovecot.port)
    client.login(dovecot.user, dovecot.password)
    client.create("Processed")
    client.logout()
    append(dovecot, "relay_classic_en.eml", NOW - timedelta(hours=1))
    channel.move_to_folder = "Processed"
    channel.save()
    channel_fetch(channel=channel, now=NOW)
    assert flags(dovecot) == []


def test_failure_is_recorded_without_the_password(
    channel: MailChannel, dovecot: Dovecot, caplog: pytest.LogCaptureFixture
) -> None:
    channel.imap_password = "wrong-password-123"
    channel.save()
    with pytest.raises(FetchError):
        channel_fetch_recorded(channel=channel, now=NOW)
    channel.refresh_from_db()
    assert channel.consecutive_failures == 1
    assert channel.last_error
    assert channel.next_fetch_at is not None
    assert channel.next_fetch_at > NOW
    assert "wrong-password-123" not in channel.last_error
    assert "wrong-password-123" not in caplog.text
    assert "wrong-password-123" not in channel.imap_password_encrypted


def test_due_channels_are_fetched_once(channel: MailChannel, dovecot: Dovecot) -> None:
    append(dovecot, "relay_classic_en.eml", NOW - timedelta(hours=1))
    assert [c.pk for c in channels_fetch_due(now=NOW)] == [channel.pk]
    channel.refresh_from_db()
    assert channel.next_fetch_at == NOW + timedelta(seconds=channel.fetch_interval_seconds)
    assert channels_fetch_due(now=NOW) == []  # not due again yet
    assert InboundEmail.objects.count() == 1
