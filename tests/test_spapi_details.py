"""An order's live details from Amazon (getOrder + getOrderItems), as the inbox's partial."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store
from tests.factories import OrderFactory
from tests.fake_spapi import FakeSpApi
from tests.spapi_support import connect, running_fake

OID = "114-3941689-8772232"
PAYLOAD = {
    "AmazonOrderId": OID,
    "PurchaseDate": "2026-11-02T18:40:00Z",
    "OrderStatus": "PartiallyShipped",
    "FulfillmentChannel": "MFN",
    "ShipServiceLevel": "Std US D2D Dom",
    "NumberOfItemsShipped": 1,
    "NumberOfItemsUnshipped": 1,
    "EarliestShipDate": "2026-11-03T08:00:00Z",
    "LatestShipDate": "2026-11-04T07:59:59Z",
    "EarliestDeliveryDate": "2026-11-06T08:00:00Z",
    "LatestDeliveryDate": "2026-11-11T07:59:59Z",
    "BuyerInfo": {"BuyerName": "Alisa Quartermaine"},
}
ITEMS = [
    {"ASIN": "B07XJ8C8F5", "SellerSKU": "BH-BOTTLE-750", "Title": "Water Bottle 750ml",
     "QuantityOrdered": 1, "QuantityShipped": 1,
     "ItemPrice": {"CurrencyCode": "USD", "Amount": "19.99"}},
    {"ASIN": "B08KTZ4Y1Q", "SellerSKU": "BH-PAN-12", "Title": "Cast Iron Pan",
     "QuantityOrdered": 1, "QuantityShipped": 0,
     "ItemPrice": {"CurrencyCode": "USD", "Amount": "39.99"}},
]  # fmt: skip


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fake() -> Iterator[FakeSpApi]:
    with running_fake() as server:
        server.orders[OID] = PAYLOAD
        server.order_items[OID] = ITEMS
        yield server


@pytest.fixture
def order(store_a: Store) -> Order:
    return OrderFactory(store=store_a, amazon_order_id=OID, buyer_name="")


def partial(user: User, order: Order) -> str:
    browser = Client()
    browser.force_login(user)
    url = reverse("order_amazon_details", kwargs={"store_id": order.store_id, "pk": order.pk})
    answer = browser.get(url, headers={"HX-Request": "true"})
    assert answer.status_code == 200
    return answer.content.decode()


def test_the_partial_shows_amazons_details(
    order: Order, fake: FakeSpApi, agent_a: User, store_a: Store
) -> None:
    connect(store_a, fake)
    html = partial(agent_a, order)
    assert "<html" not in html  # a partial, for the inbox sidebar
    assert "Alisa Quartermaine" in html
    assert "PartiallyShipped: 1 of 2 items shipped" in html
    assert "Std US D2D Dom" in html
    assert "BH-BOTTLE-750" in html
    assert "BH-PAN-12" in html  # the second page of items
    assert "Nov" in html or "2026-11" in html  # ship-by and deliver-by dates
    # Cached for a few minutes: a second look does not ask Amazon again.
    partial(agent_a, order)
    assert fake.count("GET", rf"/orders/v0/orders/{OID}") == 1


def test_without_a_connection_it_says_so(order: Order, agent_a: User) -> None:
    assert "not connected to Amazon&#x27;s Selling Partner API" in partial(agent_a, order)


def test_when_amazon_fails_it_says_so(
    order: Order, fake: FakeSpApi, agent_a: User, store_a: Store
) -> None:
    connect(store_a, fake)
    fake.fail("GET", rf"/orders/v0/orders/{OID}", 500, times=10)
    html = partial(agent_a, order)
    assert "did not answer" in html
    assert "HTTP 500" in html
