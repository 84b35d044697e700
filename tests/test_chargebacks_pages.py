"""The chargeback's detail page: represent from the draft, then record a decision."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.stores.models import Store
from tests.factories import ChargebackFactory

PROOF = (
    "Order 113-2223334-4445556 was shipped on 2026-11-03 with USPS, tracking number "
    "9400111899223100012345, and delivered on 2026-11-06 to the buyer's address."
)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_detail_page_represents_with_the_draft(agent_a: User, store_a: Store) -> None:
    chargeback = ChargebackFactory(store=store_a, amazon_order_id="113-2223334-4445556")
    client = signed_in(agent_a)
    ids = {"store_id": store_a.pk, "pk": chargeback.pk}
    page = client.get(reverse("chargebacks_detail", kwargs=ids)).content.decode()
    assert "Representation (proof)" in page
    assert "Order 113-2223334-4445556" in page  # the draft names the order
    response = client.post(
        reverse("chargebacks_action", kwargs=ids), {"action": "represent", "text": PROOF}
    )
    assert response.status_code == 302
    page = client.get(reverse("chargebacks_detail", kwargs=ids)).content.decode()
    assert "Represented" in page
    assert "9400111899223100012345" in page
    response = client.post(
        reverse("chargebacks_action", kwargs=ids),
        {"action": "record_decision", "status": "decided_for_buyer", "amount": "10.00"},
    )
    assert response.status_code == 302
    chargeback.refresh_from_db()
    assert (chargeback.status, chargeback.amount) == ("decided_for_buyer", Decimal("10.00"))
