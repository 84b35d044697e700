from __future__ import annotations

from django.db import models


class PeriodicJob(models.Model):
    """A job the scheduler enqueues every ``interval_seconds``.

    The next run is a column. A scheduler claims a period by moving
    ``next_run_at`` forward with a conditional update on the value it read, so
    any number of schedulers can run and each period is enqueued once.
    """

    name = models.CharField(max_length=100, unique=True)
    task_path = models.CharField(max_length=200)
    interval_seconds = models.PositiveIntegerField()
    next_run_at = models.DateTimeField(db_index=True)
    last_run_at = models.DateTimeField(null=True, blank=True)
    enabled = models.BooleanField(default=True)
    run_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["next_run_at"]

    def __str__(self) -> str:
        return self.name
