"""In chromium: add a webhook channel on the notifications page, send a test (htmx),
see the result inline, and find exactly one POST at a real local receiver.

Run with ``pytest -m browser``; fails (never skips) without chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect, sync_playwright
from pytest_django.fixtures import Settings

from sellerdesk.notifications.models import NotificationChannel
from sellerdesk.notifications.services import channel_url
from tests.factories import MembershipFactory, StoreFactory, UserFactory
from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PASSWORD
from tests.web_support import FAST_HASHERS
from tests.webhook_receiver import WebhookReceiver, start_webhook_receiver

SECRET = "brw-Kc81xQz4Lm"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    server = start_webhook_receiver()
    yield server
    server.stop()


@pytest.mark.browser
def test_add_a_webhook_channel_and_send_a_test(
    live_server: Any, transactional_db: None, receiver: WebhookReceiver
) -> None:
    assert CHROMIUM.exists(), f"chromium is needed for browser tests: {CHROMIUM} is missing"
    store = StoreFactory(name="Browser Store")
    user = UserFactory(email="notify@example.test")
    MembershipFactory(user=user, store=store, role="viewer")  # a viewer manages their own
    url = f"json://desk:{SECRET}@127.0.0.1:{receiver.port}/hook"
    ARTIFACTS.mkdir(exist_ok=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(f"{live_server.url}/login/")
            page.get_by_label("Email address").fill("notify@example.test")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("navigation", name="Streams")).to_be_visible()

            # From the user menu to the page.
            page.locator(".user-menu summary").click()
            page.get_by_role("menuitem", name="Notifications").click()
            expect(page).to_have_url(f"{live_server.url}/profile/notifications/")
            expect(page.get_by_role("heading", name="Notifications", exact=True)).to_be_visible()

            page.get_by_label("Name").fill("Desk webhook")
            page.get_by_label("Apprise URL").fill(url)
            page.get_by_role("button", name="Add channel").click()
            expect(page.get_by_text("Channel “Desk webhook” added.")).to_be_visible()
            row = page.locator("#channels tbody tr", has_text="Desk webhook")
            expect(row).to_contain_text(f"json://desk:****@127.0.0.1:{receiver.port}/hook")
            assert SECRET not in page.content()

            expect(row).to_contain_text("never")  # not sent yet
            row.get_by_role("button", name="Send test").click()
            expect(row.locator(".test-result")).to_have_text("Test sent to “Desk webhook”.")
            expect(row).not_to_contain_text("never")  # the row came back with "last sent"
            page.screenshot(path=str(ARTIFACTS / "notifications.png"), full_page=True)
            # htmx swapped the result in: the page did not reload (no message list).
            expect(page.get_by_text("Channel “Desk webhook” added.")).to_be_visible()
        finally:
            browser.close()

    [request] = receiver.received()
    assert (request.method, request.path) == ("POST", "/hook")
    assert request.json()["title"] == "sellerdesk test notification"
    channel = NotificationChannel.objects.get(user=user)
    assert channel_url(channel) == url
    assert channel.last_sent_at is not None
