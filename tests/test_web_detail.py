from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.stores.models import Store
from tests.factories import (
    BASE_TIME,
    ChargebackFactory,
    ClaimFactory,
    ConversationFactory,
    FeedbackFactory,
    MembershipFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
    ReturnFactory,
)
from tests.web_support import FAST_HASHERS, STREAM_CASES, StreamCase, detail_url


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    # PBKDF2's real cost is for production; here it would dominate the run time.
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def agent_client(client: Client, agent_a: User) -> Client:
    client.force_login(agent_a)
    return client


@pytest.mark.parametrize("case", STREAM_CASES, ids=lambda c: c.key)
def test_detail_page_shows_the_record(
    case: StreamCase, agent_client: Client, store_a: Store
) -> None:
    obj = case.create(store_a)
    response = agent_client.get(detail_url(case.key, store_a, obj))
    assert response.status_code == 200
    assert case.text(obj) in response.text
    # The back link goes to the stream's list in the same store.
    assert f'href="/s/{store_a.pk}/{case.key}/"' in response.text


@pytest.mark.parametrize("case", STREAM_CASES, ids=lambda c: c.key)
def test_another_stores_record_is_404_even_for_a_member_of_both(
    case: StreamCase, client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    MembershipFactory(user=agent_a, store=store_b)
    client.force_login(agent_a)
    theirs = case.create(store_b)
    # Store B's record under store A's URL: not found.
    wrong = f"/s/{store_a.pk}/{case.key}/{theirs.pk}/"
    assert client.get(wrong).status_code == 404
    assert client.get(detail_url(case.key, store_b, theirs)).status_code == 200


@pytest.mark.parametrize("case", STREAM_CASES, ids=lambda c: c.key)
def test_record_of_a_store_the_user_is_not_in_is_404(
    case: StreamCase, agent_client: Client, store_b: Store
) -> None:
    theirs = case.create(store_b)
    assert agent_client.get(detail_url(case.key, store_b, theirs)).status_code == 404


def test_missing_record_is_404(agent_client: Client, store_a: Store) -> None:
    assert agent_client.get(f"/s/{store_a.pk}/claims/999999/").status_code == 404
    assert agent_client.get("/s/999999/claims/").status_code == 404


def test_conversation_thread(agent_client: Client, store_a: Store, agent_a: User) -> None:
    convo = ConversationFactory(store=store_a, buyer_name="Alisa")
    MessageFactory(
        conversation=convo,
        body_text="First line\nSecond line <script>alert(1)</script>",
        body_html="<p>SANITIZED-HTML-MARK</p>",
        sent_at=BASE_TIME,
    )
    MessageFactory(
        conversation=convo,
        direction="out",
        author=agent_a,
        body_text="We are on it.",
        sent_at=BASE_TIME + timedelta(hours=1),
    )
    page = agent_client.get(detail_url("inbox", store_a, convo)).text
    assert "First line<br>Second line &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page
    assert "SANITIZED-HTML-MARK" not in page  # only body_text is rendered
    assert page.index("First line") < page.index("We are on it.")
    assert "agent-a@example.test" in page
    assert "2026-11-02 04:00 -08:00" in page  # sent_at in the store's zone


def test_conversation_links_its_order_in_the_same_store_only(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    MembershipFactory(user=agent_a, store=store_b)
    client.force_login(agent_a)
    foreign = OrderFactory(store=store_b)
    convo = ConversationFactory(store=store_a, amazon_order_id=foreign.amazon_order_id)
    page = client.get(detail_url("inbox", store_a, convo)).text
    assert detail_url("orders", store_b, foreign) not in page
    assert foreign.amazon_order_id in page

    local = OrderFactory(store=store_a, amazon_order_id=foreign.amazon_order_id)
    page = client.get(detail_url("inbox", store_a, convo)).text
    assert detail_url("orders", store_a, local) in page


def test_order_detail_shows_items_and_everything_around_it(
    agent_client: Client, store_a: Store, store_b: Store
) -> None:
    order = OrderFactory(store=store_a)
    OrderItemFactory(order=order, sku="BOTTLE-RED", title="Red bottle")
    linked = {
        "inbox": ConversationFactory(store=store_a, amazon_order_id=order.amazon_order_id),
        "claims": ClaimFactory(store=store_a, order=order, amazon_order_id=order.amazon_order_id),
        "chargebacks": ChargebackFactory(store=store_a, amazon_order_id=order.amazon_order_id),
        "feedback": FeedbackFactory(store=store_a, amazon_order_id=order.amazon_order_id),
        "returns": ReturnFactory(store=store_a, amazon_order_id=order.amazon_order_id),
    }
    unrelated = ClaimFactory(store=store_a)
    # Same Amazon order id in another store: not this order's.
    foreign = ClaimFactory(store=store_b, amazon_order_id=order.amazon_order_id)

    page = agent_client.get(detail_url("orders", store_a, order)).text
    assert "BOTTLE-RED" in page
    assert "Red bottle" in page
    for key, obj in linked.items():
        assert detail_url(key, store_a, obj) in page, key
    assert detail_url("claims", store_a, unrelated) not in page
    assert f"/claims/{foreign.pk}/" not in page


def test_claim_links_to_its_order(agent_client: Client, store_a: Store) -> None:
    order = OrderFactory(store=store_a)
    claim = ClaimFactory(store=store_a, amazon_order_id=order.amazon_order_id)
    page = agent_client.get(detail_url("claims", store_a, claim)).text
    assert detail_url("orders", store_a, order) in page
    orphan = ClaimFactory(store=store_a)
    page = agent_client.get(detail_url("claims", store_a, orphan)).text
    assert "(not imported)" in page


def test_viewer_reads_detail_pages(client: Client, viewer_a: User, store_a: Store) -> None:
    client.force_login(viewer_a)
    claim = ClaimFactory(store=store_a)
    assert client.get(detail_url("claims", store_a, claim)).status_code == 200
    assert client.post(detail_url("claims", store_a, claim)).status_code == 403
