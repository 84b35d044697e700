from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sellerdesk.messaging.clock import (
    ResponsePolicy,
    SeasonalTarget,
    amazon_due_at,
    clock_state,
    is_holiday,
    parse_seasonal,
    response_due_at,
)
from tests.factories import StoreFactory

LA = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")


def la(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LA)


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def wall(value: datetime) -> tuple[int, int, int, int, int]:
    return (value.year, value.month, value.day, value.hour, value.minute)


def elapsed(a: datetime, b: datetime) -> timedelta:
    """Real time from a to b (aware subtraction with a shared tzinfo ignores DST)."""
    return b.astimezone(UTC) - a.astimezone(UTC)


SEED_RULE = ResponsePolicy(timezone="America/Los_Angeles")
AROUND_THE_CLOCK = ResponsePolicy(skip_sundays=False, timezone="America/Los_Angeles")


# --- the seed's rule -------------------------------------------------------


def test_saturday_afternoon_is_due_monday_afternoon() -> None:
    start = la(2026, 11, 7, 15, 0)  # Saturday
    due = response_due_at(start=start, policy=SEED_RULE)
    assert wall(due) == (2026, 11, 9, 15, 0)
    assert due.weekday() == 0


def test_sunday_message_starts_counting_monday_midnight() -> None:
    start = la(2026, 11, 8, 10, 0)  # Sunday
    due = response_due_at(start=start, policy=SEED_RULE)
    assert wall(due) == (2026, 11, 10, 0, 0)  # Tuesday 00:00


def test_weekday_message_is_due_next_day_same_time() -> None:
    start = la(2026, 11, 4, 9, 30)  # Wednesday
    assert wall(response_due_at(start=start, policy=SEED_RULE)) == (2026, 11, 5, 9, 30)


def test_friday_evening_skips_sunday() -> None:
    start = la(2026, 11, 6, 20, 0)  # Friday
    assert wall(response_due_at(start=start, policy=SEED_RULE)) == (2026, 11, 7, 20, 0)
    start = la(2026, 11, 7, 23, 0)  # Saturday 23:00: one hour Saturday, 23 on Monday
    assert wall(response_due_at(start=start, policy=SEED_RULE)) == (2026, 11, 9, 23, 0)


def test_around_the_clock_is_start_plus_hours() -> None:
    for start in (la(2026, 11, 7, 15, 0), la(2026, 11, 8, 10, 0), la(2026, 11, 26, 8, 0)):
        assert response_due_at(start=start, policy=AROUND_THE_CLOCK) == start + timedelta(hours=24)


def test_sunday_is_judged_in_the_store_time_zone() -> None:
    # Sunday 20:00 in Los Angeles is already Monday 04:00 UTC, yet it does not count.
    start = la(2026, 11, 8, 20, 0).astimezone(UTC)
    due = response_due_at(start=start, policy=SEED_RULE)
    assert wall(due) == (2026, 11, 10, 0, 0)
    assert due.tzinfo == LA


# --- holidays --------------------------------------------------------------


def test_us_thanksgiving_does_not_count() -> None:
    assert is_holiday("US", la(2026, 11, 26).date())
    policy = ResponsePolicy(holiday_country="US", timezone="America/Los_Angeles")
    start = la(2026, 11, 25, 10, 0)  # Wednesday before Thanksgiving
    assert wall(response_due_at(start=start, policy=policy)) == (2026, 11, 27, 10, 0)
    # Without the holiday calendar Thanksgiving counts like any Thursday.
    assert wall(response_due_at(start=start, policy=SEED_RULE)) == (2026, 11, 26, 10, 0)


def test_german_christmas_and_sunday_run_together() -> None:
    policy = ResponsePolicy(holiday_country="DE", timezone="Europe/Berlin")
    start = berlin(2026, 12, 24, 9, 0)  # Christmas Eve is a working day in Germany
    # 15 hours on the 24th; 25th and 26th are holidays; the 27th is a Sunday.
    assert wall(response_due_at(start=start, policy=policy)) == (2026, 12, 28, 9, 0)


def test_message_on_a_holiday_starts_counting_the_next_day() -> None:
    policy = ResponsePolicy(
        holiday_country="US", skip_sundays=False, timezone="America/Los_Angeles"
    )
    start = la(2026, 11, 26, 13, 45)  # Thanksgiving afternoon
    assert wall(response_due_at(start=start, policy=policy)) == (2026, 11, 28, 0, 0)


def test_unknown_holiday_country_is_refused() -> None:
    with pytest.raises(ValueError, match="holiday calendar"):
        ResponsePolicy(holiday_country="XX")


# --- seasonal targets --------------------------------------------------------


def test_december_target_of_twelve_hours() -> None:
    policy = ResponsePolicy(
        seasonal=(SeasonalTarget(months=frozenset({12}), hours=12),),
        timezone="America/Los_Angeles",
    )
    december = response_due_at(start=la(2026, 12, 2, 10, 0), policy=policy)
    assert wall(december) == (2026, 12, 2, 22, 0)
    # November keeps the 24-hour target.
    november = response_due_at(start=la(2026, 11, 30, 10, 0), policy=policy)
    assert wall(november) == (2026, 12, 1, 10, 0)


