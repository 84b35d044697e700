"""The Order Defect Rate from the desk's records (``sellerdesk.health.odr``), and its
forecast (``sellerdesk.health.forecast``). Every expected figure is worked out by hand
in the comments.

The store is in Berlin (UTC+2 in summer). As of Tuesday 2026-06-30 the window is
2026-04-18 .. 2026-06-16 (end = as_of - 14 days, start = end - 59 days), and the
figures stand at the end of the as-of day: 2026-07-01 00:00 Berlin = 2026-06-30
22:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.claims.models import Claim
from sellerdesk.feedback.models import Feedback
from sellerdesk.health.forecast import OdrForecast, leaves_window_on, orders_to_target
from sellerdesk.health.odr import OdrFigure, OdrSettings, Sources, odr_figure, unplaced_defects
from sellerdesk.health.windows import figures_moment
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store
from tests.factories import (
    ChargebackFactory,
    ClaimFactory,
    FeedbackFactory,
    OrderFactory,
    StoreFactory,
)

AS_OF = date(2026, 6, 30)
AT = datetime(2026, 6, 30, 22, 0, tzinfo=UTC)  # 2026-07-01 00:00 in Berlin
MID_WINDOW = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(db: None) -> Store:
    return StoreFactory(name="Berlin", marketplace="DE", timezone="Europe/Berlin", currency="EUR")


def sources(store: Store) -> Sources:
    return Sources(
        orders=Order.objects.filter(store=store),
        feedback=Feedback.objects.filter(store=store),
        claims=Claim.objects.filter(store=store),
        chargebacks=Chargeback.objects.filter(store=store),
    )


def figure(store: Store, channel: str = "MFN", **settings: Any) -> OdrFigure:
    odr = OdrSettings(**settings)
    start, end = odr.window(AS_OF)
    return odr_figure(
        sources(store), channel=channel, start=start, end=end, tz=store.tz, at=AT, settings=odr
    )


def order(store: Store, at: datetime = MID_WINDOW, channel: str = "MFN", **kw: Any) -> Order:
    return OrderFactory(store=store, purchase_date=at, fulfillment_channel=channel, **kw)


def feedback(store: Store, o: Order, rating: int = 1, **kw: Any) -> Feedback:
    kw.setdefault("left_on", date(2026, 5, 10))
    return FeedbackFactory(
        store=store, order=o, amazon_order_id=o.amazon_order_id, rating=rating, **kw
    )


def claim(store: Store, o: Order, status: str, **kw: Any) -> Claim:
    kw.setdefault("filed_at", datetime(2026, 5, 20, 9, tzinfo=UTC))
    return ClaimFactory(
        store=store, order=o, amazon_order_id=o.amazon_order_id, status=status, **kw
    )


def chargeback(store: Store, o: Order, kind: str, status: str, **kw: Any) -> Chargeback:
    kw.setdefault("received_at", datetime(2026, 5, 25, 9, tzinfo=UTC))
    return ChargebackFactory(
        store=store, order=o, amazon_order_id=o.amazon_order_id, kind=kind, status=status, **kw
    )


def test_window_is_60_days_ending_14_days_before_as_of() -> None:
    # end = 06-30 - 14 = 06-16; start = 06-16 - 59 = 04-18; 04-18..06-16 is 60 days.
    assert OdrSettings().window(AS_OF) == (date(2026, 4, 18), date(2026, 6, 16))
    # A store's own numbers: 30 days, lag 7: end = 06-23, start = 06-23 - 29 = 05-25.
    assert OdrSettings(window_days=30, lag_days=7).window(AS_OF) == (
        date(2026, 5, 25),
        date(2026, 6, 23),
    )
    # The end of the as-of day in Berlin, unless "now" is earlier.
    berlin = StoreFactory.build(timezone="Europe/Berlin").tz
    assert figures_moment(AS_OF, berlin, datetime(2026, 7, 5, tzinfo=UTC)) == AT
    earlier = datetime(2026, 6, 30, 8, tzinfo=UTC)
    assert figures_moment(AS_OF, berlin, earlier) == earlier


def test_an_order_with_several_defects_counts_once(store: Store) -> None:
    # One order: 1-star feedback, a seller-funded granted claim and a service chargeback
    # decided for the buyer. Three more orders without defects. 1 defective of 4 = 0.25;
    # each component counts 1, so the components add up to 3 for one defective order.
    o = order(store)
    feedback(store, o, rating=1)
    claim(store, o, "granted")
    chargeback(store, o, "service", "decided_for_buyer")
    for _ in range(3):
        order(store)
    fig = figure(store)
    data = fig.as_dict()
    assert (data["orders"], data["orders_with_defects"], data["rate"]) == (4, 1, 0.25)
    assert (data["negative_feedback"], data["claims"], data["chargebacks"]) == (1, 1, 1)
    assert data["window"] == ["2026-04-18", "2026-06-16"]
    [listed] = data["defective_orders"]
    assert listed["order_id"] == o.amazon_order_id
    assert listed["order_date"] == "2026-05-01"
    assert listed["defects"] == ["negative_feedback", "claim", "chargeback"]
    assert [d["kind"] for d in listed["details"]] == ["negative_feedback", "claim", "chargeback"]
    # 0.25 is above the 1 % target.
    assert (data["target"], data["meets_target"]) == (0.01, False)


def test_window_edges_in_the_stores_time_zone(store: Store) -> None:
    """Four orders, each with 1-star feedback, around the window's two edges (Berlin
    is UTC+2): only the two on the window's first and last local day count."""
    before = order(store, datetime(2026, 4, 17, 21, 59, tzinfo=UTC))  # 04-17 23:59 Berlin: out
    first = order(store, datetime(2026, 4, 17, 22, 0, tzinfo=UTC))  # 04-18 00:00 Berlin: in
    last = order(store, datetime(2026, 6, 16, 21, 59, tzinfo=UTC))  # 06-16 23:59 Berlin: in
    lagged = order(store, datetime(2026, 6, 16, 22, 0, tzinfo=UTC))  # 06-17 00:00: in the lag
    for o in (before, first, last, lagged):
        feedback(store, o, left_on=date(2026, 6, 20))
    fig = figure(store)
    # Orders: first and last (2); both defective: 2 / 2 = 1.0.
    assert (fig.orders, fig.orders_with_defects, fig.rate) == (2, 2, 1.0)
    assert [(o.order_id, o.order_date) for o in fig.defective] == [
        (first.amazon_order_id, date(2026, 4, 18)),  # its UTC date is 04-17
        (last.amazon_order_id, date(2026, 6, 16)),
    ]
    # A day later the window is 04-19..06-17: "first" has left, "lagged" has come in.
    start, end = OdrSettings().window(AS_OF + timedelta(days=1))
    later = odr_figure(
        sources(store), channel="MFN", start=start, end=end, tz=store.tz,
        at=AT + timedelta(days=1), settings=OdrSettings(),
    )  # fmt: skip
    assert [o.order_id for o in later.defective] == [last.amazon_order_id, lagged.amazon_order_id]


