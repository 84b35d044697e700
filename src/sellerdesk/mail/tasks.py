from __future__ import annotations

from django.tasks import task


@task()
def mail_fetch_due() -> int:
    """Fetch every IMAP channel whose turn has come; returns how many were fetched."""
    from sellerdesk.mail.fetching import channels_fetch_due

    return len(channels_fetch_due())
