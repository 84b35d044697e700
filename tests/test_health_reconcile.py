"""The desk's figures beside Amazon's imported performance report
(``sellerdesk.health.reconcile``, through ``health.selectors.store_health``).
Expected figures worked out by hand.

Berlin store; as of 2026-06-30 the desk's ODR window is 04-18..06-16 and the
figures stand at 2026-06-30 22:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from sellerdesk.health.selectors import store_health
from sellerdesk.imports.models import AmazonPerformanceFigure
from sellerdesk.stores.models import Store
from tests.factories import (
    ChargebackFactory,
    ClaimFactory,
    FeedbackFactory,
    OrderFactory,
    StoreFactory,
)

AS_OF = date(2026, 6, 30)
NOW = datetime(2026, 7, 3, 12, tzinfo=UTC)
IMPORTED = datetime(2026, 6, 20, 8, tzinfo=UTC)


@pytest.fixture
def store(db: None) -> Store:
    return StoreFactory(name="Berlin", marketplace="DE", timezone="Europe/Berlin", currency="EUR")


def amazon(store: Store, metric: str, start: date, end: date, **kw: Any) -> None:
    kw.setdefault("channel", "mfn")
    kw.setdefault("imported_at", IMPORTED)
    AmazonPerformanceFigure.objects.create(
        store=store, metric=metric, period_start=start, period_end=end, **kw
    )


def health(store: Store) -> dict[str, Any]:
    return store_health(store=store, as_of=AS_OF, now=NOW).as_dict()


def test_odr_difference_and_the_orders_that_explain_it(store: Store) -> None:
    """Amazon, for 04-18..06-16: 100 orders, 4 with defects (rate 0.04), negative
    feedback 1, claims 2, chargebacks 1.

    The desk holds 98 orders of the window, 3 defective:
    * O1: 1-star feedback left 06-10 (Amazon has it too);
    * O2: 2-star feedback left 06-25, after the report was imported on 06-20;
    * O3: a granted claim (Amazon has it too);
    * O4: a claim under review (pending in the desk, Amazon seems to have granted it);
    * a chargeback decided for the buyer on an order the desk does not hold.

    Desk rate 3/98. Differences (desk - Amazon): orders 98 - 100 = -2, orders with
    defects 3 - 4 = -1, negative feedback 2 - 1 = +1 (O2), claims 1 - 2 = -1 (O4),
    chargebacks 0 - 1 = -1 (the unknown order), rate 3/98 - 0.04.
    """
    day = datetime(2026, 5, 1, 10, tzinfo=UTC)
    o1, o2, o3, o4 = (OrderFactory(store=store, purchase_date=day) for _ in range(4))
    for _ in range(94):
        OrderFactory(store=store, purchase_date=day)
    FeedbackFactory(store=store, amazon_order_id=o1.amazon_order_id, rating=1,
                    left_on=date(2026, 6, 10))  # fmt: skip
    FeedbackFactory(store=store, amazon_order_id=o2.amazon_order_id, rating=2,
                    left_on=date(2026, 6, 25))  # fmt: skip
    ClaimFactory(store=store, amazon_order_id=o3.amazon_order_id, status="granted",
                 filed_at=datetime(2026, 5, 10, tzinfo=UTC))  # fmt: skip
    ClaimFactory(store=store, amazon_order_id=o4.amazon_order_id, status="under_review",
                 filed_at=datetime(2026, 5, 12, tzinfo=UTC))  # fmt: skip
    ChargebackFactory(store=store, amazon_order_id="999-1234567-7654321", kind="service",
                      status="decided_for_buyer",
                      received_at=datetime(2026, 5, 20, tzinfo=UTC))  # fmt: skip
    amazon(
        store, "order_defect_rate", date(2026, 4, 18), date(2026, 6, 16),
        rate=Decimal("0.04"), count=4, total=100,
        details={"negative_feedback": 1, "claims": 2, "chargebacks": 1},
    )  # fmt: skip

    data = health(store)
    rec = data["reconciliation"]["odr"]["mfn"]
    assert rec["period"] == ["2026-04-18", "2026-06-16"]
    assert rec["amazon"]["rate"] == 0.04
    assert (rec["amazon"]["count"], rec["amazon"]["total"]) == (4, 100)
    assert rec["desk"] == {
        "rate": 3 / 98,
        "orders": 98,
        "orders_with_defects": 3,
        "negative_feedback": 2,
        "claims": 1,
        "chargebacks": 0,
    }
    diff = rec["difference"]
    assert diff["rate"] == pytest.approx(3 / 98 - 0.04)  # -0.00938...
    assert (diff["orders"], diff["orders_with_defects"]) == (-2, -1)
    assert (diff["negative_feedback"], diff["claims"], diff["chargebacks"]) == (1, -1, -1)
    why = {e["component"]: e for e in rec["explanations"]}
    assert why["negative_feedback"]["orders"] == [
        {"order_id": o2.amazon_order_id, "why": "recorded after Amazon's report was imported"}
    ]
    assert why["claims"]["orders"] == [
        {"order_id": o4.amazon_order_id, "why": "pending in the desk: Amazon may have decided it"}
    ]
    assert why["chargebacks"]["orders"] == [
        {"order_id": "999-1234567-7654321", "why": "its order is not in the desk"}
    ]
    assert all(why[c]["explained"] for c in ("negative_feedback", "claims", "chargebacks"))
    assert why["orders"]["difference"] == -2
    assert why["orders"]["explained"] is False
    assert "import the orders report" in why["orders"]["note"]
    # No AFN figure imported: nothing to compare.
    assert data["reconciliation"]["odr"]["afn"] is None


def test_a_difference_the_desk_cannot_explain_says_so(store: Store) -> None:
    # Amazon: 2 claims; the desk: 1 granted claim and nothing pending: -1, no order listed.
    order = OrderFactory(store=store, purchase_date=datetime(2026, 5, 1, tzinfo=UTC))
    ClaimFactory(store=store, amazon_order_id=order.amazon_order_id, status="granted",
                 filed_at=datetime(2026, 5, 10, tzinfo=UTC))  # fmt: skip
    amazon(store, "order_defect_rate", date(2026, 4, 18), date(2026, 6, 16),
           count=2, total=1, details={"claims": 2})  # fmt: skip
    rec = health(store)["reconciliation"]["odr"]["mfn"]
    # Amazon's rate is not given: count / total = 2 / 1; the desk's 1 / 1.
    assert rec["amazon"]["rate"] == 2.0
    assert rec["difference"]["rate"] == -1.0
    [claims] = rec["explanations"]
    assert (claims["component"], claims["difference"]) == ("claims", -1)
    assert (claims["orders"], claims["explained"]) == ([], False)


def test_amazons_latest_period_and_the_desk_over_the_same_days(store: Store) -> None:
    """No figure for the desk's window (04-18..06-16): the latest one ending by the as-of
    day is taken (04-11..06-09, not 04-25..06-23 nor one ending after 06-30), and the
    desk counts Amazon's days: the order of 04-12 is in, the one of 06-12 is not."""
    inside = OrderFactory(store=store, purchase_date=datetime(2026, 4, 12, 10, tzinfo=UTC))
    OrderFactory(store=store, purchase_date=datetime(2026, 6, 12, 10, tzinfo=UTC))
    FeedbackFactory(store=store, amazon_order_id=inside.amazon_order_id, rating=1,
                    left_on=date(2026, 4, 20))  # fmt: skip
    amazon(store, "order_defect_rate", date(2026, 4, 11), date(2026, 6, 9),
           rate=Decimal("1"), count=1, total=1)  # fmt: skip
    amazon(store, "order_defect_rate", date(2026, 3, 1), date(2026, 4, 29),
           rate=Decimal("0"), count=0, total=5)  # fmt: skip
    amazon(store, "order_defect_rate", date(2026, 5, 10), date(2026, 7, 8),
           rate=Decimal("0"), count=0, total=5)  # fmt: skip  # ends after the as-of day
    data = health(store)
    rec = data["reconciliation"]["odr"]["mfn"]
    assert rec["period"] == ["2026-04-11", "2026-06-09"]
    assert (rec["desk"]["orders"], rec["desk"]["orders_with_defects"]) == (1, 1)
    assert rec["difference"] == {
        "rate": 0.0, "orders": 0, "orders_with_defects": 0,
        "negative_feedback": None, "claims": None, "chargebacks": None,
    }  # fmt: skip
    assert rec["explanations"] == []
    # The desk's own window is unchanged: 06-12 in, 04-12 out.
    assert (data["odr"]["mfn"]["orders"], data["odr"]["mfn"]["orders_with_defects"]) == (1, 0)


