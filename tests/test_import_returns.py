"""The seller-fulfilled returns report: flat file (TSV) and its XML twin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from sellerdesk.imports.errors import ImportRefused
from sellerdesk.returns.importers import ReturnsImporter
from sellerdesk.returns.models import Return
from sellerdesk.returns.services import return_from_request
from tests.factories import OrderFactory, StoreFactory
from tests.import_support import ENCODINGS, REPORTS, counts, run, text_of, write, write_gz

TSV = REPORTS / "returns_us.tsv"
XML = REPORTS / "returns_us.xml"
US = text_of(TSV)
US_XML = text_of(XML)
COMPARED = (
    "external_key", "amazon_order_id", "fulfillment_channel", "rma_id", "sku", "asin", "title",
    "quantity", "reason_code", "requested_at", "status", "in_policy", "resolution", "carrier",
    "tracking_number", "received_at", "amount", "currency", "due_at",
)  # fmt: skip


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Returns Store", marketplace="US", timezone="America/Los_Angeles")


def snapshot(store) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return list(Return.objects.filter(store=store).order_by("external_key").values_list(*COMPARED))


def line_of(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """(line, column) of the ``nth`` line containing ``needle``, at its first ``<``."""
    hits = [(i + 1, ln) for i, ln in enumerate(text.splitlines()) if needle in ln]
    line, content = hits[nth - 1]
    return line, content.index("<") + 1


def test_flat_file_imports_each_item(store) -> None:  # type: ignore[no-untyped-def]
    order = OrderFactory(store=store, amazon_order_id="111-0944945-3989852")
    assert counts(run(ReturnsImporter(store), TSV)) == (4, 4, 0, 0)
    refunded = Return.objects.get(external_key="rma:DfqRyqfBRRMA")
    assert refunded.order_id == order.pk
    assert (refunded.status, refunded.amount, refunded.currency) == (
        "refunded",
        Decimal("19.99"),
        "USD",
    )
    assert refunded.requested_at == datetime(2026, 11, 5, 8, 0, tzinfo=UTC)  # midnight in LA
    assert refunded.received_at == datetime(2026, 11, 9, 8, 0, tzinfo=UTC)
    assert (refunded.reason_code, refunded.in_policy, refunded.resolution) == (
        "CR-DEFECTIVE", True, "StandardRefund",
    )  # fmt: skip
    assert (refunded.carrier, refunded.tracking_number) == ("USPS", "9202090339598363834190")
    assert refunded.due_at is None
    pan = Return.objects.get(external_key="rma:Dx7kLmN2RRMA")
    lid = Return.objects.get(external_key="rma:Dx7kLmN2RRMA:BH-LID-01")
    assert (pan.sku, pan.status, pan.reason_code) == ("BH-PAN-12", "authorized", "CR-UNWANTED_ITEM")
    assert (lid.sku, lid.reason_code, lid.title) == ("BH-LID-01", "AMZ-PG-BAD-DESC", "Silicone Lid")
    assert pan.title == '12" Cast Iron Pan "Pro"'
    pending = Return.objects.get(external_key="rma:Dp9QwErtRRMA")
    assert (pending.status, pending.quantity, pending.in_policy) == ("requested", 2, False)
    # An open request is due return_response_hours (48) after it was made.
    assert pending.due_at == datetime(2026, 11, 12, 8, 0, tzinfo=UTC) + timedelta(hours=48)


def test_twice_changes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    run(ReturnsImporter(store), TSV)
    before = snapshot(store)
    assert counts(run(ReturnsImporter(store), TSV)) == (4, 0, 0, 4)
    assert snapshot(store) == before


def test_xml_is_the_same_data(db) -> None:  # type: ignore[no-untyped-def]
    flat = StoreFactory(name="Flat", marketplace="US", timezone="America/Los_Angeles")
    xml = StoreFactory(name="Xml", marketplace="US", timezone="America/Los_Angeles")
    run(ReturnsImporter(flat), TSV)
    result = run(ReturnsImporter(xml), XML)
    assert counts(result) == (4, 4, 0, 0)
    assert snapshot(xml) == snapshot(flat)
    assert counts(run(ReturnsImporter(xml), XML)) == (4, 0, 0, 4)
    assert counts(run(ReturnsImporter(xml), TSV)) == (4, 0, 0, 4)  # one return, either shape


def test_email_and_report_become_one_return(store) -> None:  # type: ignore[no-untyped-def]
    emailed_at = datetime(2026, 11, 12, 17, 13, tzinfo=UTC)
    email, _ = return_from_request(
        store=store, order_id="114-3330001-1112223", received_at=emailed_at,
        rma_id="Dp9QwErtRRMA", reason_code="CR-SWITCHEROO", buyer_comment="Got the 500ml one",
    )  # fmt: skip
    # An email without an RMA id: keyed by order and SKU until the report names it.
    no_rma, _ = return_from_request(
        store=store, order_id="111-0944945-3989852", received_at=emailed_at, sku="BH-BOTTLE-750"
    )
    result = run(ReturnsImporter(store), TSV)
    assert counts(result) == (4, 2, 2, 0)
    assert Return.objects.count() == 4
    email.refresh_from_db()
    assert (email.external_key, email.source, email.sku, email.quantity) == (
        "rma:Dp9QwErtRRMA", "email", "BH-BOTTLE-750", 2,
    )  # fmt: skip
    assert email.buyer_comment == "Got the 500ml one"
    assert email.requested_at == emailed_at  # the email knew the time, the report only the day
    assert email.due_at == emailed_at + timedelta(hours=48)
    no_rma.refresh_from_db()
    assert (no_rma.external_key, no_rma.rma_id, no_rma.status) == (
        "rma:DfqRyqfBRRMA", "DfqRyqfBRRMA", "refunded",
    )  # fmt: skip
    assert no_rma.due_at is None  # answered: nothing due
    assert counts(run(ReturnsImporter(store), TSV)) == (4, 0, 0, 4)


def test_status_never_moves_backwards(store) -> None:  # type: ignore[no-untyped-def]
    run(ReturnsImporter(store), TSV)
    # Received Wednesday 09:00 in Los Angeles: refund due two business days later.
    received_at = datetime(2026, 11, 18, 17, 0, tzinfo=UTC)
    refund_by = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)
    Return.objects.filter(external_key="rma:Dx7kLmN2RRMA").update(
        status="received", received_at=received_at, due_at=None
    )
    Return.objects.filter(external_key="rma:DfqRyqfBRRMA").update(status="closed")
    assert counts(run(ReturnsImporter(store), TSV)) == (4, 0, 0, 4)
    received = Return.objects.get(external_key="rma:Dx7kLmN2RRMA")
    # The report does not move the desk's status back, and the import leaves the
    # received return with its refund deadline (computed by the desk, not the report).
    assert (received.status, received.due_at) == ("received", refund_by)
    assert Return.objects.get(external_key="rma:DfqRyqfBRRMA").status == "closed"


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
def test_encodings(store, tmp_path, encoding, bom) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("Silicone Lid", "Silikondeckel für Pfanne")
    result = run(ReturnsImporter(store), write(tmp_path, "r.tsv", text, encoding, bom))
    assert result.counts.created == 4
    assert Return.objects.filter(title="Silikondeckel für Pfanne").exists()


def test_shift_jis_xml_for_japan(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Tokyo", marketplace="JP", timezone="Asia/Tokyo", currency="JPY")
    text = US_XML.replace('encoding="UTF-8"', 'encoding="Shift_JIS"').replace(
        "Silicone Lid", "シリコン蓋"
    )
    result = run(ReturnsImporter(store), write(tmp_path, "r.xml", text, "shift_jis"))
    assert result.encoding == "shift_jis"
    assert Return.objects.get(sku="BH-LID-01").title == "シリコン蓋"


def test_shift_jis_flat_file_for_japan(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Osaka", marketplace="JP", timezone="Asia/Tokyo", currency="JPY")
    text = US.replace("Silicone Lid", "シリコン蓋").replace("12-Nov-2026", "2026/11/12")
    result = run(ReturnsImporter(store), write(tmp_path, "r.txt", text, "shift_jis"))
    assert result.encoding in {"cp932", "shift_jis"}
    pending = Return.objects.get(external_key="rma:Dp9QwErtRRMA")
    assert pending.requested_at == datetime(2026, 11, 11, 15, 0, tzinfo=UTC)  # midnight Tokyo


@pytest.mark.parametrize(("name", "text"), [("r.tsv.gz", US), ("r.xml.gz", US_XML)])
def test_gzip(store, tmp_path, name, text) -> None:  # type: ignore[no-untyped-def]
    assert run(ReturnsImporter(store), write_gz(tmp_path, name, text)).counts.created == 4


def test_missing_column_is_named(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("\tAmazon RMA ID\t", "\tRMA\t")
    with pytest.raises(ImportRefused) as caught:
        run(ReturnsImporter(store), write(tmp_path, "r.tsv", text))
    assert str(caught.value) == "r.tsv:1: missing columns: Amazon RMA ID"
    assert Return.objects.count() == 0


def test_bad_values_name_line_and_column(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = US.replace("Dp9QwErtRRMA\t \t\t\t\t\t\t", "Dp9QwErtRRMA\t \t\t\t\t\t\t", 1)
    bad = bad.replace(
        "Stainless Steel Water Bottle 750ml\t2\t", "Stainless Steel Water Bottle 750ml\ttwo\t"
    )
    with pytest.raises(ImportRefused) as caught:
        run(ReturnsImporter(store), write(tmp_path, "r.tsv", bad))
    assert str(caught.value) == "r.tsv:5:18: column return-quantity: not a whole number: 'two'"
    bad = US.replace(
        "06-Nov-2026\tApproved\tDx7kLmN2RRMA", "31-Nov-2026\tApproved\tDx7kLmN2RRMA", 1
    )
    with pytest.raises(ImportRefused) as caught:
        run(ReturnsImporter(store), write(tmp_path, "r.tsv", bad))
    assert str(caught.value) == "r.tsv:3:3: column return-request-date: not a date: '31-Nov-2026'"
    assert Return.objects.count() == 0


def test_xml_bad_value_names_the_element(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US_XML.replace(
        "<return_quantity>2</return_quantity>", "<return_quantity>two</return_quantity>"
    )
    line, column = line_of(text, "<return_quantity>two<")
    with pytest.raises(ImportRefused) as caught:
        run(ReturnsImporter(store), write(tmp_path, "r.xml", text))
    assert str(caught.value) == (
        f"r.xml:{line}:{column}: element return_quantity: not a whole number: 'two'"
    )
    assert Return.objects.count() == 0


def test_xml_missing_element(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US_XML.replace("<amazon_rma_id>Dp9QwErtRRMA</amazon_rma_id>", "")
    line, _ = line_of(text, "<item_details>", nth=4)
    with pytest.raises(ImportRefused) as caught:
        run(ReturnsImporter(store), write(tmp_path, "r.xml", text))
    assert str(caught.value) == f"r.xml:{line}: missing elements: amazon_rma_id"
    assert Return.objects.count() == 0


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
        '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n',
        '<!DOCTYPE AmazonEnvelope SYSTEM "http://example.test/amzn-envelope.dtd">\n',
    ],
)
def test_xml_refuses_dtds_and_entities(store, tmp_path, prolog) -> None:  # type: ignore[no-untyped-def]
    head, rest = US_XML.split("\n", 1)
    path = write(tmp_path, "evil.xml", f"{head}\n{prolog}{rest}")
    with pytest.raises(ImportRefused) as caught:
        run(ReturnsImporter(store), path)
    message = str(caught.value)
    assert message.startswith("evil.xml:2:")  # the declaration's line
    assert message.endswith(
        ": document type declaration refused (DTDs and entities are not accepted)"
    )
    assert Return.objects.count() == 0


def test_malformed_xml_names_line_and_column(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US_XML.replace(
        "<order_id>112-5551234-7654321</order_id>", "<order_id>112-5551234-7654321</orderid>"
    )
    line, _ = line_of(text, "</orderid>")
    with pytest.raises(ImportRefused) as caught:
        run(ReturnsImporter(store), write(tmp_path, "r.xml", text))
    message = str(caught.value)
    assert message.startswith(f"r.xml:{line}:")
    assert "not well-formed XML: mismatched tag" in message
    assert Return.objects.count() == 0


def test_path_to_a_missing_file(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportRefused, match="no such file"):
        run(ReturnsImporter(store), Path("/nonexistent/returns.xml"))


def test_large_xml_streams_in_batches_and_rolls_back_whole(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    head, rest = US_XML.split("<return_details>", 1)
    record = "<return_details>" + rest.split("</return_details>", 1)[0] + "</return_details>\n"
    records = [record.replace("DfqRyqfBRRMA", f"RMA{n:08d}") for n in range(2500)]
    bad = record.replace("DfqRyqfBRRMA", "RMALAST").replace(
        "<return_quantity>1</return_quantity>", "<return_quantity>1.5</return_quantity>"
    )
    text = head + "".join(records) + bad + "  </Message>\n</AmazonEnvelope>\n"
    path = write(tmp_path, "big.xml", text)
    line, column = line_of(text, "<return_quantity>1.5<")
    with pytest.raises(ImportRefused) as caught:
        run(ReturnsImporter(store), path)
    assert str(caught.value) == (
        f"big.xml:{line}:{column}: element return_quantity: not a whole number: '1.5'"
    )
    assert Return.objects.count() == 0  # the first 2,500 returns were rolled back too
    good = write(
        tmp_path, "good.xml", head + "".join(records) + "  </Message>\n</AmazonEnvelope>\n"
    )
    assert counts(run(ReturnsImporter(store), good)) == (2500, 2500, 0, 0)
