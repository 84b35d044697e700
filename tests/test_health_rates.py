"""Feedback rating, late shipment rate and pre-fulfilment cancel rate
(``sellerdesk.health.rates``). Expected figures worked out by hand.

The store is in Berlin (UTC+2 in June); as of Tuesday 2026-06-30 the figures stand
at 2026-07-01 00:00 Berlin = 2026-06-30 22:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from sellerdesk.feedback.models import Feedback
from sellerdesk.health.rates import cancel_rate, feedback_rating, late_shipment
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store
from tests.factories import FeedbackFactory, OrderFactory, StoreFactory

AS_OF = date(2026, 6, 30)
AT = datetime(2026, 6, 30, 22, 0, tzinfo=UTC)


@pytest.fixture
def store(db: None) -> Store:
    return StoreFactory(name="Berlin", marketplace="DE", timezone="Europe/Berlin", currency="EUR")


def utc(month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


# --- feedback rating ---------------------------------------------------------------------


def rating(store: Store, start: date | None) -> dict[str, Any]:
    return feedback_rating(Feedback.objects.filter(store=store), start=start, end=AS_OF).as_dict()


def test_feedback_rating_windows(store: Store) -> None:
    """Windows as of 06-30: 30 days 06-01..06-30, 90 days 04-02..06-30, 365 days
    2025-07-01..2026-06-30, lifetime everything up to 06-30."""
    for left_on, stars, status in [
        (date(2026, 6, 30), 5, "active"),  # 30, 90, 365 (last day)
        (date(2026, 6, 1), 4, "active"),  # 30, 90, 365 (first day of 30)
        (date(2026, 6, 15), 3, "active"),  # neutral
        (date(2026, 6, 11), 1, "removal_requested"),  # still counts
        (date(2026, 6, 20), 2, "struck_through"),  # left out
        (date(2026, 6, 21), 1, "removed"),  # left out
        (date(2026, 6, 10), 2, "removed_by_buyer"),  # left out
        (date(2026, 5, 31), 1, "active"),  # 90, 365
        (date(2026, 5, 15), 5, "active"),  # 90, 365
        (date(2026, 4, 2), 5, "active"),  # 90 (first day), 365
        (date(2026, 4, 1), 2, "active"),  # 365
        (date(2025, 7, 1), 5, "active"),  # 365 (first day)
        (date(2025, 6, 30), 1, "active"),  # lifetime only
        (date(2026, 7, 1), 5, "active"),  # after the as-of day: nowhere
    ]:
        FeedbackFactory(store=store, left_on=left_on, rating=stars, status=status)
    # 30: 5, 4, 3, 1 -> positive 2 of 4 = 0.5.
    r30 = rating(store, date(2026, 6, 1))
    assert (r30["positive"], r30["neutral"], r30["negative"], r30["rate"]) == (2, 1, 1, 0.5)
    assert r30["window"] == ["2026-06-01", "2026-06-30"]
    # 90: + 1 (05-31), 5 (05-15), 5 (04-02) -> positive 4 of 7.
    r90 = rating(store, date(2026, 4, 2))
    assert (r90["positive"], r90["count"], r90["rate"]) == (4, 7, 4 / 7)
    # 365: + 2 (04-01), 5 (2025-07-01) -> positive 5 of 9.
    r365 = rating(store, date(2025, 7, 1))
    assert (r365["positive"], r365["negative"], r365["count"], r365["rate"]) == (5, 3, 9, 5 / 9)
    # Lifetime: + 1 (2025-06-30) -> positive 5 of 10.
    life = rating(store, None)
    assert (life["count"], life["rate"], life["window"]) == (10, 0.5, [None, "2026-06-30"])
    assert life["note"] is None


def test_feedback_rating_without_feedback_or_without_positive_feedback(store: Store) -> None:
    empty = rating(store, date(2026, 6, 1))
    assert (empty["rate"], empty["note"]) == (None, "insufficient data: no feedback in the window")
    FeedbackFactory(store=store, left_on=date(2026, 6, 5), rating=2)
    only_negative = rating(store, date(2026, 6, 1))
    assert only_negative["rate"] == 0.0
    assert "carries only 1-3 stars" in only_negative["note"]


# --- late shipment -------------------------------------------------------------------------


def mfn(store: Store, **kw: Any) -> Order:
    kw.setdefault("purchase_date", utc(6, 1))
    kw.setdefault("fulfillment_channel", "MFN")
    return OrderFactory(store=store, **kw)


def shipment(store: Store, start: date, at: datetime = AT) -> dict[str, Any]:
    return late_shipment(
        Order.objects.filter(store=store), start=start, end=AS_OF, tz=store.tz, at=at,
        target_bp=400,
    ).as_dict()  # fmt: skip


@pytest.fixture
def shipments(store: Store) -> Store:
    """MFN orders by latest ship date (UTC) and ship time. 10 days: 06-21..06-30 Berlin."""
    mfn(store, latest_ship_date=utc(6, 25), shipped_at=utc(6, 25, 10))  # in time
    mfn(store, latest_ship_date=utc(6, 25), shipped_at=utc(6, 26, 9))  # late
    mfn(store, latest_ship_date=utc(6, 25), shipped_at=utc(6, 25))  # at the minute: in time
    mfn(store, latest_ship_date=utc(6, 29), status="Unshipped")  # overdue: late
    # Shipped after the figures' moment: unshipped then, and overdue: late.
    mfn(store, latest_ship_date=utc(6, 30, 10), shipped_at=utc(7, 1, 8))
    mfn(store, latest_ship_date=utc(6, 22), status="Shipped")  # no ship date: unknown
    mfn(store, latest_ship_date=utc(6, 22), status="Canceled")  # left out
    # Due 06-20 22:30 UTC = 06-21 00:30 Berlin: in the 10 days; shipped before: in time.
    mfn(store, latest_ship_date=utc(6, 20, 22, 30), shipped_at=utc(6, 20, 22))
    # Due 06-20 21:30 UTC = 06-20 23:30 Berlin: 30 days only; shipped after: late.
    mfn(store, latest_ship_date=utc(6, 20, 21, 30), shipped_at=utc(6, 20, 21, 45))
    mfn(store, latest_ship_date=utc(6, 10), shipped_at=utc(6, 9))  # 30 days: in time
    mfn(store, latest_ship_date=utc(6, 5), shipped_at=utc(6, 4))  # 30 days: in time
    mfn(store, latest_ship_date=utc(7, 1), status="Unshipped")  # due after the window
    OrderFactory(store=store, fulfillment_channel="AFN", purchase_date=utc(6, 20),
                 latest_ship_date=utc(6, 25), shipped_at=utc(6, 28))  # fmt: skip  # FBA
    return store


def test_late_shipment_10_and_30_days(shipments: Store) -> None:
    # 10 days: in time 06-25 10:00, 06-25 12:00, 06-21 00:30 = 3; late 06-26 09:00,
    # unshipped 06-29, shipped after the moment = 3 (2 of them unshipped overdue);
    # unknown 1. Rate 3 / 6 = 0.5, above the 4 % target.
    d10 = shipment(shipments, date(2026, 6, 21))
    assert (d10["orders"], d10["late"], d10["unshipped_overdue"], d10["unknown"]) == (6, 3, 2, 1)
    assert (d10["rate"], d10["meets_target"], d10["target"]) == (0.5, False, 0.04)
    # 30 days: + late 06-20 23:30, in time 06-10 and 06-05: 4 late of 9.
    d30 = shipment(shipments, date(2026, 6, 1))
    assert (d30["orders"], d30["late"], d30["rate"]) == (9, 4, 4 / 9)
    assert d30["window"] == ["2026-06-01", "2026-06-30"]


def test_unshipped_before_its_ship_by_moment_is_pending(store: Store) -> None:
    # Due 06-30 18:00 UTC; at 06-30 10:00 UTC it is pending, at the end of the day late.
    mfn(store, latest_ship_date=utc(6, 30, 18), status="Unshipped")
    early = shipment(store, date(2026, 6, 21), at=utc(6, 30, 10))
    assert (early["orders"], early["pending"], early["rate"]) == (0, 1, None)
    late = shipment(store, date(2026, 6, 21))
    assert (late["orders"], late["late"], late["rate"]) == (1, 1, 1.0)


def test_late_shipment_without_ship_by_dates_is_insufficient_data(store: Store) -> None:
    mfn(store, purchase_date=utc(6, 25), shipped_at=utc(6, 26))
    mfn(store, purchase_date=utc(6, 26), shipped_at=utc(6, 27))
    data = shipment(store, date(2026, 6, 21))
    assert (data["rate"], data["meets_target"]) == (None, None)
    assert data["note"] == (
        "insufficient data: 2 seller-fulfilled orders of the window have no latest ship date"
    )
    assert shipment(StoreFactory(timezone="UTC"), date(2026, 6, 21))["note"] == (
        "insufficient data: no seller-fulfilled order due to ship in the window"
    )


# --- pre-fulfilment cancellations ----------------------------------------------------------


def test_cancel_rate_seven_days(store: Store) -> None:
    # Window 06-24..06-30 Berlin. 10 MFN orders in it: 1 cancelled by the seller, 1 at the
    # buyer's request (not the seller's, still an order), 8 shipped (one of them bought
    # 06-23 22:30 UTC = 06-24 00:30 Berlin). Rate 1 / 10 = 0.1 > 2.5 %.
    mfn(store, purchase_date=utc(6, 25), status="Canceled")
    mfn(store, purchase_date=utc(6, 26), status="Canceled", cancelled_by_buyer=True)
    mfn(store, purchase_date=utc(6, 23, 22, 30))
    for day in range(24, 31):
        mfn(store, purchase_date=utc(6, day))
    # Out: bought 06-23 21:30 UTC = 06-23 23:30 Berlin; and an FBA cancellation.
    mfn(store, purchase_date=utc(6, 23, 21, 30), status="Canceled")
    OrderFactory(store=store, fulfillment_channel="AFN", purchase_date=utc(6, 27),
                 status="Canceled")  # fmt: skip
    data = cancel_rate(
        Order.objects.filter(store=store), start=date(2026, 6, 24), end=AS_OF, tz=store.tz,
        target_bp=250,
    ).as_dict()  # fmt: skip
    assert (data["orders"], data["cancelled_by_seller"], data["cancelled_by_buyer"]) == (10, 1, 1)
    assert (data["rate"], data["target"], data["meets_target"]) == (0.1, 0.025, False)
    assert data["window"] == ["2026-06-24", "2026-06-30"]


def test_cancel_rate_without_orders_is_insufficient_data(store: Store) -> None:
    data = cancel_rate(
        Order.objects.filter(store=store), start=date(2026, 6, 24), end=AS_OF, tz=store.tz,
        target_bp=250,
    ).as_dict()  # fmt: skip
    assert (data["rate"], data["note"]) == (None, "insufficient data: no seller-fulfilled orders")
