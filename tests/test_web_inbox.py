"""The inbox's three panes and the thread pane's endpoints (messaging.views, compose_views)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.mail.services import channel_create, email_ingest, files_channel
from sellerdesk.messaging.models import Attachment, Conversation, Message, Reply
from sellerdesk.stores.models import Store
from tests.factories import (
    BASE_TIME,
    ClaimFactory,
    ConversationFactory,
    MembershipFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
    ReplyTemplateFactory,
    ReturnFactory,
    UserFactory,
)
from tests.web_support import FAST_HASHERS, detail_url, list_url, shown

DATA = Path(__file__).parent / "data" / "mail"
HTMX = {"HX-Request": "true"}
CLEAN = "Hello Alisa, your parcel for order {order} is with UPS and arrives on Friday."
PHONE = " Call us on +1 555 123 4567."


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    # Presence lives in the process-wide cache: no test sees another's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agent_client(client: Client, agent_a: User) -> Client:
    client.force_login(agent_a)
    return client


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def convo(store_a: Store) -> Conversation:
    """A conversation waiting for an answer, with the buyer's message and a sending channel."""
    channel_create(
        store=store_a, name="Mail", imap_host="127.0.0.1", imap_user="u", imap_password="p",
        smtp_host="127.0.0.1", smtp_port=2525, smtp_security="none",
        from_address="orders@store-a.test",
    )  # fmt: skip
    conversation = ConversationFactory(store=store_a, buyer_name="Alisa")
    MessageFactory(conversation=conversation, body_text="Where is my bottle?")
    return conversation


def url(name: str, conversation: Conversation) -> str:
    return reverse(name, kwargs={"store_id": conversation.store_id, "pk": conversation.pk})


# --- the three panes ---------------------------------------------------------------


def test_detail_url_is_the_inbox_with_the_conversation_open(
    agent_client: Client, store_a: Store
) -> None:
    order = OrderFactory(store=store_a, carrier="UPS", tracking_number="1Z999AA10123456784")
    OrderItemFactory(order=order, sku="BOTTLE-RED", asin="B07XJ8C8F5", title="Red bottle")
    claim = ClaimFactory(store=store_a, amazon_order_id=order.amazon_order_id)
    a_return = ReturnFactory(store=store_a, amazon_order_id=order.amazon_order_id)
    convo = ConversationFactory(store=store_a, order=order, amazon_order_id=order.amazon_order_id)
    MessageFactory(conversation=convo, body_text="Where is my red bottle?")
    earlier = ConversationFactory(store=store_a, buyer_key=convo.buyer_key, subject="Earlier one")
    other = ConversationFactory(store=store_a, buyer_name="Someone Else")

    page = agent_client.get(detail_url("inbox", store_a, convo)).text
    # Left: the list, this conversation's row marked.
    assert shown(page, "inbox", store_a, convo, other) == [True, True]
    assert 'class="conv-row row-open is-selected"' in page
    # Middle: the thread and the composer.
    assert "Where is my red bottle?" in page
    assert 'id="reply-body"' in page
    # Right: the order, its items and records, and the buyer's other conversation.
    assert detail_url("orders", store_a, order) in page
    assert "1Z999AA10123456784" in page
    assert "Red bottle" in page
    assert "B07XJ8C8F5" in page
    assert detail_url("claims", store_a, claim) in page
    assert detail_url("returns", store_a, a_return) in page
    assert "Earlier one" in page
    assert page.count(detail_url("inbox", store_a, earlier)) >= 2  # the row, and the details


def test_list_rows_load_the_conversation_over_htmx_and_push_the_url(
    agent_client: Client, store_a: Store
) -> None:
    convo = ConversationFactory(store=store_a)
    page = agent_client.get(list_url("inbox", store_a, "?status=needs_response")).text
    row = detail_url("inbox", store_a, convo)
    # The list's query travels with the selection, so a reload keeps both.
    assert (
        f'href="{row}" hx-get="{row}?status=needs_response" hx-target="#conversation" '
        'hx-push-url="true"'
    ) in page
    assert 'id="conversation"' in page
    assert "Choose a conversation." in page


