"""Claims and chargebacks lists: the ODR column, deadline badges, the ODR and deadline
filters, and the CSV exports with the same filters."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.stores.models import Store
from tests.factories import ChargebackFactory, ClaimFactory, StoreFactory

NOW = datetime(2026, 11, 10, 20, 0, tzinfo=UTC)  # 12:00 in Los Angeles


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def rows(response: object) -> list[dict[str, str]]:
    content = response.content.decode()  # type: ignore[attr-defined]
    return list(csv.DictReader(io.StringIO(content)))


@pytest.fixture
def claims(store_a: Store) -> dict[str, object]:
    return {
        "overdue": ClaimFactory(
            store=store_a, amazon_order_id="111-0000000-0000001", due_at=NOW - timedelta(hours=2)
        ),
        "soon": ClaimFactory(
            store=store_a, amazon_order_id="111-0000000-0000002", due_at=NOW + timedelta(hours=5)
        ),
        "later": ClaimFactory(
            store=store_a, amazon_order_id="111-0000000-0000003", due_at=NOW + timedelta(hours=40)
        ),
        "appeal_soon": ClaimFactory(
            store=store_a,
            amazon_order_id="111-0000000-0000004",
            status="granted",
            due_at=None,
            decided_at=NOW - timedelta(days=28),
            appeal_due_at=NOW + timedelta(days=2),
        ),
        "amazon_funded": ClaimFactory(
            store=store_a,
            amazon_order_id="111-0000000-0000005",
            status="granted",
            funded_by="amazon",
            due_at=None,
            appeal_due_at=NOW + timedelta(days=20),
        ),
        "denied": ClaimFactory(
            store=store_a, amazon_order_id="111-0000000-0000006", status="denied", due_at=None
        ),
    }


def order_ids(response: object) -> set[str]:
    return {r["order_id"] for r in rows(response)}


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_claims_list_shows_odr_and_deadlines(
    agent_a: User, store_a: Store, claims: dict[str, object]
) -> None:
    page = signed_in(agent_a).get(reverse("claims_list", kwargs={"store_id": store_a.pk}))
    html = page.content.decode()
    assert re.search(r'<th scope="col">\s*ODR\s*</th>', html)
    assert 'class="pill odr odr-counts" title="counts: granted against the seller' in html
    assert 'class="pill odr odr-not_counted" title="does not count: granted, Amazon-funded"' in html
    assert html.count("odr-pending") == 3
    assert "Overdue 2h 0m" in html
    assert "5h 0m left" in html
    assert "Appeal by" in html
    assert "2d 0h left" in html
    assert "due 2026-11-10 17:00 -08:00" in html  # the store's time zone
    assert reverse("claims_export", kwargs={"store_id": store_a.pk}) in html
    assert reverse("case_settings", kwargs={"store_id": store_a.pk}) in html


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("odr=counts", {"111-0000000-0000004"}),
        ("odr=pending", {"111-0000000-0000001", "111-0000000-0000002", "111-0000000-0000003"}),
        ("odr=not_counted", {"111-0000000-0000005", "111-0000000-0000006"}),
        ("deadline=overdue", {"111-0000000-0000001"}),
        ("deadline=due_soon", {"111-0000000-0000002", "111-0000000-0000004"}),
        ("deadline=due_soon&odr=pending", {"111-0000000-0000002"}),
        ("q=0000003", {"111-0000000-0000003"}),
    ],
)
def test_claims_filters_and_the_export_agree(
    agent_a: User, store_a: Store, claims: dict[str, object], query: str, expected: set[str]
) -> None:
    client = signed_in(agent_a)
    listing = client.get(reverse("claims_list", kwargs={"store_id": store_a.pk}) + "?" + query)
    html = listing.content.decode()
    shown = {oid for oid in (f"111-0000000-000000{i}" for i in range(1, 7)) if oid in html}
    assert shown == expected
    export = client.get(reverse("claims_export", kwargs={"store_id": store_a.pk}) + "?" + query)
    assert export.status_code == 200
    assert export["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in export["Content-Disposition"]
    assert order_ids(export) == expected


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_claims_export_rows(agent_a: User, store_a: Store, claims: dict[str, object]) -> None:
    export = signed_in(agent_a).get(
        reverse("claims_export", kwargs={"store_id": store_a.pk}) + "?sort=due&page=2"
    )
    data = rows(export)
    assert len(data) == 6  # every row, whatever page the list was on
    by_order = {r["order_id"]: r for r in data}
    appeal = by_order["111-0000000-0000004"]
    assert appeal["status"] == "granted"
    assert appeal["amount"] == "24.99"
    assert appeal["currency"] == "USD"
    assert appeal["counts_in_odr"] == "true"
    assert appeal["odr"] == "counts"
    assert appeal["next_deadline"] == "appeal"
    assert appeal["next_deadline_at"] == "2026-11-12T12:00:00-08:00"
    pending = by_order["111-0000000-0000001"]
    assert pending["counts_in_odr"] == ""
    assert pending["odr"] == "pending"
    assert pending["due_at"] == "2026-11-10T10:00:00-08:00"
    # Sorted by the next deadline: the overdue claim first.
    assert data[0]["order_id"] == "111-0000000-0000001"


@pytest.mark.django_db
def test_export_cells_never_start_a_formula(agent_a: User, store_a: Store) -> None:
    ClaimFactory(store=store_a, reason_text='=HYPERLINK("http://evil.example","x")')
    data = rows(signed_in(agent_a).get(reverse("claims_export", kwargs={"store_id": store_a.pk})))
    assert data[0]["reason_text"].startswith("'=")


@pytest.mark.django_db
def test_exports_hold_only_the_stores_records(agent_a: User, store_a: Store) -> None:
    ClaimFactory(store=store_a, amazon_order_id="111-0000000-0000001")
    other = StoreFactory(name="Other")
    ClaimFactory(store=other, amazon_order_id="999-0000000-0000001")
    ChargebackFactory(store=other, amazon_order_id="999-0000000-0000002")
    client = signed_in(agent_a)
    assert order_ids(client.get(reverse("claims_export", kwargs={"store_id": store_a.pk}))) == {
        "111-0000000-0000001"
    }
    assert rows(client.get(reverse("chargebacks_export", kwargs={"store_id": store_a.pk}))) == []
    assert client.get(reverse("claims_export", kwargs={"store_id": other.pk})).status_code == 404


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_chargebacks_list_filters_and_export(agent_a: User, store_a: Store) -> None:
    ChargebackFactory(
        store=store_a, amazon_order_id="114-0000000-0000001", due_at=NOW - timedelta(hours=1)
    )
    ChargebackFactory(
        store=store_a, amazon_order_id="114-0000000-0000002", due_at=NOW + timedelta(hours=30)
    )
    ChargebackFactory(
        store=store_a,
        amazon_order_id="114-0000000-0000003",
        status="decided_for_buyer",
        due_at=None,
    )
    ChargebackFactory(
        store=store_a,
        amazon_order_id="114-0000000-0000004",
        kind="fraud",
        status="decided_for_buyer",
        due_at=None,
    )
    ChargebackFactory(
        store=store_a,
        amazon_order_id="114-0000000-0000005",
        status="decided_for_seller",
        due_at=None,
    )
    client = signed_in(agent_a)
    base = reverse("chargebacks_list", kwargs={"store_id": store_a.pk})
    export = reverse("chargebacks_export", kwargs={"store_id": store_a.pk})
    html = client.get(base).content.decode()
    assert "Overdue 1h 0m" in html
    assert "1d 6h left" in html
    assert 'title="does not count: fraud chargebacks are Amazon&#x27;s"' in html

    def listed(query: str) -> set[str]:
        page = client.get(f"{base}?{query}").content.decode()
        return {oid for oid in (f"114-0000000-000000{i}" for i in range(1, 6)) if oid in page}

    assert listed("odr=counts") == {"114-0000000-0000003"}
    assert listed("odr=not_counted") == {"114-0000000-0000004", "114-0000000-0000005"}
    assert listed("deadline=overdue") == {"114-0000000-0000001"}
    assert listed("deadline=due_soon") == {"114-0000000-0000002"}
    assert order_ids(client.get(f"{export}?odr=not_counted")) == {
        "114-0000000-0000004",
        "114-0000000-0000005",
    }
    # The store's setting moves the decided-for-seller chargeback into "counts".
    store_a.policy_overrides = {"chargeback_decided_for_seller_counts": 1}
    store_a.save()
    assert listed("odr=counts") == {"114-0000000-0000003", "114-0000000-0000005"}
    row = {r["order_id"]: r for r in rows(client.get(export))}["114-0000000-0000005"]
    assert row["counts_in_odr"] == "true"
    assert row["odr_reason"] == "counts: decided for the seller, and this store counts those"
