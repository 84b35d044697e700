"""The health dashboard in Debian's chromium: the charts are drawn (each chart's
screenshot is looked at, pixel by pixel), a checklist task is ticked done and
undone in place, and the page fits a phone.

Run with ``pytest -m browser``; without chromium this fails rather than skips.
"""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.db import connections
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect, sync_playwright
from pytest_django.fixtures import Settings

from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.messaging.models import Direction
from sellerdesk.stores.models import Store
from tests.factories import (
    ClaimFactory,
    ConversationFactory,
    FeedbackFactory,
    MembershipFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
    ReturnFactory,
    StoreFactory,
    UserFactory,
)
from tests.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PASSWORD
from tests.web_support import FAST_HASHERS

LINE_BLUE = (0x1A, 0x5F, 0xD0)  # web.charts.COLOURS[0]
TARGET_AMBER = (0xA1, 0x5C, 0x00)  # web.charts.REFERENCE_COLOUR


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch: pytest.MonkeyPatch) -> None:
    # Playwright's sync API runs an event loop in this thread, so Django refuses ORM
    # calls here; the test reads the database between browser steps, never concurrently.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _store(now: Any) -> Store:
    """Five months of orders (one a day, MFN and AFN), some with negative feedback or a
    claim, answered buyer messages, positive feedback, shipped units and returns: every
    chart has points."""
    store = StoreFactory(name="Dashboard Store", timezone="UTC")
    user = UserFactory(email="dash@example.test")
    MembershipFactory(user=user, store=store, role="agent")
    for back in range(1, 160):
        when = now - timedelta(days=back, hours=3)
        channel = "AFN" if back % 3 == 0 else "MFN"
        order = OrderFactory(
            store=store, purchase_date=when, shipped_at=when, fulfillment_channel=channel
        )
        OrderItemFactory(order=order, quantity_ordered=2, quantity_shipped=2)
        if back % 9 == 0:
            FeedbackFactory(
                store=store,
                amazon_order_id=order.amazon_order_id,
                rating=1,
                left_on=(when + timedelta(days=3)).date(),
            )
        if back % 23 == 0:
            ClaimFactory(
                store=store,
                amazon_order_id=order.amazon_order_id,
                status="granted",
                filed_at=when + timedelta(days=5),
            )
        if back % 2 == 0:
            FeedbackFactory(store=store, rating=5, left_on=(when + timedelta(days=2)).date())
        if back % 7 == 0:
            ReturnFactory(
                store=store,
                amazon_order_id=order.amazon_order_id,
                quantity=1,
                requested_at=when + timedelta(days=4),
            )
        if back % 4 == 0:
            conversation = ConversationFactory(store=store, status="answered", due_at=None)
            MessageFactory(conversation=conversation, sent_at=when)
            MessageFactory(
                conversation=conversation,
                direction=Direction.OUTBOUND,
                sender="us",
                sent_at=when + timedelta(hours=2 + back % 30),
            )
    ConversationFactory(store=store, status="needs_response", due_at=now + timedelta(hours=3))
    return store


def _looked_at(png: bytes) -> tuple[int, int, int, int]:
    """(pixels, pixels that are not white, distinct colours, pixels near the line's blue)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    data = image.tobytes()
    pixels = [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]
    inked = sum(1 for p in pixels if min(p) < 235)
    blue = sum(1 for p in pixels if all(abs(a - b) < 40 for a, b in zip(p, LINE_BLUE, strict=True)))
    return len(pixels), inked, len(set(pixels)), blue


@pytest.mark.browser
def test_dashboard_charts_checklist_and_phone(live_server: Any, transactional_db: None) -> None:
    assert CHROMIUM.exists(), f"chromium is needed for browser tests: {CHROMIUM} is missing"
    store = _store(timezone.now())
    ARTIFACTS.mkdir(exist_ok=True)
    base = f"{live_server.url}/s/{store.pk}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(f"{base}/")
            page.get_by_label("Email address").fill("dash@example.test")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page).to_have_url(f"{base}/health/")
            expect(page.get_by_role("heading", name="Account health")).to_be_visible()
            nav = page.get_by_role("navigation", name="Streams")
            expect(nav.get_by_role("link", name="Health")).to_have_attribute("aria-current", "page")
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

            charts = page.locator("svg.chart")
            expect(charts).to_have_count(4)
            for index in range(4):
                chart = charts.nth(index)
                key = chart.get_attribute("id")
                chart.scroll_into_view_if_needed()
                png = chart.screenshot(path=str(ARTIFACTS / f"dashboard-{key}.png"))
                total, inked, colours, blue = _looked_at(png)
                # Axis text, grid, the target line and a data line: far from blank.
                assert inked > total * 0.02, f"{key}: only {inked} of {total} pixels drawn"
                assert colours > 20, f"{key}: {colours} colours, a blank or flat image"
                assert blue > 150, f"{key}: the data line is missing ({blue} blue pixels)"
                expect(chart.locator("g.reference line")).to_have_count(1)
                assert chart.locator("circle.point").count() >= 10, key
                assert chart.get_attribute("role") == "img"
                expect(chart.locator("title").first).not_to_be_empty()

            # Tick "Answer buyer messages" done: the row turns done in place (htmx).
            task = ChecklistTask.objects.get(store=store, task="messages", cadence="daily")
            row = page.locator(f"#task-{task.pk}")
            expect(row.locator(".badge-on-time")).to_have_count(0)
            row.get_by_role("button", name="Done: Answer buyer messages").click()
            expect(row.locator(".badge-on-time")).to_have_text("Done")
            expect(row.get_by_role("button", name="Undo: Answer buyer messages")).to_be_visible()
            assert page.url == f"{base}/health/"  # swapped, not reloaded elsewhere
            task.refresh_from_db()
            assert task.done_by is not None
            assert task.done_by.email == "dash@example.test"
            assert task.snapshot == {"outstanding": 1, "overdue": 0}
            row.screenshot(path=str(ARTIFACTS / "dashboard-task-done.png"))
            row.get_by_role("button", name="Undo: Answer buyer messages").click()
            expect(row.get_by_role("button", name="Done: Answer buyer messages")).to_be_visible()
            task.refresh_from_db()
            assert task.done_at is None

            # A phone: one column, nothing wider than the screen, charts scaled down.
            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.context.add_cookies(page.context.cookies())
            phone.goto(f"{base}/health/")
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the dashboard is {width}px wide on a 390px phone"
            for index in range(4):
                box = phone.locator("svg.chart").nth(index).bounding_box()
                assert box is not None
                assert box["x"] >= 0
                assert box["x"] + box["width"] <= 390
            checklist = phone.locator(".dash-side").bounding_box()
            figures = phone.locator("#figures-heading").bounding_box()
            assert checklist is not None
            assert figures is not None
            assert checklist["y"] < figures["y"], "on a phone the checklist comes first"
            phone.screenshot(path=str(ARTIFACTS / "dashboard-phone.png"), full_page=True)
        finally:
            browser.close()
            # Queries inside sync_playwright run in its greenlet's context, which has its own
            # database connection: close it here, or PostgreSQL keeps a session open and the
            # test database cannot be dropped at the end of the run.
            connections.close_all()
