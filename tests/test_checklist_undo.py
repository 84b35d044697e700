"""Undoing a tick (``checklist_task_undo``, ``POST /checklist/{id}/undo``) and the feedback
task's row when a store turns large or small in the middle of a week.

The store is in UTC; Monday 2026-08-10 starts the week 08-10 .. 08-16.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.test import Client

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.audit.models import AuditEvent
from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.checklist.selectors import checklist_overdue
from sellerdesk.checklist.services import (
    ChecklistUndoRefused,
    checklist_ensure,
    checklist_for_day,
    checklist_task_done,
    checklist_task_undo,
)
from sellerdesk.stores.models import Store
from tests.factories import ConversationFactory, MembershipFactory, StoreFactory, UserFactory

API = "/api/v1"
MONDAY = date(2026, 8, 10)
NOW = datetime(2026, 8, 10, 18, tzinfo=UTC)


@pytest.fixture
def shop(db: None) -> Store:
    return StoreFactory(name="Undo Shop", timezone="UTC", large_store_override=False)


def member(store: Store, role: str) -> User:
    user = UserFactory()
    MembershipFactory(user=user, store=store, role=role)
    return user


def task_of(store: Store, name: str, day: date = MONDAY) -> ChecklistTask:
    return next(t for t in checklist_ensure(store=store, day=day) if t.task == name)


def test_undo_in_the_same_period_is_audited(shop: Store) -> None:
    agent, other = member(shop, "agent"), member(shop, "owner")
    ConversationFactory(store=shop, status="needs_response", due_at=NOW - timedelta(hours=1))
    task = checklist_task_done(task=task_of(shop, "messages"), actor=agent, now=NOW)
    assert task.snapshot == {"outstanding": 1, "overdue": 1}

    undone = checklist_task_undo(task=task, user=other, now=NOW + timedelta(hours=1))
    assert (undone.done_at, undone.done_by, undone.snapshot) == (None, None, {})
    event = AuditEvent.objects.get(action="checklist.undone")
    assert event.actor == other
    assert event.target_id == str(task.pk)
    assert event.data == {
        "task": "messages",
        "cadence": "daily",
        "was_done_at": NOW.isoformat(),
        "was_done_by": agent.email,
        "snapshot": {"outstanding": 1, "overdue": 1},
    }
    # Not done any more: a second undo is refused, and nothing more is audited.
    with pytest.raises(ChecklistUndoRefused, match="not ticked done"):
        checklist_task_undo(task=undone, user=other, now=NOW + timedelta(hours=2))
    assert AuditEvent.objects.filter(action="checklist.undone").count() == 1
    # It can be ticked again, with a fresh snapshot.
    again = checklist_task_done(task=undone, actor=other, now=NOW + timedelta(hours=3))
    assert again.done_by == other


def test_undo_is_refused_once_the_period_has_ended(shop: Store) -> None:
    agent = member(shop, "agent")
    daily = checklist_task_done(task=task_of(shop, "messages"), actor=agent, now=NOW)
    weekly = checklist_task_done(task=task_of(shop, "reviews"), actor=agent, now=NOW)
    tuesday = NOW + timedelta(days=1)
    with pytest.raises(ChecklistUndoRefused, match="ended"):
        checklist_task_undo(task=daily, user=agent, now=tuesday)
    daily.refresh_from_db()
    assert daily.done_by == agent
    # The weekly task's period (to Sunday 08-16) lasts: it can be undone on Sunday night.
    sunday_night = datetime(2026, 8, 16, 23, 59, tzinfo=UTC)
    assert checklist_task_undo(task=weekly, user=agent, now=sunday_night).done_at is None


def test_viewers_cannot_undo(shop: Store) -> None:
    agent, viewer = member(shop, "agent"), member(shop, "viewer")
    task = checklist_task_done(task=task_of(shop, "returns"), actor=agent, now=NOW)
    with pytest.raises(PermissionDenied):
        checklist_task_undo(task=task, user=viewer, now=NOW)
    task.refresh_from_db()
    assert task.done_by == agent


def auth(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@time_machine.travel(NOW, tick=False)
def test_api_undo(shop: Store) -> None:
    client = Client()
    agent, viewer = auth(member(shop, "agent")), auth(member(shop, "viewer"))
    stranger = auth(member(StoreFactory(), "owner"))
    task_id = task_of(shop, "messages").pk
    assert client.post(f"{API}/checklist/{task_id}/done", **agent).status_code == 200

    assert client.post(f"{API}/checklist/{task_id}/undo", **viewer).status_code == 403
    assert client.post(f"{API}/checklist/{task_id}/undo", **stranger).status_code == 404
    assert ChecklistTask.objects.get(pk=task_id).done_at is not None

    response = client.post(f"{API}/checklist/{task_id}/undo", **agent)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["done"], body["done_by"], body["snapshot"]) == (False, None, None)
    again = client.post(f"{API}/checklist/{task_id}/undo", **agent)
    assert again.status_code == 409
    assert "not ticked done" in again.json()["detail"]


# --- a store that turns large or small in the middle of a week --------------------------


def feedback_rows(store: Store) -> set[tuple[str, date, bool]]:
    return {
        (t.cadence, t.period_start, t.done_at is not None)
        for t in ChecklistTask.objects.filter(store=store, task="feedback")
    }


def test_turning_large_mid_week_drops_the_open_weekly_feedback_row(shop: Store) -> None:
    wednesday = MONDAY + timedelta(days=2)
    with time_machine.travel(NOW, tick=False):
        monday = {r["task"]: r for r in checklist_for_day(store=shop)}
    assert monday["feedback"]["cadence"] == "weekly"
    assert feedback_rows(shop) == {("weekly", MONDAY, False)}

    shop.large_store_override = True  # the owner says: large, from Wednesday on
    shop.save()
    with time_machine.travel(NOW + timedelta(days=2), tick=False):
        today = {r["task"]: r for r in checklist_for_day(store=shop)}
    assert today["feedback"]["cadence"] == "daily"
    # The weekly row was never going to be worked: gone, so it cannot go overdue.
    assert feedback_rows(shop) == {("daily", wednesday, False)}
    with time_machine.travel(NOW + timedelta(days=7), tick=False):
        overdue = checklist_overdue(store=shop, day=MONDAY + timedelta(days=7))
        next_monday = {r["task"]: r for r in checklist_for_day(store=shop)}
    assert [(t.cadence, t.period_start) for t in overdue if t.task == "feedback"] == [
        ("daily", wednesday)
    ]
    assert next_monday["feedback"]["missed_periods"] == 1


def test_a_ticked_row_of_the_old_cadence_stays_as_history(shop: Store) -> None:
    agent = member(shop, "agent")
    with time_machine.travel(NOW, tick=False):
        weekly = next(r for r in checklist_for_day(store=shop) if r["task"] == "feedback")
        checklist_task_done(task=ChecklistTask.objects.get(pk=weekly["id"]), actor=agent, now=NOW)
    shop.large_store_override = True
    shop.save()
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        checklist_for_day(store=shop)
    assert feedback_rows(shop) == {
        ("weekly", MONDAY, True),
        ("daily", MONDAY + timedelta(days=1), False),
    }


def test_turning_small_drops_todays_open_daily_row_but_keeps_past_days(db: None) -> None:
    shop = StoreFactory(name="Big Shop", timezone="UTC", large_store_override=True)
    with time_machine.travel(NOW, tick=False):
        checklist_for_day(store=shop)  # Monday's daily row
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        checklist_for_day(store=shop)  # Tuesday's
        shop.large_store_override = False
        shop.save()
        rows = {r["task"]: r for r in checklist_for_day(store=shop)}
    assert rows["feedback"]["cadence"] == "weekly"
    # Monday was planned daily and stays (overdue once the day is over); Tuesday's
    # daily row is replaced by this week's weekly one.
    assert feedback_rows(shop) == {("daily", MONDAY, False), ("weekly", MONDAY, False)}


def test_asking_about_a_past_day_never_drops_its_rows(shop: Store) -> None:
    with time_machine.travel(NOW, tick=False):
        checklist_for_day(store=shop)
    shop.large_store_override = True
    shop.save()
    # A week later someone looks at the past Monday: the store is large now, so that
    # day's plan reads daily, but the weekly row of that (ended) week is history.
    with time_machine.travel(NOW + timedelta(days=7), tick=False):
        checklist_for_day(store=shop, day=MONDAY)
    assert ("weekly", MONDAY, False) in feedback_rows(shop)
