"""The desk's chargebacks CSV (docs/examples/chargebacks.csv)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from sellerdesk.chargebacks.importers import ChargebacksImporter
from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.chargebacks.services import chargeback_from_notice
from sellerdesk.imports.errors import ImportRefused
from tests.factories import OrderFactory, StoreFactory
from tests.import_support import ENCODINGS, EXAMPLES, counts, run, text_of, write, write_gz

FILE = EXAMPLES / "chargebacks.csv"
CSV = text_of(FILE)


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Chargeback Store", marketplace="US", timezone="America/Los_Angeles")


def test_imports_with_deadlines(store) -> None:  # type: ignore[no-untyped-def]
    order = OrderFactory(store=store, amazon_order_id="111-0944945-3989852")
    assert counts(run(ChargebacksImporter(store), FILE)) == (3, 3, 0, 0)
    opened = Chargeback.objects.get(amazon_order_id="111-0944945-3989852")
    assert (opened.kind, opened.status, opened.order_id) == ("service", "open", order.pk)
    assert opened.received_at == datetime(2026, 11, 9, 8, 0, tzinfo=UTC)
    assert opened.due_at == opened.received_at + timedelta(days=7)  # chargeback_response_days
    assert (opened.amount, opened.currency, opened.source) == (Decimal("24.98"), "USD", "import")
    decided = Chargeback.objects.get(amazon_order_id="112-5551234-7654321")
    assert (decided.kind, decided.status, decided.due_at) == ("fraud", "decided_for_seller", None)
    assert decided.decided_at == decided.received_at
    represented = Chargeback.objects.get(amazon_order_id="114-3330001-1112223")
    assert (represented.status, represented.due_at, represented.decided_at) == (
        "represented", None, None,
    )  # fmt: skip


def test_twice_changes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    run(ChargebacksImporter(store), FILE)
    before = list(Chargeback.objects.values().order_by("id"))
    assert counts(run(ChargebacksImporter(store), FILE)) == (3, 0, 0, 3)
    assert list(Chargeback.objects.values().order_by("id")) == before


def test_a_row_updates_the_chargeback_the_email_opened(store) -> None:  # type: ignore[no-untyped-def]
    notice = datetime(2026, 11, 9, 16, 45, tzinfo=UTC)
    chargeback_from_notice(store=store, order_id="111-0944945-3989852", received_at=notice)
    assert counts(run(ChargebacksImporter(store), FILE)) == (3, 2, 1, 0)
    chargeback = Chargeback.objects.get(amazon_order_id="111-0944945-3989852")
    assert (chargeback.received_at, chargeback.source) == (notice, "email")
    assert chargeback.due_at == notice + timedelta(days=7)
    assert chargeback.amount == Decimal("24.98")


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
def test_encodings_and_extra_columns(store, tmp_path, encoding, bom) -> None:  # type: ignore[no-untyped-def]
    header, *rows = CSV.splitlines()
    notes = [
        "Käufer bestreitet die Lieferung \u2013 Foto liegt vor",
        "Betrug gemeldet",
        "Beleg geschickt",
    ]
    text = "\n".join([header + ",notes", *(f"{r},{n}" for r, n in zip(rows, notes, strict=True))])
    path = write(tmp_path, "cb.csv", text + "\n", encoding, bom)
    result = run(ChargebacksImporter(store), path)
    assert (result.counts.created, result.encoding) == (3, "utf-8-sig" if bom else encoding)


def test_shift_jis_for_japan(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Tokyo", marketplace="JP", timezone="Asia/Tokyo", currency="JPY")
    text = CSV.replace("2026-11-09", "2026/11/09")
    result = run(ChargebacksImporter(store), write(tmp_path, "cb.csv", text, "shift_jis"))
    assert result.counts.created == 3
    received = Chargeback.objects.get(amazon_order_id="111-0944945-3989852").received_at
    assert received == datetime(2026, 11, 8, 15, 0, tzinfo=UTC)  # midnight in Tokyo


def test_gzip(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert run(ChargebacksImporter(store), write_gz(tmp_path, "cb.csv.gz", CSV)).counts.created == 3


def test_missing_column_is_named(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = CSV.replace(",received_at,", ",when,", 1)
    with pytest.raises(ImportRefused) as caught:
        run(ChargebacksImporter(store), write(tmp_path, "cb.csv", text))
    assert str(caught.value) == "cb.csv:1: missing columns: received_at"
    assert Chargeback.objects.count() == 0


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (",fraud,", ",friendly,",
         "cb.csv:3:3: column kind: 'friendly' is not one of fraud, service"),
        (",31.50,", ",31.50.5,", "cb.csv:4:5: column amount: not an amount: '31.50.5'"),
        ("2026-10-01", "2026-10-32", "cb.csv:4:2: column received-at: not a date: '2026-10-32'"),
    ],
)  # fmt: skip
def test_bad_value_refuses_the_whole_file(store, tmp_path, old, new, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportRefused) as caught:
        run(ChargebacksImporter(store), write(tmp_path, "cb.csv", CSV.replace(old, new)))
    assert str(caught.value) == message
    assert Chargeback.objects.count() == 0
