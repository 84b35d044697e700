"""Return statistics on small data sets whose every figure is computed by hand below.

The flag test checks scipy's p-values against an exact binomial tail summed with
``math.comb`` over fractions, and the q-values against Benjamini-Hochberg done by
hand, so neither rests on the code under test.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from fractions import Fraction
from math import comb
from zoneinfo import ZoneInfo

import pytest

from sellerdesk.orders.models import Order
from sellerdesk.returns import stats
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.returns.selectors import return_rate_series, return_stats_for_store
from sellerdesk.stores.models import Store
from tests.factories import OrderFactory, OrderItemFactory, ReturnFactory, StoreFactory

AS_OF = date(2026, 6, 30)  # a Tuesday
_keys = itertools.count(1)


def ship(
    store: Store,
    sku: str,
    units: int,
    at: datetime | None,
    *,
    asin: str = "B0MUGRED01",
    purchased: datetime | None = None,
) -> Order:
    """One order of ``units`` units of ``sku``, shipped at ``at`` (None: no ship date)."""
    order = OrderFactory(
        store=store,
        shipped_at=at,
        purchase_date=purchased or at,
        amazon_order_id=f"111-{next(_keys):07d}-0000001",
    )
    OrderItemFactory(
        order=order, sku=sku, asin=asin, quantity_ordered=units, quantity_shipped=units
    )
    return order


def give_back(
    store: Store,
    order: Order | None,
    sku: str,
    units: int,
    at: datetime,
    reason: str,
    *,
    asin: str = "B0MUGRED01",
    status: str = ReturnStatus.RECEIVED,
) -> Return:
    return ReturnFactory(
        store=store,
        order=order,
        amazon_order_id=order.amazon_order_id if order else f"199-{next(_keys):07d}-0000001",
        sku=sku,
        asin=asin,
        quantity=units,
        reason_code=reason,
        requested_at=at,
        status=status,
    )


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@pytest.fixture
def mugs(db: None) -> Store:
    """One ASIN, two SKUs, in a store on UTC so that every day below is plain.

    as_of 2026-06-30: the 30-day window is Jun 1-30, the 90-day window Apr 2 - Jun 30.
    """
    store = StoreFactory(name="Mugs", timezone="UTC")
    march = ship(store, "MUG-RED", 12, utc(2026, 3, 20, 9))  # before the 90 days
    april = ship(store, "MUG-RED", 40, utc(2026, 4, 10, 9))
    # No ship date in the report: counted on its purchase date, Apr 28.
    ship(store, "MUG-RED", 10, None, purchased=utc(2026, 4, 28, 9))
    may = ship(store, "MUG-RED", 20, utc(2026, 5, 15, 9))
    june = ship(store, "MUG-RED", 30, utc(2026, 6, 10, 9))
    june_2 = ship(store, "MUG-RED-2", 5, utc(2026, 6, 12, 9))
    ship(store, "MUG-RED", 7, utc(2026, 7, 1, 9))  # after as_of: never counted

    give_back(store, april, "MUG-RED", 2, utc(2026, 4, 20, 9), "CR-DEFECTIVE")  # r1
    give_back(store, april, "MUG-RED", 1, utc(2026, 6, 15, 9), "CR-UNWANTED_ITEM")  # r2
    give_back(store, march, "MUG-RED", 1, utc(2026, 6, 5, 9), "DEFECTIVE")  # r3, no CR-
    give_back(store, june, "MUG-RED", 1, utc(2026, 6, 25, 9), "")  # r4, no reason
    give_back(store, may, "MUG-RED", 2, utc(2026, 5, 20, 9), "SOME_NEW_CODE")  # r5
    give_back(  # r6: rejected, so nothing came back
        store, june, "MUG-RED", 5, utc(2026, 6, 20, 9), "CR-DEFECTIVE", status="rejected"
    )
    give_back(store, june_2, "MUG-RED-2", 1, utc(2026, 6, 20, 9), "CR-SWITCHEROO")  # r7
    give_back(store, None, "MUG-RED", 1, utc(2026, 7, 2, 9), "CR-DEFECTIVE")  # after as_of
    return store


def test_rates_reasons_and_fault_share_by_hand(mugs: Store) -> None:
    result = return_stats_for_store(store=mugs, as_of=AS_OF)
    assert [r.key for r in result.rows] == ["MUG-RED", "MUG-RED-2"]
    red = result.rows[0]
    assert red.asin == "B0MUGRED01"
    # 30 days (Jun 1-30): shipped Jun 10: 30. Returned r2 1 + r3 1 + r4 1 = 3 (r6 rejected).
    assert (red.shipped_30, red.returned_30) == (30, 3)
    assert red.rate_30 == pytest.approx(3 / 30)  # 10 %
    # 90 days (Apr 2 - Jun 30): shipped 40 (Apr 10) + 10 (Apr 28, purchase date)
    # + 20 (May 15) + 30 (Jun 10) = 100; the March 20 order is outside.
    # Returned r1 2 + r2 1 + r3 1 + r4 1 + r5 2 = 7.
    assert (red.shipped_90, red.returned_90) == (100, 7)
    assert red.rate_90 == pytest.approx(0.07)
    # Reason mix over the 90 days, by units: DEFECTIVE is CR-DEFECTIVE (r1 2 + r3 1),
    # r5's code is unknown to the table but kept, r4 has none.
    assert red.reasons == {
        "CR-DEFECTIVE": 3,
        "SOME_NEW_CODE": 2,
        "CR-UNWANTED_ITEM": 1,
        stats.NO_REASON: 1,
    }
    # Fault: seller 3 (defective), buyer 1 (unwanted), unknown 2 + 1 = 3.
    assert red.faults == {"seller": 3, "buyer": 1, "unknown": 3}
    assert red.seller_fault_share == pytest.approx(3 / 7)

    two = result.rows[1]
    # 5 shipped Jun 12, 1 returned (wrong item sent: the seller's fault).
    assert (two.shipped_30, two.returned_30, two.shipped_90, two.returned_90) == (5, 1, 5, 1)
    assert two.rate_30 == pytest.approx(0.2)
    assert two.seller_fault_share == 1.0

    # The whole store: 35 and 105 shipped, 4 and 8 returned.
    whole = result.store
    assert (whole.shipped_30, whole.returned_30) == (35, 4)
    assert (whole.shipped_90, whole.returned_90) == (105, 8)
    assert whole.seller_fault_share == pytest.approx(4 / 8)


def test_amazon_monthly_method_by_hand(mugs: Store) -> None:
    red = return_stats_for_store(store=mugs, as_of=AS_OF).rows[0]
    months = {f"{m.month:%Y-%m}": m for m in red.monthly}
    assert list(months) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    # Nothing shipped in January and February: no rate, and exempt (0 < 25).
    assert (months["2026-01"].shipped, months["2026-01"].rate, months["2026-01"].exempt) == (
        0,
        None,
        True,
    )
    # March: 12 shipped; r3 of a March unit came back in June = M+3, too late to count.
    # 12 < 25 units: exempt.
    march = months["2026-03"]
    assert (march.shipped, march.returned, march.exempt, march.complete) == (12, 0, True, True)
    # April: 40 + 10 (the purchase-dated order) = 50 shipped. r1 (April = M) 2 units and
    # r2 (June = M+2) 1 unit: 3 / 50 = 6 %. M+2 = June ends on as_of: complete.
    april = months["2026-04"]
    assert (april.shipped, april.returned, april.exempt, april.complete) == (50, 3, False, True)
    assert april.rate == pytest.approx(0.06)
    # May: 20 shipped, r5 2 units in May: 10 %; under 25 units: exempt; July not over.
    may = months["2026-05"]
    assert (may.shipped, may.returned, may.exempt, may.complete) == (20, 2, True, False)
    assert may.rate == pytest.approx(0.1)
    # June: 30 shipped, r4 1 unit (r6 rejected): 1/30.
    june = months["2026-06"]
    assert (june.shipped, june.returned, june.exempt, june.complete) == (30, 1, False, False)
    assert june.rate == pytest.approx(1 / 30)
    assert red.last_complete_month == april


@pytest.mark.django_db
def test_a_month_is_the_stores_local_month() -> None:
    """An order shipped on Apr 30 at 23:30 in Los Angeles (May 1, 06:30 UTC) is April's;
    a return requested on Jul 31 at 22:00 there (Aug 1 UTC) is July's, so counted as of
    Jul 31."""
    store = StoreFactory(name="LA", timezone="America/Los_Angeles")
    late_april = ship(
        store, "LAMP", 30, datetime(2026, 4, 30, 23, 30, tzinfo=ZoneInfo(store.timezone))
    )
    give_back(
        store, late_april, "LAMP", 3,
        datetime(2026, 7, 31, 22, 0, tzinfo=ZoneInfo(store.timezone)), "CR-DEFECTIVE",
    )  # fmt: skip
    # As of Jul 31 (local): the return is in July = April's M+3: not counted.
    result = return_stats_for_store(store=store, as_of=date(2026, 7, 31))
    months = {f"{m.month:%Y-%m}": m for m in result.rows[0].monthly}
    assert months["2026-04"].shipped == 30
    assert months["2026-05"].shipped == 0
    assert months["2026-04"].returned == 0
    # Its 90-day window (May 3 - Jul 31) starts after the shipment: nothing shipped in it,
    # 3 returned, so there is no rate to give.
    assert (result.rows[0].shipped_90, result.rows[0].returned_90) == (0, 3)
    assert result.rows[0].rate_90 is None


def test_by_asin_adds_up_its_skus(mugs: Store) -> None:
    result = return_stats_for_store(store=mugs, as_of=AS_OF, group="asin")
    [row] = result.rows
    assert row.key == "B0MUGRED01"
    assert row.skus == ["MUG-RED", "MUG-RED-2"]
    # MUG-RED 30 + MUG-RED-2 5 shipped in 30 days; 3 + 1 returned.
    assert (row.shipped_30, row.returned_30, row.shipped_90, row.returned_90) == (35, 4, 105, 8)
    data = row.as_dict("asin")
    assert data["asin"] == "B0MUGRED01"
    assert "sku" not in data


def test_one_sku_alone_is_not_tested(mugs: Store) -> None:
    """MUG-RED-2 has 5 units (< 20); MUG-RED's baseline would rest on those 5: no test."""
    result = return_stats_for_store(store=mugs, as_of=AS_OF)
    assert [(r.tested, r.flagged, r.p_value, r.q_value) for r in result.rows] == [
        (False, False, None, None),
        (False, False, None, None),
    ]
    # The baseline is still reported: the other SKUs' pooled rate.
    assert result.rows[0].baseline_rate == pytest.approx(1 / 5)
    assert result.rows[1].baseline_rate == pytest.approx(7 / 100)


