"""The mail pipeline: every email ends as a record, or in the quarantine with a reason.

``email_ingest`` is the one way in (IMAP fetch, .eml / Maildir / mbox import,
re-processing):

1. The dedupe key is the Message-ID, else a SHA-256 of the bytes. The unique
   constraint on (channel, key) makes a second copy a no-op, even when two
   fetchers race.
2. In one transaction the raw bytes are stored, the email is parsed, routed and
   applied (conversation, claim, chargeback, return), and the IMAP cursor moves
   past it. A crash anywhere rolls all of it back, so a rerun finishes the job.
3. Parsing or applying runs in a savepoint: when it fails, the email is kept in
   the quarantine with the reason, and ``email_reprocess`` can try it again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.chargebacks.services import chargeback_from_notice
from sellerdesk.claims.services import claim_from_notice
from sellerdesk.mail import notices
from sellerdesk.mail.models import (
    ChannelKind,
    EmailKind,
    EmailStatus,
    InboundEmail,
    MailChannel,
    Security,
)
from sellerdesk.mail.parse import (
    ParsedEmail,
    Unparseable,
    content_hash,
    header_message_id,
    parse_email,
)
from sellerdesk.mail.relay import parse_relay, relay_alias
from sellerdesk.mail.router import route
from sellerdesk.messaging.intake import buyer_message_receive, conversation_for_notice
from sellerdesk.returns.reasons import code_for_words
from sellerdesk.returns.services import return_from_request
from sellerdesk.stores.models import Store

logger = logging.getLogger(__name__)

INGESTED, DUPLICATE, QUARANTINED = "ingested", "duplicate", "quarantined"


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    status: str  # ingested, duplicate or quarantined
    email_id: int
    kind: str = ""
    reason: str = ""


def dedupe_key(raw: bytes) -> str:
    message_id = header_message_id(raw)
    return f"mid:{message_id}"[:255] if message_id else f"sha256:{content_hash(raw)}"


def received_time(parsed: ParsedEmail | None, fallback: datetime) -> datetime:
    """The newest ``Received:`` date, else ``Date:``, else ``fallback``."""
    if parsed is not None:
        if parsed.received_dates:
            return max(parsed.received_dates)
        if parsed.date is not None:
            return parsed.date
    return fallback


@sensitive_variables("imap_password", "smtp_password")
def channel_create(
    *,
    store: Store,
    name: str,
    imap_host: str,
    imap_user: str,
    imap_password: str,
    from_address: str,
    imap_port: int = 993,
    imap_security: str = "ssl",
    imap_folder: str = "INBOX",
    smtp_host: str = "",
    smtp_port: int = 587,
    smtp_security: str = "starttls",
    smtp_user: str = "",
    smtp_password: str = "",
    first_sync_days: int = 30,
) -> MailChannel:
    """Add an IMAP + SMTP channel; passwords are stored encrypted, never logged."""
    if MailChannel.objects.filter(store=store, name=name).exists():
        raise ValidationError(f"store {store.name!r} has a channel named {name!r} already")
    validate_email(from_address)
    channel = MailChannel(
        store=store, name=name, kind=ChannelKind.IMAP, imap_host=imap_host,
        imap_port=imap_port, imap_security=imap_security, imap_user=imap_user,
        imap_folder=imap_folder, smtp_host=smtp_host or imap_host, smtp_port=smtp_port,
        smtp_security=smtp_security, smtp_user=smtp_user or imap_user,
        from_address=from_address.lower(), first_sync_days=first_sync_days,
    )  # fmt: skip
    channel.imap_password = imap_password
    channel.smtp_password = smtp_password or imap_password
    channel.full_clean()
    channel.save()
    audit_record(action="mail.channel_added", store=store, target=channel, data={"name": name})
    return channel


# What an owner may change on a channel; passwords apart, they are write-only.
CHANNEL_EDITABLE = (
    "imap_host", "imap_port", "imap_security", "imap_user", "imap_folder", "move_to_folder",
    "first_sync_days", "fetch_interval_seconds", "smtp_host", "smtp_port", "smtp_security",
    "smtp_user", "from_address",
)  # fmt: skip
# A different host, user or folder is another mailbox: its UIDs mean something else.
_MAILBOX_FIELDS = ("imap_host", "imap_user", "imap_folder")
# (label, host, user, security): where each stored password may go.
_ACCOUNTS = (
    ("IMAP", "imap_host", "imap_user", "imap_security"),
    ("SMTP", "smtp_host", "smtp_user", "smtp_security"),
)


def _password_stays_put(
    channel: MailChannel, values: dict[str, Any], host: str, user: str, security: str
) -> bool:
    """Whether the stored password would go to the same server and user as now, and
    not in clear where it went encrypted."""
    same_account = all(values[name] == getattr(channel, name) for name in (host, user))
    exposed = values[security] == Security.NONE != getattr(channel, security)
    return same_account and not exposed


@sensitive_variables("imap_password", "smtp_password", "passwords")
def channel_update(
    *,
    channel: MailChannel,
    actor: User,
    changes: dict[str, Any],
    imap_password: str = "",
    smtp_password: str = "",
) -> list[str]:
    """Change an IMAP channel's settings (``CHANNEL_EDITABLE``); returns what changed.

    1. An empty password keeps the stored one, unless the host or user changes or
       encryption is turned off: a stored password is never sent anywhere it was
       not given for, so it has to be typed again (``ValidationError``).
    2. A different host, user or folder is another mailbox: the fetch cursor
       starts over (Message-IDs already stored are not imported twice).
    3. Only the edited columns are written, so a fetch running meanwhile keeps
       its cursor and health columns. The change is audited; passwords only as
       "changed", never their values.
    """
    unknown = set(changes) - set(CHANNEL_EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    passwords = {"IMAP": imap_password, "SMTP": smtp_password}
    with transaction.atomic():
        locked = MailChannel.objects.select_for_update().get(pk=channel.pk)
        values = {name: changes.get(name, getattr(locked, name)) for name in CHANNEL_EDITABLE}
        values["from_address"] = str(values["from_address"]).lower()
        values["smtp_host"] = values["smtp_host"] or values["imap_host"]
        values["smtp_user"] = values["smtp_user"] or values["imap_user"]
        retype = [
            label
            for label, *account in _ACCOUNTS
            if not passwords[label] and not _password_stays_put(locked, values, *account)
        ]
        if retype:
            raise ValidationError(
                f"Type the {' and '.join(retype)} password again: a stored password is only "
                "sent to the server and user it was given for, and never without encryption."
            )
        before = {name: getattr(locked, name) for name in CHANNEL_EDITABLE}
        changed = [name for name in CHANNEL_EDITABLE if values[name] != before[name]]
        for name in changed:
            setattr(locked, name, values[name])
        fields = list(changed)
        if imap_password:
            locked.imap_password = imap_password
            fields.append("imap_password_encrypted")
        if smtp_password:
            locked.smtp_password = smtp_password
            fields.append("smtp_password_encrypted")
        if any(name in changed for name in _MAILBOX_FIELDS):
            locked.uidvalidity, locked.last_uid = None, 0
            fields += ["uidvalidity", "last_uid"]
        locked.full_clean()
        new_passwords = [f"{label.lower()}_password" for label, given in passwords.items() if given]
        if fields:
            locked.save(update_fields=fields)
            audit_record(
                action="mail.channel_changed",
                actor=actor,
                store=locked.store,
                target=locked,
                data={
                    "changed": {name: [before[name], values[name]] for name in changed},
                    "passwords_changed": new_passwords,
                },
            )
    channel.refresh_from_db()
    return changed + new_passwords


def channel_set_active(*, channel: MailChannel, actor: User, active: bool) -> bool:
    """Enable or disable a channel (a disabled one is not fetched); False if it already was."""
    updated = MailChannel.objects.filter(pk=channel.pk, is_active=not active).update(
        is_active=active
    )
    channel.is_active = active
    if updated:
        audit_record(
            action="mail.channel_enabled" if active else "mail.channel_disabled",
            actor=actor,
            store=channel.store,
            target=channel,
            data={"name": channel.name},
        )
    return bool(updated)


def files_channel(*, store: Store) -> MailChannel:
    """The channel that file imports go through (one per store)."""
    channel, _ = MailChannel.objects.get_or_create(
        store=store, name="File imports", defaults={"kind": ChannelKind.FILES}
    )
    return channel


def _apply(email: InboundEmail, parsed: ParsedEmail, store: Store) -> None:
    """Route the parsed email and create or update the records it announces."""
    kind, why = route(parsed)
    email.kind = kind
    text = f"{parsed.subject}\n{parsed.text}"
    received = email.received_at
    if kind == EmailKind.BUYER_MESSAGE:
        relay = parse_relay(parsed)
        if not relay.text.strip() and not parsed.attachments:
            raise Unparseable("buyer message with no text and no attachment")
        conversation, message, _ = buyer_message_receive(
            store=store, parsed=parsed, relay=relay, received_at=received
        )
        email.conversation, email.message = conversation, message
    elif kind == EmailKind.ATOZ_NOTICE:
        order_id = notices.order_id_in(parsed.subject, parsed.text)
        if not order_id:
            raise Unparseable("A-to-z notice without an order id")
        status, funded_by = notices.claim_decision(text)
        reason, reason_text = notices.claim_reason(parsed.text)
        amount = notices.amount_in(parsed.text)
        claim_from_notice(
            store=store, order_id=order_id, received_at=received, status=status,
            funded_by=funded_by, reason=reason, reason_text=reason_text,
            amount=amount.value if amount else None, currency=amount.currency if amount else "",
        )  # fmt: skip
    elif kind in (EmailKind.CHARGEBACK_NOTICE, EmailKind.CHARGEBACK_DECISION):
        order_id = notices.order_id_in(parsed.subject, parsed.text)
        if not order_id:
            raise Unparseable("chargeback email without an order id")
        amount = notices.amount_in(parsed.text)
        decision = (
            notices.chargeback_decision(text) if kind == EmailKind.CHARGEBACK_DECISION else ""
        )
        chargeback_from_notice(
            store=store, order_id=order_id, received_at=received, decision=decision,
            amount=amount.value if amount else None, currency=amount.currency if amount else "",
        )  # fmt: skip
    elif kind == EmailKind.RETURN_REQUEST:
        order_id = notices.order_id_in(parsed.subject, parsed.text)
        if not order_id:
            raise Unparseable("return request without an order id")
        words = notices.first_group(notices.RETURN_REASON_RE, parsed.text)
        quantity = notices.first_group(notices.QUANTITY_RE, parsed.text)
        return_from_request(
            store=store, order_id=order_id, received_at=received,
            rma_id=notices.first_group(notices.RMA_RE, parsed.text),
            sku=notices.first_group(notices.SKU_RE, parsed.text),
            asin=notices.first_group(notices.ASIN_RE, parsed.text),
            title=notices.first_group(notices.ITEM_RE, parsed.text),
            quantity=int(quantity) if quantity else 1,
            reason_code=code_for_words(words) or words,
            buyer_comment=notices.first_group(notices.COMMENT_RE, parsed.text),
        )  # fmt: skip
    elif kind in (EmailKind.DELIVERY_FAILURE, EmailKind.BUYER_OPT_OUT):
        alias = relay_alias(parsed.from_address) or relay_alias(parsed.reply_to)
        noticed = conversation_for_notice(
            store=store,
            order_id=notices.order_id_in(parsed.subject, parsed.text),
            buyer_key=alias[0] if alias else "",
        )
        email.conversation = noticed
        if noticed is not None and kind == EmailKind.BUYER_OPT_OUT:
            noticed.buyer_opted_out = True
            noticed.save(update_fields=["buyer_opted_out", "updated_at"])
    email.reason = "" if kind != EmailKind.AUTO_REPLY else why
    email.status = EmailStatus.PROCESSED
    email.processed_at = timezone.now()


def _process(email: InboundEmail, raw: bytes, store: Store) -> None:
    """Parse and apply in a savepoint; on failure keep the email quarantined with why."""
    try:
        with transaction.atomic():
            parsed = parse_email(raw)
            email.header_message_id = parsed.message_id[:500]
            email.from_address = parsed.from_address[:500]
            email.subject = parsed.subject[:1000]
            if email.imap_uid is None:  # files: the newest Received:, else Date:
                email.received_at = received_time(parsed, email.received_at)
            _apply(email, parsed, store)
            email.save()
    except Unparseable as exc:
        email.status, email.reason = EmailStatus.QUARANTINED, str(exc)
        email.conversation = email.message = None
        email.save()
    except Exception as exc:  # a bug must not lose the email: keep it, say why
        logger.exception("processing email %s failed", email.pk)
        email.status = EmailStatus.QUARANTINED
        email.reason = f"internal error: {type(exc).__name__}: {exc}"[:2000]
        email.conversation = email.message = None
        email.save()


def email_ingest(
    *,
    channel: MailChannel,
    raw: bytes,
    received_at: datetime | None = None,
    imap_uid: int | None = None,
    source: str = "",
) -> IngestOutcome:
    """Store, parse, route and apply one raw email (see the module docstring)."""
    key = dedupe_key(raw)
    existing = InboundEmail.objects.filter(channel=channel, dedupe_key=key).first()
    if existing is not None:
        if imap_uid is not None:
            channel_cursor_advance(channel=channel, uid=imap_uid)
        return IngestOutcome(DUPLICATE, existing.pk, existing.kind, existing.reason)
    fallback = received_at or timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                email = InboundEmail.objects.create(
                    channel=channel,
                    dedupe_key=key,
                    sha256=content_hash(raw),
                    raw=raw,
                    size=len(raw),
                    imap_uid=imap_uid,
                    source=source[:500],
                    received_at=fallback.astimezone(UTC),
                    status=EmailStatus.QUARANTINED,
                    reason="not processed yet",
                )
        except IntegrityError:  # another fetcher stored it a moment ago
            other = InboundEmail.objects.get(channel=channel, dedupe_key=key)
            return IngestOutcome(DUPLICATE, other.pk, other.kind, other.reason)
        _process(email, raw, channel.store)
        if imap_uid is not None:
            channel_cursor_advance(channel=channel, uid=imap_uid)
    status = INGESTED if email.status == EmailStatus.PROCESSED else QUARANTINED
    return IngestOutcome(status, email.pk, email.kind, email.reason)


def channel_cursor_advance(*, channel: MailChannel, uid: int) -> None:
    """Move the IMAP cursor past ``uid`` (never backwards)."""
    MailChannel.objects.filter(pk=channel.pk, last_uid__lt=uid).update(last_uid=uid)
    channel.last_uid = max(channel.last_uid, uid)


def email_reprocess(*, email: InboundEmail, actor: User | None = None) -> IngestOutcome:
    """Run a stored email through the pipeline again (after a fix, or by hand); audited."""
    with transaction.atomic():
        locked = InboundEmail.objects.select_for_update().get(pk=email.pk)
        locked.attempts += 1
        locked.status, locked.reason = EmailStatus.QUARANTINED, "reprocessing"
        store = locked.channel.store
        _process(locked, bytes(locked.raw), store)
        audit_record(
            action="mail.reprocessed",
            actor=actor,
            store=store,
            target=locked,
            data={"status": locked.status, "reason": locked.reason[:500]},
        )
    status = INGESTED if locked.status == EmailStatus.PROCESSED else QUARANTINED
    return IngestOutcome(status, locked.pk, locked.kind, locked.reason)
