"""The import framework through the orders report: encodings, gzip, errors, idempotence."""

from __future__ import annotations

import gzip
from decimal import Decimal
from pathlib import Path

import pytest

from sellerdesk.imports.base import run_import
from sellerdesk.imports.errors import ImportRefused
from sellerdesk.imports.models import ImportRun
from sellerdesk.orders.importers import OrdersImporter
from sellerdesk.orders.models import Order, OrderItem
from tests.factories import StoreFactory

REPORTS = Path(__file__).parent / "data" / "reports"
US = (REPORTS / "orders_us.tsv").read_text(encoding="utf-8")


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Import Store", marketplace="US", timezone="America/Los_Angeles")


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_orders_import_groups_items_and_is_idempotent(store) -> None:  # type: ignore[no-untyped-def]
    first = run_import(OrdersImporter(store), REPORTS / "orders_us.tsv")
    assert first.as_dict() == {
        "kind": "orders", "rows": 3, "created": 3, "updated": 0, "unchanged": 0,
    }  # fmt: skip
    order = Order.objects.get(amazon_order_id="112-5551234-7654321")
    assert order.fulfillment_channel == "AFN"
    assert order.status == "Pending"
    assert order.is_business_order is True
    assert order.order_total == Decimal("89.97")
    assert order.items.count() == 2
    assert OrderItem.objects.get(sku="BH-PAN-12").title == '12" Cast Iron Pan "Pro"'
    second = run_import(OrdersImporter(store), REPORTS / "orders_us.tsv")
    assert second.as_dict()["unchanged"] == 3
    assert Order.objects.count() == 2
    assert ImportRun.objects.filter(status="succeeded").count() == 2


def test_a_changed_row_counts_as_updated(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run_import(OrdersImporter(store), REPORTS / "orders_us.tsv")
    changed = US.replace("\tPending\tAmazon", "\tShipped\tAmazon").replace(
        "2026-11-02T19:00:00+00:00", "2026-11-04T19:00:00+00:00"
    )
    result = run_import(OrdersImporter(store), write(tmp_path, "orders2.tsv", changed))
    assert (result.counts.updated, result.counts.unchanged) == (2, 1)
    assert Order.objects.get(amazon_order_id="112-5551234-7654321").status == "Shipped"


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")]
)
def test_encodings(store, tmp_path, encoding, bom) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("SEATTLE", "MÜNCHEN").replace("Silicone Lid", "Deckel für Pfanne")
    path = tmp_path / "orders.tsv"
    path.write_bytes(bom + text.encode(encoding))
    result = run_import(OrdersImporter(store), path)
    assert result.counts.created == 3
    assert result.encoding == ("utf-8-sig" if bom else encoding)
    assert Order.objects.get(amazon_order_id="111-0944945-3989852").ship_city == "MÜNCHEN"
    assert OrderItem.objects.filter(title="Deckel für Pfanne").exists()


def test_shift_jis_for_japan(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Tokyo", marketplace="JP", timezone="Asia/Tokyo", currency="JPY")
    text = US.replace("Stainless Steel Water Bottle 750ml", "ステンレスボトル 750ml").replace(
        "SEATTLE", "東京都"
    )
    result = run_import(OrdersImporter(store), write(tmp_path, "orders_jp.txt", text, "shift_jis"))
    assert result.encoding in {"cp932", "shift_jis"}
    assert OrderItem.objects.filter(title="ステンレスボトル 750ml").exists()


def test_gzip(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "orders.tsv.gz"
    path.write_bytes(gzip.compress(US.encode()))
    assert run_import(OrdersImporter(store), path).counts.created == 3


def test_missing_columns_are_named(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("\tsku\t", "\tstock\t").replace("\tasin\t", "\tproduct\t")
    with pytest.raises(ImportRefused) as caught:
        run_import(OrdersImporter(store), write(tmp_path, "orders.tsv", text))
    assert str(caught.value) == "orders.tsv:1: missing columns: sku, asin"
    assert Order.objects.count() == 0
    assert ImportRun.objects.get().status == "failed"


def test_bad_value_late_in_the_file_refuses_the_whole_file(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    header, *rows = US.splitlines()
    many = [header] + [
        rows[0].replace("111-0944945-3989852", f"111-{n:07d}-0000001") for n in range(2500)
    ]
    many.append(rows[1].replace("2026-11-02T18:40:00+00:00", "31/02/2026"))
    path = write(tmp_path, "big.tsv", "\n".join(many) + "\n")
    with pytest.raises(ImportRefused) as caught:
        run_import(OrdersImporter(store), path)
    assert str(caught.value) == "big.tsv:2502:3: column purchase-date: not a date: '31/02/2026'"
    assert Order.objects.count() == 0  # the first 2,500 rows were rolled back too


def test_undecodable_byte_names_line_and_column(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    raw = US.replace("SEATTLE", "MÜNCHEN").encode("utf-8").replace(b"PORTLAND", b"PORT\xffAND", 1)
    path = tmp_path / "mixed.tsv"
    path.write_bytes(raw)
    with pytest.raises(ImportRefused) as caught:
        run_import(OrdersImporter(store), path)
    assert str(caught.value).startswith("mixed.tsv:3:")
    assert "not valid UTF-8" in str(caught.value)
    assert Order.objects.count() == 0


def test_unknown_status_and_extra_columns(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("\tfalse\t", "\tmaybe\t")
    with pytest.raises(ImportRefused, match=r"orders.tsv:2:30: column is-business-order"):
        run_import(OrdersImporter(store), write(tmp_path, "orders.tsv", text))
    text = US.replace("Shipped\tMerchant", "Lost\tMerchant")
    with pytest.raises(ImportRefused, match="unknown order status 'Lost'"):
        run_import(OrdersImporter(store), write(tmp_path, "orders.tsv", text))
    lines = US.splitlines()
    extra = "\n".join([lines[0] + "\tmy-notes", *(ln + "\tnote" for ln in lines[1:])]) + "\n"
    assert run_import(OrdersImporter(store), write(tmp_path, "x.tsv", extra)).counts.created == 3


def test_header_names_are_case_and_alias_insensitive(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("amazon-order-id", "Order ID").replace("\tsku\t", "\tSeller SKU\t")
    assert run_import(OrdersImporter(store), write(tmp_path, "o.tsv", text)).counts.created == 3


def test_cli_exit_codes(store, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from sellerdesk.cli.main import main

    path = str(REPORTS / "orders_us.tsv")
    assert main(["import", "orders", path, "--store", "Import Store", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 3
    bad = write(tmp_path, "bad.tsv", US.replace("79.98", "lots"))
    assert main(["import", "orders", str(bad), "--store", "Import Store"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "sellerdesk: error: bad.tsv:3:17: column item-price: not an amount: 'lots'"