def test_htmx_selection_answers_with_the_panes_only(agent_client: Client, store_a: Store) -> None:
    convo = ConversationFactory(store=store_a)
    MessageFactory(conversation=convo, body_text="Only the panes, please")
    response = agent_client.get(
        detail_url("inbox", store_a, convo), headers={**HTMX, "HX-Target": "conversation"}
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="list-filters"' not in response.text
    assert "Only the panes, please" in response.text
    assert 'aria-label="Order and buyer"' in response.text
    assert "HX-Target" in response["Vary"]


def test_filters_on_the_detail_url_swap_the_list_and_keep_the_selection(
    agent_client: Client, store_a: Store
) -> None:
    convo = ConversationFactory(store=store_a)
    answered = ConversationFactory(store=store_a, status="answered", due_at=None)
    response = agent_client.get(
        detail_url("inbox", store_a, convo) + "?status=answered",
        headers={**HTMX, "HX-Target": "results"},
    )
    assert "<html" not in response.text
    assert shown(response.text, "inbox", store_a, answered, convo) == [True, False]
    assert response["HX-Push-Url"] == detail_url("inbox", store_a, convo) + "?status=answered"


def test_quoted_history_is_folded_and_buyer_html_never_shown(
    agent_client: Client, store_a: Store
) -> None:
    convo = ConversationFactory(store=store_a)
    MessageFactory(
        conversation=convo,
        body_text="New question <b>bold</b>",
        quoted_text="On Monday you wrote: <script>alert(1)</script>",
        body_html="<p>SANITIZED-HTML-MARK</p>",
    )
    page = agent_client.get(detail_url("inbox", store_a, convo)).text
    assert '<details class="quoted"><summary>Quoted history</summary>' in page
    assert "On Monday you wrote: &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "New question &lt;b&gt;bold&lt;/b&gt;" in page
    assert "<script>alert(1)</script>" not in page
    assert "SANITIZED-HTML-MARK" not in page


@time_machine.travel(BASE_TIME, tick=False)
def test_rows_and_thread_header_carry_live_countdowns(agent_client: Client, store_a: Store) -> None:
    convo = ConversationFactory(
        store=store_a,
        due_at=BASE_TIME + timedelta(hours=3),
        amazon_due_at=BASE_TIME - timedelta(minutes=30),
    )
    page = agent_client.get(detail_url("inbox", store_a, convo)).text
    policy = (
        '<span class="clock" data-due="2026-11-02T15:00:00+00:00" data-soon="4" '
        'data-style="badge"><span class="badge badge-due-soon" title="Due soon">3h 0m left</span>'
    )
    amazon = (
        '<span class="clock clock-amazon" data-due="2026-11-02T11:30:00+00:00" data-soon="4" '
        'data-style="amz"'
    )
    assert page.count(policy) == 2  # the row and the thread header
    assert page.count(amazon) == 2
    assert '<span class="amz amz-overdue">Amazon 24h · Overdue 30m</span>' in page


def test_search_looks_into_message_bodies(agent_client: Client, store_a: Store) -> None:
    lid = ConversationFactory(store=store_a, subject="Question")
    MessageFactory(conversation=lid, body_text="The zebra-striped LID leaks")
    MessageFactory(conversation=lid, body_text="Still leaking, the lid again")
    other = ConversationFactory(store=store_a, subject="Question")
    MessageFactory(conversation=other, body_text="Where is my parcel?")
    page = agent_client.get(list_url("inbox", store_a, "?q=zebra-striped")).text
    assert shown(page, "inbox", store_a, lid, other) == [True, False]
    assert 'value="zebra-striped"' in page
    assert "(filtered)" in page
    # The canonical URL keeps the search (the address bar, the row links).
    response = agent_client.get(
        list_url("inbox", store_a, "?q=zebra-striped&status="),
        headers={**HTMX, "HX-Target": "results"},
    )
    assert response["HX-Push-Url"] == list_url("inbox", store_a, "?q=zebra-striped")
    # Two matching messages, one row.
    page = agent_client.get(list_url("inbox", store_a, "?q=lid")).text
    assert shown(page, "inbox", store_a, lid, other) == [True, False]
    assert "1\u20131 of 1" in page
    assert "2 msg" in page  # the message count is not multiplied by the search
    # Every word must match somewhere: subject, buyer, order id or a message.
    page = agent_client.get(list_url("inbox", store_a, f"?q=parcel+{other.amazon_order_id}")).text
    assert shown(page, "inbox", store_a, lid, other) == [False, True]


# --- attachments ---------------------------------------------------------------------


@pytest.fixture
def attachment(store_a: Store, settings: Settings, tmp_path: Path) -> Attachment:
    settings.ATTACHMENTS_DIR = tmp_path / "attachments"
    raw = (DATA / "relay_attachment_de.eml").read_bytes()
    email_ingest(channel=files_channel(store=store_a), raw=raw)
    return Attachment.objects.get()


def test_attachment_is_listed_and_downloaded_never_inline(
    agent_client: Client, store_a: Store, attachment: Attachment
) -> None:
    convo = attachment.message.conversation
    download = reverse("attachment_download", kwargs={"store_id": store_a.pk, "pk": attachment.pk})
    page = agent_client.get(detail_url("inbox", store_a, convo)).text
    assert f'<a href="{download}" download>foto.jpg</a>' in page
    assert f"({attachment.size}\xa0bytes)" in page

    response = agent_client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="foto.jpg"'
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert body.startswith(b"\xff\xd8")  # the JPEG's bytes
    assert len(body) == attachment.size


def test_attachment_download_checks_membership(
    client: Client, store_a: Store, store_b: Store, attachment: Attachment
) -> None:
    download = reverse("attachment_download", kwargs={"store_id": store_a.pk, "pk": attachment.pk})
    stranger = UserFactory()
    MembershipFactory(user=stranger, store=store_b, role="owner")
    client.force_login(stranger)
    assert client.get(download).status_code == 404
    # Through the stranger's own store: still not theirs.
    other = reverse("attachment_download", kwargs={"store_id": store_b.pk, "pk": attachment.pk})
    assert client.get(other).status_code == 404
    client.logout()
    assert client.get(download).status_code == 302  # to the login page


def test_attachment_outside_the_folder_or_not_kept_is_404(
    agent_client: Client, store_a: Store, attachment: Attachment
) -> None:
    download = reverse("attachment_download", kwargs={"store_id": store_a.pk, "pk": attachment.pk})
    Attachment.objects.filter(pk=attachment.pk).update(path="../../../etc/passwd")
    assert agent_client.get(download).status_code == 404
    Attachment.objects.filter(pk=attachment.pk).update(path="")  # over the size limit
    assert agent_client.get(download).status_code == 404


# --- compliance while typing -----------------------------------------------------------


def test_compliance_check_lists_findings_and_closes_send_on_errors(
    agent_client: Client, convo: Conversation
) -> None:
    body = CLEAN.format(order=convo.amazon_order_id) + PHONE
    response = agent_client.post(url("inbox_check", convo), {"body": body}, headers=HTMX)
    assert response.status_code == 200
    html = response.text
    assert '<li class="finding finding-error" data-rule="phone_number">' in html
    assert "Phone numbers are not permitted in messages to buyers." in html
    assert '<q class="finding-excerpt">+1 555 123 4567</q>' in html
    # The Send controls come along out of band, Send closed, no override for an agent.
    assert '<div id="send-controls" class="send-controls" hx-swap-oob="true">' in html
    assert 'id="send-button" class="btn btn-primary" disabled' in html
    assert "override_reason" not in html

    clean = CLEAN.format(order=convo.amazon_order_id)
    html = agent_client.post(url("inbox_check", convo), {"body": clean}, headers=HTMX).text
    assert "finding-error" not in html
    assert "No problems found" in html
    assert 'id="send-button" class="btn btn-primary" aria-keyshortcuts' in html


def test_compliance_check_shows_warnings_with_send_open(
    agent_client: Client, convo: Conversation
) -> None:
    body = f"Hello Alisa,\n\n\n\nyour order {convo.amazon_order_id} ships today."
    html = agent_client.post(url("inbox_check", convo), {"body": body}, headers=HTMX).text
    assert 'data-rule="blank_lines"' in html
    assert "finding-warning" in html
    assert " disabled" not in html


def test_owner_gets_the_override_field(client: Client, owner_a: User, convo: Conversation) -> None:
    client.force_login(owner_a)
    body = CLEAN.format(order=convo.amazon_order_id) + PHONE
    html = client.post(url("inbox_check", convo), {"body": body}, headers=HTMX).text
    assert 'name="override_reason"' in html
    assert 'name="override" value="1"' in html
    assert 'id="send-button" class="btn btn-primary" disabled' in html


def test_composer_is_wired_to_check_while_typing(agent_client: Client, convo: Conversation) -> None:
    page = agent_client.get(url("inbox_detail", convo)).text
    assert f'hx-post="{url("inbox_check", convo)}"' in page
    assert 'hx-trigger="keyup changed delay:400ms, change, compose-check"' in page
    assert f'hx-post="{url("inbox_reply", convo)}"' in page


# --- sending -------------------------------------------------------------------------------


def test_reply_is_queued_and_shown_in_the_thread(
    agent_client: Client, agent_a: User, convo: Conversation
) -> None:
    template = ReplyTemplateFactory(store=convo.store)
    body = CLEAN.format(order=convo.amazon_order_id)
    response = agent_client.post(
        url("inbox_reply", convo), {"body": body, "template": template.pk}, headers=HTMX
    )
    assert response.status_code == 200
    reply = Reply.objects.get()
    assert (reply.conversation, reply.author, reply.body) == (convo, agent_a, body)
    assert reply.template == template
    assert reply.status == "queued"
    assert reply.to_address == convo.buyer_key
    # The panes come back with the reply queued and polling for its fate.
    assert response["HX-Retarget"] == "#conversation"
    assert json.loads(response["HX-Trigger"]) == {"inbox:changed": {}}
    assert '<span class="reply-status reply-queued">Queued</span>' in response.text
    assert 'hx-trigger="every 5s"' in response.text
    assert AuditEvent.objects.filter(action="reply.queued", actor=agent_a).exists()


def test_reply_without_htmx_redirects_to_the_conversation(
    agent_client: Client, convo: Conversation
) -> None:
    body = CLEAN.format(order=convo.amazon_order_id)
    response = agent_client.post(url("inbox_reply", convo), {"body": body})
    assert response.status_code == 302
    assert response["Location"] == url("inbox_detail", convo)
    assert Reply.objects.count() == 1


def test_reply_with_errors_is_refused_with_its_findings(
    agent_client: Client, convo: Conversation
) -> None:
    body = CLEAN.format(order=convo.amazon_order_id) + PHONE
    response = agent_client.post(url("inbox_reply", convo), {"body": body}, headers=HTMX)
    assert response.status_code == 422
    assert 'data-rule="phone_number"' in response.text
    assert "+1 555 123 4567" in response.text  # the text is kept for fixing
    assert not Reply.objects.exists()
    # Without htmx: the whole page, the composer keeping the text.
    response = agent_client.post(url("inbox_reply", convo), {"body": body})
    assert response.status_code == 422
    assert "<html" in response.text
    assert 'data-rule="phone_number"' in response.text
    assert "Where is my bottle?" in response.text


def test_an_empty_reply_is_refused(agent_client: Client, convo: Conversation) -> None:
    response = agent_client.post(url("inbox_reply", convo), {"body": "  \n "}, headers=HTMX)
    assert response.status_code == 422
    assert "Write a reply first." in response.text
    assert not Reply.objects.exists()


def test_reply_without_a_sending_channel_says_so(agent_client: Client, store_a: Store) -> None:
    convo = ConversationFactory(store=store_a)
    MessageFactory(conversation=convo)
    body = CLEAN.format(order=convo.amazon_order_id)
    response = agent_client.post(url("inbox_reply", convo), {"body": body}, headers=HTMX)
    assert response.status_code == 422
    assert "no mail channel with SMTP" in response.text


def test_owner_override_needs_a_reason_and_is_audited(
    client: Client, owner_a: User, agent_a: User, convo: Conversation
) -> None:
    body = CLEAN.format(order=convo.amazon_order_id) + PHONE
    client.force_login(owner_a)
    response = client.post(
        url("inbox_reply", convo), {"body": body, "override": "1", "override_reason": " "},
        headers=HTMX,
    )  # fmt: skip
    assert response.status_code == 422
    assert "Give a reason to send despite the errors." in response.text
    assert not Reply.objects.exists()

    reason = "The buyer asked for our number to book the courier."
    # A reason typed but the override button not pressed: still refused.
    response = client.post(
        url("inbox_reply", convo), {"body": body, "override_reason": reason}, headers=HTMX
    )
    assert response.status_code == 422
    assert not Reply.objects.exists()

    response = client.post(
        url("inbox_reply", convo), {"body": body, "override": "1", "override_reason": reason},
        headers=HTMX,
    )  # fmt: skip
    assert response.status_code == 200
    reply = Reply.objects.get()
    assert reply.override_reason == reason
    event = AuditEvent.objects.get(action="reply.compliance_override")
    assert event.actor == owner_a
    assert event.data == {"reason": reason, "rules": ["phone_number"]}
    assert "Sent despite a compliance error. Reason: The buyer asked" in response.text

    # An agent cannot override, reason or not.
    agent = signed_in(agent_a)
    response = agent.post(
        url("inbox_reply", convo), {"body": body, "override": "1", "override_reason": reason},
        headers=HTMX,
    )  # fmt: skip
    assert response.status_code == 403
    assert Reply.objects.count() == 1


def test_viewer_sees_no_composer_and_every_write_is_403(
    client: Client, viewer_a: User, convo: Conversation
) -> None:
    client.force_login(viewer_a)
    page = client.get(url("inbox_detail", convo)).text
    assert "Where is my bottle?" in page
    for absent in ('id="reply-body"', "data-no-response", "data-assign-me", 'name="assignee"'):
        assert absent not in page
    body = CLEAN.format(order=convo.amazon_order_id)
    for name, data in (
        ("inbox_reply", {"body": body}),
        ("inbox_check", {"body": body}),
        ("inbox_no_response", {}),
        ("inbox_assign", {"assignee": "me"}),
    ):
        assert client.post(url(name, convo), data, headers=HTMX).status_code == 403, name
    assert not Reply.objects.exists()
    convo.refresh_from_db()
    assert (convo.status, convo.assigned_to) == ("needs_response", None)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("queued", "Queued"),
        ("failed", "Not sent: 550 5.1.1 no such user"),
        ("unconfirmed", "Check the Sent folder of orders@store-a.test before you send it again."),
    ],
)
def test_reply_status_shows_in_the_thread(
    agent_client: Client, convo: Conversation, status: str, expected: str
) -> None:
    Reply.objects.create(
        conversation=convo, to_address=convo.buyer_key, from_address="orders@store-a.test",
        subject="RE: x", body="Our answer", message_id=f"<{status}@store-a.test>",
        next_attempt_at=BASE_TIME, status=status, last_error="550 5.1.1 no such user",
    )  # fmt: skip
    page = agent_client.get(url("inbox_detail", convo)).text
    assert "Our answer" in page
    assert expected in page
    assert ('hx-trigger="every 5s"' in page) == (status == "queued")


