"""Amazon's buyer-seller relay emails: what the buyer wrote, about which order.

There is no spec (``amazon-rules.md`` §2), so parsing is tolerant:

- classic template: the buyer's text sits between two dashed marker lines
  (``------------- Begin message -------------`` / ``End message``, localized in
  every marketplace language — the markers are found by shape, not by word);
- HTML template: the buyer's text is the single ``<pre>`` element; its text
  rendering puts it between ``Message:`` and ``View Message``;
- anything else: the whole text, with quoted history split off.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

from sellerdesk.mail.parse import ParsedEmail, html_to_text

TLDS = (
    r"com|ca|com\.mx|com\.br|co\.uk|de|fr|it|es|nl|se|pl|com\.tr|com\.be|ie|ae|sa|eg|in|sg"
    r"|com\.au|co\.jp"
)
RELAY_RE = re.compile(rf"(?i)^([a-z0-9._-]+)(\+[^@]*)?@marketplace\.amazon\.({TLDS})$")
ORDER_ID_RE = re.compile(r"\b(\d{3}-\d{7}-\d{7})\b")
ASIN_RE = re.compile(r"\[\s*ASIN\s*:?\s*([A-Z0-9]{10})\s*\]|\bASIN\s*:?\s*([A-Z0-9]{10})\b")
ITEM_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?:(\d+)\s*[/x\u00d7]\s*)?(?P<title>[^\n\[]{3,300}?)\s*\[\s*ASIN\s*:?\s*"
    r"(?P<asin>[A-Z0-9]{10})\s*\]"
)
COMM_TOKEN_RE = re.compile(r"\[commMgrTok:\s*([^\]\s]+)\s*\]|[?&]msg=([A-Za-z0-9._-]+)")
MARKER_RE = re.compile(r"(?m)^[ \t]*-{3,}[ \t]*([^\n-][^\n]*?)[ \t]*-{3,}[ \t]*$")
PRE_RE = re.compile(r"(?is)<pre\b[^>]*>(.*?)</pre\s*>")
MESSAGE_LABEL_RE = re.compile(
    r"(?is)^\s*(?:Message|Nachricht|Message\s*:|Mensaje|Messaggio|Mensagem|Bericht|メッセージ)"
    r"\s*:\s*\n?(.*?)\n\s*(?:View Message|Nachricht anzeigen|Afficher le message|Ver mensaje"
    r"|Visualizza messaggio|Ver mensagem|Bericht bekijken|メッセージを表示)"
)
DISPLAY_SUFFIX_RE = re.compile(r"\s*[-\u2013]\s*Amazon(?:\s+Marketplace)?\s*$", re.IGNORECASE)
SUBJECT_NAME_RE = re.compile(
    r"(?i)(?:from Amazon customer|de la part du client Amazon|von Amazon-Kunde|"
    r"del cliente de Amazon|dal cliente Amazon|do cliente da Amazon)\s+([^()]*?)\s*\("
)
QUOTE_HEADER_RE = re.compile(
    r"(?im)^(?:On .{4,200}wrote:|Am .{4,200}schrieb .{0,200}:|Le .{4,200}a écrit\s*:|"
    r"El .{4,200}escribió:|Il .{4,200}ha scritto:|-{2,}\s*Original Message\s*-{2,}|"
    r"-{2,}\s*Ursprüngliche Nachricht\s*-{2,}|From: .+\nSent: .+)\s*$"
)


@dataclass(frozen=True, slots=True)
class RelayItem:
    asin: str
    title: str
    quantity: int | None


@dataclass
class RelayMessage:
    template: str  # "classic", "html" or "plain"
    buyer_key: str  # the relay alias without its +suffix, lower-case
    buyer_alias: str  # the full relay address to reply to
    buyer_name: str
    order_id: str
    asins: list[str]
    items: list[RelayItem]
    text: str  # what the buyer wrote this time
    quoted: str  # earlier history, folded away in the UI
    comm_mgr_tok: str
    notes: list[str] = field(default_factory=list)


def relay_alias(address: str) -> tuple[str, str] | None:
    """(buyer key, full alias) for a relay address, else None."""
    match = RELAY_RE.match(address.strip())
    if not match:
        return None
    local, _suffix, tld = match.groups()
    key = f"{local.lower()}@marketplace.amazon.{tld.lower()}"
    return key, address.strip().lower()


def split_quoted(text: str) -> tuple[str, str]:
    """The new text and the quoted history below it (``>`` lines, "On … wrote:")."""
    lines = text.split("\n")
    for index in range(len(lines)):
        rest = "\n".join(lines[index:])
        if QUOTE_HEADER_RE.match(rest):
            return "\n".join(lines[:index]).strip(), rest.strip()
    # A trailing block of ">" lines.
    end = len(lines)
    while end > 0 and (lines[end - 1].startswith(">") or not lines[end - 1].strip()):
        end -= 1
    if end < len(lines) and any(line.startswith(">") for line in lines[end:]):
        return "\n".join(lines[:end]).strip(), "\n".join(lines[end:]).strip()
    return text.strip(), ""


def _between_markers(text: str) -> str | None:
    markers = list(MARKER_RE.finditer(text))
    if len(markers) < 2:
        return None
    return text[markers[0].end() : markers[1].start()]


def buyer_name_of(parsed: ParsedEmail) -> str:
    name = DISPLAY_SUFFIX_RE.sub("", parsed.from_name or "").strip()
    if name:
        return name[:200]
    match = SUBJECT_NAME_RE.search(parsed.subject)
    return match.group(1).strip()[:200] if match else ""


def parse_relay(parsed: ParsedEmail) -> RelayMessage:
    alias = relay_alias(parsed.from_address) or relay_alias(parsed.reply_to)
    if alias is None:
        raise ValueError("not from a relay address")
    key, full = alias
    notes: list[str] = []
    source_text = parsed.text
    template = "plain"
    buyer = _between_markers(source_text)
    if buyer is not None:
        template = "classic"
    else:
        raw_html = parsed.html
        pre = PRE_RE.search(raw_html) if raw_html else None
        if pre:
            template = "html"
            buyer = htmllib.unescape(re.sub(r"(?i)<br\s*/?>", "\n", pre.group(1)))
            buyer = html_to_text(buyer)
        else:
            label = MESSAGE_LABEL_RE.search(source_text)
            if label:
                template = "html"
                buyer = label.group(1)
    if buyer is None:
        buyer = source_text
        notes.append("no Amazon message markers: the whole text is taken")
    buyer = buyer.replace("\r\n", "\n").strip()
    text, quoted = split_quoted(buyer)

    order_id = ""
    for source in (parsed.subject, source_text):
        match = ORDER_ID_RE.search(source)
        if match:
            order_id = match.group(1)
            break
    items = [
        RelayItem(
            asin=m.group("asin"),
            title=m.group("title").strip(" :-\t")[:300],
            quantity=int(m.group(1)) if m.group(1) else None,
        )
        for m in ITEM_LINE_RE.finditer(source_text)
    ]
    asins: list[str] = []
    for m in ASIN_RE.finditer(source_text):
        asin = m.group(1) or m.group(2)
        if asin not in asins:
            asins.append(asin)
    token = ""
    for source in (source_text, parsed.html):
        found = COMM_TOKEN_RE.search(source or "")
        if found:
            token = (found.group(1) or found.group(2))[:100]
            break
    return RelayMessage(
        template=template,
        buyer_key=key,
        buyer_alias=full,
        buyer_name=buyer_name_of(parsed),
        order_id=order_id,
        asins=asins,
        items=items,
        text=text,
        quoted=quoted,
        comm_mgr_tok=token,
        notes=notes,
    )
