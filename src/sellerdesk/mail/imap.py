"""Fetching a channel's mailbox over IMAP.

imap-tools handles the connection, login, folders, search and moves. Bodies
are fetched one message at a time with ``UID FETCH (INTERNALDATE BODY.PEEK[])``
on its underlying client, for the exact raw bytes and the server's receive time.

1. Read UIDVALIDITY; if it changed, the UIDs mean something new: start the
   cursor over (Message-ID de-duplication keeps old mail from doubling).
2. First sync: messages of the last ``first_sync_days`` days; later: UIDs above
   the cursor.
3. Header-first: fetch headers for a batch, skip Message-IDs already stored, then
   fetch and ingest the rest one by one. Each message and its cursor move are
   one transaction (``mail.services.email_ingest``).
4. Nothing is marked seen, moved or deleted, unless ``move_to_folder`` is set.
"""

from __future__ import annotations

import imaplib
import logging
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from imap_tools import AND, BaseMailBox, MailBox, MailBoxStartTls, MailBoxUnencrypted

from sellerdesk.mail.models import InboundEmail, MailChannel, Security
from sellerdesk.mail.parse import MSGID_RE
from sellerdesk.mail.services import (
    DUPLICATE,
    INGESTED,
    QUARANTINED,
    channel_cursor_advance,
    email_ingest,
)

logger = logging.getLogger(__name__)
BATCH = 50


@dataclass
class FetchResult:
    seen: int = 0
    ingested: int = 0
    duplicates: int = 0
    quarantined: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "seen": self.seen,
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
        }


class FetchError(Exception):
    """The mailbox could not be read (connection, login, folder): said in one line."""


def _connect(channel: MailChannel) -> BaseMailBox:
    context = ssl.create_default_context()
    if channel.imap_security == Security.SSL:
        return MailBox(channel.imap_host, channel.imap_port, ssl_context=context, timeout=30)
    if channel.imap_security == Security.STARTTLS:
        return MailBoxStartTls(
            channel.imap_host, channel.imap_port, ssl_context=context, timeout=30
        )
    return MailBoxUnencrypted(channel.imap_host, channel.imap_port, timeout=30)


def _internaldate(fetch_meta: bytes) -> datetime | None:
    parsed = imaplib.Internaldate2tuple(fetch_meta)
    if parsed is None:
        return None
    return datetime(*parsed[:6], tzinfo=UTC)


def _fetch_raw(box: BaseMailBox, uid: str) -> tuple[bytes, datetime | None] | None:
    status, data = box.client.uid("FETCH", uid, "(UID INTERNALDATE BODY.PEEK[])")
    if status != "OK":
        raise FetchError(f"UID FETCH {uid} failed: {status}")
    for item in data:
        if isinstance(item, tuple) and len(item) >= 2:
            return item[1], _internaldate(item[0])
    return None  # expunged meanwhile


def channel_fetch(*, channel: MailChannel, now: datetime | None = None) -> FetchResult:
    """Fetch new mail of one IMAP channel through the pipeline (see module docstring)."""
    now = now or timezone.now()
    result = FetchResult()
    try:
        box = _connect(channel)
        box.login(channel.imap_user, channel.imap_password, initial_folder=channel.imap_folder)
    except Exception as exc:
        raise FetchError(f"cannot open {channel.imap_host}:{channel.imap_port}: {exc}") from None
    with box:
        status = box.folder.status(channel.imap_folder, ["UIDVALIDITY", "UIDNEXT"])
        uidvalidity = int(status["UIDVALIDITY"])
        if channel.uidvalidity != uidvalidity:
            if channel.uidvalidity is not None:
                logger.warning("UIDVALIDITY of %s changed: re-reading the folder", channel)
            MailChannel.objects.filter(pk=channel.pk).update(uidvalidity=uidvalidity, last_uid=0)
            channel.uidvalidity, channel.last_uid = uidvalidity, 0
        if channel.last_uid == 0:
            since = (now - timedelta(days=channel.first_sync_days)).date()
            uids = box.uids(AND(date_gte=since))
        else:
            uids = box.uids(AND(uid=f"{channel.last_uid + 1}:*"))
        # "n:*" always matches the highest UID, even below n.
        pending = sorted(int(u) for u in uids if int(u) > channel.last_uid)
        for start in range(0, len(pending), BATCH):
            batch = [str(u) for u in pending[start : start + BATCH]]
            known = _known_message_ids(channel, box, batch)
            for uid in batch:
                result.seen += 1
                if uid in known:  # stored before: skip the body download
                    channel_cursor_advance(channel=channel, uid=int(uid))
                    result.duplicates += 1
                    continue
                fetched = _fetch_raw(box, uid)
                if fetched is None:
                    continue
                raw, internal = fetched
                outcome = email_ingest(
                    channel=channel,
                    raw=raw,
                    received_at=internal or now,
                    imap_uid=int(uid),
                    source=f"imap:{channel.imap_folder}",
                )
                if outcome.status == INGESTED:
                    result.ingested += 1
                elif outcome.status == DUPLICATE:
                    result.duplicates += 1
                elif outcome.status == QUARANTINED:
                    result.quarantined += 1
            if channel.move_to_folder:
                box.move(batch, channel.move_to_folder)
    return result


def _known_message_ids(channel: MailChannel, box: BaseMailBox, uids: list[str]) -> set[str]:
    """Header-first: the UIDs of this batch whose Message-ID is already stored."""
    ids: dict[str, str] = {}
    for message in box.fetch(uid_list=uids, headers_only=True, mark_seen=False, bulk=True):
        header = message.headers.get("message-id", ("",))[0]
        found = MSGID_RE.findall(header)
        if found:
            ids[message.uid or ""] = f"mid:{found[0]}"[:255]
    stored = set(
        InboundEmail.objects.filter(channel=channel, dedupe_key__in=ids.values()).values_list(
            "dedupe_key", flat=True
        )
    )
    return {uid for uid, key in ids.items() if key in stored}
