"""Writes for A-to-z claims: notices from Amazon, and the seller's actions on a claim.

Every action is audited (who, when, what text): the audit events of a claim are
its timeline (``cases.timeline``). Deadlines are columns and move with each
action:

===================  ===========================================================
action               effect
===================  ===========================================================
respond              the information request is answered: ``due_at`` cleared,
                     action required -> under review
provide_information  the same, for information sent later or during an appeal
appeal               only a granted claim, before ``appeal_due_at``: status
                     appealed, nothing due until Amazon asks again (then within
                     ``atoz_appeal_response_hours``)
record_decision      granted / denied / withdrawn / refunded by seller /
                     cancelled, and who funded it: ``decided_at`` now, nothing
                     due; a grant opens the appeal window (``atoz_appeal_days``)
                     unless the claim was appealed already
note                 text only
===================  ===========================================================
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.audit.services import audit_record
from sellerdesk.cases.deadlines import deadline_after, local_iso
from sellerdesk.cases.texts import case_text_require
from sellerdesk.claims.models import Claim, ClaimStatus, FundedBy
from sellerdesk.common.models import Source
from sellerdesk.orders.models import Order
from sellerdesk.policy import policy_value
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import user_can_write

DECIDED = {ClaimStatus.GRANTED, ClaimStatus.DENIED, ClaimStatus.WITHDRAWN}
DECISIONS = (
    ClaimStatus.GRANTED,
    ClaimStatus.DENIED,
    ClaimStatus.WITHDRAWN,
    ClaimStatus.REFUNDED_BY_SELLER,
    ClaimStatus.CANCELLED,
)
OPEN = (ClaimStatus.ACTION_REQUIRED, ClaimStatus.UNDER_REVIEW, ClaimStatus.APPEALED)
# funded_by as the desk's forms and the API take it: Buy Shipping Claims
# Protection is Amazon funding with the protection flag set.
BUY_SHIPPING = "amazon_buy_shipping"
FUNDING_CHOICES = [
    (FundedBy.SELLER, "Seller"),
    (FundedBy.AMAZON, "Amazon"),
    (BUY_SHIPPING, "Amazon (Buy Shipping Claims Protection)"),
]
ACTIONS = ("respond", "provide_information", "appeal", "record_decision", "note")
APPEALED_ACTION = "claim.appealed"


def claim_was_appealed(*, claim: Claim) -> bool:
    """Whether an appeal was ever recorded, by the desk or by Amazon's notice."""
    events = AuditEvent.objects.filter(
        store_id=claim.store_id, target_type=Claim._meta.label_lower, target_id=str(claim.pk)
    )
    return (
        events.filter(action=APPEALED_ACTION).exists()
        or events.filter(data__status=ClaimStatus.APPEALED).exists()
    )


def claim_response_due(*, claim: Claim, store: Store, requested_at: datetime) -> datetime:
    """When an information request that came at ``requested_at`` must be answered:
    ``atoz_response_hours``, or ``atoz_appeal_response_hours`` during an appeal."""
    name = "atoz_appeal_response_hours" if claim.pk and claim_was_appealed(claim=claim) else ""
    hours = policy_value(store, name or "atoz_response_hours")
    return deadline_after(store=store, start=requested_at, hours=hours)


def claim_appeal_due(*, store: Store, decided_at: datetime) -> datetime:
    return deadline_after(
        store=store, start=decided_at, days=policy_value(store, "atoz_appeal_days")
    )


