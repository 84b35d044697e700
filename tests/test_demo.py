from __future__ import annotations

import hashlib
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from statistics import median
from typing import Any

import pytest
from django.core.management import call_command
from django.db import models, transaction
from django.db.models import Count, Sum
from django.test import override_settings

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.chargebacks.models import Chargeback, ChargebackKind, ChargebackStatus
from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.checklist.selectors import checklist_plan, period_for
from sellerdesk.claims.models import Claim, ClaimStatus
from sellerdesk.demo.services import (
    DEMO_EMAIL,
    DEMO_PASSWORD,
    DEMO_STORE_NAME,
    DemoResult,
    demo_as_of,
    demo_install,
)
from sellerdesk.feedback.models import Feedback
from sellerdesk.messaging.clock import ResponsePolicy, clock_state, response_due_at
from sellerdesk.messaging.defaults import DEFAULT_TEMPLATES
from sellerdesk.messaging.models import (
    Conversation,
    ConversationStatus,
    Direction,
    Intent,
    Message,
    ReplyTemplate,
)
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.returns.models import Return
from sellerdesk.reviews.models import Review
from sellerdesk.stores.models import Membership, Store
from sellerdesk.stores.selectors import store_counts

TODAY = date(2026, 11, 2)  # a Monday; the demo is "as of" noon in Los Angeles
SUNDAY = date(2026, 11, 8)
STREAMS = (Order, OrderItem, Conversation, Message, Claim, Chargeback, Feedback, Return, Review,
           Question)  # fmt: skip
WITH_ORDER = (Conversation, Claim, Chargeback, Feedback, Return)
WITH_SOURCE = (Order, Conversation, Claim, Chargeback, Feedback, Return, Review, Question)
ORDER_ID = re.compile(r"\d{3}-\d{7}-\d{7}")
RELAY = re.compile(r"[a-z0-9]{15}@marketplace\.amazon\.com")
SUBJECT = re.compile(
    r"(Order delivery inquiry|Ship faster inquiry|Product details inquiry|Return policy inquiry"
    r"|Inquiry|Message) from Amazon customer (\S*) \(Order: (\d{3}-\d{7}-\d{7})\)"
)
KNOWN_REASONS = {
    "UNAUTHORIZED_PURCHASE", "QUALITY_UNACCEPTABLE", "DAMAGED_BY_CARRIER", "ORDERED_WRONG_ITEM",
    "SWITCHEROO", "NOT_COMPATIBLE", "UNWANTED_ITEM", "DAMAGED_BY_FC", "FOUND_BETTER_PRICE",
    "DEFECTIVE", "MISSING_PARTS", "EXTRA_ITEM", "AMZ-PG-BAD-DESC", "MISSED_ESTIMATED_DELIVERY",
}  # fmt: skip
# The shared build hashes the demo password once: no need for PBKDF2's deliberate cost.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
NATURAL_KEYS: dict[type[models.Model], str] = {
    Store: "name",
    Order: "amazon_order_id",
    Conversation: "subject",
    User: "email",
}


