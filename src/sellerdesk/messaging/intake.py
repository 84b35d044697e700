"""Writes for incoming buyer messages: threading, the clock, attachments.

Called by the mail pipeline (``mail.services``) inside its transaction, once per
email routed as a buyer message.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path

from django.conf import settings

from sellerdesk.mail.parse import Attachment as ParsedAttachment
from sellerdesk.mail.parse import ParsedEmail
from sellerdesk.mail.relay import RelayMessage
from sellerdesk.messaging.clock import ResponsePolicy, amazon_due_at, response_due_at
from sellerdesk.messaging.intent import classify_intent
from sellerdesk.messaging.models import (
    Attachment,
    Conversation,
    ConversationStatus,
    Direction,
    Message,
)
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store

SUBJECT_PREFIX_RE = re.compile(
    r"^\s*(?:(?:re|aw|fw|fwd|wg|tr|rv|r|sv|vs|antw|odp|ynt)\s*(?:\[\d+\])?\s*:\s*)+",
    re.IGNORECASE,
)


def thread_subject(subject: str) -> str:
    """The subject without reply/forward prefixes, case and spacing folded."""
    return re.sub(r"\s+", " ", SUBJECT_PREFIX_RE.sub("", subject)).strip().lower()[:500]


def _find_conversation(*, store: Store, relay: RelayMessage, subject: str) -> Conversation | None:
    base = Conversation.objects.filter(store=store, buyer_key=relay.buyer_key)
    if relay.order_id:
        return base.filter(amazon_order_id=relay.order_id).order_by("pk").first()
    return (
        base.filter(amazon_order_id="", thread_subject=thread_subject(subject))
        .order_by("pk")
        .first()
    )


def attachment_save(*, message: Message, attachment: ParsedAttachment) -> Attachment:
    """Store an attachment's bytes under SELLERDESK_HOME (content-addressed) and record it.

    Larger than ``SELLERDESK_ATTACHMENT_MAX_BYTES``: recorded without its bytes
    (``path`` empty), so nothing silently disappears.
    """
    payload = attachment.payload
    digest = hashlib.sha256(payload).hexdigest()
    relative = ""
    if len(payload) <= settings.SELLERDESK_ATTACHMENT_MAX_BYTES:
        relative = f"{message.conversation.store_id}/{digest[:2]}/{digest}"
        target = Path(settings.ATTACHMENTS_DIR) / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(".part")
            temporary.write_bytes(payload)
            temporary.replace(target)  # atomic: a crash never leaves half a file
    return Attachment.objects.create(
        message=message,
        filename=attachment.filename,
        content_type=attachment.content_type[:127],
        size=len(payload),
        sha256=digest,
        path=relative,
    )


def clock_restart(*, conversation: Conversation, at: datetime) -> None:
    """Start (or keep) the response clock at the first unanswered buyer message."""
    policy = ResponsePolicy.from_store(conversation.store)
    start = at
    if (
        conversation.status == ConversationStatus.NEEDS_RESPONSE
        and conversation.first_unanswered_at is not None
    ):
        start = min(conversation.first_unanswered_at, at)
    conversation.status = ConversationStatus.NEEDS_RESPONSE
    conversation.first_unanswered_at = start
    conversation.due_at = response_due_at(start=start, policy=policy)
    conversation.amazon_due_at = amazon_due_at(start=start, policy=policy)


def clocks_recompute(*, store: Store) -> int:
    """Recompute the deadlines of the store's waiting conversations (after a policy change)."""
    policy = ResponsePolicy.from_store(store)
    waiting = Conversation.objects.filter(
        store=store,
        status=ConversationStatus.NEEDS_RESPONSE,
        first_unanswered_at__isnull=False,
    )
    changed = []
    for conversation in waiting:
        start = conversation.first_unanswered_at
        if start is None:  # excluded by the filter; keeps the type checker informed
            continue
        conversation.due_at = response_due_at(start=start, policy=policy)
        conversation.amazon_due_at = amazon_due_at(start=start, policy=policy)
        changed.append(conversation)
    Conversation.objects.bulk_update(changed, ["due_at", "amazon_due_at"], batch_size=500)
    return len(changed)


def _is_newer_than_last_reply(conversation: Conversation, at: datetime) -> bool:
    """False for an old buyer message imported after the desk already answered it."""
    if conversation.pk is None:
        return True
    last_reply = (
        Message.objects.filter(conversation=conversation, direction=Direction.OUTBOUND)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    return last_reply is None or at > last_reply


def buyer_message_receive(
    *, store: Store, parsed: ParsedEmail, relay: RelayMessage, received_at: datetime
) -> tuple[Conversation, Message, bool]:
    """Thread a buyer's message, start the clock, store attachments.

    Returns (conversation, message, created). The same Message-ID already in the
    store (the message came in through a second channel) creates nothing.
    """
    if parsed.message_id:
        existing = (
            Message.objects.filter(conversation__store=store, message_id=parsed.message_id)
            .select_related("conversation")
            .first()
        )
        if existing is not None:
            return existing.conversation, existing, False

    conversation = _find_conversation(store=store, relay=relay, subject=parsed.subject)
    if conversation is None:
        conversation = Conversation(
            store=store,
            amazon_order_id=relay.order_id,
            buyer_key=relay.buyer_key,
            thread_subject="" if relay.order_id else thread_subject(parsed.subject),
            status=ConversationStatus.ANSWERED,  # clock_restart turns it to needs_response
        )
    if relay.order_id and conversation.order_id is None:
        conversation.order = Order.objects.filter(
            store=store, amazon_order_id=relay.order_id
        ).first()
        if conversation.order is not None and not conversation.order.buyer_relay_alias:
            Order.objects.filter(pk=conversation.order.pk).update(buyer_relay_alias=relay.buyer_key)
    conversation.buyer_name = relay.buyer_name or conversation.buyer_name
    conversation.subject = conversation.subject or parsed.subject[:500]
    intent = classify_intent(text=relay.text, subject=parsed.subject)
    if not conversation.language and intent.language:
        conversation.language = intent.language
    if _is_newer_than_last_reply(conversation, received_at):
        clock_restart(conversation=conversation, at=received_at)
        # The unanswered message's intent is what the conversation now needs answered.
        conversation.intent = intent.intent
    if conversation.last_message_at is None or received_at > conversation.last_message_at:
        conversation.last_message_at = received_at
    conversation.save()

    message = Message.objects.create(
        conversation=conversation,
        direction=Direction.INBOUND,
        sender=relay.buyer_alias,
        recipient=(parsed.to_addresses or [""])[0][:254],
        subject=parsed.subject[:500],
        body_text=relay.text,
        quoted_text=relay.quoted,
        body_html=parsed.html,
        sent_at=received_at,
        message_id=parsed.message_id,
        in_reply_to=parsed.in_reply_to[:500],
        comm_mgr_tok=relay.comm_mgr_tok,
        intent=intent.intent,
    )
    for attachment in parsed.attachments:
        attachment_save(message=message, attachment=attachment)
    return conversation, message, True


def conversation_for_notice(
    *, store: Store, order_id: str, buyer_key: str = ""
) -> Conversation | None:
    """The conversation a relay notice (delivery failure, opt-out) is about, if any."""
    qs = Conversation.objects.filter(store=store)
    if order_id:
        qs = qs.filter(amazon_order_id=order_id)
    elif buyer_key:
        qs = qs.filter(buyer_key=buyer_key)
    else:
        return None
    return qs.order_by("-last_message_at").first()
