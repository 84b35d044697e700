"""Review requests (Solicitations API) against the fake server: window, exclusions, once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.cli.main import main
from sellerdesk.orders.models import Order
from sellerdesk.spapi import reviews
from sellerdesk.spapi.client import REVIEW_SOLICITATION
from sellerdesk.spapi.models import ReviewOutcome, ReviewRequestLog
from sellerdesk.spapi.reviews import (
    ReviewRequestsUnavailable,
    review_requests_run,
    review_settings_update,
)
from sellerdesk.stores.models import Store
from tests.factories import (
    ChargebackFactory,
    ClaimFactory,
    ConversationFactory,
    OrderFactory,
    OrderItemFactory,
    ReturnFactory,
)
from tests.fake_spapi import FakeSpApi
from tests.spapi_support import Sleeps, client, connect, running_fake

NOW = timezone.now().replace(microsecond=0)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fake() -> Iterator[FakeSpApi]:
    with running_fake() as server:
        yield server


@pytest.fixture
def store(store_a: Store, fake: FakeSpApi) -> Store:
    connect(store_a, fake)
    review_settings_update(
        store=store_a, actor=None, enabled=True, excluded_skus="", excluded_asins=""
    )
    return store_a


def delivered(
    store: Store,
    fake: FakeSpApi,
    days_ago: float,
    *,
    offered: bool = True,
    sku: str = "BOTTLE-750",
    asin: str = "B07XJ8C8F5",
    **fields: Any,
) -> Order:
    """An order delivered ``days_ago`` (latest delivery date; earliest a day before)."""
    latest = NOW - timedelta(days=days_ago)
    fields.setdefault("earliest_delivery_date", latest - timedelta(days=1))
    fields.setdefault("latest_delivery_date", latest)
    order = OrderFactory(
        store=store, purchase_date=latest - timedelta(days=4), status="Shipped", **fields
    )
    OrderItemFactory(order=order, sku=sku, asin=asin)
    if offered:
        fake.solicitation_actions[order.amazon_order_id] = [REVIEW_SOLICITATION]
    return order


def run(store: Store, *, at: datetime = NOW, dry_run: bool = False) -> dict[str, Any]:
    result = review_requests_run(store=store, now=at, dry_run=dry_run, sleep=Sleeps())
    return {d.order.amazon_order_id: (d.outcome, d.reason) for d in result.decisions}


def logged(order: Order) -> list[tuple[str, str]]:
    rows = ReviewRequestLog.objects.filter(order=order).order_by("id")
    return [(r.outcome, r.reason) for r in rows]


def test_the_review_window(store: Store, fake: FakeSpApi) -> None:
    early = delivered(store, fake, 3)  # earliest delivery 4 days ago: opens in a day
    inside = delivered(store, fake, 10)
    late = delivered(store, fake, 31)  # latest delivery 31 days ago: closed a day ago
    decisions = run(store)
    assert decisions[early.amazon_order_id] == ("waiting", "too_early")
    assert decisions[inside.amazon_order_id] == ("sent", "requested")
    assert decisions[late.amazon_order_id] == ("skipped", "window_closed")
    assert fake.solicitations_sent == [inside.amazon_order_id]
    assert logged(early) == [("waiting", "too_early")]
    assert "opens" in ReviewRequestLog.objects.get(order=early).detail
    assert logged(inside) == [("sent", "requested")]
    assert logged(late) == [("skipped", "window_closed")]

    # A day and a half later the early one's window has opened; the closed one is not
    # looked at again, and the sent one never again.
    later = run(store, at=NOW + timedelta(days=1.5))
    assert later == {early.amazon_order_id: ("sent", "requested")}
    assert fake.solicitations_sent == [inside.amazon_order_id, early.amazon_order_id]
    assert logged(early) == [("waiting", "too_early"), ("sent", "requested")]


def exclusion(kind: str, store: Store, order: Order) -> None:
    oid = order.amazon_order_id
    if kind == "return":
        ReturnFactory(store=store, amazon_order_id=oid)
    elif kind == "refund-return":
        ReturnFactory(store=store, amazon_order_id=oid, status="refunded")
    elif kind == "refund-claim":
        ClaimFactory(store=store, amazon_order_id=oid, status="refunded_by_seller")
    elif kind == "claim":
        ClaimFactory(store=store, amazon_order_id=oid, status="under_review")
    elif kind == "chargeback":
        ChargebackFactory(store=store, amazon_order_id=oid, status="open")
    elif kind == "complaint-intent":
        ConversationFactory(store=store, order=order, amazon_order_id=oid,
                            intent="damaged_or_defective", status="answered")  # fmt: skip
    elif kind == "complaint-unanswered":
        ConversationFactory(store=store, amazon_order_id=oid, intent="where_is_my_order",
                            status="needs_response")  # fmt: skip
    elif kind == "excluded_sku":
        review_settings_update(store=store, actor=None, enabled=True,
                               excluded_skus="other, bottle-750", excluded_asins="")  # fmt: skip
    elif kind == "excluded_asin":
        review_settings_update(store=store, actor=None, enabled=True, excluded_skus="",
                               excluded_asins="B07XJ8C8F5")  # fmt: skip
    elif kind == "cancelled":
        Order.objects.filter(pk=order.pk).update(status="Canceled")
    # "not_offered": the order is made without Amazon's offer (see the caller).


@pytest.mark.parametrize(
    ("kind", "outcome", "reason"),
    [
        ("return", "skipped", "return"),
        ("refund-return", "skipped", "refund"),
        ("refund-claim", "skipped", "refund"),
        ("claim", "skipped", "claim"),
        ("chargeback", "skipped", "chargeback"),
        ("complaint-intent", "skipped", "complaint"),
        ("complaint-unanswered", "skipped", "complaint"),
        ("excluded_sku", "skipped", "excluded_sku"),
        ("excluded_asin", "skipped", "excluded_asin"),
        ("cancelled", "skipped", "cancelled"),
        ("not_offered", "waiting", "not_offered"),
    ],
)
def test_every_exclusion_is_logged_with_its_reason(
    store: Store, fake: FakeSpApi, kind: str, outcome: str, reason: str
) -> None:
    excluded = delivered(store, fake, 10, offered=kind != "not_offered")
    control = delivered(store, fake, 10, sku="MUG-1", asin="B000000099")
    # A settled, friendly conversation on the control order does not exclude it.
    ConversationFactory(store=store, order=control, amazon_order_id=control.amazon_order_id,
                        intent="where_is_my_order", status="answered")  # fmt: skip
    exclusion(kind, store, excluded)
    decisions = run(store)
    assert decisions[excluded.amazon_order_id] == (outcome, reason)
    assert decisions[control.amazon_order_id] == ("sent", "requested")
    assert logged(excluded) == [(outcome, reason)]
    assert fake.solicitations_sent == [control.amazon_order_id]


def test_never_twice_for_one_order(store: Store, fake: FakeSpApi) -> None:
    order = delivered(store, fake, 10)
    run(store)
    fake.solicitation_actions[order.amazon_order_id] = [REVIEW_SOLICITATION]  # offered again
    run(store)
    assert fake.solicitations_sent == [order.amazon_order_id]
    assert logged(order) == [("sent", "requested")]
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRequestLog.objects.create(store=store, order=order,
                                        amazon_order_id=order.amazon_order_id,
                                        outcome="sent", reason="requested")  # fmt: skip


def test_a_claim_left_by_a_crash_is_never_asked_again(store: Store, fake: FakeSpApi) -> None:
    order = delivered(store, fake, 10)
    ReviewRequestLog.objects.create(store=store, order=order,
                                    amazon_order_id=order.amazon_order_id,
                                    outcome=ReviewOutcome.SENDING, reason="claimed")  # fmt: skip
    assert run(store) == {}
    assert fake.solicitations_sent == []


def test_the_claim_comes_before_the_call(store: Store, fake: FakeSpApi) -> None:
    """Two runs racing for one order: the second claim is refused, Amazon is asked once."""
    order = delivered(store, fake, 10)
    with client(store.spapi_connection, Sleeps()) as api:
        first = reviews._request(order, api)
        second = reviews._request(order, api)
    assert (first.outcome, second.outcome, second.reason) == (
        "sent",
        "skipped",
        "already_requested",
    )
    assert fake.solicitations_sent == [order.amazon_order_id]


def test_dry_run_writes_nothing(store: Store, fake: FakeSpApi) -> None:
    order = delivered(store, fake, 10)
    early = delivered(store, fake, 2)
    decisions = run(store, dry_run=True)
    assert decisions[order.amazon_order_id] == ("would_request", "eligible")
    assert decisions[early.amazon_order_id] == ("waiting", "too_early")
    assert not ReviewRequestLog.objects.exists()
    assert fake.solicitations_sent == []
    assert fake.count("GET", rf"/solicitations/v1/orders/{order.amazon_order_id}") == 1


def test_switched_off_sends_nothing_but_previews(store: Store, fake: FakeSpApi) -> None:
    order = delivered(store, fake, 10)
    review_settings_update(store=store, actor=None, enabled=False, excluded_skus="",
                           excluded_asins="")  # fmt: skip
    with pytest.raises(ReviewRequestsUnavailable, match="switched off"):
        run(store)
    assert run(store, dry_run=True)[order.amazon_order_id] == ("would_request", "eligible")
    assert fake.solicitations_sent == []


def test_delivery_dates_come_from_amazon_when_the_desk_has_none(
    store: Store, fake: FakeSpApi
) -> None:
    order = delivered(store, fake, 10, earliest_delivery_date=None, latest_delivery_date=None)
    fake.orders[order.amazon_order_id] = {
        "AmazonOrderId": order.amazon_order_id,
        "EarliestDeliveryDate": (NOW - timedelta(days=11)).isoformat(),
        "LatestDeliveryDate": (NOW - timedelta(days=9)).isoformat(),
    }
    unknown = delivered(store, fake, 10, earliest_delivery_date=None, latest_delivery_date=None)
    fake.orders[unknown.amazon_order_id] = {"AmazonOrderId": unknown.amazon_order_id}
    decisions = run(store)
    assert decisions[order.amazon_order_id] == ("sent", "requested")
    assert decisions[unknown.amazon_order_id] == ("waiting", "no_delivery_date")


def test_an_api_failure_is_logged_and_retried_next_time(store: Store, fake: FakeSpApi) -> None:
    order = delivered(store, fake, 10)
    fake.fail("POST", r"/solicitations/v1/orders/.*", 400, times=1)
    assert run(store)[order.amazon_order_id] == ("failed", "api_error")
    assert logged(order) == [("failed", "api_error")]
    assert run(store, at=NOW + timedelta(days=1))[order.amazon_order_id] == ("sent", "requested")
    assert logged(order) == [("failed", "api_error"), ("sent", "requested")]


def test_waiting_decisions_are_logged_once(store: Store, fake: FakeSpApi) -> None:
    early = delivered(store, fake, 1)
    run(store)
    run(store, at=NOW + timedelta(hours=6))
    assert logged(early) == [("waiting", "too_early")]


def test_cli_dry_run(store: Store, fake: FakeSpApi, capsys: pytest.CaptureFixture[str]) -> None:
    order = delivered(store, fake, 10)
    assert main(["reviews", "request", "--store", store.name, "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dry_run"] is True
    assert data["checked_amazon"] is True
    assert data["decisions"] == [
        {"order": order.amazon_order_id, "outcome": "would_request", "reason": "eligible",
         "label": "Eligible: would be requested", "detail": ""},
    ]  # fmt: skip
    assert not ReviewRequestLog.objects.exists()
    assert main(["reviews", "request", "--store", store.name]) == 0
    assert "1 sent" in capsys.readouterr().out
    assert fake.solicitations_sent == [order.amazon_order_id]


# --- the page ---------------------------------------------------------------------------------


def signed_in(user: User) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def test_page_lists_the_log_and_a_preview(store: Store, fake: FakeSpApi, agent_a: User) -> None:
    sent = delivered(store, fake, 10)
    run(store)
    waiting = delivered(store, fake, 10)
    page = signed_in(agent_a).get(reverse("review_requests", kwargs={"store_id": store.pk}))
    assert page.status_code == 200
    html = page.content.decode()
    assert sent.amazon_order_id in html  # in the log
    assert "Amazon was asked to send the review request" in html
    assert waiting.amazon_order_id in html  # in the preview
    assert "would_request" in html
    assert "Read-only" in html
    assert fake.solicitations_sent == [sent.amazon_order_id]  # the page asks Amazon nothing


def test_owners_change_the_settings(
    store: Store, agent_a: User, owner_a: User, viewer_a: User
) -> None:
    url = reverse("review_requests", kwargs={"store_id": store.pk})
    form = {"excluded_skus": "sku-1\nSKU-2, sku-1", "excluded_asins": "b07xj8c8f5"}
    assert signed_in(agent_a).post(url, form).status_code == 403
    assert signed_in(viewer_a).post(url, form).status_code == 403
    saved = signed_in(owner_a).post(url, form)
    assert saved.status_code == 302
    settings = store.review_request_settings
    settings.refresh_from_db()
    assert settings.enabled is False  # the box was not ticked
    assert settings.excluded_skus == "SKU-1\nSKU-2"
    assert settings.excluded_asins == "B07XJ8C8F5"
    event = AuditEvent.objects.filter(action="spapi.review_settings_changed").latest("id")
    assert event.actor == owner_a
    bad = signed_in(owner_a).post(url, {"excluded_asins": "not an asin"})
    assert bad.status_code == 422
    assert "not an ASIN" in bad.content.decode()
