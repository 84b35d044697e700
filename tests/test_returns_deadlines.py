"""Return deadlines: 48 hours to answer, 2 business days to refund, in the store's
time zone, without weekends and the store's public holidays; recomputed on each
change of a return."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.returns.deadlines import (
    ReturnPolicy,
    answer_due_at,
    deadline_facts,
    refund_due_at,
    return_deadline,
)
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.returns.services import (
    return_from_request,
    return_status_set,
    returns_deadlines_recompute,
)
from sellerdesk.stores.models import Store
from tests.factories import ReturnFactory

LA = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")
US = ReturnPolicy(timezone="America/Los_Angeles", holiday_country="US")
US_NO_HOLIDAYS = ReturnPolicy(timezone="America/Los_Angeles")
DE = ReturnPolicy(timezone="Europe/Berlin", holiday_country="DE")


def test_answer_within_48_hours_weekend_included() -> None:
    # Friday 10:00 UTC: Amazon's 48 hours run through the weekend, to Sunday 10:00.
    due = answer_due_at(requested_at=datetime(2026, 11, 6, 10, tzinfo=UTC), policy=US)
    assert due == datetime(2026, 11, 8, 10, tzinfo=UTC)
    assert due.tzinfo == LA  # shown in the store's time zone


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        # Monday 10:00: Monday 14 h + Tuesday 24 h + Wednesday 10 h.
        (datetime(2026, 11, 2, 10, tzinfo=LA), datetime(2026, 11, 4, 10, tzinfo=LA), "weekdays"),
        # Friday 15:00: Friday 9 h, weekend skipped, Monday 24 h, Tuesday 15 h.
        (datetime(2026, 11, 6, 15, tzinfo=LA), datetime(2026, 11, 10, 15, tzinfo=LA), "weekend"),
        # Saturday: counting starts Monday 00:00, so the end of Tuesday.
        (datetime(2026, 11, 7, 11, tzinfo=LA), datetime(2026, 11, 11, 0, tzinfo=LA), "saturday"),
        # Wednesday before Thanksgiving (Thursday Nov 26, a US holiday): Wednesday 14 h,
        # Thursday skipped, Friday 24 h, weekend skipped, Monday 10 h.
        (
            datetime(2026, 11, 25, 10, tzinfo=LA),
            datetime(2026, 11, 30, 10, tzinfo=LA),
            "thanksgiving",
        ),
    ],
)
def test_refund_within_two_business_days(received: datetime, due: datetime, why: str) -> None:
    assert refund_due_at(received_at=received, policy=US) == due, why


def test_without_a_holiday_country_only_weekends_are_skipped() -> None:
    # Wednesday before Thanksgiving: Wednesday 14 h, Thursday 24 h, Friday 10 h.
    received = datetime(2026, 11, 25, 10, tzinfo=LA)
    assert refund_due_at(received_at=received, policy=US_NO_HOLIDAYS) == datetime(
        2026, 11, 27, 10, tzinfo=LA
    )


def test_refund_deadline_skips_easter_in_germany() -> None:
    # Thursday Apr 2, 2026, 12:00 in Berlin: Thursday 12 h; Good Friday, the weekend and
    # Easter Monday are skipped; Tuesday 24 h; Wednesday 12 h.
    received = datetime(2026, 4, 2, 12, tzinfo=BERLIN)
    assert refund_due_at(received_at=received, policy=DE) == datetime(2026, 4, 8, 12, tzinfo=BERLIN)


def test_business_days_are_local_days_across_the_clock_change() -> None:
    # Friday Oct 23, 2026, 15:00 CEST; the clocks go back on Sunday Oct 25 (skipped).
    # Friday 9 h + Monday 24 h + Tuesday 15 h: Tuesday 15:00 CET on the wall clock.
    received = datetime(2026, 10, 23, 15, tzinfo=BERLIN)
    due = refund_due_at(received_at=received, policy=DE)
    assert due == datetime(2026, 10, 27, 15, tzinfo=BERLIN)
    assert due.utcoffset() == timedelta(hours=1)
    # A day in UTC is not the store's day: 23:30 on Friday in Los Angeles is Saturday in
    # UTC, yet Friday's last half hour still counts.
    late_friday = datetime(2026, 11, 6, 23, 30, tzinfo=LA)
    assert refund_due_at(received_at=late_friday, policy=US) == datetime(
        2026, 11, 10, 23, 30, tzinfo=LA
    )


@pytest.mark.parametrize(
    ("status", "channel", "received", "refunded", "kind"),
    [
        ("requested", "MFN", None, None, "answer"),
        ("authorized", "MFN", None, None, None),  # the buyer is sending it
        ("in_transit", "MFN", None, None, None),
        ("received", "MFN", True, None, "refund"),
        ("in_transit", "MFN", True, None, "refund"),  # arrived before the status caught up
        ("received", "MFN", None, None, None),  # arrival date unknown: nothing to count from
        ("refunded", "MFN", True, True, None),
        ("rejected", "MFN", None, None, None),
        ("closed", "MFN", True, None, None),
        ("requested", "AFN", None, None, None),  # FBA: Amazon's to handle
        ("received", "AFN", True, None, None),
    ],
)
def test_which_deadline_is_open(
    status: str, channel: str, received: bool | None, refunded: bool | None, kind: str | None
) -> None:
    at = datetime(2026, 11, 2, 18, tzinfo=UTC)
    deadline = return_deadline(
        status=status,
        fulfillment_channel=channel,
        requested_at=at,
        received_at=at if received else None,
        refunded_at=at if refunded else None,
        policy=US,
    )
    assert (deadline.kind if deadline else None) == kind


# --- the service moves the deadline -------------------------------------------------


@pytest.fixture
def us_store(store_a: Store) -> Store:
    store_a.timezone = "America/Los_Angeles"
    store_a.response_holiday_country = "US"
    store_a.save()
    return store_a


@pytest.mark.django_db
def test_due_at_follows_each_step(us_store: Store, agent_a: User) -> None:
    requested = datetime(2026, 11, 24, 18, tzinfo=UTC)  # Tuesday 10:00 in Los Angeles
    record, created = return_from_request(
        store=us_store, order_id="112-0000001-0000001", received_at=requested, sku="MUG"
    )
    assert created
    assert record.due_at == requested + timedelta(hours=48)  # answer the request

    return_status_set(record=record, actor=agent_a, status=ReturnStatus.AUTHORIZED)
    record.refresh_from_db()
    assert record.due_at is None  # answered: the buyer ships it

    arrived = datetime(2026, 11, 25, 10, tzinfo=LA)  # the day before Thanksgiving
    return_status_set(record=record, actor=agent_a, status=ReturnStatus.RECEIVED, at=arrived)
    record.refresh_from_db()
    assert record.received_at == arrived
    assert record.due_at == datetime(2026, 11, 30, 10, tzinfo=LA)  # refund

    refunded = datetime(2026, 11, 27, 9, tzinfo=LA)
    return_status_set(
        record=record,
        actor=agent_a,
        status=ReturnStatus.REFUNDED,
        at=refunded,
        resolution="Refunded",
        amount=None,
    )
    record.refresh_from_db()
    assert (record.due_at, record.refunded_at, record.resolution) == (None, refunded, "Refunded")
    steps = AuditEvent.objects.filter(action="return.status_changed", target_id=str(record.pk))
    assert [e.data["to"] for e in steps.order_by("pk")] == ["authorized", "received", "refunded"]


@pytest.mark.django_db
def test_status_never_moves_back_and_viewers_cannot_change_it(
    us_store: Store, agent_a: User, viewer_a: User
) -> None:
    record = ReturnFactory(store=us_store, status=ReturnStatus.REFUNDED)
    with pytest.raises(ValidationError):
        return_status_set(record=record, actor=agent_a, status=ReturnStatus.REQUESTED)
    with pytest.raises(ValidationError):
        return_status_set(record=record, actor=agent_a, status=ReturnStatus.REJECTED)
    with pytest.raises(ValidationError):
        return_status_set(record=record, actor=agent_a, status="answered")
    with pytest.raises(PermissionDenied):
        return_status_set(record=record, actor=viewer_a, status=ReturnStatus.CLOSED)
    record.refresh_from_db()
    assert record.status == ReturnStatus.REFUNDED


@pytest.mark.django_db
def test_recompute_after_the_holiday_country_changes(us_store: Store) -> None:
    arrived = datetime(2026, 11, 25, 10, tzinfo=LA)
    record = ReturnFactory(
        store=us_store,
        status=ReturnStatus.RECEIVED,
        received_at=arrived,
        due_at=datetime(2026, 11, 27, 10, tzinfo=LA),  # computed without holidays
    )
    done = ReturnFactory(store=us_store, status=ReturnStatus.REFUNDED, due_at=None)
    assert returns_deadlines_recompute(store=us_store) == 1
    record.refresh_from_db()
    assert record.due_at == datetime(2026, 11, 30, 10, tzinfo=LA)
    assert returns_deadlines_recompute(store=us_store) == 0
    assert Return.objects.get(pk=done.pk).due_at is None


@pytest.mark.django_db
def test_store_policy_override_changes_the_numbers(us_store: Store) -> None:
    us_store.policy_overrides = {"return_response_hours": 24, "return_refund_business_days": 1}
    us_store.save()
    policy = ReturnPolicy.from_store(us_store)
    record = ReturnFactory(store=us_store, received_at=datetime(2026, 11, 2, 10, tzinfo=LA))
    facts = deadline_facts(record, policy, datetime(2026, 11, 2, 12, tzinfo=UTC))
    assert facts.answer_due_at == record.requested_at + timedelta(hours=24)
    assert facts.refund_due_at == datetime(2026, 11, 3, 10, tzinfo=LA)
    assert facts.current is not None
    assert facts.current.kind == "answer"
    # Requested Nov 2 12:00 UTC, due 24 h later; at 12:00 it is a day away: due soon.
    assert facts.state == "due_soon"
