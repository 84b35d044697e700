"""The REST API for working buyer messages: threads, replies, lint, templates, mail.

Replies are only queued here (the SMTP send is ``tests/test_outbox.py``'s): the
send task is enqueued on commit, and a test's transaction never commits.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.audit.models import AuditEvent
from sellerdesk.cli.main import main as cli_main
from sellerdesk.compliance import CheckContext, check
from sellerdesk.mail.models import EmailStatus, InboundEmail, MailChannel
from sellerdesk.mail.services import channel_create, email_ingest, files_channel
from sellerdesk.messaging.models import Conversation, Message, Reply
from sellerdesk.messaging.outbox import reply_check, reply_subject
from sellerdesk.stores.models import Store
from tests.factories import (
    BASE_TIME,
    ConversationFactory,
    MembershipFactory,
    MessageFactory,
    ReplyTemplateFactory,
    UserFactory,
)

API = "/api/v1"
DATA = Path(__file__).parent / "data" / "mail"
GOOD = "Hello Alisa, your parcel is with UPS and arrives on Friday. Kind regards, Blue Harbor"
# A phone number is an error under Amazon's guidelines.
BAD = "Hello Alisa, please call us on +1 555 123 4567 about your parcel."
IMAP_SECRET = "imap-Secret-4711"
SMTP_SECRET = "smtp-Secret-0815"
GARBAGE = b"\x00\x01 RAW-MARKER this is not mail"


def bearer(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def get(client: Client, path: str, auth: dict[str, str], **params: Any) -> Any:
    return client.get(f"{API}{path}", params, **auth)  # type: ignore[arg-type]


def send(
    client: Client, method: str, path: str, auth: dict[str, str], body: Any | None = None
) -> Any:
    data = "" if body is None else json.dumps(body)
    return client.generic(method, f"{API}{path}", data, content_type="application/json", **auth)  # type: ignore[arg-type]


def post(client: Client, path: str, auth: dict[str, str], body: Any | None = None) -> Any:
    return send(client, "POST", path, auth, body)


def ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def ingest(store: Store, name: str) -> InboundEmail:
    outcome = email_ingest(channel=files_channel(store=store), raw=(DATA / name).read_bytes())
    return InboundEmail.objects.get(pk=outcome.email_id)


def sending_channel(store: Store) -> MailChannel:
    return channel_create(
        store=store, name="Mail", imap_host="127.0.0.1", imap_user="u",
        imap_password=IMAP_SECRET, smtp_host="127.0.0.1", smtp_port=2525,
        smtp_security="none", smtp_password=SMTP_SECRET, from_address="orders@x.test",
    )  # fmt: skip


def state() -> dict[str, Any]:
    """What a refused request must leave as it was."""
    return {
        "replies": list(Reply.objects.order_by("pk").values()),
        "conversations": list(Conversation.objects.order_by("pk").values()),
        "emails": list(InboundEmail.objects.order_by("pk").values("pk", "status", "attempts")),
        "audit": AuditEvent.objects.count(),
    }


class Desk:
    """Store A with a sending channel and a buyer's message; store B with the same."""

    def __init__(self, store_a: Store, store_b: Store) -> None:
        self.channel = sending_channel(store_a)
        self.email = ingest(store_a, "relay_classic_en.eml")
        self.conversation = Conversation.objects.get(store=store_a)
        sending_channel(store_b)
        self.email_b = ingest(store_b, "relay_classic_en.eml")
        self.conversation_b = Conversation.objects.get(store=store_b)
        self.reply_b = Reply.objects.create(
            conversation=self.conversation_b, to_address="buyer@marketplace.amazon.com",
            from_address="orders@x.test", subject="RE: B", body="store B's reply",
            message_id="<b-reply@x.test>", next_attempt_at=BASE_TIME,
        )  # fmt: skip
        self.template_b = ReplyTemplateFactory(store=store_b, name="B's template")

    def replies(self) -> list[Reply]:
        """Store A's replies (store B has one from the start)."""
        return list(Reply.objects.filter(conversation=self.conversation))


@pytest.fixture
def desk(store_a: Store, store_b: Store) -> Desk:
    return Desk(store_a, store_b)


# --- messages ------------------------------------------------------------------


