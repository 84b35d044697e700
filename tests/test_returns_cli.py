"""``sellerdesk returns stats``: the per-SKU figures as JSON and as a table."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from sellerdesk.cli.main import main
from sellerdesk.stores.models import Store
from tests.factories import OrderFactory, OrderItemFactory, ReturnFactory, StoreFactory

KEYS = {
    "sku", "asin", "shipped_30", "returned_30", "rate_30", "shipped_90", "returned_90",
    "rate_90", "monthly", "reasons", "seller_fault_share", "flagged", "p_value", "q_value",
    "baseline_rate",
}  # fmt: skip


@pytest.fixture
def shop(db: None) -> Store:
    store = StoreFactory(name="Cli Shop", timezone="UTC")
    shipped_at = datetime(2026, 5, 10, 12, tzinfo=UTC)
    for sku, shipped, returned in (("HOT", 60, 15), ("COLD", 300, 15), ("TINY", 3, 2)):
        order = OrderFactory(store=store, shipped_at=shipped_at, purchase_date=shipped_at)
        OrderItemFactory(order=order, sku=sku, asin="B0TEST0001", quantity_shipped=shipped)
        ReturnFactory(
            store=store, order=order, amazon_order_id=order.amazon_order_id, sku=sku,
            asin="B0TEST0001", quantity=returned, requested_at=shipped_at + timedelta(days=3),
            reason_code="CR-MISSING_PARTS" if sku == "HOT" else "CR-ORDERED_WRONG_ITEM",
        )  # fmt: skip
    return store


@pytest.mark.django_db(transaction=True)
def test_returns_stats_json(shop: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["returns", "stats", "--store", "Cli Shop", "--as-of", "2026-05-31", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["store"], data["as_of"], data["group"]) == ("Cli Shop", "2026-05-31", "sku")
    rows = {row["sku"]: row for row in data["rows"]}
    assert list(rows) == ["COLD", "HOT", "TINY"]
    for row in rows.values():
        assert set(row) >= KEYS
    hot = rows["HOT"]
    # Shipped May 10, returned May 13: inside both windows (May 2-31, Mar 3 - May 31).
    assert (hot["shipped_30"], hot["returned_30"], hot["rate_30"]) == (60, 15, 0.25)
    assert (hot["shipped_90"], hot["returned_90"], hot["rate_90"]) == (60, 15, 0.25)
    assert hot["reasons"] == {"CR-MISSING_PARTS": 15}
    assert hot["seller_fault_share"] == 1.0
    # HOT's baseline: COLD and TINY pooled, (15 + 2) / (300 + 3).
    assert hot["baseline_rate"] == pytest.approx(17 / 303)
    assert hot["flagged"] is True
    assert hot["p_value"] < hot["q_value"] < 0.05  # q = p x 2 tested / rank 1
    assert hot["q_value"] == pytest.approx(hot["p_value"] * 2)
    assert rows["TINY"]["flagged"] is False
    assert rows["TINY"]["p_value"] is None  # 3 units: not tested
    may = next(m for m in hot["monthly"] if m["month"] == "2026-05")
    assert may == {
        "month": "2026-05", "shipped": 60, "returned": 15, "rate": 0.25,
        "exempt": False, "complete": False,
    }  # fmt: skip
    tiny_may = next(m for m in rows["TINY"]["monthly"] if m["month"] == "2026-05")
    assert tiny_may["exempt"] is True  # 3 units < 25


@pytest.mark.django_db(transaction=True)
def test_returns_stats_table_and_bad_input(shop: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["returns", "stats", "--store", "Cli Shop", "--as-of", "2026-05-31"]) == 0
    out = capsys.readouterr().out
    hot = next(line for line in out.splitlines() if line.startswith("HOT"))
    assert "25.0%" in hot
    assert hot.endswith("FLAG")
    assert main(["returns", "stats", "--store", "Nope", "--json"]) == 2
    assert main(["returns", "stats", "--store", "Cli Shop", "--as-of", "31.05.2026"]) == 2
    assert main(["returns", "stats", "--store", "Cli Shop", "--alpha", "1.5"]) == 2
    err = capsys.readouterr().err
    assert "no store named 'Nope'" in err
    assert "--as-of" in err
