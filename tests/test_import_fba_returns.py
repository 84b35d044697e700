"""The FBA customer returns report (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sellerdesk.imports.errors import ImportRefused
from sellerdesk.returns.importers import FbaReturnsImporter
from sellerdesk.returns.models import Return
from tests.factories import OrderFactory, StoreFactory
from tests.import_support import ENCODINGS, REPORTS, counts, run, text_of, write, write_gz

FILE = REPORTS / "fba_returns_us.tsv"
US = text_of(FILE)


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="FBA Store", marketplace="US", timezone="America/Los_Angeles")


def test_imports_as_afn_returns(store) -> None:  # type: ignore[no-untyped-def]
    order = OrderFactory(store=store, amazon_order_id="112-5551234-7654321")
    assert counts(run(FbaReturnsImporter(store), FILE)) == (3, 3, 0, 0)
    pan = Return.objects.get(external_key="fba:112-5551234-7654321:BH-PAN-12:LPNRR123456789")
    assert (pan.fulfillment_channel, pan.status, pan.order_id) == ("AFN", "received", order.pk)
    assert (pan.reason_code, pan.disposition, pan.resolution) == (
        "CR-UNWANTED_ITEM", "SELLABLE", "Unit returned to inventory",
    )  # fmt: skip
    assert pan.received_at == pan.requested_at == datetime(2026, 11, 6, 14, 22, 31, tzinfo=UTC)
    assert (pan.license_plate_number, pan.buyer_comment) == ("LPNRR123456789", "Changed my mind")
    assert pan.due_at is None
    lid = Return.objects.get(sku="BH-LID-01")
    assert lid.reason_code == "CR-DAMAGED_BY_FC"  # already carried CR-
    # No licence plate: the return date keys it; an unknown code is kept as it is.
    bottle = Return.objects.get(
        external_key="fba:114-3330001-1112223:BH-BOTTLE-750:2026-11-08T17:45:12Z"
    )
    assert (bottle.reason_code, bottle.quantity) == ("APPAREL_STYLE", 2)


def test_twice_changes_nothing_and_desk_status_stays(store) -> None:  # type: ignore[no-untyped-def]
    run(FbaReturnsImporter(store), FILE)
    Return.objects.filter(sku="BH-LID-01").update(status="closed")
    assert counts(run(FbaReturnsImporter(store), FILE)) == (3, 0, 0, 3)
    assert Return.objects.get(sku="BH-LID-01").status == "closed"


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
def test_encodings(store, tmp_path, encoding, bom) -> None:  # type: ignore[no-untyped-def]
    text = US.replace(
        "Lid was cracked in the box", "Deckel gebrochen, Karton heil \u2013 ärgerlich"
    )
    result = run(FbaReturnsImporter(store), write(tmp_path, "fba.tsv", text, encoding, bom))
    assert result.counts.created == 3
    assert Return.objects.get(sku="BH-LID-01").buyer_comment.endswith("\u2013 ärgerlich")


def test_shift_jis_for_japan(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Tokyo", marketplace="JP", timezone="Asia/Tokyo", currency="JPY")
    text = US.replace("Silicone Lid", "シリコン蓋")
    result = run(FbaReturnsImporter(store), write(tmp_path, "fba.txt", text, "shift_jis"))
    assert result.encoding in {"cp932", "shift_jis"}
    assert Return.objects.get(sku="BH-LID-01").title == "シリコン蓋"


def test_gzip(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert run(FbaReturnsImporter(store), write_gz(tmp_path, "fba.tsv.gz", US)).counts.created == 3


def test_missing_column_is_named(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("\tsku\t", "\tmsku\t", 1)
    with pytest.raises(ImportRefused) as caught:
        run(FbaReturnsImporter(store), write(tmp_path, "fba.tsv", text))
    assert str(caught.value) == "fba.tsv:1: missing columns: sku"
    assert Return.objects.count() == 0


def test_bad_value_refuses_the_whole_file(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("2026-11-08T17:45:12+00:00", "2026-11-38T17:45:12+00:00")
    with pytest.raises(ImportRefused) as caught:
        run(FbaReturnsImporter(store), write(tmp_path, "fba.tsv", text))
    assert str(caught.value) == (
        "fba.tsv:4:1: column return-date: not a date: '2026-11-38T17:45:12+00:00'"
    )
    text = US.replace("Silicone Lid\t1\t", "Silicone Lid\t-1\t")
    with pytest.raises(ImportRefused) as caught:
        run(FbaReturnsImporter(store), write(tmp_path, "fba.tsv", text))
    assert str(caught.value) == "fba.tsv:3:7: column quantity: not a quantity: -1"
    assert Return.objects.count() == 0
