"""The response clock: when a buyer message must be answered.

Pure functions, no database. Two deadlines are kept for every unanswered
conversation, both counted from the *first* unanswered buyer message:

* ``due_at``: the store's policy. By default 24 hours in which Sundays do not
  count (the seed's rule); a store can also leave out the public holidays of a
  country, switch Sundays back on (around the clock), or set seasonal targets
  such as 12 hours through December.
* ``amazon_due_at``: Amazon's Contact Response Time metric, 24 hours around the
  clock, weekends and holidays included.

Days are judged in the store's time zone: a Sunday is the store's local Sunday,
from local midnight to local midnight.

Daylight-saving time: the clock counts **real elapsed hours**, never wall-clock
hours. Across the spring-forward night a counted day is 23 hours long and
across the fall-back night 25 hours long, so 24 hours from Saturday 12:00 in
Berlin on the last weekend of March (Sunday counted) is Sunday 13:00 on the
wall clock, and on the last weekend of October it is Sunday 11:00. That is how
Amazon measures response time, so the desk's deadline is never later than the
24 real hours a buyer actually waited; a wall-clock rule would hand out a
25-hour day every autumn. With Sundays skipped (the default) the question
rarely arises in the US and the EU, because both change their clocks on a
Sunday, which is not counted anyway: Saturday 15:00 is then due Monday 15:00 on
the wall clock all year round.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

import holidays

if TYPE_CHECKING:
    from sellerdesk.stores.models import Store

AMAZON_RESPONSE_HOURS = 24
SUNDAY = 6  # date.weekday()
# A policy can only leave out Sundays and public holidays, so a deadline is
# never more than a few days away; this bound only guards against a bug.
_MAX_DAYS = 400

ClockState = Literal["overdue", "due_soon", "on_time"]


@dataclass(frozen=True, slots=True)
class SeasonalTarget:
    """A different target (``hours``) for conversations that start in ``months``."""

    months: frozenset[int]
    hours: int


@dataclass(frozen=True, slots=True)
class ResponsePolicy:
    """A store's response policy, detached from the database."""

    hours: int = 24
    skip_sundays: bool = True
    holiday_country: str = ""
    seasonal: tuple[SeasonalTarget, ...] = ()
    timezone: str = "UTC"

    def __post_init__(self) -> None:
        if self.hours < 0:
            raise ValueError(f"response hours must not be negative, got {self.hours}")
        zoneinfo.ZoneInfo(self.timezone)  # raises for an unknown zone
        if self.holiday_country:
            _holiday_dates(self.holiday_country, 2000)  # raises for an unknown country

    @classmethod
    def from_store(cls, store: Store) -> ResponsePolicy:
        return cls(
            hours=store.response_hours,
            skip_sundays=store.response_skip_sundays,
            holiday_country=store.response_holiday_country.strip(),
            seasonal=parse_seasonal(store.response_seasonal or []),
            timezone=store.timezone,
        )

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def target_hours(self, start: datetime) -> int:
        """The target for a clock starting at ``start``: the first seasonal target whose
        months include the month of ``start`` in the store's time zone, else ``hours``."""
        month = _require_aware(start).astimezone(self.tz).month
        for target in self.seasonal:
            if month in target.months:
                return target.hours
        return self.hours

    def counts_day(self, day: date) -> bool:
        """Whether the hours of this local calendar day count towards the deadline."""
        if self.skip_sundays and day.weekday() == SUNDAY:
            return False
        return not (self.holiday_country and is_holiday(self.holiday_country, day))


def parse_seasonal(raw: Iterable[Mapping[str, object]]) -> tuple[SeasonalTarget, ...]:
    """Seasonal targets from the store's JSON, e.g. ``[{"months": [12], "hours": 12}]``."""
    targets = []
    for entry in raw:
        months = entry.get("months")
        hours = entry.get("hours")
        if not isinstance(months, list) or not all(
            isinstance(m, int) and 1 <= m <= 12 for m in months
        ):
            raise ValueError(f"seasonal target needs months 1-12, got {entry!r}")
        if not isinstance(hours, int) or isinstance(hours, bool) or hours < 0:
            raise ValueError(f"seasonal target needs whole hours >= 0, got {entry!r}")
        targets.append(SeasonalTarget(months=frozenset(months), hours=hours))
    return tuple(targets)


