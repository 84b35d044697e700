"""The inbox in Debian's chromium, driven by the keyboard alone, with a real SMTP server.

A relay email is ingested through the real pipeline, a mail channel points at
aiosmtpd on loopback, and the agent answers the buyer without touching the
mouse: search, open, pick the suggested template, edit, see the compliance
check catch a phone number, remove it, send. The outbox then sends for real
and the thread shows the reply sent.

Run with ``pytest -m browser``. Without chromium these tests fail, not skip.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone
from playwright.sync_api import Page, expect, sync_playwright
from pytest_django.fixtures import Settings

from sellerdesk.mail.models import MailChannel
from sellerdesk.mail.services import channel_create, email_ingest, files_channel
from sellerdesk.messaging.models import Conversation, Reply
from sellerdesk.messaging.outbox import replies_send_due
from sellerdesk.messaging.services import templates_install_defaults
from tests.factories import (
    ClaimFactory,
    ConversationFactory,
    MembershipFactory,
    OrderFactory,
    OrderItemFactory,
    StoreFactory,
    UserFactory,
)
from tests.servers import Smtp, start_smtp
from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PASSWORD
from tests.web_support import FAST_HASHERS

DATA = Path(__file__).parent / "data" / "mail"
ORDER_ID = "111-0944945-3989852"
RELAY_ALIAS = "sz2y5ywh1qg1vhx+133a066e@marketplace.amazon.com"
EDIT = "We have also asked UPS to look into it."
PHONE = " Call us on +1 555 123 4567."


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def smtp() -> Iterator[Smtp]:
    server = start_smtp()
    yield server
    server.stop()


def _desk(smtp: Smtp) -> tuple[int, Conversation]:
    """A store with templates, a channel sending to ``smtp``, the ingested relay
    email with its order, and a few other conversations around it."""
    now = timezone.now()
    store = StoreFactory(name="Blue Harbor", response_due_soon_hours=4)
    user = UserFactory(email="alex@blueharbor.test", first_name="Alex")
    MembershipFactory(user=user, store=store, role="agent")
    templates_install_defaults(store_id=store.pk)
    channel_create(
        store=store, name="Mail", imap_host="127.0.0.1", imap_port=1, imap_security="none",
        imap_user="u", imap_password="p", smtp_host="127.0.0.1", smtp_port=smtp.port,
        smtp_security="none", from_address="orders@blueharbor.test",
    )  # fmt: skip
    MailChannel.objects.filter(store=store, name="Mail").update(smtp_user="")  # no AUTH
    order = OrderFactory(
        store=store, amazon_order_id=ORDER_ID, buyer_name="Alisa Moreno", carrier="UPS",
        tracking_number="1Z999AA10123456784", shipped_at=now - timedelta(days=6),
        earliest_delivery_date=now - timedelta(days=2),
        latest_delivery_date=now + timedelta(days=2),
        ship_city="Portland", ship_state="OR", ship_country="US",
    )  # fmt: skip
    OrderItemFactory(order=order, asin="B07XJ8C8F5", title="Stainless Steel Water Bottle 750ml")
    ClaimFactory(store=store, amazon_order_id=ORDER_ID, reason="not_received")
    email_ingest(
        channel=files_channel(store=store), raw=(DATA / "relay_classic_en.eml").read_bytes()
    )
    conversation = Conversation.objects.get(store=store, amazon_order_id=ORDER_ID)
    for name, subject, hours, intent in (
        ("Rita Soon", "The lid of the bottle cracked", 2.5, "damaged_or_defective"),
        ("Sam Later", "Can I change the colour to blue?", 19, "change_order"),
        ("Paula Overdue", "Where is my parcel? It was due on Friday", -3, "where_is_my_order"),
    ):
        ConversationFactory(
            store=store, buyer_name=name, subject=subject, intent=intent,
            due_at=now + timedelta(hours=hours), amazon_due_at=now + timedelta(hours=hours - 1),
            last_message_at=now - timedelta(hours=5),
        )  # fmt: skip
    return store.pk, conversation


def _db[T](work: Callable[[], T]) -> T:
    """Run ``work`` on a thread of its own: Playwright's sync API keeps an event loop
    on this one, and Django refuses database calls from there."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_closing(work)).result()


def _closing[T](work: Callable[[], T]) -> Callable[[], T]:
    def run() -> T:
        try:
            return work()
        finally:
            connection.close()

    return run