def test_sent_reply_shows_as_sent_on_its_message(agent_client: Client, convo: Conversation) -> None:
    message = MessageFactory(
        conversation=convo, direction="out", body_text="Our sent answer", sent_at=BASE_TIME
    )
    Reply.objects.create(
        conversation=convo, to_address=convo.buyer_key, from_address="orders@store-a.test",
        subject="RE: x", body="Our sent answer", message_id="<sent@store-a.test>",
        next_attempt_at=BASE_TIME, status="sent", sent_message=message,
    )  # fmt: skip
    page = agent_client.get(url("inbox_detail", convo)).text
    assert page.count("Our sent answer") == 1  # the message, not the reply again
    assert '<span class="reply-status reply-sent">Sent</span>' in page


# --- no response needed, assignment --------------------------------------------------------


def test_no_response_needed(agent_client: Client, agent_a: User, convo: Conversation) -> None:
    response = agent_client.post(url("inbox_no_response", convo), headers=HTMX)
    assert response.status_code == 200
    convo.refresh_from_db()
    assert convo.status == "no_response_needed"
    assert convo.due_at is None
    assert AuditEvent.objects.filter(
        action="conversation.no_response_needed", actor=agent_a
    ).exists()
    assert "data-no-response" not in response.text  # nothing left to mark
    assert json.loads(response["HX-Trigger"]) == {"inbox:changed": {}}


