"""Robust parsing of one raw email into what the desk needs.

Buyer email is hostile input and real mail is often broken. Nothing here may
raise on bad input except :class:`Unparseable`, which sends the email to the
quarantine with its reason: headers are read defensively, unknown charsets fall
back to UTF-8 with replacement, and HTML is only ever kept sanitized (nh3).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from functools import partial

import nh3


class Unparseable(Exception):
    """The bytes are not an email the desk can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content_type: str
    payload: bytes


@dataclass
class ParsedEmail:
    message_id: str
    subject: str
    from_name: str
    from_address: str
    to_addresses: list[str]
    reply_to: str
    return_path: str | None  # None: no Return-Path header; "" : the null path <>
    date: datetime | None
    received_dates: list[datetime]
    in_reply_to: str
    references: list[str]
    text: str
    html: str  # sanitized
    attachments: list[Attachment] = field(default_factory=list)
    content_type: str = "text/plain"
    report_type: str = ""  # multipart/report; report-type=…
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased, first value

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


MSGID_RE = re.compile(r"<[^<>\s]+>")


def _safe[T](call: Callable[[], T], default: T) -> T:
    """``call()``, or ``default`` when malformed input makes the email library raise."""
    try:
        return call()
    except Exception:  # the email package raises many kinds on broken input
        return default


def _decode_words(text: str) -> str:
    """RFC 2047 encoded words the policy left undecoded, decoded where possible."""
    return _safe(lambda: str(make_header(decode_header(text))), text)


def _header_text(msg: Message, name: str) -> str:
    """A header as text; never raises on malformed or mis-encoded headers."""
    try:
        value = msg.get(name)
    except Exception:  # a malformed header can fail in the policy's parser
        value = None
    if value is None:
        return ""
    text = _safe(lambda: str(value), "")
    if "=?" in text:  # encoded words the policy could not decode
        text = _decode_words(text)
    return re.sub(r"\s+", " ", text.replace("\x00", "")).strip()


def _all_header_texts(msg: Message, name: str) -> list[str]:
    try:
        values = msg.get_all(name) or []
    except Exception:
        return []
    texts = [_safe(partial(str, value), "") for value in values]
    return [re.sub(r"\s+", " ", text).strip() for text in texts if text]


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:  # RFC 5322 "-0000": time is UTC, zone unknown
        parsed = parsed.replace(tzinfo=UTC)
    if not (1990 <= parsed.year <= 2100):
        return None
    return parsed


def _received_dates(msg: Message) -> list[datetime]:
    dates = []
    for value in _all_header_texts(msg, "Received"):
        if ";" in value:
            moment = _date(value.rsplit(";", 1)[1].strip())
            if moment is not None:
                dates.append(moment)
    return dates