def test_the_order_date_places_a_defect_not_the_defects_date(store: Store) -> None:
    # Ordered 04-10 (before the window), feedback left 05-10 (inside it): not counted.
    # Ordered 06-10 (inside), claim filed 06-25 (in the lag days): counted.
    old = order(store, datetime(2026, 4, 10, 10, tzinfo=UTC))
    feedback(store, old, left_on=date(2026, 5, 10))
    recent = order(store, datetime(2026, 6, 10, 10, tzinfo=UTC))
    claim(store, recent, "granted", filed_at=datetime(2026, 6, 25, 10, tzinfo=UTC))
    fig = figure(store)
    assert (fig.orders, fig.orders_with_defects) == (1, 1)
    assert [o.order_id for o in fig.defective] == [recent.amazon_order_id]


@pytest.mark.parametrize(
    ("status", "funded_by", "buy_shipping", "expected"),
    [
        ("action_required", "seller", False, "pending"),
        ("under_review", "seller", False, "pending"),
        ("appealed", "seller", False, "pending"),
        ("granted", "seller", False, "counts"),
        ("granted", "amazon", False, "no"),
        ("granted", "seller", True, "no"),  # Buy Shipping Claims Protection
        ("cancelled", "seller", False, "counts"),
        ("cancelled", "amazon", False, "no"),
        ("refunded_by_seller", "seller", False, "counts"),
        ("refunded_by_seller", "amazon", False, "counts"),
        ("denied", "seller", False, "no"),
        ("withdrawn", "seller", False, "no"),
    ],
)
def test_every_claim_status_and_funding(
    store: Store, status: str, funded_by: str, buy_shipping: bool, expected: str
) -> None:
    # One order with the claim and one without: counts -> 1/2 = 0.5, else 0/2 = 0.
    o = order(store)
    order(store)
    claim(store, o, status, funded_by=funded_by, buy_shipping_protected=buy_shipping)
    fig = figure(store)
    assert fig.rate == (0.5 if expected == "counts" else 0.0)
    assert fig.component("claim") == (1 if expected == "counts" else 0)
    assert len(fig.pending) == (1 if expected == "pending" else 0)