# --- the flag ---------------------------------------------------------------------------

# Units shipped and returned in the 90 days, per SKU.
FLAG_DATA = {
    "HOT": (60, 15),  # 25 %: far above the rest
    "COLD1": (200, 10),  # 5 %
    "COLD2": (100, 5),  # 5 %
    "WARM": (25, 3),  # 12 %: above the rest, but 3 of 25 is no evidence
    "EDGE": (40, 8),  # 20 %: p = 0.025 on its own, not after the correction
    "TINY": (3, 2),  # 67 %: the highest ratio, but 3 units: never tested
}


def exact_upper_tail(k: int, n: int, p: Fraction) -> float:
    """P(X >= k) for X ~ Binomial(n, p), summed exactly."""
    return float(sum(comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1)))


def benjamini_hochberg(p_values: dict[str, float]) -> dict[str, float]:
    """q_(i) = min over j >= i of p_(j) * m / j, ranks by ascending p."""
    ranked = sorted(p_values, key=p_values.__getitem__)
    m = len(ranked)
    q: dict[str, float] = {}
    running = 1.0
    for index in range(m - 1, -1, -1):
        key = ranked[index]
        running = min(running, p_values[key] * m / (index + 1))
        q[key] = running
    return q


@pytest.fixture
def catalogue(db: None) -> Store:
    store = StoreFactory(name="Catalogue", timezone="UTC")
    for sku, (shipped, returned) in FLAG_DATA.items():
        order = ship(store, sku, shipped, utc(2026, 6, 1, 10), asin=f"B0{sku:0>8}"[:10])
        give_back(store, order, sku, returned, utc(2026, 6, 20, 10), "CR-DEFECTIVE",
                  asin=f"B0{sku:0>8}"[:10])  # fmt: skip
    return store