def test_assign_to_me_to_a_member_and_to_nobody(
    agent_client: Client, agent_a: User, owner_a: User, viewer_a: User, convo: Conversation
) -> None:
    def assign(value: str) -> Any:
        response = agent_client.post(url("inbox_assign", convo), {"assignee": value}, headers=HTMX)
        convo.refresh_from_db()
        return response

    assert assign("me").status_code == 200
    assert convo.assigned_to == agent_a
    assert assign(str(owner_a.pk)).status_code == 200
    assert convo.assigned_to == owner_a
    response = assign("")
    assert response.status_code == 200
    assert convo.assigned_to is None
    assert "Not assigned" in response.text
    # A viewer cannot answer, a stranger is not in the store, nonsense is nonsense.
    stranger = UserFactory()
    for bad in (str(viewer_a.pk), str(stranger.pk), "x' OR 1"):
        assert assign(bad).status_code == 400, bad
        assert convo.assigned_to is None
    assert AuditEvent.objects.filter(action="conversation.assigned").count() == 3


def test_assign_dropdown_lists_owners_and_agents(
    agent_client: Client, agent_a: User, owner_a: User, viewer_a: User, convo: Conversation
) -> None:
    page = agent_client.get(url("inbox_detail", convo)).text
    assert f'<option value="{agent_a.pk}">agent-a@example.test (me)</option>' in page
    assert f'<option value="{owner_a.pk}">owner-a@example.test</option>' in page
    assert f'<option value="{viewer_a.pk}"' not in page
    assert "data-assign-me" in page


