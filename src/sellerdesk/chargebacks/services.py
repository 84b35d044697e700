"""Writes for chargebacks."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sellerdesk.audit.services import audit_record
from sellerdesk.chargebacks.models import Chargeback, ChargebackStatus
from sellerdesk.common.models import Source
from sellerdesk.orders.models import Order
from sellerdesk.policy import policy_value
from sellerdesk.stores.models import Store


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
            due_at=received_at + timedelta(days=policy_value(store, "chargeback_response_days")),
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
        data={"status": chargeback.status, "source": "email"},
    )
    return chargeback, created