def claim_from_notice(
    *,
    store: Store,
    order_id: str,
    received_at: datetime,
    status: str,
    funded_by: str = "",
    reason: str = "",
    reason_text: str = "",
    amount: Decimal | None = None,
    currency: str = "",
) -> tuple[Claim, bool]:
    """Open the claim an A-to-z notice announces, or move it to the notice's status.

    1. First notice for the order: the claim is opened, filed at the notice time.
    2. Status ``action_required`` sets ``due_at`` to the information-request deadline
       (``atoz_response_hours`` after the notice, ``atoz_appeal_response_hours``
       once the claim was appealed); a decision clears it.
    3. A grant sets ``appeal_due_at`` (``atoz_appeal_days``), unless the claim was
       appealed already (the grant then is the appeal's outcome).
    Returns (claim, created).
    """
    claim = Claim.objects.filter(store=store, amazon_order_id=order_id).first()
    created = claim is None
    if claim is None:
        claim = Claim(
            store=store,
            amazon_order_id=order_id,
            filed_at=received_at,
            status=status or ClaimStatus.ACTION_REQUIRED,
            source=Source.EMAIL,
            order=Order.objects.filter(store=store, amazon_order_id=order_id).first(),
        )
    if status:
        claim.status = status
    if funded_by:
        claim.funded_by = funded_by
    if reason and reason != "other":
        claim.reason = reason
    if reason_text:
        claim.reason_text = reason_text[:500]
    if amount is not None:
        claim.amount, claim.currency = amount, currency
    if claim.status == ClaimStatus.ACTION_REQUIRED:
        claim.due_at = claim_response_due(claim=claim, store=store, requested_at=received_at)
    elif claim.status in DECIDED or claim.status == ClaimStatus.REFUNDED_BY_SELLER:
        claim.due_at = None
        claim.decided_at = claim.decided_at or received_at
    elif claim.status == ClaimStatus.APPEALED:
        claim.due_at = None
    if claim.status == ClaimStatus.GRANTED:
        appealed = not created and claim_was_appealed(claim=claim)
        claim.appeal_due_at = (
            None
            if appealed
            else claim_appeal_due(store=store, decided_at=claim.decided_at or received_at)
        )
    claim.save()
    audit_record(
        action="claim.opened" if created else "claim.updated",
        store=store,
        target=claim,
        data={"status": claim.status, "source": "email", **_deadlines(claim)},
    )
    return claim, created


# --- the seller's actions ------------------------------------------------------


def _deadlines(claim: Claim) -> dict[str, Any]:
    return {
        "due_at": local_iso(claim.due_at, claim.store),
        "appeal_due_at": local_iso(claim.appeal_due_at, claim.store),
    }


def _locked(claim: Claim, actor: User) -> Claim:
    """The claim, locked for the action, if ``actor`` may work it."""
    if not user_can_write(user=actor, store=claim.store):
        raise PermissionDenied("viewers cannot work claims")
    locked = Claim.objects.select_for_update().select_related("store").get(pk=claim.pk)
    return locked