@pytest.mark.django_db
def test_messages_are_paged_oldest_first_with_attachment_metadata(
    client: Client, agent_a: User, store_a: Store
) -> None:
    email = ingest(store_a, "relay_attachment_de.eml")
    conversation = Conversation.objects.get(pk=email.conversation_id)
    first = Message.objects.get(conversation=conversation)
    later = [
        MessageFactory(conversation=conversation, sent_at=first.sent_at + timedelta(hours=n))
        for n in (2, 1)
    ]
    auth = bearer(agent_a)

    page1 = get(client, f"/conversations/{conversation.pk}/messages", auth, page_size=2)
    page2 = get(client, f"/conversations/{conversation.pk}/messages", auth, page_size=2, page=2)
    assert page1.json()["count"] == 3
    assert ids(page1) + ids(page2) == [first.pk, later[1].pk, later[0].pk]

    attachments = page1.json()["items"][0]["attachments"]
    stored = first.attachments.get()
    assert attachments == [
        {
            "id": stored.pk,
            "filename": "foto.jpg",
            "content_type": "image/jpeg",
            "size": stored.size,
        }
    ]
    assert stored.path not in page1.content.decode()
    assert page1.json()["items"][1]["attachments"] == []

    # The detail embeds the same messages, attachments included.
    detail = get(client, f"/conversations/{conversation.pk}", auth).json()
    assert [m["id"] for m in detail["messages"]] == [first.pk, later[1].pk, later[0].pk]
    assert detail["messages"][0]["attachments"] == attachments


@pytest.mark.django_db
def test_messages_and_emails_take_the_same_queries_for_more_rows(
    client: Client, agent_a: User, store_a: Store
) -> None:
    client.force_login(agent_a)  # a token would add its once-a-minute write
    email = ingest(store_a, "relay_attachment_de.eml")
    conversation = Conversation.objects.get(pk=email.conversation_id)
    paths = [f"/conversations/{conversation.pk}/messages", "/mail/emails"]

    def queries() -> list[int]:
        counts = []
        for path in paths:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(f"{API}{path}").status_code == 200
            counts.append(len(captured))
        return counts

    few = queries()
    for name in ["relay_classic_en.eml", "relay_html_fr.eml", "not_amazon.eml"]:
        ingest(store_a, name)
    message = Message.objects.filter(conversation=conversation).get()
    for n in range(3):
        copy = MessageFactory(conversation=conversation, sent_at=BASE_TIME + timedelta(hours=n))
        attachment = message.attachments.get()
        attachment.pk, attachment.message = None, copy
        attachment.save()
    assert queries() == few


# --- replies -------------------------------------------------------------------


@pytest.mark.django_db
def test_agent_queues_a_reply_and_reads_it_back(
    client: Client, agent_a: User, store_a: Store, desk: Desk
) -> None:
    template = ReplyTemplateFactory(store=store_a)
    auth = bearer(agent_a)
    response = post(
        client,
        f"/conversations/{desk.conversation.pk}/replies",
        auth,
        {"body": GOOD, "template_id": template.pk, "override_reason": None},
    )
    assert response.status_code == 201, response.content
    data = response.json()
    [reply] = desk.replies()
    assert data["id"] == reply.pk
    assert data["status"] == "queued"
    assert data["body"] == GOOD
    assert data["to_address"] == Message.objects.get(conversation=desk.conversation).sender
    assert data["subject"] == reply_subject(desk.conversation)
    assert data["message_id"] == reply.message_id
    assert data["message_id"].endswith("@x.test>")
    assert (data["attempts"], data["sent_at"], data["smtp_response"], data["last_error"]) == (
        0,
        None,
        "",
        "",
    )
    assert data["created_at"].endswith("Z")
    assert (data["author"], data["template"], data["override_reason"]) == (
        agent_a.pk,
        template.pk,
        "",
    )
    assert (reply.author, reply.template, reply.channel) == (agent_a, template, desk.channel)
    queued = AuditEvent.objects.get(action="reply.queued")
    assert (queued.actor, queued.target_id) == (agent_a, str(reply.pk))

    listed = get(client, f"/conversations/{desk.conversation.pk}/replies", auth)
    assert ids(listed) == [reply.pk]
    assert listed.json()["items"][0] == data
    assert get(client, f"/replies/{reply.pk}", auth).json() == data


