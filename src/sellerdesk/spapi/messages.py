"""Proactive (seller-initiated) messages through the Messaging API.

``proactive_message_send`` refuses, in this order: an order completed more than
``proactive_message_days`` ago (``amazon-rules.md`` §3), a message type the desk
cannot send as text, a text the compliance check finds errors in (``kind=
"proactive"``, the type's length limit), a store without a connection, a type
Amazon does not allow for the order now. Then it claims a log row (one send per
form), sends, records the answer and audits it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.compliance import CheckContext, Finding, check, has_errors
from sellerdesk.orders.models import Order, OrderStatus
from sellerdesk.policy import policy_value
from sellerdesk.spapi.client import TEXT_ACTIONS, SellingPartner, SpApiError
from sellerdesk.spapi.models import MessageStatus, ProactiveMessage
from sellerdesk.spapi.selectors import INTERACTIVE_RETRY, connection_for_store

logger = logging.getLogger(__name__)

ACTION_LABELS: dict[str, str] = {
    "confirmCustomizationDetails": "Confirm customization details",
    "confirmDeliveryDetails": "Confirm delivery details",
    "confirmOrderDetails": "Confirm order details",
    "confirmServiceDetails": "Confirm service details",
    "unexpectedProblem": "Unexpected problem",
    "digitalAccessKey": "Digital access key",
    "warranty": "Warranty",
    "legalDisclosure": "Legal disclosure",
    "sendInvoice": "Invoice",
    "amazonMotors": "Amazon Motors",
}


class MessageRefused(Exception):
    """The message was not sent; ``findings`` when the compliance check blocked it."""

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.findings = findings or []


@dataclass(frozen=True)
class ActionChoice:
    name: str
    label: str
    max_chars: int | None
    sendable: bool  # as text from the desk (the others need attachments)


@dataclass
class MessagingState:
    """What may be sent for an order now."""

    window_open: bool
    window_note: str
    connected: bool
    actions: list[ActionChoice] = field(default_factory=list)
    error: str = ""

    @property
    def sendable(self) -> list[ActionChoice]:
        return [a for a in self.actions if a.sendable]


def action_choice(name: str) -> ActionChoice:
    limit = TEXT_ACTIONS[name][1] if name in TEXT_ACTIONS else None
    return ActionChoice(name, ACTION_LABELS.get(name, name), limit, name in TEXT_ACTIONS)


def order_completed_at(order: Order) -> datetime | None:
    """When the order was completed (delivered, or expected to be); None while in progress."""
    if order.delivered_at is not None:
        return order.delivered_at
    if order.status in (OrderStatus.SHIPPED,):
        return order.latest_delivery_date or order.shipped_at or order.last_updated_at
    if order.status in (OrderStatus.CANCELED, OrderStatus.UNFULFILLABLE):
        return order.last_updated_at or order.purchase_date
    return None


def proactive_window(*, order: Order, now: datetime) -> tuple[bool, str]:
    """Whether a proactive message may go out now, and a sentence saying why."""
    days = policy_value(order.store, "proactive_message_days")
    completed = order_completed_at(order)
    if completed is None:
        return True, "The order is not completed yet: proactive messages are allowed."
    until = completed + timedelta(days=days)
    local = until.astimezone(order.store.tz)
    if now > until:
        return False, (
            f"Proactive messages are allowed only within {days} days of order completion; "
            f"that ended on {local:%Y-%m-%d}."
        )
    return True, f"Proactive messages are allowed until {local:%Y-%m-%d %H:%M}."


def proactive_state(
    *, order: Order, now: datetime | None = None, client: SellingPartner | None = None
) -> MessagingState:
    """The window and the Messaging API actions Amazon allows for ``order`` now."""
    from sellerdesk.spapi.services import client_for

    now = now or timezone.now()
    window_open, note = proactive_window(order=order, now=now)
    connection = connection_for_store(store=order.store)
    state = MessagingState(window_open=window_open, window_note=note, connected=bool(connection))
    if connection is None or not window_open:
        return state
    api = client or client_for(connection=connection, retry=INTERACTIVE_RETRY)
    try:
        state.actions = [action_choice(n) for n in api.get_messaging_actions(order.amazon_order_id)]
    except SpApiError as exc:
        state.error = f"Amazon's Messaging API did not answer: {exc}"
    finally:
        if client is None:
            close = getattr(api, "close", None)
            if close is not None:
                close()
    return state


def proactive_message_check(*, order: Order, action: str, text: str) -> list[Finding]:
    limit = TEXT_ACTIONS[action][1] if action in TEXT_ACTIONS else None
    context = CheckContext(kind="proactive", max_chars=limit, order_id=order.amazon_order_id)
    return check(text, context=context)


def proactive_message_send(
    *,
    order: Order,
    action: str,
    text: str,
    user: User | None,
    nonce: str = "",
    now: datetime | None = None,
    client: SellingPartner | None = None,
) -> ProactiveMessage:
    """Send one proactive message (see the module doc); raises :class:`MessageRefused`."""
    from sellerdesk.spapi.services import client_for

    now = now or timezone.now()
    window_open, note = proactive_window(order=order, now=now)
    if not window_open:
        raise MessageRefused(note)
    if action not in TEXT_ACTIONS:
        raise MessageRefused(f"{ACTION_LABELS.get(action, action)!s} cannot be sent from the desk")
    findings = proactive_message_check(order=order, action=action, text=text)
    if has_errors(findings):
        raise MessageRefused("The text breaks Amazon's communication rules.", findings)
    connection = connection_for_store(store=order.store)
    if connection is None:
        raise MessageRefused("This store is not connected to the Selling Partner API.")
    api = client or client_for(connection=connection, retry=INTERACTIVE_RETRY)
    try:
        return _send(order=order, action=action, text=text, user=user, nonce=nonce, now=now,
                     api=api)  # fmt: skip
    finally:
        if client is None:
            close = getattr(api, "close", None)
            if close is not None:
                close()


def _send(
    *,
    order: Order,
    action: str,
    text: str,
    user: User | None,
    nonce: str,
    now: datetime,
    api: SellingPartner,
) -> ProactiveMessage:
    try:
        allowed = api.get_messaging_actions(order.amazon_order_id)
    except SpApiError as exc:
        raise MessageRefused(f"Amazon's Messaging API did not answer: {exc}") from None
    if action not in allowed:
        raise MessageRefused(
            f"Amazon does not allow '{ACTION_LABELS.get(action, action)}' for this order now."
        )
    try:
        with transaction.atomic():
            message = ProactiveMessage.objects.create(
                store_id=order.store_id,
                order=order,
                amazon_order_id=order.amazon_order_id,
                action=action,
                text=text,
                status=MessageStatus.SENDING,
                nonce=nonce[:64],
                sent_by=user,
            )
    except IntegrityError:
        raise MessageRefused(
            "This message was already sent (the form was submitted twice)."
        ) from None
    try:
        api.send_message(order.amazon_order_id, action, text)
    except SpApiError as exc:
        message.status = MessageStatus.FAILED
        message.error = str(exc)[:2000]
        message.nonce = ""  # nothing went out: the same form may be sent again
        message.save(update_fields=["status", "error", "nonce"])
        audit_record(action="spapi.message_failed", actor=user, store=order.store,
                     target=message, data={"order": order.amazon_order_id, "type": action,
                                           "error": message.error})  # fmt: skip
        logger.warning("proactive message on %s failed: %s", order.amazon_order_id, exc)
        raise MessageRefused(f"Amazon refused the message: {exc}") from None
    message.status = MessageStatus.SENT
    message.sent_at = now
    message.save(update_fields=["status", "sent_at"])
    audit_record(
        action="spapi.message_sent",
        actor=user,
        store=order.store,
        target=message,
        data={"order": order.amazon_order_id, "type": action, "chars": len(text)},
    )
    return message
