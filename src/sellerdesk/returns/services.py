"""Writes for customer returns."""

from __future__ import annotations

from datetime import datetime, timedelta

from sellerdesk.audit.services import audit_record
from sellerdesk.common.models import Source
from sellerdesk.orders.models import Order
from sellerdesk.policy import policy_value
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.stores.models import Store


def return_from_request(
    *,
    store: Store,
    order_id: str,
    received_at: datetime,
    rma_id: str = "",
    sku: str = "",
    asin: str = "",
    title: str = "",
    quantity: int = 1,
    reason_code: str = "",
    buyer_comment: str = "",
) -> tuple[Return, bool]:
    """Record a seller-fulfilled return authorization request (answer within 48 hours)."""
    key = f"rma:{rma_id}" if rma_id else f"request:{order_id}:{sku or asin or 'order'}"
    existing = Return.objects.filter(store=store, external_key=key).first()
    if existing is not None:
        return existing, False
    order = Order.objects.filter(store=store, amazon_order_id=order_id).first()
    if order is not None and not (sku and asin):
        item = order.items.filter(asin=asin).first() if asin else order.items.first()
        if item is not None:
            sku, asin, title = sku or item.sku, asin or item.asin, title or item.title
    record = Return.objects.create(
        store=store,
        order=order,
        external_key=key,
        amazon_order_id=order_id,
        fulfillment_channel="MFN",
        rma_id=rma_id,
        sku=sku[:64],
        asin=asin[:10],
        title=title[:500],
        quantity=quantity,
        reason_code=reason_code[:60],
        buyer_comment=buyer_comment,
        requested_at=received_at,
        status=ReturnStatus.REQUESTED,
        due_at=received_at + timedelta(hours=policy_value(store, "return_response_hours")),
        source=Source.EMAIL,
    )
    audit_record(action="return.requested", store=store, target=record, data={"source": "email"})
    return record, True