def _decode_part(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if payload is None:
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    if not isinstance(payload, bytes):
        return str(payload)
    charset = _safe(lambda: part.get_content_charset() or "utf-8", "utf-8")
    for candidate in (charset, "utf-8", "cp1252"):
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")


def _filename(part: Message) -> str:
    name = _safe(lambda: part.get_filename() or "", "")
    if "=?" in name:
        name = _decode_words(name)
    # Keep only a safe base name: it is shown and used as a download name.
    name = re.sub(r"[\x00-\x1f/\\]", "_", name).strip().strip(".")
    return name[:200]


def sanitize_html(value: str) -> str:
    """Buyer HTML with everything dangerous removed (scripts, handlers, remote images)."""
    return nh3.clean(
        value,
        tags={
            "a", "b", "blockquote", "br", "code", "div", "em", "i", "li", "ol", "p", "pre",
            "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
        },
        attributes={"a": {"href"}},
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )  # fmt: skip


def html_to_text(value: str) -> str:
    """Readable text from HTML: block ends become line breaks, tags go, entities decode."""
    value = re.sub(r"(?is)<(script|style|head)\b.*?</\1\s*>", " ", value)
    value = re.sub(r"(?i)<br\s*/?>", "\n", value)
    value = re.sub(r"(?i)</(p|div|tr|li|h\d|pre|table|blockquote)\s*>", "\n", value)
    value = nh3.clean(value, tags=set())
    value = html.unescape(value).replace("\xa0", " ")
    value = re.sub(r"[ \t]+\n", "\n", value)
    return re.sub(r"\n{3,}", "\n\n", value).strip()


def _walk(msg: Message) -> tuple[str, str, list[Attachment]]:
    """The best plain text, the sanitized HTML and the attachments of a message."""
    texts: list[str] = []
    htmls: list[str] = []
    attachments: list[Attachment] = []
    try:
        parts = list(msg.walk())
    except Exception:
        parts = [msg]
    for part in parts[:500]:  # a message with more parts than this is hostile
        if _safe(part.is_multipart, True):
            continue
        ctype = _safe(part.get_content_type, "text/plain").lower() or "text/plain"
        filename = _filename(part)
        try:
            disposition = (part.get_content_disposition() or "").lower()
        except Exception:
            disposition = ""
        is_attachment = disposition == "attachment" or (filename and not ctype.startswith("text/"))
        if ctype.startswith("text/") and not is_attachment:
            if ctype == "text/html":
                htmls.append(_decode_part(part))
            elif ctype in ("text/plain", "text/enriched", "text/rfc822-headers"):
                texts.append(_decode_part(part))
            continue
        if ctype == "message/rfc822" and not filename:
            continue  # its parts are walked too
        if ctype.startswith("multipart/") or ctype.startswith("message/delivery-status"):
            continue
        try:
            payload = part.get_payload(decode=True)
        except Exception:
            payload = None
        if isinstance(payload, bytes) and payload:
            attachments.append(
                Attachment(filename=filename or "attachment", content_type=ctype, payload=payload)
            )
    html_raw = "\n".join(htmls)
    text = "\n\n".join(t for t in texts if t.strip())
    if not text.strip() and html_raw:
        text = html_to_text(html_raw)
    return text.replace("\r\n", "\n").replace("\x00", ""), sanitize_html(html_raw), attachments


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _looks_like_email(raw: bytes) -> bool:
    head = raw[:4096].lstrip()
    if head.startswith(b"From "):  # mbox separator line
        head = head.split(b"\n", 1)[1] if b"\n" in head else b""
    first = head.split(b"\n", 1)[0]
    return bool(re.match(rb"^[!-9;-~]+[ \t]*:", first))  # obsolete syntax allows "Name :"


def _parse_headers(raw: bytes) -> tuple[Message, dict[str, str]]:
    try:
        msg = message_from_bytes(raw, policy=policy.default)
    except Exception as exc:  # the parser itself gave up
        raise Unparseable(f"MIME parser failed: {type(exc).__name__}: {exc}") from None
    headers: dict[str, str] = {}
    try:
        keys = list(msg.keys())
    except Exception:
        keys = []
    for key in keys:
        lower = key.lower()
        if lower not in headers:
            headers[lower] = _header_text(msg, key)
    return msg, headers


def _normalize_obsolete_headers(raw: bytes) -> bytes:
    match = re.search(rb"\r?\n\r?\n", raw)
    end = match.start() if match else len(raw)
    head = re.sub(rb"(?m)^([!-9;-~]+)[ \t]+:", rb"\1:", raw[:end])
    return head + raw[end:]


def parse_email(raw: bytes) -> ParsedEmail:
    """Parse raw bytes; raise :class:`Unparseable` with a reason if they are no email."""
    if not raw or not raw.strip():
        raise Unparseable("empty message")
    if b"\x00" in raw[:1024] and not _looks_like_email(raw):
        raise Unparseable("binary data, not an email")
    if not _looks_like_email(raw):
        raise Unparseable("no header block: the first line is not a 'Name: value' header")
    msg, headers = _parse_headers(raw)
    if not headers:
        # Obsolete RFC 822 syntax ("Subject : x") that the parser does not take.
        msg, headers = _parse_headers(_normalize_obsolete_headers(raw))
    if not headers:
        raise Unparseable("no headers could be read")

    from_name, from_address = parseaddr(headers.get("from", ""))
    reply_to = parseaddr(headers.get("reply-to", ""))[1]
    return_path: str | None = None
    if "return-path" in headers:
        return_path = headers["return-path"].strip().strip("<>").strip()
    to_addresses = [
        addr.lower()
        for _, addr in getaddresses(
            [headers.get("to", ""), headers.get("cc", ""), headers.get("delivered-to", "")]
        )
        if addr
    ]
    ids = MSGID_RE.findall(headers.get("message-id", ""))
    message_id = ids[0][:490] if ids else headers.get("message-id", "").strip()[:490]
    text, sanitized_html, attachments = _walk(msg)
    content_type = _safe(msg.get_content_type, "text/plain")
    report_type = ""
    if content_type == "multipart/report":
        report_type = _safe(lambda: str(msg.get_param("report-type") or ""), "").lower()
    return ParsedEmail(
        message_id=message_id,
        subject=headers.get("subject", "")[:990],
        from_name=from_name.strip().strip('"'),
        from_address=from_address.strip().lower(),
        to_addresses=to_addresses,
        reply_to=reply_to.lower(),
        return_path=return_path,
        date=_date(headers.get("date", "")),
        received_dates=_received_dates(msg),
        in_reply_to=(MSGID_RE.findall(headers.get("in-reply-to", "")) or [""])[0],
        references=MSGID_RE.findall(headers.get("references", ""))[:50],
        text=text,
        html=sanitized_html,
        attachments=attachments,
        content_type=content_type,
        report_type=report_type,
        headers=headers,
    )


def header_message_id(raw: bytes) -> str:
    """The Message-ID, read cheaply from the header block alone (for de-duplication)."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    match = re.search(rb"(?im)^message-id:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)", head)
    if not match:
        return ""
    value = match.group(1).decode("latin-1")
    ids = MSGID_RE.findall(value)
    return (ids[0] if ids else value.strip())[:250]
