"""Editing a mail channel, and enabling or disabling it (mail.views, mail.services)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.views.debug import ExceptionReporter
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.mail.models import MailChannel
from sellerdesk.mail.services import channel_create, files_channel
from sellerdesk.stores.models import Store
from tests.web_support import FAST_HASHERS

IMAP_PASSWORD = "imap-s3cret-Walrus"
SMTP_PASSWORD = "smtp-s3cret-Narwhal"
TYPED_IMAP, TYPED_SMTP = "typed-Okapi-1", "typed-Quokka-2"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def channel(store_a: Store) -> MailChannel:
    channel = channel_create(
        store=store_a, name="Shop mailbox", imap_host="imap.shop.test", imap_user="orders",
        imap_password=IMAP_PASSWORD, smtp_password=SMTP_PASSWORD,
        from_address="orders@shop.test",
    )  # fmt: skip
    MailChannel.objects.filter(pk=channel.pk).update(uidvalidity=77, last_uid=1234)
    channel.refresh_from_db()
    return channel


def edit_url(channel: MailChannel) -> str:
    return reverse("mail_channel_edit", kwargs={"store_id": channel.store_id, "pk": channel.pk})


def active_url(channel: MailChannel) -> str:
    return reverse("mail_channel_active", kwargs={"store_id": channel.store_id, "pk": channel.pk})


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_of(channel: MailChannel, **changes: Any) -> dict[str, Any]:
    """The edit form as the page fills it: the channel's settings, passwords empty."""
    form = {
        "imap_host": channel.imap_host,
        "imap_port": channel.imap_port,
        "imap_security": channel.imap_security,
        "imap_user": channel.imap_user,
        "imap_password": "",
        "imap_folder": channel.imap_folder,
        "move_to_folder": channel.move_to_folder,
        "first_sync_days": channel.first_sync_days,
        "fetch_interval_seconds": channel.fetch_interval_seconds,
        "smtp_host": channel.smtp_host,
        "smtp_port": channel.smtp_port,
        "smtp_security": channel.smtp_security,
        "smtp_user": channel.smtp_user,
        "smtp_password": "",
        "from_address": channel.from_address,
    }
    form.update(changes)
    return form


def secrets_of(channel: MailChannel) -> list[str]:
    return [
        IMAP_PASSWORD,
        SMTP_PASSWORD,
        channel.imap_password_encrypted,
        channel.smtp_password_encrypted,
    ]


