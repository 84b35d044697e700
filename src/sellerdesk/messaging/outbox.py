"""Replies out: compose, check, queue, send by SMTP exactly once.

1. ``reply_queue`` renders nothing itself: it takes the final text, runs the
   compliance check (errors block; an owner may override with a written reason,
   audited), picks the store's sending channel and stores a queued ``Reply`` with
   a Message-ID fixed once, so every attempt carries the same one.
2. ``reply_send`` claims the reply with a conditional update (one worker wins),
   talks SMTP up to the recipients, commits ``data_started_at``, then sends the
   text. The server's answer is recorded. Temporary failures (4xx, network) are
   retried with backoff; permanent ones (5xx) fail the reply.
3. ``replies_recover`` handles claims left by a crash: never started → queued
   again; started → ``unconfirmed`` for a person, never re-sent by itself.
4. A sent reply becomes an outbound Message and stops the conversation's clock.
"""

from __future__ import annotations

import smtplib
import ssl
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.compliance import CheckContext, Finding, check, has_errors
from sellerdesk.mail.models import ChannelKind, MailChannel, Security
from sellerdesk.messaging.models import (
    Conversation,
    ConversationStatus,
    Direction,
    Message,
    Reply,
    ReplyStatus,
    ReplyTemplate,
)
from sellerdesk.stores.selectors import user_can_write, user_is_owner

MAX_ATTEMPTS = 8
STALE_CLAIM = timedelta(minutes=10)


