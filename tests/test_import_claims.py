"""The desk's A-to-z claims CSV (docs/examples/claims.csv)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from sellerdesk.claims.importers import ClaimsImporter, claim_reason
from sellerdesk.claims.models import Claim
from sellerdesk.claims.services import claim_from_notice
from sellerdesk.imports.errors import ImportRefused
from tests.factories import OrderFactory, StoreFactory
from tests.import_support import ENCODINGS, EXAMPLES, counts, run, text_of, write, write_gz

FILE = EXAMPLES / "claims.csv"
CSV = text_of(FILE)
LA_MIDNIGHT_NOV_8 = datetime(2026, 11, 8, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Claims Store", marketplace="US", timezone="America/Los_Angeles")


def test_imports_with_deadlines(store) -> None:  # type: ignore[no-untyped-def]
    order = OrderFactory(store=store, amazon_order_id="111-0944945-3989852")
    assert counts(run(ClaimsImporter(store), FILE)) == (4, 4, 0, 0)
    open_claim = Claim.objects.get(amazon_order_id="111-0944945-3989852")
    assert (open_claim.status, open_claim.reason, open_claim.order_id) == (
        "action_required", "not_received", order.pk,
    )  # fmt: skip
    assert open_claim.reason_text == "Buyer says the parcel never arrived"
    assert (open_claim.amount, open_claim.currency, open_claim.funded_by) == (
        Decimal("24.98"), "USD", "seller",
    )  # fmt: skip
    assert open_claim.filed_at == LA_MIDNIGHT_NOV_8
    assert open_claim.due_at == LA_MIDNIGHT_NOV_8 + timedelta(hours=48)  # atoz_response_hours
    granted = Claim.objects.get(amazon_order_id="112-5551234-7654321")
    assert (granted.reason, granted.due_at) == ("not_as_described", None)
    assert granted.filed_at == datetime(2026, 10, 20, 21, 5, tzinfo=UTC)
    assert granted.decided_at == granted.filed_at  # no decided_at column: the filing time
    # 30 calendar days in the store's time zone: 14:05 in Los Angeles on 20 October
    # (PDT) is due at 14:05 on 19 November (PST): 30 days and one hour later in UTC.
    assert granted.appeal_due_at == datetime(2026, 11, 19, 22, 5, tzinfo=UTC)
    denied = Claim.objects.get(amazon_order_id="113-2223334-4445556")
    assert (denied.reason, denied.status, denied.amount, denied.currency) == (
        "return_refund", "denied", None, "",
    )  # fmt: skip
    withdrawn = Claim.objects.get(amazon_order_id="114-3330001-1112223")
    assert (withdrawn.reason, withdrawn.funded_by, withdrawn.appeal_due_at) == (
        "other", "amazon", None,
    )  # fmt: skip


def test_twice_changes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    run(ClaimsImporter(store), FILE)
    before = list(Claim.objects.values().order_by("id"))
    assert counts(run(ClaimsImporter(store), FILE)) == (4, 0, 0, 4)
    assert list(Claim.objects.values().order_by("id")) == before


def test_a_row_updates_the_claim_the_email_opened(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    notice = datetime(2026, 11, 8, 17, 30, tzinfo=UTC)
    claim_from_notice(store=store, order_id="111-0944945-3989852", received_at=notice,
                      status="action_required", reason="not_received")  # fmt: skip
    text = CSV.replace("never arrived,action_required,", "never arrived,under_review,")
    text = text.replace(",decided_at", "") + "\n"
    result = run(ClaimsImporter(store), write(tmp_path, "c.csv", text))
    assert counts(result) == (4, 3, 1, 0)
    claim = Claim.objects.get(amazon_order_id="111-0944945-3989852")
    assert (claim.status, claim.source, claim.due_at) == ("under_review", "email", None)
    assert claim.filed_at == notice  # the sheet's date is that day: the email's time stays
    assert claim.amount == Decimal("24.98")


def test_a_deadline_a_later_notice_moved_stays(store) -> None:  # type: ignore[no-untyped-def]
    filed = datetime(2026, 11, 8, 17, 30, tzinfo=UTC)
    asked_again = datetime(2026, 11, 11, 9, 0, tzinfo=UTC)
    for received in (filed, asked_again):  # Amazon asks for information a second time
        claim_from_notice(store=store, order_id="111-0944945-3989852", received_at=received,
                          status="action_required")  # fmt: skip
    run(ClaimsImporter(store), FILE)
    claim = Claim.objects.get(amazon_order_id="111-0944945-3989852")
    assert (claim.status, claim.due_at) == ("action_required", asked_again + timedelta(hours=48))


def test_decided_at_column(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = CSV.splitlines()
    text = "\n".join([lines[0] + ",decided_at", lines[2] + ",2026-11-02 10:00"]) + "\n"
    run(ClaimsImporter(store), write(tmp_path, "c.csv", text))
    claim = Claim.objects.get()
    assert claim.decided_at == datetime(2026, 11, 2, 18, 0, tzinfo=UTC)
    assert claim.appeal_due_at == claim.decided_at + timedelta(days=30)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Package was never delivered", "not_received"),
        ("INR - did not arrive", "not_received"),
        ("Item damaged in transit", "not_as_described"),
        ("not_as_described", "not_as_described"),
        ("Buyer returned it, refund not issued", "return_refund"),
        ("Price dispute", "other"),
    ],
)
def test_reason_words(text, reason) -> None:  # type: ignore[no-untyped-def]
    assert claim_reason(text) == reason


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
def test_encodings(store, tmp_path, encoding, bom) -> None:  # type: ignore[no-untyped-def]
    text = CSV.replace("Late parcel", "Paket verspätet \u2013 Käufer verärgert")
    result = run(ClaimsImporter(store), write(tmp_path, "c.csv", text, encoding, bom))
    assert result.counts.created == 4
    assert Claim.objects.filter(reason_text="Paket verspätet \u2013 Käufer verärgert").exists()


def test_shift_jis_for_japan(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Tokyo", marketplace="JP", timezone="Asia/Tokyo", currency="JPY")
    text = CSV.replace("Late parcel", "配達遅延")
    result = run(ClaimsImporter(store), write(tmp_path, "c.csv", text, "shift_jis"))
    assert result.encoding in {"cp932", "shift_jis"}
    assert Claim.objects.get(reason_text="配達遅延").reason == "other"


def test_gzip(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert run(ClaimsImporter(store), write_gz(tmp_path, "c.csv.gz", CSV)).counts.created == 4


def test_columns_in_any_order(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "Status,Amount,Order ID,Filed At\ngranted,12.00,111-0944945-3989852,2026-11-01\n"
    run(ClaimsImporter(store), write(tmp_path, "c.csv", text))
    claim = Claim.objects.get()
    assert (claim.status, claim.amount, claim.currency) == ("granted", Decimal("12.00"), "USD")


def test_missing_column_is_named(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = CSV.replace("order_id,", "order,", 1)
    with pytest.raises(ImportRefused) as caught:
        run(ClaimsImporter(store), write(tmp_path, "c.csv", text))
    assert str(caught.value) == "c.csv:1: missing columns: order_id"
    assert Claim.objects.count() == 0


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (",denied,", ",lost,", "c.csv:4:4: column status: 'lost' is not one of action_required, "
         "appealed, cancelled, denied, granted, refunded_by_seller, under_review, withdrawn"),
        (",31.50,USD,amazon", ",31.50,USD,buyer", "c.csv:5:7: column funded-by: 'buyer' is not "
         "one of amazon, seller"),
        ("2026-09-15", "15/09/2026", "c.csv:5:2: column filed-at: not a date: '15/09/2026'"),
        (",31.50,USD,", ",31.50,US$,", "c.csv:5:6: column currency: not a currency code: 'US$'"),
    ],
)  # fmt: skip
def test_bad_value_refuses_the_whole_file(store, tmp_path, old, new, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportRefused) as caught:
        run(ClaimsImporter(store), write(tmp_path, "c.csv", CSV.replace(old, new)))
    assert str(caught.value) == message
    assert Claim.objects.count() == 0
