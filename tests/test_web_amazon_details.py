"""The order's live details from Amazon, loaded lazily into the inbox's details pane
and the order page; and the order page's link to the proactive message page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.messaging.models import Conversation
from sellerdesk.orders.models import Order
from sellerdesk.spapi.selectors import NOT_CONNECTED
from sellerdesk.stores.models import Store
from tests.factories import ConversationFactory, OrderFactory
from tests.fake_spapi import FakeSpApi
from tests.spapi_support import connect, running_fake
from tests.web_support import FAST_HASHERS

OID = "114-3941689-8772232"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()  # the live details are cached a few minutes
    yield
    cache.clear()


@pytest.fixture
def order(store_a: Store) -> Order:
    return OrderFactory(store=store_a, amazon_order_id=OID, buyer_name="")


@pytest.fixture
def conversation(store_a: Store, order: Order) -> Conversation:
    return ConversationFactory(store=store_a, order=order, amazon_order_id=OID)


@pytest.fixture
def fake() -> Iterator[FakeSpApi]:
    with running_fake() as server:
        server.orders[OID] = {
            "AmazonOrderId": OID,
            "OrderStatus": "Shipped",
            "FulfillmentChannel": "MFN",
            "NumberOfItemsShipped": 1,
            "NumberOfItemsUnshipped": 0,
            "BuyerInfo": {"BuyerName": "Alisa Quartermaine"},
        }
        server.order_items[OID] = [
            {"ASIN": "B07XJ8C8F5", "SellerSKU": "BH-BOTTLE-750", "Title": "Water Bottle",
             "QuantityOrdered": 1, "QuantityShipped": 1,
             "ItemPrice": {"CurrencyCode": "USD", "Amount": "19.99"}},
        ]  # fmt: skip
        yield server


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def partial_url(order: Order) -> str:
    return reverse("order_amazon_details", kwargs={"store_id": order.store_id, "pk": order.pk})


def lazy_loader(html: str, order: Order) -> str:
    """The element that fetches the partial when it loads, or ''."""
    url = re.escape(partial_url(order))
    found = re.search(rf'<div [^>]*hx-get="{url}"[^>]*>', html)
    return found.group(0) if found else ""


def inbox_pane(client: Client, conversation: Conversation) -> str:
    url = reverse("inbox_detail", kwargs={"store_id": conversation.store_id, "pk": conversation.pk})
    return client.get(url, headers={"HX-Request": "true", "HX-Target": "conversation"}).text


def test_the_inbox_details_pane_loads_the_partial_lazily(
    agent_a: User, conversation: Conversation, order: Order
) -> None:
    client = signed_in(agent_a)
    page = client.get(
        reverse("inbox_detail", kwargs={"store_id": order.store_id, "pk": conversation.pk})
    ).text
    pane = inbox_pane(client, conversation)
    for html in (page, pane):
        loader = lazy_loader(html, order)
        assert 'hx-trigger="load"' in loader
        # Inside the details pane, after the order's own facts.
        details = html.index('id="details"')
        assert details < html.index(loader) < html.index("On this order")
    assert "Alisa Quartermaine" not in pane  # nothing from Amazon until it is asked


def test_without_a_connection_the_pane_says_so(
    agent_a: User, conversation: Conversation, order: Order
) -> None:
    client = signed_in(agent_a)
    assert lazy_loader(inbox_pane(client, conversation), order)
    partial = client.get(partial_url(order), headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert "<html" not in partial.text
    assert NOT_CONNECTED.replace("'", "&#x27;") in partial.text


def test_with_a_connection_the_pane_shows_amazons_details(
    agent_a: User, conversation: Conversation, order: Order, store_a: Store, fake: FakeSpApi
) -> None:
    connect(store_a, fake)
    client = signed_in(agent_a)
    assert lazy_loader(inbox_pane(client, conversation), order)
    partial = client.get(partial_url(order), headers={"HX-Request": "true"}).text
    assert "Alisa Quartermaine" in partial
    assert "Shipped: 1 of 1 items shipped" in partial
    assert "BH-BOTTLE-750" in partial
    assert "not connected" not in partial


def test_a_conversation_without_an_order_asks_amazon_nothing(agent_a: User, store_a: Store) -> None:
    conversation = ConversationFactory(store=store_a, order=None, amazon_order_id="")
    pane = inbox_pane(signed_in(agent_a), conversation)
    assert "/amazon/" not in pane
    assert "On this order" in pane


def test_the_order_page_loads_the_partial_and_links_the_message_page(
    agent_a: User, order: Order
) -> None:
    html = signed_in(agent_a).get(reverse("orders_detail", args=[order.store_id, order.pk])).text
    loader = lazy_loader(html, order)
    assert 'hx-trigger="load"' in loader
    assert 'hx-swap="outerHTML"' in loader
    message = reverse("order_message", kwargs={"store_id": order.store_id, "pk": order.pk})
    assert f'href="{message}"' in html


def test_a_viewer_gets_the_details_but_no_message_link(viewer_a: User, order: Order) -> None:
    client = signed_in(viewer_a)
    html = client.get(reverse("orders_detail", args=[order.store_id, order.pk])).text
    assert lazy_loader(html, order)
    assert "/message/" not in html
    assert client.get(partial_url(order)).status_code == 200
