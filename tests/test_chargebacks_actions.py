"""Chargebacks worked as cases: the notice and decision emails, actions, deadlines."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.cases.texts import TextRejected
from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.chargebacks.odr import chargeback_counts_in_odr
from sellerdesk.chargebacks.selectors import chargeback_timeline
from sellerdesk.chargebacks.services import (
    chargeback_action,
    chargeback_decision_record,
    chargeback_from_notice,
    chargeback_note_add,
    chargeback_refund,
    chargeback_represent,
)
from sellerdesk.mail.services import email_ingest, files_channel
from sellerdesk.stores.models import Store
from tests.factories import ChargebackFactory

MAIL = Path(__file__).parent / "data" / "mail"
PROOF = (
    "Order 113-2223334-4445556 was shipped on 2026-11-03 with USPS, tracking number "
    "9400111899223100012345, and delivered on 2026-11-06 to the buyer's address."
)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_a_chargeback_from_its_notice_email_to_a_decision(agent_a: User, store_a: Store) -> None:
    channel = files_channel(store=store_a)

    def ingest(name: str, at: datetime) -> str:
        with time_machine.travel(at, tick=False):
            return email_ingest(channel=channel, raw=(MAIL / name).read_bytes()).status

    assert ingest("chargeback_notice.eml", datetime(2026, 11, 13, 15, 35, tzinfo=UTC)) == "ingested"
    chargeback = Chargeback.objects.get(store=store_a)
    assert chargeback.status == "open"
    assert chargeback.amount == Decimal("58.20")
    # Fri 13 Nov 07:30 -08:00 plus 7 calendar days.
    assert chargeback.due_at == datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
    assert chargeback_counts_in_odr(chargeback)[0] is None

    with time_machine.travel(datetime(2026, 11, 16, 17, 0, tzinfo=UTC), tick=False):
        chargeback_represent(chargeback=chargeback, actor=agent_a, text=PROOF)
    chargeback.refresh_from_db()
    assert (chargeback.status, chargeback.due_at) == ("represented", None)

    ingest("chargeback_decision.eml", datetime(2026, 11, 23, 20, 5, tzinfo=UTC))
    chargeback.refresh_from_db()
    assert chargeback.status == "decided_for_seller"
    assert chargeback.due_at is None
    assert chargeback.decided_at == datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
    assert chargeback_counts_in_odr(chargeback) == (
        False,
        "does not count: decided for the seller",
    )
    # The store's setting: a decision for the seller still counts.
    store_a.policy_overrides = {"chargeback_decided_for_seller_counts": 1}
    store_a.save()
    chargeback.refresh_from_db()
    assert chargeback_counts_in_odr(chargeback)[0] is True

    timeline = chargeback_timeline(chargeback=chargeback)
    assert [(e.action, e.actor) for e in timeline] == [
        ("chargeback.opened", "Amazon notice"),
        ("chargeback.represented", agent_a.email),
        ("chargeback.updated", "Amazon notice"),
    ]
    assert timeline[1].text == PROOF
    assert ("Respond by", "2026-11-20 07:30 -08:00") in timeline[0].details


@pytest.mark.django_db
def test_seven_calendar_days_keep_the_wall_time_across_daylight_saving(store_a: Store) -> None:
    # Los Angeles leaves daylight saving time on Sunday 1 November 2026.
    received = datetime(2026, 10, 30, 17, 0, tzinfo=UTC)  # Fri 10:00 -07:00
    chargeback, _ = chargeback_from_notice(
        store=store_a, order_id="113-0000000-0000001", received_at=received
    )
    assert chargeback.due_at == datetime(2026, 11, 6, 18, 0, tzinfo=UTC)  # Fri 10:00 -08:00


@pytest.mark.django_db
def test_refund_and_decisions(agent_a: User, store_a: Store) -> None:
    chargeback = ChargebackFactory(store=store_a)
    with time_machine.travel(datetime(2026, 11, 4, tzinfo=UTC), tick=False):
        chargeback_refund(chargeback=chargeback, actor=agent_a, amount="31.50", text="refunded")
    chargeback.refresh_from_db()
    assert (chargeback.status, chargeback.due_at) == ("refunded", None)
    assert chargeback.decided_at == datetime(2026, 11, 4, tzinfo=UTC)
    assert chargeback_counts_in_odr(chargeback)[0] is True
    with pytest.raises(ValidationError, match="refunded already"):
        chargeback_refund(chargeback=chargeback, actor=agent_a)

    other = ChargebackFactory(store=store_a, amount=None, currency="")
    chargeback_decision_record(
        chargeback=other, actor=agent_a, status="decided_for_buyer", amount=Decimal("12.34")
    )
    other.refresh_from_db()
    assert (other.status, other.amount, other.currency) == (
        "decided_for_buyer",
        Decimal("12.34"),
        "USD",
    )
    assert chargeback_counts_in_odr(other)[0] is True
    entry = chargeback_timeline(chargeback=other)[-1]
    assert ("Amount", "12.34") in entry.details
    assert ("Status", "Open → Decided for buyer") in entry.details


@pytest.mark.django_db
def test_refusals(agent_a: User, viewer_a: User, store_a: Store) -> None:
    chargeback = ChargebackFactory(store=store_a)
    with pytest.raises(TextRejected):
        chargeback_represent(
            chargeback=chargeback, actor=agent_a, text=f"{PROOF} See https://evil.example/x"
        )
    with pytest.raises(PermissionDenied):
        chargeback_represent(chargeback=chargeback, actor=viewer_a, text=PROOF)
    with pytest.raises(ValidationError, match="not a decision"):
        chargeback_decision_record(chargeback=chargeback, actor=agent_a, status="refunded")
    for bad in ("-1", "abc", "1.234", "NaN"):
        with pytest.raises(ValidationError, match="amount"):
            chargeback_refund(chargeback=chargeback, actor=agent_a, amount=bad)
    with pytest.raises(ValidationError, match="unknown action"):
        chargeback_action(chargeback=chargeback, actor=agent_a, action="appeal")
    with pytest.raises(ValidationError, match="empty"):
        chargeback_note_add(chargeback=chargeback, actor=agent_a, text="")
    chargeback.refresh_from_db()
    assert chargeback.status == "open"
    assert not AuditEvent.objects.filter(actor__isnull=False).exists()