def test_writes_without_htmx_redirect_back(agent_client: Client, convo: Conversation) -> None:
    for name, data in (("inbox_assign", {"assignee": "me"}), ("inbox_no_response", {})):
        response = agent_client.post(url(name, convo), data)
        assert response.status_code == 302
        assert response["Location"] == url("inbox_detail", convo)


# --- presence ----------------------------------------------------------------------------------


def test_presence_shows_other_users_and_not_oneself(
    agent_a: User, owner_a: User, convo: Conversation
) -> None:
    agent_a.first_name = "Alex"
    agent_a.save()
    alex, olga = signed_in(agent_a), signed_in(owner_a)
    presence = url("inbox_presence", convo)

    assert alex.get(presence, {"state": "viewing"}, headers=HTMX).text.strip() == ""
    answer = olga.get(presence, {"state": "viewing"}, headers=HTMX)
    assert "Alex is viewing" in answer.text
    assert "owner-a" not in answer.text
    assert "no-cache" in answer["Cache-Control"]
    # Alex starts typing; Olga's next ping (and her page) says so.
    alex_sees = alex.get(presence, {"state": "replying"}, headers=HTMX).text
    assert "owner-a is viewing" in alex_sees
    assert "Alex" not in alex_sees
    assert "Alex is replying" in olga.get(presence, headers=HTMX).text
    assert "Alex is replying" in olga.get(url("inbox_detail", convo)).text


