"""Case deadlines: when a claim or chargeback must be acted on, and how close that is.

Amazon counts its limits two ways (amazon-rules §5, §9): hours are elapsed time
(an information request is due 48 hours after it came), days are calendar days
(an appeal within 30 days of a grant; a chargeback within 7 days of the notice).
Calendar days are added in the store's time zone, so a deadline keeps its wall
time across a daylight-saving change.

The numbers come from ``sellerdesk.policy``; the "due soon" windows below are
the desk's own warning thresholds, not Amazon policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sellerdesk.stores.models import Store

# How long before a deadline the desk shows it amber ("due soon").
CLAIM_RESPONSE_SOON = timedelta(hours=24)
CLAIM_APPEAL_SOON = timedelta(days=3)
CHARGEBACK_SOON = timedelta(hours=48)

OVERDUE, DUE_SOON, ON_TIME = "overdue", "due_soon", "on_time"
DEADLINE_CHOICES = [(OVERDUE, "Overdue"), (DUE_SOON, "Due soon")]


def deadline_after(*, store: Store, start: datetime, hours: int = 0, days: int = 0) -> datetime:
    """``days`` calendar days (store time zone, same wall time) and ``hours`` elapsed
    hours after ``start``, in UTC."""
    local = start.astimezone(store.tz) + timedelta(days=days)
    return local.astimezone(UTC) + timedelta(hours=hours)


@dataclass(frozen=True, slots=True)
class Deadline:
    """The next thing due on a case: what, when, and the warning window."""

    kind: str  # "respond", "appeal"
    label: str
    due_at: datetime
    soon: timedelta

    def state(self, now: datetime) -> str:
        if self.due_at < now:
            return OVERDUE
        if self.due_at <= now + self.soon:
            return DUE_SOON
        return ON_TIME

    @property
    def soon_hours(self) -> int:
        return int(self.soon.total_seconds() // 3600)


def local_iso(value: datetime | None, store: Store) -> str | None:
    """ISO 8601 in the store's time zone, with its offset (``2026-11-14T11:00:00-08:00``)."""
    return None if value is None else value.astimezone(store.tz).isoformat()
