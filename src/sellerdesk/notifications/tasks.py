"""The notifications job: detect, fan out, send, digest — one pass a minute."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)


def notifications_pass(*, now: datetime | None = None) -> dict[str, int]:
    """One pass of every step, in order; each is idempotent and safe to run twice.

    A step that fails is logged and counted -1; the later steps still run (events
    already fanned out are still sent when detection breaks, and so on).
    """
    from sellerdesk.notifications.delivery import deliveries_send_due, events_fan_out
    from sellerdesk.notifications.detectors import detect_all
    from sellerdesk.notifications.digest import digests_send_due

    now = now or timezone.now()
    steps: dict[str, Callable[..., int]] = {
        "events": detect_all,
        "deliveries": events_fan_out,
        "sent": deliveries_send_due,
        "digests": digests_send_due,
    }
    counts = {}
    for name, step in steps.items():
        try:
            counts[name] = step(now=now)
        except Exception:  # one broken step must not stop the others
            logger.exception("notifications: the %s step failed", name)
            counts[name] = -1
    return counts


@task()
def notifications_run() -> dict[str, int]:
    return notifications_pass()
