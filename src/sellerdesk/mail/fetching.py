"""When to fetch which channel, and what to remember when a fetch fails.

A channel's next fetch is a column (``next_fetch_at``). A fetcher claims a
channel by moving it forward with a conditional update, so two workers never
fetch the same mailbox at once; a failure is recorded on the channel (for the
"sync failing" alert) and retried with backoff.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from sellerdesk.mail.imap import FetchError, FetchResult, channel_fetch
from sellerdesk.mail.models import ChannelKind, MailChannel

logger = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=1)


def channel_claim(*, channel: MailChannel, now: datetime) -> bool:
    """Claim this channel's turn; False when another fetcher took it."""
    lease = now + timedelta(minutes=10)  # held while fetching; a crash frees it after
    return (
        MailChannel.objects.filter(pk=channel.pk, next_fetch_at=channel.next_fetch_at).update(
            next_fetch_at=lease
        )
        == 1
    )


def channel_fetch_recorded(*, channel: MailChannel, now: datetime | None = None) -> FetchResult:
    """Fetch, then record success or failure on the channel. Re-raises FetchError."""
    now = now or timezone.now()
    try:
        result = channel_fetch(channel=channel, now=now)
    except Exception as exc:
        failures = channel.consecutive_failures + 1
        backoff = min(timedelta(seconds=channel.fetch_interval_seconds * 2**failures), MAX_BACKOFF)
        message = str(exc) if isinstance(exc, FetchError) else f"{type(exc).__name__}: {exc}"
        MailChannel.objects.filter(pk=channel.pk).update(
            last_error=message[:2000],
            consecutive_failures=failures,
            next_fetch_at=now + backoff,
        )
        logger.warning("fetching %s failed (%d in a row): %s", channel, failures, message)
        raise
    MailChannel.objects.filter(pk=channel.pk).update(
        last_error="",
        consecutive_failures=0,
        last_fetch_at=now,
        next_fetch_at=now + timedelta(seconds=channel.fetch_interval_seconds),
    )
    return result


def channels_fetch_due(*, now: datetime | None = None) -> list[MailChannel]:
    """Fetch each active IMAP channel that is due; returns the channels fetched."""
    now = now or timezone.now()
    due = MailChannel.objects.filter(kind=ChannelKind.IMAP, is_active=True).filter(
        Q(next_fetch_at__isnull=True) | Q(next_fetch_at__lte=now)
    )
    fetched = []
    for channel in due.select_related("store"):
        if not channel_claim(channel=channel, now=now):
            continue
        # A failure is recorded on the channel (and logged); the other channels still run.
        with contextlib.suppress(Exception):
            channel_fetch_recorded(channel=channel, now=now)
            fetched.append(channel)
    return fetched
