"""The settlement report: A-to-z and chargeback money, never counted twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.claims.importers import SettlementImporter
from sellerdesk.claims.models import Claim
from sellerdesk.imports.errors import ImportRefused
from sellerdesk.imports.models import SettlementCaseAmount
from tests.factories import ChargebackFactory, ClaimFactory, OrderFactory, StoreFactory
from tests.import_support import ENCODINGS, REPORTS, counts, run, text_of, write, write_gz

FILE = REPORTS / "settlement_us.tsv"
US = text_of(FILE)
CLAIM_ORDER = "111-0944945-3989852"
CHARGEBACK_ORDER = "114-3330001-1112223"
POSTED = datetime(2026, 11, 10, 18, 22, 5, tzinfo=UTC)


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Settlement Store", marketplace="US", timezone="America/Los_Angeles")


def test_money_moved_grants_the_claim_and_decides_the_chargeback(store) -> None:  # type: ignore[no-untyped-def]
    order = OrderFactory(store=store, amazon_order_id=CLAIM_ORDER)
    # 9 rows: the summary, 3 A-to-z rows, 1 chargeback row, 4 rows that change nothing.
    assert counts(run(SettlementImporter(store), FILE)) == (9, 4, 0, 5)
    claim = Claim.objects.get(amazon_order_id=CLAIM_ORDER)
    # -19.99 principal, -4.99 shipping, +2.40 commission given back: 22.58 moved.
    assert (claim.amount, claim.currency) == (Decimal("22.58"), "USD")
    assert (claim.status, claim.funded_by, claim.source) == ("granted", "seller", "import")
    assert claim.order_id == order.pk
    assert claim.filed_at == claim.decided_at == POSTED
    assert claim.appeal_due_at == POSTED + timedelta(days=30)
    assert claim.due_at is None
    chargeback = Chargeback.objects.get(amazon_order_id=CHARGEBACK_ORDER)
    assert (chargeback.amount, chargeback.status, chargeback.due_at) == (
        Decimal("31.50"), "decided_for_buyer", None,
    )  # fmt: skip
    assert chargeback.received_at == datetime(2026, 11, 12, 11, 5, 42, tzinfo=UTC)
    assert Claim.objects.count() == 1  # the plain refund and the fee are not cases


def test_twice_does_not_double_amounts(store) -> None:  # type: ignore[no-untyped-def]
    run(SettlementImporter(store), FILE)
    assert counts(run(SettlementImporter(store), FILE)) == (9, 0, 0, 9)
    assert Claim.objects.get().amount == Decimal("22.58")
    assert Chargeback.objects.get().amount == Decimal("31.50")
    assert SettlementCaseAmount.objects.count() == 2


def test_one_importer_used_twice(store) -> None:  # type: ignore[no-untyped-def]
    importer = SettlementImporter(store)
    run(importer, FILE)
    assert counts(run(importer, FILE)) == (9, 0, 0, 9)
    assert Claim.objects.get().amount == Decimal("22.58")


def test_amounts_add_up_across_settlements_only(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run(SettlementImporter(store), FILE)
    header, summary = US.splitlines()[:2]
    reversal = next(ln for ln in US.splitlines() if "\tPrincipal\t-19.99\t" in ln)
    later = [
        summary.replace("11876543210", "11999999999"),
        reversal.replace("11876543210", "11999999999").replace("\t-19.99\t", "\t5.00\t"),
    ]
    second = write(tmp_path, "s2.tsv", "\n".join([header, *later]) + "\n")
    assert counts(run(SettlementImporter(store), second)) == (2, 0, 1, 1)
    assert Claim.objects.get().amount == Decimal("17.58")
    run(SettlementImporter(store), FILE)
    run(SettlementImporter(store), second)
    assert Claim.objects.get().amount == Decimal("17.58")


def test_known_cases_move_on_unless_further_along(store) -> None:  # type: ignore[no-untyped-def]
    notice = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    claim = ClaimFactory(
        store=store, amazon_order_id=CLAIM_ORDER, status="action_required", filed_at=notice,
        source="email", amount=None, currency="",
    )  # fmt: skip
    chargeback = ChargebackFactory(
        store=store, amazon_order_id=CHARGEBACK_ORDER, status="decided_for_seller",
        received_at=notice, due_at=None, amount=None, currency="",
    )  # fmt: skip
    assert counts(run(SettlementImporter(store), FILE)) == (9, 0, 4, 5)
    claim.refresh_from_db()
    assert (claim.status, claim.amount, claim.filed_at, claim.source) == (
        "granted", Decimal("22.58"), notice, "email",
    )  # fmt: skip
    assert (claim.due_at, claim.decided_at) == (None, POSTED)
    chargeback.refresh_from_db()
    assert (chargeback.status, chargeback.amount) == ("decided_for_seller", Decimal("31.50"))
    Claim.objects.filter(pk=claim.pk).update(status="appealed")
    run(SettlementImporter(store), FILE)
    assert Claim.objects.get(pk=claim.pk).status == "appealed"


def test_rows_of_one_case_across_batches(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The runner works in batches of 1,000 rows: a case split across two still sums once."""
    lines = US.splitlines()
    header, summary = lines[:2]
    order_row = lines[2]
    atoz = [ln for ln in lines if "A-to-z" in ln]
    filler = [order_row.replace("113-2223334-4445556", f"113-{n:07d}-0000001") for n in range(997)]
    rows = [header, summary, *filler, atoz[0], atoz[1], *filler[:50], atoz[2]]
    path = write(tmp_path, "big.tsv", "\n".join(rows) + "\n")
    first = run(SettlementImporter(store), path)
    assert (first.counts.created, first.counts.updated) == (3, 0)
    assert Claim.objects.get().amount == Decimal("22.58")
    assert counts(run(SettlementImporter(store), path))[3] == len(rows) - 1
    assert Claim.objects.get().amount == Decimal("22.58")


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
def test_encodings(store, tmp_path, encoding, bom) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("Subscription Fee", "Abonnementgebühr")
    result = run(SettlementImporter(store), write(tmp_path, "s.tsv", text, encoding, bom))
    assert result.counts.created == 4


