"""Writes for chargebacks: notices from Amazon, and the seller's actions on one.

Every action is audited (who, when, what text): the audit events are the
chargeback's timeline (``cases.timeline``). The response deadline
(``chargeback_response_days`` calendar days after the notice) is met by
representing the case or refunding it; a decision clears it.

==================  ============================================================
action              effect
==================  ============================================================
represent           proof sent to Amazon (text checked): open -> represented,
                    nothing due
refund              the seller refunded: status refunded, decided now
record_decision     decided for the seller / for the buyer, with the amount
note                text only
==================  ============================================================
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.cases.deadlines import deadline_after, local_iso
from sellerdesk.cases.texts import case_text_require
from sellerdesk.chargebacks.models import Chargeback, ChargebackStatus
from sellerdesk.common.models import Source
from sellerdesk.common.money import more_than_cents
from sellerdesk.orders.models import Order
from sellerdesk.policy import policy_value
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import user_can_write

DECISIONS = (ChargebackStatus.DECIDED_FOR_SELLER, ChargebackStatus.DECIDED_FOR_BUYER)
OPEN = (ChargebackStatus.OPEN, ChargebackStatus.REPRESENTED)
ACTIONS = ("represent", "refund", "record_decision", "note")


def chargeback_response_due(*, store: Store, received_at: datetime) -> datetime:
    days = policy_value(store, "chargeback_response_days")
    return deadline_after(store=store, start=received_at, days=days)


def chargeback_from_notice(
    *,
    store: Store,
    order_id: str,
    received_at: datetime,
    amount: Decimal | None = None,
    currency: str = "",
    decision: str = "",
) -> tuple[Chargeback, bool]:
    """Open a chargeback from its notice, or record a decision (and amount) on it.

    The response deadline is ``chargeback_response_days`` calendar days after the
    notice email; a decision clears it. Returns (chargeback, created).
    """
    chargeback = Chargeback.objects.filter(store=store, amazon_order_id=order_id).first()
    created = chargeback is None
    if chargeback is None:
        chargeback = Chargeback(
            store=store,
            amazon_order_id=order_id,
            received_at=received_at,
            status=ChargebackStatus.OPEN,
            source=Source.EMAIL,
            order=Order.objects.filter(store=store, amazon_order_id=order_id).first(),
            due_at=chargeback_response_due(store=store, received_at=received_at),
        )
    if amount is not None:
        chargeback.amount, chargeback.currency = amount, currency
    if decision:
        chargeback.status = decision
        chargeback.decided_at = chargeback.decided_at or received_at
        chargeback.due_at = None
    chargeback.save()
    audit_record(
        action="chargeback.opened" if created else "chargeback.updated",
        store=store,
        target=chargeback,
        data={
            "status": chargeback.status,
            "source": "email",
            "due_at": local_iso(chargeback.due_at, store),
        },
    )
    return chargeback, created


# --- the seller's actions ------------------------------------------------------


def _locked(chargeback: Chargeback, actor: User) -> Chargeback:
    if not user_can_write(user=actor, store=chargeback.store):
        raise PermissionDenied("viewers cannot work chargebacks")
    return Chargeback.objects.select_for_update().select_related("store").get(pk=chargeback.pk)


def _text(text: str, what: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError(f"the {what} is empty")
    return text


def _amount(value: Decimal | str | None) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(f"not an amount: {value!r}") from None
    if not amount.is_finite() or amount < 0 or more_than_cents(amount):
        raise ValidationError(f"not an amount: {value!r}")
    if amount >= Decimal("1e10"):
        raise ValidationError(f"amount too large: {value!r}")
    return amount.quantize(Decimal("0.01"))  # as the column stores it


def _record(
    chargeback: Chargeback, actor: User, action: str, before: str, data: dict[str, Any]
) -> None:
    chargeback.save()
    payload = {
        "from_status": before,
        "status": chargeback.status,
        **data,
        "due_at": local_iso(chargeback.due_at, chargeback.store),
    }
    audit_record(
        action=action, actor=actor, store=chargeback.store, target=chargeback, data=payload
    )


def _decide(
    chargeback: Chargeback,
    actor: User,
    status: str,
    value: Decimal | None,
    text: str,
    action: str,
) -> None:
    """Close the locked chargeback with ``status`` (decided now, nothing due) and the
    amount, when one is given; audited as ``action``."""
    before = chargeback.status
    chargeback.status = status
    chargeback.decided_at = timezone.now()
    chargeback.due_at = None
    if value is not None:
        chargeback.amount = value
        chargeback.currency = chargeback.currency or chargeback.store.currency
    data = {"text": text.strip(), "amount": None if value is None else f"{value:f}"}
    _record(chargeback, actor, action, before, data)


def chargeback_represent(*, chargeback: Chargeback, actor: User, text: str) -> Chargeback:
    """Record the representation sent to Amazon (proof text checked, audited)."""
    text = _text(text, "representation")
    with transaction.atomic():
        chargeback = _locked(chargeback, actor)
        if chargeback.status not in OPEN:
            raise ValidationError(
                f"the chargeback is {chargeback.get_status_display().lower()}: "
                "record a decision or a note"
            )
        case_text_require(text=text, order_id=chargeback.amazon_order_id)
        before = chargeback.status
        chargeback.status = ChargebackStatus.REPRESENTED
        chargeback.due_at = None
        _record(chargeback, actor, "chargeback.represented", before, {"text": text})
    return chargeback


def chargeback_refund(
    *, chargeback: Chargeback, actor: User, text: str = "", amount: Decimal | str | None = None
) -> Chargeback:
    """Record that the seller refunded the buyer (a service chargeback then counts)."""
    value = _amount(amount)
    with transaction.atomic():
        chargeback = _locked(chargeback, actor)
        if chargeback.status not in OPEN:
            raise ValidationError(
                f"the chargeback is {chargeback.get_status_display().lower()} already"
            )
        _decide(chargeback, actor, ChargebackStatus.REFUNDED, value, text, "chargeback.refunded")
    return chargeback


def chargeback_decision_record(
    *,
    chargeback: Chargeback,
    actor: User,
    status: str,
    amount: Decimal | str | None = None,
    text: str = "",
) -> Chargeback:
    """Record Amazon's funding decision, and the amount it names."""
    if status not in DECISIONS:
        raise ValidationError(f"not a decision: {status!r}")
    value = _amount(amount)
    with transaction.atomic():
        chargeback = _locked(chargeback, actor)
        _decide(chargeback, actor, status, value, text, "chargeback.decision_recorded")
    return chargeback


