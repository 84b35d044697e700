"""/checklist: the seller's checklist of one store for a day, ticking a task done, and
undoing a tick while the task's period lasts (409 once it has ended or when not done).

The same rows as ``sellerdesk today --json`` (``checklist.selectors.task_as_dict``).
A store or task the caller is not a member of is a 404; a viewer ticking is a 403,
checked before anything else (the endpoint takes no body).
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from sellerdesk.api.auth import request_user
from sellerdesk.api.scoping import visible_or_404
from sellerdesk.api.writes import writer
from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.checklist.selectors import moment_for, store_today, task_as_dict, task_outstanding
from sellerdesk.checklist.services import (
    ChecklistUndoRefused,
    checklist_for_day,
    checklist_task_done,
    checklist_task_undo,
)
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import store_for_user

router = Router(tags=["checklist"])


class ChecklistTaskOut(Schema):
    id: int
    task: str = Field(description="messages, returns, feedback, reviews, claims, ...")
    cadence: str = Field(description="daily, weekly, monthly")
    period_start: date
    due: date = Field(description="the last day of the period, store's time zone")
    outstanding: int
    overdue_count: int = Field(description="outstanding items past their own deadline")
    done: bool
    done_at: str | None
    done_by: str | None
    overdue: bool = Field(description="the period ended undone")
    missed_periods: int = Field(description="earlier periods of this task left undone")
    snapshot: dict[str, int] | None = Field(description="the counts when ticked done")


class ChecklistQuery(Schema):
    store: int
    as_of: date | None = Field(None, description="the day (store's time zone); today by default")


@router.get("/checklist", response=list[ChecklistTaskOut])
def checklist(request: HttpRequest, query: Query[ChecklistQuery]) -> list[dict[str, Any]]:
    """The tasks open in the day's periods, with what is outstanding for each."""
    try:
        store = store_for_user(user=request_user(request), store_id=query.store)
    except Store.DoesNotExist:
        raise Http404("no such store") from None
    return checklist_for_day(store=store, day=query.as_of)


@router.post("/checklist/{task_id}/done", response=ChecklistTaskOut)
def checklist_done(request: HttpRequest, task_id: int) -> dict[str, Any]:
    """Tick a task done; its counts at that moment are kept as the snapshot."""
    task = visible_or_404(request, ChecklistTask.objects.select_related("store"), pk=task_id)
    user = writer(request, task.store, "viewers cannot tick checklist tasks")
    task = checklist_task_done(task=task, actor=user)
    return _row(task)


@router.post(
    "/checklist/{task_id}/undo",
    response=ChecklistTaskOut,
    openapi_extra={"responses": {409: {"description": "not done, or its period has ended"}}},
)
def checklist_undo(request: HttpRequest, task_id: int) -> dict[str, Any]:
    """Undo the tick of a task whose period has not ended; the audit log keeps it."""
    task = visible_or_404(request, ChecklistTask.objects.select_related("store"), pk=task_id)
    user = writer(request, task.store, "viewers cannot undo checklist tasks")
    try:
        task = checklist_task_undo(task=task, user=user)
    except ChecklistUndoRefused as exc:
        raise HttpError(409, str(exc)) from None
    return _row(task)


def _row(task: ChecklistTask) -> dict[str, Any]:
    now = timezone.now()
    day = store_today(store=task.store, now=now)
    counts = task_outstanding(
        store=task.store, task=task.task, now=moment_for(store=task.store, day=day, now=now)
    )
    return task_as_dict(task=task, counts=counts, day=day)
