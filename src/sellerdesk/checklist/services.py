"""Writes for the seller's checklist: rows per period, created on demand and by the
daily job, ticking a task done with a snapshot of its counts as evidence, and
undoing a tick while its period lasts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.checklist.models import Cadence, ChecklistTask
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
    """The rows of the periods that hold ``day``, created where missing, in plan order.

    A store that turns large or small changes the feedback task's cadence: the row of
    the cadence no longer planned for ``day``'s period (this week's weekly row once the
    store is large, today's daily row once it is small) was never an obligation, so it
    is deleted unless ticked done (a done row stays, as history). Past periods keep
    their rows: they were planned then. The hourly job runs this every day, so a row
    left over by a switch cannot go overdue.
    """
    week_start = policy_value(store, "week_start_day") % 7
    plan = checklist_plan(store=store, day=day)
    rows = []
    for task, cadence in plan:
        start, due = period_for(day=day, cadence=cadence, week_start=week_start)
        row, _ = ChecklistTask.objects.get_or_create(
            store=store,
            task=task,
            cadence=cadence,
            period_start=start,
            defaults={"due": due},
        )
        rows.append(row)
    planned = {(task, cadence) for task, cadence in plan}
    today = store_today(store=store)
    for task in {task for task, _ in plan}:
        for cadence in Cadence.values:
            if (task, cadence) in planned:
                continue
            start, _ = period_for(day=day, cadence=cadence, week_start=week_start)
            ChecklistTask.objects.filter(
                store=store,
                task=task,
                cadence=cadence,
                period_start=start,
                done_at__isnull=True,
                due__gte=today,  # a past period's row is history, whatever is asked
            ).delete()
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


class ChecklistUndoRefused(Exception):
    """The tick cannot be undone: the task is not done, or its period has ended."""


def checklist_task_undo(
    *, task: ChecklistTask, user: User, now: datetime | None = None
) -> ChecklistTask:
    """Undo the tick of ``task`` (owners and agents only; PermissionDenied for others).

    Only while the task's period lasts (its ``due`` is today or later in the store's
    time zone): a past period's record, done or overdue, is history and stays. The
    update is conditional on the row still being done and open, so two undos record
    one; the audit event keeps who had ticked it, when, and the snapshot.
    """
    if not user_can_write(user=user, store=task.store):
        raise PermissionDenied("viewers cannot undo checklist tasks")
    today = store_today(store=task.store, now=now or timezone.now())
    if task.due < today:
        raise ChecklistUndoRefused("the period of this task has ended: it stays as history")
    with transaction.atomic():
        before = (
            ChecklistTask.objects.filter(pk=task.pk, done_at__isnull=False, due__gte=today)
            .select_related("done_by")
            .first()
        )
        won = False
        if before is not None and before.done_at is not None:
            # Conditional on the tick read: a tick and an undo racing leave one of them.
            won = (
                ChecklistTask.objects.filter(pk=task.pk, done_at=before.done_at).update(
                    done_at=None, done_by=None, snapshot={}
                )
                == 1
            )
        if won and before is not None and before.done_at is not None:
            audit_record(
                action="checklist.undone",
                actor=user,
                store=task.store,
                target=task,
                data={
                    "task": task.task,
                    "cadence": task.cadence,
                    "was_done_at": before.done_at.isoformat(),
                    "was_done_by": before.done_by.email if before.done_by else None,
                    "snapshot": before.snapshot,
                },
            )
    if not won:
        raise ChecklistUndoRefused("this task is not ticked done")
    task.refresh_from_db()
    return task
