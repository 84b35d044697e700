"""Seller feedback: removal requests and outcomes, the one public reply, the list with its
removal check, and ``sellerdesk feedback --json``."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.cli.main import main
from sellerdesk.compliance import has_errors
from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.feedback.removal import (
    BUY_SHIPPING_LATE,
    FBA_FULFILLMENT,
    PRODUCT_REVIEW,
)
from sellerdesk.feedback.selectors import (
    feedback_removal,
    feedback_removal_days_left,
    feedback_removal_state,
    feedback_rows,
)
from sellerdesk.feedback.services import (
    ONE_REPLY_WARNING,
    ReplyComplianceError,
    feedback_removal_outcome,
    feedback_removal_request,
    feedback_reply_draft,
    feedback_reply_posted,
)
from sellerdesk.stores.models import Store
from tests.factories import FeedbackFactory, OrderFactory, StoreFactory

# Store A is in Los Angeles: 05:00 UTC on 2 November is still 1 November there.
NOW = datetime(2026, 11, 2, 5, 0, tzinfo=UTC)
TODAY = date(2026, 11, 1)  # in the store's time zone
PRODUCT_ONLY = "Stopped working after two weeks, the battery is useless."
MIXED = "Stopped working after a week and the seller never replied."


def fresh(feedback: Feedback) -> Feedback:
    return Feedback.objects.select_related("store").get(pk=feedback.pk)


@pytest.fixture
def product_feedback(store_a: Store) -> Feedback:
    return FeedbackFactory(store=store_a, comment=PRODUCT_ONLY, rating=1, left_on=TODAY)


# --- the removal window ----------------------------------------------------------------


@pytest.mark.django_db
def test_days_left_count_in_the_stores_time_zone(store_a: Store) -> None:
    feedback = FeedbackFactory(store=store_a, left_on=TODAY - timedelta(days=90))
    # In Los Angeles it is the 90th day: the last one. In UTC it would be the 91st.
    assert feedback_removal_days_left(feedback=feedback, now=NOW) == 0
    assert feedback_removal_days_left(feedback=feedback, now=NOW + timedelta(days=1)) == -1
    berlin = StoreFactory(timezone="Europe/Berlin", marketplace="DE")
    other = FeedbackFactory(store=berlin, left_on=TODAY - timedelta(days=90))
    assert feedback_removal_days_left(feedback=other, now=NOW) == -1


@pytest.mark.django_db
def test_the_window_is_a_store_setting(store_a: Store) -> None:
    feedback = FeedbackFactory(store=store_a, left_on=TODAY - timedelta(days=40))
    assert feedback_removal_days_left(feedback=feedback, now=NOW) == 50
    store_a.policy_overrides = {"feedback_removal_days": 30}
    store_a.save()
    assert feedback_removal_days_left(feedback=fresh(feedback), now=NOW) == -10


# --- removal requests ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["agent", "owner"])
def test_a_removal_request_is_recorded_with_its_grounds_and_text(
    product_feedback: Feedback, role: str, agent_a: User, owner_a: User
) -> None:
    actor = agent_a if role == "agent" else owner_a
    result = feedback_removal_request(feedback=product_feedback, actor=actor, now=NOW)
    assert result.grounds == [PRODUCT_REVIEW]
    feedback = fresh(product_feedback)
    assert feedback.status == FeedbackStatus.REMOVAL_REQUESTED
    assert feedback.status_changed_at == NOW
    event = AuditEvent.objects.get(action="feedback.removal_requested")
    assert (event.actor, event.store, event.target_id) == (actor, feedback.store, str(feedback.pk))
    assert event.data["grounds"] == [PRODUCT_REVIEW]
    assert event.data["request_text"] == result.request_text
    assert "product review" in event.data["request_text"]
    assert event.data["evidence"][PRODUCT_REVIEW]
    assert event.data["from"] == FeedbackStatus.ACTIVE


@pytest.mark.django_db
def test_viewers_cannot_request_removal(product_feedback: Feedback, viewer_a: User) -> None:
    with pytest.raises(PermissionDenied):
        feedback_removal_request(feedback=product_feedback, actor=viewer_a, now=NOW)
    assert fresh(product_feedback).status == FeedbackStatus.ACTIVE
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_no_request_without_a_ground(store_a: Store, agent_a: User) -> None:
    feedback = FeedbackFactory(store=store_a, comment=MIXED, left_on=TODAY)
    with pytest.raises(ValidationError, match="mixed product and service comment"):
        feedback_removal_request(feedback=feedback, actor=agent_a, now=NOW)
    assert fresh(feedback).status == FeedbackStatus.ACTIVE
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_no_request_after_the_window(store_a: Store, agent_a: User) -> None:
    last_day = FeedbackFactory(
        store=store_a, comment=PRODUCT_ONLY, left_on=TODAY - timedelta(days=90)
    )
    too_late = FeedbackFactory(
        store=store_a, comment=PRODUCT_ONLY, left_on=TODAY - timedelta(days=91)
    )
    feedback_removal_request(feedback=last_day, actor=agent_a, now=NOW)
    with pytest.raises(ValidationError, match="90-day window"):
        feedback_removal_request(feedback=too_late, actor=agent_a, now=NOW)
    assert fresh(too_late).status == FeedbackStatus.ACTIVE


@pytest.mark.django_db
def test_one_pending_request_and_another_after_a_denial(
    product_feedback: Feedback, agent_a: User
) -> None:
    feedback_removal_request(feedback=product_feedback, actor=agent_a, now=NOW)
    with pytest.raises(ValidationError, match="already pending"):
        feedback_removal_request(feedback=fresh(product_feedback), actor=agent_a, now=NOW)
    feedback_removal_outcome(feedback=fresh(product_feedback), actor=agent_a, outcome="denied")
    feedback_removal_request(feedback=fresh(product_feedback), actor=agent_a, now=NOW)
    assert fresh(product_feedback).status == FeedbackStatus.REMOVAL_REQUESTED


@pytest.mark.django_db
def test_removed_feedback_cannot_be_requested_again(
    product_feedback: Feedback, agent_a: User
) -> None:
    Feedback.objects.filter(pk=product_feedback.pk).update(status=FeedbackStatus.REMOVED_BY_BUYER)
    with pytest.raises(ValidationError, match="removed by buyer"):
        feedback_removal_request(feedback=fresh(product_feedback), actor=agent_a, now=NOW)


@pytest.mark.django_db
def test_a_stale_copy_does_not_request_twice(product_feedback: Feedback, agent_a: User) -> None:
    stale = fresh(product_feedback)
    feedback_removal_request(feedback=product_feedback, actor=agent_a, now=NOW)
    Feedback.objects.filter(pk=stale.pk).update(status=FeedbackStatus.REMOVAL_DENIED)
    stale.status = FeedbackStatus.ACTIVE  # what the other agent's page still shows
    with pytest.raises(ValidationError, match="changed meanwhile"):
        feedback_removal_request(feedback=stale, actor=agent_a, now=NOW)
    assert AuditEvent.objects.filter(action="feedback.removal_requested").count() == 1


# --- the order decides the delivery grounds ------------------------------------------------


@pytest.mark.django_db
def test_delivery_grounds_come_from_the_order(store_a: Store) -> None:
    comment = "Package arrived a week late."
    fba = OrderFactory(store=store_a, fulfillment_channel="AFN")
    on_time = OrderFactory(
        store=store_a,
        bought_buy_shipping=True,
        latest_ship_date=NOW - timedelta(days=10),
        shipped_at=NOW - timedelta(days=11),
    )
    late = OrderFactory(
        store=store_a,
        bought_buy_shipping=True,
        latest_ship_date=NOW - timedelta(days=10),
        shipped_at=NOW - timedelta(days=8),
    )
    plain = OrderFactory(store=store_a)

    def grounds(order: object, linked: bool = True) -> list[str]:
        feedback = FeedbackFactory(
            store=store_a,
            comment=comment,
            order=order if linked else None,
            amazon_order_id=order.amazon_order_id,  # type: ignore[attr-defined]
        )
        return feedback_removal(feedback=feedback).grounds

    assert grounds(fba) == [FBA_FULFILLMENT]
    assert grounds(on_time, linked=False) == [BUY_SHIPPING_LATE]  # found by order id
    assert grounds(late) == []
    assert grounds(plain) == []
    unknown = FeedbackFactory(store=store_a, comment=comment)  # no order in the desk
    assert "order is not known" in feedback_removal(feedback=unknown).note


# --- outcomes ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        ("removed", FeedbackStatus.REMOVED),
        ("denied", FeedbackStatus.REMOVAL_DENIED),
        ("struck_through", FeedbackStatus.STRUCK_THROUGH),
    ],
)
def test_outcomes_of_a_pending_request(
    product_feedback: Feedback, agent_a: User, outcome: str, status: str
) -> None:
    feedback_removal_request(feedback=product_feedback, actor=agent_a, now=NOW)
    feedback = feedback_removal_outcome(
        feedback=fresh(product_feedback),
        actor=agent_a,
        outcome=outcome,  # type: ignore[arg-type]
    )
    assert feedback.status == status
    event = AuditEvent.objects.get(action="feedback.removal_outcome")
    assert event.data == {"outcome": outcome, "status": status}


@pytest.mark.django_db
def test_an_outcome_needs_a_pending_request_and_a_writer(
    product_feedback: Feedback, agent_a: User, viewer_a: User
) -> None:
    with pytest.raises(ValidationError, match="no removal request is pending"):
        feedback_removal_outcome(feedback=product_feedback, actor=agent_a, outcome="removed")
    feedback_removal_request(feedback=product_feedback, actor=agent_a, now=NOW)
    with pytest.raises(PermissionDenied):
        feedback_removal_outcome(
            feedback=fresh(product_feedback), actor=viewer_a, outcome="removed"
        )
    with pytest.raises(ValidationError, match="unknown outcome"):
        feedback_removal_outcome(
            feedback=fresh(product_feedback),
            actor=agent_a,
            outcome="vanished",  # type: ignore[arg-type]
        )
    assert fresh(product_feedback).status == FeedbackStatus.REMOVAL_REQUESTED


# --- the public reply --------------------------------------------------------------------------


@pytest.mark.django_db
def test_reply_draft_apologises_for_negative_feedback_with_a_way_forward(
    product_feedback: Feedback,
) -> None:
    draft = feedback_reply_draft(feedback=product_feedback)
    assert draft.language == "en"
    assert draft.text.startswith("We are sorry the item did not meet your expectations.")
    assert "Buyer-Seller Messaging" in draft.text
    assert draft.ok
    assert not has_errors(draft.findings)
    assert draft.warning == ONE_REPLY_WARNING


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("comment", "rating", "start"),
    [
        ("Paket kam eine Woche zu spät.", 2, "Es tut uns leid, dass die Lieferung"),
        ("Vendeur injoignable, toujours pas remboursé.", 1, "Nous sommes désolés de votre"),
        ("Muy decepcionado.", 3, "Sentimos que su pedido"),
        ("Ottimo, grazie per la consegna veloce.", 5, "Grazie mille"),
        ("Great seller, thanks!", 5, "Thank you for your kind words."),
    ],
)
def test_reply_drafts_in_the_buyers_language_pass_the_public_check(
    store_a: Store, comment: str, rating: int, start: str
) -> None:
    feedback = FeedbackFactory(store=store_a, comment=comment, rating=rating)
    draft = feedback_reply_draft(feedback=feedback)
    assert draft.text.startswith(start), draft.text
    assert draft.ok, draft.findings


@pytest.mark.django_db
def test_the_draft_falls_back_to_the_marketplaces_language() -> None:
    store = StoreFactory(marketplace="IT", timezone="Europe/Rome", currency="EUR")
    feedback = FeedbackFactory(store=store, comment="", rating=1)
    assert feedback_reply_draft(feedback=feedback).language == "it"


@pytest.mark.django_db
def test_one_public_reply_and_never_a_second(product_feedback: Feedback, agent_a: User) -> None:
    text = "  We are sorry. Please contact us through Buyer-Seller Messaging.  "
    feedback = feedback_reply_posted(feedback=product_feedback, actor=agent_a, text=text)
    assert feedback.reply_status == ReplyStatus.POSTED
    assert feedback.your_response == text.strip()
    event = AuditEvent.objects.get(action="feedback.reply_posted")
    assert event.data == {"text": text.strip()}
    with pytest.raises(ValidationError, match="one reply per feedback"):
        feedback_reply_posted(feedback=fresh(product_feedback), actor=agent_a, text="Again.")
    # A stale copy that still shows no reply is refused all the same.
    product_feedback.reply_status = ReplyStatus.NONE
    with pytest.raises(ValidationError, match="one reply per feedback"):
        feedback_reply_posted(feedback=product_feedback, actor=agent_a, text="Again.")
    assert fresh(product_feedback).your_response == text.strip()
    assert AuditEvent.objects.filter(action="feedback.reply_posted").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Sorry! Write to help@shop.example and we will sort it.", "email_address"),
        ("Sorry, see https://shop.example/help for a fix.", "external_link"),
        ("Sorry! Remove your feedback and we give you a refund.", "feedback_removal_exchange"),
    ],
)
def test_a_reply_that_breaks_the_public_rules_is_refused(
    product_feedback: Feedback, agent_a: User, text: str, rule: str
) -> None:
    with pytest.raises(ReplyComplianceError) as caught:
        feedback_reply_posted(feedback=product_feedback, actor=agent_a, text=text)
    assert rule in {f.rule for f in caught.value.findings}
    assert fresh(product_feedback).reply_status == ReplyStatus.NONE


@pytest.mark.django_db
def test_viewers_cannot_post_replies(product_feedback: Feedback, viewer_a: User) -> None:
    with pytest.raises(PermissionDenied):
        feedback_reply_posted(feedback=product_feedback, actor=viewer_a, text="We are sorry.")
    assert fresh(product_feedback).reply_status == ReplyStatus.NONE


# --- the list ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_rows_carry_the_removal_check_and_days_left(store_a: Store, store_b: Store) -> None:
    order = OrderFactory(store=store_a, fulfillment_channel="AFN")
    FeedbackFactory(
        store=store_a,
        comment="Never arrived.",
        amazon_order_id=order.amazon_order_id,
        left_on=TODAY - timedelta(days=10),
    )
    FeedbackFactory(store=store_a, comment=MIXED, left_on=TODAY)
    FeedbackFactory(store=store_b, comment=PRODUCT_ONLY)
    rows = feedback_rows(store=store_a, now=NOW)
    assert [r["removal"] for r in rows] == [
        {"eligible": False, "grounds": []},
        {"eligible": True, "grounds": [FBA_FULFILLMENT]},
    ]
    assert [r["days_left"] for r in rows] == [90, 80]
    assert rows[1]["fulfillment_channel"] == "AFN"
    assert rows[0]["date"] == TODAY.isoformat()


@pytest.mark.django_db
def test_rows_take_the_same_queries_for_more_feedback(store_a: Store) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            feedback_rows(store=Store.objects.get(pk=store_a.pk), now=NOW)
        return len(captured)

    def add() -> None:
        order = OrderFactory(store=store_a)
        FeedbackFactory(store=store_a, order=order, amazon_order_id=order.amazon_order_id)

    add()
    few = queries()
    for _ in range(5):
        add()
    assert queries() == few


@pytest.mark.django_db
def test_removal_state_says_why_a_request_cannot_be_made(store_a: Store) -> None:
    feedback = FeedbackFactory(store=store_a, comment="Very disappointed.", left_on=TODAY)
    state = feedback_removal_state(feedback=feedback, now=NOW)
    assert not state.can_request
    assert state.refusal.startswith("no removal ground applies")
    assert (state.deadline, state.days_left) == (TODAY + timedelta(days=90), 90)


# --- sellerdesk feedback --json -------------------------------------------------------------------


@pytest.mark.django_db
def test_cli_prints_one_object_per_feedback(
    store_a: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    FeedbackFactory(store=store_a, comment=PRODUCT_ONLY, rating=1, left_on=TODAY)
    FeedbackFactory(store=store_a, comment="Great, thanks!", rating=5, left_on=TODAY)
    capsys.readouterr()
    assert main(["feedback", "--store", store_a.name, "--json", "--as-of", "2026-11-01"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2
    first = next(r for r in rows if r["rating"] == 1)
    assert set(first) >= {
        "order_id", "rating", "date", "comment", "removal", "reply_status", "status", "days_left",
    }  # fmt: skip
    assert first["removal"] == {"eligible": True, "grounds": [PRODUCT_REVIEW]}
    assert first["reply_status"] == "none"
    assert first["days_left"] == 90
    assert first["date"] == "2026-11-01"
    capsys.readouterr()
    assert main(["feedback", "--store", store_a.name, "--json", "--removable"]) == 0
    assert [r["rating"] for r in json.loads(capsys.readouterr().out)] == [1]


@pytest.mark.django_db
def test_cli_text_and_bad_input(store_a: Store, capsys: pytest.CaptureFixture[str]) -> None:
    FeedbackFactory(store=store_a, comment=PRODUCT_ONLY, rating=1, left_on=TODAY)
    capsys.readouterr()
    assert main(["feedback", "--store", store_a.name]) == 0
    assert "product_review" in capsys.readouterr().out
    assert main(["feedback", "--store", "nope"]) == 2
    assert main(["feedback", "--store", store_a.name, "--as-of", "yesterday"]) == 2
    err = capsys.readouterr().err
    assert "no store named 'nope'" in err
    assert "--as-of" in err
