"""/api/v1/feedback/{id}/removal…, /reply…, /feedback.csv: working seller feedback by API."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.audit.models import AuditEvent
from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.stores.models import Store
from tests.factories import FeedbackFactory, OrderFactory

API = "/api/v1"
PRODUCT_ONLY = "Stopped working after two weeks, the battery is useless."


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def bearer(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client: Client, path: str, auth: dict[str, str], body: Any = None) -> Any:
    data = "" if body is None else body if isinstance(body, str) else json.dumps(body)
    return client.post(f"{API}{path}", data, content_type="application/json", **auth)  # type: ignore[arg-type]


def recent(store: Store, **fields: Any) -> Feedback:
    """Feedback left yesterday (in the store's time zone), well inside the removal window."""
    yesterday = timezone.now().astimezone(store.tz).date() - timedelta(days=1)
    return FeedbackFactory(store=store, left_on=yesterday, **fields)


@pytest.mark.django_db
def test_removal_shows_the_check_and_the_window(
    client: Client, store_a: Store, viewer_a: User
) -> None:
    feedback = recent(store_a, comment=PRODUCT_ONLY, rating=1)
    response = client.get(f"{API}/feedback/{feedback.pk}/removal", **bearer(viewer_a))  # type: ignore[arg-type]
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["feedback_id"] == feedback.pk
    assert (data["eligible"], data["grounds"]) == (True, ["product_review"])
    assert data["evidence"]["product_review"] == ["Stopped working", "battery"]
    assert "product review" in data["request_text"]
    assert data["days_left"] == 89
    assert data["deadline"] == (feedback.left_on + timedelta(days=90)).isoformat()
    assert (data["can_request"], data["refusal"]) == (True, "")
    assert data["clauses"][0] == {
        "text": "Stopped working after two weeks",
        "topics": ["product"],
        "cues": ["Stopped working"],
    }


@pytest.mark.django_db
def test_removal_request_by_an_agent(client: Client, store_a: Store, agent_a: User) -> None:
    order = OrderFactory(store=store_a, fulfillment_channel="AFN")
    feedback = recent(store_a, comment="Never arrived.", order=order)
    auth = bearer(agent_a)
    response = post(client, f"/feedback/{feedback.pk}/removal-request", auth)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == FeedbackStatus.REMOVAL_REQUESTED
    assert data["grounds"] == ["fba_fulfillment"]
    assert (data["can_request"], data["refusal"]) == (False, "a removal request is already pending")
    event = AuditEvent.objects.get(action="feedback.removal_requested")
    assert event.actor == agent_a
    assert event.data["grounds"] == ["fba_fulfillment"]

    again = post(client, f"/feedback/{feedback.pk}/removal-request", auth)
    assert again.status_code == 409
    assert "already pending" in again.json()["detail"]


@pytest.mark.django_db
def test_removal_request_without_a_ground_is_409(
    client: Client, store_a: Store, agent_a: User
) -> None:
    feedback = recent(store_a, comment="Broke after a day and the seller ignored me.")
    response = post(client, f"/feedback/{feedback.pk}/removal-request", bearer(agent_a))
    assert response.status_code == 409
    assert "mixed product and service comment" in response.json()["detail"]
    assert Feedback.objects.get(pk=feedback.pk).status == FeedbackStatus.ACTIVE


@pytest.mark.django_db
def test_outcome_of_a_request(client: Client, store_a: Store, agent_a: User) -> None:
    feedback = recent(store_a, comment=PRODUCT_ONLY)
    auth = bearer(agent_a)
    none_pending = post(
        client, f"/feedback/{feedback.pk}/removal-outcome", auth, {"outcome": "removed"}
    )
    assert none_pending.status_code == 409
    post(client, f"/feedback/{feedback.pk}/removal-request", auth)
    bad = post(client, f"/feedback/{feedback.pk}/removal-outcome", auth, {"outcome": "gone"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "payload", "outcome"]
    response = post(
        client, f"/feedback/{feedback.pk}/removal-outcome", auth, {"outcome": "struck_through"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == FeedbackStatus.STRUCK_THROUGH


@pytest.mark.django_db
def test_reply_draft_and_the_one_reply(client: Client, store_a: Store, agent_a: User) -> None:
    feedback = recent(store_a, comment=PRODUCT_ONLY, rating=1)
    auth = bearer(agent_a)
    draft = client.get(f"{API}/feedback/{feedback.pk}/reply-draft", **auth)  # type: ignore[arg-type]
    assert draft.status_code == 200
    data = draft.json()
    assert data["ok"] is True
    assert data["language"] == "en"
    assert "one public reply" in data["warning"]
    assert Feedback.objects.get(pk=feedback.pk).reply_status == ReplyStatus.NONE  # nothing stored

    response = post(client, f"/feedback/{feedback.pk}/reply", auth, {"text": data["text"]})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["feedback"]["reply_status"] == ReplyStatus.POSTED
    assert body["feedback"]["your_response"] == data["text"]
    assert "cannot be edited" in body["warning"]

    second = post(client, f"/feedback/{feedback.pk}/reply", auth, {"text": "Another one."})
    assert second.status_code == 409
    assert "one per feedback" in second.json()["detail"]


@pytest.mark.django_db
def test_a_reply_breaking_the_public_rules_is_422_with_findings(
    client: Client, store_a: Store, agent_a: User
) -> None:
    feedback = recent(store_a, comment=PRODUCT_ONLY)
    auth = bearer(agent_a)
    response = post(
        client, f"/feedback/{feedback.pk}/reply", auth, {"text": "Sorry! Mail help@shop.example"}
    )
    assert response.status_code == 422
    assert "email_address" in {f["rule"] for f in response.json()["findings"]}
    empty = post(client, f"/feedback/{feedback.pk}/reply", auth, {"text": ""})
    assert empty.status_code == 422
    broken = post(client, f"/feedback/{feedback.pk}/reply", auth, "{not json")
    assert broken.status_code == 400
    assert Feedback.objects.get(pk=feedback.pk).reply_status == ReplyStatus.NONE


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("removal-request", None),
        ("removal-outcome", {"outcome": "removed"}),
        ("removal-outcome", "{not json"),
        ("reply", {"text": "We are sorry."}),
        ("reply", {"text": ""}),
    ],
)
def test_viewers_get_403_before_the_body_is_read(
    client: Client, store_a: Store, viewer_a: User, path: str, body: Any
) -> None:
    feedback = recent(store_a, comment=PRODUCT_ONLY, status=FeedbackStatus.REMOVAL_REQUESTED)
    response = post(client, f"/feedback/{feedback.pk}/{path}", bearer(viewer_a), body)
    assert response.status_code == 403
    unchanged = Feedback.objects.get(pk=feedback.pk)
    assert (unchanged.status, unchanged.reply_status) == (
        FeedbackStatus.REMOVAL_REQUESTED,
        ReplyStatus.NONE,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "removal"),
        ("get", "reply-draft"),
        ("post", "removal-request"),
        ("post", "removal-outcome"),
        ("post", "reply"),
    ],
)
def test_another_stores_feedback_is_404(
    client: Client, store_b: Store, agent_a: User, method: str, path: str
) -> None:
    feedback = recent(store_b, comment=PRODUCT_ONLY)
    url = f"{API}/feedback/{feedback.pk}/{path}"
    auth = bearer(agent_a)
    if method == "get":
        response = client.get(url, **auth)  # type: ignore[arg-type]
    else:
        response = client.post(url, "{bad", content_type="application/json", **auth)  # type: ignore[arg-type]
    assert response.status_code == 404