def test_presence_expires(agent_a: User, owner_a: User, convo: Conversation) -> None:
    alex, olga = signed_in(agent_a), signed_in(owner_a)
    presence = url("inbox_presence", convo)
    with time_machine.travel(BASE_TIME, tick=False):
        alex.get(presence, {"state": "replying"})
    with time_machine.travel(BASE_TIME + timedelta(seconds=44), tick=False):
        assert "is replying" in olga.get(presence).text
    with time_machine.travel(BASE_TIME + timedelta(seconds=46), tick=False):
        assert "is replying" not in olga.get(presence).text


def test_a_viewer_is_only_ever_viewing(viewer_a: User, agent_a: User, convo: Conversation) -> None:
    signed_in(viewer_a).get(url("inbox_presence", convo), {"state": "replying"})
    text = signed_in(agent_a).get(url("inbox_presence", convo)).text
    assert "viewer-a is viewing" in text


def test_presence_page_wiring(agent_client: Client, convo: Conversation) -> None:
    page = agent_client.get(url("inbox_detail", convo)).text
    assert (
        f'<div id="presence" class="presence" hx-get="{url("inbox_presence", convo)}" '
        'hx-trigger="load, every 20s"'
    ) in page


# --- templates in the composer ------------------------------------------------------------------


def test_picker_offers_merged_templates_with_the_suggestion_marked(
    agent_client: Client, store_a: Store, convo: Conversation
) -> None:
    Conversation.objects.filter(pk=convo.pk).update(intent="where_is_my_order")
    ReplyTemplateFactory(store=store_a, name="Any other", intent="other", body="Other text")
    tracking = ReplyTemplateFactory(
        store=store_a, name="Tracking", intent="where_is_my_order",
        body="Hello {{ buyer_name }}, order {{ order_id }} from {{ seller_name }}.",
    )  # fmt: skip
    page = agent_client.get(url("inbox_detail", convo)).text
    assert (
        f'data-template="{tracking.pk}" data-body="Hello Alisa, order {convo.amazon_order_id} '
        f'from Store A." aria-selected="true" data-suggested'
    ) in page
    assert page.index("Tracking</span>") < page.index("Any other</span>")