def test_seasonal_month_is_taken_in_the_store_time_zone() -> None:
    policy = ResponsePolicy(
        seasonal=parse_seasonal([{"months": [12], "hours": 12}]),
        timezone="America/Los_Angeles",
    )
    # 30 November 23:00 in Los Angeles is already 1 December in UTC: still November.
    start = la(2026, 11, 30, 23, 0)
    assert start.astimezone(UTC).month == 12
    assert policy.target_hours(start) == 24
    assert wall(response_due_at(start=start, policy=policy)) == (2026, 12, 1, 23, 0)


@pytest.mark.parametrize(
    "raw",
    [
        [{"months": [13], "hours": 12}],
        [{"months": 12, "hours": 12}],
        [{"months": [12], "hours": "12"}],
        [{"months": [12], "hours": -1}],
    ],
)
def test_bad_seasonal_entries_are_refused(raw: list[dict[str, object]]) -> None:
    with pytest.raises(ValueError, match="seasonal"):
        parse_seasonal(raw)


# --- daylight-saving time ----------------------------------------------------


def test_spring_forward_in_los_angeles_counts_real_hours() -> None:
    # 2026-03-08 02:00 PST becomes 03:00 PDT.
    start = la(2026, 3, 7, 12, 0)
    due = response_due_at(start=start, policy=AROUND_THE_CLOCK)
    assert elapsed(start, due) == timedelta(hours=24)
    assert wall(due) == (2026, 3, 8, 13, 0)
    assert due.utcoffset() == timedelta(hours=-7)
    assert amazon_due_at(start=start) == due


def test_fall_back_in_los_angeles_counts_real_hours() -> None:
    # 2026-11-01 02:00 PDT becomes 01:00 PST.
    start = la(2026, 10, 31, 12, 0)
    due = response_due_at(start=start, policy=AROUND_THE_CLOCK)
    assert elapsed(start, due) == timedelta(hours=24)
    assert wall(due) == (2026, 11, 1, 11, 0)


def test_sunday_skip_hides_the_changeover_in_los_angeles() -> None:
    start = la(2026, 3, 7, 15, 0)  # Saturday before spring-forward
    due = response_due_at(start=start, policy=SEED_RULE)
    assert wall(due) == (2026, 3, 9, 15, 0)
    assert elapsed(start, due) == timedelta(hours=47)  # the skipped Sunday had 23 hours


@pytest.mark.parametrize(
    ("start", "expected_wall", "offset_hours"),
    [
        # 2026-03-29 02:00 CET becomes 03:00 CEST.
        (berlin(2026, 3, 28, 12, 0), (2026, 3, 29, 13, 0), 2),
        # 2026-10-25 03:00 CEST becomes 02:00 CET.
        (berlin(2026, 10, 24, 12, 0), (2026, 10, 25, 11, 0), 1),
    ],
)
def test_berlin_changeovers_count_real_hours(
    start: datetime, expected_wall: tuple[int, ...], offset_hours: int
) -> None:
    policy = ResponsePolicy(skip_sundays=False, timezone="Europe/Berlin")
    due = response_due_at(start=start, policy=policy)
    assert elapsed(start, due) == timedelta(hours=24)
    assert wall(due) == expected_wall
    assert due.utcoffset() == timedelta(hours=offset_hours)


def test_easter_holidays_and_sunday_in_berlin() -> None:
    # Easter in Berlin: Good Friday and Easter Monday are holidays, Sunday is skipped.
    policy = ResponsePolicy(holiday_country="DE", timezone="Europe/Berlin")
    start = berlin(2026, 4, 3, 10, 0)  # Good Friday (holiday) -> counting starts Saturday
    due = response_due_at(start=start, policy=policy)
    # Saturday counts 24 h; Sunday 5 April skipped; Monday 6 April is Easter Monday.
    assert wall(due) == (2026, 4, 5, 0, 0)
    start = berlin(2026, 4, 4, 18, 0)  # Saturday evening: 6 h, then Tuesday
    assert wall(response_due_at(start=start, policy=policy)) == (2026, 4, 7, 18, 0)


# --- general properties ------------------------------------------------------


def test_results_are_aware_in_the_store_time_zone() -> None:
    for policy in (SEED_RULE, AROUND_THE_CLOCK):
        for start in (la(2026, 3, 8, 1, 30), datetime(2026, 7, 4, 12, tzinfo=UTC)):
            due = response_due_at(start=start, policy=policy)
            assert due.tzinfo is not None
            assert due.utcoffset() is not None
            assert due.tzinfo == LA
            assert amazon_due_at(start=start, policy=policy).tzinfo == LA


def test_naive_start_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        response_due_at(start=datetime(2026, 11, 7, 15, 0), policy=SEED_RULE)  # noqa: DTZ001
    with pytest.raises(ValueError, match="aware"):
        amazon_due_at(start=datetime(2026, 11, 7, 15, 0))  # noqa: DTZ001


