"""Which kind of email is this? One answer per email, most specific first.

1. Amazon's case notices, known by their sender (A-to-z, chargebacks, return
   requests): they are automated, so they must be recognised before the
   auto-reply test below would set them aside.
2. Auto-replies and bounces (RFC 3834 ``Auto-Submitted``, RFC 3464
   ``multipart/report``, ``Precedence: bulk/junk/auto_reply``, ``X-Autoreply``,
   the null return path ``<>``, mailer-daemon): they never open a conversation
   or touch a clock.
3. Relay notices (delivery failure, buyer opt-out), then buyer messages from a
   relay alias, then any other Amazon mail, then everything else.
"""

from __future__ import annotations

import re

from sellerdesk.mail.models import EmailKind
from sellerdesk.mail.parse import ParsedEmail
from sellerdesk.mail.relay import TLDS, relay_alias

AMAZON_DOMAIN_RE = re.compile(rf"(?i)@(?:[a-z0-9-]+\.)*amazon\.(?:{TLDS})$")
ATOZ_SENDER_RE = re.compile(rf"(?i)^atoz-guarantee-no-reply@amazon\.(?:{TLDS})$")
CB_NOTICE_SENDER_RE = re.compile(rf"(?i)^cb-seller-notification@amazon\.(?:{TLDS})$")
CB_QUERY_SENDER_RE = re.compile(rf"(?i)^cb-seller-query@amazon\.(?:{TLDS})$")
ORDER_UPDATE_SENDER_RE = re.compile(rf"(?i)^order-update@amazon\.(?:{TLDS})$")
RETURN_SUBJECT_RE = re.compile(
    r"(?i)return\s+authori[sz]ation\s+request|Rücksendegenehmigung|demande\s+d'autorisation"
    r"\s+de\s+retour|solicitud\s+de\s+autorizaci[óo]n\s+de\s+devoluci[óo]n|"
    r"richiesta\s+di\s+autorizzazione\s+al\s+reso|返品リクエスト"
)
ATOZ_SUBJECT_RE = re.compile(r"(?i)A-to-z\s+Guarant(?:ee|ie)|Claim\s+received\s+on\s+order")
CB_DECISION_SUBJECT_RE = re.compile(r"(?i)Chargeback\s+Dispute\s+Funding\s+Decision")
DELIVERY_FAILURE_RE = re.compile(
    r"(?i)we\s+were\s+unable\s+to\s+deliver\s+the\s+message\s+you\s+sent|"
    r"message\s+(?:could\s+not|couldn't)\s+be\s+delivered|"
    r"Nachricht\s+konnte\s+nicht\s+zugestellt|n'avons\s+pas\s+pu\s+remettre"
)
OPT_OUT_RE = re.compile(
    r"(?i)opted\s+out\s+of\s+(?:receiving\s+)?(?:unsolicited\s+)?messages|has\s+opted\s+out|"
    r"buyer\s+opt[- ]out"
)
AUTO_SUBJECT_RE = re.compile(
    r"(?i)^(?:auto(?:matic)?[- ]?(?:reply|response)|out\s+of\s+(?:the\s+)?office|"
    r"abwesenheitsnotiz|automatische\s+antwort|r[ée]ponse\s+automatique|absence|"
    r"respuesta\s+autom[áa]tica|risposta\s+automatica|undeliver(?:ed|able)|"
    r"delivery\s+status\s+notification|mail\s+delivery\s+(?:failed|failure|system))"
)


def is_auto_reply(parsed: ParsedEmail) -> str:
    """Why this looks automatic (a short reason), or "" when it does not."""
    auto_submitted = parsed.header("auto-submitted").lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return f"Auto-Submitted: {auto_submitted}"
    if parsed.content_type == "multipart/report":
        return f"multipart/report ({parsed.report_type or 'report'})"
    precedence = parsed.header("precedence").lower()
    if precedence in {"bulk", "junk", "auto_reply"}:
        return f"Precedence: {precedence}"
    for name in ("x-autoreply", "x-autorespond", "x-auto-response-suppress"):
        value = parsed.header(name).lower()
        if value and (name != "x-auto-response-suppress" or "all" in value or "oof" in value):
            return f"{name}: {value}"
    if parsed.return_path == "":
        return "null return path <>"
    if re.match(r"(?i)^(?:mailer-daemon|postmaster)@", parsed.from_address):
        return f"sender {parsed.from_address}"
    if AUTO_SUBJECT_RE.match(parsed.subject):
        return f"subject {parsed.subject[:60]!r}"
    return ""


def route(parsed: ParsedEmail) -> tuple[str, str]:
    """(kind, why) for an email; kind is an :class:`EmailKind` value."""
    sender = parsed.from_address
    subject = parsed.subject
    if ATOZ_SENDER_RE.match(sender) or (
        AMAZON_DOMAIN_RE.search(sender) and ATOZ_SUBJECT_RE.search(subject)
    ):
        return EmailKind.ATOZ_NOTICE, "A-to-z Guarantee sender"
    if CB_QUERY_SENDER_RE.match(sender) or (
        AMAZON_DOMAIN_RE.search(sender) and CB_DECISION_SUBJECT_RE.search(subject)
    ):
        return EmailKind.CHARGEBACK_DECISION, "chargeback decision"
    if CB_NOTICE_SENDER_RE.match(sender):
        return EmailKind.CHARGEBACK_NOTICE, "chargeback notification sender"
    if AMAZON_DOMAIN_RE.search(sender) and RETURN_SUBJECT_RE.search(subject):
        return EmailKind.RETURN_REQUEST, "return authorization request"
    auto = is_auto_reply(parsed)
    is_relay = relay_alias(sender) is not None or relay_alias(parsed.reply_to) is not None
    is_amazon = bool(AMAZON_DOMAIN_RE.search(sender)) or is_relay
    if is_amazon and DELIVERY_FAILURE_RE.search(subject + "\n" + parsed.text[:2000]):
        return EmailKind.DELIVERY_FAILURE, "Amazon could not deliver a message"
    if is_amazon and OPT_OUT_RE.search(subject + "\n" + parsed.text[:2000]):
        return EmailKind.BUYER_OPT_OUT, "buyer opted out of messages"
    if auto:
        return EmailKind.AUTO_REPLY, auto
    if is_relay:
        return EmailKind.BUYER_MESSAGE, "relay alias"
    if is_amazon:
        return EmailKind.AMAZON_NOTICE, "Amazon sender"
    return EmailKind.OTHER, "not from Amazon"