def _text(text: str, what: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError(f"the {what} is empty")
    return text


def _record(claim: Claim, actor: User, action: str, before: str, data: dict[str, Any]) -> None:
    claim.save()
    payload = {"from_status": before, "status": claim.status, **data, **_deadlines(claim)}
    audit_record(action=action, actor=actor, store=claim.store, target=claim, data=payload)


def _text_sent(
    claim: Claim, actor: User, text: str, *, what: str, action: str, closed: str
) -> Claim:
    """Record a text sent to Amazon on an open claim (checked, audited as ``action``):
    an information request is answered (under review, nothing due). ``closed`` ends the
    refusal on a claim that is not open."""
    text = _text(text, what)
    with transaction.atomic():
        claim = _locked(claim, actor)
        if claim.status not in OPEN:
            raise ValidationError(f"the claim is {claim.get_status_display().lower()}: {closed}")
        case_text_require(text=text, order_id=claim.amazon_order_id)
        before = claim.status
        if claim.status == ClaimStatus.ACTION_REQUIRED:
            claim.status = ClaimStatus.UNDER_REVIEW
        claim.due_at = None
        _record(claim, actor, action, before, {"text": text})
    return claim


def claim_respond(*, claim: Claim, actor: User, text: str) -> Claim:
    """Record the answer to Amazon's information request (text checked, audited)."""
    return _text_sent(
        claim,
        actor,
        text,
        what="response",
        action="claim.responded",
        closed="nothing to respond to",
    )


def claim_information_provide(*, claim: Claim, actor: User, text: str) -> Claim:
    """Record information sent to Amazon (documents, or an answer during an appeal)."""
    return _text_sent(
        claim,
        actor,
        text,
        what="information",
        action="claim.information_provided",
        closed="record a decision or a note",
    )


def claim_appeal(*, claim: Claim, actor: User, text: str) -> Claim:
    """Record an appeal of a grant, inside the appeal window."""
    text = _text(text, "appeal")
    with transaction.atomic():
        claim = _locked(claim, actor)
        if claim.status != ClaimStatus.GRANTED:
            raise ValidationError("only a granted claim can be appealed")
        now = timezone.now()
        if claim.appeal_due_at is not None and claim.appeal_due_at < now:
            closed = claim.appeal_due_at.astimezone(claim.store.tz)
            raise ValidationError(f"the appeal window closed on {closed:%Y-%m-%d %H:%M %Z}")
        if claim.appeal_due_at is None and claim_was_appealed(claim=claim):
            raise ValidationError("the claim was appealed already")
        case_text_require(text=text, order_id=claim.amazon_order_id)
        before = claim.status
        claim.status = ClaimStatus.APPEALED
        claim.due_at = None
        _record(claim, actor, APPEALED_ACTION, before, {"text": text})
    return claim


def claim_decision_record(
    *, claim: Claim, actor: User, status: str, funded_by: str = "", text: str = ""
) -> Claim:
    """Record Amazon's decision (or the seller's refund, or the order's cancellation)."""
    if status not in DECISIONS:
        raise ValidationError(f"not a decision: {status!r}")
    if funded_by and funded_by not in dict(FUNDING_CHOICES):
        raise ValidationError(f"not a funding: {funded_by!r}")
    with transaction.atomic():
        claim = _locked(claim, actor)
        before = claim.status
        now = timezone.now()
        claim.status = status
        if funded_by:
            claim.funded_by = FundedBy.AMAZON if funded_by == BUY_SHIPPING else funded_by
            claim.buy_shipping_protected = funded_by == BUY_SHIPPING
        claim.decided_at = now
        claim.due_at = None
        claim.appeal_due_at = None
        if status == ClaimStatus.GRANTED and not claim_was_appealed(claim=claim):
            claim.appeal_due_at = claim_appeal_due(store=claim.store, decided_at=now)
        data = {
            "text": text.strip(),
            "funded_by": claim.funded_by,
            "buy_shipping_protected": claim.buy_shipping_protected,
        }
        _record(claim, actor, "claim.decision_recorded", before, data)
    return claim


def claim_note_add(*, claim: Claim, actor: User, text: str) -> Claim:
    text = _text(text, "note")
    with transaction.atomic():
        claim = _locked(claim, actor)
        audit_record(
            action="claim.note_added",
            actor=actor,
            store=claim.store,
            target=claim,
            data={"text": text, "status": claim.status},
        )
    return claim


def claim_action(
    *,
    claim: Claim,
    actor: User,
    action: str,
    text: str = "",
    status: str = "",
    funded_by: str = "",
) -> Claim:
    """One of ``ACTIONS`` by name: what the detail page's forms and the API post."""
    if action == "respond":
        return claim_respond(claim=claim, actor=actor, text=text)
    if action == "provide_information":
        return claim_information_provide(claim=claim, actor=actor, text=text)
    if action == "appeal":
        return claim_appeal(claim=claim, actor=actor, text=text)
    if action == "record_decision":
        return claim_decision_record(
            claim=claim, actor=actor, status=status, funded_by=funded_by, text=text
        )
    if action == "note":
        return claim_note_add(claim=claim, actor=actor, text=text)
    raise ValidationError(f"unknown action {action!r}: one of {', '.join(ACTIONS)}")


# --- settings changes ------------------------------------------------------------


def claim_deadlines_recompute(*, store: Store, old: dict[str, int]) -> int:
    """Move the deadlines of the store's open claims after a settings change.

    ``old`` holds the settings before the change. An information request is due
    a number of hours after it came, so its deadline moves by the difference; an
    appeal window is ``atoz_appeal_days`` from the decision. Returns how many
    claims moved.
    """
    moved = 0
    shift = {
        name: policy_value(store, name) - old[name]
        for name in ("atoz_response_hours", "atoz_appeal_response_hours")
    }
    waiting = Claim.objects.filter(
        store=store, status=ClaimStatus.ACTION_REQUIRED, due_at__isnull=False
    )
    for claim in waiting.select_related("store"):
        name = (
            "atoz_appeal_response_hours"
            if claim_was_appealed(claim=claim)
            else "atoz_response_hours"
        )
        if shift[name] and claim.due_at is not None:
            claim.due_at = deadline_after(store=store, start=claim.due_at, hours=shift[name])
            claim.save(update_fields=["due_at", "updated_at"])
            moved += 1
    if policy_value(store, "atoz_appeal_days") != old["atoz_appeal_days"]:
        granted = Claim.objects.filter(
            store=store,
            status=ClaimStatus.GRANTED,
            appeal_due_at__isnull=False,
            decided_at__isnull=False,
        )
        for claim in granted.select_related("store"):
            if claim.decided_at is not None:
                claim.appeal_due_at = claim_appeal_due(store=store, decided_at=claim.decided_at)
                claim.save(update_fields=["appeal_due_at", "updated_at"])
                moved += 1
    return moved
