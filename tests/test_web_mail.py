"""The mail pages of a store: quarantine with Reprocess, and the channels (mail.views)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.mail.models import EmailStatus, InboundEmail, MailChannel
from sellerdesk.mail.services import channel_create, email_ingest, files_channel
from sellerdesk.messaging.models import Conversation
from sellerdesk.stores.models import Store
from tests.web_support import FAST_HASHERS

DATA = Path(__file__).parent / "data" / "mail"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


def page(name: str, store: Store) -> str:
    return reverse(name, kwargs={"store_id": store.pk})


def reprocess_url(store: Store, email: InboundEmail) -> str:
    return reverse("mail_reprocess", kwargs={"store_id": store.pk, "pk": email.pk})


def quarantined(store: Store, *, raw: bytes, subject: str, reason: str) -> InboundEmail:
    """A stored email left in the quarantine (e.g. by a bug since fixed)."""
    return InboundEmail.objects.create(
        channel=files_channel(store=store),
        dedupe_key=f"mid:<{subject}>",
        sha256="0" * 64,
        raw=raw,
        size=len(raw),
        received_at=timezone.now(),
        from_address="alisa@marketplace.amazon.com",
        subject=subject,
        status=EmailStatus.QUARANTINED,
        reason=reason,
        attempts=2,
    )


def test_quarantine_lists_the_stores_quarantined_mail_only(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    client.force_login(agent_a)
    mine = quarantined(store_a, raw=b"x", subject="Mine stuck", reason="internal error: KeyError")
    quarantined(store_b, raw=b"x", subject="Theirs stuck", reason="nope")
    email_ingest(
        channel=files_channel(store=store_a), raw=(DATA / "relay_classic_en.eml").read_bytes()
    )  # processed: not listed

    html = client.get(page("mail_quarantine", store_a)).text
    assert "Mine stuck" in html
    assert "internal error: KeyError" in html
    assert "alisa@marketplace.amazon.com" in html
    assert '<td class="num">2</td>' in html  # attempts
    assert reprocess_url(store_a, mine) in html
    assert "Theirs stuck" not in html
    assert "Inquiry from Amazon customer" not in html
    # The inbox's header carries the count.
    inbox = client.get(reverse("inbox_list", kwargs={"store_id": store_a.pk})).text
    assert '<span class="count-pill">1</span>' in inbox
    assert client.get(page("mail_quarantine", store_b)).status_code == 404


def test_reprocess_runs_the_pipeline_again(client: Client, agent_a: User, store_a: Store) -> None:
    client.force_login(agent_a)
    raw = (DATA / "relay_classic_en.eml").read_bytes()
    email = quarantined(store_a, raw=raw, subject="Inquiry", reason="internal error: bug")
    response = client.post(reprocess_url(store_a, email), follow=True)
    assert response.redirect_chain == [(page("mail_quarantine", store_a), 302)]
    assert "was processed this time" in response.text
    email.refresh_from_db()
    assert email.status == EmailStatus.PROCESSED
    assert email.attempts == 3
    assert Conversation.objects.filter(store=store_a, buyer_name="Alisa").exists()
    # Again: it is not in the quarantine any more.
    response = client.post(reprocess_url(store_a, email), follow=True)
    assert "was processed already" in response.text
    email.refresh_from_db()
    assert email.attempts == 3


def test_reprocess_that_fails_again_says_why(client: Client, agent_a: User, store_a: Store) -> None:
    client.force_login(agent_a)
    email = quarantined(store_a, raw=b"\x00\x01 not mail", subject="Garbage", reason="garbage")
    response = client.post(reprocess_url(store_a, email), follow=True)
    assert "Still quarantined:" in response.text
    email.refresh_from_db()
    assert email.status == EmailStatus.QUARANTINED


def test_viewer_sees_the_quarantine_without_reprocess(
    client: Client, viewer_a: User, store_a: Store
) -> None:
    client.force_login(viewer_a)
    email = quarantined(store_a, raw=b"x", subject="Stuck", reason="why")
    html = client.get(page("mail_quarantine", store_a)).text
    assert "Stuck" in html
    assert "Reprocess" not in html
    assert client.post(reprocess_url(store_a, email)).status_code == 403
    email.refresh_from_db()
    assert email.attempts == 2


def test_reprocess_of_another_stores_email_is_404(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    client.force_login(agent_a)
    theirs = quarantined(store_b, raw=b"x", subject="Theirs", reason="why")
    assert client.post(reprocess_url(store_a, theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.attempts == 2


@pytest.fixture
def channel(store_a: Store) -> MailChannel:
    channel = channel_create(
        store=store_a, name="Amazon mail", imap_host="imap.blueharbor.test",
        imap_user="orders@blueharbor.test", imap_password="imap-SECRET-pw",
        smtp_password="smtp-SECRET-pw", from_address="orders@blueharbor.test",
    )  # fmt: skip
    MailChannel.objects.filter(pk=channel.pk).update(
        last_fetch_at=timezone.now(), last_error="IMAP login failed", consecutive_failures=3
    )
    return channel


def test_channels_show_health_and_never_passwords(
    client: Client, agent_a: User, store_a: Store, channel: MailChannel
) -> None:
    client.force_login(agent_a)
    html = client.get(page("mail_channels", store_a)).text
    assert "Amazon mail" in html
    assert "orders@blueharbor.test@imap.blueharbor.test:993" in html
    assert "IMAP login failed" in html
    assert '<td class="num">3</td>' in html
    assert "SECRET" not in html
    assert channel.imap_password_encrypted not in html
    # An agent reads, but cannot add.
    assert 'name="imap_password"' not in html
    assert client.post(page("mail_channels", store_a), {"name": "x"}).status_code == 403


def test_owner_adds_a_channel(client: Client, owner_a: User, store_a: Store) -> None:
    client.force_login(owner_a)
    html = client.get(page("mail_channels", store_a)).text
    assert '<input type="password" name="imap_password"' in html
    form = {
        "name": "Shop mailbox", "from_address": "Orders@Shop.test", "imap_host": "imap.shop.test",
        "imap_port": "993", "imap_security": "ssl", "imap_user": "orders", "imap_folder": "INBOX",
        "imap_password": "pw-one", "smtp_host": "", "smtp_port": "587",
        "smtp_security": "starttls", "smtp_user": "", "smtp_password": "", "first_sync_days": "30",
    }  # fmt: skip
    response = client.post(page("mail_channels", store_a), form)
    assert response.status_code == 302
    channel = MailChannel.objects.get(store=store_a, name="Shop mailbox")
    assert channel.from_address == "orders@shop.test"
    assert channel.smtp_host == "imap.shop.test"  # defaults to the IMAP server
    assert channel.imap_password == channel.smtp_password == "pw-one"
    assert "pw-one" not in channel.imap_password_encrypted

    # The same name again: refused, and the password is not sent back.
    response = client.post(page("mail_channels", store_a), form)
    assert response.status_code == 400
    assert "has a channel named" in response.text
    assert "pw-one" not in response.text
    assert MailChannel.objects.filter(store=store_a, name="Shop mailbox").count() == 1


def test_settings_page_links_the_mail_pages(client: Client, agent_a: User, store_a: Store) -> None:
    client.force_login(agent_a)
    html = client.get(page("store_settings", store_a)).text
    assert f'href="{page("mail_channels", store_a)}"' in html
    assert f'href="{page("mail_quarantine", store_a)}"' in html
