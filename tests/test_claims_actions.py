"""A-to-z claims worked as cases: notices, actions, deadlines, the timeline, settings.

The first test is a claim from its notice email to a decision: the two real
notices of ``tests/data/mail`` go through ``email_ingest``, then the seller appeals,
Amazon asks for information during the appeal, the seller answers, and the appeal
succeeds.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.cases.settings import case_settings_update
from sellerdesk.cases.texts import TextRejected
from sellerdesk.claims.models import Claim
from sellerdesk.claims.odr import claim_counts_in_odr
from sellerdesk.claims.selectors import claim_timeline
from sellerdesk.claims.services import (
    claim_action,
    claim_appeal,
    claim_decision_record,
    claim_information_provide,
    claim_note_add,
    claim_respond,
)
from sellerdesk.mail.services import email_ingest, files_channel
from sellerdesk.stores.models import Store
from tests.factories import ChargebackFactory, ClaimFactory

MAIL = Path(__file__).parent / "data" / "mail"
RESPONSE = (
    "Order 112-5551234-7654321 was shipped on 2026-11-03 with UPS, tracking number "
    "1Z999AA10123456784, and delivered on 2026-11-06."
)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def info_request_during_appeal() -> bytes:
    """Amazon's information request, sent again while the claim is under appeal."""
    raw = (MAIL / "atoz_claim.eml").read_bytes()
    raw = raw.replace(b"Thu, 12 Nov 2026 11:00:00 -0800", b"Mon, 23 Nov 2026 10:00:00 -0800")
    return raw.replace(b"<atoz-claim-", b"<atoz-appeal-info-")


@pytest.mark.django_db
def test_a_claim_from_its_notice_email_to_a_decision(agent_a: User, store_a: Store) -> None:
    channel = files_channel(store=store_a)  # Store A: America/Los_Angeles

    def ingest(raw: bytes, at: datetime) -> str:
        # The audit log dates events when they are recorded: read the mail when it came.
        with time_machine.travel(at, tick=False):
            return email_ingest(channel=channel, raw=raw).status

    assert ingest(
        (MAIL / "atoz_claim.eml").read_bytes(), datetime(2026, 11, 12, 19, 5, tzinfo=UTC)
    ) == ("ingested")
    claim = Claim.objects.get(store=store_a)
    # Thu 12 Nov 2026 11:00 -08:00, plus 48 hours.
    assert claim.status == "action_required"
    assert claim.due_at == datetime(2026, 11, 14, 19, 0, tzinfo=UTC)
    assert claim_counts_in_odr(claim)[0] is None

    ingest((MAIL / "atoz_granted.eml").read_bytes(), datetime(2026, 11, 17, 17, 5, tzinfo=UTC))
    claim.refresh_from_db()
    assert claim.status == "granted"
    assert claim.due_at is None
    assert claim.decided_at == datetime(2026, 11, 17, 17, 0, tzinfo=UTC)
    # 30 calendar days after Tue 17 Nov 09:00 -08:00 in Los Angeles.
    assert claim.appeal_due_at == datetime(2026, 12, 17, 17, 0, tzinfo=UTC)
    assert claim_counts_in_odr(claim) == (
        True,
        "counts: granted against the seller (seller-funded)",
    )

    with time_machine.travel(datetime(2026, 11, 20, 18, 0, tzinfo=UTC), tick=False):
        claim_appeal(claim=claim, actor=agent_a, text=RESPONSE)
    claim.refresh_from_db()
    assert claim.status == "appealed"
    assert claim.due_at is None
    assert claim_counts_in_odr(claim) == (None, "pending: counts unless the appeal succeeds")

    # During an appeal an information request is due within 72 hours, not 48.
    ingest(info_request_during_appeal(), datetime(2026, 11, 23, 18, 5, tzinfo=UTC))
    claim.refresh_from_db()
    assert claim.status == "action_required"
    assert claim.due_at == datetime(2026, 11, 26, 18, 0, tzinfo=UTC)

    with time_machine.travel(datetime(2026, 11, 24, 18, 0, tzinfo=UTC), tick=False):
        claim_information_provide(claim=claim, actor=agent_a, text=RESPONSE)
    claim.refresh_from_db()
    assert (claim.status, claim.due_at) == ("under_review", None)

    with time_machine.travel(datetime(2026, 11, 30, 18, 0, tzinfo=UTC), tick=False):
        claim_decision_record(claim=claim, actor=agent_a, status="denied")
    claim.refresh_from_db()
    assert claim.status == "denied"
    assert claim.decided_at == datetime(2026, 11, 30, 18, 0, tzinfo=UTC)
    assert claim.appeal_due_at is None
    assert claim_counts_in_odr(claim)[0] is False

    timeline = claim_timeline(claim=claim)
    assert [e.action for e in timeline] == [
        "claim.opened",
        "claim.updated",
        "claim.appealed",
        "claim.updated",
        "claim.information_provided",
        "claim.decision_recorded",
    ]
    assert [e.actor for e in timeline] == [
        "Amazon notice",
        "Amazon notice",
        agent_a.email,
        "Amazon notice",
        agent_a.email,
        agent_a.email,
    ]
    assert timeline[2].text == RESPONSE
    assert ("Status", "Granted → Appealed") in timeline[2].details
    assert ("Respond by", "2026-11-14 11:00 -08:00") in timeline[0].details