@pytest.mark.parametrize(
    ("kind", "status", "for_seller_counts", "expected"),
    [
        ("fraud", "open", False, "no"),  # fraud is Amazon's: not even pending
        ("fraud", "decided_for_buyer", False, "no"),
        ("fraud", "refunded", False, "no"),
        ("service", "open", False, "pending"),
        ("service", "represented", False, "pending"),
        ("service", "decided_for_buyer", False, "counts"),
        ("service", "refunded", False, "counts"),
        ("service", "decided_for_seller", False, "no"),  # the store's default
        ("service", "decided_for_seller", True, "counts"),  # the store counts them
        ("fraud", "decided_for_seller", True, "no"),
    ],
)
def test_fraud_and_service_chargebacks(
    store: Store, kind: str, status: str, for_seller_counts: bool, expected: str
) -> None:
    # One order with the chargeback, three without: counts -> 1/4 = 0.25.
    o = order(store)
    for _ in range(3):
        order(store)
    chargeback(store, o, kind, status)
    fig = figure(store, decided_for_seller_counts=for_seller_counts)
    assert fig.rate == (0.25 if expected == "counts" else 0.0)
    assert fig.component("chargeback") == (1 if expected == "counts" else 0)
    assert len(fig.pending) == (1 if expected == "pending" else 0)


def test_the_stores_setting_decides_a_chargeback_decided_for_the_seller(store: Store) -> None:
    # One order, its service chargeback decided for the seller: 0/1 by default, 1/1 once
    # the store counts those (policy "chargeback_decided_for_seller_counts" = 1).
    o = order(store)
    chargeback(store, o, "service", "decided_for_seller")
    default = OdrSettings.for_store(store)
    assert default.decided_for_seller_counts is False
    assert figure(store, decided_for_seller_counts=default.decided_for_seller_counts).rate == 0.0
    store.policy_overrides = {"chargeback_decided_for_seller_counts": 1}
    store.save()
    counting = OdrSettings.for_store(store)
    assert counting.decided_for_seller_counts is True
    assert figure(store, decided_for_seller_counts=counting.decided_for_seller_counts).rate == 1.0


def test_the_stores_policy_sets_window_and_target(store: Store) -> None:
    store.policy_overrides = {
        "odr_window_days": 30, "odr_window_lag_days": 7, "odr_target_basis_points": 50,
    }  # fmt: skip
    store.save()
    assert OdrSettings.for_store(store) == OdrSettings(window_days=30, lag_days=7, target_bp=50)
    assert OdrSettings.for_store(store).target == 0.005