def test_flag_is_a_binomial_test_with_false_discovery_control(catalogue: Store) -> None:
    result = return_stats_for_store(store=catalogue, as_of=AS_OF)
    rows = {r.key: r for r in result.rows}
    # All SKUs: 428 units shipped, 43 returned. Each SKU's baseline is the rest's pool:
    # HOT 28/368 = 7.6 %, COLD1 33/228, COLD2 38/328, WARM 40/403, EDGE 35/388 = 9.0 %.
    total_shipped = sum(n for n, _ in FLAG_DATA.values())
    total_returned = sum(r for _, r in FLAG_DATA.values())
    assert (total_shipped, total_returned) == (428, 43)
    expected_p = {}
    for sku, (n, k) in FLAG_DATA.items():
        baseline = Fraction(total_returned - k, total_shipped - n)
        assert rows[sku].baseline_rate == pytest.approx(float(baseline))
        if n >= stats.MIN_UNITS:
            expected_p[sku] = exact_upper_tail(k, n, baseline)
    assert expected_p["HOT"] == pytest.approx(3.2e-5, rel=0.05)  # 15 of 60 at 7.6 %
    assert expected_p["EDGE"] == pytest.approx(0.0245, rel=0.01)  # 8 of 40 at 9.0 %
    for sku, p in expected_p.items():
        assert rows[sku].tested
        assert rows[sku].p_value == pytest.approx(p, rel=1e-9)

    # Five SKUs tested. By p: HOT (rank 1), EDGE (2), WARM (3), COLD2 (4), COLD1 (5):
    # q(HOT) = p * 5 / 1 = 0.00016, q(EDGE) = 0.0245 * 5 / 2 = 0.061 > 0.05.
    expected_q = benjamini_hochberg(expected_p)
    assert expected_q["EDGE"] == pytest.approx(0.0613, rel=0.01)
    for sku, q in expected_q.items():
        assert rows[sku].q_value == pytest.approx(q, rel=1e-9)

    assert [r.key for r in result.rows if r.flagged] == ["HOT"]
    # EDGE would pass a lone 5 % test; with the false discovery rate held, it does not.
    assert rows["EDGE"].p_value < 0.05 < rows["EDGE"].q_value
    assert not rows["EDGE"].flagged
    # TINY: the highest ratio of all (2 of 3) but too few units to test.
    assert rows["TINY"].rate_90 == pytest.approx(2 / 3)
    assert rows["TINY"].rate_90 > rows["HOT"].rate_90
    assert (rows["TINY"].tested, rows["TINY"].flagged, rows["TINY"].p_value) == (
        False,
        False,
        None,
    )


