from __future__ import annotations

from django.tasks import task

from sellerdesk.messaging.services import templates_install_defaults


@task()
def templates_install(*, store_id: int) -> int:
    """Copy the built-in reply templates into a store. Safe to run twice."""
    return templates_install_defaults(store_id=store_id)


@task()
def reply_send_task(*, reply_id: int) -> str:
    """Send one queued reply by SMTP (exactly once; see messaging.outbox)."""
    from sellerdesk.messaging.outbox import reply_send

    return reply_send(reply_id=reply_id, worker="task")


@task()
def replies_send_due_task() -> int:
    """Send queued replies whose retry time has come; recover stale claims."""
    from sellerdesk.messaging.outbox import replies_send_due

    return replies_send_due()
