from __future__ import annotations

import logging
from typing import Any

from django.tasks import task

logger = logging.getLogger(__name__)


@task()
def spapi_sync_all() -> int:
    """Enqueue a report sync of every connected store (hourly); returns how many."""
    from sellerdesk.spapi.models import SpApiConnection

    ids = list(SpApiConnection.objects.filter(is_active=True).values_list("pk", flat=True))
    for connection_id in ids:
        spapi_sync_store.enqueue(connection_id=connection_id)
    return len(ids)


@task()
def spapi_sync_store(*, connection_id: int) -> dict[str, Any]:
    """Sync one store's reports; returns the counts by status."""
    from sellerdesk.spapi.models import SpApiConnection
    from sellerdesk.spapi.sync import connection_sync

    connection = SpApiConnection.objects.select_related("store").filter(pk=connection_id).first()
    if connection is None:
        return {"skipped": "no such connection"}
    result = connection_sync(connection=connection)
    return {"skipped": result.skipped, "error": result.error, "counts": result.counts()}


@task()
def review_requests_daily() -> int:
    """Request reviews for every store that has them switched on; returns how many were sent."""
    from sellerdesk.spapi.models import ReviewOutcome, ReviewRequestSettings
    from sellerdesk.spapi.reviews import ReviewRequestsUnavailable, review_requests_run

    sent = 0
    for settings in ReviewRequestSettings.objects.filter(enabled=True).select_related("store"):
        try:
            result = review_requests_run(store=settings.store)
        except ReviewRequestsUnavailable as exc:
            logger.info("review requests: %s", exc)
            continue
        except Exception:  # one store's failure must not stop the others
            logger.exception("review requests for %s failed", settings.store)
            continue
        sent += sum(1 for d in result.decisions if d.outcome == ReviewOutcome.SENT)
    return sent