def test_amazon_deadline_ignores_policy_days() -> None:
    start = la(2026, 11, 8, 10, 0)  # Sunday
    assert amazon_due_at(start=start, policy=SEED_RULE) == start + timedelta(hours=24)
    assert wall(amazon_due_at(start=start, policy=SEED_RULE)) == (2026, 11, 9, 10, 0)


def _brute_force_counted_quarters(start: datetime, due: datetime, policy: ResponsePolicy) -> int:
    """Count, quarter-hour by quarter-hour in real time, the quarters that count."""
    step = timedelta(minutes=15)
    cursor = start.astimezone(UTC)
    end = due.astimezone(UTC)
    counted = 0
    while cursor < end:
        if policy.counts_day(cursor.astimezone(policy.tz).date()):
            counted += 1
        cursor += step
    return counted


@pytest.mark.parametrize(
    "policy",
    [
        ResponsePolicy(timezone="America/Los_Angeles"),
        ResponsePolicy(timezone="Europe/Berlin", holiday_country="DE"),
        ResponsePolicy(timezone="Australia/Sydney", holiday_country="AU", hours=12),
        ResponsePolicy(timezone="America/Los_Angeles", holiday_country="US", skip_sundays=False),
        ResponsePolicy(
            timezone="Europe/London",
            seasonal=(SeasonalTarget(months=frozenset({11, 12}), hours=12),),
        ),
    ],
    ids=["seed-la", "berlin-de", "sydney-12h", "la-holidays-only", "london-seasonal"],
)
def test_property_loop_over_many_start_times(policy: ResponsePolicy) -> None:
    start = datetime(2026, 1, 1, 0, 0, tzinfo=UTC)
    step = timedelta(hours=7, minutes=15)  # walks through every hour and weekday
    for _ in range(1300):  # about 13 months, both changeovers
        hours = policy.target_hours(start)
        due = response_due_at(start=start, policy=policy)
        assert due.tzinfo is not None
        assert elapsed(start, due) >= timedelta(hours=hours)
        # Exactly the target's worth of counted time lies between start and due ...
        assert _brute_force_counted_quarters(start, due, policy) == hours * 4
        # ... and due is the earliest such moment: the quarter before it counts.
        before = due.astimezone(UTC) - timedelta(minutes=15)
        assert policy.counts_day(before.astimezone(policy.tz).date())
        start += step


def test_property_around_the_clock_equals_start_plus_hours() -> None:
    start = datetime(2026, 1, 1, 0, 7, tzinfo=UTC)
    step = timedelta(hours=5, minutes=41)
    for zone in ("America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo", "America/Sao_Paulo"):
        for hours in (1, 12, 24, 48):
            policy = ResponsePolicy(hours=hours, skip_sundays=False, timezone=zone)
            cursor = start
            for _ in range(400):
                due = response_due_at(start=cursor, policy=policy)
                assert elapsed(cursor, due) == timedelta(hours=hours)
                cursor += step


# --- clock_state -------------------------------------------------------------


def test_clock_state_boundaries() -> None:
    due = la(2026, 11, 9, 15, 0)
    assert clock_state(due, due - timedelta(hours=4, seconds=1), 4) == "on_time"
    assert clock_state(due, due - timedelta(hours=4), 4) == "due_soon"
    assert clock_state(due, due, 4) == "due_soon"
    assert clock_state(due, due + timedelta(seconds=1), 4) == "overdue"
    assert clock_state(due, due - timedelta(minutes=1), 0) == "on_time"


def test_clock_state_compares_real_time_across_a_changeover() -> None:
    # 01:30 PDT and 01:10 PST on 1 November: the PST one is 40 real minutes later.
    due = datetime(2026, 11, 1, 1, 30, tzinfo=LA)  # fold=0: PDT
    now = datetime(2026, 11, 1, 1, 10, fold=1, tzinfo=LA)  # PST
    assert clock_state(due, now, 1) == "overdue"


def test_clock_state_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="aware"):
        clock_state(datetime(2026, 1, 1), la(2026, 1, 1), 4)  # noqa: DTZ001


# --- from_store ----------------------------------------------------------------


def test_policy_from_store() -> None:
    store = StoreFactory.build(
        timezone="Europe/Berlin",
        response_hours=24,
        response_skip_sundays=False,
        response_holiday_country="DE",
        response_seasonal=[{"months": [12], "hours": 12}],
    )
    policy = ResponsePolicy.from_store(store)
    assert policy == ResponsePolicy(
        hours=24,
        skip_sundays=False,
        holiday_country="DE",
        seasonal=(SeasonalTarget(months=frozenset({12}), hours=12),),
        timezone="Europe/Berlin",
    )
    with pytest.raises(AttributeError):
        policy.hours = 12  # type: ignore[misc]


def test_policy_from_store_defaults_follow_the_seed() -> None:
    policy = ResponsePolicy.from_store(StoreFactory.build())
    assert policy.hours == 24
    assert policy.skip_sundays is True
    assert policy.holiday_country == ""
    assert policy.seasonal == ()
    assert policy.timezone == "America/Los_Angeles"