def test_day_first_marketplace_with_comma_decimals(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="DE", marketplace="DE", timezone="Europe/Berlin", currency="EUR")
    text = (
        US.replace("2026-11-10 18:22:05 UTC", "10.11.2026 18:22:05 UTC")
        .replace("\t-19.99\t", "\t-19,99\t").replace("\t-4.99\t", "\t-4,99\t")
        .replace("\t2.40\t", "\t2,40\t").replace("USD", "EUR").replace("Amazon.com", "Amazon.de")
    )  # fmt: skip
    run(SettlementImporter(store), write(tmp_path, "s_de.tsv", text, "cp1252"))
    claim = Claim.objects.get()
    assert (claim.amount, claim.currency, claim.filed_at) == (Decimal("22.58"), "EUR", POSTED)


def test_shift_jis_for_japan(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Tokyo", marketplace="JP", timezone="Asia/Tokyo", currency="JPY")
    text = US.replace("Subscription Fee", "月額登録料").replace("Amazon.com", "Amazon.co.jp")
    result = run(SettlementImporter(store), write(tmp_path, "s.txt", text, "shift_jis"))
    assert result.encoding in {"cp932", "shift_jis"}
    assert Claim.objects.get().amount == Decimal("22.58")


def test_gzip(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert run(SettlementImporter(store), write_gz(tmp_path, "s.tsv.gz", US)).counts.created == 4


def test_missing_column_is_named(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("\ttransaction-type\t", "\ttype\t")
    with pytest.raises(ImportRefused) as caught:
        run(SettlementImporter(store), write(tmp_path, "s.tsv", text))
    assert str(caught.value) == "s.tsv:1: missing columns: transaction-type"
    assert Claim.objects.count() == 0


def test_bad_value_refuses_the_whole_file(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("\tShipping\t-4.99\t", "\tShipping\tn/a\t")
    with pytest.raises(ImportRefused) as caught:
        run(SettlementImporter(store), write(tmp_path, "s.tsv", text))
    assert str(caught.value) == "s.tsv:6:15: column amount: not an amount: 'n/a'"
    text = US.replace("2026-11-12 11:05:42 UTC", "2026-13-12 11:05:42 UTC")
    with pytest.raises(ImportRefused) as caught:
        run(SettlementImporter(store), write(tmp_path, "s.tsv", text))
    assert str(caught.value) == (
        "s.tsv:9:18: column posted-date-time: not a date: '2026-13-12 11:05:42 UTC'"
    )
    assert Claim.objects.count() == Chargeback.objects.count() == 0
    assert SettlementCaseAmount.objects.count() == 0
