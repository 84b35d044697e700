"""The dashboard's trend points (``sellerdesk.health.trends``) on a hand-made store.

The store is in UTC. Three points a week apart: as of 08-17, 08-24 and 08-31 (a
Monday), with now = 2026-08-31 12:00 UTC, so the last point stands at noon and the
earlier ones at the end of their day. Windows, worked out by hand:

=========  ==================  ================  ================
as of      ODR (order dates)   rating (90 d)     returns (30 d)
=========  ==================  ================  ================
08-17      06-05 .. 08-03      05-20 .. 08-17    07-19 .. 08-17
08-24      06-12 .. 08-10      05-27 .. 08-24    07-26 .. 08-24
08-31      06-19 .. 08-17      06-03 .. 08-31    08-02 .. 08-31
=========  ==================  ================  ================
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sellerdesk.health.selectors import store_health
from sellerdesk.health.trends import store_trends, trend_days
from sellerdesk.messaging.models import Direction
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store
from tests.factories import (
    ChargebackFactory,
    ClaimFactory,
    ConversationFactory,
    FeedbackFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
    ReturnFactory,
    StoreFactory,
)

AS_OF = date(2026, 8, 31)
NOW = datetime(2026, 8, 31, 12, tzinfo=UTC)


def at(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def order(store: Store, when: datetime, channel: str = "MFN") -> Order:
    return OrderFactory(store=store, purchase_date=when, fulfillment_channel=channel)


def fill(store: Store) -> None:
    # --- ODR. MFN orders O1..O5, one AFN order.
    o1, o2, o3 = order(store, at(6, 6)), order(store, at(6, 15)), order(store, at(7, 1))
    o4, o5 = order(store, at(8, 12)), order(store, at(7, 10))
    order(store, at(7, 1), channel="AFN")
    fb = {"store": store}
    FeedbackFactory(**fb, amazon_order_id=o1.amazon_order_id, rating=1, left_on=date(2026, 6, 20))
    FeedbackFactory(**fb, amazon_order_id=o3.amazon_order_id, rating=1, left_on=date(2026, 7, 5))
    FeedbackFactory(**fb, amazon_order_id=o4.amazon_order_id, rating=1, left_on=date(2026, 8, 31))
    FeedbackFactory(
        **fb, amazon_order_id=o2.amazon_order_id, rating=2, status="removed",
        left_on=date(2026, 6, 20),
    )  # fmt: skip
    # O3 also has a claim granted against the seller, filed 08-20: the order counts once.
    ClaimFactory(
        store=store, amazon_order_id=o3.amazon_order_id, status="granted", filed_at=at(8, 20)
    )
    # O5: an open service chargeback is pending, not a defect.
    ChargebackFactory(
        store=store, amazon_order_id=o5.amazon_order_id, status="open", received_at=at(8, 5)
    )
    # --- rating: positives and a neutral without orders of the window.
    FeedbackFactory(**fb, rating=5, left_on=date(2026, 5, 25))
    FeedbackFactory(**fb, rating=4, left_on=date(2026, 8, 20))
    FeedbackFactory(**fb, rating=3, left_on=date(2026, 8, 18))
    # --- response: answered in 4 h, answered in 48 h, and one answered after now.
    for start, reply in (
        (at(8, 1), at(8, 1, 14)),
        (at(8, 20, 9), at(8, 22, 9)),
        (at(8, 30, 8), at(8, 31, 20)),
    ):
        conversation = ConversationFactory(store=store)
        MessageFactory(conversation=conversation, sent_at=start)
        MessageFactory(
            conversation=conversation, direction=Direction.OUTBOUND, sender="me", sent_at=reply
        )
    # --- returns: orders bought in May (outside every ODR window), shipped later.
    s1 = OrderFactory(store=store, purchase_date=at(5, 1), shipped_at=at(7, 20))
    s2 = OrderFactory(store=store, purchase_date=at(5, 2), shipped_at=at(8, 25))
    OrderItemFactory(order=s1, quantity_ordered=10, quantity_shipped=10)
    OrderItemFactory(order=s2, quantity_ordered=10, quantity_shipped=10)
    ReturnFactory(
        store=store, amazon_order_id=s1.amazon_order_id, quantity=2, requested_at=at(7, 28)
    )
    ReturnFactory(
        store=store, amazon_order_id=s2.amazon_order_id, quantity=1, requested_at=at(8, 30)
    )
    ReturnFactory(
        store=store, amazon_order_id=s2.amazon_order_id, quantity=5, requested_at=at(8, 30),
        status="rejected",
    )  # fmt: skip


@pytest.fixture
def store(db: None) -> Store:
    store = StoreFactory(name="Trends", marketplace="GB", timezone="UTC", currency="GBP")
    fill(store)
    return store


def test_trend_days_are_a_week_apart_ending_with_as_of() -> None:
    assert trend_days(AS_OF, 3) == (date(2026, 8, 17), date(2026, 8, 24), date(2026, 8, 31))
    assert len(trend_days(AS_OF)) == 13


def test_points_match_hand_computed_figures(store: Store) -> None:
    trends = store_trends(store=store, as_of=AS_OF, now=NOW, weeks=3)
    mfn = [(p.count, p.total) for p in trends.odr["mfn"]]
    # 08-17: O1, O2, O3, O5 in the window; O1 and O3 have negative feedback; the claim
    #        (filed 08-20) is not known yet. 2 of 4.
    # 08-24: O2, O3, O5; O3 (feedback and now also the claim: once). 1 of 3.
    # 08-31: O3, O5, O4; O3, and O4 whose feedback was left today. 2 of 3.
    assert mfn == [(2, 4), (1, 3), (2, 3)]
    assert [p.value for p in trends.odr["mfn"]] == [0.5, 1 / 3, 2 / 3]
    assert [(p.count, p.total, p.value) for p in trends.odr["afn"]] == [(0, 1, 0.0)] * 3
    # Response, 30 days: 08-17 -> only the 4 h clock; 08-24 -> 4 h and 48 h: 26 h;
    # 08-31 -> the 08-01 clock has left the window (starts 08-02), the 08-30 one is
    # not answered by noon: 48 h.
    assert [(p.value, p.count) for p in trends.avg_response_hours] == [
        (4.0, 1),
        (26.0, 2),
        (48.0, 1),
    ]
    # Rating, 90 days: 08-17 -> 5*, 1*, 1*: 1 of 3; 08-24 -> 1*, 1*, 3*, 4*: 1 of 4;
    # 08-31 -> 1*, 1*, 3*, 4*, 1* (today's): 1 of 5. The removed feedback never counts.
    assert [(p.count, p.total) for p in trends.feedback_rating] == [(1, 3), (1, 4), (1, 5)]
    # Returns, 30 days: 08-17 -> 2 of 10 units; 08-24 -> nothing shipped: no rate;
    # 08-31 -> 1 of 10 (the rejected return brought nothing back).
    assert [(p.count, p.total, p.value) for p in trends.return_rate] == [
        (2, 10, 0.2),
        (2, 0, None),
        (1, 10, 0.1),
    ]


def test_every_point_equals_store_health_as_of_that_day(store: Store) -> None:
    trends = store_trends(store=store, as_of=AS_OF, now=NOW, weeks=3)
    for index, day in enumerate(trends.days):
        health = store_health(store=store, as_of=day, now=NOW)
        assert trends.odr["mfn"][index].value == health.odr["mfn"].rate
        assert trends.odr["afn"][index].value == health.odr["afn"].rate
        assert trends.avg_response_hours[index].value == health.response[30].avg_hours
        assert trends.feedback_rating[index].value == health.feedback_rating["90"].rate
        assert trends.return_rate[index].value == health.returns[30]["rate"]


def test_an_empty_store_has_points_without_values(db: None) -> None:
    store = StoreFactory(name="Empty", timezone="UTC")
    trends = store_trends(store=store, as_of=AS_OF, now=NOW)
    assert len(trends.days) == 13
    for points in (
        trends.odr["mfn"],
        trends.odr["afn"],
        trends.avg_response_hours,
        trends.feedback_rating,
        trends.return_rate,
    ):
        assert [p.value for p in points] == [None] * 13
