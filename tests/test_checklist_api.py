"""Outstanding counts on fixtures, ``sellerdesk today --json`` and REST ``/checklist``.

One store in UTC, as of 2026-08-10 18:00 UTC (a Monday); each count's expected value
is worked out by hand beside the records that make it.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.checklist.selectors import task_outstanding
from sellerdesk.cli.main import main
from sellerdesk.stores.models import Store
from tests.factories import (
    ChargebackFactory,
    ClaimFactory,
    ConversationFactory,
    FeedbackFactory,
    MembershipFactory,
    QuestionFactory,
    ReturnFactory,
    ReviewFactory,
    StoreFactory,
    UserFactory,
)

API = "/api/v1"
NOW = datetime(2026, 8, 10, 18, tzinfo=UTC)
TASKS = {"messages", "returns", "feedback", "reviews", "claims", "chargebacks", "questions"}


def fill(store: Store) -> dict[str, tuple[int, int]]:
    """Records of each stream; returns the expected (outstanding, overdue) per task."""
    past, later = NOW - timedelta(hours=2), NOW + timedelta(hours=20)
    # messages: 2 waiting (1 past due), answered and no-response-needed ones left out.
    ConversationFactory(store=store, status="needs_response", due_at=past)
    ConversationFactory(store=store, status="needs_response", due_at=later)
    ConversationFactory(store=store, status="answered", due_at=past)
    ConversationFactory(store=store, status="no_response_needed")
    # returns: requested (overdue), received without refund; refunded and closed left out.
    ReturnFactory(store=store, status="requested", due_at=past)
    ReturnFactory(store=store, status="received", due_at=later)
    ReturnFactory(store=store, status="refunded", refunded_at=past)
    ReturnFactory(store=store, status="closed")
    # feedback: window 90 days -> left on or after 05-12. 1 of 5 qualifies.
    FeedbackFactory(store=store, rating=1, left_on=date(2026, 5, 12))  # counts (last day)
    FeedbackFactory(store=store, rating=1, left_on=date(2026, 5, 11))  # window closed
    FeedbackFactory(store=store, rating=3, left_on=date(2026, 8, 1))  # not negative
    FeedbackFactory(store=store, rating=2, status="removal_requested", left_on=date(2026, 8, 1))
    FeedbackFactory(store=store, rating=2, reply_status="posted", left_on=date(2026, 8, 1))
    # reviews: new at 3 stars and at 1 star count; 4 stars and a responded one do not.
    ReviewFactory(store=store, rating=3)
    ReviewFactory(store=store, rating=1)
    ReviewFactory(store=store, rating=4)
    ReviewFactory(store=store, rating=2, status="responded")
    # claims: action required (overdue), under review, granted with appeal open; denied out.
    ClaimFactory(store=store, status="action_required", due_at=past)
    ClaimFactory(store=store, status="under_review", due_at=None)
    ClaimFactory(store=store, status="granted", due_at=None, appeal_due_at=later)
    ClaimFactory(store=store, status="granted", due_at=None, appeal_due_at=past)
    ClaimFactory(store=store, status="denied", due_at=None)
    # chargebacks: one open in time; represented left out.
    ChargebackFactory(store=store, status="open", due_at=later)
    ChargebackFactory(store=store, status="represented", due_at=past)
    # questions: 2 unanswered, answered and dismissed left out.
    QuestionFactory(store=store, status="unanswered")
    QuestionFactory(store=store, status="unanswered")
    QuestionFactory(store=store, status="answered")
    QuestionFactory(store=store, status="dismissed")
    return {
        "messages": (2, 1),
        "returns": (2, 1),
        "feedback": (1, 0),
        "reviews": (2, 0),
        "claims": (3, 1),
        "chargebacks": (1, 0),
        "questions": (2, 0),
    }


@pytest.fixture
def shop(db: Any) -> Store:
    return StoreFactory(name="Cli Shop", timezone="UTC")


def test_outstanding_counts(shop: Store) -> None:
    expected = fill(shop)
    other = StoreFactory()
    fill(other)  # another store's records never count
    for task, (outstanding, overdue) in expected.items():
        counts = task_outstanding(store=shop, task=task, now=NOW)
        assert (counts.outstanding, counts.overdue) == (outstanding, overdue), task


@time_machine.travel(NOW, tick=False)
def test_cli_json_shape(shop: Store, capsys: pytest.CaptureFixture[str]) -> None:
    expected = fill(shop)
    assert main(["today", "--store", "Cli Shop", "--json", "--as-of", "2026-08-10"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["task"] for r in rows} == TASKS
    for row in rows:
        assert {"task", "cadence", "due", "outstanding", "done"} <= set(row)
        assert isinstance(row["outstanding"], int)
        assert isinstance(row["done"], bool)
        assert row["cadence"] in {"daily", "weekly", "monthly"}
        assert row["outstanding"] == expected[row["task"]][0]
        assert row["overdue_count"] == expected[row["task"]][1]
    dues = {r["task"]: r["due"] for r in rows}
    assert dues == {
        "messages": "2026-08-10", "returns": "2026-08-10", "feedback": "2026-08-16",
        "reviews": "2026-08-16", "claims": "2026-08-31", "chargebacks": "2026-08-31",
        "questions": "2026-08-31",
    }  # fmt: skip
    assert main(["today", "--store", "Cli Shop"]) == 0
    assert "messages" in capsys.readouterr().out
    assert main(["today", "--store", "Nope", "--json"]) == 2
    assert main(["today", "--store", "Cli Shop", "--as-of", "10.08.2026"]) == 2


def auth(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def member(store: Store, role: str) -> User:
    user = UserFactory()
    MembershipFactory(user=user, store=store, role=role)
    return user


@time_machine.travel(NOW, tick=False)
def test_api_list_and_tick_done(shop: Store) -> None:
    fill(shop)
    client = Client()
    agent = auth(member(shop, "agent"))
    response = client.get(f"{API}/checklist", {"store": shop.pk, "as_of": "2026-08-10"}, **agent)
    assert response.status_code == 200, response.content
    rows = {r["task"]: r for r in response.json()}
    assert set(rows) == TASKS
    assert rows["messages"]["outstanding"] == 2
    assert rows["messages"]["done"] is False
    task_id = rows["messages"]["id"]
    response = client.post(f"{API}/checklist/{task_id}/done", **agent)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["done"] is True
    assert body["snapshot"] == {"outstanding": 2, "overdue": 1}
    assert ChecklistTask.objects.get(pk=task_id).done_by is not None
    response = client.get(f"{API}/checklist", {"store": shop.pk}, **agent)
    assert {r["task"]: r["done"] for r in response.json()}["messages"] is True


@time_machine.travel(NOW, tick=False)
def test_api_viewers_refused_and_other_stores_404(shop: Store) -> None:
    client = Client()
    viewer = auth(member(shop, "viewer"))
    rows = client.get(f"{API}/checklist", {"store": shop.pk}, **viewer).json()
    task_id = rows[0]["id"]
    response = client.post(
        f"{API}/checklist/{task_id}/done", "{bad json", content_type="application/json", **viewer
    )
    assert response.status_code == 403
    assert ChecklistTask.objects.get(pk=task_id).done_at is None
    stranger = auth(member(StoreFactory(), "owner"))
    assert client.get(f"{API}/checklist", {"store": shop.pk}, **stranger).status_code == 404
    assert client.post(f"{API}/checklist/{task_id}/done", **stranger).status_code == 404
    assert ChecklistTask.objects.get(pk=task_id).done_at is None
