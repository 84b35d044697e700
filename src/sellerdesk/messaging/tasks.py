from __future__ import annotations

from django.tasks import task

from sellerdesk.messaging.services import templates_install_defaults


@task()
def templates_install(*, store_id: int) -> int:
    """Copy the built-in reply templates into a store. Safe to run twice."""
    return templates_install_defaults(store_id=store_id)