@lru_cache(maxsize=256)
def _holiday_dates(country: str, year: int) -> frozenset[date]:
    try:
        calendar = holidays.country_holidays(country.upper(), years=year)
    except NotImplementedError:
        raise ValueError(f"no public holiday calendar for country {country!r}") from None
    return frozenset(calendar)


def is_holiday(country: str, day: date) -> bool:
    """Whether ``day`` is a public holiday in ``country`` (ISO code; calendars cached)."""
    return day in _holiday_dates(country, day.year)


def _require_aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"expected an aware datetime, got naive {value!r}")
    return value


def _local_midnight(day: date, tz: zoneinfo.ZoneInfo) -> datetime:
    """The instant the local day begins, in UTC. Where midnight does not exist (a
    spring-forward at 00:00) this is the moment of the jump; where it happens twice,
    the first."""
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def response_due_at(*, start: datetime, policy: ResponsePolicy) -> datetime:
    """When a conversation whose first unanswered buyer message arrived at ``start``
    must be answered under ``policy``. Aware, in the store's time zone.

    1. Take the target hours (seasonal by the month of ``start``).
    2. Walk the local calendar days from ``start``; a day that is not counted
       (Sunday, holiday) is skipped whole, so a message that arrives on one starts
       counting at the next counted day's midnight.
    3. On each counted day, spend the real hours left in it until the target is met.
    """
    hours = timedelta(hours=policy.target_hours(start))
    return counted_hours_end(start=start, hours=hours, tz=policy.tz, counts=policy.counts_day)


def counted_hours_end(
    *, start: datetime, hours: timedelta, tz: zoneinfo.ZoneInfo, counts: Callable[[date], bool]
) -> datetime:
    """The moment ``hours`` of real time have been spent on the local days that
    ``counts`` (in ``tz``), from ``start``. Aware, in ``tz``.

    1. Walk the local calendar days from ``start``; a day that does not count is
       skipped whole, so a ``start`` on one counts from the next counted midnight.
    2. On each counted day, spend the real hours left in it until ``hours`` are used.
    """
    remaining = hours
    cursor = _require_aware(start).astimezone(UTC)
    day = cursor.astimezone(tz).date()
    for _ in range(_MAX_DAYS):
        day_end = _local_midnight(day + timedelta(days=1), tz)
        if counts(day):
            available = day_end - cursor
            if remaining <= available:
                return (cursor + remaining).astimezone(tz)
            remaining -= available
        cursor = day_end
        day += timedelta(days=1)
    raise RuntimeError(f"no deadline within {_MAX_DAYS} days of {start.isoformat()}")


def amazon_due_at(*, start: datetime, policy: ResponsePolicy | None = None) -> datetime:
    """Amazon's deadline: 24 real hours after ``start``, weekends and holidays included.
    In the store's time zone when a policy is given."""
    # Python adds to an aware datetime on the wall clock: go through UTC for real hours.
    due = _require_aware(start).astimezone(UTC) + timedelta(hours=AMAZON_RESPONSE_HOURS)
    return due.astimezone(policy.tz) if policy is not None else due.astimezone(start.tzinfo)


def clock_state(due_at: datetime, now: datetime, due_soon_hours: int) -> ClockState:
    """``overdue`` once ``now`` is past ``due_at``; ``due_soon`` within ``due_soon_hours``
    of it (inclusive); else ``on_time``. A reply exactly at ``due_at`` is in time."""
    # Subtracting two datetimes that share a tzinfo ignores DST: compare in UTC.
    remaining = _require_aware(due_at).astimezone(UTC) - _require_aware(now).astimezone(UTC)
    if remaining < timedelta(0):
        return "overdue"
    if remaining <= timedelta(hours=due_soon_hours):
        return "due_soon"
    return "on_time"