def _sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("Email address").fill("alex@blueharbor.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.browser
def test_answer_a_buyer_with_the_keyboard_alone(
    live_server: Any, transactional_db: None, smtp: Smtp
) -> None:
    assert CHROMIUM.exists(), f"chromium is needed for browser tests: {CHROMIUM} is missing"
    store_id, conversation = _desk(smtp)
    ARTIFACTS.mkdir(exist_ok=True)
    inbox = f"{live_server.url}/s/{store_id}/inbox/"

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 860})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            _sign_in(page, live_server.url)
            expect(page).to_have_url(inbox)
            keys = page.keyboard
            rows = page.locator("#results [data-row]")
            expect(rows).to_have_count(4)

            # "?" shows the keys; Esc closes them.
            keys.press("?")
            expect(page.locator("#key-help")).to_be_visible()
            expect(page.locator("#key-help")).to_contain_text("Assign to me")
            keys.press("Escape")
            expect(page.locator("#key-help")).to_be_hidden()

            # "/" searches, here in the buyer's message text; Esc leaves the field.
            keys.press("/")
            expect(page.locator("#list-q")).to_be_focused()
            keys.type("tracking has not moved")
            expect(rows).to_have_count(1)
            expect(page).to_have_url(re.compile(r"\?q=tracking"))
            keys.press("Escape")
            expect(page.locator("#list-q")).not_to_be_focused()

            # j puts the cursor on the row (a visible ring), Enter opens it in place.
            keys.press("j")
            expect(rows.first).to_have_class(re.compile(r"\bis-cursor\b"))
            expect(rows.first.locator(".row-link")).to_be_focused()
            keys.press("Enter")
            thread = page.locator(".pane-thread")
            expect(thread.locator(".msg-body").first).to_contain_text("Where is my order?")
            expect(page).to_have_url(
                re.compile(rf"/s/{store_id}/inbox/{conversation.pk}/\?q=tracking")
            )
            details = page.locator(".pane-details")
            expect(details).to_contain_text("1Z999AA10123456784")
            expect(details).to_contain_text("Stainless Steel Water Bottle 750ml")
            expect(details).to_contain_text("Item not received")

            # t opens the templates with the one for the buyer's question suggested.
            keys.press("t")
            picker = page.locator("#template-picker")
            expect(picker).to_be_visible()
            active = picker.locator("[role=option][aria-selected=true]")
            expect(active).to_contain_text("Where is my order: tracking")
            expect(active).to_contain_text("Suggested")
            keys.press("ArrowDown")
            expect(active).not_to_contain_text("Suggested")
            keys.press("ArrowUp")
            keys.press("Enter")
            expect(picker).to_be_hidden()
            box = page.locator("#reply-body")
            expect(box).to_be_focused()
            expect(box).to_have_value(re.compile(r"^Hello Alisa,"))
            expect(box).to_have_value(re.compile(rf"order {ORDER_ID} \(Stainless Steel"))
            expect(box).to_have_value(re.compile(r"UPS, tracking number 1Z999AA10123456784"))
            expect(box).to_have_value(re.compile(r"Kind regards,\nBlue Harbor$"))
            send = page.locator("#send-button")
            expect(page.locator(".compliance-ok")).to_be_visible()
            expect(send).to_be_enabled()

            # A paragraph of one's own before the sign-off, with a phone number in it:
            # the check catches the number while it is typed.
            keys.press("Control+End")
            keys.press("Home")
            keys.press("ArrowUp")
            keys.press("Home")
            keys.type(EDIT)
            keys.type(PHONE)
            finding = page.locator('.finding-error[data-rule="phone_number"]')
            expect(finding).to_be_visible()
            expect(finding).to_contain_text("+1 555 123 4567")
            expect(send).to_be_disabled()
            page.screenshot(path=str(ARTIFACTS / "inbox-compliance.png"))
            # Ctrl+Enter does nothing while an error stands.
            keys.press("Control+Enter")
            for _ in PHONE:
                keys.press("Backspace")
            keys.press("Enter")
            keys.press("Enter")
            expect(finding).to_have_count(0)
            expect(send).to_be_enabled()
            expect(box).to_have_value(re.compile(rf"away\.\n\n{EDIT}\n\nKind regards,\n"))
            assert _db(Reply.objects.count) == 0

            keys.press("Control+Enter")
            queued = thread.locator(".reply-status", has_text="Queued")
            expect(queued).to_be_visible()
            reply = _db(lambda: Reply.objects.select_related("template").get())
            assert EDIT in reply.body
            assert "555" not in reply.body
            assert reply.template is not None
            assert reply.template.slug == "where-is-my-order"

            # The outbox sends; the open thread notices by itself.
            assert _db(replies_send_due) == 1
            expect(thread.locator(".reply-status", has_text="Sent")).to_be_visible(timeout=15000)
            expect(thread.locator(".thread-status .pill")).to_have_text("Answered")
            expect(thread.locator(".message-card.outbound .msg-body")).to_contain_text(EDIT)
            # The header, the details and the list row follow without a reload.
            expect(page.locator("[data-no-response]")).to_have_count(0)
            expect(page.locator(".pane-details")).not_to_contain_text("2026-11-09")
            expect(rows.first.locator(".pill").first).to_have_text("Answered")
            page.screenshot(path=str(ARTIFACTS / "inbox-3pane.png"))
            assert errors == []
        finally:
            browser.close()

    assert len(smtp.handler.messages) == 1
    mail_from, rcpt, content = smtp.handler.messages[0]
    assert (mail_from, rcpt) == ("orders@blueharbor.test", [RELAY_ALIAS])
    sent = message_from_bytes(content, policy=policy.default)
    assert sent["Subject"] == f"RE: Inquiry from Amazon customer Alisa (Order: {ORDER_ID})"
    assert EDIT in sent.get_content()
    conversation.refresh_from_db()
    assert conversation.status == "answered"
    assert conversation.due_at is None


