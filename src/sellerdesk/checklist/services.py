"""Writes for the seller's checklist: rows per period, created on demand and by the
daily job, and ticking a task done with a snapshot of its counts as evidence."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.checklist.selectors import (
    checklist_plan,
    moment_for,
    period_for,
    store_today,
    task_as_dict,
    task_outstanding,
)
from sellerdesk.policy import policy_value
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import user_can_write


def checklist_ensure(*, store: Store, day: date) -> list[ChecklistTask]:
    """The rows of the periods that hold ``day``, created where missing, in plan order."""
    week_start = policy_value(store, "week_start_day") % 7
    rows = []
    for task, cadence in checklist_plan(store=store, day=day):
        start, due = period_for(day=day, cadence=cadence, week_start=week_start)
        row, _ = ChecklistTask.objects.get_or_create(
            store=store,
            task=task,
            cadence=cadence,
            period_start=start,
            defaults={"due": due},
        )
        rows.append(row)
    return rows


def checklist_for_day(
    *, store: Store, day: date | None = None, now: datetime | None = None
) -> list[dict[str, Any]]:
    """The tasks open in ``day``'s periods (today in the store's time zone by default)
    with their live counts, ``missed_periods`` being earlier periods left undone."""
    now = now or timezone.now()
    day = day or store_today(store=store, now=now)
    at = moment_for(store=store, day=day, now=now)
    rows = checklist_ensure(store=store, day=day)
    missed = dict(
        ChecklistTask.objects.filter(store=store, due__lt=day, done_at__isnull=True)
        .values_list("task")
        .annotate(n=Count("pk"))
        .values_list("task", "n")
    )
    return [
        task_as_dict(
            task=row,
            counts=task_outstanding(store=store, task=row.task, now=at),
            day=day,
            missed=missed.get(row.task, 0),
        )
        for row in rows
    ]


def checklist_ensure_all(*, now: datetime | None = None) -> int:
    """Today's rows for every store (the daily job); returns how many rows there are."""
    now = now or timezone.now()
    return sum(
        len(checklist_ensure(store=store, day=store_today(store=store, now=now)))
        for store in Store.objects.all()
    )


def checklist_task_done(
    *, task: ChecklistTask, actor: User, now: datetime | None = None
) -> ChecklistTask:
    """Tick ``task`` done (owners and agents only; PermissionDenied for others).

    1. The counts at that moment are kept in ``snapshot`` as evidence.
    2. The update is conditional on the task being undone, so two users ticking at once
       record one of them; ticking a done task again changes nothing.
    """
    if not user_can_write(user=actor, store=task.store):
        raise PermissionDenied("viewers cannot tick checklist tasks")
    now = now or timezone.now()
    counts = task_outstanding(store=task.store, task=task.task, now=now).as_dict()
    with transaction.atomic():
        won = (
            ChecklistTask.objects.filter(pk=task.pk, done_at__isnull=True).update(
                done_at=now, done_by=actor, snapshot=counts
            )
            == 1
        )
        if won:
            audit_record(
                action="checklist.done",
                actor=actor,
                store=task.store,
                target=task,
                data={"task": task.task, "cadence": task.cadence, **counts},
            )
    task.refresh_from_db()
    return task
