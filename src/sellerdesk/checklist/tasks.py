from __future__ import annotations

from django.tasks import task


@task()
def checklist_daily() -> int:
    """Create today's checklist rows for every store, so undone periods stay on record."""
    from sellerdesk.checklist.services import checklist_ensure_all

    return checklist_ensure_all()
