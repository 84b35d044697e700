"""The checklist's pages: today's tasks with history at ``/s/<store_id>/checklist/``,
and ticking a task done or undoing the tick (``checklist/<pk>/done/``, ``…/undo/``).

The buttons are forms: htmx swaps the task's row in place, a browser without
JavaScript posts and comes back to the page it was on (``next``, our own pages
only). Viewers see no button and get a 403 from the endpoints; another store's
task is a 404.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from sellerdesk.checklist.models import ChecklistKind, ChecklistTask
from sellerdesk.checklist.selectors import (
    checklist_history,
    moment_for,
    store_today,
    task_as_dict,
    task_outstanding,
)
from sellerdesk.checklist.services import (
    ChecklistUndoRefused,
    checklist_for_day,
    checklist_task_done,
    checklist_task_undo,
)
from sellerdesk.stores.models import Store
from sellerdesk.web.generic import StoreView
from sellerdesk.web.templatetags.desk import local_text

# Each task's list, filtered as close to its outstanding count as one filter goes.
TASK_LISTS: dict[str, tuple[str, str]] = {
    ChecklistKind.MESSAGES: ("inbox_list", "?status=needs_response"),
    ChecklistKind.RETURNS: ("returns_list", "?status=requested"),
    ChecklistKind.FEEDBACK: ("feedback_list", "?status=active&reply=none"),
    ChecklistKind.REVIEWS: ("reviews_list", "?status=new"),
    ChecklistKind.CLAIMS: ("claims_list", "?status=action_required"),
    ChecklistKind.CHARGEBACKS: ("chargebacks_list", "?status=open"),
    ChecklistKind.QUESTIONS: ("questions_list", "?status=unanswered"),
}


def task_row(row: dict[str, Any], *, store: Store, today: date) -> dict[str, Any]:
    """A ``task_as_dict`` row with what the page adds: label, list link, when it was
    ticked in the store's time, and whether the tick may be undone (period not over)."""
    name, query = TASK_LISTS[row["task"]]
    done_at = datetime.fromisoformat(row["done_at"]) if row["done_at"] else None
    return {
        **row,
        "label": ChecklistKind(row["task"]).label,
        "list_url": reverse(name, kwargs={"store_id": store.pk}) + query,
        "done_local": local_text(done_at, store) if done_at else "",
        "can_undo": row["done"] and date.fromisoformat(row["due"]) >= today,
    }


def checklist_rows(*, store: Store, now: datetime) -> list[dict[str, Any]]:
    """Today's tasks (rows made on demand) as the page shows them."""
    today = store_today(store=store, now=now)
    return [
        task_row(row, store=store, today=today)
        for row in checklist_for_day(store=store, day=today, now=now)
    ]


def checklist_context(*, store: Store, now: datetime) -> dict[str, Any]:
    today = store_today(store=store, now=now)
    return {
        "tasks": checklist_rows(store=store, now=now),
        "today": today,
        "history": checklist_history(store=store, before=today),
    }


class ChecklistPage(StoreView):
    stream = "health"
    title = "Checklist"
    template_name = "checklist/checklist.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(checklist_context(store=self.store, now=context["now"]))
        return context


class ChecklistTaskAction(StoreView):
    """POST only: tick done or undo one task of the store."""

    http_method_names: ClassVar[list[str]] = ["post"]  # type: ignore[misc]  # Django declares a plain list
    action: ClassVar[str] = ""

    def _task(self) -> ChecklistTask:
        try:
            return ChecklistTask.objects.select_related("store").get(
                store=self.store, pk=int(self.kwargs["pk"])
            )
        except ChecklistTask.DoesNotExist:
            raise Http404("no such task in this store") from None

    def _back(self, request: HttpRequest) -> HttpResponse:
        target = request.POST.get("next", "")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(target)
        return redirect("checklist", store_id=self.store.pk)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        task = self._task()
        now = timezone.now()
        error = ""
        if self.action == "done":
            task = checklist_task_done(task=task, actor=self.user, now=now)
        else:
            try:
                task = checklist_task_undo(task=task, user=self.user, now=now)
            except ChecklistUndoRefused as exc:
                error = str(exc)
        if getattr(request, "htmx", False):
            today = store_today(store=self.store, now=now)
            counts = task_outstanding(
                store=self.store,
                task=task.task,
                now=moment_for(store=self.store, day=today, now=now),
            )
            missed = ChecklistTask.objects.filter(
                store=self.store, task=task.task, due__lt=today, done_at__isnull=True
            ).count()
            row = task_row(
                task_as_dict(task=task, counts=counts, day=today, missed=missed),
                store=self.store,
                today=today,
            )
            context = {
                "t": row,
                "store": self.store,
                "can_write": True,
                "error": error,
                "next_url": request.POST.get("next", ""),
            }
            return render(request, "checklist/_task.html", context, status=409 if error else 200)
        if error:
            messages.error(request, error)
        elif self.action == "done":
            messages.success(request, f"Done: {ChecklistKind(task.task).label}.")
        else:
            messages.success(request, f"Undone: {ChecklistKind(task.task).label}.")
        return self._back(request)


class ChecklistDone(ChecklistTaskAction):
    action = "done"


class ChecklistUndo(ChecklistTaskAction):
    action = "undo"
