"""Contact response figures: Amazon's around-the-clock metric and the store's policy.

**Clocks.** Each conversation's messages (and its "no response needed" marks,
the audit events ``conversation.no_response_needed``) are replayed in time
order, up to the moment the figures stand at (``at``):

1. A buyer message starts a clock when none is running; later buyer messages
   before the reply join it (the clock starts at the *first* unanswered one).
   Auto-replies from the buyer's side (out-of-office, …) start nothing.
2. The first outbound message after the start, not itself an auto-reply, stops
   it: the **response time** is that message's ``sent_at`` - the clock's start.
3. A "no response needed" given while the clock runs ends it without a reply:
   the clock is **left out** of every figure, whenever the mark was given.
4. A clock still running at ``at`` is unanswered.

**Which clocks enter the window of N days** (7, 30, 90): those whose *start* lies
in the N local days ending with the as-of day, i.e. from local midnight of
``as_of - (N - 1)`` up to ``at`` (the end of the as-of day, or now when earlier).
A clock started before the window is in no figure of it, even if answered inside.

**Amazon's metric** (24 hours around the clock, weekends and holidays counted):

* late: answered more than 24 h after the start (exactly 24 h is in time), or
  unanswered while its 24 h ran out before ``at`` ("no response");
* unanswered with time left at ``at``: **pending**, neither late nor in time, and
  not in the denominator;
* ``late_rate`` = late ÷ (answered + unanswered past 24 h) = late ÷ ``messages``;
* ``avg_hours`` = the mean response time of the answered clocks (the unanswered
  have none).

**The store's policy** (``messaging.clock.response_due_at``: Sundays and holidays
skipped as the store says, seasonal targets): ``on_time_rate_policy`` = answered
by the policy deadline ÷ (answered + unanswered past that deadline), over the
same clocks; unanswered ones whose policy deadline is still ahead are pending
under the policy (``policy_pending``), so the two denominators can differ.
"""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db.models import QuerySet

from sellerdesk.audit.models import AuditEvent
from sellerdesk.health.windows import local_midnight
from sellerdesk.messaging.clock import ResponsePolicy, amazon_due_at, response_due_at
from sellerdesk.messaging.models import Direction, Message

NO_RESPONSE_NEEDED = "conversation.no_response_needed"
HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Clock:
    conversation_id: int
    started_at: datetime
    answered_at: datetime | None = None
    no_response_needed: bool = False

    @property
    def response_time(self) -> timedelta | None:
        return None if self.answered_at is None else self.answered_at - self.started_at


def _replay(
    conversation_id: int,
    messages: list[tuple[str, bool, datetime]],
    marks: list[datetime],
) -> list[Clock]:
    """The clocks of one conversation from its (direction, auto, sent_at) in time
    order and its "no response needed" times."""
    # At the same instant a message goes first: a mark answers what had arrived.
    events = sorted(
        [(sent_at, 0, direction, auto) for direction, auto, sent_at in messages]
        + [(mark, 1, "", False) for mark in marks],
        key=lambda e: (e[0], e[1]),
    )
    clocks: list[Clock] = []
    started: datetime | None = None
    for when, is_mark, direction, auto in events:
        if started is None:
            if not is_mark and direction == Direction.INBOUND and not auto:
                started = when
            continue
        if is_mark:
            clocks.append(Clock(conversation_id, started, no_response_needed=True))
            started = None
        elif direction == Direction.OUTBOUND and not auto:
            clocks.append(Clock(conversation_id, started, answered_at=when))
            started = None
    if started is not None:
        clocks.append(Clock(conversation_id, started))
    return clocks


