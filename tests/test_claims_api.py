"""The REST API for claims and chargebacks worked as cases: ODR fields, timelines,
actions (scoped and role-checked before the body), CSV exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.audit.models import AuditEvent
from sellerdesk.claims.models import Claim
from sellerdesk.stores.models import Store
from tests.factories import ChargebackFactory, ClaimFactory, StoreFactory

API = "/api/v1"
TEXT = "Order 113-0000000-0000001 was delivered on 2026-11-06, tracking 1Z999AA10123456784."


def bearer(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(user: User, path: str, body: Any) -> Any:
    data = body if isinstance(body, str) else json.dumps(body)
    return Client().post(f"{API}{path}", data, content_type="application/json", **bearer(user))


def get(user: User, path: str, **params: Any) -> Any:
    return Client().get(f"{API}{path}", params, **bearer(user))


@pytest.mark.django_db
def test_odr_fields_in_list_and_detail(agent_a: User, store_a: Store) -> None:
    granted = ClaimFactory(store=store_a, status="granted", funded_by="seller")
    ClaimFactory(store=store_a, status="action_required")
    chargeback = ChargebackFactory(store=store_a, kind="fraud", status="decided_for_buyer")
    detail = get(agent_a, f"/claims/{granted.pk}").json()
    assert detail["counts_in_odr"] is True
    assert detail["odr"] == "counts"
    assert detail["odr_reason"] == "counts: granted against the seller (seller-funded)"
    items = get(agent_a, "/claims").json()["items"]
    assert sorted((i["odr"], i["counts_in_odr"]) for i in items) == [
        ("counts", True),
        ("pending", None),
    ]
    cb = get(agent_a, f"/chargebacks/{chargeback.pk}").json()
    assert (cb["counts_in_odr"], cb["odr"]) == (False, "not_counted")
    assert "fraud" in cb["odr_reason"]
    assert get(agent_a, "/chargebacks").json()["items"][0]["odr"] == "not_counted"


@pytest.mark.django_db
def test_claim_actions_and_timeline(agent_a: User, store_a: Store) -> None:
    claim = ClaimFactory(store=store_a, amazon_order_id="113-0000000-0000001")
    with time_machine.travel(datetime(2026, 11, 3, 17, 0, tzinfo=UTC), tick=False):
        response = post(agent_a, f"/claims/{claim.pk}/actions", {"action": "respond", "text": TEXT})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "under_review"
    assert body["due_at"] is None
    assert body["counts_in_odr"] is None
    with time_machine.travel(datetime(2026, 11, 5, 17, 0, tzinfo=UTC), tick=False):
        response = post(
            agent_a,
            f"/claims/{claim.pk}/actions",
            {"action": "record_decision", "status": "granted", "funded_by": "seller"},
        )
    assert response.status_code == 200
    assert response.json()["appeal_due_at"].startswith("2026-12-05T17:00:00")
    assert response.json()["odr"] == "counts"
    timeline = get(agent_a, f"/claims/{claim.pk}/timeline").json()
    assert [e["action"] for e in timeline] == ["claim.responded", "claim.decision_recorded"]
    assert timeline[0]["actor"] == agent_a.email
    assert timeline[0]["text"] == TEXT
    assert timeline[0]["at"].startswith("2026-11-03T17:00:00")
    assert timeline[1]["status"] == "granted"
    assert timeline[1]["details"]["Funded by"] == "Seller"


@pytest.mark.django_db
def test_action_answers(agent_a: User, store_a: Store) -> None:
    claim = ClaimFactory(store=store_a, amazon_order_id="113-0000000-0000001")
    path = f"/claims/{claim.pk}/actions"
    rejected = post(agent_a, path, {"action": "respond", "text": "Mail me: bob@example.com"})
    assert rejected.status_code == 422
    assert "error" in {f["severity"] for f in rejected.json()["findings"]}
    conflict = post(agent_a, path, {"action": "appeal", "text": TEXT})
    assert conflict.status_code == 409
    assert conflict.json()["detail"] == "only a granted claim can be appealed"
    assert post(agent_a, path, {"action": "fly"}).status_code == 422
    assert post(agent_a, path, {"action": "note", "text": "x", "extra": 1}).status_code == 422
    assert post(agent_a, path, "{not json").status_code == 400
    assert not AuditEvent.objects.exists()
    assert Claim.objects.get().status == "action_required"


@pytest.mark.django_db
def test_scope_and_role_come_before_the_body(agent_a: User, viewer_a: User, store_a: Store) -> None:
    other = StoreFactory(name="Other")
    theirs = ClaimFactory(store=other)
    ours = ClaimFactory(store=store_a)
    their_chargeback = ChargebackFactory(store=other)
    our_chargeback = ChargebackFactory(store=store_a)
    for path in (f"/claims/{theirs.pk}/actions", f"/chargebacks/{their_chargeback.pk}/actions"):
        assert post(agent_a, path, "{garbage").status_code == 404
        assert post(agent_a, path, {"action": "note", "text": "x"}).status_code == 404
    for path in (f"/claims/{theirs.pk}/timeline", f"/chargebacks/{their_chargeback.pk}/timeline"):
        assert get(agent_a, path).status_code == 404
    for path in (f"/claims/{ours.pk}/actions", f"/chargebacks/{our_chargeback.pk}/actions"):
        assert post(viewer_a, path, "{garbage").status_code == 403
        assert post(viewer_a, path, {"action": "note", "text": "x"}).status_code == 403
    assert get(viewer_a, f"/claims/{ours.pk}/timeline").status_code == 200
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_chargeback_actions(agent_a: User, store_a: Store) -> None:
    chargeback = ChargebackFactory(store=store_a, amazon_order_id="113-0000000-0000001")
    path = f"/chargebacks/{chargeback.pk}/actions"
    response = post(agent_a, path, {"action": "represent", "text": TEXT})
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["due_at"]) == ("represented", None)
    response = post(
        agent_a, path, {"action": "record_decision", "status": "decided_for_buyer", "amount": "9.5"}
    )
    assert response.status_code == 200
    assert response.json()["amount"] == "9.50"
    assert response.json()["counts_in_odr"] is True
    assert post(agent_a, path, {"action": "refund", "amount": "-3"}).status_code == 422
    assert post(agent_a, path, {"action": "refund"}).status_code == 409  # decided already
    timeline = get(agent_a, f"/chargebacks/{chargeback.pk}/timeline").json()
    assert [e["action"] for e in timeline] == [
        "chargeback.represented",
        "chargeback.decision_recorded",
    ]
    assert timeline[1]["details"]["Amount"] == "9.50"


def csv_rows(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.mark.django_db
def test_csv_exports(agent_a: User, store_a: Store) -> None:
    now = datetime(2026, 11, 10, 20, 0, tzinfo=UTC)
    ClaimFactory(
        store=store_a, amazon_order_id="111-0000000-0000001", due_at=now - timedelta(hours=1)
    )
    ClaimFactory(store=store_a, amazon_order_id="111-0000000-0000002", status="denied", due_at=None)
    ChargebackFactory(store=store_a, amazon_order_id="114-0000000-0000001", status="refunded")
    other = StoreFactory(name="Other")
    ClaimFactory(store=other, amazon_order_id="999-0000000-0000001")
    with time_machine.travel(now, tick=False):
        everything = csv_rows(get(agent_a, "/claims.csv"))
        overdue = csv_rows(get(agent_a, "/claims.csv", deadline="overdue"))
    assert {r["order_id"] for r in everything} == {"111-0000000-0000001", "111-0000000-0000002"}
    assert {r["store_id"] for r in everything} == {str(store_a.pk)}
    assert [r["order_id"] for r in overdue] == ["111-0000000-0000001"]
    denied = csv_rows(get(agent_a, "/claims.csv", odr="not_counted"))
    assert [(r["order_id"], r["counts_in_odr"]) for r in denied] == [
        ("111-0000000-0000002", "false")
    ]
    assert csv_rows(get(agent_a, "/claims.csv", store=store_a.pk, status="denied"))[0][
        "status"
    ] == ("denied")
    chargebacks = csv_rows(get(agent_a, "/chargebacks.csv", odr="counts"))
    assert [(r["order_id"], r["amount"], r["currency"]) for r in chargebacks] == [
        ("114-0000000-0000001", "31.50", "USD")
    ]
    assert get(agent_a, "/claims.csv", store=other.pk).status_code == 404
    assert get(agent_a, "/claims.csv", odr="maybe").status_code == 422
