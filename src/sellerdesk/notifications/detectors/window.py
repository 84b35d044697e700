"""The "recent" test every event-type detector applies (no flood on a first import)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sellerdesk.health.windows import local_midnight
from sellerdesk.notifications.events import notify_setting
from sellerdesk.stores.models import Store


@dataclass(frozen=True, slots=True)
class Recent:
    """A record alerts only if the desk learned of it since ``learned_since`` (its
    ``created_at``, ``notify_recent_hours`` back) and its own date is on or after
    ``since_day`` (local, ``notify_recent_days`` back, today counted) — as a moment,
    ``since``."""

    learned_since: datetime
    since_day: date
    since: datetime

    @classmethod
    def of(cls, store: Store, now: datetime) -> Recent:
        today = now.astimezone(store.tz).date()
        since_day = today - timedelta(days=notify_setting(store, "notify_recent_days") - 1)
        return cls(
            learned_since=now - timedelta(hours=notify_setting(store, "notify_recent_hours")),
            since_day=since_day,
            since=local_midnight(since_day, store.tz),
        )