def chargeback_note_add(*, chargeback: Chargeback, actor: User, text: str) -> Chargeback:
    text = _text(text, "note")
    with transaction.atomic():
        chargeback = _locked(chargeback, actor)
        audit_record(
            action="chargeback.note_added",
            actor=actor,
            store=chargeback.store,
            target=chargeback,
            data={"text": text, "status": chargeback.status},
        )
    return chargeback


def chargeback_action(
    *,
    chargeback: Chargeback,
    actor: User,
    action: str,
    text: str = "",
    status: str = "",
    amount: Decimal | str | None = None,
) -> Chargeback:
    """One of ``ACTIONS`` by name: what the detail page's forms and the API post."""
    if action == "represent":
        return chargeback_represent(chargeback=chargeback, actor=actor, text=text)
    if action == "refund":
        return chargeback_refund(chargeback=chargeback, actor=actor, text=text, amount=amount)
    if action == "record_decision":
        return chargeback_decision_record(
            chargeback=chargeback, actor=actor, status=status, amount=amount, text=text
        )
    if action == "note":
        return chargeback_note_add(chargeback=chargeback, actor=actor, text=text)
    raise ValidationError(f"unknown action {action!r}: one of {', '.join(ACTIONS)}")


def chargeback_deadlines_recompute(*, store: Store, old: dict[str, int]) -> int:
    """Move the deadlines of open chargebacks after ``chargeback_response_days`` changed."""
    if policy_value(store, "chargeback_response_days") == old["chargeback_response_days"]:
        return 0
    moved = 0
    for chargeback in Chargeback.objects.filter(
        store=store, status=ChargebackStatus.OPEN, due_at__isnull=False
    ):
        chargeback.due_at = chargeback_response_due(store=store, received_at=chargeback.received_at)
        chargeback.save(update_fields=["due_at", "updated_at"])
        moved += 1
    return moved
