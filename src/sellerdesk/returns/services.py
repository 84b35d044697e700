"""Writes for customer returns: requests, status changes with their deadlines, and
messages to the buyer about a return."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from email.utils import make_msgid
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.common.models import Source
from sellerdesk.compliance import CheckContext, check, has_errors
from sellerdesk.mail.relay import relay_alias
from sellerdesk.messaging.models import (
    Conversation,
    ConversationStatus,
    Direction,
    Reply,
    ReplyTemplate,
)
from sellerdesk.messaging.outbox import ComplianceError, reply_queue, sending_channel
from sellerdesk.orders.models import Order
from sellerdesk.returns.deadlines import ReturnPolicy, deadline_for
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.returns.selectors import (
    return_buyer_address,
    return_conversation,
    return_message_subject,
)
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import user_can_write, user_is_owner

# How far along a return is. A change never moves it back (the importers keep the
# same order), except that a rejected return may still be closed.
STATUS_RANK: dict[str, int] = {
    ReturnStatus.REQUESTED: 0,
    ReturnStatus.AUTHORIZED: 1,
    ReturnStatus.IN_TRANSIT: 2,
    ReturnStatus.RECEIVED: 3,
    ReturnStatus.REFUNDED: 4,
    ReturnStatus.REJECTED: 4,
    ReturnStatus.CLOSED: 5,
}


def return_deadline_refresh(*, record: Return, policy: ReturnPolicy | None = None) -> bool:
    """Set ``due_at`` to the return's open deadline (or None); True when it changed.
    Does not save."""
    deadline = deadline_for(record, policy or ReturnPolicy.from_store(record.store))
    due_at = deadline.due_at if deadline is not None else None
    changed = due_at != record.due_at
    record.due_at = due_at
    return changed


def returns_deadlines_recompute(*, store: Store) -> int:
    """Recompute ``due_at`` of the store's returns that are not finished (after a change
    of policy, time zone or holiday country, or an import); returns how many changed."""
    policy = ReturnPolicy.from_store(store)
    open_returns = Return.objects.filter(store=store).exclude(
        status__in=[ReturnStatus.REFUNDED, ReturnStatus.REJECTED, ReturnStatus.CLOSED],
        due_at__isnull=True,
    )
    changed = []
    for record in open_returns.select_related("store"):
        if return_deadline_refresh(record=record, policy=policy):
            changed.append(record)
    Return.objects.bulk_update(changed, ["due_at"], batch_size=500)
    return len(changed)


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
    record = Return(
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
        source=Source.EMAIL,
    )
    return_deadline_refresh(record=record)
    record.save()
    audit_record(action="return.requested", store=store, target=record, data={"source": "email"})
    return record, True


def return_status_set(
    *,
    record: Return,
    actor: User,
    status: str,
    at: datetime | None = None,
    resolution: str = "",
    amount: Decimal | None = None,
) -> Return:
    """Move a return on (answered → received → refunded) and recompute its deadline.

    1. The actor must be an owner or agent of the store (PermissionDenied).
    2. ``status`` must be a return status that does not move the return back
       (ValidationError); the same status again only updates the details.
    3. Received: ``received_at`` is set (``at``, default now) if it was unknown,
       which starts the refund deadline. Refunded: ``refunded_at`` likewise, and
       ``amount`` (in the store's currency) when given.
    4. ``due_at`` is recomputed; the change is saved and audited.
    """
    store = record.store
    if not user_can_write(user=actor, store=store):
        raise PermissionDenied("viewers cannot change returns")
    if status not in STATUS_RANK:
        raise ValidationError(f"not a return status: {status!r}")
    current = STATUS_RANK.get(record.status, 0)
    backwards = STATUS_RANK[status] < current
    if backwards or (record.status == ReturnStatus.REFUNDED and status == ReturnStatus.REJECTED):
        raise ValidationError(
            f"a {record.get_status_display().lower()} return cannot become "
            f"{ReturnStatus(status).label.lower()}"
        )
    at = at or timezone.now()
    before = record.status
    record.status = status
    if status in (ReturnStatus.RECEIVED, ReturnStatus.REFUNDED) and record.received_at is None:
        record.received_at = at
    if status == ReturnStatus.REFUNDED:
        record.refunded_at = record.refunded_at or at
        if amount is not None:
            record.amount, record.currency = amount, record.currency or store.currency
    if resolution.strip():
        record.resolution = resolution.strip()[:60]
    return_deadline_refresh(record=record)
    with transaction.atomic():
        record.save()
        audit_record(
            action="return.status_changed",
            actor=actor,
            store=store,
            target=record,
            data={
                "from": before,
                "to": status,
                "due_at": record.due_at.isoformat() if record.due_at else None,
            },
        )
    return record


# --- messages to the buyer about a return -----------------------------------------


def _seller_conversation(*, record: Return, buyer_address: str) -> Conversation:
    """A new conversation the seller starts about the return's order (nothing to answer)."""
    alias = relay_alias(buyer_address)
    buyer_key = alias[0] if alias else buyer_address.lower()
    order = (
        record.order
        or Order.objects.filter(store=record.store, amazon_order_id=record.amazon_order_id).first()
    )
    return Conversation.objects.create(
        store=record.store,
        order=order,
        amazon_order_id=record.amazon_order_id,
        buyer_key=buyer_key,
        buyer_name=order.buyer_name if order is not None else "",
        subject=return_message_subject(record),
        status=ConversationStatus.ANSWERED,  # nothing from the buyer waits for an answer
        source=Source.MANUAL,
    )


def return_buyer_message_queue(
    *,
    record: Return,
    author: User,
    body: str,
    template: ReplyTemplate | None = None,
    override_reason: str = "",
) -> Reply:
    """Write to the buyer of a return; the outbox sends it (``messaging.outbox``).

    1. The author must be an owner or agent (PermissionDenied); the text must not
       be empty and the buyer's relay address must be known (ValidationError).
    2. The order's conversation is reused. When it holds a buyer message, the text
       is an answer to it and goes through ``reply_queue`` unchanged.
    3. Otherwise the message is seller-initiated: the conversation is opened (or
       the empty one reused), the text is checked as a proactive message (errors
       block; an owner may override with a reason, audited), and a ``Reply`` to
       the buyer's relay address is queued. ``reply_send`` sends it like any
       other, exactly once, and makes it the conversation's first message.
    """
    store = record.store
    if not user_can_write(user=author, store=store):
        raise PermissionDenied("viewers cannot write to buyers")
    if not body.strip():
        raise ValidationError("write a message first")
    conversation = return_conversation(record=record)
    if (
        conversation is not None
        and conversation.messages.filter(direction=Direction.INBOUND).exclude(sender="").exists()
    ):
        return reply_queue(
            conversation=conversation,
            author=author,
            body=body,
            template=template,
            override_reason=override_reason,
        )
    to_address = return_buyer_address(record=record, conversation=conversation)
    if not to_address:
        raise ValidationError(
            "the buyer's Amazon relay address is not known for this order: it comes with "
            "the orders report or the buyer's first message"
        )
    subject = (conversation.subject if conversation else "") or return_message_subject(record)
    findings = check(
        body,
        context=CheckContext(kind="proactive", subject=subject, order_id=record.amazon_order_id),
    )
    errors = has_errors(findings)
    if errors:
        if not override_reason.strip():
            raise ComplianceError(findings)
        if not user_is_owner(user=author, store=store):
            raise PermissionDenied("only an owner may override a compliance error")
    with transaction.atomic():
        if conversation is None:
            conversation = _seller_conversation(record=record, buyer_address=to_address)
        channel = sending_channel(conversation=conversation)
        reply = Reply.objects.create(
            conversation=conversation,
            channel=channel,
            author=author,
            template=template,
            to_address=to_address,
            from_address=channel.from_address,
            subject=subject[:500],
            body=body,
            message_id=make_msgid(domain=channel.from_address.rsplit("@", 1)[-1])[:250],
            next_attempt_at=timezone.now(),
            override_reason=override_reason.strip() if errors else "",
        )
        if reply.override_reason:
            audit_record(
                action="reply.compliance_override",
                actor=author,
                store=store,
                target=reply,
                data={
                    "reason": reply.override_reason,
                    "rules": sorted({f.rule for f in findings if f.severity == "error"}),
                },
            )
        audit_record(
            action="reply.queued",
            actor=author,
            store=store,
            target=reply,
            data={"return": record.pk, "seller_initiated": True},
        )
        from sellerdesk.messaging.tasks import reply_send_task

        transaction.on_commit(partial(reply_send_task.enqueue, reply_id=reply.pk))
    return reply
