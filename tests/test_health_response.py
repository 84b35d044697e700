"""Contact response figures (``sellerdesk.health.response``): Amazon's 24 hours around
the clock beside the store's own policy. Expected figures worked out by hand.

The store is in Berlin (UTC+1 in November) and keeps the seed's policy: 24 hours,
Sundays not counted. The week: Fri 2026-11-06, Sat 07, Sun 08, Mon 09, Tue 10.
As of Tuesday 11-10 the figures stand at Wed 11-11 00:00 Berlin (11-10 23:00 UTC);
the 7-day window holds the clocks started from Wed 11-04 00:00 Berlin.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sellerdesk.audit.models import AuditEvent
from sellerdesk.audit.services import audit_record
from sellerdesk.health.response import ResponseFigure, response_clocks, response_figure
from sellerdesk.health.windows import figures_moment, local_midnight
from sellerdesk.messaging.clock import ResponsePolicy
from sellerdesk.messaging.models import Conversation, Direction, Message
from sellerdesk.stores.models import Store
from tests.factories import ConversationFactory, MessageFactory, StoreFactory

BERLIN = ZoneInfo("Europe/Berlin")
AS_OF = date(2026, 11, 10)
AT = datetime(2026, 11, 10, 23, 0, tzinfo=UTC)


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def store(db: None) -> Store:
    return StoreFactory(name="Berlin", marketplace="DE", timezone="Europe/Berlin", currency="EUR")


def buyer(c: Conversation, at: datetime, *, auto: bool = False) -> Message:
    return MessageFactory(
        conversation=c, direction=Direction.INBOUND, sent_at=at, is_auto_reply=auto
    )


def seller(c: Conversation, at: datetime, *, auto: bool = False) -> Message:
    return MessageFactory(
        conversation=c, direction=Direction.OUTBOUND, sent_at=at, is_auto_reply=auto
    )


def no_response_needed(c: Conversation, at: datetime) -> None:
    event = audit_record(action="conversation.no_response_needed", store=c.store, target=c)
    AuditEvent.objects.filter(pk=event.pk).update(created_at=at)


def figures(store: Store, days: int, *, as_of: date = AS_OF, at: datetime = AT) -> ResponseFigure:
    clocks = response_clocks(
        messages=Message.objects.filter(conversation__store=store),
        marks=AuditEvent.objects.filter(store=store),
        since=local_midnight(as_of - timedelta(days=89), store.tz),
        at=at,
    )
    return response_figure(
        clocks, days=days, as_of=as_of, tz=store.tz, at=at, policy=ResponsePolicy.from_store(store)
    )


@pytest.fixture
def week(store: Store) -> Store:
    """Nine clocks around a weekend (Berlin times; hours to the reply in brackets).

    =====  ==========================  ================  ===========  ===============
    conv.  buyer message               reply             Amazon       store (Sun off)
    =====  ==========================  ================  ===========  ===============
    sat    Sat 10:00                   Mon 09:00 (47 h)  late         due Mon 10:00:
                                                                      in time
    fri    Fri 09:00 (+ Fri 10:00)     Fri 11:00 (2 h)   in time      in time
    sun    Sun 12:00                   Mon 20:00 (32 h)  late         due Tue 00:00:
                                                                      in time
    nrn    Sat 08:00, marked "no       -                 left out     left out
           response needed" Sat 09:00
    nrn    Mon 10:00 (a new clock)     Mon 11:00 (1 h)   in time      in time
    new    Tue 20:00                   none              pending      pending
                                                         (due Wed     (due Wed
                                                         20:00)       20:00)
    mon    Mon 15:00                   none              no response  due Tue 15:00:
                                                                      late
    auto   buyer's auto-reply Mon      Mon 09:00 (2 h;   in time      in time
           06:00 starts nothing; Mon   the seller's
           07:00                       auto-reply 07:01
                                       stops nothing)
    edge   Wed 11-04 00:30 (UTC: 11-03)  01:30 (1 h)     in time      in time
    old    Tue 11-03 23:30             Wed 10:00         in time      in time
                                       (10.5 h)          (30 days     (30 days
                                                         only)        only)
    =====  ==========================  ================  ===========  ===============
    """
    c = ConversationFactory(store=store, subject="sat")
    buyer(c, local(7, 10))
    seller(c, local(9, 9))
    c = ConversationFactory(store=store, subject="fri")
    buyer(c, local(6, 9))
    buyer(c, local(6, 10))  # joins the running clock
    seller(c, local(6, 11))
    c = ConversationFactory(store=store, subject="sun")
    buyer(c, local(8, 12))
    seller(c, local(9, 20))
    c = ConversationFactory(store=store, subject="nrn")
    buyer(c, local(7, 8))
    no_response_needed(c, local(7, 9))
    buyer(c, local(9, 10))
    seller(c, local(9, 11))
    c = ConversationFactory(store=store, subject="new")
    buyer(c, local(10, 20))
    c = ConversationFactory(store=store, subject="mon")
    buyer(c, local(9, 15))
    c = ConversationFactory(store=store, subject="auto")
    buyer(c, local(9, 6), auto=True)
    buyer(c, local(9, 7))
    seller(c, local(9, 7, 1), auto=True)
    seller(c, local(9, 9))
    c = ConversationFactory(store=store, subject="edge")
    buyer(c, local(4, 0, 30))
    seller(c, local(4, 1, 30))
    c = ConversationFactory(store=store, subject="old")
    buyer(c, local(3, 23, 30))
    seller(c, local(4, 10))
    return store


def test_seven_days_around_the_clock_and_under_the_sunday_off_policy(week: Store) -> None:
    data = figures(week, 7).as_dict()
    # Amazon: answered sat, fri, sun, nrn (Mon), auto, edge = 6, of them late (> 24 h):
    # sat (47 h) and sun (32 h) = 2; unanswered past 24 h: mon = 1; pending: new.
    # messages = 6 + 1 = 7, late = 2 + 1 = 3: late_rate = 3/7.
    assert (data["messages"], data["late"], data["over_24_hours"], data["no_response"]) == (
        7, 3, 2, 1,
    )  # fmt: skip
    assert data["late_rate"] == pytest.approx(3 / 7)
    assert (data["answered"], data["pending"], data["no_response_needed"]) == (6, 1, 1)
    # Average of the answered: (47 + 2 + 32 + 1 + 2 + 1) / 6 = 85 / 6 h.
    assert data["avg_hours"] == pytest.approx(85 / 6)
    # Sundays off: sat due Mon 10:00 and sun due Tue 00:00 are both in time; mon (due
    # Tue 15:00) is late; new is pending: 6 in time of 7.
    assert (data["policy_on_time"], data["policy_messages"], data["policy_pending"]) == (6, 7, 1)
    assert data["on_time_rate_policy"] == pytest.approx(6 / 7)
    assert data["window"] == ["2026-11-04", "2026-11-10"]


def test_thirty_days_add_the_clock_started_before_the_week(week: Store) -> None:
    data = figures(week, 30).as_dict()
    # + old (10.5 h, in time): messages 8, late 3: 3/8; average (85 + 10.5) / 7.
    assert (data["messages"], data["late"], data["answered"]) == (8, 3, 7)
    assert data["late_rate"] == 3 / 8
    assert data["avg_hours"] == pytest.approx(95.5 / 7)
    assert data["on_time_rate_policy"] == 7 / 8
    assert data["window"] == ["2026-10-12", "2026-11-10"]


def test_around_the_clock_policy_agrees_with_amazon(week: Store) -> None:
    # With Sundays counted, the policy is Amazon's rule: in time = 7 - 3 = 4 of 7.
    week.response_skip_sundays = False
    week.save()
    data = figures(week, 7).as_dict()
    assert data["late_rate"] == pytest.approx(3 / 7)
    assert data["on_time_rate_policy"] == pytest.approx(4 / 7)


def test_a_clock_is_placed_by_its_start_in_the_stores_time_zone(store: Store) -> None:
    # Started Wed 11-04 00:30 Berlin (11-03 23:30 UTC): in the 7-day window 11-04..11-10.
    # Started Tue 11-03 23:59 Berlin: not in it.
    c = ConversationFactory(store=store)
    buyer(c, local(4, 0, 30))
    seller(c, local(4, 2))
    c = ConversationFactory(store=store)
    buyer(c, local(3, 23, 59))
    seller(c, local(4, 1))
    assert figures(store, 7).messages == 1
    assert figures(store, 30).messages == 2


def test_unanswered_is_pending_until_its_24_hours_run_out(store: Store) -> None:
    c = ConversationFactory(store=store)
    start = local(9, 22)  # Monday 22:00
    buyer(c, start)
    as_of = date(2026, 11, 10)
    # Tuesday 21:00 (23 h later): not late, not counted.
    early = figures_moment(as_of, store.tz, (start + timedelta(hours=23)).astimezone(UTC))
    data = figures(store, 7, at=early).as_dict()
    assert (data["messages"], data["pending"], data["late_rate"]) == (0, 1, None)
    assert data["note"] == "insufficient data: no buyer message to judge"
    # Exactly 24 h later: still not late (a reply at the deadline would be in time).
    data = figures(store, 7, at=start + timedelta(hours=24)).as_dict()
    assert (data["messages"], data["pending"]) == (0, 1)
    # The end of Tuesday (25 h): late, "no response".
    data = figures(store, 7).as_dict()
    assert (data["messages"], data["no_response"], data["late_rate"]) == (1, 1, 1.0)
    assert data["avg_hours"] is None


def test_a_reply_at_exactly_24_hours_is_in_time(store: Store) -> None:
    c = ConversationFactory(store=store)
    buyer(c, local(9, 8))
    seller(c, local(10, 8))
    c = ConversationFactory(store=store)
    buyer(c, local(9, 9))
    seller(c, local(10, 9, 1))
    data = figures(store, 7).as_dict()
    # 24 h in time, 24 h 1 min late: 1/2.
    assert (data["messages"], data["late"], data["late_rate"]) == (2, 1, 0.5)
    assert data["avg_hours"] == pytest.approx((24 + 24 + 1 / 60) / 2)


def test_no_response_needed_leaves_the_metric_and_a_new_message_starts_a_new_clock(
    store: Store,
) -> None:
    c = ConversationFactory(store=store)
    buyer(c, local(5, 9))
    no_response_needed(c, local(7, 9))  # two days later, long past 24 h: still left out
    buyer(c, local(9, 9))
    seller(c, local(9, 12))
    data = figures(store, 7).as_dict()
    assert (data["messages"], data["no_response_needed"], data["late"]) == (1, 1, 0)
    assert data["avg_hours"] == 3.0


def test_a_mark_given_after_the_figures_moment_is_not_known(store: Store) -> None:
    # Unanswered since Mon 09:00, marked Wed 09:00: as of Tuesday it was still waiting.
    c = ConversationFactory(store=store)
    buyer(c, local(9, 9))
    no_response_needed(c, local(11, 9))
    data = figures(store, 7).as_dict()
    assert (data["no_response"], data["no_response_needed"]) == (1, 0)
    data = figures(store, 7, as_of=date(2026, 11, 11), at=local(12, 0)).as_dict()
    assert (data["no_response"], data["no_response_needed"]) == (0, 1)


def test_other_stores_messages_are_not_read(store: Store) -> None:
    other = StoreFactory(name="Other")
    c = ConversationFactory(store=other)
    buyer(c, local(9, 9))
    assert figures(store, 90).as_dict()["messages"] == 0
