"""A 2-star review answered in Debian's chromium: open it from the list, write a response,
see the compliance check flag an added link and block saving, remove the link, save,
and see the review responded.

Run with ``pytest -m browser``. Without chromium this test fails, not skips.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from playwright.sync_api import expect, sync_playwright
from pytest_django.fixtures import Settings

from sellerdesk.audit.models import AuditEvent
from sellerdesk.reviews.models import Review, ReviewStatus
from tests.factories import MembershipFactory, ReviewFactory, StoreFactory, UserFactory
from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PASSWORD
from tests.web_support import FAST_HASHERS

RESPONSE = (
    "We are sorry the lid leaked. Please contact us through Amazon (Your Orders, then "
    "Contact seller) so that we can send you a replacement."
)
LINK = " Instructions: https://example.com/lid-help"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


def _desk() -> tuple[int, Review]:
    store = StoreFactory(name="Blue Harbor")
    user = UserFactory(email="casey@blueharbor.test")
    MembershipFactory(user=user, store=store, role="agent")
    review = ReviewFactory(
        store=store,
        asin="B0BOTTLE01",
        rating=2,
        title="Lid leaks after a week",
        body="The lid started leaking after a week in my bag.",
        reviewed_on=date(2026, 11, 1),
    )
    ReviewFactory(store=store, asin="B0BOTTLE01", rating=5, title="Keeps water cold")
    return store.pk, review


@pytest.mark.browser
def test_respond_to_a_two_star_review(live_server: Any, transactional_db: None) -> None:
    assert CHROMIUM.exists(), f"chromium is needed for browser tests: {CHROMIUM} is missing"
    store_id, review = _desk()
    ARTIFACTS.mkdir(exist_ok=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(f"{live_server.url}/s/{store_id}/reviews/")
            page.get_by_label("Email address").fill("casey@blueharbor.test")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/reviews/")

            # The 2-star review, from the list filtered by stars.
            page.get_by_label("Rating").select_option("2")
            expect(page.get_by_text("Keeps water cold")).to_have_count(0)
            page.get_by_role("link", name="Lid leaks after a week").click()
            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/reviews/{review.pk}/")
            expect(page.locator("#review-status")).to_have_text("New")

            box = page.get_by_label("Response")
            save = page.get_by_role("button", name="Record response")
            expect(box).not_to_have_value("")  # the draft
            expect(save).to_be_enabled()

            box.fill(RESPONSE + LINK)
            error = page.locator('.finding-error[data-rule="external_link"]')
            expect(error).to_be_visible()
            expect(error).to_contain_text("no links")
            expect(save).to_be_disabled()
            page.screenshot(path=str(ARTIFACTS / "review-response-link.png"), full_page=True)

            box.fill(RESPONSE)
            expect(error).to_have_count(0)
            expect(page.locator(".compliance-ok")).to_be_visible()
            expect(save).to_be_enabled()
            save.click()

            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/reviews/{review.pk}/")
            expect(page.get_by_text("Response recorded.")).to_be_visible()
            expect(page.locator("#review-status")).to_have_text("Responded")
            expect(page.locator("#response")).to_contain_text(RESPONSE)
            expect(page.locator("#response")).to_contain_text("by casey@blueharbor.test")
            expect(page.get_by_label("Response")).to_have_count(0)
            page.screenshot(path=str(ARTIFACTS / "review-responded.png"), full_page=True)
        finally:
            browser.close()

    review.refresh_from_db()
    assert (review.status, review.response) == (ReviewStatus.RESPONDED, RESPONSE)
    assert (
        AuditEvent.objects.filter(action="review.responded", target_id=str(review.pk)).count() == 1
    )
