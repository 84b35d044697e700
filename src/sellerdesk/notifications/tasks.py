"""The notifications job: detect, fan out, send, digest — one pass a minute."""

from __future__ import annotations

from datetime import datetime

from django.tasks import task
from django.utils import timezone


def notifications_pass(*, now: datetime | None = None) -> dict[str, int]:
    """One pass of every step, in order; each is idempotent and safe to run twice."""
    from sellerdesk.notifications.delivery import deliveries_send_due, events_fan_out
    from sellerdesk.notifications.detectors import detect_all
    from sellerdesk.notifications.digest import digests_send_due

    now = now or timezone.now()
    return {
        "events": detect_all(now=now),
        "deliveries": events_fan_out(now=now),
        "sent": deliveries_send_due(now=now),
        "digests": digests_send_due(now=now),
    }


@task()
def notifications_run() -> dict[str, int]:
    return notifications_pass()