def test_minimum_units_and_alpha_are_settings(catalogue: Store) -> None:
    # At 3 units TINY is tested: 2 of 3 at 41/425 is p = 0.026 alone; with six SKUs
    # in the family its q rises above 0.05, and HOT still stands.
    result = return_stats_for_store(store=catalogue, as_of=AS_OF, min_units=3)
    rows = {r.key: r for r in result.rows}
    tiny = exact_upper_tail(2, 3, Fraction(41, 425))
    assert rows["TINY"].p_value == pytest.approx(tiny, rel=1e-9)
    assert rows["TINY"].tested
    assert [r.key for r in result.rows if r.flagged] == ["HOT"]
    # A looser false discovery rate lets EDGE through too.
    loose = return_stats_for_store(store=catalogue, as_of=AS_OF, alpha=0.1)
    assert sorted(r.key for r in loose.rows if r.flagged) == ["EDGE", "HOT"]


def test_weekly_series_for_the_chart(mugs: Store) -> None:
    series = return_rate_series(store=mugs, as_of=AS_OF)
    assert len(series) == 13
    assert series[-1].end == AS_OF
    assert series[0].start == date(2026, 4, 1)  # 91 days back, inclusive
    # The week of Jun 24-30: nothing shipped, r4 returned: no rate.
    assert (series[-1].shipped, series[-1].returned, series[-1].rate) == (0, 1, None)
    # Jun 10-16: MUG-RED 30 + MUG-RED-2 5 shipped; r2 returned on Jun 15.
    week = next(p for p in series if p.start == date(2026, 6, 10))
    assert (week.shipped, week.returned) == (35, 1)
    sku_only = return_rate_series(store=mugs, as_of=AS_OF, key="MUG-RED-2")
    assert sum(p.shipped for p in sku_only) == 5
    assert sum(p.returned for p in sku_only) == 1


def test_other_stores_figures_stay_out(mugs: Store, catalogue: Store) -> None:
    result = return_stats_for_store(store=mugs, as_of=AS_OF)
    assert [r.key for r in result.rows] == ["MUG-RED", "MUG-RED-2"]
    assert result.store.shipped_90 == 105