def test_late_shipment_and_cancel_rate_beside_amazons(store: Store) -> None:
    # Late shipment, Amazon 06-01..06-30: 2 late of 10 (0.2). The desk: 5 orders due in
    # June, 1 shipped late: 0.2; differences: rate 0, count 1 - 2 = -1, total 5 - 10 = -5.
    for day, shipped in ((5, 4), (8, 9), (12, 11), (15, 14), (20, 19)):
        OrderFactory(
            store=store, fulfillment_channel="MFN",
            purchase_date=datetime(2026, 6, day - 2, 10, tzinfo=UTC),
            latest_ship_date=datetime(2026, 6, day, 10, tzinfo=UTC),
            shipped_at=datetime(2026, 6, shipped, 10, tzinfo=UTC),
        )  # fmt: skip
    amazon(store, "late_shipment_rate", date(2026, 6, 1), date(2026, 6, 30),
           rate=Decimal("0.2"), count=2, total=10)  # fmt: skip
    # Cancellations, Amazon 06-24..06-30: 0 of 4. The desk: 2 orders, 1 cancelled by the
    # seller: 0.5; differences: rate +0.5, count +1, total -2.
    OrderFactory(store=store, fulfillment_channel="MFN", status="Canceled",
                 purchase_date=datetime(2026, 6, 25, 10, tzinfo=UTC))  # fmt: skip
    OrderFactory(store=store, fulfillment_channel="MFN",
                 purchase_date=datetime(2026, 6, 26, 10, tzinfo=UTC))  # fmt: skip
    amazon(store, "pre_fulfillment_cancel_rate", date(2026, 6, 24), date(2026, 6, 30),
           rate=Decimal("0"), count=0, total=4)  # fmt: skip
    rec = health(store)["reconciliation"]
    late = rec["late_shipment"]
    assert (late["amazon"]["rate"], late["desk"]) == (0.2, {"rate": 0.2, "count": 1, "total": 5})
    assert late["difference"] == {"rate": 0.0, "count": -1, "total": -5}
    cancel = rec["cancel_rate"]
    assert cancel["desk"] == {"rate": 0.5, "count": 1, "total": 2}
    assert cancel["difference"] == {"rate": 0.5, "count": 1, "total": -2}


def test_nothing_imported(store: Store) -> None:
    rec = health(store)["reconciliation"]
    assert rec == {"odr": {"mfn": None, "afn": None}, "late_shipment": None, "cancel_rate": None}


def test_another_stores_figures_are_not_used(store: Store) -> None:
    other = StoreFactory(name="Other")
    amazon(other, "order_defect_rate", date(2026, 4, 18), date(2026, 6, 16), count=1, total=1)
    assert health(store)["reconciliation"]["odr"]["mfn"] is None
