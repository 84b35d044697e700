"""The seller's checklist: cadence through a month, the large-store rule, periods in the
store's time zone, ticking done with a snapshot, overdue periods, history kept."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.checklist.selectors import (
    checklist_overdue,
    period_for,
    store_is_large,
    store_today,
)
from sellerdesk.checklist.services import checklist_ensure, checklist_for_day, checklist_task_done
from sellerdesk.jobs.scheduler import DEFAULT_JOBS
from sellerdesk.stores.models import Store
from tests.factories import ConversationFactory, OrderFactory, OrderItemFactory, StoreFactory

pytestmark = pytest.mark.django_db

DAILY = {("messages", "daily"), ("returns", "daily")}
MONTHLY = {("claims", "monthly"), ("chargebacks", "monthly"), ("questions", "monthly")}


def tasks_on(store: Store, day: date) -> dict[tuple[str, str], str]:
    return {(r["task"], r["cadence"]): r["due"] for r in checklist_for_day(store=store, day=day)}


# August 2026 by hand: a 31-day month starting on a Saturday. Weeks start on Mondays
# (08-03, 10, 17, 24, 31): the week of Monday 07-27 ends Sunday 08-02, that of 08-31 on 09-06.
WEEK_DUE = {
    **dict.fromkeys(range(1, 3), "2026-08-02"),
    **dict.fromkeys(range(3, 10), "2026-08-09"),
    **dict.fromkeys(range(10, 17), "2026-08-16"),
    **dict.fromkeys(range(17, 24), "2026-08-23"),
    **dict.fromkeys(range(24, 31), "2026-08-30"),
    31: "2026-09-06",
}


def expected_august(day: int, *, large: bool) -> dict[tuple[str, str], str]:
    """Every day: messages and returns due that day; claims, chargebacks and questions due
    08-31; reviews due the week's Sunday; feedback daily (large) or weekly (small)."""
    today = date(2026, 8, day).isoformat()
    expected = dict.fromkeys(DAILY, today) | dict.fromkeys(MONTHLY, "2026-08-31")
    expected[("reviews", "weekly")] = WEEK_DUE[day]
    if large:
        expected[("feedback", "daily")] = today
    else:
        expected[("feedback", "weekly")] = WEEK_DUE[day]
    return expected


@pytest.mark.parametrize("large", [False, True])
def test_cadence_through_a_31_day_month(large: bool) -> None:
    store = StoreFactory(large_store_override=large or None)
    for day in range(1, 32):
        assert tasks_on(store, date(2026, 8, day)) == expected_august(day, large=large), day
    # Spot checks of the hand list: weeks end on Sundays, the month on the 31st.
    assert tasks_on(store, date(2026, 8, 10))[("reviews", "weekly")] == "2026-08-16"
    assert tasks_on(store, date(2026, 8, 31))[("reviews", "weekly")] == "2026-09-06"
    assert tasks_on(store, date(2026, 9, 1))[("claims", "monthly")] == "2026-09-30"
    # History: one row per period, never duplicated by asking again.
    rows = ChecklistTask.objects.filter(store=store, task="reviews")
    assert [r.period_start for r in rows] == [
        date(2026, 7, 27), date(2026, 8, 3), date(2026, 8, 10), date(2026, 8, 17),
        date(2026, 8, 24), date(2026, 8, 31),
    ]  # fmt: skip
    assert ChecklistTask.objects.filter(store=store, task="messages").count() == 32


def test_periods_february_and_a_week_starting_on_sunday() -> None:
    assert period_for(day=date(2026, 2, 14), cadence="monthly") == (
        date(2026, 2, 1),
        date(2026, 2, 28),
    )
    assert period_for(day=date(2028, 2, 29), cadence="monthly")[1] == date(2028, 2, 29)
    # 2026-08-05 is a Wednesday; with weeks from Sunday (6) the week is 08-02..08-08.
    assert period_for(day=date(2026, 8, 5), cadence="weekly", week_start=6) == (
        date(2026, 8, 2),
        date(2026, 8, 8),
    )
    store = StoreFactory(policy_overrides={"week_start_day": 6})
    rows = checklist_ensure(store=store, day=date(2026, 8, 5))
    reviews = next(r for r in rows if r.task == "reviews")
    assert (reviews.period_start, reviews.due) == (date(2026, 8, 2), date(2026, 8, 8))