@pytest.mark.django_db
def test_replies_are_listed_newest_first(
    client: Client, agent_a: User, owner_a: User, desk: Desk
) -> None:
    path = f"/conversations/{desk.conversation.pk}/replies"
    first = post(client, path, bearer(agent_a), {"body": GOOD}).json()["id"]
    second = post(client, path, bearer(owner_a), {"body": GOOD + " Again."}).json()["id"]
    assert ids(get(client, path, bearer(agent_a))) == [second, first]


@pytest.mark.django_db
def test_compliance_error_is_422_with_findings(client: Client, agent_a: User, desk: Desk) -> None:
    before = state()
    response = post(
        client, f"/conversations/{desk.conversation.pk}/replies", bearer(agent_a), {"body": BAD}
    )
    assert response.status_code == 422
    data = response.json()
    assert set(data) == {"detail", "findings"}
    assert "phone_number" in data["detail"]
    expected = reply_check(
        conversation=desk.conversation, body=BAD, subject=reply_subject(desk.conversation)
    )
    assert data["findings"] == [f.as_dict() for f in expected]
    phone = next(f for f in data["findings"] if f["rule"] == "phone_number")
    assert set(phone) == {"rule", "severity", "start", "end", "message"}
    assert phone["severity"] == "error"
    assert BAD[phone["start"] : phone["end"]].startswith("+1 555")
    assert state() == before


@pytest.mark.django_db
def test_only_an_owner_may_override_and_it_is_audited(
    client: Client, agent_a: User, owner_a: User, desk: Desk
) -> None:
    path = f"/conversations/{desk.conversation.pk}/replies"
    reason = "The buyer asked for our warranty line in writing."
    before = state()
    refused = post(client, path, bearer(agent_a), {"body": BAD, "override_reason": reason})
    assert refused.status_code == 403
    assert refused.json() == {"detail": "only an owner may override a compliance error"}
    # A blank reason is no reason: the findings come back.
    blank = post(client, path, bearer(owner_a), {"body": BAD, "override_reason": "  "})
    assert blank.status_code == 422
    assert blank.json()["findings"]
    assert state() == before

    response = post(client, path, bearer(owner_a), {"body": BAD, "override_reason": reason})
    assert response.status_code == 201
    assert response.json()["override_reason"] == reason
    [reply] = desk.replies()
    assert (reply.author, reply.override_reason, reply.body) == (owner_a, reason, BAD)
    event = AuditEvent.objects.get(action="reply.compliance_override")
    assert (event.actor, event.target_id) == (owner_a, str(reply.pk))
    assert event.data == {"reason": reason, "rules": ["phone_number"]}


