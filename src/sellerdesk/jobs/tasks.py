from __future__ import annotations

from datetime import timedelta

from django.tasks import task
from django.utils import timezone


@task()
def housekeeping(*, keep_days: int = 14) -> int:
    """Delete finished task results older than ``keep_days``; returns how many."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=keep_days)
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted
