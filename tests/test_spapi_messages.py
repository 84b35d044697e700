"""Proactive messages (Messaging API) from the order's message page, against the fake server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.orders.models import Order
from sellerdesk.spapi.messages import MessageRefused, proactive_message_send
from sellerdesk.spapi.models import MessageStatus, ProactiveMessage
from sellerdesk.stores.models import Store
from tests.factories import OrderFactory
from tests.fake_spapi import FakeSpApi
from tests.spapi_support import connect, running_fake

CLEAN = (
    "Hello, about your order {oid}: the engraving you asked for reads 'Anna'. "
    "Please confirm the spelling so we can finish it."
)


@pytest.fixture
def fake() -> Iterator[FakeSpApi]:
    with running_fake() as server:
        yield server


@pytest.fixture
def store(store_a: Store, fake: FakeSpApi) -> Store:
    connect(store_a, fake)
    return store_a


@pytest.fixture
def order(store: Store, fake: FakeSpApi) -> Order:
    order = OrderFactory(store=store, status="Unshipped", purchase_date=timezone.now())
    fake.messaging_actions[order.amazon_order_id] = [
        "confirmCustomizationDetails",
        "digitalAccessKey",
        "warranty",
    ]
    return order


def url(order: Order) -> str:
    return reverse("order_message", kwargs={"store_id": order.store_id, "pk": order.pk})


def signed_in(user: User) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def form(order: Order, text: str, action: str = "confirmCustomizationDetails") -> dict[str, str]:
    return {"action": action, "text": text.format(oid=order.amazon_order_id), "nonce": "n-1"}


def test_the_page_lists_what_amazon_allows_now(order: Order, agent_a: User) -> None:
    page = signed_in(agent_a).get(url(order))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Confirm customization details" in html
    assert "up to 800 characters" in html
    assert "Digital access key" in html
    assert "Warranty" in html  # shown, but not offered in the form:
    assert "needs attachments" in html
    assert '<option value="warranty"' not in html
    assert "allowed" in html  # the 30-day note


@pytest.mark.parametrize(
    ("text", "action", "rule"),
    [
        ("Order {oid}: write to help@shop.example for the engraving.", "", "Email addresses"),
        ("Order {oid}: <b>please</b> confirm the engraving.", "", "No HTML"),
        ("Order {oid}: your key is " + "K" * 400, "digitalAccessKey", "the limit here is 400"),
    ],
)
def test_the_compliance_check_blocks(
    order: Order, agent_a: User, fake: FakeSpApi, text: str, action: str, rule: str
) -> None:
    answer = signed_in(agent_a).post(
        url(order), form(order, text, action or "confirmCustomizationDetails")
    )
    assert answer.status_code == 422
    html = answer.content.decode()
    assert "breaks Amazon" in html
    assert rule in html
    assert fake.messages_sent == []
    assert not ProactiveMessage.objects.exists()


def test_a_clean_message_is_sent_logged_and_audited(
    order: Order, agent_a: User, fake: FakeSpApi
) -> None:
    browser = signed_in(agent_a)
    answer = browser.post(url(order), form(order, CLEAN))
    assert answer.status_code == 302
    text = CLEAN.format(oid=order.amazon_order_id)
    assert fake.messages_sent == [
        (order.amazon_order_id, "confirmCustomizationDetails", {"text": text,
         "marketplaceIds": ["ATVPDKIKX0DER"], "MarketplaceIds": ["ATVPDKIKX0DER"]})
    ]  # fmt: skip
    message = ProactiveMessage.objects.get()
    assert (message.status, message.action, message.sent_by) == (
        MessageStatus.SENT, "confirmCustomizationDetails", agent_a,
    )  # fmt: skip
    event = AuditEvent.objects.get(action="spapi.message_sent")
    assert (event.actor, event.target_id) == (agent_a, str(message.pk))
    assert "Sent to the buyer" in browser.get(url(order)).content.decode()
    # The same form again (a double click) is not sent twice.
    again = browser.post(url(order), form(order, CLEAN))
    assert again.status_code == 422
    assert "already sent" in again.content.decode()
    assert len(fake.messages_sent) == 1


def test_a_type_amazon_does_not_allow_now_is_refused(
    order: Order, agent_a: User, fake: FakeSpApi
) -> None:
    fake.messaging_actions[order.amazon_order_id] = ["confirmDeliveryDetails"]
    answer = signed_in(agent_a).post(url(order), form(order, CLEAN))
    assert answer.status_code == 422
    assert "does not allow" in answer.content.decode()
    assert fake.messages_sent == []


def test_outside_thirty_days_of_completion_is_refused(
    store: Store, fake: FakeSpApi, agent_a: User
) -> None:
    now = timezone.now()
    old = OrderFactory(store=store, status="Shipped", purchase_date=now - timedelta(days=45),
                       delivered_at=now - timedelta(days=31))  # fmt: skip
    fake.messaging_actions[old.amazon_order_id] = ["confirmCustomizationDetails"]
    page = signed_in(agent_a).get(url(old))
    assert "only within 30 days of order completion" in page.content.decode()
    assert "<textarea" not in page.content.decode()
    answer = signed_in(agent_a).post(url(old), form(old, CLEAN))
    assert answer.status_code == 422
    assert fake.messages_sent == []
    recent = OrderFactory(store=store, status="Shipped", purchase_date=now - timedelta(days=40),
                          delivered_at=now - timedelta(days=29))  # fmt: skip
    fake.messaging_actions[recent.amazon_order_id] = ["confirmCustomizationDetails"]
    proactive_message_send(order=recent, action="confirmCustomizationDetails",
                           text=CLEAN.format(oid=recent.amazon_order_id), user=agent_a)  # fmt: skip
    assert len(fake.messages_sent) == 1


def test_amazons_refusal_is_logged_as_failed(order: Order, fake: FakeSpApi, agent_a: User) -> None:
    fake.fail("POST", r"/messaging/v1/orders/.*", 400, times=1)
    browser = signed_in(agent_a)
    refused = browser.post(url(order), form(order, CLEAN))
    assert refused.status_code == 422
    assert "Amazon refused" in refused.content.decode()
    failed = ProactiveMessage.objects.get()
    assert failed.status == MessageStatus.FAILED
    assert "HTTP 400" in failed.error
    # Nothing went out, so the same form may be sent again.
    assert browser.post(url(order), form(order, CLEAN)).status_code == 302
    assert len(fake.messages_sent) == 1
    with pytest.raises(MessageRefused, match="already sent"):
        proactive_message_send(order=order, action="confirmCustomizationDetails",
                               text=CLEAN.format(oid=order.amazon_order_id), user=None,
                               nonce="n-1")  # fmt: skip


def test_viewers_cannot_send(order: Order, viewer_a: User, fake: FakeSpApi) -> None:
    assert signed_in(viewer_a).post(url(order), form(order, CLEAN)).status_code == 403
    assert fake.messages_sent == []


def test_without_a_connection_the_page_says_so(store_b: Store, agent_a: User) -> None:
    from tests.factories import MembershipFactory

    MembershipFactory(user=agent_a, store=store_b, role="agent")
    order = OrderFactory(store=store_b)
    page = signed_in(agent_a).get(url(order))
    assert page.status_code == 200
    assert "not connected" in page.content.decode()
