"""The REST API under /api/v1: authentication, scoping, filters, ordering, pages, PATCH."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create, token_revoke
from sellerdesk.api.scoping import MAX_PAGE_SIZE
from sellerdesk.audit.models import AuditEvent
from sellerdesk.messaging.models import Conversation
from sellerdesk.questions.models import Question
from sellerdesk.stores.models import Store
from tests.factories import (
    BASE_TIME,
    ChargebackFactory,
    ClaimFactory,
    ConversationFactory,
    FeedbackFactory,
    MembershipFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
    QuestionFactory,
    ReturnFactory,
    ReviewFactory,
    UserFactory,
)

API = "/api/v1"

# Every stream's list path and a factory that makes one record in a given store.
STREAMS: dict[str, Callable[..., Any]] = {
    "orders": OrderFactory,
    "conversations": ConversationFactory,
    "claims": ClaimFactory,
    "chargebacks": ChargebackFactory,
    "feedback": FeedbackFactory,
    "returns": ReturnFactory,
    "reviews": ReviewFactory,
    "questions": QuestionFactory,
}


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def bearer(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def get(client: Client, path: str, auth: dict[str, str], **params: Any) -> Any:
    response = client.get(f"{API}{path}", params, **auth)  # type: ignore[arg-type]
    return response


def ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def patch(client: Client, path: str, auth: dict[str, str], body: dict[str, Any]) -> Any:
    return client.patch(f"{API}{path}", json.dumps(body), content_type="application/json", **auth)  # type: ignore[arg-type]


# --- authentication ----------------------------------------------------------


@pytest.mark.django_db
def test_valid_token_authenticates(client: Client, agent_a: User, store_a: Store) -> None:
    response = get(client, "/stores", bearer(agent_a))
    assert response.status_code == 200
    assert [s["name"] for s in response.json()["items"]] == ["Store A"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer sd_not-a-real-token",
        "Bearer ",
        "Token sd_whatever",
        "Basic dXNlcjpwYXNz",
    ],
)
def test_missing_or_wrong_token_is_401(client: Client, agent_a: User, header: str | None) -> None:
    auth = {"HTTP_AUTHORIZATION": header} if header is not None else {}
    for path in ["/stores", "/orders", "/conversations"]:
        assert get(client, path, auth).status_code == 401


@pytest.mark.django_db
def test_revoked_token_is_401(client: Client, agent_a: User) -> None:
    token, raw = token_create(user=agent_a, name="soon revoked")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert get(client, "/stores", auth).status_code == 200
    assert token_revoke(user=agent_a, token_id=token.pk)
    assert get(client, "/stores", auth).status_code == 401


@pytest.mark.django_db
def test_token_of_deactivated_user_is_401(client: Client, agent_a: User) -> None:
    auth = bearer(agent_a)
    User.objects.filter(pk=agent_a.pk).update(is_active=False)
    assert get(client, "/stores", auth).status_code == 401


@pytest.mark.django_db
def test_signed_in_session_works_for_reads_and_docs(client: Client, agent_a: User) -> None:
    client.force_login(agent_a)
    assert get(client, "/stores", {}).status_code == 200
    docs = client.get(f"{API}/docs")
    assert docs.status_code == 200
    assert b"openapi.json" in docs.content


@pytest.mark.django_db
def test_session_write_needs_csrf_token_write_does_not(agent_a: User, store_a: Store) -> None:
    conversation = ConversationFactory(store=store_a)
    body = {"assigned_to": agent_a.pk}
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(agent_a)
    assert patch(browser, f"/conversations/{conversation.pk}", {}, body).status_code == 403
    conversation.refresh_from_db()
    assert conversation.assigned_to is None

    script = Client(enforce_csrf_checks=True)
    # A wrong token without a session is 401, not a CSRF failure.
    wrong = {"HTTP_AUTHORIZATION": "Bearer sd_wrong"}
    assert patch(script, f"/conversations/{conversation.pk}", wrong, body).status_code == 401
    assert (
        patch(script, f"/conversations/{conversation.pk}", bearer(agent_a), body).status_code == 200
    )
    conversation.refresh_from_db()
    assert conversation.assigned_to == agent_a


# --- stores ------------------------------------------------------------------


@pytest.mark.django_db
def test_stores_are_the_callers_with_role_and_counts(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    third = Store.objects.create(name="Store C", marketplace="UK")
    MembershipFactory(user=agent_a, store=third, role="viewer")
    OrderItemFactory.create_batch(2, order__store=store_a)
    MessageFactory(conversation=ConversationFactory(store=store_a))
    ClaimFactory(store=store_b)
    auth = bearer(agent_a)

    listed = get(client, "/stores", auth).json()
    assert listed["count"] == 2
    assert [(s["name"], s["role"]) for s in listed["items"]] == [
        ("Store A", "agent"),
        ("Store C", "viewer"),
    ]

    detail = get(client, f"/stores/{store_a.pk}", auth).json()
    assert detail["name"] == "Store A"
    assert detail["timezone"] == "America/Los_Angeles"
    assert detail["role"] == "agent"
    assert detail["counts"]["orders"] == 2
    assert detail["counts"]["order_items"] == 2
    assert detail["counts"]["conversations"] == 1
    assert detail["counts"]["messages"] == 1
    assert detail["counts"]["claims"] == 0

    assert get(client, f"/stores/{store_b.pk}", auth).status_code == 404
    assert get(client, "/stores/999999", auth).status_code == 404


# --- every stream: list, detail, scoping -------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("stream", list(STREAMS))
def test_list_and_detail_show_only_the_callers_stores(
    client: Client, agent_a: User, store_a: Store, store_b: Store, stream: str
) -> None:
    factory = STREAMS[stream]
    mine = [factory(store=store_a), factory(store=store_a)]
    theirs = factory(store=store_b)
    auth = bearer(agent_a)

    listed = get(client, f"/{stream}", auth)
    assert sorted(ids(listed)) == sorted(r.pk for r in mine)
    assert listed.json()["count"] == 2
    assert all(item["store"] == store_a.pk for item in listed.json()["items"])

    detail = get(client, f"/{stream}/{mine[0].pk}", auth)
    assert detail.status_code == 200
    assert detail.json()["id"] == mine[0].pk

    # Another store's record and a record that does not exist look the same.
    foreign = get(client, f"/{stream}/{theirs.pk}", auth)
    missing = get(client, f"/{stream}/987654", auth)
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json() == missing.json()

    # ?store= narrows to one of the caller's stores; another store is a 404.
    assert sorted(ids(get(client, f"/{stream}", auth, store=store_a.pk))) == sorted(
        r.pk for r in mine
    )
    assert get(client, f"/{stream}", auth, store=store_b.pk).status_code == 404


@pytest.mark.django_db
def test_store_filter_picks_one_of_several_stores(
    client: Client, agent_a: User, store_a: Store
) -> None:
    other = Store.objects.create(name="Store A2", marketplace="US")
    MembershipFactory(user=agent_a, store=other, role="agent")
    in_a = ClaimFactory(store=store_a)
    in_other = ClaimFactory(store=other)
    auth = bearer(agent_a)
    assert sorted(ids(get(client, "/claims", auth))) == sorted([in_a.pk, in_other.pk])
    assert ids(get(client, "/claims", auth, store=other.pk)) == [in_other.pk]


@pytest.mark.django_db
def test_order_detail_has_items_money_strings_and_aware_datetimes(
    client: Client, agent_a: User, store_a: Store
) -> None:
    order = OrderFactory(store=store_a, order_total=Decimal("1234.50"), currency="USD")
    OrderItemFactory(order=order, sku="A-1", item_price=Decimal("1000.00"))
    OrderItemFactory(order=order, sku="B-2", item_price=None)
    data = get(client, f"/orders/{order.pk}", bearer(agent_a)).json()

    assert data["order_total"] == "1234.50"
    assert data["currency"] == "USD"
    assert [(i["sku"], i["item_price"], i["currency"]) for i in data["items"]] == [
        ("A-1", "1000.00", "USD"),
        ("B-2", None, "USD"),
    ]
    purchased = datetime.fromisoformat(data["purchase_date"])
    assert purchased.utcoffset() == timedelta(0)
    assert purchased == order.purchase_date


@pytest.mark.django_db
@pytest.mark.parametrize("stream", ["claims", "chargebacks", "returns"])
def test_case_amounts_are_decimal_strings(
    client: Client, agent_a: User, store_a: Store, stream: str
) -> None:
    record = STREAMS[stream](store=store_a, amount=Decimal("31.5"), currency="EUR")
    data = get(client, f"/{stream}/{record.pk}", bearer(agent_a)).json()
    assert (data["amount"], data["currency"]) == ("31.50", "EUR")


@pytest.mark.django_db
def test_conversation_detail_has_messages_with_sanitized_html(
    client: Client, agent_a: User, store_a: Store
) -> None:
    conversation = ConversationFactory(store=store_a)
    MessageFactory(
        conversation=conversation,
        body_text="second",
        body_html='<p onclick="steal()">second<script>alert(1)</script></p>',
        sent_at=BASE_TIME + timedelta(hours=1),
    )
    MessageFactory(conversation=conversation, body_text="first", sent_at=BASE_TIME)
    data = get(client, f"/conversations/{conversation.pk}", bearer(agent_a)).json()

    assert [m["body_text"] for m in data["messages"]] == ["first", "second"]
    html = data["messages"][1]["body_html"]
    assert "second" in html
    assert "<script" not in html
    assert "onclick" not in html
    assert data["messages"][0]["body_html"] == ""
    assert data["due_at"] is not None
    assert datetime.fromisoformat(data["due_at"]).utcoffset() == timedelta(0)


# --- filters -----------------------------------------------------------------


@pytest.mark.django_db
def test_order_filters(client: Client, agent_a: User, store_a: Store) -> None:
    shipped = OrderFactory(store=store_a, status="Shipped", fulfillment_channel="MFN")
    fba = OrderFactory(store=store_a, status="Shipped", fulfillment_channel="AFN")
    pending = OrderFactory(store=store_a, status="Pending", fulfillment_channel="MFN")
    OrderItemFactory(order=fba, asin="B0FILTER01")
    auth = bearer(agent_a)
    assert sorted(ids(get(client, "/orders", auth, status="Shipped"))) == sorted(
        [shipped.pk, fba.pk]
    )
    assert ids(get(client, "/orders", auth, channel="AFN")) == [fba.pk]
    assert ids(get(client, "/orders", auth, asin="B0FILTER01")) == [fba.pk]
    assert ids(get(client, "/orders", auth, amazon_order_id=pending.amazon_order_id)) == [
        pending.pk
    ]
    assert get(client, "/orders", auth, status="Lost").status_code == 422


@pytest.mark.django_db
def test_conversation_filters(client: Client, agent_a: User, store_a: Store) -> None:
    mine = ConversationFactory(store=store_a, assigned_to=agent_a, intent="return_request")
    answered = ConversationFactory(store=store_a, status="answered")
    auth = bearer(agent_a)
    assert ids(get(client, "/conversations", auth, status="answered")) == [answered.pk]
    assert ids(get(client, "/conversations", auth, intent="return_request")) == [mine.pk]
    assert ids(get(client, "/conversations", auth, assigned_to=agent_a.pk)) == [mine.pk]
    assert ids(get(client, "/conversations", auth, unassigned="true")) == [answered.pk]


@pytest.mark.django_db
def test_case_filters(client: Client, agent_a: User, store_a: Store) -> None:
    granted = ClaimFactory(store=store_a, status="granted")
    ClaimFactory(store=store_a, status="action_required")
    fraud = ChargebackFactory(store=store_a, kind="fraud")
    ChargebackFactory(store=store_a, kind="service")
    fba = ReturnFactory(store=store_a, fulfillment_channel="AFN", sku="SKU-FBA")
    ReturnFactory(store=store_a, fulfillment_channel="MFN", asin="B0OTHER000")
    auth = bearer(agent_a)
    assert ids(get(client, "/claims", auth, status="granted")) == [granted.pk]
    assert ids(get(client, "/chargebacks", auth, kind="fraud")) == [fraud.pk]
    assert ids(get(client, "/returns", auth, channel="AFN")) == [fba.pk]
    assert ids(get(client, "/returns", auth, sku="SKU-FBA")) == [fba.pk]
    assert ids(get(client, "/returns", auth, asin="B000000001")) == [fba.pk]


@pytest.mark.django_db
def test_rating_and_asin_filters(client: Client, agent_a: User, store_a: Store) -> None:
    one = FeedbackFactory(store=store_a, rating=1)
    two = FeedbackFactory(store=store_a, rating=2)
    FeedbackFactory(store=store_a, rating=5)
    bad = ReviewFactory(store=store_a, rating=1, asin="B0REVIEW01")
    ReviewFactory(store=store_a, rating=4, asin="B0REVIEW02")
    asked = QuestionFactory(store=store_a, asin="B0ASKED001")
    QuestionFactory(store=store_a, status="answered")
    auth = bearer(agent_a)
    assert ids(get(client, "/feedback", auth, rating=1)) == [one.pk]
    assert sorted(ids(get(client, "/feedback", auth, max_rating=2))) == sorted([one.pk, two.pk])
    assert get(client, "/feedback", auth, rating=6).status_code == 422
    assert ids(get(client, "/reviews", auth, rating=1)) == [bad.pk]
    assert ids(get(client, "/reviews", auth, asin="B0REVIEW01")) == [bad.pk]
    assert ids(get(client, "/questions", auth, asin="B0ASKED001")) == [asked.pk]
    assert ids(get(client, "/questions", auth, status="unanswered")) == [asked.pk]


# --- ordering ----------------------------------------------------------------


@pytest.mark.django_db
def test_ordering_is_applied_both_ways(client: Client, agent_a: User, store_a: Store) -> None:
    cheap = ClaimFactory(store=store_a, amount=Decimal("5.00"))
    dear = ClaimFactory(store=store_a, amount=Decimal("500.00"))
    unknown = ClaimFactory(store=store_a, amount=None)
    auth = bearer(agent_a)
    # Empty amounts sort last either way.
    assert ids(get(client, "/claims", auth, ordering="amount")) == [cheap.pk, dear.pk, unknown.pk]
    assert ids(get(client, "/claims", auth, ordering="-amount")) == [dear.pk, cheap.pk, unknown.pk]


@pytest.mark.django_db
def test_default_ordering_of_conversations_is_most_urgent_first(
    client: Client, agent_a: User, store_a: Store
) -> None:
    later = ConversationFactory(store=store_a, due_at=BASE_TIME + timedelta(hours=20))
    sooner = ConversationFactory(store=store_a, due_at=BASE_TIME + timedelta(hours=2))
    done = ConversationFactory(store=store_a, due_at=None, status="answered")
    auth = bearer(agent_a)
    assert ids(get(client, "/conversations", auth)) == [sooner.pk, later.pk, done.pk]
    assert ids(get(client, "/conversations", auth, ordering="-due_at")) == [
        later.pk,
        sooner.pk,
        done.pk,
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("stream", list(STREAMS))
@pytest.mark.parametrize("ordering", ["nope", "store__name", "-id; drop table", "buyer_name"])
def test_unknown_ordering_is_422(client: Client, agent_a: User, stream: str, ordering: str) -> None:
    response = get(client, f"/{stream}", bearer(agent_a), ordering=ordering)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "ordering"]


@pytest.mark.django_db
@pytest.mark.parametrize("stream", list(STREAMS))
def test_lists_and_details_take_the_same_queries_for_more_rows(
    client: Client, agent_a: User, store_a: Store, stream: str
) -> None:
    client.force_login(agent_a)  # a token would add its once-a-minute write

    def queries(path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{API}{path}").status_code == 200
        return len(captured)

    def make() -> Any:
        record = STREAMS[stream](store=store_a)
        if stream == "orders":
            OrderItemFactory.create_batch(2, order=record)
        if stream == "conversations":
            MessageFactory.create_batch(2, conversation=record)
        return record

    first = make()
    few = (queries(f"/{stream}"), queries(f"/{stream}/{first.pk}"))
    for _ in range(4):
        last = make()
    assert (queries(f"/{stream}"), queries(f"/{stream}/{last.pk}")) == few


# --- pagination --------------------------------------------------------------


@pytest.mark.django_db
def test_pages(client: Client, agent_a: User, store_a: Store) -> None:
    questions = [
        QuestionFactory(store=store_a, asked_at=BASE_TIME - timedelta(minutes=n)) for n in range(5)
    ]
    auth = bearer(agent_a)
    first = get(client, "/questions", auth, page_size=2)
    second = get(client, "/questions", auth, page_size=2, page=2)
    last = get(client, "/questions", auth, page_size=2, page=3)
    beyond = get(client, "/questions", auth, page_size=2, page=4)
    assert first.json()["count"] == 5
    assert ids(first) + ids(second) + ids(last) == [q.pk for q in questions]
    assert ids(beyond) == []
    assert get(client, "/questions", auth, page=0).status_code == 422
    assert get(client, "/questions", auth, page_size=0).status_code == 422


@pytest.mark.django_db
def test_page_size_is_capped(client: Client, agent_a: User, store_a: Store) -> None:
    Question.objects.bulk_create(
        QuestionFactory.build(store=store_a, question_id=f"Q-{n}") for n in range(MAX_PAGE_SIZE + 5)
    )
    response = get(client, "/questions", bearer(agent_a), page_size=MAX_PAGE_SIZE * 10)
    assert response.json()["count"] == MAX_PAGE_SIZE + 5
    assert len(response.json()["items"]) == MAX_PAGE_SIZE


# --- schema ------------------------------------------------------------------


@pytest.mark.django_db
def test_openapi_schema_lists_every_path_behind_auth(client: Client) -> None:
    response = client.get(reverse("api:openapi-json"))
    assert response.status_code == 200
    schema = response.json()
    expected = {f"{API}/stores", f"{API}/stores/{{id}}"}
    for stream in STREAMS:
        expected |= {f"{API}/{stream}", f"{API}/{stream}/{{id}}"}
    # Working buyer messages (tests/test_api_messaging.py).
    expected |= {
        f"{API}/conversations/{{id}}/messages",
        f"{API}/conversations/{{id}}/replies",
        f"{API}/conversations/{{id}}/no-response-needed",
        f"{API}/replies/{{id}}",
        f"{API}/lint",
        f"{API}/templates",
        f"{API}/mail/emails",
        f"{API}/mail/emails/{{id}}",
        f"{API}/mail/emails/{{id}}/reprocess",
        f"{API}/mail/channels",
    }
    # Returns: stats per SKU and the CSV export (tests/test_returns_api.py).
    expected |= {f"{API}/returns/stats", f"{API}/returns.csv"}
    # Claims and chargebacks worked as cases (tests/test_claims_api.py).
    for case in ("claims", "chargebacks"):
        expected |= {
            f"{API}/{case}.csv",
            f"{API}/{case}/{{id}}/timeline",
            f"{API}/{case}/{{id}}/actions",
        }
    # Working seller feedback (tests/test_api_feedback.py).
    expected |= {
        f"{API}/feedback.csv",
        f"{API}/feedback/{{id}}/removal",
        f"{API}/feedback/{{id}}/reply-draft",
    }
    feedback_writes = {
        f"{API}/feedback/{{id}}/removal-request": {"post"},
        f"{API}/feedback/{{id}}/removal-outcome": {"post"},
        f"{API}/feedback/{{id}}/reply": {"post"},
    }
    expected |= set(feedback_writes)
    # Reviews and questions worked, top complaints, CSV of every list
    # (tests/test_reviews_*.py, tests/test_questions_workflow.py, tests/test_web_csv.py).
    expected |= {
        f"{API}/reviews/complaints",
        f"{API}/reviews/{{id}}/response-draft",
        f"{API}/questions/{{id}}/answer-draft",
        *(f"{API}/{stream}.csv" for stream in ("reviews", "questions", "orders", "conversations")),
    }
    voice_writes = {
        f"{API}/reviews/{{id}}/response": {"post"},
        f"{API}/reviews/{{id}}/no-action": {"post"},
        f"{API}/questions/{{id}}/answer": {"post"},
        f"{API}/questions/{{id}}/dismiss": {"post"},
    }
    expected |= set(voice_writes)
    # Account health (tests/test_health_api.py).
    expected |= {f"{API}/health"}
    # The seller's checklist (tests/test_checklist_api.py).
    checklist_writes = {
        f"{API}/checklist/{{task_id}}/done": {"post"},
        f"{API}/checklist/{{task_id}}/undo": {"post"},
    }
    expected |= {f"{API}/checklist", *checklist_writes}
    # The caller's own notifications (tests/test_notifications_api.py).
    notification_writes = {
        f"{API}/notifications/channels": {"post"},
        f"{API}/notifications/channels/{{id}}": {"patch", "delete"},
        f"{API}/notifications/channels/{{id}}/test": {"post"},
        f"{API}/notifications/rules": {"put"},
        f"{API}/notifications/preferences": {"patch"},
    }
    expected |= {*notification_writes, f"{API}/notifications/log"}
    assert set(schema["paths"]) == expected
    writes = {
        path: methods for path, item in schema["paths"].items() if (methods := set(item) - {"get"})
    }
    assert writes == feedback_writes | voice_writes | checklist_writes | notification_writes | {
        f"{API}/conversations/{{id}}": {"patch"},
        f"{API}/conversations/{{id}}/replies": {"post"},
        f"{API}/conversations/{{id}}/no-response-needed": {"post"},
        f"{API}/lint": {"post"},
        f"{API}/mail/emails/{{id}}/reprocess": {"post"},
        f"{API}/claims/{{id}}/actions": {"post"},
        f"{API}/chargebacks/{{id}}/actions": {"post"},
    }
    # Bodies read after the role check are documented all the same.
    for path, method, field in [
        ("/conversations/{id}", "patch", "assigned_to"),
        ("/conversations/{id}/replies", "post", "override_reason"),
        ("/lint", "post", "kind"),
        ("/feedback/{id}/removal-outcome", "post", "outcome"),
        ("/feedback/{id}/reply", "post", "text"),
        ("/reviews/{id}/response", "post", "text"),
        ("/reviews/{id}/no-action", "post", "reason"),
        ("/questions/{id}/answer", "post", "text"),
        ("/questions/{id}/dismiss", "post", "reason"),
        ("/claims/{id}/actions", "post", "funded_by"),
        ("/chargebacks/{id}/actions", "post", "amount"),
        ("/notifications/channels", "post", "url"),
        ("/notifications/channels/{id}", "patch", "url"),
        ("/notifications/rules", "put", "channels"),
        ("/notifications/preferences", "patch", "digest_channel"),
    ]:
        body = schema["paths"][f"{API}{path}"][method]["requestBody"]
        content = body["content"]["application/json"]["schema"]
        if "$ref" in content:
            content = schema["components"]["schemas"][content["$ref"].rsplit("/", 1)[-1]]
        assert field in content["properties"], (path, content)
    operations = [op for item in schema["paths"].values() for op in item.values()]
    assert all(op.get("security") for op in operations)
    assert {"TokenAuth", "SignedInSession"} <= set(schema["components"]["securitySchemes"])


# --- PATCH /conversations/{id} -----------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["agent", "owner"])
def test_agents_and_owners_assign_and_it_is_audited(
    client: Client, store_a: Store, role: str
) -> None:
    actor = UserFactory()
    MembershipFactory(user=actor, store=store_a, role=role)
    colleague = UserFactory()
    MembershipFactory(user=colleague, store=store_a, role="agent")
    conversation = ConversationFactory(store=store_a)
    auth = bearer(actor)

    response = patch(
        client, f"/conversations/{conversation.pk}", auth, {"assigned_to": colleague.pk}
    )
    assert response.status_code == 200
    assert response.json()["assigned_to"] == colleague.pk
    conversation.refresh_from_db()
    assert conversation.assigned_to == colleague
    event = AuditEvent.objects.get(action="conversation.assigned")
    assert (event.actor, event.store) == (actor, store_a)
    assert (event.target_type, event.target_id) == ("messaging.conversation", str(conversation.pk))
    assert event.data == {"from": None, "to": colleague.pk}

    # The same value again changes nothing and records nothing.
    patch(client, f"/conversations/{conversation.pk}", auth, {"assigned_to": colleague.pk})
    assert AuditEvent.objects.count() == 1

    response = patch(client, f"/conversations/{conversation.pk}", auth, {"assigned_to": None})
    assert response.status_code == 200
    assert response.json()["assigned_to"] is None
    conversation.refresh_from_db()
    assert conversation.assigned_to is None
    assert AuditEvent.objects.order_by("-id").first().data == {  # type: ignore[union-attr]
        "from": colleague.pk,
        "to": None,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [{"assigned_to": "self"}, {"assigned_to": None}, {}, {"assigned_to": "x"}, {"status": "x"}],
)
def test_viewers_cannot_patch(
    client: Client, viewer_a: User, agent_a: User, store_a: Store, body: dict[str, Any]
) -> None:
    conversation = ConversationFactory(store=store_a, assigned_to=agent_a)
    if body.get("assigned_to") == "self":
        body = {"assigned_to": viewer_a.pk}
    response = patch(client, f"/conversations/{conversation.pk}", bearer(viewer_a), body)
    assert response.status_code == 403
    conversation.refresh_from_db()
    assert conversation.assigned_to == agent_a
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_assignee_must_be_a_member_of_the_store(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    outsider = UserFactory()
    MembershipFactory(user=outsider, store=store_b, role="owner")
    conversation = ConversationFactory(store=store_a)
    auth = bearer(agent_a)
    for assignee in [outsider.pk, 987654]:
        response = patch(
            client, f"/conversations/{conversation.pk}", auth, {"assigned_to": assignee}
        )
        assert response.status_code == 422
        assert response.json() == {"detail": "the assignee is not a member of this store"}
    conversation.refresh_from_db()
    assert conversation.assigned_to is None
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_assignee_must_be_an_owner_or_agent_not_a_viewer(
    client: Client, agent_a: User, owner_a: User, viewer_a: User, store_a: Store
) -> None:
    conversation = ConversationFactory(store=store_a)
    auth = bearer(agent_a)
    response = patch(
        client, f"/conversations/{conversation.pk}", auth, {"assigned_to": viewer_a.pk}
    )
    assert response.status_code == 422
    assert response.json() == {"detail": "the assignee is a viewer of this store and cannot reply"}
    conversation.refresh_from_db()
    assert conversation.assigned_to is None
    assert not AuditEvent.objects.exists()

    response = patch(client, f"/conversations/{conversation.pk}", auth, {"assigned_to": owner_a.pk})
    assert response.status_code == 200
    assert response.json()["assigned_to"] == owner_a.pk


@pytest.mark.django_db
def test_patch_other_stores_conversation_is_404(
    client: Client, agent_a: User, store_b: Store
) -> None:
    conversation = ConversationFactory(store=store_b)
    response = patch(
        client, f"/conversations/{conversation.pk}", bearer(agent_a), {"assigned_to": agent_a.pk}
    )
    assert response.status_code == 404
    assert Conversation.objects.get(pk=conversation.pk).assigned_to is None


@pytest.mark.django_db
@pytest.mark.parametrize("body", [{"status": "answered"}, {"assigned_to": "someone"}])
def test_patch_refuses_unknown_fields_and_bad_values(
    client: Client, agent_a: User, store_a: Store, body: dict[str, Any]
) -> None:
    conversation = ConversationFactory(store=store_a)
    response = patch(client, f"/conversations/{conversation.pk}", bearer(agent_a), body)
    assert response.status_code == 422
    conversation.refresh_from_db()
    assert conversation.status == "needs_response"


@pytest.mark.django_db
def test_other_write_methods_are_405(client: Client, agent_a: User, store_a: Store) -> None:
    order = OrderFactory(store=store_a)
    auth = bearer(agent_a)
    assert client.delete(f"{API}/orders/{order.pk}", **auth).status_code == 405  # type: ignore[arg-type]
    assert client.post(f"{API}/orders", {}, **auth).status_code == 405  # type: ignore[arg-type]
    assert patch(client, f"/orders/{order.pk}", auth, {"status": "Canceled"}).status_code == 405
