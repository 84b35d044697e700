"""End to end in Debian's chromium: sign in, walk the nav, filter the inbox.

Run with ``pytest -m browser``. Chromium must be installed: without it this test
fails rather than skips, so a CI image without a browser cannot pass silently.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect, sync_playwright
from pytest_django.fixtures import Settings

from tests.factories import (
    ChargebackFactory,
    ClaimFactory,
    ConversationFactory,
    FeedbackFactory,
    MembershipFactory,
    OrderFactory,
    QuestionFactory,
    ReturnFactory,
    ReviewFactory,
    StoreFactory,
    UserFactory,
)
from tests.web_support import FAST_HASHERS


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    # PBKDF2's real cost is for production; here it would dominate the run time.
    settings.PASSWORD_HASHERS = FAST_HASHERS


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PASSWORD = "correct horse battery"  # tests.factories.UserFactory


def _desk(now: Any) -> tuple[int, int, dict[str, str]]:
    """A store with one known record per stream, and another store of the same user.
    Returns both store ids and the text each list of the first store shows."""
    store = StoreFactory(name="Browser Store", response_due_soon_hours=4)
    other = StoreFactory(name="Other Store", marketplace="DE", timezone="Europe/Berlin")
    user = UserFactory(email="browser@example.test")
    MembershipFactory(user=user, store=store, role="agent")
    MembershipFactory(user=user, store=other, role="viewer")

    ConversationFactory(
        store=store,
        buyer_name="Paula Overdue",
        subject="Where is my parcel? It was due on Friday",
        intent="where_is_my_order",
        due_at=now - timedelta(hours=3, minutes=10),
        last_message_at=now - timedelta(hours=27),
    )
    ConversationFactory(
        store=store,
        buyer_name="Rita Soon",
        subject="The lid of the bottle cracked",
        intent="damaged_or_defective",
        due_at=now + timedelta(hours=2, minutes=30),
        last_message_at=now - timedelta(hours=21),
        assigned_to=user,
    )
    ConversationFactory(
        store=store,
        buyer_name="Sam Later",
        subject="Can I change the colour to blue?",
        intent="change_order",
        due_at=now + timedelta(hours=19),
        last_message_at=now - timedelta(hours=2),
    )
    ConversationFactory(
        store=store,
        buyer_name="Quentin Answered",
        subject="Thank you!",
        intent="thank_you",
        status="answered",
        due_at=None,
        last_message_at=now - timedelta(days=1),
    )
    ConversationFactory(store=other, buyer_name="Otto Elsewhere")
    return (
        store.pk,
        other.pk,
        {
            "inbox": "Paula Overdue",
            "claims": ClaimFactory(
                store=store, amazon_order_id="113-0000001-0000001"
            ).amazon_order_id,
            "chargebacks": ChargebackFactory(
                store=store, amazon_order_id="114-0000001-0000001"
            ).amazon_order_id,
            "feedback": FeedbackFactory(
                store=store, comment="Box arrived crushed, bottle fine"
            ).comment,
            "returns": ReturnFactory(store=store, sku="BOTTLE-RED-750").sku,
            "reviews": ReviewFactory(store=store, title="Keeps water cold all day").title,
            "questions": QuestionFactory(store=store, text="Does it fit a car cup holder?").text,
            "orders": OrderFactory(
                store=store, amazon_order_id="111-0000001-0000001"
            ).amazon_order_id,
        },
    )


@pytest.mark.browser
def test_sign_in_walk_the_streams_and_filter_the_inbox(
    live_server: Any, transactional_db: None
) -> None:
    assert CHROMIUM.exists(), f"chromium is needed for browser tests: {CHROMIUM} is missing"
    store_id, other_id, known = _desk(timezone.now())
    ARTIFACTS.mkdir(exist_ok=True)
    nav = [
        ("Claims", "claims"),
        ("Chargebacks", "chargebacks"),
        ("Feedback", "feedback"),
        ("Returns", "returns"),
        ("Reviews", "reviews"),
        ("Questions", "questions"),
        ("Orders", "orders"),
        ("Inbox", "inbox"),
    ]

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 860})
            page.goto(f"{live_server.url}/")
            expect(page).to_have_url(f"{live_server.url}/login/?next=/")

            page.get_by_label("Email address").fill("browser@example.test")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/inbox/")
            expect(page.get_by_role("heading", name="Inbox")).to_be_visible()
            expect(page.get_by_text(known["inbox"])).to_be_visible()
            expect(page.get_by_text("Otto Elsewhere")).to_have_count(0)
            expect(page.locator(".badge-overdue")).to_have_text("Overdue 3h 10m")

            streams = page.get_by_role("navigation", name="Streams")
            for label, key in nav:
                streams.get_by_role("link", name=label).click()
                expect(page).to_have_url(f"{live_server.url}/s/{store_id}/{key}/")
                expect(page.get_by_text(known[key]).first).to_be_visible()

            # The inbox filter: htmx swaps the table and pushes the URL.
            page.get_by_label("Status").select_option("answered")
            expect(page.get_by_text("Quentin Answered")).to_be_visible()
            expect(page.get_by_text("Paula Overdue")).to_have_count(0)
            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/inbox/?status=answered")
            expect(page.locator(".count")).to_have_text("1\u20131 of 1 (filtered)")
            page.go_back()
            expect(page.get_by_text("Paula Overdue")).to_be_visible()

            page.get_by_label("Clock").select_option("due_soon")
            expect(page.get_by_text("Rita Soon")).to_be_visible()
            expect(page.get_by_text("Sam Later")).to_have_count(0)
            page.get_by_label("Clock").select_option("")
            expect(page.get_by_text("Sam Later")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "inbox.png"), full_page=True)

            # The store switcher keeps the page and changes the store.
            page.locator("#store-switch").select_option(label="Other Store · DE")
            expect(page).to_have_url(f"{live_server.url}/s/{other_id}/inbox/")
            expect(page.get_by_text("Otto Elsewhere")).to_be_visible()
            expect(page.get_by_text("Paula Overdue")).to_have_count(0)

            # A phone: the nav scrolls sideways instead of wrapping the page.
            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.context.add_cookies(page.context.cookies())
            phone.goto(f"{live_server.url}/s/{store_id}/inbox/")
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the page is {width}px wide on a 390px phone"
            phone.screenshot(path=str(ARTIFACTS / "inbox-phone.png"), full_page=True)
        finally:
            browser.close()