class ComplianceError(ValidationError):
    """The text breaks Amazon's guidelines; ``findings`` says where."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        rules = ", ".join(sorted({f.rule for f in findings if f.severity == "error"}))
        super().__init__(f"the reply breaks Amazon's communication guidelines: {rules}")


def sending_channel(*, conversation: Conversation) -> MailChannel:
    channel = (
        MailChannel.objects.filter(store=conversation.store, kind=ChannelKind.IMAP, is_active=True)
        .exclude(smtp_host="")
        .exclude(from_address="")
        .order_by("pk")
        .first()
    )
    if channel is None:
        raise ValidationError(
            "this store has no mail channel with SMTP and an authorized sender address"
        )
    return channel


def reply_subject(conversation: Conversation) -> str:
    subject = conversation.subject or "Your Amazon order"
    if conversation.amazon_order_id and conversation.amazon_order_id not in subject:
        subject = f"{subject} (Order: {conversation.amazon_order_id})"
    return subject if subject.lower().startswith("re:") else f"RE: {subject}"


def reply_check(*, conversation: Conversation, body: str, subject: str = "") -> list[Finding]:
    return check(
        body,
        context=CheckContext(
            kind="reply",
            subject=subject,
            order_id=conversation.amazon_order_id,
            critical_for_opted_out=conversation.buyer_opted_out,
        ),
    )


def reply_queue(
    *,
    conversation: Conversation,
    author: User,
    body: str,
    template: ReplyTemplate | None = None,
    override_reason: str = "",
) -> Reply:
    """Check and queue a reply; the send task runs once the transaction commits."""
    store = conversation.store
    if not user_can_write(user=author, store=store):
        raise PermissionDenied("viewers cannot reply")
    subject = reply_subject(conversation)
    findings = reply_check(conversation=conversation, body=body, subject=subject)
    if has_errors(findings):
        if not override_reason.strip():
            raise ComplianceError(findings)
        if not user_is_owner(user=author, store=store):
            raise PermissionDenied("only an owner may override a compliance error")
    last_in = conversation.messages.filter(direction=Direction.INBOUND).order_by("-sent_at").first()
    if last_in is None or not last_in.sender:
        raise ValidationError("there is no buyer message to answer in this conversation")
    channel = sending_channel(conversation=conversation)
    references = [
        m for m in conversation.messages.order_by("sent_at").values_list("message_id", flat=True)
        if m
    ][-10:]  # fmt: skip
    domain = channel.from_address.rsplit("@", 1)[-1]
    with transaction.atomic():
        reply = Reply.objects.create(
            conversation=conversation,
            channel=channel,
            author=author,
            template=template,
            to_address=last_in.sender,
            from_address=channel.from_address,
            subject=subject[:500],
            body=body,
            message_id=make_msgid(domain=domain)[:250],
            in_reply_to=last_in.message_id,
            references=" ".join(references),
            next_attempt_at=timezone.now(),
            override_reason=override_reason.strip() if has_errors(findings) else "",
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
        audit_record(action="reply.queued", actor=author, store=store, target=reply)
        from sellerdesk.messaging.tasks import reply_send_task

        transaction.on_commit(partial(reply_send_task.enqueue, reply_id=reply.pk))
    return reply


def _claim(reply_id: int, worker: str, now: datetime) -> Reply | None:
    won = Reply.objects.filter(
        pk=reply_id, status=ReplyStatus.QUEUED, next_attempt_at__lte=now
    ).update(
        status=ReplyStatus.SENDING, claimed_by=worker[:100], claimed_at=now, data_started_at=None
    )
    return (
        Reply.objects.select_related("channel", "conversation__store").get(pk=reply_id)
        if won
        else None
    )


def _email(reply: Reply) -> EmailMessage:
    message = EmailMessage()
    message["From"] = reply.from_address
    message["To"] = reply.to_address
    message["Subject"] = reply.subject
    message["Message-ID"] = reply.message_id
    message["Date"] = format_datetime(reply.created_at)
    if reply.in_reply_to:
        message["In-Reply-To"] = reply.in_reply_to
    if reply.references:
        message["References"] = reply.references
    message.set_content(reply.body)
    return message


def _connect(channel: MailChannel) -> smtplib.SMTP:
    context = ssl.create_default_context()
    # EHLO with the sender's domain: no reverse-DNS lookup of this machine's name.
    ehlo_name = channel.from_address.rsplit("@", 1)[-1] or "localhost"
    if channel.smtp_security == Security.SSL:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            channel.smtp_host, channel.smtp_port, ehlo_name, timeout=30, context=context
        )
    else:
        smtp = smtplib.SMTP(channel.smtp_host, channel.smtp_port, ehlo_name, timeout=30)
        if channel.smtp_security == Security.STARTTLS:
            smtp.starttls(context=context)
    smtp.ehlo_or_helo_if_needed()
    if channel.smtp_user:
        smtp.login(channel.smtp_user, channel.smtp_password)
    return smtp


def _retry_later(reply: Reply, error: str, now: datetime) -> str:
    attempts = reply.attempts + 1
    if attempts >= MAX_ATTEMPTS:
        Reply.objects.filter(pk=reply.pk).update(
            status=ReplyStatus.FAILED, attempts=attempts, last_error=error[:2000]
        )
        return ReplyStatus.FAILED
    delay = timedelta(minutes=2**attempts)  # 2, 4, 8 … minutes
    Reply.objects.filter(pk=reply.pk).update(
        status=ReplyStatus.QUEUED,
        attempts=attempts,
        next_attempt_at=now + delay,
        last_error=error[:2000],
        claimed_at=None,
        data_started_at=None,
    )
    return ReplyStatus.QUEUED


def _mark_sent(reply: Reply, response: str, now: datetime) -> None:
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=reply.conversation_id)
        message = Message.objects.create(
            conversation=conversation,
            direction=Direction.OUTBOUND,
            sender=reply.from_address,
            recipient=reply.to_address,
            subject=reply.subject,
            body_text=reply.body,
            sent_at=now,
            message_id=reply.message_id,
            in_reply_to=reply.in_reply_to,
            author=reply.author,
        )
        Reply.objects.filter(pk=reply.pk).update(
            status=ReplyStatus.SENT,
            sent_at=now,
            smtp_response=response[:2000],
            attempts=reply.attempts + 1,
            sent_message=message,
            last_error="",
        )
        # The clock stops only for buyer messages this reply answers (sent before it).
        newer = conversation.messages.filter(
            direction=Direction.INBOUND, sent_at__gt=reply.created_at
        ).exists()
        if not newer:
            conversation.status = ConversationStatus.ANSWERED
            conversation.first_unanswered_at = None
            conversation.due_at = None
            conversation.amazon_due_at = None
        conversation.last_message_at = max(filter(None, [conversation.last_message_at, now]))
        conversation.save()
        audit_record(
            action="reply.sent",
            actor=reply.author,
            store=conversation.store,
            target=reply,
            data={"smtp": response[:200]},
        )


def reply_send(*, reply_id: int, worker: str = "worker", now: datetime | None = None) -> str:
    """Send one queued reply (see the module docstring); returns its new status."""
    now = now or timezone.now()
    reply = _claim(reply_id, worker, now)
    if reply is None:
        return Reply.objects.filter(pk=reply_id).values_list("status", flat=True).first() or ""
    channel = reply.channel
    if channel is None:
        Reply.objects.filter(pk=reply.pk).update(
            status=ReplyStatus.FAILED, last_error="the sending channel was deleted"
        )
        return ReplyStatus.FAILED
    try:
        smtp = _connect(channel)
    except (OSError, smtplib.SMTPException, ValueError) as exc:
        return _retry_later(reply, f"connect: {type(exc).__name__}: {exc}", now)
    try:
        code, answer = smtp.mail(reply.from_address)
        if code >= 400:
            return _fail_or_retry(reply, code, answer, now)
        code, answer = smtp.rcpt(reply.to_address)
        if code >= 400:
            return _fail_or_retry(reply, code, answer, now)
        # From here on the server may deliver: commit that before sending the text.
        Reply.objects.filter(pk=reply.pk).update(data_started_at=timezone.now())
        code, answer = smtp.data(_email(reply).as_bytes())
        if code >= 400:
            return _fail_or_retry(reply, code, answer, now)
        response = f"{code} {answer.decode(errors='replace')}"
    except smtplib.SMTPResponseException as exc:  # e.g. DATA refused before the text
        return _fail_or_retry(reply, exc.smtp_code, exc.smtp_error, now)
    except (smtplib.SMTPException, OSError) as exc:  # disconnected, timed out, reset
        fresh = Reply.objects.get(pk=reply.pk)
        if fresh.data_started_at is not None:  # the text may have gone out: never resend
            Reply.objects.filter(pk=reply.pk).update(
                status=ReplyStatus.UNCONFIRMED, last_error=f"{type(exc).__name__}: {exc}"
            )
            return ReplyStatus.UNCONFIRMED
        return _retry_later(fresh, f"{type(exc).__name__}: {exc}", now)
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
    _mark_sent(reply, response, timezone.now())
    return ReplyStatus.SENT


def _fail_or_retry(reply: Reply, code: int, answer: bytes | str, now: datetime) -> str:
    if isinstance(answer, bytes):
        answer = answer.decode(errors="replace")
    text = f"{code} {answer}"
    if 400 <= code < 500:
        return _retry_later(reply, text, now)
    Reply.objects.filter(pk=reply.pk).update(
        status=ReplyStatus.FAILED, smtp_response=text[:2000], last_error=text[:2000],
        attempts=reply.attempts + 1,
    )  # fmt: skip
    return ReplyStatus.FAILED


def replies_recover(*, now: datetime | None = None) -> dict[str, int]:
    """Claims older than STALE_CLAIM were left by a crash: requeue or flag them."""
    now = now or timezone.now()
    stale = Reply.objects.filter(status=ReplyStatus.SENDING, claimed_at__lt=now - STALE_CLAIM)
    unconfirmed = stale.filter(data_started_at__isnull=False).update(
        status=ReplyStatus.UNCONFIRMED,
        last_error="the worker stopped while sending: check Sent mail before resending",
    )
    requeued = stale.filter(data_started_at__isnull=True).update(
        status=ReplyStatus.QUEUED, claimed_at=None, next_attempt_at=now
    )
    return {"requeued": requeued, "unconfirmed": unconfirmed}


def replies_send_due(*, now: datetime | None = None, worker: str = "scheduler") -> int:
    """Send every queued reply whose attempt time has come (the safety net for the queue)."""
    now = now or timezone.now()
    replies_recover(now=now)
    ids = list(
        Reply.objects.filter(status=ReplyStatus.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:100]
    )
    return sum(reply_send(reply_id=pk, worker=worker, now=now) == ReplyStatus.SENT for pk in ids)


def conversation_no_response_needed(*, conversation: Conversation, actor: User) -> Conversation:
    """End the clock without a reply ("no response needed"); a new buyer message reopens it."""
    if not user_can_write(user=actor, store=conversation.store):
        raise PermissionDenied("viewers cannot change conversations")
    conversation.status = ConversationStatus.NO_RESPONSE_NEEDED
    conversation.first_unanswered_at = None
    conversation.due_at = None
    conversation.amazon_due_at = None
    conversation.save()
    audit_record(
        action="conversation.no_response_needed",
        actor=actor,
        store=conversation.store,
        target=conversation,
    )
    return conversation