@pytest.mark.browser
def test_e_marks_no_response_needed_and_a_assigns_to_me(
    live_server: Any, transactional_db: None, smtp: Smtp
) -> None:
    assert CHROMIUM.exists(), f"chromium is needed for browser tests: {CHROMIUM} is missing"
    _desk(smtp)
    paula = Conversation.objects.get(buyer_name="Paula Overdue")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 860})
            _sign_in(page, live_server.url)
            keys = page.keyboard
            rows = page.locator("#results [data-row]")
            expect(rows).to_have_count(4)
            # The most urgent first: Paula (3 hours overdue) after the relay email's
            # conversation from November 7; k from nowhere starts at the bottom.
            expect(rows.nth(1)).to_contain_text("Paula Overdue")
            expect(rows.nth(1).locator(".badge")).to_have_text("Overdue 3h 0m")
            keys.press("j")
            keys.press("j")
            keys.press("k")
            keys.press("j")
            expect(rows.nth(1)).to_have_class(re.compile(r"\bis-cursor\b"))
            keys.press("Enter")
            thread = page.locator(".pane-thread")
            expect(thread.locator(".thread-subject")).to_have_text(paula.subject)

            keys.press("a")
            expect(thread.locator(".thread-status")).to_contain_text(
                "Assigned to alex@blueharbor.test"
            )
            # Keys are ignored while typing: an "e" in the reply box is just a letter.
            keys.press("r")
            expect(page.locator("#reply-body")).to_be_focused()
            keys.type("e")
            expect(page.locator("#reply-body")).to_have_value("e")
            keys.press("Escape")
            expect(thread.locator(".thread-status .pill")).to_have_text("Needs response")

            keys.press("e")
            expect(thread.locator(".thread-status .pill")).to_have_text("No response needed")
            expect(page.locator("[data-no-response]")).to_have_count(0)
            # The list row follows (and, without a deadline now, sorts last).
            row = rows.filter(has_text="Paula Overdue")
            expect(row.locator(".pill").first).to_have_text("No response needed")
        finally:
            browser.close()

    paula.refresh_from_db()
    assert paula.status == "no_response_needed"
    assert paula.due_at is None
    assert paula.assigned_to is not None
    assert paula.assigned_to.email == "alex@blueharbor.test"


@pytest.mark.browser
def test_phone_stacks_the_panes(live_server: Any, transactional_db: None, smtp: Smtp) -> None:
    assert CHROMIUM.exists(), f"chromium is needed for browser tests: {CHROMIUM} is missing"
    store_id, conversation = _desk(smtp)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            _sign_in(page, live_server.url)
            expect(page.locator(".pane-list")).to_be_visible()
            expect(page.locator(".pane-conversation")).to_be_hidden()
            page.locator("#results .row-link", has_text="Alisa").click()
            expect(page.locator(".pane-list")).to_be_hidden()
            expect(page.locator(".pane-thread")).to_contain_text("Where is my order?")
            back = page.locator(".back-link")
            expect(back).to_be_visible()
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the page is {width}px wide on a 390px phone"
            page.screenshot(path=str(ARTIFACTS / "inbox-phone-thread.png"), full_page=True)
            back.click()
            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/inbox/")
            expect(page.locator(".pane-list")).to_be_visible()
        finally:
            browser.close()
    assert conversation.pk
