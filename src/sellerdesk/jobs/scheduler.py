"""The periodic-job scheduler.

Each job is a row with ``next_run_at``. A tick:

1. reads the enabled jobs whose ``next_run_at`` has passed;
2. claims each one by moving ``next_run_at`` to the next period with an update
   conditional on the value it read: only one scheduler's update matches, so two
   schedulers never run the same period twice;
3. enqueues the job's task in the same transaction, so a crash between claiming
   and enqueueing loses nothing: both happen or neither does.

Missed periods (the desk was down) collapse into one run, not a burst.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.tasks import Task
from django.utils import timezone
from django.utils.module_loading import import_string

from sellerdesk.jobs.models import PeriodicJob

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobSpec:
    name: str
    task_path: str
    interval_seconds: int


# Later steps add their jobs here (mail fetch, report sync, checklist, alerts).
DEFAULT_JOBS: list[JobSpec] = [
    JobSpec("housekeeping", "sellerdesk.jobs.tasks.housekeeping", 6 * 3600),
    # Each channel keeps its own interval (next_fetch_at); this only looks for due ones.
    JobSpec("mail_fetch", "sellerdesk.mail.tasks.mail_fetch_due", 60),
    JobSpec("replies_send", "sellerdesk.messaging.tasks.replies_send_due_task", 60),
    JobSpec("spapi_sync", "sellerdesk.spapi.tasks.spapi_sync_all", 3600),
    JobSpec("review_requests", "sellerdesk.spapi.tasks.review_requests_daily", 24 * 3600),
    # The checklist's rows per period even on days nobody opens it, so undone ones stay on
    # record as overdue. A daily job run hourly: each store's day begins at its own midnight.
    JobSpec("checklist", "sellerdesk.checklist.tasks.checklist_daily", 3600),
    # Detect events, fan out, send due alerts and digests (each step claims its own work).
    JobSpec("notifications", "sellerdesk.notifications.tasks.notifications_run", 60),
]


def jobs_ensure(*, specs: list[JobSpec] | None = None, now: datetime | None = None) -> int:
    """Create the rows for jobs that have none; returns how many were created."""
    now = now or timezone.now()
    created = 0
    for spec in DEFAULT_JOBS if specs is None else specs:
        _, was_created = PeriodicJob.objects.get_or_create(
            name=spec.name,
            defaults={
                "task_path": spec.task_path,
                "interval_seconds": spec.interval_seconds,
                "next_run_at": now,
            },
        )
        created += was_created
    return created


def _next_run(job: PeriodicJob, now: datetime) -> datetime:
    interval = timedelta(seconds=job.interval_seconds)
    missed = max(0, int((now - job.next_run_at) / interval))
    return job.next_run_at + interval * (missed + 1)


def job_claim(*, job: PeriodicJob, now: datetime) -> bool:
    """Claim the period ``job`` was read in and enqueue its task, atomically.

    ``job`` is the row as this scheduler read it; if another scheduler has moved
    ``next_run_at`` since, the conditional update matches nothing and this
    returns False without enqueueing.
    """
    task: Task = import_string(job.task_path)
    with transaction.atomic():
        won = (
            PeriodicJob.objects.filter(pk=job.pk, next_run_at=job.next_run_at).update(
                next_run_at=_next_run(job, now),
                last_run_at=now,
                run_count=F("run_count") + 1,
            )
            == 1
        )
        if won:
            task.enqueue()
    return won


def jobs_due(*, now: datetime) -> list[PeriodicJob]:
    return list(PeriodicJob.objects.filter(enabled=True, next_run_at__lte=now))


def scheduler_tick(*, now: datetime | None = None) -> list[str]:
    """Enqueue every due job once; returns the names of the jobs this call claimed."""
    now = now or timezone.now()
    claimed = []
    for job in jobs_due(now=now):
        if job_claim(job=job, now=now):
            claimed.append(job.name)
            logger.debug("enqueued periodic job %s", job.name)
    return claimed
