"""Return pages: the list's fault, policy, resolution, deadline and filters; its CSV
export; the status form; return analytics with its SVG chart; "Contact buyer"."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.mail.models import MailChannel
from sellerdesk.mail.services import channel_create
from sellerdesk.messaging.models import Conversation, Direction, Message, Reply
from sellerdesk.messaging.outbox import reply_send
from sellerdesk.messaging.services import templates_install_defaults
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.stores.models import Store
from tests.factories import (
    ConversationFactory,
    MembershipFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
    ReturnFactory,
)
from tests.servers import Smtp, start_smtp
from tests.web_support import FAST_HASHERS

NOW = datetime(2026, 11, 4, 20, 0, tzinfo=UTC)  # Wednesday, 12:00 in Los Angeles


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def agent(client: Client, agent_a: User) -> Client:
    client.force_login(agent_a)
    return client


def url(name: str, store: Store, **kwargs: int) -> str:
    return reverse(name, kwargs={"store_id": store.pk, **kwargs})


# --- the list ---------------------------------------------------------------------------


@pytest.fixture
def three(store_a: Store) -> dict[str, Return]:
    return {
        # Asked 40 hours ago: 8 hours left of 48, due soon.
        "due_soon": ReturnFactory(
            store=store_a, amazon_order_id="116-0000001-0000001", reason_code="CR-DEFECTIVE",
            requested_at=NOW - timedelta(hours=40), due_at=NOW + timedelta(hours=8),
            in_policy=True,
        ),
        # Asked 3 days ago and never answered: overdue.
        "overdue": ReturnFactory(
            store=store_a, amazon_order_id="116-0000002-0000002", reason_code="UNWANTED_ITEM",
            requested_at=NOW - timedelta(days=3), due_at=NOW - timedelta(days=1),
            in_policy=False,
        ),
        "done": ReturnFactory(
            store=store_a, amazon_order_id="116-0000003-0000003", reason_code="WEIRD_CODE",
            status=ReturnStatus.REFUNDED, resolution="Refunded", due_at=None,
            requested_at=NOW - timedelta(days=10),
        ),
    }  # fmt: skip


def order_ids(html: str) -> list[str]:
    return re.findall(r"116-000000\d-000000\d", html)


@time_machine.travel(NOW, tick=False)
def test_list_shows_fault_policy_resolution_and_deadline(
    agent: Client, store_a: Store, three: dict[str, Return]
) -> None:
    html = agent.get(url("returns_list", store_a)).text
    assert order_ids(html) == ["116-0000001-0000001", "116-0000002-0000002", "116-0000003-0000003"]
    assert 'class="pill pill-fault-seller">Seller fault' in html
    assert 'class="pill pill-fault-buyer">Buyer' in html  # UNWANTED_ITEM without CR-
    assert 'class="pill pill-fault-unknown">Fault unknown' in html
    assert "In policy" in html
    assert "Out of policy" in html
    assert "Refunded" in html
    assert 'class="badge badge-due-soon"' in html
    assert 'class="badge badge-overdue"' in html
    assert "Return analytics" in html
    assert url("returns_export", store_a) in html


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?fault=seller", ["116-0000001-0000001"]),
        ("?fault=buyer", ["116-0000002-0000002"]),
        ("?fault=unknown", ["116-0000003-0000003"]),
        ("?deadline=overdue", ["116-0000002-0000002"]),
        ("?deadline=due_soon", ["116-0000001-0000001"]),
        ("?deadline=none", ["116-0000003-0000003"]),
        ("?in_policy=no", ["116-0000002-0000002"]),
        ("?in_policy=unknown", ["116-0000003-0000003"]),
        ("?resolution=Refunded", ["116-0000003-0000003"]),
        ("?sort=due", ["116-0000002-0000002", "116-0000001-0000001", "116-0000003-0000003"]),
        ("?fault=nonsense", ["116-0000001-0000001", "116-0000002-0000002", "116-0000003-0000003"]),
    ],
)
def test_list_filters(
    agent: Client, store_a: Store, three: dict[str, Return], query: str, expected: list[str]
) -> None:
    html = agent.get(url("returns_list", store_a) + query).text
    assert order_ids(html) == expected


@time_machine.travel(NOW, tick=False)
def test_csv_export_follows_the_filters_and_stays_in_the_store(
    agent: Client, store_a: Store, store_b: Store, agent_a: User, three: dict[str, Return]
) -> None:
    MembershipFactory(user=agent_a, store=store_b)
    ReturnFactory(store=store_b, amazon_order_id="116-0000009-0000009")
    ReturnFactory(
        store=store_a, amazon_order_id="116-0000004-0000004", buyer_comment="=HYPERLINK(1)"
    )
    response = agent.get(url("returns_export", store_a) + "?fault=seller")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    # The factory's default reason is CR-DEFECTIVE: the fourth return is the seller's too.
    assert [r["amazon_order_id"] for r in rows] == ["116-0000001-0000001", "116-0000004-0000004"]
    first = rows[0]
    assert (first["fault"], first["reason"]) == ("seller", "Item defective or doesn't work")
    assert first["in_policy"] == "yes"
    assert first["due_at"] == "2026-11-05T04:00:00Z"
    assert first["deadline_kind"] == "answer"
    assert first["deadline_state"] == "due_soon"
    assert rows[1]["buyer_comment"] == "'=HYPERLINK(1)"  # never a formula
    everything = agent.get(url("returns_export", store_a)).content.decode()
    assert "116-0000009-0000009" not in everything


# --- a return ---------------------------------------------------------------------------


@time_machine.travel(NOW, tick=False)
def test_detail_shows_fault_and_deadlines(agent: Client, store_a: Store) -> None:
    record = ReturnFactory(
        store=store_a,
        reason_code="CR-QUALITY_UNACCEPTABLE",
        status=ReturnStatus.RECEIVED,
        requested_at=NOW - timedelta(days=2),
        received_at=NOW - timedelta(hours=2),
    )
    html = agent.get(url("returns_detail", store_a, pk=record.pk)).text
    assert "Performance or quality not adequate" in html
    assert "contested" in html
    assert "Refund by" in html
    assert "Answer by" in html
    assert url("returns_contact", store_a, pk=record.pk) in html
    assert url("returns_status", store_a, pk=record.pk) in html


@time_machine.travel(NOW, tick=False)
def test_status_form_moves_the_return_and_its_deadline(agent: Client, store_a: Store) -> None:
    record = ReturnFactory(store=store_a, requested_at=NOW - timedelta(hours=1))
    answer = agent.post(url("returns_status", store_a, pk=record.pk), {"status": "received"})
    assert answer.status_code == 302
    record.refresh_from_db()
    assert record.status == ReturnStatus.RECEIVED
    assert record.received_at == NOW
    # Wednesday 12:00 in Los Angeles + 2 business days: Friday 12:00.
    assert record.due_at == datetime(2026, 11, 6, 20, 0, tzinfo=UTC)
    refused = agent.post(
        url("returns_status", store_a, pk=record.pk), {"status": "requested"}, follow=True
    )
    assert "cannot become requested" in refused.text
    agent.post(url("returns_status", store_a, pk=record.pk), {"status": "refunded", "amount": "x"})
    record.refresh_from_db()
    assert record.status == ReturnStatus.RECEIVED
    agent.post(
        url("returns_status", store_a, pk=record.pk), {"status": "refunded", "amount": "19.99"}
    )
    record.refresh_from_db()
    assert (record.status, str(record.amount), record.due_at) == ("refunded", "19.99", None)


def test_viewer_cannot_move_a_return(client: Client, viewer_a: User, store_a: Store) -> None:
    client.force_login(viewer_a)
    record = ReturnFactory(store=store_a)
    assert (
        client.post(url("returns_status", store_a, pk=record.pk), {"status": "closed"}).status_code
        == 403
    )
    assert Return.objects.get(pk=record.pk).status == ReturnStatus.REQUESTED


# --- analytics --------------------------------------------------------------------------


@pytest.fixture
def shop(store_a: Store) -> Store:
    """HOT returns 15 of 60; the rest of the store 20 of 400 (see test_returns_stats)."""
    shipped_at = datetime(2026, 10, 20, 18, tzinfo=UTC)
    for sku, shipped, returned in (("HOT", 60, 15), ("COLD", 300, 15), ("MILD", 100, 5)):
        order = OrderFactory(store=store_a, shipped_at=shipped_at, purchase_date=shipped_at)
        OrderItemFactory(order=order, sku=sku, asin=f"B0{sku}00000"[:10], quantity_shipped=shipped)
        ReturnFactory(
            store=store_a, order=order, amazon_order_id=order.amazon_order_id, sku=sku,
            asin=f"B0{sku}00000"[:10], quantity=returned,
            requested_at=shipped_at + timedelta(days=5),
            reason_code="CR-DEFECTIVE" if sku == "HOT" else "CR-UNWANTED_ITEM",
        )  # fmt: skip
    return store_a


@time_machine.travel(NOW, tick=False)
def test_analytics_page_has_flags_reasons_and_a_chart(agent: Client, shop: Store) -> None:
    response = agent.get(url("returns_analytics", shop))
    assert response.status_code == 200
    html = response.text
    # The table: HOT is flagged, with its figures.
    hot_row = html[html.index('class="flagged"') :].split("</tr>")[0]
    assert ">HOT<" in hot_row
    assert "25.0 %" in hot_row  # 15 / 60
    assert "5.0 %" in hot_row  # baseline: the other SKUs, (15 + 5) / (300 + 100)
    assert html.count('class="flagged"') == 1
    # Reason mix: 15 defective (seller) of 35, 20 unwanted (buyer).
    assert "CR-DEFECTIVE" in html
    assert "CR-UNWANTED_ITEM" in html
    # The chart: an inline SVG with a title, a description and one point per week with
    # shipments (one here), and its data as a table.
    svg = html[html.index("<svg viewBox") : html.index("</svg>")]
    assert 'role="img"' in svg
    assert '<title id="rate-chart-title">' in svg
    assert "<desc" in svg
    points = re.findall(r'<circle class="point" cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert len(points) == 1
    assert "<script" not in html[html.index("<main") :]
    assert "The chart&#x27;s figures as a table" in html or "The chart's figures as a table" in html


@time_machine.travel(NOW, tick=False)
def test_analytics_baseline_and_sort(agent: Client, shop: Store) -> None:
    html = agent.get(url("returns_analytics", shop) + "?sort=-shipped_90").text
    order = re.findall(r'class="mono" href="[^"]*">([A-Z]+)<', html)
    assert order[-3:] == ["COLD", "MILD", "HOT"]
    html = agent.get(url("returns_analytics", shop) + "?sort=key").text
    order = re.findall(r'class="mono" href="[^"]*">([A-Z]+)<', html)
    assert order[-3:] == ["COLD", "HOT", "MILD"]
    assert 'aria-sort="ascending"' in html


@time_machine.travel(NOW, tick=False)
def test_analytics_chart_adds_the_chosen_skus_line(agent: Client, shop: Store) -> None:
    html = agent.get(url("returns_analytics", shop) + "?key=HOT").text
    svg = html[html.index("<svg viewBox") : html.index("</svg>")]
    assert svg.count('<g class="series"') == 2
    assert 'data-series="HOT"' in svg
    assert "HOT, Oct" in svg  # the point's title names the SKU and its period
    assert len(re.findall(r'<circle class="point"', svg)) == 2


def test_analytics_as_of_and_per_asin(agent: Client, shop: Store) -> None:
    html = agent.get(url("returns_analytics", shop) + "?as_of=2026-10-01&by=asin").text
    assert "No units shipped or returned" in html
    html = agent.get(url("returns_analytics", shop) + "?as_of=not-a-date&by=asin").text
    assert "B0HOT00000" in html


# --- contact buyer ----------------------------------------------------------------------


@pytest.fixture
def smtp() -> Iterator[Smtp]:
    server = start_smtp()
    yield server
    server.stop()


@pytest.fixture
def mail_store(store_a: Store, smtp: Smtp) -> Store:
    channel_create(
        store=store_a, name="Mail", imap_host="127.0.0.1", imap_port=1, imap_security="none",
        imap_user="u", imap_password="p", smtp_host="127.0.0.1", smtp_port=smtp.port,
        smtp_security="none", from_address="orders@alpaca.test",
    )  # fmt: skip
    MailChannel.objects.filter(store=store_a).update(smtp_user="")
    templates_install_defaults(store_id=store_a.pk)
    return store_a


@pytest.fixture
def returned(mail_store: Store) -> Return:
    order = OrderFactory(
        store=mail_store,
        amazon_order_id="111-0944945-3989852",
        buyer_name="Alisa",
        buyer_relay_alias="sz2y5ywh1qg1vhx+133a066e@marketplace.amazon.com",
        delivered_at=datetime(2026, 10, 30, 18, tzinfo=UTC),
    )
    OrderItemFactory(order=order, sku="MUG", title="Blue enamel mug")
    return ReturnFactory(
        store=mail_store, order=order, amazon_order_id=order.amazon_order_id, sku="MUG",
        title="Blue enamel mug",
    )  # fmt: skip


def test_contact_buyer_prefills_the_return_instructions(
    agent: Client, mail_store: Store, returned: Return
) -> None:
    response = agent.get(url("returns_contact", mail_store, pk=returned.pk))
    assert response.status_code == 200
    html = response.text
    body = html[html.index('id="contact-body"') :].split("</textarea>")[0]
    assert "Hello Alisa," in body
    assert "You can return the Blue enamel mug from order 111-0944945-3989852 until" in body
    assert "November 29, 2026" in body  # delivered Oct 30 + 30 days
    assert "sz2y5ywh1qg1vhx+133a066e@marketplace.amazon.com" in html
    assert "sending opens one for this order" in html
    assert not Conversation.objects.exists()  # looking opens nothing


def test_contact_buyer_opens_a_conversation_and_the_outbox_sends_it(
    agent: Client, agent_a: User, mail_store: Store, returned: Return, smtp: Smtp
) -> None:
    body = agent.get(url("returns_contact", mail_store, pk=returned.pk)).context["composer"].body
    response = agent.post(url("returns_contact", mail_store, pk=returned.pk), {"body": body})
    conversation = Conversation.objects.get(store=mail_store)
    assert response.status_code == 302
    assert response["Location"] == url("inbox_detail", mail_store, pk=conversation.pk)
    assert conversation.amazon_order_id == "111-0944945-3989852"
    assert conversation.buyer_key == "sz2y5ywh1qg1vhx@marketplace.amazon.com"
    assert conversation.status == "answered"  # nothing of the buyer's waits
    reply = Reply.objects.get(conversation=conversation)
    assert (reply.to_address, reply.author, reply.in_reply_to) == (
        "sz2y5ywh1qg1vhx+133a066e@marketplace.amazon.com",
        agent_a,
        "",
    )
    assert reply.subject == "Your return (Order: 111-0944945-3989852)"
    assert reply.template is not None
    assert reply.template.slug == "return-instructions"
    # The outbox's own send: SMTP to the relay address, then the thread's first message.
    assert reply_send(reply_id=reply.pk) == "sent"
    [(mail_from, rcpt, _content)] = smtp.handler.messages
    assert (mail_from, rcpt) == (
        "orders@alpaca.test",
        ["sz2y5ywh1qg1vhx+133a066e@marketplace.amazon.com"],
    )
    [message] = Message.objects.filter(conversation=conversation)
    assert message.direction == Direction.OUTBOUND
    # A second message reuses the conversation.
    agent.post(url("returns_contact", mail_store, pk=returned.pk), {"body": body})
    assert Conversation.objects.filter(store=mail_store).count() == 1
    assert Reply.objects.filter(conversation=conversation).count() == 2


def test_contact_buyer_answers_the_buyers_thread_when_there_is_one(
    agent: Client, mail_store: Store, returned: Return
) -> None:
    conversation = ConversationFactory(
        store=mail_store, amazon_order_id=returned.amazon_order_id, order=returned.order
    )
    MessageFactory(
        conversation=conversation,
        sender="sz2y5ywh1qg1vhx+aa@marketplace.amazon.com",
        message_id="<buyer-1@relay.test>",
    )
    html = agent.get(url("returns_contact", mail_store, pk=returned.pk)).text
    assert "answers the buyer" in html
    body = "Hello Alisa, please start the return of order 111-0944945-3989852 in Your Orders."
    agent.post(url("returns_contact", mail_store, pk=returned.pk), {"body": body})
    reply = Reply.objects.get()
    assert reply.conversation == conversation
    assert reply.in_reply_to == "<buyer-1@relay.test>"  # threaded: reply_queue's answer
    assert reply.to_address == "sz2y5ywh1qg1vhx+aa@marketplace.amazon.com"


def test_contact_buyer_refuses_what_breaks_the_guidelines(
    agent: Client, client: Client, mail_store: Store, returned: Return, owner_a: User
) -> None:
    body = "Order 111-0944945-3989852: call us at +1 415 555 0100 or mail help@alpaca.test"
    response = agent.post(url("returns_contact", mail_store, pk=returned.pk), {"body": body})
    assert response.status_code == 422
    assert "breaks Amazon" in response.text
    assert 'class="finding finding-error"' in response.text
    assert not Reply.objects.exists()
    assert not Conversation.objects.exists()
    # An owner may send it anyway, with a written reason.
    client.force_login(owner_a)
    client.post(
        url("returns_contact", mail_store, pk=returned.pk),
        {"body": body, "override": "1", "override_reason": "The buyer asked for our number."},
    )
    assert Reply.objects.get().override_reason == "The buyer asked for our number."


def test_contact_buyer_without_a_relay_address(agent: Client, mail_store: Store) -> None:
    record = ReturnFactory(store=mail_store, amazon_order_id="111-0000000-0000009")
    html = agent.get(url("returns_contact", mail_store, pk=record.pk)).text
    assert "relay address is not known" in html
    response = agent.post(
        url("returns_contact", mail_store, pk=record.pk),
        {"body": "Order 111-0000000-0000009: please send it back."},
    )
    assert response.status_code == 422
    assert not Reply.objects.exists()


def test_viewer_sees_the_text_but_cannot_send(
    client: Client, viewer_a: User, mail_store: Store, returned: Return
) -> None:
    client.force_login(viewer_a)
    html = client.get(url("returns_contact", mail_store, pk=returned.pk)).text
    assert "Only owners and agents" in html
    assert 'name="body"' not in html
    response = client.post(url("returns_contact", mail_store, pk=returned.pk), {"body": "x"})
    assert response.status_code == 403
    assert not Reply.objects.exists()
