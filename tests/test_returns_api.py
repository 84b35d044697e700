"""The REST API's returns: stats per SKU, the CSV export, and fault and deadlines on a
return; each scoped to the caller's stores like every other endpoint."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.returns.models import ReturnStatus
from sellerdesk.stores.models import Store
from tests.factories import MembershipFactory, OrderFactory, OrderItemFactory, ReturnFactory

API = "/api/v1"
NOW = datetime(2026, 11, 4, 20, 0, tzinfo=UTC)  # Wednesday, 12:00 in Los Angeles


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def bearer(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def shop(store_a: Store) -> Store:
    """HOT returns 15 of 60, COLD 15 of 300, MILD 5 of 100, all in late October."""
    shipped_at = datetime(2026, 10, 20, 18, tzinfo=UTC)
    for sku, shipped, returned in (("HOT", 60, 15), ("COLD", 300, 15), ("MILD", 100, 5)):
        order = OrderFactory(store=store_a, shipped_at=shipped_at, purchase_date=shipped_at)
        OrderItemFactory(order=order, sku=sku, asin=f"B0{sku}00000"[:10], quantity_shipped=shipped)
        ReturnFactory(
            store=store_a, order=order, amazon_order_id=order.amazon_order_id, sku=sku,
            asin=f"B0{sku}00000"[:10], quantity=returned, status=ReturnStatus.RECEIVED,
            requested_at=shipped_at + timedelta(days=5), received_at=NOW - timedelta(hours=2),
        )  # fmt: skip
    return store_a


def test_stats_per_sku(client: Client, agent_a: User, shop: Store) -> None:
    auth = bearer(agent_a)
    response = client.get(f"{API}/returns/stats", {"store": shop.pk, "as_of": "2026-11-04"}, **auth)
    assert response.status_code == 200
    data = response.json()
    assert (data["store_id"], data["as_of"], data["group"]) == (shop.pk, "2026-11-04", "sku")
    rows = {r["sku"]: r for r in data["rows"]}
    assert list(rows) == ["COLD", "HOT", "MILD"]
    hot = rows["HOT"]
    assert (hot["shipped_30"], hot["returned_30"], hot["rate_30"]) == (60, 15, 0.25)
    assert (hot["shipped_90"], hot["returned_90"], hot["rate_90"]) == (60, 15, 0.25)
    assert hot["asin"] == "B0HOT00000"
    assert hot["baseline_rate"] == pytest.approx(20 / 400)
    assert hot["flagged"] is True
    assert hot["p_value"] < 1e-4
    assert hot["q_value"] < 0.05
    assert hot["reasons"] == {"CR-DEFECTIVE": 15}
    assert hot["seller_fault_share"] == 1.0
    october = next(m for m in hot["monthly"] if m["month"] == "2026-10")
    assert october == {
        "month": "2026-10", "shipped": 60, "returned": 15, "rate": 0.25,
        "exempt": False, "complete": False,
    }  # fmt: skip
    assert rows["COLD"]["flagged"] is False
    assert data["totals"]["shipped_90"] == 460
    by_asin = client.get(
        f"{API}/returns/stats", {"store": shop.pk, "as_of": "2026-11-04", "by": "asin"}, **auth
    ).json()
    assert [r["asin"] for r in by_asin["rows"]] == ["B0COLD0000", "B0HOT00000", "B0MILD0000"]
    assert by_asin["rows"][1]["skus"] == ["HOT"]


def test_stats_are_scoped(client: Client, agent_a: User, shop: Store, store_b: Store) -> None:
    auth = bearer(agent_a)
    assert client.get(f"{API}/returns/stats", {"store": store_b.pk}, **auth).status_code == 404
    assert client.get(f"{API}/returns/stats", {"store": 99999}, **auth).status_code == 404
    assert client.get(f"{API}/returns/stats", **auth).status_code == 422  # which store?
    assert client.get(f"{API}/returns/stats", {"store": shop.pk}).status_code == 401
    bad = client.get(f"{API}/returns/stats", {"store": shop.pk, "alpha": 2}, **auth)
    assert bad.status_code == 422


@time_machine.travel(NOW, tick=False)
def test_return_detail_has_fault_and_deadlines(client: Client, agent_a: User, shop: Store) -> None:
    record = ReturnFactory(
        store=shop,
        reason_code="UNWANTED_ITEM",
        status=ReturnStatus.RECEIVED,
        requested_at=NOW - timedelta(days=3),
        received_at=NOW - timedelta(hours=2),  # Wednesday 10:00 in Los Angeles
    )
    data = client.get(f"{API}/returns/{record.pk}", **bearer(agent_a)).json()
    assert (data["fault"], data["reason_words"]) == ("buyer", "No longer needed")
    assert data["deadline_kind"] == "refund"
    assert data["refund_due_at"] == "2026-11-06T18:00:00Z"  # Friday 10:00 in Los Angeles
    assert data["answer_due_at"] == "2026-11-03T20:00:00Z"  # 48 h after the request
    assert data["deadline_state"] == "on_time"  # 46 hours left, more than a day
    listed = client.get(f"{API}/returns", {"store": shop.pk}, **bearer(agent_a)).json()
    assert {item["fault"] for item in listed["items"]} == {"seller", "buyer"}


@time_machine.travel(NOW, tick=False)
def test_returns_csv(client: Client, agent_a: User, shop: Store, store_b: Store) -> None:
    MembershipFactory(user=agent_a, store=store_b)
    ReturnFactory(store=store_b, sku="THEIRS")
    auth = bearer(agent_a)
    response = client.get(f"{API}/returns.csv", {"store": shop.pk}, **auth)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(r["sku"] for r in rows) == ["COLD", "HOT", "MILD"]
    assert {r["fault"] for r in rows} == {"seller"}
    assert {r["deadline_kind"] for r in rows} == {"refund"}
    both = client.get(f"{API}/returns.csv", **auth).content.decode()
    assert "THEIRS" in both  # the agent is in both stores: both without a filter
    only_b = client.get(f"{API}/returns.csv", {"store": store_b.pk, "sku": "HOT"}, **auth)
    assert only_b.content.decode().count("\n") == 1  # the header alone


def test_returns_csv_of_a_stranger_store_is_404(
    client: Client, agent_a: User, store_b: Store
) -> None:
    ReturnFactory(store=store_b, sku="THEIRS")
    auth = bearer(agent_a)
    assert client.get(f"{API}/returns.csv", {"store": store_b.pk}, **auth).status_code == 404
    assert "THEIRS" not in client.get(f"{API}/returns.csv", **auth).content.decode()
