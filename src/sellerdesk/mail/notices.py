"""Reading Amazon's case notices: order id, amount, reason, decision.

Wording varies by marketplace and over the years, so every field is optional and
the patterns are tolerant; a notice whose order id cannot be found is
quarantined by the pipeline with that reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sellerdesk.mail.relay import ORDER_ID_RE

CURRENCIES = r"USD|CAD|MXN|BRL|GBP|EUR|SEK|PLN|TRY|AED|SAR|EGP|INR|SGD|AUD|JPY"
SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
AMOUNT_RES = [
    re.compile(
        rf"(?i)(?:amount|Betrag|montant|importe|importo)[^:\n]*:\s*({CURRENCIES})\s*([\d.,]+)"
    ),
    re.compile(
        rf"(?i)(?:amount|Betrag|montant|importe|importo)[^:\n]*:\s*([\d.,]+)\s*({CURRENCIES})"
    ),
    re.compile(r"(?i)(?:amount|Betrag|montant|importe|importo)[^:\n]*:\s*([$£€¥₹])\s*([\d.,]+)"),
]
REASON_RE = re.compile(r"(?im)^\s*(?:claim\s+)?reason(?:\s+for\s+claim)?\s*:\s*(.+)$")
RMA_RE = re.compile(r"(?i)\b(?:RMA(?:\s+ID)?|Return\s+request\s+ID)\s*[:#]?\s*([A-Za-z0-9]{6,40})")
SKU_RE = re.compile(r"(?im)^\s*(?:Merchant\s+)?SKU\s*:\s*(\S.{0,63}?)\s*$")
ASIN_RE = re.compile(r"\bASIN\s*:?\s*([A-Z0-9]{10})\b")
QUANTITY_RE = re.compile(r"(?im)^\s*(?:Quantity|Qty|Menge|Quantité|Cantidad|Quantità)\s*:\s*(\d+)")
RETURN_REASON_RE = re.compile(r"(?im)^\s*(?:Return\s+reason|Reason\s+for\s+return)\s*:\s*(.+)$")
COMMENT_RE = re.compile(r"(?im)^\s*(?:Customer|Buyer)(?:'s)?\s+comments?\s*:\s*(.+)$")
ITEM_RE = re.compile(r"(?im)^\s*(?:Item(?:\s+name)?|Product)\s*:\s*(.+)$")


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal
    currency: str


def order_id_in(*texts: str) -> str:
    for text in texts:
        match = ORDER_ID_RE.search(text or "")
        if match:
            return match.group(1)
    return ""


def _decimal(raw: str) -> Decimal | None:
    raw = raw.strip().rstrip(".,")
    if "," in raw and "." in raw:
        # 1,234.56 (US) or 1.234,56 (EU): the last separator is the decimal point.
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif "," in raw:
        head, _, tail = raw.rpartition(",")
        raw = f"{head.replace(',', '')}.{tail}" if len(tail) == 2 else raw.replace(",", "")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def amount_in(text: str) -> Amount | None:
    for index, regex in enumerate(AMOUNT_RES):
        match = regex.search(text)
        if not match:
            continue
        first, second = match.group(1), match.group(2)
        if index == 0:
            currency, number = first.upper(), second
        elif index == 1:
            number, currency = first, second.upper()
        else:
            currency, number = SYMBOLS[first], second
        value = _decimal(number)
        if value is not None:
            return Amount(value=value, currency=currency)
    return None


def first_group(regex: re.Pattern[str], text: str) -> str:
    match = regex.search(text)
    return match.group(1).strip() if match else ""


def claim_reason(text: str) -> tuple[str, str]:
    """(reason code, the words Amazon used)."""
    words = first_group(REASON_RE, text)
    lowered = (words or text[:3000]).lower()
    if re.search(r"not\s+received|never\s+arrived|non-receipt|did\s+not\s+receive", lowered):
        return "not_received", words
    if re.search(r"not\s+as\s+described|materially\s+different|damaged|defective", lowered):
        return "not_as_described", words
    if re.search(r"return(?:ed)?.{0,40}refund|refund.{0,40}return", lowered):
        return "return_refund", words
    return "other", words


def claim_decision(text: str) -> tuple[str, str]:
    """(status, funded_by) that a claim notice announces; "" where it says nothing."""
    t = text.lower()
    funded = (
        "amazon" if re.search(r"(?:funded|paid)\s+by\s+amazon|at\s+amazon'?s\s+expense", t) else ""
    )
    if re.search(r"\bwithdr[ae]wn\b|buyer\s+(?:has\s+)?withdr", t):
        return "withdrawn", funded
    if re.search(r"received\s+your\s+appeal|appeal\s+(?:is|has\s+been)\s+(?:received|under)", t):
        return "appealed", funded
    if re.search(
        r"(?:has|have)\s+been\s+denied|was\s+denied|we\s+(?:have\s+)?denied|not\s+been\s+granted"
        r"|decided\s+in\s+your\s+favou?r",
        t,
    ):
        return "denied", funded
    # "may be granted" in a first notice is a warning, not a decision.
    if re.search(
        r"(?:has|have)\s+been\s+granted|was\s+granted|we\s+(?:have\s+)?granted"
        r"|we\s+have\s+refunded\s+the\s+buyer|(?:has|have)\s+been\s+debited",
        t,
    ):
        return "granted", funded
    if re.search(r"you\s+(?:have\s+)?refunded|refund(?:ed)?\s+by\s+(?:the\s+)?seller", t):
        return "refunded_by_seller", funded
    if re.search(r"under\s+(?:investigation|review)|we\s+are\s+(?:reviewing|investigating)", t):
        return "under_review", funded
    if re.search(r"action\s+required|respond\s+within|provide\s+(?:the\s+)?information", t):
        return "action_required", funded
    return "", funded


def chargeback_decision(text: str) -> str:
    """The status a chargeback decision announces; "" where it says nothing clear."""
    t = text.lower()
    if re.search(
        r"in\s+your\s+favou?r|will\s+not\s+be\s+(?:charged|debited)|amazon\s+will\s+(?:fund|cover)",
        t,
    ):
        return "decided_for_seller"
    if re.search(
        r"(?:debited|charged)\s+(?:to|from)\s+your|seller[- ]funded"
        r"|in\s+(?:the\s+)?(?:buyer|cardholder)'?s\s+favou?r",
        t,
    ):
        return "decided_for_buyer"
    return ""
