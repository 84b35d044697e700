"""``sellerdesk health`` and REST ``GET /health``: the same figures, the same shape.

One small store in Los Angeles (UTC-7 in summer), as of 2026-06-30: the ODR window
is 04-18..06-16. Expected figures worked out by hand in the fixture's docstring.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.cli.main import main
from sellerdesk.imports.models import AmazonPerformanceFigure
from sellerdesk.messaging.models import Direction
from sellerdesk.stores.models import Store
from tests.factories import (
    ClaimFactory,
    ConversationFactory,
    FeedbackFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
    ReturnFactory,
    StoreFactory,
)

API = "/api/v1"
AS_OF = "2026-06-30"
SPEC_KEYS = {
    "odr", "response", "feedback_rating", "returns", "late_shipment", "cancel_rate",
    "reconciliation", "forecast",
}  # fmt: skip
ODR_KEYS = {
    "rate", "orders", "orders_with_defects", "negative_feedback", "claims", "chargebacks",
    "window", "defective_orders",
}  # fmt: skip
RESPONSE_KEYS = {"late_rate", "avg_hours", "on_time_rate_policy", "messages"}


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def utc(month: int, day: int, hour: int = 18) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def fill(store: Store) -> dict[str, str]:
    """* ODR MFN: 4 orders of 05-01; one with 1-star feedback and a granted claim
      (defective, counted once), one with an open claim (pending): 1/4 = 0.25; if the
      pending claim is lost 2/4 = 0.5. Under 1 %: 1 * 100 + 1 - 4 = 97 more orders.
    * ODR AFN: 2 orders, no defects: 0.0.
    * Response: one buyer message 06-29 10:00 LA answered 12:00: 1 message, 0 late,
      2.0 hours, on time under the policy.
    * Feedback: 1 star on 05-05, 5 stars on 06-20. 30 days (06-01..06-30): 1/1 = 1.0;
      90 days: 1/2 = 0.5.
    * Returns: 4 units shipped 06-20, 1 returned 06-25: 0.25 over 30 and 90 days.
    * Late shipment: due 06-20 10:00 LA, shipped an hour early: 30 days 0/1 = 0.0;
      10 days (06-21..06-30): nothing due, insufficient data.
    * Cancellations (06-24..06-30): 1 MFN order, cancelled by the seller: 1.0.
    * Amazon's ODR for 04-18..06-16: 1 of 4, the same parts: no difference.
    """
    mfn = [OrderFactory(store=store, purchase_date=utc(5, 1)) for _ in range(4)]
    for _ in range(2):
        OrderFactory(store=store, purchase_date=utc(5, 1), fulfillment_channel="AFN")
    FeedbackFactory(store=store, amazon_order_id=mfn[0].amazon_order_id, rating=1,
                    left_on=date(2026, 5, 5))  # fmt: skip
    ClaimFactory(store=store, amazon_order_id=mfn[0].amazon_order_id, status="granted",
                 filed_at=utc(5, 10))  # fmt: skip
    ClaimFactory(store=store, amazon_order_id=mfn[1].amazon_order_id, status="action_required",
                 filed_at=utc(6, 1))  # fmt: skip
    FeedbackFactory(store=store, amazon_order_id=mfn[2].amazon_order_id, rating=5,
                    left_on=date(2026, 6, 20))  # fmt: skip
    c = ConversationFactory(store=store)
    MessageFactory(conversation=c, direction=Direction.INBOUND, sent_at=utc(6, 29, 17))
    MessageFactory(conversation=c, direction=Direction.OUTBOUND, sent_at=utc(6, 29, 19))
    shipped = OrderFactory(
        store=store, purchase_date=utc(6, 18), latest_ship_date=utc(6, 20, 17),
        shipped_at=utc(6, 20, 16),
    )  # fmt: skip
    OrderItemFactory(order=shipped, sku="BOTTLE", quantity_shipped=4)
    ReturnFactory(store=store, order=shipped, amazon_order_id=shipped.amazon_order_id,
                  sku="BOTTLE", quantity=1, requested_at=utc(6, 25))  # fmt: skip
    OrderFactory(store=store, purchase_date=utc(6, 28), status="Canceled")
    AmazonPerformanceFigure.objects.create(
        store=store, channel="mfn", metric="order_defect_rate",
        period_start=date(2026, 4, 18), period_end=date(2026, 6, 16),
        rate=Decimal("0.25"), count=1, total=4,
        details={"negative_feedback": 1, "claims": 1, "chargebacks": 0},
        imported_at=utc(6, 20),
    )  # fmt: skip
    return {"defective": mfn[0].amazon_order_id, "pending": mfn[1].amazon_order_id}


def check(data: dict[str, Any], ids: dict[str, str]) -> None:
    assert set(data) >= SPEC_KEYS
    assert data["as_of"] == AS_OF
    assert data["at"] == "2026-07-01T00:00:00-07:00"  # the end of the as-of day in LA
    mfn, afn = data["odr"]["mfn"], data["odr"]["afn"]
    assert set(mfn) >= ODR_KEYS
    assert (mfn["rate"], mfn["orders"], mfn["orders_with_defects"]) == (0.25, 4, 1)
    assert (mfn["negative_feedback"], mfn["claims"], mfn["chargebacks"]) == (1, 1, 0)
    assert mfn["window"] == ["2026-04-18", "2026-06-16"]
    [defective] = mfn["defective_orders"]
    assert defective["order_id"] == ids["defective"]
    assert defective["defects"] == ["negative_feedback", "claim"]
    assert defective["order_date"] == "2026-05-01"
    assert (afn["rate"], afn["orders"], afn["defective_orders"]) == (0.0, 2, [])

    assert set(data["response"]) == {"7", "30", "90"}
    for window in data["response"].values():
        assert set(window) >= RESPONSE_KEYS
    week = data["response"]["7"]
    assert (week["messages"], week["late_rate"], week["avg_hours"]) == (1, 0.0, 2.0)
    assert week["on_time_rate_policy"] == 1.0

    rating = data["feedback_rating"]
    assert set(rating) == {"30", "90", "365", "lifetime"}
    assert (rating["30"]["rate"], rating["90"]["rate"], rating["lifetime"]["rate"]) == (
        1.0, 0.5, 0.5,
    )  # fmt: skip
    assert data["returns"]["30"] == {
        "rate": 0.25, "shipped": 4, "returned": 1,
        "window": ["2026-06-01", "2026-06-30"], "note": None,
    }  # fmt: skip
    assert data["late_shipment"]["30"]["rate"] == 0.0
    assert data["late_shipment"]["10"]["rate"] is None
    assert data["late_shipment"]["10"]["note"].startswith("insufficient data")
    assert (data["cancel_rate"]["7"]["rate"], data["cancel_rate"]["7"]["orders"]) == (1.0, 1)

    odr = data["reconciliation"]["odr"]["mfn"]
    assert odr["difference"] == {
        "rate": 0.0, "orders": 0, "orders_with_defects": 0,
        "negative_feedback": 0, "claims": 0, "chargebacks": 0,
    }  # fmt: skip
    assert odr["explanations"] == []
    assert data["reconciliation"]["odr"]["afn"] is None

    forecast = data["forecast"]["mfn"]
    assert forecast["rate_if_pending_lost"] == 0.5
    assert forecast["orders_to_target"] == 97
    assert [p["order_id"] for p in forecast["pending"]] == [ids["pending"]]
    assert forecast["defects_leaving"] == [
        {
            "order_id": ids["defective"],
            "order_date": "2026-05-01",
            "defects": ["negative_feedback", "claim"],
            "leaves_window_on": "2026-07-14",  # 05-01 + 74 days
        }
    ]


# --- CLI ---------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    store = StoreFactory(name="Cli Shop")
    ids = fill(store)
    assert main(["health", "--store", "Cli Shop", "--as-of", AS_OF, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["store"], data["store_id"]) == ("Cli Shop", store.pk)
    check(data, ids)


@pytest.mark.django_db(transaction=True)
def test_cli_text(capsys: pytest.CaptureFixture[str]) -> None:
    fill(StoreFactory(name="Cli Shop"))
    assert main(["health", "--store", "Cli Shop", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "ODR MFN: 25.00% (1 of 4 orders, 2026-04-18..2026-06-16" in out
    assert "Response  7 days: late 0.0% of 1, average 2.0 h" in out
    assert "Feedback rating: 30 100%, 90 50%, 365 50%, lifetime 50%" in out


@pytest.mark.django_db(transaction=True)
def test_cli_refuses_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    StoreFactory(name="Cli Shop")
    assert main(["health", "--store", "Nope", "--json"]) == 2
    assert "no store named 'Nope'" in capsys.readouterr().err
    assert main(["health", "--store", "Cli Shop", "--as-of", "30.06.2026"]) == 2
    assert "--as-of: not a date" in capsys.readouterr().err
    # Without --as-of: today's figures, whatever today is.
    assert main(["health", "--store", "Cli Shop", "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) >= SPEC_KEYS


# --- REST --------------------------------------------------------------------------------


def bearer(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_api_same_figures(client: Client, agent_a: User, store_a: Store) -> None:
    ids = fill(store_a)
    response = client.get(f"{API}/health", {"store": store_a.pk, "as_of": AS_OF}, **bearer(agent_a))
    assert response.status_code == 200
    data = response.json()
    assert (data["store"], data["store_id"]) == ("Store A", store_a.pk)
    check(data, ids)


def test_api_viewer_reads(client: Client, viewer_a: User, store_a: Store) -> None:
    response = client.get(f"{API}/health", {"store": store_a.pk}, **bearer(viewer_a))
    assert response.status_code == 200


def test_api_other_stores_are_404(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    fill(store_b)
    auth = bearer(agent_a)
    assert client.get(f"{API}/health", {"store": store_b.pk}, **auth).status_code == 404
    assert client.get(f"{API}/health", {"store": 999_999}, **auth).status_code == 404
    assert client.get(f"{API}/health", {"store": store_a.pk}).status_code == 401
    assert client.get(f"{API}/health", **auth).status_code == 422  # store is required