def test_template_fills_the_composer_without_javascript(
    agent_client: Client, store_a: Store, convo: Conversation
) -> None:
    template = ReplyTemplateFactory(store=store_a, body="Hi {{ buyer_name }}, {{ order_id }}.")
    page = agent_client.get(url("inbox_detail", convo), {"template": template.pk}).text
    assert f">Hi Alisa, {convo.amazon_order_id}.</textarea>" in page
    assert f'name="template" id="reply-template" value="{template.pk}"' in page
    # Another store's template id fills nothing.
    foreign = ReplyTemplateFactory(body="FOREIGN TEMPLATE")
    page = agent_client.get(url("inbox_detail", convo), {"template": foreign.pk}).text
    assert "FOREIGN TEMPLATE" not in page


# --- scoping --------------------------------------------------------------------------------------


def test_endpoints_of_another_stores_conversation_are_404(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    MembershipFactory(user=agent_a, store=store_b, role="agent")
    client.force_login(agent_a)
    theirs = ConversationFactory(store=store_b)
    MessageFactory(conversation=theirs)
    for name in ("inbox_check", "inbox_reply", "inbox_no_response", "inbox_assign"):
        wrong = reverse(name, kwargs={"store_id": store_a.pk, "pk": theirs.pk})
        assert client.post(wrong, {"body": "x", "assignee": "me"}).status_code == 404, name
    wrong = reverse("inbox_presence", kwargs={"store_id": store_a.pk, "pk": theirs.pk})
    assert client.get(wrong).status_code == 404
    theirs.refresh_from_db()
    assert theirs.assigned_to is None
    assert not Message.objects.filter(conversation=theirs, direction="out").exists()


def test_inbox_header_links_the_quarantine_with_its_count(
    agent_client: Client, store_a: Store
) -> None:
    page = agent_client.get(list_url("inbox", store_a)).text
    quarantine = reverse("mail_quarantine", kwargs={"store_id": store_a.pk})
    assert f'href="{quarantine}"' in page
    assert '<span class="count-pill">0</span>' in page