@pytest.mark.django_db
def test_a_store_that_cannot_send_is_409_with_the_reason(
    client: Client, agent_a: User, store_a: Store
) -> None:
    ingest(store_a, "relay_classic_en.eml")  # a conversation, but no SMTP channel
    conversation = Conversation.objects.get(store=store_a)
    response = post(
        client, f"/conversations/{conversation.pk}/replies", bearer(agent_a), {"body": GOOD}
    )
    assert response.status_code == 409
    assert response.json() == {
        "detail": "this store has no mail channel with SMTP and an authorized sender address"
    }

    sending_channel(store_a)
    silent = ConversationFactory(store=store_a)  # no buyer message to answer
    response = post(client, f"/conversations/{silent.pk}/replies", bearer(agent_a), {"body": GOOD})
    assert response.status_code == 409
    assert response.json() == {"detail": "there is no buyer message to answer in this conversation"}
    assert not Reply.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "body"),
        ({"body": "   "}, "body"),
        ({"body": 5}, "body"),
        ({"body": GOOD, "status": "sent"}, "status"),
        ({"body": GOOD, "template_id": "welcome"}, "template_id"),
    ],
)
def test_a_malformed_reply_is_422_and_queues_nothing(
    client: Client, agent_a: User, desk: Desk, body: dict[str, Any], field: str
) -> None:
    response = post(client, f"/conversations/{desk.conversation.pk}/replies", bearer(agent_a), body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", field]
    assert desk.replies() == []


@pytest.mark.django_db
def test_unparseable_json_is_400(client: Client, agent_a: User, desk: Desk) -> None:
    response = client.post(
        f"{API}/conversations/{desk.conversation.pk}/replies",
        "{not json",
        content_type="application/json",
        **bearer(agent_a),  # type: ignore[arg-type]
    )
    assert response.status_code == 400
    assert desk.replies() == []


@pytest.mark.django_db
def test_a_template_of_another_store_is_422(client: Client, agent_a: User, desk: Desk) -> None:
    response = post(
        client,
        f"/conversations/{desk.conversation.pk}/replies",
        bearer(agent_a),
        {"body": GOOD, "template_id": desk.template_b.pk},
    )
    assert response.status_code == 422
    assert response.json() == {"detail": "no such template in this store"}
    assert desk.replies() == []


# --- no response needed --------------------------------------------------------


@pytest.mark.django_db
def test_no_response_needed_stops_the_clock_and_is_audited(
    client: Client, agent_a: User, desk: Desk
) -> None:
    assert desk.conversation.due_at is not None
    response = post(
        client, f"/conversations/{desk.conversation.pk}/no-response-needed", bearer(agent_a)
    )
    assert response.status_code == 200
    data = response.json()
    assert (data["id"], data["status"], data["due_at"], data["amazon_due_at"]) == (
        desk.conversation.pk,
        "no_response_needed",
        None,
        None,
    )
    assert len(data["messages"]) == 1
    conversation = Conversation.objects.get(pk=desk.conversation.pk)
    assert (conversation.status, conversation.due_at) == ("no_response_needed", None)
    event = AuditEvent.objects.get(action="conversation.no_response_needed")
    assert (event.actor, event.target_id) == (agent_a, str(conversation.pk))


# --- viewers and other stores --------------------------------------------------


@pytest.mark.django_db
def test_viewer_writes_are_403_whatever_the_body_and_change_nothing(
    client: Client, viewer_a: User, desk: Desk
) -> None:
    quarantined = email_ingest(channel=files_channel(store=desk.conversation.store), raw=GARBAGE)
    c = desk.conversation.pk
    auth = bearer(viewer_a)
    writes: list[tuple[str, str, Any]] = [
        ("POST", f"/conversations/{c}/replies", {"body": GOOD}),
        ("POST", f"/conversations/{c}/replies", {"body": BAD, "override_reason": "because"}),
        ("POST", f"/conversations/{c}/replies", {}),
        ("POST", f"/conversations/{c}/replies", {"body": 5, "nonsense": True}),
        ("POST", f"/conversations/{c}/replies", None),
        ("POST", f"/conversations/{c}/no-response-needed", None),
        ("POST", f"/conversations/{c}/no-response-needed", {"x": 1}),
        ("POST", f"/mail/emails/{quarantined.email_id}/reprocess", None),
        ("POST", f"/mail/emails/{desk.email.pk}/reprocess", None),
        ("PATCH", f"/conversations/{c}", {"assigned_to": viewer_a.pk}),
        ("PATCH", f"/conversations/{c}", {"assigned_to": "nobody"}),
    ]
    before = state()
    for method, path, body in writes:
        response = send(client, method, path, auth, body)
        assert response.status_code == 403, (method, path, body, response.content)
        assert set(response.json()) == {"detail"}
    assert state() == before
    # Reading is what viewers do.
    assert get(client, f"/conversations/{c}/replies", auth).status_code == 200
    assert get(client, f"/mail/emails/{desk.email.pk}", auth).status_code == 200


@pytest.mark.django_db
def test_other_stores_ids_are_404_and_change_nothing(
    client: Client, agent_a: User, store_b: Store, desk: Desk
) -> None:
    auth = bearer(agent_a)
    c = desk.conversation_b.pk
    requests: list[tuple[str, str, Any]] = [
        ("GET", f"/conversations/{c}/messages", None),
        ("GET", f"/conversations/{c}/replies", None),
        ("POST", f"/conversations/{c}/replies", {"body": GOOD}),
        ("POST", f"/conversations/{c}/replies", {}),
        ("POST", f"/conversations/{c}/no-response-needed", None),
        ("PATCH", f"/conversations/{c}", {"assigned_to": agent_a.pk}),
        ("GET", f"/replies/{desk.reply_b.pk}", None),
        ("GET", f"/mail/emails/{desk.email_b.pk}", None),
        ("POST", f"/mail/emails/{desk.email_b.pk}/reprocess", None),
    ]
    missing = get(client, "/replies/987654", auth)
    assert missing.status_code == 404
    before = state()
    for method, path, body in requests:
        response = send(client, method, path, auth, body)
        assert response.status_code == 404, (method, path, response.content)
        assert response.content == missing.content
    for path in ["/templates", "/mail/emails", "/mail/channels"]:
        assert get(client, path, auth, store=store_b.pk).status_code == 404
    assert state() == before


# --- lint ----------------------------------------------------------------------


@pytest.mark.django_db
def test_lint_answers_like_the_cli_for_any_member(
    client: Client, viewer_a: User, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    auth = bearer(viewer_a)  # no store data: a viewer may check a text too
    ok = post(client, "/lint", auth, {"text": GOOD})
    assert ok.status_code == 200
    assert ok.json() == {"ok": True, "findings": []}

    text = "Leave a 5-star review for a free gift card! See www.example.com"
    response = post(client, "/lint", auth, {"text": text, "kind": "public", "subject": "Thanks"})
    assert response.status_code == 200
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert cli_main(["lint", "-", "--kind", "public", "--subject", "Thanks", "--json"]) == 1
    assert response.json() == json.loads(capsys.readouterr().out)
    assert response.json()["ok"] is False
    assert {"positive_review_request", "review_incentive"} <= {
        f["rule"] for f in response.json()["findings"]
    }

    # The order id is checked the same way as in the CLI: a missing one is a warning.
    with_order = post(client, "/lint", auth, {"text": GOOD, "order_id": "111-0944945-3989852"})
    findings = check(GOOD, context=CheckContext(kind="reply", order_id="111-0944945-3989852"))
    assert with_order.json()["findings"] == [f.as_dict() for f in findings]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body", [{}, {"text": "hi", "kind": "tweet"}, {"text": "hi", "sender": "me"}]
)
def test_lint_refuses_bad_input(client: Client, agent_a: User, body: dict[str, Any]) -> None:
    assert post(client, "/lint", bearer(agent_a), body).status_code == 422


@pytest.mark.django_db
def test_lint_needs_a_user(client: Client) -> None:
    assert post(client, "/lint", {}, {"text": GOOD}).status_code == 401


# --- templates -----------------------------------------------------------------


@pytest.mark.django_db
def test_templates_of_the_callers_stores_with_filters(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    other = Store.objects.create(name="Store A2", marketplace="DE")
    MembershipFactory(user=agent_a, store=other, role="viewer")
    where = ReplyTemplateFactory(store=store_a, name="Where", intent="where_is_my_order")
    wo = ReplyTemplateFactory(store=store_a, name="Wo", language="de", intent="where_is_my_order")
    thanks = ReplyTemplateFactory(store=store_a, name="Thanks", intent="thank_you")
    retired = ReplyTemplateFactory(store=store_a, name="Old", is_active=False)
    elsewhere = ReplyTemplateFactory(store=other, name="Danke", language="de")
    ReplyTemplateFactory(store=store_b, name="Not yours")
    auth = bearer(agent_a)

    assert ids(get(client, "/templates", auth)) == [
        elsewhere.pk,
        retired.pk,
        thanks.pk,
        where.pk,
        wo.pk,
    ]
    assert ids(get(client, "/templates", auth, store=store_a.pk)) == [
        retired.pk,
        thanks.pk,
        where.pk,
        wo.pk,
    ]
    assert ids(get(client, "/templates", auth, language="de")) == [elsewhere.pk, wo.pk]
    assert ids(get(client, "/templates", auth, intent="where_is_my_order")) == [where.pk, wo.pk]
    assert retired.pk not in ids(get(client, "/templates", auth, active="true"))
    item = get(client, "/templates", auth, store=store_a.pk, intent="thank_you").json()["items"][0]
    assert (item["store"], item["slug"], item["body"]) == (store_a.pk, thanks.slug, thanks.body)
    assert get(client, "/templates", auth, store=store_b.pk).status_code == 404
    assert get(client, "/templates", auth, intent="gossip").status_code == 422


# --- mail ----------------------------------------------------------------------


@pytest.mark.django_db
def test_emails_are_metadata_without_raw_bytes(
    client: Client, agent_a: User, store_a: Store, desk: Desk
) -> None:
    garbage = InboundEmail.objects.get(
        pk=email_ingest(channel=files_channel(store=store_a), raw=GARBAGE).email_id
    )
    other = ingest(store_a, "not_amazon.eml")
    auth = bearer(agent_a)

    listed = get(client, "/mail/emails", auth)
    assert sorted(ids(listed)) == sorted([desk.email.pk, garbage.pk, other.pk])
    assert b"RAW-MARKER" not in listed.content
    assert all("raw" not in item for item in listed.json()["items"])
    assert ids(get(client, "/mail/emails", auth, status="quarantined")) == [garbage.pk]
    assert ids(get(client, "/mail/emails", auth, kind="buyer_message")) == [desk.email.pk]
    assert ids(get(client, "/mail/emails", auth, kind="other")) == [other.pk]
    assert sorted(ids(get(client, "/mail/emails", auth, store=store_a.pk))) == sorted(
        [desk.email.pk, garbage.pk, other.pk]
    )
    assert ids(get(client, "/mail/emails", auth, channel=desk.channel.pk)) == []

    detail = get(client, f"/mail/emails/{garbage.pk}", auth)
    assert detail.status_code == 200
    assert b"RAW-MARKER" not in detail.content
    data = detail.json()
    assert "raw" not in data
    assert (data["status"], data["store"], data["size"]) == (
        "quarantined",
        store_a.pk,
        len(GARBAGE),
    )
    assert data["reason"]

    buyer = get(client, f"/mail/emails/{desk.email.pk}", auth).json()
    assert (buyer["kind"], buyer["conversation"]) == ("buyer_message", desk.conversation.pk)


@pytest.mark.django_db
def test_agents_reprocess_an_email(client: Client, agent_a: User, store_a: Store) -> None:
    email = ingest(store_a, "relay_classic_en.eml")
    # As if an earlier version of the parser had given up on it.
    InboundEmail.objects.filter(pk=email.pk).update(
        status=EmailStatus.QUARANTINED, reason="parser bug", conversation=None, message=None
    )
    garbage = email_ingest(channel=files_channel(store=store_a), raw=GARBAGE).email_id
    auth = bearer(agent_a)

    response = post(client, f"/mail/emails/{email.pk}/reprocess", auth)
    assert response.status_code == 200
    assert response.json() == {
        "status": "ingested",
        "email_id": email.pk,
        "kind": "buyer_message",
        "reason": "",
    }
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("processed", 2)
    assert email.conversation is not None

    again = post(client, f"/mail/emails/{garbage}/reprocess", auth).json()
    assert (again["status"], again["email_id"]) == ("quarantined", garbage)
    assert again["reason"]
    assert InboundEmail.objects.get(pk=garbage).attempts == 2


@pytest.mark.django_db
def test_channels_never_show_passwords(
    client: Client, agent_a: User, store_a: Store, desk: Desk
) -> None:
    files = files_channel(store=store_a)
    response = get(client, "/mail/channels", bearer(agent_a))
    assert ids(response) == [files.pk, desk.channel.pk]  # by name: "File imports", "Mail"
    body = response.content.decode()
    channel = MailChannel.objects.get(pk=desk.channel.pk)
    for secret in [
        IMAP_SECRET,
        SMTP_SECRET,
        channel.imap_password_encrypted,
        channel.smtp_password_encrypted,
    ]:
        assert secret
        assert secret not in body
    assert "password" not in body
    item = response.json()["items"][1]
    assert item == {
        "id": channel.pk,
        "store": store_a.pk,
        "name": "Mail",
        "kind": "imap",
        "is_active": True,
        "imap_host": "127.0.0.1",
        "imap_user": "u",
        "smtp_host": "127.0.0.1",
        "folder": "INBOX",
        "from_address": "orders@x.test",
        "last_fetch_at": None,
        "last_error": "",
        "consecutive_failures": 0,
    }


# --- PATCH assignment ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("owner", 200), ("agent", 200), ("viewer", 422)])
def test_only_owners_and_agents_can_be_assigned(
    client: Client, agent_a: User, store_a: Store, role: str, status: int
) -> None:
    colleague = UserFactory()
    MembershipFactory(user=colleague, store=store_a, role=role)
    conversation = ConversationFactory(store=store_a)
    response = send(
        client, "PATCH", f"/conversations/{conversation.pk}", bearer(agent_a),
        {"assigned_to": colleague.pk},
    )  # fmt: skip
    assert response.status_code == status
    conversation.refresh_from_db()
    assert conversation.assigned_to == (colleague if status == 200 else None)
