"""A claim worked in Debian's chromium: open it, record a response from the draft,
open its evidence pack and download the PDF.

Run with ``pytest -m browser``. Without chromium this test fails, not skips.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect, sync_playwright
from pytest_django.fixtures import Settings

from sellerdesk.claims.models import Claim
from sellerdesk.messaging.models import Direction
from tests.factories import (
    ClaimFactory,
    ConversationFactory,
    MembershipFactory,
    MessageFactory,
    OrderFactory,
    StoreFactory,
    UserFactory,
)
from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PASSWORD
from tests.web_support import FAST_HASHERS

ORDER_ID = "112-5551234-7654321"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


def _desk() -> tuple[int, Claim]:
    now = timezone.now()
    store = StoreFactory(name="Blue Harbor")
    user = UserFactory(email="casey@blueharbor.test")
    MembershipFactory(user=user, store=store, role="agent")
    order = OrderFactory(
        store=store,
        amazon_order_id=ORDER_ID,
        purchase_date=now - timedelta(days=9),
        shipped_at=now - timedelta(days=8),
        carrier="UPS",
        tracking_number="1Z999AA10123456784",
        delivered_at=now - timedelta(days=5),
    )
    conversation = ConversationFactory(store=store, order=order, amazon_order_id=ORDER_ID)
    MessageFactory(
        conversation=conversation,
        body_text="<b>Where</b> is my bottle?",
        sent_at=now - timedelta(days=3),
    )
    MessageFactory(
        conversation=conversation,
        direction=Direction.OUTBOUND,
        body_text="It was delivered on Monday.",
        sent_at=now - timedelta(days=3, hours=-2),
    )
    claim = ClaimFactory(
        store=store,
        amazon_order_id=ORDER_ID,
        order=order,
        filed_at=now - timedelta(hours=30),
        due_at=now + timedelta(hours=18, minutes=30),
    )
    return store.pk, claim


@pytest.mark.browser
def test_work_a_claim_and_download_its_evidence_pdf(
    live_server: Any, transactional_db: None
) -> None:
    assert CHROMIUM.exists(), f"chromium is needed for browser tests: {CHROMIUM} is missing"
    store_id, claim = _desk()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(accept_downloads=True)
            page = context.new_page()
            page.goto(f"{live_server.url}/login/")
            page.get_by_label("Email address").fill("casey@blueharbor.test")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/inbox/")

            # The claims list: the ODR column and the deadline badge.
            page.get_by_role("navigation", name="Streams").get_by_role(
                "link", name="Claims"
            ).click()
            row = page.locator("tr", has_text=ORDER_ID)
            expect(row.locator(".odr")).to_have_text("Pending")
            # Due in 18 hours: inside the claim's 24-hour "due soon" window.
            expect(row.locator(".badge-due-soon")).to_have_text(re.compile(r"^18h [23]\dm left$"))

            # Open the claim: the response form holds the draft from the order's facts.
            row.get_by_role("link", name=ORDER_ID).click()
            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/claims/{claim.pk}/")
            response = page.get_by_label("Response to Amazon")
            expect(response).to_have_value(re.compile(r"Tracking number: 1Z999AA10123456784\."))
            response.fill(
                response.input_value() + "Photos of the delivered parcel are in our message."
            )
            page.get_by_role("button", name="Record response").click()
            expect(page.locator(".message-success")).to_have_text("Response recorded.")
            timeline = page.locator(".timeline")
            expect(timeline).to_contain_text("Responded to Amazon")
            expect(timeline).to_contain_text("casey@blueharbor.test")
            expect(timeline).to_contain_text("Photos of the delivered parcel")
            expect(page.locator(".page-head .pill-under_review")).to_have_text("Under review")
            page.screenshot(path=str(ARTIFACTS / "claim-worked.png"), full_page=True)

            # The evidence pack: the facts, the buyer's text escaped, the timeline.
            page.get_by_role("link", name="Open the evidence pack").click()
            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/claims/{claim.pk}/evidence/")
            expect(page.get_by_role("heading", name=f"A-to-z claim {ORDER_ID}")).to_be_visible()
            expect(page.get_by_text("<b>Where</b> is my bottle?")).to_be_visible()
            expect(page.locator(".timeline")).to_contain_text("Responded to Amazon")
            page.screenshot(path=str(ARTIFACTS / "claim-evidence.png"), full_page=True)

            with page.expect_download() as caught:
                page.get_by_role("link", name="Download PDF").click()
            download = caught.value
            assert download.suggested_filename == f"evidence-claim-{ORDER_ID}.pdf"
            target = ARTIFACTS / download.suggested_filename
            download.save_as(str(target))
            assert target.read_bytes().startswith(b"%PDF")
        finally:
            browser.close()
    claim.refresh_from_db()
    assert claim.status == "under_review"
    assert claim.due_at is None