def response_clocks(
    *,
    messages: QuerySet[Message],
    marks: QuerySet[AuditEvent],
    since: datetime,
    at: datetime,
) -> list[Clock]:
    """Every clock started from ``since`` up to ``at``, replayed from ``messages``
    and the "no response needed" ``marks`` known by ``at`` (both one store's)."""
    known = messages.filter(sent_at__lt=at)
    active = known.filter(sent_at__gte=since).values("conversation_id")
    by_conversation: defaultdict[int, list[tuple[str, bool, datetime]]] = defaultdict(list)
    for conversation_id, direction, auto, sent_at in (
        known.filter(conversation_id__in=active)
        .order_by("conversation_id", "sent_at", "pk")
        .values_list("conversation_id", "direction", "is_auto_reply", "sent_at")
    ):
        by_conversation[conversation_id].append((direction, auto, sent_at))
    marks_by_conversation: defaultdict[int, list[datetime]] = defaultdict(list)
    for target_id, created_at in marks.filter(
        action=NO_RESPONSE_NEEDED, created_at__lt=at
    ).values_list("target_id", "created_at"):
        if target_id.isdigit():
            marks_by_conversation[int(target_id)].append(created_at)
    clocks = [
        clock
        for conversation_id, rows in by_conversation.items()
        for clock in _replay(conversation_id, rows, marks_by_conversation[conversation_id])
    ]
    return sorted(
        (c for c in clocks if since <= c.started_at < at),
        key=lambda c: (c.started_at, c.conversation_id),
    )


@dataclass(frozen=True, slots=True)
class ResponseFigure:
    """One window's figures (see the module docstring)."""

    days: int
    start: date
    end: date
    answered: int
    answered_late: int  # after 24 h
    no_response: int  # unanswered, 24 h ran out before ``at``
    pending: int  # unanswered, within its 24 h at ``at``
    no_response_needed: int  # left out
    total_response: timedelta  # of the answered
    policy_on_time: int
    policy_late: int  # answered after the policy deadline, or unanswered past it
    policy_pending: int

    @property
    def messages(self) -> int:
        return self.answered + self.no_response

    @property
    def late(self) -> int:
        return self.answered_late + self.no_response

    @property
    def late_rate(self) -> float | None:
        return self.late / self.messages if self.messages else None

    @property
    def avg_hours(self) -> float | None:
        return self.total_response / HOUR / self.answered if self.answered else None

    @property
    def policy_messages(self) -> int:
        return self.policy_on_time + self.policy_late

    @property
    def on_time_rate_policy(self) -> float | None:
        return self.policy_on_time / self.policy_messages if self.policy_messages else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "late_rate": self.late_rate,
            "avg_hours": self.avg_hours,
            "on_time_rate_policy": self.on_time_rate_policy,
            "messages": self.messages,
            "late": self.late,
            "over_24_hours": self.answered_late,
            "no_response": self.no_response,
            "answered": self.answered,
            "pending": self.pending,
            "no_response_needed": self.no_response_needed,
            "policy_messages": self.policy_messages,
            "policy_on_time": self.policy_on_time,
            "policy_pending": self.policy_pending,
            "window": [self.start.isoformat(), self.end.isoformat()],
            "note": None if self.messages else "insufficient data: no buyer message to judge",
        }


def response_figure(
    clocks: list[Clock],
    *,
    days: int,
    as_of: date,
    tz: zoneinfo.ZoneInfo,
    at: datetime,
    policy: ResponsePolicy,
) -> ResponseFigure:
    """The figures of the clocks that started in the ``days`` local days ending with
    ``as_of`` (up to ``at``)."""
    start = as_of - timedelta(days=days - 1)
    since = local_midnight(start, tz)
    at = at.astimezone(UTC)
    counts: defaultdict[str, int] = defaultdict(int)
    total = timedelta(0)
    for clock in clocks:
        if not since <= clock.started_at < at:
            continue
        if clock.no_response_needed:
            counts["no_response_needed"] += 1
            continue
        amazon_due = amazon_due_at(start=clock.started_at)
        policy_due = response_due_at(start=clock.started_at, policy=policy)
        if clock.answered_at is not None:
            counts["answered"] += 1
            total += clock.answered_at - clock.started_at
            counts["answered_late"] += clock.answered_at > amazon_due
            counts["policy_on_time" if clock.answered_at <= policy_due else "policy_late"] += 1
            continue
        counts["no_response" if amazon_due < at else "pending"] += 1
        counts["policy_late" if policy_due < at else "policy_pending"] += 1
    return ResponseFigure(
        days=days,
        start=start,
        end=as_of,
        answered=counts["answered"],
        answered_late=counts["answered_late"],
        no_response=counts["no_response"],
        pending=counts["pending"],
        no_response_needed=counts["no_response_needed"],
        total_response=total,
        policy_on_time=counts["policy_on_time"],
        policy_late=counts["policy_late"],
        policy_pending=counts["policy_pending"],
    )