@pytest.mark.django_db
def test_csv_export(client: Client, store_a: Store, store_b: Store, agent_a: User) -> None:
    recent(store_a, comment=PRODUCT_ONLY, rating=1, amazon_order_id="111-0000001-0000001")
    recent(store_a, comment="=HYPERLINK(1) Great!", rating=5, amazon_order_id="111-0000001-0000002")
    recent(store_b, comment="store b's", rating=1)
    auth = bearer(agent_a)
    response = client.get(f"{API}/feedback.csv", **auth)  # type: ignore[arg-type]
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 2
    by_order = {r["order_id"]: r for r in rows}
    first = by_order["111-0000001-0000001"]
    assert (first["store"], first["removal_eligible"], first["removal_grounds"]) == (
        "Store A",
        "yes",
        "product_review",
    )
    assert first["removal_days_left"] == "89"
    assert by_order["111-0000001-0000002"]["comment"] == "'=HYPERLINK(1) Great!"

    one = client.get(f"{API}/feedback.csv", {"store": store_a.pk}, **auth)  # type: ignore[arg-type]
    assert len(list(csv.DictReader(io.StringIO(one.content.decode())))) == 2
    other = client.get(f"{API}/feedback.csv", {"store": store_b.pk}, **auth)  # type: ignore[arg-type]
    assert other.status_code == 404
