"""Writes for A-to-z claims."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sellerdesk.audit.services import audit_record
from sellerdesk.claims.models import Claim, ClaimStatus
from sellerdesk.common.models import Source
from sellerdesk.orders.models import Order
from sellerdesk.policy import policy_value
from sellerdesk.stores.models import Store

DECIDED = {ClaimStatus.GRANTED, ClaimStatus.DENIED, ClaimStatus.WITHDRAWN}


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
       (``atoz_response_hours`` after the notice); a decision clears it.
    3. A grant sets ``appeal_due_at`` (``atoz_appeal_days``).
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
        claim.due_at = received_at + timedelta(hours=policy_value(store, "atoz_response_hours"))
    elif claim.status in DECIDED or claim.status == ClaimStatus.REFUNDED_BY_SELLER:
        claim.due_at = None
        claim.decided_at = claim.decided_at or received_at
    if claim.status == ClaimStatus.GRANTED:
        claim.appeal_due_at = (claim.decided_at or received_at) + timedelta(
            days=policy_value(store, "atoz_appeal_days")
        )
    claim.save()
    audit_record(
        action="claim.opened" if created else "claim.updated",
        store=store,
        target=claim,
        data={"status": claim.status, "source": "email"},
    )
    return claim, created