@pytest.mark.django_db
def test_a_grant_after_an_appeal_opens_no_second_appeal(agent_a: User, store_a: Store) -> None:
    claim = ClaimFactory(store=store_a, status="granted", appeal_due_at=None)
    with time_machine.travel(datetime(2026, 11, 3, tzinfo=UTC), tick=False):
        claim_decision_record(claim=claim, actor=agent_a, status="granted")
        claim.refresh_from_db()
        assert claim.appeal_due_at == datetime(2026, 12, 3, tzinfo=UTC)
        claim_appeal(claim=claim, actor=agent_a, text=RESPONSE)
        claim_decision_record(claim=claim, actor=agent_a, status="granted", funded_by="seller")
    claim.refresh_from_db()
    assert claim.status == "granted"
    assert claim.appeal_due_at is None  # the appeal failed: the grant stands
    with pytest.raises(ValidationError, match="appealed already"):
        claim_appeal(claim=claim, actor=agent_a, text=RESPONSE)


@pytest.mark.django_db
def test_respond_records_who_when_and_what(agent_a: User, store_a: Store) -> None:
    claim = ClaimFactory(store=store_a, amazon_order_id="112-5551234-7654321")
    moment = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    with time_machine.travel(moment, tick=False):
        claim_respond(claim=claim, actor=agent_a, text=RESPONSE)
    claim.refresh_from_db()
    assert claim.status == "under_review"
    assert claim.due_at is None
    event = AuditEvent.objects.get(action="claim.responded")
    assert event.actor == agent_a
    assert event.created_at == moment
    assert event.data["text"] == RESPONSE
    assert event.data["from_status"] == "action_required"
    assert claim_counts_in_odr(claim)[0] is None


@pytest.mark.django_db
def test_a_text_against_the_guidelines_changes_nothing(agent_a: User, store_a: Store) -> None:
    claim = ClaimFactory(store=store_a)
    with pytest.raises(TextRejected) as caught:
        claim_respond(
            claim=claim, actor=agent_a, text=f"{RESPONSE} Write to me at bob@example.com."
        )
    assert any(f.severity == "error" for f in caught.value.findings)
    claim.refresh_from_db()
    assert claim.status == "action_required"
    assert not AuditEvent.objects.filter(action="claim.responded").exists()


@pytest.mark.django_db
def test_actions_refused_by_status_and_role(agent_a: User, viewer_a: User, store_a: Store) -> None:
    denied = ClaimFactory(store=store_a, status="denied", due_at=None)
    with pytest.raises(ValidationError, match="nothing to respond to"):
        claim_respond(claim=denied, actor=agent_a, text=RESPONSE)
    with pytest.raises(ValidationError, match="only a granted claim"):
        claim_appeal(claim=denied, actor=agent_a, text=RESPONSE)
    with pytest.raises(ValidationError, match="not a decision"):
        claim_decision_record(claim=denied, actor=agent_a, status="under_review")
    with pytest.raises(ValidationError, match="empty"):
        claim_note_add(claim=denied, actor=agent_a, text="  ")
    with pytest.raises(ValidationError, match="unknown action"):
        claim_action(claim=denied, actor=agent_a, action="escalate")
    with pytest.raises(PermissionDenied):
        claim_note_add(claim=denied, actor=viewer_a, text="a viewer's note")
    late = ClaimFactory(
        store=store_a,
        status="granted",
        due_at=None,
        appeal_due_at=datetime(2026, 11, 1, tzinfo=UTC),
    )
    with (
        time_machine.travel(datetime(2026, 11, 2, tzinfo=UTC), tick=False),
        pytest.raises(ValidationError, match="appeal window closed on 2026-10-31 17:00 PDT"),
    ):
        claim_appeal(claim=late, actor=agent_a, text=RESPONSE)
    assert not AuditEvent.objects.filter(actor__isnull=False).exists()