def test_owner_edits_a_channel_and_a_blank_password_keeps_the_stored_one(
    owner_a: User, channel: MailChannel, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = signed_in(owner_a)
    page = client.get(edit_url(channel))
    assert page.status_code == 200
    assert 'value="imap.shop.test"' in page.text
    assert [s for s in secrets_of(channel) if s in page.text] == []

    response = client.post(
        edit_url(channel),
        form_of(
            channel,
            imap_port=143,
            imap_security="starttls",
            imap_folder="Amazon",
            move_to_folder="Amazon/Done",
            first_sync_days=7,
            fetch_interval_seconds=300,
            smtp_port=465,
            smtp_security="ssl",
            from_address="Service@Shop.test",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("mail_channels", args=[channel.store_id])
    channel.refresh_from_db()
    assert (channel.imap_port, channel.imap_security, channel.imap_folder) == (
        143, "starttls", "Amazon",
    )  # fmt: skip
    assert (channel.move_to_folder, channel.first_sync_days) == ("Amazon/Done", 7)
    assert (channel.fetch_interval_seconds, channel.smtp_port, channel.smtp_security) == (
        300, 465, "ssl",
    )  # fmt: skip
    assert channel.from_address == "service@shop.test"
    assert (channel.imap_password, channel.smtp_password) == (IMAP_PASSWORD, SMTP_PASSWORD)
    # Another folder is another mailbox: the fetch cursor starts over.
    assert (channel.uidvalidity, channel.last_uid) == (None, 0)

    event = AuditEvent.objects.get(action="mail.channel_changed")
    assert (event.actor, event.store_id, event.target_id) == (
        owner_a, channel.store_id, str(channel.pk),
    )  # fmt: skip
    assert event.data["changed"]["imap_folder"] == ["INBOX", "Amazon"]
    assert event.data["passwords_changed"] == []

    listing = client.get(response["Location"]).text
    assert "Channel “Shop mailbox” saved." in listing
    everything = listing + str(event.data) + caplog.text
    assert [s for s in secrets_of(channel) if s in everything] == []


def test_a_typed_password_replaces_the_stored_one_and_is_never_shown(
    owner_a: User, channel: MailChannel, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = signed_in(owner_a)
    new = "brand-new-Pangolin-9"
    response = client.post(edit_url(channel), form_of(channel, imap_password=new))
    assert response.status_code == 302
    channel.refresh_from_db()
    assert (channel.imap_password, channel.smtp_password) == (new, SMTP_PASSWORD)
    assert new not in channel.imap_password_encrypted
    # The cursor stays: the same mailbox.
    assert (channel.uidvalidity, channel.last_uid) == (77, 1234)
    event = AuditEvent.objects.get(action="mail.channel_changed")
    assert event.data == {"changed": {}, "passwords_changed": ["imap_password"]}

    # A refused form does not render the typed password back either.
    refused = client.post(
        edit_url(channel), form_of(channel, imap_password=new, from_address="not an address")
    )
    assert refused.status_code == 400
    assert "Enter a valid email address." in refused.text
    assert new not in refused.text
    assert [s for s in [*secrets_of(channel), new] if s in refused.text + caplog.text] == []


def test_another_server_needs_the_password_typed_again(owner_a: User, channel: MailChannel) -> None:
    client = signed_in(owner_a)
    moved = form_of(channel, imap_host="imap.elsewhere.test", smtp_host="")

    refused = client.post(edit_url(channel), moved)
    assert refused.status_code == 400
    # SMTP follows the IMAP server when its own is empty: both go somewhere new.
    assert "Type the IMAP and SMTP password again" in refused.text
    channel.refresh_from_db()
    assert channel.imap_host == "imap.shop.test"
    assert not AuditEvent.objects.filter(action="mail.channel_changed").exists()

    unencrypted = client.post(edit_url(channel), form_of(channel, smtp_security="none"))
    assert unencrypted.status_code == 400
    assert "Type the SMTP password again" in unencrypted.text

    moved.update(imap_password="pw-for-elsewhere", smtp_password="smtp-for-elsewhere")
    assert client.post(edit_url(channel), moved).status_code == 302
    channel.refresh_from_db()
    assert (channel.imap_host, channel.smtp_host) == ("imap.elsewhere.test", "imap.elsewhere.test")
    assert (channel.imap_password, channel.smtp_password) == (
        "pw-for-elsewhere", "smtp-for-elsewhere",
    )  # fmt: skip


def test_nothing_changed_writes_and_audits_nothing(owner_a: User, channel: MailChannel) -> None:
    response = signed_in(owner_a).post(edit_url(channel), form_of(channel), follow=True)
    assert "Nothing to change in “Shop mailbox”." in response.text
    assert not AuditEvent.objects.filter(action="mail.channel_changed").exists()


def test_owner_disables_and_enables_a_channel(owner_a: User, channel: MailChannel) -> None:
    client = signed_in(owner_a)
    listing = client.get(reverse("mail_channels", args=[channel.store_id])).text
    assert f'href="{edit_url(channel)}"' in listing
    assert f'action="{active_url(channel)}"' in listing

    response = client.post(active_url(channel), {"active": "0"}, follow=True)
    assert "Channel “Shop mailbox” disabled" in response.text
    channel.refresh_from_db()
    assert channel.is_active is False
    assert ">disabled</span>" in response.text

    # Twice is once.
    client.post(active_url(channel), {"active": "0"})
    assert AuditEvent.objects.filter(action="mail.channel_disabled").count() == 1

    client.post(active_url(channel), {"active": "1"})
    channel.refresh_from_db()
    assert channel.is_active is True
    event = AuditEvent.objects.get(action="mail.channel_enabled")
    assert (event.actor, event.target_id) == (owner_a, str(channel.pk))


@pytest.mark.parametrize("who", ["agent", "viewer"])
def test_only_an_owner_may_change_a_channel(
    who: str, agent_a: User, viewer_a: User, channel: MailChannel
) -> None:
    client = signed_in(agent_a if who == "agent" else viewer_a)
    page = client.get(edit_url(channel))
    assert page.status_code == 200
    assert "Read-only: only an owner can change a channel" in page.text
    assert "Save channel" not in page.text
    assert [s for s in secrets_of(channel) if s in page.text] == []

    before = list(MailChannel.objects.values())
    assert client.post(edit_url(channel), form_of(channel, imap_port=143)).status_code == 403
    assert client.post(active_url(channel), {"active": "0"}).status_code == 403
    assert list(MailChannel.objects.values()) == before
    assert (
        not AuditEvent.objects.filter(action__startswith="mail.channel_")
        .exclude(action="mail.channel_added")
        .exists()
    )


def test_another_stores_channel_and_the_file_channel_are_404(
    owner_a: User, channel: MailChannel, store_a: Store, store_b: Store
) -> None:
    client = signed_in(owner_a)
    other = channel_create(
        store=store_b, name="B mailbox", imap_host="imap.b.test", imap_user="b",
        imap_password="b-password", from_address="orders@b.test",
    )  # fmt: skip
    foreign = reverse("mail_channel_edit", kwargs={"store_id": store_a.pk, "pk": other.pk})
    assert client.get(foreign).status_code == 404
    assert client.post(foreign, form_of(other)).status_code == 404
    files = files_channel(store=store_a)
    assert client.get(edit_url(files)).status_code == 404
    assert client.post(active_url(files), {"active": "0"}).status_code == 404


def _database_gone(self: MailChannel, *args: Any, **kwargs: Any) -> None:
    # Apart from the test: the report quotes the source lines around this raise.
    raise RuntimeError("the database went away")


def test_an_error_report_hides_the_typed_passwords(
    owner_a: User,
    channel: MailChannel,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Deep inside channel_update, with the passwords in its arguments and locals.
    monkeypatch.setattr(MailChannel, "full_clean", _database_gone)
    client = Client(raise_request_exception=False)
    client.force_login(owner_a)
    typed = {"imap_password": TYPED_IMAP, "smtp_password": TYPED_SMTP}

    response = client.post(edit_url(channel), form_of(channel, **typed))

    assert response.status_code == 500
    [record] = [r for r in caplog.records if r.name == "django.request"]
    # What Django mails to the admins (AdminEmailHandler): the text, and with
    # include_html the page with every frame's local variables.
    assert record.exc_info is not None
    reporter = ExceptionReporter(record.request, *record.exc_info)  # type: ignore[attr-defined]
    text, html = reporter.get_traceback_text(), reporter.get_traceback_html()
    assert "the database went away" in text
    assert "imap_password = '********************'" in text  # the POST data, starred
    assert "channel_update" in html  # the service's frame and its locals are there
    assert [p for p in typed.values() if p in text + html + caplog.text] == []