def test_today_is_the_stores_day_near_midnight() -> None:
    tokyo = StoreFactory(timezone="Asia/Tokyo")
    la = StoreFactory(timezone="America/Los_Angeles")
    # 2026-08-31 15:30 UTC is 09-01 00:30 in Tokyo and still 08-31 08:30 in Los Angeles.
    now = datetime(2026, 8, 31, 15, 30, tzinfo=UTC)
    assert store_today(store=tokyo, now=now) == date(2026, 9, 1)
    assert store_today(store=la, now=now) == date(2026, 8, 31)
    tokyo_rows = {r["task"]: r["due"] for r in checklist_for_day(store=tokyo, now=now)}
    la_rows = {r["task"]: r["due"] for r in checklist_for_day(store=la, now=now)}
    assert tokyo_rows["claims"] == "2026-09-30"
    assert tokyo_rows["messages"] == "2026-09-01"
    assert la_rows["claims"] == "2026-08-31"
    assert la_rows["messages"] == "2026-08-31"
    # One minute before Tokyo's midnight it is still August there.
    before = datetime(2026, 8, 31, 14, 59, tzinfo=UTC)
    assert {r["task"]: r["due"] for r in checklist_for_day(store=tokyo, now=before)}[
        "claims"
    ] == "2026-08-31"


def order_skus(store: Store, count: int, purchased: datetime) -> None:
    for n in range(count):
        OrderItemFactory(order=OrderFactory(store=store, purchase_date=purchased), sku=f"S{n}")


def test_large_store_rule_sku_edge_and_override() -> None:
    store = StoreFactory(large_store_skus=3, timezone="UTC")
    day = date(2026, 8, 31)
    # 90 days ending 08-31 start on 06-03; SKUs ordered before then do not count.
    order_skus(store, 5, datetime(2026, 6, 2, 23, 59, tzinfo=UTC))
    order_skus(store, 2, datetime(2026, 6, 3, 0, 0, tzinfo=UTC))
    # The same SKU twice counts once.
    OrderItemFactory(
        order=OrderFactory(store=store, purchase_date=datetime(2026, 8, 1, tzinfo=UTC)), sku="S0"
    )
    assert not store_is_large(store=store, day=day)
    OrderItemFactory(
        order=OrderFactory(store=store, purchase_date=datetime(2026, 8, 31, 23, tzinfo=UTC)),
        sku="S9",
    )
    assert store_is_large(store=store, day=day)  # exactly the threshold
    assert ("feedback", "daily") in tasks_on(store, day)
    store.large_store_override = False
    assert not store_is_large(store=store, day=day)
    small = StoreFactory(large_store_override=True)
    assert store_is_large(store=small, day=day)


def test_tick_done_keeps_a_snapshot_and_viewers_are_refused(
    store_a: Store,
    agent_a,
    viewer_a,  # type: ignore[no-untyped-def]
) -> None:
    now = datetime(2026, 8, 10, 18, tzinfo=UTC)
    ConversationFactory(store=store_a, status="needs_response", due_at=now - timedelta(hours=1))
    ConversationFactory(store=store_a, status="needs_response", due_at=now + timedelta(hours=5))
    rows = checklist_ensure(store=store_a, day=store_today(store=store_a, now=now))
    messages = next(r for r in rows if r.task == "messages")
    with pytest.raises(PermissionDenied):
        checklist_task_done(task=messages, actor=viewer_a, now=now)
    messages.refresh_from_db()
    assert messages.done_at is None
    done = checklist_task_done(task=messages, actor=agent_a, now=now)
    assert done.done_at == now
    assert done.done_by == agent_a
    assert done.snapshot == {"outstanding": 2, "overdue": 1}
    # Ticking again keeps the first record.
    again = checklist_task_done(task=done, actor=agent_a, now=now + timedelta(hours=1))
    assert again.done_at == now


def test_overdue_after_the_period_ends(store_a: Store, agent_a) -> None:  # type: ignore[no-untyped-def]
    monday = date(2026, 8, 10)
    rows = checklist_ensure(store=store_a, day=monday)
    messages = next(r for r in rows if r.task == "messages")
    checklist_task_done(task=messages, actor=agent_a)
    assert checklist_overdue(store=store_a, day=monday) == []
    tuesday = {r["task"]: r for r in checklist_for_day(store=store_a, day=monday + timedelta(1))}
    overdue = checklist_overdue(store=store_a, day=monday + timedelta(days=1))
    assert {t.task for t in overdue} == {"returns"}
    assert tuesday["returns"]["missed_periods"] == 1
    assert tuesday["messages"]["missed_periods"] == 0
    assert not tuesday["returns"]["overdue"]
    # Tuesday's rows (made above) are undone too; the weekly tasks become overdue after
    # Sunday, the monthly ones after the 31st.
    later = {t.task for t in checklist_overdue(store=store_a, day=date(2026, 8, 17))}
    assert later == {"messages", "returns", "feedback", "reviews"}
    later = {t.task for t in checklist_overdue(store=store_a, day=date(2026, 9, 1))}
    assert later == {
        "messages",
        "returns",
        "feedback",
        "reviews",
        "claims",
        "chargebacks",
        "questions",
    }


def test_the_daily_job_is_registered() -> None:
    assert any(j.task_path == "sellerdesk.checklist.tasks.checklist_daily" for j in DEFAULT_JOBS)
    from sellerdesk.checklist.services import checklist_ensure_all

    StoreFactory()
    assert checklist_ensure_all() == 7
    assert checklist_ensure_all() == 7
    assert ChecklistTask.objects.count() == 7
