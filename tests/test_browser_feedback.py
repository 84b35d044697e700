"""A feedback removal request worked in Debian's chromium: find the eligible feedback in
the list, open it, see the ground and its evidence, copy the request text, record the
request, then post the one public reply through its confirmation step.

Run with ``pytest -m browser``. Without chromium this test fails, not skips.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import expect, sync_playwright
from pytest_django.fixtures import Settings

from sellerdesk.audit.models import AuditEvent
from sellerdesk.feedback.highlight import evidence_spans
from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.feedback.removal import PRODUCT_REVIEW
from sellerdesk.feedback.selectors import feedback_removal_state, store_today
from sellerdesk.feedback.services import feedback_reply_draft
from tests.factories import (
    FeedbackFactory,
    MembershipFactory,
    OrderFactory,
    StoreFactory,
    UserFactory,
)
from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PASSWORD
from tests.web_support import FAST_HASHERS

ORDER_ID = "113-4441234-7654321"
COMMENT = "Stopped working after two weeks, the battery is useless."


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


def _desk() -> tuple[int, Feedback]:
    store = StoreFactory(name="Blue Harbor")
    user = UserFactory(email="casey@blueharbor.test")
    MembershipFactory(user=user, store=store, role="agent")
    order = OrderFactory(store=store, amazon_order_id=ORDER_ID, fulfillment_channel="MFN")
    # Left five days ago in the store's time zone: 85 of the 90 days are left.
    left_on = store_today(store=store) - timedelta(days=5)
    feedback = FeedbackFactory(
        store=store,
        order=order,
        amazon_order_id=ORDER_ID,
        rating=1,
        comment=COMMENT,
        left_on=left_on,
    )
    FeedbackFactory(store=store, rating=5, comment="Lovely seller, fast shipping")
    return store.pk, feedback


@pytest.mark.browser
def test_request_removal_of_a_product_review_and_post_the_one_reply(
    live_server: Any, transactional_db: None
) -> None:
    assert CHROMIUM.exists(), f"chromium is needed for browser tests: {CHROMIUM} is missing"
    store_id, feedback = _desk()
    evidence = feedback_removal_state(feedback=feedback).check.evidence[PRODUCT_REVIEW]
    assert evidence
    draft = feedback_reply_draft(feedback=feedback).text
    ARTIFACTS.mkdir(exist_ok=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": 1366, "height": 900},
                permissions=["clipboard-read", "clipboard-write"],
            )
            page = context.new_page()
            page.goto(f"{live_server.url}/login/")
            page.get_by_label("Email address").fill("casey@blueharbor.test")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/inbox/")

            # The list: only the eligible feedback under "Eligible, can request now".
            page.get_by_role("navigation", name="Streams").get_by_role(
                "link", name="Feedback"
            ).click()
            page.get_by_label("Removal").select_option("requestable")
            expect(page).to_have_url(
                f"{live_server.url}/s/{store_id}/feedback/?removal=requestable"
            )
            rows = page.locator("table.records tbody tr")
            expect(rows).to_have_count(1)
            expect(rows.first).to_contain_text("Eligible")
            expect(rows.first).to_contain_text("Entirely a product review")
            expect(rows.first).to_contain_text("85 days left")
            page.screenshot(path=str(ARTIFACTS / "feedback-list.png"), full_page=True)
            rows.first.get_by_role("link", name=ORDER_ID).click()
            expect(page).to_have_url(f"{live_server.url}/s/{store_id}/feedback/{feedback.pk}/")

            # The removal panel: the ground, its evidence marked in the comment, the text.
            panel = page.locator("#removal")
            expect(panel.get_by_text("Eligible for removal")).to_be_visible()
            expect(panel.locator(".ground")).to_have_text(["Entirely a product review"])
            marks = page.locator("#feedback-comment mark.evidence")
            expect(marks.first).to_be_visible()
            expect(marks).to_have_text(
                [s.text for s in evidence_spans(COMMENT, {PRODUCT_REVIEW: evidence}) if s.grounds]
            )
            expect(page.locator("#feedback-comment")).to_have_text(COMMENT)
            request_text = page.locator("#removal-request-text")
            expect(request_text).to_have_value(
                re.compile(r"^We kindly request the removal of this feedback")
            )
            expect(panel.get_by_role("link", name="Open Feedback Manager")).to_have_attribute(
                "href", "https://sellercentral.amazon.com/feedback-manager/index.html"
            )
            panel.get_by_role("button", name="Copy text").click()
            expect(panel.get_by_role("status")).to_have_text("Copied.")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == request_text.input_value()
            expect(panel.locator("#removal-window")).to_contain_text("85 days left")

            # Request removal: the status changes, the countdown stays, outcomes appear.
            panel.get_by_role("button", name="Request removal").click()
            expect(page.locator(".message-success")).to_contain_text("Removal request recorded")
            expect(page.locator("#removal-status")).to_have_text("Removal requested")
            expect(page.locator("#feedback-status")).to_have_text("Removal requested")
            expect(page.locator("#removal-window")).to_contain_text("85 days left")
            for outcome in ("Removed", "Denied", "Struck through"):
                expect(page.locator("#removal").get_by_role("button", name=outcome)).to_be_visible()
            expect(
                page.locator("#removal").get_by_role("button", name="Request removal")
            ).to_have_count(0)
            expect(page.locator("#history")).to_contain_text("Removal requested")
            expect(page.locator("#history")).to_contain_text("casey@blueharbor.test")
            page.screenshot(path=str(ARTIFACTS / "feedback-removal.png"), full_page=True)

            # The public reply: the draft, checked live; an error blocks posting.
            reply = page.locator("#reply")
            expect(reply.locator(".one-reply-warning")).to_contain_text(
                "Amazon allows one public reply per feedback"
            )
            box = page.locator("#reply-text")
            expect(box).to_have_value(draft)
            box.press("End")
            box.press_sequentially(" Visit https://shop.example for more.")
            expect(reply.locator('.finding-error[data-rule="external_link"]')).to_be_visible()
            expect(page.locator("#post-reply")).to_be_disabled()
            box.fill(draft)
            box.press("End")
            expect(reply.locator(".compliance-ok")).to_be_visible()
            expect(page.locator("#post-reply")).to_be_enabled()

            # Posting takes a confirmation step: the text once more and the warning.
            page.locator("#post-reply").click()
            expect(page.locator("#reply-confirm-text")).to_have_text(draft)
            expect(reply.locator(".one-reply-warning")).to_contain_text("cannot be edited")
            expect(page.locator("#posted-reply")).to_have_count(0)
            page.locator("#reply").screenshot(path=str(ARTIFACTS / "feedback-reply-confirm.png"))
            page.get_by_role("button", name="Confirm: the reply is posted").click()

            expect(page.locator(".message-success")).to_contain_text("Public reply recorded")
            expect(page.locator("#posted-reply")).to_have_text(draft)
            expect(page.locator("#reply-text")).to_have_count(0)
            expect(page.locator("#history")).to_contain_text("Public reply posted")
            page.screenshot(path=str(ARTIFACTS / "feedback-reply.png"), full_page=True)
        finally:
            browser.close()

    saved = Feedback.objects.get(pk=feedback.pk)
    assert saved.status == FeedbackStatus.REMOVAL_REQUESTED
    assert (saved.reply_status, saved.your_response) == (ReplyStatus.POSTED, draft)
    assert list(
        AuditEvent.objects.filter(target_id=str(feedback.pk))
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["feedback.removal_requested", "feedback.reply_posted"]
