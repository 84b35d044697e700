"""``sellerdesk claims`` and ``sellerdesk chargebacks``: JSON with ODR, local times."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from sellerdesk.cli.main import main
from tests.factories import ChargebackFactory, ClaimFactory, StoreFactory


@pytest.mark.django_db(transaction=True)
def test_claims_json(capsys: pytest.CaptureFixture[str]) -> None:
    store = StoreFactory(name="Berlin Shop", marketplace="DE", timezone="Europe/Berlin")
    ClaimFactory(
        store=store,
        amazon_order_id="302-0000000-0000001",
        filed_at=datetime(2026, 11, 2, 12, 0, tzinfo=UTC),
        due_at=datetime(2026, 11, 4, 12, 0, tzinfo=UTC),
        currency="EUR",
    )
    ClaimFactory(
        store=store,
        amazon_order_id="302-0000000-0000002",
        filed_at=datetime(2026, 10, 2, 12, 0, tzinfo=UTC),
        status="granted",
        funded_by="amazon",
        due_at=None,
        appeal_due_at=datetime(2026, 11, 1, 12, 0, tzinfo=UTC),
        currency="EUR",
    )
    ClaimFactory(store=StoreFactory(name="Elsewhere"), amazon_order_id="999-0000000-0000001")
    assert main(["claims", "--store", "Berlin Shop", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["order_id"] for c in data] == ["302-0000000-0000001", "302-0000000-0000002"]
    first, second = data
    assert first["status"] == "action_required"
    assert first["amount"] == "24.99"
    assert first["currency"] == "EUR"
    assert first["filed_at"] == "2026-11-02T13:00:00+01:00"
    assert first["due_at"] == "2026-11-04T13:00:00+01:00"
    assert first["counts_in_odr"] is None
    assert first["odr_reason"].startswith("pending")
    assert second["counts_in_odr"] is False
    assert second["odr_reason"] == "does not count: granted, Amazon-funded"
    assert second["due_at"] is None
    assert second["appeal_due_at"] == "2026-11-01T13:00:00+01:00"  # CET, after summer time

    assert main(["claims", "--store", "Berlin Shop", "--odr", "not_counted", "--json"]) == 0
    assert [c["order_id"] for c in json.loads(capsys.readouterr().out)] == ["302-0000000-0000002"]
    assert main(["claims", "--store", "Berlin Shop"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "302-0000000-0000001" in lines[0]
    assert "pending" in lines[0]


@pytest.mark.django_db(transaction=True)
def test_chargebacks_json(capsys: pytest.CaptureFixture[str]) -> None:
    store = StoreFactory(name="Blue Harbor")  # America/Los_Angeles
    ChargebackFactory(
        store=store,
        amazon_order_id="113-2223334-4445556",
        received_at=datetime(2026, 11, 13, 15, 30, tzinfo=UTC),
        due_at=datetime(2026, 11, 20, 15, 30, tzinfo=UTC),
    )
    ChargebackFactory(
        store=store,
        amazon_order_id="113-0000000-0000002",
        received_at=datetime(2026, 11, 1, 15, 30, tzinfo=UTC),
        status="decided_for_buyer",
        due_at=None,
    )
    assert main(["chargebacks", "--store", "Blue Harbor", "--json"]) == 0
    first, second = json.loads(capsys.readouterr().out)
    assert first["order_id"] == "113-2223334-4445556"
    assert first["received_at"] == "2026-11-13T07:30:00-08:00"
    assert first["due_at"] == "2026-11-20T07:30:00-08:00"
    assert (first["amount"], first["currency"]) == ("31.50", "USD")
    assert first["counts_in_odr"] is None
    assert second["counts_in_odr"] is True
    assert second["odr_reason"] == "counts: service chargeback decided for the buyer"

    assert main(["chargebacks", "--store", "Blue Harbor", "--odr", "counts"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "113-0000000-0000002  service  decided_for_buyer       31.50 USD  due -"
        "                          ODR counts  counts: service chargeback decided for the buyer"
    ]


@pytest.mark.django_db(transaction=True)
def test_unknown_store_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--store", "Nope", "--json"]) == 2
    assert capsys.readouterr().err.strip() == "sellerdesk: error: no store named 'Nope'"
    assert main(["chargebacks", "--store", "Nope"]) == 2
