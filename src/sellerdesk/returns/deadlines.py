"""When a seller-fulfilled return must be acted on (``amazon-rules.md`` §7, §9).

Pure functions, no database. A return moves requested → answered (authorized
or rejected) → received → refunded, and at each step has at most one open
deadline, which ``returns.services`` stores in ``Return.due_at``:

* **requested**: answer within ``return_response_hours`` (48) of the request,
  counted in real hours around the clock, as Amazon counts it;
* **authorized / in transit**: nothing is due from the seller: the buyer ships;
* **received** (an arrival date is known): refund within
  ``return_refund_business_days`` (2) business days of the arrival;
* **refunded, rejected, closed**: nothing is due.

FBA returns (AFN) have no seller deadline: Amazon receives and refunds them.

Business days are the store's local calendar days that are neither a Saturday
or Sunday nor a public holiday of ``Store.response_holiday_country`` (blank:
weekends only). "Two business days" is counted like the response clock counts
hours: 2 x 24 real hours, where only the hours of business days count. A return
that arrives on Monday at 10:00 is due on Wednesday at 10:00; one that arrives
on Friday at 15:00 is due on Tuesday at 15:00; one that arrives on a Saturday
starts counting at Monday's midnight and is due at the end of Tuesday. That is
never later than the end-of-day reading of "within two business days", so a
refund made by the desk's deadline is in time under either reading.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from sellerdesk.messaging.clock import ClockState, clock_state, counted_hours_end, is_holiday
from sellerdesk.policy import policy_value
from sellerdesk.returns.models import ReturnStatus

if TYPE_CHECKING:
    from sellerdesk.returns.models import Return
    from sellerdesk.stores.models import Store

DeadlineKind = Literal["answer", "refund"]
SATURDAY = 5  # date.weekday()
# A return's deadline is "due soon" this many hours before it: a day's warning on a
# two-day deadline, as the claims list gives for A-to-z information requests.
DUE_SOON_HOURS = 24
CLOSED_STATUSES = frozenset({ReturnStatus.REFUNDED, ReturnStatus.REJECTED, ReturnStatus.CLOSED})
WAITING_FOR_BUYER = frozenset({ReturnStatus.AUTHORIZED, ReturnStatus.IN_TRANSIT})


@dataclass(frozen=True, slots=True)
class ReturnPolicy:
    """A store's return deadlines, detached from the database."""

    response_hours: int = 48
    refund_business_days: int = 2
    timezone: str = "UTC"
    holiday_country: str = ""

    @classmethod
    def from_store(cls, store: Store) -> ReturnPolicy:
        return cls(
            response_hours=policy_value(store, "return_response_hours"),
            refund_business_days=policy_value(store, "return_refund_business_days"),
            timezone=store.timezone,
            holiday_country=store.response_holiday_country.strip(),
        )

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def is_business_day(self, day: date) -> bool:
        if day.weekday() >= SATURDAY:
            return False
        return not (self.holiday_country and is_holiday(self.holiday_country, day))


@dataclass(frozen=True, slots=True)
class Deadline:
    kind: DeadlineKind
    due_at: datetime

    @property
    def label(self) -> str:
        return "Answer the request" if self.kind == "answer" else "Refund"


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"expected an aware datetime, got naive {value!r}")
    return value


def answer_due_at(*, requested_at: datetime, policy: ReturnPolicy) -> datetime:
    """``response_hours`` real hours after the request (weekends included), local time."""
    due = _aware(requested_at).astimezone(UTC) + timedelta(hours=policy.response_hours)
    return due.astimezone(policy.tz)


def refund_due_at(*, received_at: datetime, policy: ReturnPolicy) -> datetime:
    """``refund_business_days`` business days after the arrival, local time.

    1. Walk the store's local calendar days from the arrival.
    2. A weekend day or holiday is skipped whole (an arrival on one starts the
       count at the next business day's midnight).
    3. Each business day spends its real hours until ``days x 24`` hours are used.
    """
    return counted_hours_end(
        start=received_at,
        hours=timedelta(hours=24 * policy.refund_business_days),
        tz=policy.tz,
        counts=policy.is_business_day,
    )


def return_deadline(
    *,
    status: str,
    fulfillment_channel: str,
    requested_at: datetime,
    received_at: datetime | None,
    refunded_at: datetime | None,
    policy: ReturnPolicy,
) -> Deadline | None:
    """The one deadline open for a return in this state, or None (see the module docstring)."""
    if fulfillment_channel != "MFN":
        return None
    if status in CLOSED_STATUSES or refunded_at is not None:
        return None
    if status == ReturnStatus.REQUESTED:
        return Deadline("answer", answer_due_at(requested_at=requested_at, policy=policy))
    if received_at is not None:
        return Deadline("refund", refund_due_at(received_at=received_at, policy=policy))
    # Authorized or in transit (the buyer is sending it), or received on a date
    # nobody recorded: nothing the desk can count from.
    return None


def deadline_for(record: Return, policy: ReturnPolicy) -> Deadline | None:
    return return_deadline(
        status=record.status,
        fulfillment_channel=record.fulfillment_channel,
        requested_at=record.requested_at,
        received_at=record.received_at,
        refunded_at=record.refunded_at,
        policy=policy,
    )


@dataclass(frozen=True, slots=True)
class DeadlineFacts:
    """What a page or the API shows about a return's deadlines."""

    current: Deadline | None
    answer_due_at: datetime | None  # the request's deadline, met or not (MFN only)
    refund_due_at: datetime | None  # from the arrival, when known (MFN only)
    state: ClockState | None  # of the current deadline at ``now``

    def as_dict(self) -> dict[str, object]:
        return {
            "deadline_kind": self.current.kind if self.current else None,
            "answer_due_at": self.answer_due_at,
            "refund_due_at": self.refund_due_at,
            "deadline_state": self.state,
        }


def deadline_facts(record: Return, policy: ReturnPolicy, now: datetime) -> DeadlineFacts:
    current = deadline_for(record, policy)
    mfn = record.fulfillment_channel == "MFN"
    return DeadlineFacts(
        current=current,
        answer_due_at=answer_due_at(requested_at=record.requested_at, policy=policy)
        if mfn
        else None,
        refund_due_at=refund_due_at(received_at=record.received_at, policy=policy)
        if mfn and record.received_at is not None
        else None,
        state=clock_state(current.due_at, now, DUE_SOON_HOURS) if current else None,
    )