@pytest.mark.django_db
def test_decisions_and_funding(agent_a: User, store_a: Store) -> None:
    claim = ClaimFactory(store=store_a)
    claim_decision_record(
        claim=claim, actor=agent_a, status="granted", funded_by="amazon_buy_shipping"
    )
    claim.refresh_from_db()
    assert (claim.funded_by, claim.buy_shipping_protected) == ("amazon", True)
    assert claim_counts_in_odr(claim)[0] is False
    assert claim.due_at is None
    assert claim.appeal_due_at is not None
    claim_decision_record(claim=claim, actor=agent_a, status="refunded_by_seller")
    claim.refresh_from_db()
    assert claim.appeal_due_at is None
    assert claim_counts_in_odr(claim)[0] is True
    claim_decision_record(claim=claim, actor=agent_a, status="cancelled", funded_by="seller")
    claim.refresh_from_db()
    assert (claim.funded_by, claim.buy_shipping_protected) == ("seller", False)
    assert claim_counts_in_odr(claim)[0] is True
    entries = claim_timeline(claim=claim)
    assert ("Funded by", "Amazon (Buy Shipping Claims Protection)") in entries[0].details


# --- the case deadlines setting ------------------------------------------------------


@pytest.mark.django_db
def test_case_settings_move_open_deadlines_and_are_audited(owner_a: User, store_a: Store) -> None:
    filed = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
    waiting = ClaimFactory(store=store_a, filed_at=filed, due_at=filed + timedelta(hours=48))
    decided = datetime(2026, 11, 3, 20, 0, tzinfo=UTC)
    granted = ClaimFactory(
        store=store_a,
        status="granted",
        due_at=None,
        decided_at=decided,
        appeal_due_at=decided + timedelta(days=30),
    )
    chargeback = ChargebackFactory(
        store=store_a, received_at=filed, due_at=filed + timedelta(days=7)
    )
    case_settings_update(
        store=store_a,
        actor=owner_a,
        values={"atoz_response_hours": 72, "atoz_appeal_days": 20, "chargeback_response_days": 10},
    )
    store_a.refresh_from_db()
    assert store_a.policy_overrides == {
        "atoz_response_hours": 72,
        "atoz_appeal_days": 20,
        "chargeback_response_days": 10,
    }
    waiting.refresh_from_db()
    granted.refresh_from_db()
    chargeback.refresh_from_db()
    assert waiting.due_at == filed + timedelta(hours=72)
    assert granted.appeal_due_at == decided + timedelta(days=20)
    assert chargeback.due_at == filed + timedelta(days=10)
    event = AuditEvent.objects.get(action="store.case_settings_changed")
    assert event.actor == owner_a
    assert event.data["changes"]["atoz_response_hours"] == [48, 72]

    # Back to Amazon's default: the override goes, the store follows the default again.
    case_settings_update(store=store_a, actor=owner_a, values={"atoz_response_hours": 48})
    store_a.refresh_from_db()
    assert "atoz_response_hours" not in store_a.policy_overrides
    waiting.refresh_from_db()
    assert waiting.due_at == filed + timedelta(hours=48)


@pytest.mark.django_db
def test_case_settings_refuse_non_owners_and_bad_values(
    agent_a: User, owner_a: User, store_a: Store
) -> None:
    with pytest.raises(PermissionDenied):
        case_settings_update(store=store_a, actor=agent_a, values={"atoz_response_hours": 72})
    with pytest.raises(ValidationError):
        case_settings_update(store=store_a, actor=owner_a, values={"atoz_response_hours": 0})
    with pytest.raises(ValueError, match="not a case setting"):
        case_settings_update(store=store_a, actor=owner_a, values={"feedback_removal_days": 9})
    store_a.refresh_from_db()
    assert store_a.policy_overrides == {}