@pytest.mark.parametrize(
    ("rating", "status", "counts"),
    [
        (1, "active", True),
        (2, "active", True),
        (3, "active", False),  # neutral
        (5, "active", False),
        (2, "removal_requested", True),  # still standing
        (2, "removal_denied", True),
        (1, "removed", False),
        (1, "struck_through", False),
        (2, "removed_by_buyer", False),
    ],
)
def test_feedback_counts_unless_gone(store: Store, rating: int, status: str, counts: bool) -> None:
    # One order with the feedback, one without: 1/2 = 0.5 or 0/2 = 0.
    o = order(store)
    order(store)
    feedback(store, o, rating=rating, status=status)
    fig = figure(store)
    assert fig.rate == (0.5 if counts else 0.0)
    assert fig.component("negative_feedback") == int(counts)


def test_defects_recorded_after_the_figures_moment_are_not_known(store: Store) -> None:
    # All three orders are in the window. The figures stand at 2026-06-30 22:00 UTC.
    late_feedback = order(store)
    feedback(store, late_feedback, left_on=date(2026, 7, 1))  # after the as-of day
    late_claim = order(store)
    # 2026-07-01 00:30 in Berlin, still 06-30 in UTC: after the moment.
    claim(store, late_claim, "granted", filed_at=datetime(2026, 6, 30, 22, 30, tzinfo=UTC))
    in_time = order(store)
    # 2026-06-30 23:59 in Berlin: before the moment.
    chargeback(
        store, in_time, "service", "refunded", received_at=datetime(2026, 6, 30, 21, 59, tzinfo=UTC)
    )
    fig = figure(store)
    assert (fig.orders, fig.orders_with_defects) == (3, 1)
    assert [o.order_id for o in fig.defective] == [in_time.amazon_order_id]


def test_mfn_and_afn_apart(store: Store) -> None:
    # MFN: 2 orders, 1 defective (0.5). AFN: 4 orders, 1 defective (0.25).
    mfn = order(store)
    order(store)
    feedback(store, mfn)
    afn = order(store, channel="AFN")
    for _ in range(3):
        order(store, channel="AFN")
    claim(store, afn, "granted")
    assert (figure(store, "MFN").orders, figure(store, "MFN").rate) == (2, 0.5)
    assert (figure(store, "AFN").orders, figure(store, "AFN").rate) == (4, 0.25)
    assert [o.order_id for o in figure(store, "AFN").defective] == [afn.amazon_order_id]


def test_no_orders_is_insufficient_data(store: Store) -> None:
    data = figure(store).as_dict()
    assert (data["rate"], data["meets_target"]) == (None, None)
    assert data["note"] == "insufficient data: no orders in the window"


def test_other_stores_records_do_not_count(store: Store) -> None:
    other = StoreFactory(name="Other")
    mine = order(store)
    theirs = OrderFactory(
        store=other, purchase_date=MID_WINDOW, amazon_order_id=mine.amazon_order_id
    )
    FeedbackFactory(store=other, order=theirs, amazon_order_id=theirs.amazon_order_id, rating=1)
    fig = figure(store)
    assert (fig.orders, fig.orders_with_defects) == (1, 0)


def test_unplaced_defects_are_those_without_an_order(store: Store) -> None:
    placed = order(store)
    feedback(store, placed)
    FeedbackFactory(store=store, amazon_order_id="999-0000000-0000001", rating=1,
                    left_on=date(2026, 5, 2))  # fmt: skip
    FeedbackFactory(store=store, amazon_order_id="999-0000000-0000002", rating=1,
                    left_on=date(2026, 4, 1))  # fmt: skip  # before "since": cannot be
    ClaimFactory(store=store, amazon_order_id="999-0000000-0000003", status="under_review",
                 filed_at=datetime(2026, 5, 3, tzinfo=UTC))  # fmt: skip
    ClaimFactory(store=store, amazon_order_id="999-0000000-0000004", status="denied",
                 filed_at=datetime(2026, 5, 3, tzinfo=UTC))  # fmt: skip
    found = unplaced_defects(
        sources(store), since=date(2026, 4, 18), tz=store.tz, at=AT, settings=OdrSettings()
    )
    assert [(d.order_id, d.kind, d.counts) for d in found] == [
        ("999-0000000-0000001", "negative_feedback", True),
        ("999-0000000-0000003", "claim", None),
    ]