@dataclass(frozen=True)
class Built:
    result: DemoResult
    naive_warnings: list[str]


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[Built]:
    """One demo build shared by the read-only tests of this module; flushed afterwards."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = demo_install(today=TODAY)
        naive = [str(w.message) for w in caught if "naive datetime" in str(w.message)]
        yield Built(result, naive)
        call_command("flush", interactive=False, verbosity=0)


@contextmanager
def rebuilt(*, today: date, seed: int = 7) -> Iterator[DemoResult]:
    """A fresh build in place of the shared one, rolled back afterwards."""

    class _Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            Store.objects.filter(name=DEMO_STORE_NAME).delete()
            User.objects.filter(email=DEMO_EMAIL).delete()
            assert Order.objects.count() == 0
            yield demo_install(today=today, seed=seed)
            raise _Rollback
    except _Rollback:
        pass


def fingerprint() -> str:
    """A digest of every value the demo wrote, with foreign keys by natural key, not id."""
    digest = hashlib.sha256()
    for model in (*STREAMS, ReplyTemplate, ChecklistTask):
        names = []
        for f in model._meta.concrete_fields:
            if f.primary_key or f.name in ("created_at", "updated_at"):
                continue
            natural = NATURAL_KEYS.get(f.related_model) if f.is_relation else None  # type: ignore[arg-type]
            if natural:
                names.append(f"{f.name}__{natural}")
            else:
                names.append(f.name)
        rows = sorted(repr(row) for row in model.objects.values_list(*names))
        digest.update(f"{model.__name__}:{len(rows)}\n".encode())
        digest.update("\n".join(rows).encode())
    return digest.hexdigest()


def conversation_states(now: datetime) -> Counter[str]:
    store = Store.objects.get(name=DEMO_STORE_NAME)
    states: Counter[str] = Counter()
    for c in Conversation.objects.filter(store=store):
        if c.status != ConversationStatus.NEEDS_RESPONSE:
            states[c.status] += 1
            continue
        assert c.due_at is not None
        states[clock_state(c.due_at, now, store.response_due_soon_hours)] += 1
        assert c.first_unanswered_at is not None
        if now - c.first_unanswered_at < timedelta(hours=2):
            states["new"] += 1
    return states


# --- what the demo contains -------------------------------------------------------------


@pytest.mark.django_db
def test_every_stream_has_records(demo: Built) -> None:
    store = Store.objects.get(name=DEMO_STORE_NAME)
    counts = store_counts(store=store)
    assert demo.result.counts == counts
    assert all(n > 0 for n in counts.values()), counts
    assert 2000 <= counts["orders"] <= 4000
    assert 200 <= counts["conversations"] <= 500
    assert str(counts["orders"])[:1] in demo.result.summary
    assert demo.result.created is True


@pytest.mark.django_db
def test_owner_login_store_and_templates(demo: Built) -> None:
    assert (demo.result.email, demo.result.password) == (DEMO_EMAIL, DEMO_PASSWORD)
    user = User.objects.get(email=DEMO_EMAIL)
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        assert user.check_password(DEMO_PASSWORD)
        assert not user.check_password("wrong")
    store = Store.objects.get(name=DEMO_STORE_NAME)
    assert (store.marketplace, store.timezone, store.currency) == (
        "US", "America/Los_Angeles", "USD",
    )  # fmt: skip
    assert Membership.objects.get(user=user, store=store).role == "owner"
    assert ReplyTemplate.objects.filter(store=store).count() == len(DEFAULT_TEMPLATES)


@pytest.mark.django_db
def test_orders_look_like_amazons(demo: Built) -> None:
    now = demo_as_of(TODAY)
    orders = list(Order.objects.all())
    statuses = Counter(o.status for o in orders)
    assert {"Shipped", "Unshipped", "Canceled", "Pending"} <= set(statuses)
    assert statuses["Shipped"] / len(orders) > 0.9
    afn_share = sum(o.fulfillment_channel == "AFN" for o in orders) / len(orders)
    assert 0.5 <= afn_share <= 0.6
    for order in orders:
        assert ORDER_ID.fullmatch(order.amazon_order_id)
        assert RELAY.fullmatch(order.buyer_relay_alias)
        assert now - timedelta(days=90) <= order.purchase_date <= now
        if order.status == "Shipped" and order.fulfillment_channel == "MFN":
            assert order.carrier in ("USPS", "UPS", "FedEx")
            assert order.tracking_number
            assert order.shipped_at is not None
            assert order.shipped_at >= order.purchase_date
        if order.fulfillment_channel == "AFN":
            assert order.tracking_number == ""
        if order.delivered_at is not None:
            assert order.shipped_at is not None
            assert order.shipped_at < order.delivered_at <= now
    totals = dict(OrderItem.objects.values_list("order_id").annotate(total=Sum("item_price")))
    assert all(o.order_total == totals[o.pk] for o in orders)
    assert all(isinstance(o.order_total, Decimal) for o in orders)
    skus = OrderItem.objects.values("sku").distinct().count()
    asins = set(OrderItem.objects.values_list("asin", flat=True))
    assert 100 <= skus <= 130
    assert all(re.fullmatch(r"B0[A-Z0-9]{8}", asin) for asin in asins)
    assert OrderItem.objects.filter(quantity_ordered__gt=1).exists()


@pytest.mark.django_db
def test_conversations_exist_in_every_state(demo: Built) -> None:
    states = conversation_states(demo_as_of(TODAY))
    for state in ("new", "on_time", "due_soon", "overdue", "answered", "no_response_needed"):
        assert states[state] > 0, states
    assert states["answered"] > states["on_time"] + states["due_soon"] + states["overdue"]


@pytest.mark.django_db
def test_conversation_clocks_come_from_the_policy(demo: Built) -> None:
    store = Store.objects.get(name=DEMO_STORE_NAME)
    policy = ResponsePolicy.from_store(store)
    for c in Conversation.objects.prefetch_related("messages"):
        messages = list(c.messages.all())
        assert 1 <= len(messages) <= 4
        assert c.last_message_at == messages[-1].sent_at
        assert c.intent in Intent.values
        match = SUBJECT.fullmatch(c.subject)
        assert match, c.subject
        assert match.group(3) == c.amazon_order_id
        if c.status == ConversationStatus.NEEDS_RESPONSE:
            assert c.first_unanswered_at is not None
            assert messages[-1].direction == Direction.INBOUND
            assert c.due_at == response_due_at(start=c.first_unanswered_at, policy=policy)
            assert c.amazon_due_at == c.first_unanswered_at + timedelta(hours=24)
            unanswered = [m for m in messages if m.sent_at >= c.first_unanswered_at]
            assert all(m.direction == Direction.INBOUND for m in unanswered)
        else:
            assert (c.first_unanswered_at, c.due_at, c.amazon_due_at) == (None, None, None)
        if c.status == ConversationStatus.ANSWERED:
            assert messages[-1].direction == Direction.OUTBOUND
        for m in messages:
            if m.direction == Direction.OUTBOUND:
                assert c.amazon_order_id in m.body_text
                assert "{{" not in m.body_text
                assert m.recipient == c.buyer_key


@pytest.mark.django_db
def test_every_intent_and_a_second_language(demo: Built) -> None:
    intents = set(Conversation.objects.values_list("intent", flat=True))
    assert intents == set(Intent.values)
    assert Conversation.objects.filter(language="es").exists()


@pytest.mark.django_db
def test_claims_in_all_eight_statuses_with_deadlines(demo: Built) -> None:
    claims = list(Claim.objects.all())
    assert {c.status for c in claims} == set(ClaimStatus.values)
    for claim in claims:
        assert claim.due_at == claim.filed_at + timedelta(hours=48)
        assert claim.amount is not None
        assert claim.amount > 0
        if claim.status == ClaimStatus.GRANTED:
            assert claim.decided_at is not None
            assert claim.appeal_due_at == claim.decided_at + timedelta(days=30)
    now = demo_as_of(TODAY)
    open_claims = [c for c in claims if c.status == ClaimStatus.ACTION_REQUIRED]
    assert all(c.due_at and c.due_at > now for c in open_claims)


@pytest.mark.django_db
def test_chargebacks_in_all_statuses_and_kinds(demo: Built) -> None:
    chargebacks = list(Chargeback.objects.all())
    assert {c.status for c in chargebacks} == set(ChargebackStatus.values)
    assert {c.kind for c in chargebacks} == set(ChargebackKind.values)
    assert all(c.due_at == c.received_at + timedelta(days=7) for c in chargebacks)


@pytest.mark.django_db
def test_feedback_of_every_rating_mostly_five(demo: Built) -> None:
    ratings = Counter(Feedback.objects.values_list("rating", flat=True))
    assert set(ratings) == {1, 2, 3, 4, 5}
    assert ratings[5] == max(ratings.values())
    assert ratings[5] / sum(ratings.values()) > 0.4
    negative = Feedback.objects.filter(rating__lte=2)
    assert negative.exclude(status="active").exists()
    # Amazon strikes through FBA delivery complaints only.
    for fb in Feedback.objects.filter(status="struck_through").select_related("order"):
        assert fb.order is not None
        assert fb.order.fulfillment_channel == "AFN"


@pytest.mark.django_db
def test_returns_have_real_and_unknown_codes_and_problem_skus(demo: Built) -> None:
    returns = list(Return.objects.all())
    assert {r.fulfillment_channel for r in returns} == {"MFN", "AFN"}
    assert len({r.status for r in returns}) >= 4
    codes = {r.reason_code for r in returns}
    known = {c for c in codes if c.removeprefix("CR-") in KNOWN_REASONS}
    assert len(known) >= 8
    assert len(codes - known) >= 2
    assert len({r.external_key for r in returns}) == len(returns)
    shipped = dict(
        OrderItem.objects.filter(order__status="Shipped")
        .values_list("sku")
        .annotate(n=Sum("quantity_shipped"))
    )
    returned = dict(Return.objects.values_list("sku").annotate(n=Sum("quantity")))
    rates = sorted(returned.get(sku, 0) / n for sku, n in shipped.items() if n >= 10)
    assert rates[-1] > 0.1
    assert rates[-1] > 4 * median(rates)


@pytest.mark.django_db
def test_checklist_history_follows_the_plan_mostly_ticked(demo: Built) -> None:
    """Six weeks of past periods from the real planner: each row is a period the plan had
    on one of its days, most are ticked inside their period with a snapshot, some missed."""
    store = Store.objects.get(name=DEMO_STORE_NAME)
    now = demo_as_of(TODAY)
    tz = ResponsePolicy.from_store(store).tz
    past = list(ChecklistTask.objects.filter(store=store, due__lt=TODAY))
    assert past
    planned = set()
    for back in range(1, 43):
        day = TODAY - timedelta(days=back)
        for task, cadence in checklist_plan(store=store, day=day):
            start, due = period_for(day=day, cadence=cadence)
            if due < TODAY:  # a period still running is not history
                planned.add((task, cadence, start))
    assert {(row.task, row.cadence, row.period_start) for row in past} == planned
    assert {row.cadence for row in past} == {"daily", "weekly", "monthly"}
    ticked = [row for row in past if row.done_at is not None]
    missed = [row for row in past if row.done_at is None]
    assert 0.75 < len(ticked) / len(past) < 0.97
    assert missed
    for row in ticked:
        local_day = row.done_at.astimezone(tz).date()
        assert row.period_start <= local_day <= row.due
        assert row.done_at < now
        assert set(row.snapshot) == {"outstanding", "overdue"}
        assert row.snapshot["overdue"] <= row.snapshot["outstanding"]
        assert row.done_by is not None
        assert row.done_by.email == DEMO_EMAIL


def test_reviews_and_questions(demo: Built) -> None:
    assert set(Review.objects.values_list("rating", flat=True)) == {1, 2, 3, 4, 5}
    assert 35 <= Review.objects.values("asin").distinct().count() <= 45
    statuses = set(Question.objects.values_list("status", flat=True))
    assert {QuestionStatus.ANSWERED, QuestionStatus.UNANSWERED} <= statuses
    assert not Question.objects.filter(status=QuestionStatus.ANSWERED, answer="").exists()


@pytest.mark.django_db
def test_linked_orders_exist_and_match(demo: Built) -> None:
    store = Store.objects.get(name=DEMO_STORE_NAME)
    for model in WITH_ORDER:
        rows: list[Any] = list(model.objects.select_related("order"))
        assert rows
        for row in rows:
            assert row.order is not None, model
            assert row.order.amazon_order_id == row.amazon_order_id
            assert row.order.store_id == store.pk


@pytest.mark.django_db
def test_records_are_marked_as_demo(demo: Built) -> None:
    for model in WITH_SOURCE:
        assert set(model.objects.values_list("source", flat=True)) == {"demo"}, model


@pytest.mark.django_db
def test_datetimes_are_aware_and_nothing_happens_after_now(demo: Built) -> None:
    assert demo.naive_warnings == []
    now = demo_as_of(TODAY)
    deadlines = {
        *("due_at", "amazon_due_at", "appeal_due_at", "latest_ship_date"),
        *("earliest_delivery_date", "latest_delivery_date", "created_at", "updated_at"),
    }
    for model in STREAMS:
        fields = [
            f.name for f in model._meta.concrete_fields if isinstance(f, models.DateTimeField)
        ]
        for values in model.objects.values(*fields) if fields else []:
            for name, value in values.items():
                if value is None:
                    continue
                assert value.tzinfo is not None, (model, name)
                if name not in deadlines:
                    assert value <= now, (model.__name__, name, value)
        dates = [f.name for f in model._meta.concrete_fields if type(f) is models.DateField]
        for values in model.objects.values(*dates) if dates else []:
            assert all(v <= TODAY for v in values.values())


# --- idempotence and determinism --------------------------------------------------------


@pytest.mark.django_db
def test_second_call_changes_nothing(demo: Built) -> None:
    tables = (*STREAMS, User, Store, Membership, ReplyTemplate, AuditEvent)
    before = {m.__name__: m.objects.count() for m in tables}
    print_before = fingerprint()
    again = demo_install(today=TODAY + timedelta(days=3), seed=99)
    assert again.created is False
    assert (again.email, again.password) == (demo.result.email, demo.result.password)
    assert again.counts == demo.result.counts
    assert {m.__name__: m.objects.count() for m in tables} == before
    assert fingerprint() == print_before


@pytest.mark.django_db
def test_same_day_and_seed_build_the_same_data(demo: Built) -> None:
    original = fingerprint()
    with rebuilt(today=TODAY) as result:
        assert result.created is True
        assert fingerprint() == original
    with rebuilt(today=TODAY, seed=8):
        assert fingerprint() != original
    assert fingerprint() == original  # the rebuilds were rolled back


@pytest.mark.django_db
def test_on_a_sunday_nothing_is_due_soon_under_the_policy(demo: Built) -> None:
    # Sundays do not count, so no deadline can fall in the next few Sunday hours;
    # everything else is still there, and Amazon's own clock keeps running.
    with rebuilt(today=SUNDAY):
        now = demo_as_of(SUNDAY)
        states = conversation_states(now)
        assert states["due_soon"] == 0
        for state in ("new", "on_time", "overdue", "answered", "no_response_needed"):
            assert states[state] > 0, states
        counts = store_counts(store=Store.objects.get(name=DEMO_STORE_NAME))
        assert all(n > 0 for n in counts.values())
        open_ = Conversation.objects.filter(status=ConversationStatus.NEEDS_RESPONSE)
        amazon_due = [c.amazon_due_at for c in open_ if c.amazon_due_at is not None]
        assert any(now < due <= now + timedelta(hours=12) for due in amazon_due)
        by_messages = Counter(
            Conversation.objects.annotate(n=Count("messages")).values_list("n", flat=True)
        )
        assert set(by_messages) == {1, 2, 3, 4}
