"""Notification events: recording once, state events, and each detector.

The moment is fixed: ``NOW`` is 2026-11-20 18:00 UTC, 10:00 on Friday 20 November in
Store A (Los Angeles). "Recent" (the no-flood rule) is: learned in the last 24 h
(``created_at``, set by travelling in time while creating) and dated from 7 November
(local, 14 days with today).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Model
from django.urls import resolve, reverse

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.claims.models import Claim
from sellerdesk.feedback.models import Feedback
from sellerdesk.mail.fetching import channel_fetch_recorded
from sellerdesk.mail.imap import FetchError
from sellerdesk.mail.models import MailChannel
from sellerdesk.messaging.models import Conversation, Message
from sellerdesk.notifications.detectors import detect_all, detect_store
from sellerdesk.notifications.detectors.messaging import (
    detect_conversation_due_soon,
    detect_conversation_overdue,
    detect_new_buyer_message,
)
from sellerdesk.notifications.detectors.records import (
    detect_checklist_overdue,
    detect_claim_deadline,
    detect_negative_feedback,
    detect_negative_review,
    detect_new_chargeback,
    detect_new_claim,
    detect_seller_fault_return,
)
from sellerdesk.notifications.detectors.state import (
    detect_odr_above_target,
    detect_return_rate_flag,
    detect_sync_failing,
    redact,
)
from sellerdesk.notifications.events import (
    Draft,
    event_record,
    event_resolve,
    excerpt,
    key_part,
    state_sync,
    subject_of,
)
from sellerdesk.notifications.models import EventKind, NotificationEvent, Severity
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.returns.models import Return
from sellerdesk.reviews.models import Review
from sellerdesk.spapi.models import SpApiConnection
from sellerdesk.stores.models import Store
from tests import factories


def _typed[M: Model](factory: Any, model: type[M]) -> Callable[..., M]:
    """The factory, typed as making ``model`` (factory_boy's calls are untyped)."""

    def build(**fields: Any) -> M:
        made = factory(**fields)
        assert isinstance(made, model)
        return made

    return build


ChargebackFactory = _typed(factories.ChargebackFactory, Chargeback)
ClaimFactory = _typed(factories.ClaimFactory, Claim)
ConversationFactory = _typed(factories.ConversationFactory, Conversation)
FeedbackFactory = _typed(factories.FeedbackFactory, Feedback)
MessageFactory = _typed(factories.MessageFactory, Message)
OrderFactory = _typed(factories.OrderFactory, Order)
OrderItemFactory = _typed(factories.OrderItemFactory, OrderItem)
ReturnFactory = _typed(factories.ReturnFactory, Return)
ReviewFactory = _typed(factories.ReviewFactory, Review)

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


@pytest.fixture(autouse=True)
def _no_remembered_figures() -> None:
    # detect_store remembers in the cache when it last computed a store's figures.
    cache.clear()


@contextmanager
def learned(at: datetime) -> Iterator[None]:
    """Create records as if the desk learned of them at ``at`` (their created_at)."""
    with time_machine.travel(at, tick=False):
        yield


def events(store: Store, kind: str) -> list[NotificationEvent]:
    return list(NotificationEvent.objects.filter(store=store, kind=kind).order_by("pk"))


def keys(store: Store, kind: str) -> set[str]:
    return {e.key for e in events(store, kind)}


def url_name(link: str) -> str:
    return resolve(link).url_name or ""


# --- recording --------------------------------------------------------------------------------


def test_event_record_inserts_once_per_store_kind_and_key(store_a: Store, store_b: Store) -> None:
    first = event_record(
        store=store_a, kind=EventKind.NEW_CLAIM, key="claim:1", title="First", occurred_at=NOW
    )
    assert first is not None
    with transaction.atomic():
        again = event_record(
            store=store_a,
            kind=EventKind.NEW_CLAIM,
            key="claim:1",
            title="Second",
            severity=Severity.URGENT,
            occurred_at=NOW + HOUR,
        )
        assert again is None
        # The duplicate was refused inside a savepoint: the transaction is still usable.
        assert NotificationEvent.objects.filter(store=store_a).count() == 1
    stored = NotificationEvent.objects.get(pk=first.pk)
    assert (stored.title, stored.severity, stored.occurred_at) == ("First", "info", NOW)
    # The same key in another kind or another store is another event.
    assert event_record(
        store=store_a, kind=EventKind.CLAIM_DEADLINE, key="claim:1", title="x", occurred_at=NOW
    )
    assert event_record(
        store=store_b, kind=EventKind.NEW_CLAIM, key="claim:1", title="x", occurred_at=NOW
    )
    assert NotificationEvent.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_two_detection_passes_at_once_record_each_event_once(store_a: Store) -> None:
    with learned(NOW - HOUR):
        for _ in range(5):
            ClaimFactory(store=store_a, filed_at=NOW - HOUR, due_at=NOW + 47 * HOUR)
    start = threading.Barrier(2)
    results: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait(timeout=30)
            results.append(detect_all(now=NOW))
        except BaseException as exc:  # reported below; a thread must not swallow it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sum(results) == 5  # however the two passes interleaved
    assert NotificationEvent.objects.filter(kind=EventKind.NEW_CLAIM).count() == 5


def test_event_record_refuses_an_empty_or_long_key(store_a: Store) -> None:
    for key in ("", "k" * 201):
        with pytest.raises(ValueError, match="event key"):
            event_record(
                store=store_a, kind=EventKind.NEW_CLAIM, key=key, title="t", occurred_at=NOW
            )


def test_event_resolve_by_key_and_by_prefix(store_a: Store) -> None:
    for key in ("odr:mfn:now:2026-11-01", "odr:afn:now:2026-11-02", "odr:afn:forecast:2026-11-03"):
        event_record(
            store=store_a, kind=EventKind.ODR_ABOVE_TARGET, key=key, title=key, occurred_at=NOW
        )
    kind = EventKind.ODR_ABOVE_TARGET
    assert event_resolve(store=store_a, kind=kind, key="odr:mfn:now:2026-11-01", now=NOW) == 1
    assert event_resolve(store=store_a, kind=kind, key="odr:mfn:now:2026-11-01", now=NOW) == 0
    assert event_resolve(store=store_a, kind=kind, key_prefix="odr:afn:", now=NOW + HOUR) == 2
    assert all(e.resolved_at is not None for e in events(store_a, kind))
    with pytest.raises(ValueError, match="exactly one"):
        event_resolve(store=store_a, kind=kind, now=NOW)


def test_state_sync_opens_keeps_resolves_and_reopens_with_a_new_key(store_a: Store) -> None:
    kind = EventKind.ODR_ABOVE_TARGET

    def holds(key: str) -> list[Draft]:
        return [Draft(key=key, title="ODR above target", occurred_at=NOW)]

    assert state_sync(store=store_a, kind=kind, now=NOW, holding=holds("odr:mfn:now:d1")) == 1
    # Still holding, and the detector would now stamp another start: no new event.
    assert state_sync(store=store_a, kind=kind, now=NOW, holding=holds("odr:mfn:now:d2")) == 0
    assert keys(store_a, kind) == {"odr:mfn:now:d1"}
    # Cleared: resolved.
    assert state_sync(store=store_a, kind=kind, now=NOW + HOUR, holding=[]) == 0
    (first,) = events(store_a, kind)
    assert first.resolved_at == NOW + HOUR
    # Holds again with a new start: a new event (a new alert).
    assert state_sync(store=store_a, kind=kind, now=NOW, holding=holds("odr:mfn:now:d3")) == 1
    # Clears and holds again within the same start stamp: the event reopens, no new one.
    state_sync(store=store_a, kind=kind, now=NOW, holding=[])
    assert state_sync(store=store_a, kind=kind, now=NOW, holding=holds("odr:mfn:now:d3")) == 0
    assert {(e.key, e.resolved_at is None) for e in events(store_a, kind)} == {
        ("odr:mfn:now:d1", False),
        ("odr:mfn:now:d3", True),
    }


def test_state_keys_and_excerpts() -> None:
    assert subject_of("sku:A%3AB:2026-W47") == "sku:A%3AB:"
    assert key_part("A:B c/1") == "A%3AB%20c%2F1"
    text = "Hello\n\n\x1b[31m  where\u202eis\tmy order?" + " word" * 40
    quoted = excerpt(text)
    # 99 characters kept, the space they end on trimmed, and the ellipsis.
    assert len(quoted) == 99
    assert quoted.startswith("Hello [31m whereis my order? word")
    assert quoted.endswith("…")
    for dropped in ("\n", "\x1b", "\u202e"):
        assert dropped not in quoted
    assert excerpt("  short  ") == "short"


# --- conversations ----------------------------------------------------------------------------


def test_due_soon_fires_for_waiting_conversations_within_the_store_hours(
    store_a: Store, store_b: Store
) -> None:
    with learned(NOW - DAY):
        soon = ConversationFactory(
            store=store_a, due_at=NOW + 3 * HOUR, amazon_due_at=NOW + 5 * HOUR
        )
        edge = ConversationFactory(store=store_a, due_at=NOW + 4 * HOUR)
        later = ConversationFactory(store=store_a, due_at=NOW + 4 * HOUR + timedelta(minutes=1))
        ConversationFactory(store=store_a, status="answered", due_at=NOW + 2 * HOUR)
        ConversationFactory(store=store_a, status="no_response_needed", due_at=NOW + 2 * HOUR)
        ConversationFactory(store=store_a, due_at=NOW - timedelta(minutes=1))
        ConversationFactory(store=store_b, due_at=NOW + HOUR)

    assert detect_conversation_due_soon(store=store_a, now=NOW) == 2
    found = events(store_a, EventKind.CONVERSATION_DUE_SOON)
    assert {e.key for e in found} == {
        f"conversation:{soon.pk}:2026-11-20T21:00:00+00:00",
        f"conversation:{edge.pk}:2026-11-20T22:00:00+00:00",
    }
    first = found[0]
    assert first.title == f"Response due by 2026-11-20 13:00 PST: order {soon.amazon_order_id}"
    assert first.severity == Severity.WARNING
    assert first.body == (
        "Buyer: Alisa\nDue (store policy): 2026-11-20 13:00 PST\n"
        "Due (Amazon, 24 h): 2026-11-20 15:00 PST"
    )
    assert first.link == reverse("inbox_detail", kwargs={"store_id": store_a.pk, "pk": soon.pk})
    assert detect_conversation_due_soon(store=store_a, now=NOW) == 0
    # An hour on, the next one is inside the window; the others are not told again.
    assert detect_conversation_due_soon(store=store_a, now=NOW + HOUR) == 1
    assert f"conversation:{later.pk}:2026-11-20T22:01:00+00:00" in keys(
        store_a, EventKind.CONVERSATION_DUE_SOON
    )


def test_a_reopened_conversation_with_a_new_clock_alerts_again(store_a: Store) -> None:
    with learned(NOW - DAY):
        conversation = ConversationFactory(store=store_a, due_at=NOW + 2 * HOUR)
    assert detect_conversation_due_soon(store=store_a, now=NOW) == 1
    # Answered: the clock stops.
    conversation.status, conversation.due_at = "answered", None
    conversation.save()
    assert detect_conversation_due_soon(store=store_a, now=NOW + HOUR) == 0
    # The buyer writes again: a new clock, due at 23:00 UTC.
    conversation.status, conversation.due_at = "needs_response", NOW + 5 * HOUR
    conversation.save()
    assert detect_conversation_due_soon(store=store_a, now=NOW + 2 * HOUR) == 1
    assert keys(store_a, EventKind.CONVERSATION_DUE_SOON) == {
        f"conversation:{conversation.pk}:2026-11-20T20:00:00+00:00",
        f"conversation:{conversation.pk}:2026-11-20T23:00:00+00:00",
    }


def test_overdue_fires_for_deadlines_passed_in_the_last_day_only(store_a: Store) -> None:
    with learned(NOW - 3 * DAY):
        late = ConversationFactory(store=store_a, amazon_order_id="", due_at=NOW - 2 * HOUR)
        ConversationFactory(store=store_a, due_at=NOW - 25 * HOUR)  # an old backlog
        ConversationFactory(store=store_a, status="answered", due_at=NOW - HOUR)
        ConversationFactory(store=store_a, due_at=NOW + HOUR)
    assert detect_conversation_overdue(store=store_a, now=NOW) == 1
    (event,) = events(store_a, EventKind.CONVERSATION_OVERDUE)
    assert event.key == f"conversation:{late.pk}:2026-11-20T16:00:00+00:00"
    assert event.title == f"Response overdue: conversation #{late.pk}"
    assert event.severity == Severity.URGENT
    assert event.occurred_at == NOW - 2 * HOUR
    assert detect_conversation_overdue(store=store_a, now=NOW + HOUR) == 0


def test_new_buyer_message_alerts_recent_inbound_messages_with_an_excerpt(
    store_a: Store, store_b: Store
) -> None:
    with learned(NOW - HOUR):
        conversation = ConversationFactory(store=store_a)
        fresh = MessageFactory(
            conversation=conversation,
            sent_at=NOW - 2 * HOUR,
            body_text="<b>Hi</b>\nWhere is\tmy order?\n" + "Please answer. " * 20,
        )
        MessageFactory(conversation=conversation, direction="out", sent_at=NOW - HOUR)
        MessageFactory(conversation=conversation, is_auto_reply=True, sent_at=NOW - HOUR)
        MessageFactory(conversation=conversation, sent_at=NOW - 20 * DAY)  # old, imported now
        MessageFactory(conversation=ConversationFactory(store=store_b), sent_at=NOW - HOUR)
    with learned(NOW - 3 * DAY):
        MessageFactory(conversation=conversation, sent_at=NOW - 3 * DAY)  # told back then

    assert detect_new_buyer_message(store=store_a, now=NOW) == 1
    (event,) = events(store_a, EventKind.NEW_BUYER_MESSAGE)
    assert event.key == f"message:{fresh.pk}"
    assert event.title == f"New buyer message from Alisa: order {conversation.amazon_order_id}"
    assert event.body.startswith("“<b>Hi</b> Where is my order? Please answer.")
    assert event.body.endswith("…”")
    assert len(event.body) == 102  # 100 characters of the buyer's words and the quotes
    assert url_name(event.link) == "inbox_detail"
    assert detect_new_buyer_message(store=store_a, now=NOW) == 0


# --- claims and chargebacks -------------------------------------------------------------------


def test_new_claim_alerts_claims_learned_and_filed_recently(store_a: Store, store_b: Store) -> None:
    with learned(NOW - HOUR):
        fresh = ClaimFactory(store=store_a, filed_at=NOW - 3 * HOUR, due_at=NOW + 45 * HOUR)
        ClaimFactory(store=store_a, filed_at=NOW - 30 * DAY)  # history imported today
        ClaimFactory(store=store_b, filed_at=NOW - 3 * HOUR)
    with learned(NOW - 2 * DAY):
        ClaimFactory(store=store_a, filed_at=NOW - 2 * DAY)  # learned two days ago

    assert detect_new_claim(store=store_a, now=NOW) == 1
    (event,) = events(store_a, EventKind.NEW_CLAIM)
    assert event.key == f"claim:{fresh.pk}"
    assert event.title == f"New A-to-z claim: order {fresh.amazon_order_id}, 24.99 USD"
    assert event.body == (
        "Reason: Item not received\nStatus: Action required\nRespond by: 2026-11-22 07:00 PST"
    )
    assert event.severity == Severity.URGENT
    assert event.link == reverse("claims_detail", kwargs={"store_id": store_a.pk, "pk": fresh.pk})
    assert detect_new_claim(store=store_a, now=NOW) == 0


def test_claim_deadline_alerts_open_claims_due_within_a_day(store_a: Store, store_b: Store) -> None:
    with learned(NOW - 5 * DAY):  # a deadline alerts however long the claim has been known
        near = ClaimFactory(store=store_a, due_at=NOW + 10 * HOUR)
        far = ClaimFactory(store=store_a, due_at=NOW + 30 * HOUR)
        missed = ClaimFactory(store=store_a, status="under_review", due_at=NOW - 2 * HOUR)
        ClaimFactory(store=store_a, due_at=NOW - 30 * HOUR)  # passed long ago
        ClaimFactory(store=store_a, status="granted", due_at=NOW + 5 * HOUR)
        ClaimFactory(store=store_b, due_at=NOW + 5 * HOUR)

    assert detect_claim_deadline(store=store_a, now=NOW) == 2
    by_key = {e.key: e for e in events(store_a, EventKind.CLAIM_DEADLINE)}
    assert set(by_key) == {
        f"claim:{near.pk}:2026-11-21T04:00:00+00:00",
        f"claim:{missed.pk}:2026-11-20T16:00:00+00:00",
    }
    assert by_key[f"claim:{near.pk}:2026-11-21T04:00:00+00:00"].title == (
        f"A-to-z claim response due 2026-11-20 20:00 PST: order {near.amazon_order_id}"
    )
    assert by_key[f"claim:{missed.pk}:2026-11-20T16:00:00+00:00"].title.startswith(
        "A-to-z claim response overdue since 2026-11-20 08:00 PST"
    )
    assert detect_claim_deadline(store=store_a, now=NOW) == 0
    # Amazon asks again: a new deadline is a new alert; the far claim comes into range.
    near.due_at = NOW + 40 * HOUR
    near.save()
    assert detect_claim_deadline(store=store_a, now=NOW + 20 * HOUR) == 2
    assert f"claim:{near.pk}:2026-11-22T10:00:00+00:00" in keys(store_a, EventKind.CLAIM_DEADLINE)
    assert f"claim:{far.pk}:2026-11-22T00:00:00+00:00" in keys(store_a, EventKind.CLAIM_DEADLINE)


def test_new_chargeback_is_urgent_for_service_and_a_warning_for_fraud(store_a: Store) -> None:
    with learned(NOW - HOUR):
        service = ChargebackFactory(store=store_a, received_at=NOW - HOUR)
        fraud = ChargebackFactory(store=store_a, kind="fraud", received_at=NOW - HOUR)
    with learned(NOW - 2 * DAY):
        ChargebackFactory(store=store_a, received_at=NOW - 2 * DAY)
    assert detect_new_chargeback(store=store_a, now=NOW) == 2
    severity = {e.key: e.severity for e in events(store_a, EventKind.NEW_CHARGEBACK)}
    assert severity == {f"chargeback:{service.pk}": "urgent", f"chargeback:{fraud.pk}": "warning"}
    (first, _) = events(store_a, EventKind.NEW_CHARGEBACK)
    assert first.title == f"New chargeback: order {service.amazon_order_id}, 31.50 USD"
    assert url_name(first.link) == "chargebacks_detail"
    assert detect_new_chargeback(store=store_a, now=NOW) == 0


# --- feedback, reviews, returns ---------------------------------------------------------------


def test_negative_feedback_alerts_one_and_two_stars_left_in_the_last_two_weeks(
    store_a: Store, store_b: Store
) -> None:
    with learned(NOW - HOUR):
        two = FeedbackFactory(store=store_a, rating=2, left_on=date(2026, 11, 19))
        edge = FeedbackFactory(store=store_a, rating=1, left_on=date(2026, 11, 7), comment="")
        FeedbackFactory(store=store_a, rating=1, left_on=date(2026, 11, 6))
        FeedbackFactory(store=store_a, rating=3, left_on=date(2026, 11, 19))
        FeedbackFactory(store=store_a, rating=1, left_on=date(2026, 11, 19), status="removed")
        FeedbackFactory(store=store_b, rating=1, left_on=date(2026, 11, 19))
    with learned(NOW - 2 * DAY):
        FeedbackFactory(store=store_a, rating=1, left_on=date(2026, 11, 18))

    assert detect_negative_feedback(store=store_a, now=NOW) == 2
    assert keys(store_a, EventKind.NEGATIVE_FEEDBACK) == {
        f"feedback:{two.pk}",
        f"feedback:{edge.pk}",
    }
    event = NotificationEvent.objects.get(key=f"feedback:{two.pk}")
    assert event.title == f"2-star feedback: order {two.amazon_order_id}"
    assert event.body == "Left on 2026-11-19\n“Arrived late and the box was crushed.”"
    assert event.occurred_at == datetime(2026, 11, 19, 8, 0, tzinfo=UTC)  # local midnight
    assert url_name(event.link) == "feedback_detail"
    assert detect_negative_feedback(store=store_a, now=NOW) == 0


def test_negative_review_follows_the_reviews_app_three_stars_or_fewer(store_a: Store) -> None:
    with learned(NOW - HOUR):
        three = ReviewFactory(
            store=store_a, rating=3, sku="BOTTLE-1", reviewed_on=date(2026, 11, 18)
        )
        one = ReviewFactory(
            store=store_a, rating=1, title="", body="Leaks " * 50, reviewed_on=date(2026, 11, 19)
        )
        ReviewFactory(store=store_a, rating=4)
        ReviewFactory(store=store_a, rating=1, reviewed_on=date(2026, 10, 1))
    with learned(NOW - 2 * DAY):
        ReviewFactory(store=store_a, rating=1)

    assert detect_negative_review(store=store_a, now=NOW) == 2
    by_key = {e.key: e for e in events(store_a, EventKind.NEGATIVE_REVIEW)}
    assert set(by_key) == {f"review:{three.pk}", f"review:{one.pk}"}
    assert by_key[f"review:{three.pk}"].title == "3-star review of B000000001 (SKU BOTTLE-1)"
    assert by_key[f"review:{three.pk}"].severity == Severity.INFO
    assert by_key[f"review:{one.pk}"].severity == Severity.WARNING
    assert len(by_key[f"review:{one.pk}"].body.split("\n")[1]) == 102
    assert detect_negative_review(store=store_a, now=NOW) == 0


def test_seller_fault_return_reads_the_reason_however_spelled(store_a: Store) -> None:
    with learned(NOW - HOUR):
        defective = ReturnFactory(
            store=store_a,
            reason_code="DEFECTIVE",
            requested_at=NOW - HOUR,
            amount=Decimal("12.00"),
            currency="USD",
            buyer_comment="Stopped working",
        )
        switched = ReturnFactory(store=store_a, reason_code="CR-SWITCHEROO", requested_at=NOW)
        ReturnFactory(store=store_a, reason_code="CR-UNWANTED_ITEM", requested_at=NOW - HOUR)
        ReturnFactory(store=store_a, reason_code="", requested_at=NOW - HOUR)
        ReturnFactory(store=store_a, reason_code="CR-DEFECTIVE", requested_at=NOW - 40 * DAY)
    assert detect_seller_fault_return(store=store_a, now=NOW) == 2
    assert keys(store_a, EventKind.SELLER_FAULT_RETURN) == {
        f"return:{defective.pk}",
        f"return:{switched.pk}",
    }
    event = NotificationEvent.objects.get(key=f"return:{defective.pk}")
    assert event.title == f"Seller-fault return: SKU-0001, order {defective.amazon_order_id}"
    assert event.body == (
        "Reason: Item defective or doesn't work (CR-DEFECTIVE)\nUnits: 1\n"
        "Amount: 12.00 USD\n“Stopped working”"
    )
    assert url_name(event.link) == "returns_detail"
    assert detect_seller_fault_return(store=store_a, now=NOW) == 0


def _shipments(store: Store, sku: str, orders: int, units: int, returned: list[int]) -> None:
    """``orders`` orders of ``units`` units of ``sku`` shipped 20 days ago, and one
    return per entry of ``returned`` (its units), requested 10 days ago."""
    made = []
    for _ in range(orders):
        order = OrderFactory(store=store, purchase_date=NOW - 21 * DAY, shipped_at=NOW - 20 * DAY)
        OrderItemFactory(order=order, sku=sku, asin="B0000000AA", quantity_shipped=units)
        made.append(order)
    for order, quantity in zip(made, returned, strict=False):
        ReturnFactory(
            store=store,
            sku=sku,
            asin="B0000000AA",
            amazon_order_id=order.amazon_order_id,
            quantity=quantity,
            reason_code="CR-UNWANTED_ITEM",
            requested_at=NOW - 10 * DAY,
        )


def test_return_rate_flag_opens_resolves_and_opens_again_in_a_later_week(store_a: Store) -> None:
    # SKU:A returns 20 of 40 units, the rest of the store 8 of 400 (2 %): flagged.
    # SKU-B and SKU-C (4 of 200 each) are tested against 24 of 240 (10 %) and are not.
    _shipments(store_a, "SKU:A", orders=4, units=10, returned=[10, 10])
    _shipments(store_a, "SKU-B", orders=20, units=10, returned=[4])
    _shipments(store_a, "SKU-C", orders=20, units=10, returned=[4])
    assert detect_return_rate_flag(store=store_a, now=NOW) == 1
    (event,) = events(store_a, EventKind.RETURN_RATE_FLAG)
    assert event.key == "sku:SKU%3AA:2026-W47"
    assert event.title == "Return rate flagged: SKU SKU:A (50.0% in 90 days)"
    assert event.body.startswith(
        "20 of 40 units returned in 90 days (50.0%); the rest of the store: 2.0%."
    )
    assert url_name(event.link) == "returns_analytics"
    assert detect_return_rate_flag(store=store_a, now=NOW + HOUR) == 0

    # The returns turn out rejected (nothing came back): no longer flagged (and SKU-B,
    # 4 of 200 against 4 of 240, is not either).
    store_a_returns = Return.objects.filter(store=store_a, sku="SKU:A")
    store_a_returns.update(status="rejected")
    assert detect_return_rate_flag(store=store_a, now=NOW + 2 * HOUR) == 0
    event.refresh_from_db()
    assert event.resolved_at == NOW + 2 * HOUR

    store_a_returns.update(status="received")
    assert detect_return_rate_flag(store=store_a, now=NOW + 7 * DAY) == 1
    assert keys(store_a, EventKind.RETURN_RATE_FLAG) == {
        "sku:SKU%3AA:2026-W47",
        "sku:SKU%3AA:2026-W48",
    }


# --- ODR --------------------------------------------------------------------------------------


def test_odr_now_and_forecast_per_channel_open_resolve_and_reopen(store_a: Store) -> None:
    # The window of 20 November: orders of 8 September to 6 November (local).
    placed = datetime(2026, 10, 15, 18, 0, tzinfo=UTC)
    mfn = [OrderFactory(store=store_a, purchase_date=placed) for _ in range(50)]
    afn = [
        OrderFactory(store=store_a, purchase_date=placed, fulfillment_channel="AFN")
        for _ in range(100)
    ]
    # MFN: 1 of 50 orders with negative feedback = 2 %, above the 1 % target.
    feedback = FeedbackFactory(
        store=store_a, amazon_order_id=mfn[0].amazon_order_id, rating=1, left_on=date(2026, 11, 1)
    )
    # AFN: 0 of 100 now; 1 of 100 = 1 % (not under 1 %) if the open claim is lost.
    claim = ClaimFactory(
        store=store_a,
        amazon_order_id=afn[0].amazon_order_id,
        filed_at=datetime(2026, 11, 1, 12, 0, tzinfo=UTC),
    )
    kind = EventKind.ODR_ABOVE_TARGET

    assert detect_odr_above_target(store=store_a, now=NOW) == 2
    by_key = {e.key: e for e in events(store_a, kind)}
    assert set(by_key) == {"odr:mfn:now:2026-11-20", "odr:afn:forecast:2026-11-20"}
    now_event = by_key["odr:mfn:now:2026-11-20"]
    assert now_event.title == "ODR above target, seller-fulfilled (MFN): 2.00%"
    assert now_event.severity == Severity.URGENT
    assert now_event.body == (
        "1 of 50 orders of 2026-09-08 to 2026-11-06 have a defect; the target is under 1%.\n"
        "Negative feedback: 1, A-to-z claims: 0, chargebacks: 0.\n"
        "Defect-free orders needed to get under the target: 51."
    )
    forecast = by_key["odr:afn:forecast:2026-11-20"]
    assert forecast.title == "ODR may exceed target, FBA (AFN): 1.00% if pending cases are lost"
    assert forecast.severity == Severity.WARNING
    assert detect_odr_above_target(store=store_a, now=NOW + HOUR) == 0

    # Amazon removes the feedback; the claim is granted (seller-funded: it counts).
    feedback.status = "removed"
    feedback.save()
    claim.status = "granted"
    claim.save()
    assert detect_odr_above_target(store=store_a, now=NOW + 2 * HOUR) == 1
    state = {e.key: e.resolved_at for e in events(store_a, kind)}
    assert state == {
        "odr:mfn:now:2026-11-20": NOW + 2 * HOUR,
        "odr:afn:forecast:2026-11-20": NOW + 2 * HOUR,
        "odr:afn:now:2026-11-20": None,
    }

    # The next day the removal is reversed: a new MFN event, a new alert.
    feedback.status = "removal_denied"
    feedback.save()
    assert detect_odr_above_target(store=store_a, now=NOW + DAY) == 1
    assert "odr:mfn:now:2026-11-21" in keys(store_a, kind)
    # Flapping within that day reopens the same event without a new one.
    feedback.status = "removed"
    feedback.save()
    assert detect_odr_above_target(store=store_a, now=NOW + DAY + HOUR) == 0
    feedback.status = "active"
    feedback.save()
    assert detect_odr_above_target(store=store_a, now=NOW + DAY + 2 * HOUR) == 0
    reopened = NotificationEvent.objects.get(store=store_a, kind=kind, key="odr:mfn:now:2026-11-21")
    assert reopened.resolved_at is None


def test_figures_run_at_most_hourly_unless_a_new_defect_comes_in(store_a: Store) -> None:
    placed = datetime(2026, 10, 15, 18, 0, tzinfo=UTC)
    orders = [OrderFactory(store=store_a, purchase_date=placed) for _ in range(50)]
    with learned(NOW - HOUR):
        feedback = FeedbackFactory(
            store=store_a,
            amazon_order_id=orders[0].amazon_order_id,
            rating=1,
            left_on=date(2026, 11, 19),
        )
    counts = detect_store(store=store_a, now=NOW)
    assert counts[EventKind.NEGATIVE_FEEDBACK] == 1
    assert counts[EventKind.ODR_ABOVE_TARGET] == 1
    (odr,) = events(store_a, EventKind.ODR_ABOVE_TARGET)

    # The feedback is removed: the ODR clears, but the figures wait for their hour.
    feedback.status = "removed"
    feedback.save()
    detect_store(store=store_a, now=NOW + 30 * timedelta(minutes=1))
    odr.refresh_from_db()
    assert odr.resolved_at is None
    detect_store(store=store_a, now=NOW + 61 * timedelta(minutes=1))
    odr.refresh_from_db()
    assert odr.resolved_at == NOW + 61 * timedelta(minutes=1)

    # A new negative feedback within the hour: the ODR runs in the same pass (the same
    # day's event reopens: no second alert the same day).
    with learned(NOW + 65 * timedelta(minutes=1)):
        FeedbackFactory(
            store=store_a,
            amazon_order_id=orders[1].amazon_order_id,
            rating=2,
            left_on=date(2026, 11, 19),
        )
    counts = detect_store(store=store_a, now=NOW + 70 * timedelta(minutes=1))
    assert counts[EventKind.NEGATIVE_FEEDBACK] == 1
    odr.refresh_from_db()
    assert odr.resolved_at is None
    assert len(events(store_a, EventKind.ODR_ABOVE_TARGET)) == 1


# --- checklist --------------------------------------------------------------------------------


def _task(store: Store, due: date, *, cadence: str = "daily", done: bool = False) -> ChecklistTask:
    start = due if cadence == "daily" else due - timedelta(days=6)
    return ChecklistTask.objects.create(
        store=store,
        task="messages" if cadence == "daily" else "reviews",
        cadence=cadence,
        period_start=start,
        due=due,
        done_at=NOW if done else None,
    )


def test_checklist_overdue_alerts_undone_tasks_whose_period_ended_this_week(
    store_a: Store, store_b: Store
) -> None:
    yesterday = _task(store_a, date(2026, 11, 19))
    week = _task(store_a, date(2026, 11, 15), cadence="weekly")
    edge = _task(store_a, date(2026, 11, 13))  # 7 days ago: still told
    _task(store_a, date(2026, 11, 12))  # 8 days ago: old news
    _task(store_a, date(2026, 11, 18), done=True)
    _task(store_a, date(2026, 11, 20))  # today: not over yet
    _task(store_b, date(2026, 11, 19))
    assert detect_checklist_overdue(store=store_a, now=NOW) == 3
    assert keys(store_a, EventKind.CHECKLIST_OVERDUE) == {
        f"checklist:{yesterday.pk}",
        f"checklist:{week.pk}",
        f"checklist:{edge.pk}",
    }
    event = NotificationEvent.objects.get(key=f"checklist:{week.pk}")
    assert event.title == (
        "Checklist overdue: Respond to negative product reviews (weekly, due 2026-11-15)"
    )
    assert event.severity == Severity.WARNING
    assert resolve(event.link).kwargs["store_id"] == store_a.pk
    assert detect_checklist_overdue(store=store_a, now=NOW) == 0


# --- sync failing -----------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_a_mail_channel_failing_three_times_in_a_row_alerts_then_resolves(store_a: Store) -> None:
    channel = MailChannel(
        store=store_a,
        name="Support mailbox",
        imap_host="127.0.0.1",
        imap_port=_closed_port(),
        imap_security="none",
        imap_user="support@example.test",
    )
    channel.imap_password = "hunter2-very-secret"
    channel.save()
    for attempt in range(3):
        channel.refresh_from_db()
        with pytest.raises(FetchError, match="cannot open"):
            channel_fetch_recorded(channel=channel, now=NOW + attempt * HOUR)
        if attempt == 1:
            assert detect_sync_failing(store=store_a, now=NOW + 2 * HOUR) == 0
    assert detect_sync_failing(store=store_a, now=NOW + 3 * HOUR) == 1
    (event,) = events(store_a, EventKind.SYNC_FAILING)
    assert event.key == f"mail:{channel.pk}:20261120T210000Z"
    assert event.title == "Mail fetch failing: Support mailbox"
    assert event.severity == Severity.URGENT
    assert event.body.startswith("3 failures in a row (alert from 3).\nLast error: cannot open ")
    assert "hunter2" not in event.body
    assert event.link == reverse(
        "mail_channel_edit", kwargs={"store_id": store_a.pk, "pk": channel.pk}
    )
    # A fourth failure is the same streak.
    channel.refresh_from_db()
    with pytest.raises(FetchError):
        channel_fetch_recorded(channel=channel, now=NOW + 4 * HOUR)
    assert detect_sync_failing(store=store_a, now=NOW + 5 * HOUR) == 0

    # A success sets the failures back to 0 (what channel_fetch_recorded writes): resolved.
    MailChannel.objects.filter(pk=channel.pk).update(consecutive_failures=0, last_error="")
    assert detect_sync_failing(store=store_a, now=NOW + 6 * HOUR) == 0
    event.refresh_from_db()
    assert event.resolved_at == NOW + 6 * HOUR
    # A new streak is a new event.
    MailChannel.objects.filter(pk=channel.pk).update(consecutive_failures=3)
    assert detect_sync_failing(store=store_a, now=NOW + 9 * HOUR) == 1
    assert len(events(store_a, EventKind.SYNC_FAILING)) == 2


def test_sync_errors_are_redacted_before_they_are_told(store_a: Store, store_b: Store) -> None:
    refresh = "Atzr|IwEBIA" + "x7" * 30
    connection = SpApiConnection(
        store=store_a, client_id="amzn1.application-oa2-client.abc", region="na",
        marketplace_id="ATVPDKIKX0DER", consecutive_failures=4,
    )  # fmt: skip
    connection.client_secret = "amzn1.oa2-cs.v1.short"
    connection.refresh_token = refresh
    connection.last_error = (
        f"token refresh failed for {refresh} with secret amzn1.oa2-cs.v1.short; "
        "document https://s3.example.test/doc?X-Amz-Signature=abc123&X-Amz-Credential=AKIA "
        "via https://bob:pa55@proxy.example.test/ " + "tail " * 100
    )
    connection.save()
    SpApiConnection.objects.create(
        store=store_b, client_id="x", client_secret_encrypted="", refresh_token_encrypted="",
        region="eu", marketplace_id="A1PA6795UKMFR9", consecutive_failures=9,
    )  # fmt: skip
    assert detect_sync_failing(store=store_a, now=NOW) == 1
    (event,) = events(store_a, EventKind.SYNC_FAILING)
    assert event.key == f"spapi:{store_a.pk}:20261120T180000Z"
    assert event.title == "Amazon report sync (SP-API) failing"
    for secret in ("Atzr", "x7x7", "oa2-cs", "abc123", "AKIA", "pa55", "bob"):
        assert secret not in event.body
    assert event.body.startswith(
        "4 failures in a row (alert from 3).\nLast error: token refresh failed for [redacted] "
        "with secret [redacted]; document https://s3.example.test/doc?[redacted] "
        "via https://[redacted]@proxy.example.test/ tail"
    )
    assert len(event.body.split("\n")[1]) == len("Last error: ") + 300
    assert url_name(event.link) == "imports"
    assert redact("short error") == "short error"


# --- everything -------------------------------------------------------------------------------


def test_detect_all_counts_every_store_and_a_rerun_records_nothing(
    store_a: Store, store_b: Store
) -> None:
    with learned(NOW - HOUR):
        ClaimFactory(store=store_a, filed_at=NOW - HOUR, due_at=NOW + 47 * HOUR)
        ConversationFactory(store=store_a, due_at=NOW + HOUR)
        FeedbackFactory(store=store_b, rating=1, left_on=date(2026, 11, 20))
        ReviewFactory(store=store_b, rating=5)
    assert detect_all(now=NOW) == 3
    assert {(e.store_id, e.kind) for e in NotificationEvent.objects.all()} == {
        (store_a.pk, EventKind.NEW_CLAIM),
        (store_a.pk, EventKind.CONVERSATION_DUE_SOON),
        (store_b.pk, EventKind.NEGATIVE_FEEDBACK),
    }
    assert detect_all(now=NOW) == 0
    assert detect_all(now=NOW + HOUR) == 0
    counts = detect_store(store=store_a, now=NOW)
    assert set(counts) == set(EventKind)
    assert sum(counts.values()) == 0