# --- forecast ------------------------------------------------------------------------


def test_orders_to_target_by_hand() -> None:
    # 2 defective of 100 = 2 %: need 2 / (100 + n) < 1 %, i.e. 100 + n > 200: n = 101
    # (2/201 = 0.995 %; 2/200 is exactly 1 %, not under it).
    assert orders_to_target(2, 100, 100) == 101
    # 1 of 100 is exactly 1 %: one more order (1/101 = 0.99 %).
    assert orders_to_target(1, 100, 100) == 1
    # 1 of 150 = 0.67 %: already under.
    assert orders_to_target(1, 150, 100) == 0
    assert orders_to_target(0, 0, 100) == 0
    # Late-shipment-like target of 2.5 % (250 bp): 5 of 100 -> 100 + n > 200: n = 101.
    assert orders_to_target(5, 100, 250) == 101


def test_leaves_window_on() -> None:
    # Ordered 04-18, counted last as of 06-30 (window 04-18..06-16), gone on 07-01:
    # 04-18 + 14 + 60 = 07-01.
    assert leaves_window_on(date(2026, 4, 18), OdrSettings()) == date(2026, 7, 1)
    assert OdrSettings().window(date(2026, 7, 1))[0] == date(2026, 4, 19)
    # Ordered 05-01: + 74 days = 07-14.
    assert leaves_window_on(date(2026, 5, 1), OdrSettings()) == date(2026, 7, 14)


def test_forecast_by_hand(store: Store) -> None:
    """20 MFN orders in the window:

    * A (04-18 00:30 Berlin): 1-star feedback -> defective;
    * B (05-01): granted claim -> defective;
    * C (05-01): open claim and 2-star feedback -> defective now, and pending;
    * D (05-01): open claim -> pending;
    * E (05-01): represented service chargeback -> pending;
    * F (05-01): appealed claim and open chargeback -> pending (one order);
    * 14 more orders without anything.

    Now: 3 defective of 20 = 0.15. If every pending case is lost: A, B, C, D, E, F = 6
    of 20 = 0.30 (C is not counted twice). To get under 1 %: 3 * 10000 // 100 + 1 - 20
    = 281 defect-free orders (3/301 = 0.997 %); if lost, 6 * 100 + 1 - 20 = 581.
    A leaves the window on 04-18 + 74 = 07-01, B and C on 05-01 + 74 = 07-14.
    """
    a = order(store, datetime(2026, 4, 17, 22, 30, tzinfo=UTC))
    feedback(store, a)
    b, c, d, e, f = (order(store) for _ in range(5))
    claim(store, b, "granted")
    claim(store, c, "action_required")
    feedback(store, c, rating=2)
    claim(store, d, "under_review")
    chargeback(store, e, "service", "represented")
    claim(store, f, "appealed")
    chargeback(store, f, "service", "open")
    for _ in range(14):
        order(store)

    fig = figure(store)
    data = OdrForecast(fig, OdrSettings()).as_dict()
    assert (fig.orders, fig.orders_with_defects, data["rate"]) == (20, 3, 0.15)
    assert data["orders_to_target"] == 281
    assert data["orders_with_defects_if_pending_lost"] == 6
    assert data["rate_if_pending_lost"] == 0.3
    assert data["orders_to_target_if_pending_lost"] == 581
    assert [(p["order_id"], p["cases"]) for p in data["pending"]] == [
        (c.amazon_order_id, ["claim"]),
        (d.amazon_order_id, ["claim"]),
        (e.amazon_order_id, ["chargeback"]),
        (f.amazon_order_id, ["claim", "chargeback"]),
    ]
    assert [(x["order_id"], x["leaves_window_on"]) for x in data["defects_leaving"]] == [
        (a.amazon_order_id, "2026-07-01"),
        (b.amazon_order_id, "2026-07-14"),
        (c.amazon_order_id, "2026-07-14"),
    ]
    assert data["defects_leaving"][2]["defects"] == ["negative_feedback"]
