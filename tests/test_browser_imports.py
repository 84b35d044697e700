"""Uploading Amazon's orders report in Debian's chromium, then the order it brought in.

Run with ``pytest -m browser``. Without chromium this test fails, not skips.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect, sync_playwright
from pytest_django.fixtures import Settings

from sellerdesk.imports.models import ImportRun
from sellerdesk.orders.models import Order
from tests.factories import MembershipFactory, StoreFactory, UserFactory
from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PASSWORD
from tests.web_support import FAST_HASHERS

ORDERS = Path(__file__).parent / "data" / "reports" / "orders_us.tsv"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.mark.browser
def test_upload_the_orders_report_and_see_the_counts(
    live_server: Any, transactional_db: None
) -> None:
    assert CHROMIUM.exists(), f"chromium is needed for browser tests: {CHROMIUM} is missing"
    store = StoreFactory(name="Upload Store")
    user = UserFactory(email="uploader@example.test")
    MembershipFactory(user=user, store=store, role="agent")
    ARTIFACTS.mkdir(exist_ok=True)
    base = live_server.url

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 860})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{base}/login/")
            page.get_by_label("Email address").fill("uploader@example.test")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page).to_have_url(f"{base}/s/{store.pk}/inbox/")

            # From the user menu to the import page.
            page.locator(".user-menu summary").click()
            page.get_by_role("menuitem", name="Import reports").click()
            expect(page).to_have_url(f"{base}/s/{store.pk}/imports/")
            expect(page.get_by_text("No imports yet.")).to_be_visible()

            page.get_by_label("Kind of file").select_option("orders")
            page.get_by_label("File", exact=True).set_input_files(str(ORDERS))
            page.get_by_role("button", name="Import").click()
            result = page.locator("#import-result")
            expect(result).to_contain_text("Imported orders_us.tsv as orders")
            counts = result.locator("dd")
            expect(counts).to_have_text(["3", "3", "0", "0", "utf-8"])
            history = page.locator("#results tbody tr")
            expect(history).to_have_count(1)
            expect(history.first).to_contain_text("3 rows: 3 created, 0 updated, 0 unchanged")
            page.screenshot(path=str(ARTIFACTS / "imports.png"), full_page=True)

            # The same file again changes nothing; the kind is kept for the next file.
            expect(page.get_by_label("Kind of file")).to_have_value("orders")
            page.get_by_label("File", exact=True).set_input_files(str(ORDERS))
            page.get_by_role("button", name="Import").click()
            expect(result.locator("dd")).to_have_text(["3", "0", "0", "3", "utf-8"])
            expect(history).to_have_count(2)

            # The order it brought in asks Amazon for its live details, lazily: this
            # store has no Selling Partner API connection, and the page says so.
            page.get_by_role("navigation", name="Streams").get_by_role(
                "link", name="Orders"
            ).click()
            page.get_by_role("link", name="111-0944945-3989852").click()
            expect(page.locator("#amazon-details")).to_contain_text(
                "not connected to Amazon's Selling Partner API"
            )
            expect(page.get_by_role("link", name="Message the buyer")).to_be_visible()
            assert errors == []
        finally:
            browser.close()

    assert Order.objects.filter(store=store).count() == 2
    runs = list(ImportRun.objects.filter(store=store).order_by("pk"))
    assert [(r.source, r.user_id, r.created, r.unchanged) for r in runs] == [
        ("upload", user.pk, 3, 0),
        ("upload", user.pk, 0, 3),
    ]
