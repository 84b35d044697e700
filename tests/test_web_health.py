"""The health dashboard and the checklist pages: figures as ``store_health`` has them,
charts, the checklist's buttons (htmx and plain forms), roles and scoping.

The store and its records are the trends fixture (``tests.test_health_trends``), seen
at 2026-08-31 12:00 UTC; the hand-computed figures are there.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.checklist.services import checklist_ensure, checklist_task_done
from sellerdesk.health.selectors import store_health
from sellerdesk.imports.models import AmazonPerformanceFigure
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store
from sellerdesk.web.charts import hours, percent
from tests.factories import MembershipFactory, StoreFactory, UserFactory
from tests.test_health_trends import AS_OF, NOW, fill

pytestmark = pytest.mark.django_db
ROW = re.compile(
    r'<tr data-figure="(?P<key>\w+)">.*?<td class="num figure-value">(?P<value>[^<]*)</td>'
    r'.*?data-status="(?P<status>\w+)"',
    re.S,
)


@pytest.fixture
def shop(db: None) -> Store:
    store = StoreFactory(name="Dash Shop", marketplace="GB", timezone="UTC", currency="GBP")
    fill(store)
    return store


def member(store: Store, role: str) -> User:
    user = UserFactory()
    MembershipFactory(user=user, store=store, role=role)
    return user


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name: str, store: Store, **kw: object) -> str:
    return reverse(name, kwargs={"store_id": store.pk, **kw})


def figures(html: str) -> dict[str, tuple[str, str]]:
    return {m["key"]: (m["value"], m["status"]) for m in ROW.finditer(html)}


@time_machine.travel(NOW, tick=False)
def test_dashboard_figures_are_store_healths(shop: Store) -> None:
    response = client_for(member(shop, "viewer")).get(url("health", shop))
    assert response.status_code == 200
    html = response.content.decode()
    health = store_health(store=shop, as_of=AS_OF, now=NOW)
    shown = figures(html)
    assert shown == {
        # Hand-computed in tests/test_health_trends.py: MFN 2 of 3 orders, AFN 0 of 1.
        "odr_mfn": ("66.67 %", "bad"),
        "odr_afn": ("0 %", "good"),
        # 30 days: one clock answered late (48 h), one unanswered but within 24 h at noon.
        "late_response": ("100 %", "bad"),
        "avg_response": ("48 h", "none"),
        "feedback_rating": ("20 %", "none"),
        "return_rate": ("10 %", "none"),
        "late_shipment": ("—", "none"),
        # No seller-fulfilled order bought in the 7 days 08-25 .. 08-31.
        "cancel_rate": ("—", "none"),
    }
    # ... and they are store_health's, formatted.
    assert shown["odr_mfn"][0] == percent(health.odr["mfn"].rate or 0)
    assert shown["late_response"][0] == percent(health.response[30].late_rate or 0)
    assert shown["avg_response"][0] == hours(health.response[30].avg_hours or 0)
    assert shown["feedback_rating"][0] == percent(health.feedback_rating["90"].rate or 0)
    assert shown["return_rate"][0] == percent(health.returns[30]["rate"] or 0)
    assert health.cancel_rate[7].rate is None
    assert health.late_shipment[30].rate is None
    # Four charts, each an accessible SVG with its data table.
    assert len(re.findall(r'<svg class="chart" id="chart-(\w+)"[^>]*role="img"', html)) == 4
    assert html.count("The chart's figures as a table") == 4
    # Defective orders link to the order and to the records of each defect.
    o3 = Order.objects.get(
        store=shop, purchase_date__date=date(2026, 7, 1), fulfillment_channel="MFN"
    )
    assert f'href="{url("orders_detail", shop, pk=o3.pk)}"' in html
    assert f'href="{url("claims_list", shop)}?q={o3.amazon_order_id}"' in html
    # O3 (ordered 07-01) leaves the window on 07-01 + 14 + 60 = 09-13; O5's chargeback is pending.
    assert "2026-09-13" in html
    assert "pending</span>" in html
    # The forecast: 3 orders, 2 defective (3 if O5's chargeback is lost).
    assert "100 %" in html.split('id="odr-mfn"')[1].split("</section>")[0]
    assert "No performance report imported yet" in html


@time_machine.travel(NOW, tick=False)
def test_the_store_home_and_nav_lead_to_the_dashboard(shop: Store) -> None:
    client = client_for(member(shop, "agent"))
    response = client.get(url("store_home", shop))
    assert response["Location"] == url("health", shop)
    html = client.get(url("health", shop)).content.decode()
    assert f'<a href="{url("health", shop)}" aria-current="page">Health</a>' in html
    # The store switcher keeps the dashboard.
    response = client.get(reverse("store_switch"), {"store": shop.pk, "to": "health"})
    assert response["Location"] == url("health", shop)


@time_machine.travel(NOW, tick=False)
def test_as_of_an_earlier_day(shop: Store) -> None:
    html = client_for(member(shop, "viewer")).get(url("health", shop), {"as_of": "2026-08-17"})
    shown = figures(html.content.decode())
    assert shown["odr_mfn"] == ("50 %", "bad")  # 2 of 4, as the trend's first point
    assert shown["feedback_rating"][0] == "33.33 %"


@time_machine.travel(NOW, tick=False)
def test_checklist_beside_the_figures_with_buttons_for_agents_only(shop: Store) -> None:
    agent_html = client_for(member(shop, "agent")).get(url("health", shop)).content.decode()
    viewer_html = client_for(member(shop, "viewer")).get(url("health", shop)).content.decode()
    tasks = ChecklistTask.objects.filter(store=shop, period_start__lte=AS_OF, due__gte=AS_OF)
    assert tasks.count() == 7
    for task in tasks:
        done = url("checklist_done", shop, pk=task.pk)
        assert f'id="task-{task.pk}"' in agent_html
        assert f'id="task-{task.pk}"' in viewer_html
        assert f'action="{done}"' in agent_html
        assert f'action="{done}"' not in viewer_html
    assert "Done</button>" not in viewer_html


@time_machine.travel(NOW, tick=False)
def test_tick_and_undo_without_javascript(shop: Store) -> None:
    agent = member(shop, "agent")
    client = client_for(agent)
    task = next(t for t in checklist_ensure(store=shop, day=AS_OF) if t.task == "returns")
    back = url("health", shop)
    response = client.post(url("checklist_done", shop, pk=task.pk), {"next": back})
    assert response.status_code == 302
    assert response["Location"] == back
    task.refresh_from_db()
    assert task.done_by == agent
    # The page shows it done, with an undo button.
    html = client.get(back).content.decode()
    row = html.split(f'id="task-{task.pk}"')[1].split("</li>")[0]
    assert "badge-on-time" in row
    assert "Undo</button>" in row
    # A next pointing elsewhere is ignored.
    response = client.post(
        url("checklist_undo", shop, pk=task.pk), {"next": "https://evil.example/"}
    )
    assert response["Location"] == url("checklist", shop)
    task.refresh_from_db()
    assert task.done_at is None


@time_machine.travel(NOW, tick=False)
def test_tick_and_undo_with_htmx_swap_the_row(shop: Store) -> None:
    client = client_for(member(shop, "owner"))
    task = next(t for t in checklist_ensure(store=shop, day=AS_OF) if t.task == "messages")
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": f"task-{task.pk}"}
    response = client.post(url("checklist_done", shop, pk=task.pk), **htmx)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li class="task task-done" id="task-{task.pk}"')
    assert "<html" not in html
    assert url("checklist_undo", shop, pk=task.pk) in html
    response = client.post(url("checklist_undo", shop, pk=task.pk), **htmx)
    assert response.status_code == 200
    assert url("checklist_done", shop, pk=task.pk) in response.content.decode()
    # Undo again: nothing to undo, the row says why.
    response = client.post(url("checklist_undo", shop, pk=task.pk), **htmx)
    assert response.status_code == 409
    assert "not ticked done" in response.content.decode()


def test_viewers_get_403_on_done_and_undo(shop: Store) -> None:
    agent, viewer = member(shop, "agent"), member(shop, "viewer")
    with time_machine.travel(NOW, tick=False):
        task = next(t for t in checklist_ensure(store=shop, day=AS_OF) if t.task == "reviews")
        client = client_for(viewer)
        assert client.post(url("checklist_done", shop, pk=task.pk)).status_code == 403
        task.refresh_from_db()
        assert task.done_at is None
        checklist_task_done(task=task, actor=agent)
        assert client.post(url("checklist_undo", shop, pk=task.pk)).status_code == 403
        task.refresh_from_db()
        assert task.done_by == agent


@time_machine.travel(NOW, tick=False)
def test_another_stores_task_is_404(shop: Store) -> None:
    other = StoreFactory(name="Other Shop", timezone="UTC")
    theirs = checklist_ensure(store=other, day=AS_OF)[0]
    user = member(shop, "owner")
    MembershipFactory(user=user, store=other, role="owner")  # a member of both, even
    client = client_for(user)
    for name in ("checklist_done", "checklist_undo"):
        assert client.post(url(name, shop, pk=theirs.pk)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.done_at is None
    stranger = client_for(member(StoreFactory(name="Third"), "owner"))
    assert stranger.get(url("health", shop)).status_code == 404
    assert stranger.get(url("checklist", shop)).status_code == 404
    assert stranger.post(url("checklist_done", shop, pk=theirs.pk)).status_code == 404
    # GET on the endpoints: not a page.
    assert (
        client.get(
            url("checklist_done", shop, pk=checklist_ensure(store=shop, day=AS_OF)[0].pk)
        ).status_code
        == 405
    )


def test_checklist_page_history(shop: Store) -> None:
    agent = member(shop, "agent")
    last_week = AS_OF - timedelta(days=7)
    done_at = NOW - timedelta(days=7)
    rows = checklist_ensure(store=shop, day=last_week)
    messages = next(t for t in rows if t.task == "messages")
    checklist_task_done(task=messages, actor=agent, now=done_at)
    with time_machine.travel(NOW, tick=False):
        html = client_for(member(shop, "viewer")).get(url("checklist", shop)).content.decode()
    history = html.split('id="history-heading"')[1]
    # Last Monday's messages task: done by the agent at 12:00 UTC with its snapshot;
    # its returns task: overdue.
    assert agent.email in history
    assert "2026-08-24 12:00 +00:00" in history
    assert history.count("badge-overdue") >= 1
    assert "Handle customer returns" in history
    today = html.split('id="today-heading"')[1].split('id="history-heading"')[0]
    assert today.count('<li class="task') == 7
    assert "ticking needs the agent or owner role" in today


@time_machine.travel(NOW, tick=False)
def test_amazons_figures_beside_the_desks(shop: Store) -> None:
    # Amazon's ODR for the desk's MFN window (06-19 .. 08-17): 1 of 4 orders, 1 negative
    # feedback. The desk: 2 of 3 orders, 2 negative feedback, 1 claim.
    AmazonPerformanceFigure.objects.create(
        store=shop,
        channel="mfn",
        metric="order_defect_rate",
        period_start=date(2026, 6, 19),
        period_end=date(2026, 8, 17),
        rate=Decimal("0.25"),
        count=1,
        total=4,
        details={"negative_feedback": 1, "claims": 0, "chargebacks": 0},
        imported_at=NOW - timedelta(days=2),
    )
    html = client_for(member(shop, "viewer")).get(url("health", shop)).content.decode()
    assert "No performance report imported yet" not in html
    table = html.split('data-recon="odr-mfn"')[1].split("</table>")[0]
    cells = [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>.*?</t[hd]>", table)
    ]
    rows = [cells[i : i + 4] for i in range(4, len(cells), 4)]
    assert rows == [
        ["Rate", "25 %", "66.67 %", "+41.67 %"],
        ["Orders", "4", "3", "\u22121"],
        ["Orders with defects", "1", "2", "+1"],
        ["Negative feedback", "1", "2", "+1"],
        ["A-to-z claims", "0", "1", "+1"],
        ["Chargebacks", "0", "0", "0"],
    ]
    # O4's feedback (left 08-31) came after Amazon's report was imported (08-29): that
    # difference is explained; the claim was filed on 08-20, before it: not explained.
    explanations = html.split('class="explanations"')[1].split("</ul>")[0]
    o4 = Order.objects.get(store=shop, purchase_date__date=date(2026, 8, 12))
    feedback_line, claims_line, orders_line = re.findall(r"<li>.*?</li>", explanations, re.S)
    assert feedback_line.startswith("<li><strong>negative_feedback +1</strong>")
    assert o4.amazon_order_id in feedback_line
    assert "recorded after Amazon&#x27;s report was imported" in feedback_line
    assert claims_line.startswith("<li><strong>claims +1</strong>")
    assert "not fully explained" in claims_line
    assert "the desk is missing orders of the period" in orders_line


@time_machine.travel(NOW, tick=False)
def test_an_empty_store_shows_no_data(db: None) -> None:
    empty = StoreFactory(name="Empty Shop", timezone="UTC")
    client = client_for(member(empty, "agent"))
    html = client.get(url("health", empty)).content.decode()
    shown = figures(html)
    assert set(shown) == {
        "odr_mfn", "odr_afn", "late_response", "avg_response", "feedback_rating",
        "return_rate", "late_shipment", "cancel_rate",
    }  # fmt: skip
    assert set(shown.values()) == {("—", "none")}
    assert html.count(">No data</text>") == 4
    # A day that is not one, in the future or absurdly early: today's figures.
    for asked in ("yesterday", "2027-01-01", "0001-01-01"):
        response = client.get(url("health", empty), {"as_of": asked})
        assert response.status_code == 200
        assert "as of 2026-08-31" in response.content.decode()
