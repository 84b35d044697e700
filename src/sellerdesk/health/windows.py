"""Days and moments of the health figures, in the store's time zone.

A figure is computed *as of* a local calendar day. Its windows are runs of whole
local days, both ends inclusive; the moment the figures stand at (``at``) is the
end of the as-of day, or now when that is earlier (today's figures use what has
happened so far). Anything recorded at or after ``at`` is not known yet.
"""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta


def local_midnight(day: date, tz: zoneinfo.ZoneInfo) -> datetime:
    """The instant local ``day`` begins, in UTC."""
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def local_bounds(start: date, end: date, tz: zoneinfo.ZoneInfo) -> tuple[datetime, datetime]:
    """[local midnight of ``start``, local midnight after ``end``), in UTC."""
    return local_midnight(start, tz), local_midnight(end + timedelta(days=1), tz)


def last_days(as_of: date, days: int) -> tuple[date, date]:
    """The ``days`` local days that end with ``as_of``, both inclusive."""
    return as_of - timedelta(days=days - 1), as_of


def figures_moment(as_of: date, tz: zoneinfo.ZoneInfo, now: datetime) -> datetime:
    """When figures as of ``as_of`` stand: the end of that local day, or ``now`` if earlier."""
    return min(local_midnight(as_of + timedelta(days=1), tz), now.astimezone(UTC))


def last_known_day(at: datetime, tz: zoneinfo.ZoneInfo) -> date:
    """The last local day that has begun before ``at`` (records dated by day, like
    feedback, are known by ``at`` when their day is at most this one)."""
    return (at - timedelta(microseconds=1)).astimezone(tz).date()
