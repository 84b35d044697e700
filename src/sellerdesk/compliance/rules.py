"""The compliance check for every text the desk sends or publishes.

Amazon's Communication Guidelines (``amazon-rules.md`` §3 and §8) as a list of
rules. Each rule looks at the text and yields findings with the character span
that triggered it, so the editor can underline it while the agent types.

Three kinds of text are checked, because the rules differ:

- ``reply``: an answer to a buyer's message (buyer-initiated, so looser);
- ``proactive``: a seller-initiated message (Messaging API: no HTML, size limits by type);
- ``public``: content everyone sees — a feedback reply, a review comment, an answer to a
  customer question (no links at all, no contact details, no promotion, no disparaging
  competitors).

Errors block sending (an owner may override one with a written reason);
warnings are shown and let the text go.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
Kind = Literal["reply", "proactive", "public"]

ORDER_ID_RE = re.compile(r"\b\d{3}-\d{7}-\d{7}\b")


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    start: int
    end: int
    message: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CheckContext:
    kind: Kind = "reply"
    subject: str = ""
    # ``[Important]`` is only for critical order messages to buyers who opted out.
    critical_for_opted_out: bool = False
    # Text limit for this message type (Messaging API types have their own).
    max_chars: int | None = None
    order_id: str = ""
    extra_allowed_domains: tuple[str, ...] = field(default_factory=tuple)


Rule = Callable[[str, CheckContext], Iterator[Finding]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of sentences (split at . ! ? and line breaks)."""
    start = 0
    for match in re.finditer(r"[.!?](?=\s)|\n", text):
        end = match.end()
        if text[start:end].strip():
            yield start, end
        start = end
    if text[start:].strip():
        yield start, len(text)


# --- links, addresses, phone numbers, other contact channels --------------------

URL_RE = re.compile(
    r"""(?xi)
    \b(?:
        (?:https?|ftp)://[^\s<>"')\]]+          # with a scheme
      | www\.[^\s<>"')\]]+                      # www.
      | (?<![@\w.-])(?:[a-z0-9-]+\.)+(?:com|net|org|info|biz|io|co|shop|store|de|fr|it|es
          |uk|jp|ca|mx|br|nl|se|pl|tr|in|au|sg|ae|sa|eg|be|ie|us|me|ly|gl|app|online|site
          |link|page|xyz|eu|ch|at|ru|cn)(?:/[^\s<>"')\]]*)?(?![\w@-])   # bare domain
    )""",
)
AMAZON_HOST_RE = re.compile(
    r"(?i)^(?:[a-z0-9-]+\.)*(?:amazon\.(?:com|ca|com\.mx|com\.br|co\.uk|de|fr|it|es|nl|se|pl"
    r"|com\.tr|com\.be|ie|ae|sa|eg|in|sg|com\.au|co\.jp|jp|cn)|amzn\.(?:to|com|eu|asia)|a\.co)$"
)
EMAIL_RE = re.compile(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b")
EMAIL_OBFUSCATED_RE = re.compile(
    r"(?i)\b[a-z0-9._-]+\s*(?:\[at\]|\(at\)|\bat\b)\s*[a-z0-9-]+\s*(?:\[dot\]|\(dot\)|\bdot\b)\s*[a-z]{2,}\b"
)
PHONE_KEYWORDS = (
    r"call|phone|tel\.?|telephone|mobile|cell|whats\s?app|hotline|ring|fax|"
    r"telefon|anrufen|handy|t[ée]l[ée]phone|appel(?:ez|er)|portable|tel[ée]fono|llam[ae]|"
    r"m[óo]vil|cellulare|chiam[ai]"
)
PHONE_RES = [
    # International: +49 30 1234567, +1 (555) 123-4567
    re.compile(r"(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,}\d\b"),
    # North American: (555) 123-4567, 555-123-4567, 555.123.4567
    re.compile(r"(?<![\w-])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b(?!-\d)"),
    # Anything number-like right after a phone keyword: "call us on 0207 946 0958"
    re.compile(
        rf"(?i)\b(?:{PHONE_KEYWORDS})\b[^\d\n]{{0,25}}(\+?\d[\d\s().-]{{5,}}\d)",
    ),
]
CONTACT_HANDLE_RE = re.compile(
    r"(?i)\b(?:whats\s?app|telegram|skype|wechat|weixin|viber|signal\s+(?:app|me)|line\s+id|"
    r"instagram|facebook|messenger|tiktok|twitter|snapchat|discord|kakao\s?talk)\b"
    r"|(?<![\w.])@[A-Za-z_][A-Za-z0-9_.]{2,}\b"
)


def _is_amazon_url(url: str) -> bool:
    host = re.sub(r"(?i)^(?:https?|ftp)://", "", url).split("/")[0].split(":")[0].rstrip(".")
    return bool(AMAZON_HOST_RE.match(host))


def _allowed_link(url: str, ctx: CheckContext) -> bool:
    if ctx.kind == "public":
        return False  # public content: no links at all, not even to Amazon
    host = url.lower()
    return _is_amazon_url(url) or any(d.lower() in host for d in ctx.extra_allowed_domains)


@rule
def external_links(text: str, ctx: CheckContext) -> Iterator[Finding]:
    emails = [m.span() for m in EMAIL_RE.finditer(text)]
    for match in URL_RE.finditer(text):
        url = match.group(0).rstrip(".,;:!?")
        start, end = match.start(), match.start() + len(url)
        if any(s <= start < e for s, e in emails):
            continue  # the domain of an email address: reported as an address
        if _allowed_link(url, ctx):
            continue
        message = (
            "Public content may contain no links at all."
            if ctx.kind == "public"
            else "Links outside Amazon are not permitted in buyer messages."
        )
        yield Finding("external_link", "error", start, end, message)


@rule
def email_addresses(text: str, ctx: CheckContext) -> Iterator[Finding]:
    for regex in (EMAIL_RE, EMAIL_OBFUSCATED_RE):
        for match in regex.finditer(text):
            yield Finding(
                "email_address", "error", match.start(), match.end(),
                "Email addresses are not permitted; the buyer answers through Amazon.",
            )  # fmt: skip


def _digit_count(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


@rule
def phone_numbers(text: str, ctx: CheckContext) -> Iterator[Finding]:
    seen: set[tuple[int, int]] = set()
    protected = [m.span() for m in ORDER_ID_RE.finditer(text)]
    for regex in PHONE_RES:
        for match in regex.finditer(text):
            span = match.span(match.lastindex or 0)
            value = text[span[0] : span[1]]
            digits = _digit_count(value)
            if digits < 7 or digits > 15:
                continue
            if any(s <= span[0] < e or s < span[1] <= e for s, e in protected):
                continue
            if any(s < span[1] and span[0] < e for s, e in seen):
                continue  # the same number, found by a broader pattern
            seen.add(span)
            yield Finding(
                "phone_number", "error", span[0], span[1],
                "Phone numbers are not permitted in messages to buyers.",
            )  # fmt: skip


@rule
def contact_handles(text: str, ctx: CheckContext) -> Iterator[Finding]:
    for match in CONTACT_HANDLE_RE.finditer(text):
        # "@" inside an email address is reported by the email rule.
        if (
            match.group(0).startswith("@")
            and match.start() > 0
            and not text[match.start() - 1].isspace()
        ):
            continue
        yield Finding(
            "contact_handle", "error", match.start(), match.end(),
            "Do not move the buyer to another channel (messengers, social media, handles).",
        )  # fmt: skip


# --- emoji ------------------------------------------------------------------------

EMOJI_RE = re.compile(
    "["
    "\U0001f000-\U0001faff"  # symbols & pictographs, emoticons, transport, supplemental
    "\u2600-\u27bf"  # misc symbols, dingbats
    "\u2b00-\u2bff"  # stars, arrows used as emoji
    "\u2300-\u23ff"  # watch, hourglass, …
    "\ufe0f\u200d\u20e3"  # variation selector, joiner, keycap
    "\U000e0020-\U000e007f"  # tags (flags)
    "]+|[:;]-?[)(DPp](?!\\w)"
)


@rule
def emoji(text: str, ctx: CheckContext) -> Iterator[Finding]:
    for match in EMOJI_RE.finditer(text):
        yield Finding(
            "emoji", "error", match.start(), match.end(),
            "Emoji and emoticons are not permitted.",
        )  # fmt: skip


# --- reviews, feedback and incentives -----------------------------------------------

REVIEW_WORDS = (
    r"reviews?|feedback|ratings?|stars?|testimonials?|Bewertung(?:en)?|Rezension(?:en)?|"
    r"Feedback|avis|[ée]valuations?|commentaires?|notes?|rese[ñn]as?|valoraci[óo]n(?:es)?|"
    r"opini[óo]n(?:es)?|recension[ei]|valutazion[ei]"
)
INCENTIVE_WORDS = (
    r"free|gift\s*cards?|vouchers?|coupons?|discounts?|refunds?|rebates?|cash\s*back|"
    r"money\s+back|reimburse\w*|compensat\w*|bonus|rewards?|in\s+exchange|in\s+return|"
    r"payment|paid|\$\s?\d+|\d+\s?(?:%|percent|USD|EUR|GBP|€|£)|"
    r"Gutschein\w*|Rabatt\w*|gratis|kostenlos\w*|Erstattung|R[üu]ckerstattung|"
    r"bons?\s+d['\u2019]achat|r[ée]duction|remboursement|gratuit\w*|cadeau|"
    r"descuentos?|reembolsos?|regalos?|cup[óo]n(?:es)?|buon[oi]|scont[oi]|rimbors[oi]|omaggio"
)
REVIEW_RE = re.compile(rf"(?i)\b(?:{REVIEW_WORDS})\b")
INCENTIVE_RE = re.compile(rf"(?i)(?<!\w)(?:{INCENTIVE_WORDS})(?!\w)")
# "review" as a noun (not "we will review your case").
REVIEW_NOUN_RE = re.compile(
    r"(?i)\b(?:your|the|a|an|this|that|my|their|product|star|positive|negative|honest|good|bad"
    r"|\d[- ]?star|[1-5]\*)\s+reviews?\b|\breviews?\s+(?:on|of|for|about|you)\b"
    r"|\b(?:Bewertung|Rezension|rese[ñn]a|recensione|avis)\b"
)
CHANGE_VERBS = (
    r"change|update|remove|delete|edit|revise|amend|take\s+down|withdraw|reconsider|modify|"
    r"retract|[äa]ndern|l[öo]schen|entfernen|zur[üu]ckziehen|modifier|supprimer|retirer|"
    r"cambiar|eliminar|borrar|modificar|retirar|cambiare|eliminare|rimuovere|modificare"
)
CHANGE_RE = re.compile(rf"(?i)\b(?:{CHANGE_VERBS})\b")
POSITIVE_REVIEW_RE = re.compile(
    r"(?i)\b(?:positive|good|great|excellent|glowing|favou?rable|nice|perfect|top|"
    r"(?:5|five)[- ]?stars?|(?:5|five)\s*\*|positive[nsr]?|gute[n]?|positif|positiva?|buona)\s+"
    rf"(?:{REVIEW_WORDS})\b|\b(?:5|five|fünf|cinq|cinco|cinque)\s+(?:stars|Sterne|étoiles|estrellas|stelle)\b"
)
GATING_RE = re.compile(
    r"(?i)\bif\s+(?:you\s+(?:are|'re|were|feel)\s+(?:happy|satisfied|pleased|delighted)|"
    r"you\s+(?:enjoy|love|like)|(?:you\s+)?(?:everything|all)\s+(?:is|was)\s+"
    r"(?:fine|ok|okay|good|great|perfect))"
    r"[^.!?\n]{0,80}\b(?:leave|write|post|give|share|rate)\b"
)
BEFORE_FEEDBACK_RE = re.compile(
    r"(?i)\b(?:before|instead\s+of)\s+(?:leaving|writing|posting|giving)\s+"
    r"(?:a\s+|any\s+|negative\s+|bad\s+)*(?:review|feedback|rating)"
)


@rule
def review_incentives(text: str, ctx: CheckContext) -> Iterator[Finding]:
    for start, end in _sentences(text):
        sentence = text[start:end]
        review = REVIEW_RE.search(sentence)
        incentive = INCENTIVE_RE.search(sentence)
        if not (review and incentive):
            continue
        change = CHANGE_RE.search(sentence)
        if change and re.search(r"(?i)feedback|avis|Bewertung|valoraci|valutazion", sentence):
            yield Finding(
                "feedback_removal_exchange", "error", start + change.start(),
                start + sentence.rstrip().__len__(),
                "Never offer anything in exchange for removing or changing feedback.",
            )  # fmt: skip
        else:
            yield Finding(
                "review_incentive", "error", start + incentive.start(), start + incentive.end(),
                "No incentive of any kind (refund, discount, gift, free product) may be tied "
                "to a review or feedback.",
            )  # fmt: skip


@rule
def positive_reviews(text: str, ctx: CheckContext) -> Iterator[Finding]:
    for match in POSITIVE_REVIEW_RE.finditer(text):
        yield Finding(
            "positive_review_request", "error", match.start(), match.end(),
            "Do not ask for a positive review or feedback; ask neutrally or not at all.",
        )  # fmt: skip
    for match in GATING_RE.finditer(text):
        yield Finding(
            "review_gating", "error", match.start(), match.end(),
            "Do not ask only satisfied buyers for a review or feedback.",
        )  # fmt: skip
    for match in BEFORE_FEEDBACK_RE.finditer(text):
        yield Finding(
            "review_gating", "warning", match.start(), match.end(),
            "Asking buyers to contact you before leaving feedback reads as review "
            "manipulation; offer help without mentioning feedback.",
        )  # fmt: skip


@rule
def review_changes(text: str, ctx: CheckContext) -> Iterator[Finding]:
    for start, end in _sentences(text):
        sentence = text[start:end]
        noun = REVIEW_NOUN_RE.search(sentence)
        change = CHANGE_RE.search(sentence)
        if noun and change:
            yield Finding(
                "review_change_request", "error", start + min(noun.start(), change.start()),
                start + max(noun.end(), change.end()),
                "Never ask a buyer to change or remove a product review.",
            )  # fmt: skip


# --- marketing, thank-you-only, form ---------------------------------------------------

MARKETING_RE = re.compile(
    r"(?i)\b(?:coupons?|promo(?:tion(?:al)?)?\s*codes?|discount\s+codes?|voucher\s+codes?|"
    r"on\s+sale|flash\s+sale|big\s+sale|special\s+offers?|limited[- ]time\s+offers?|"
    r"(?:our|other)\s+(?:other\s+)?(?:new\s+)?products|new\s+arrivals?|visit\s+our\s+"
    r"(?:store|shop|storefront|website|page)|check\s+out\s+our|follow\s+us|newsletter|"
    r"subscribe|best[- ]?sellers?|(?:next|future)\s+(?:order|purchase)s?|\d+\s?%\s*off|"
    r"Gutscheincode|Rabattcode|code\s+promo|c[óo]digo\s+(?:de\s+)?descuento|codice\s+sconto)\b"
)


@rule
def marketing(text: str, ctx: CheckContext) -> Iterator[Finding]:
    for match in MARKETING_RE.finditer(text):
        yield Finding(
            "marketing", "error", match.start(), match.end(),
            "Marketing and promotion (coupons, other products, offers) are not permitted.",
        )  # fmt: skip


GREETING_RE = re.compile(
    r"(?im)^\s*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|hallo|guten\s+tag|"
    r"sehr\s+geehrte\w*|liebe\w*|bonjour|cher|ch[èe]re|hola|estimad[oa]|ciao|buongiorno|"
    r"gentile|salve)\b[^\n]*$"
)
SIGNOFF_RE = re.compile(
    r"(?im)^\s*(?:(?:best|kind|warm|warmest)\s+(?:regards|wishes)|regards|sincerely|cheers|"
    r"yours(?:\s+\w+)?|mit\s+freundlichen\s+gr[üu](?:ß|ss)en|viele\s+gr[üu](?:ß|ss)e|"
    r"cordialement|bien\s+[àa]\s+vous|saludos(?:\s+cordiales)?|atentamente|cordiali\s+saluti|"
    r"distinti\s+saluti)\b[^\n]*$"
)
THANKS_WORDS = frozenset(
    re.findall(
        r"\S+",
        "thank thanks you your for the a an order purchase purchasing shopping with us buying "
        "choosing very much so again we i really appreciate appreciated it business have great "
        "nice lovely wonderful day week and our store shop team once many all best "
        "danke vielen herzlichen dank für ihre ihren bestellung ihr einkauf merci beaucoup pour "
        "votre commande achat gracias por su pedido compra muchas grazie mille per il suo ordine "
        "acquisto kind regards best wishes sincerely cheers warm yours truly "
        "freundlichen grüßen grüssen cordialement saludos cordiales cordiali saluti",
    )
)


def _looks_like_signature(line: str) -> bool:
    """A short capitalised line without sentence punctuation: the seller's or shop's name."""
    words = line.strip().split()
    return (
        0 < len(words) <= 4
        and not re.search(r"[.!?]$", line.strip())
        and all(w[0].isupper() or not w[0].isalpha() for w in words)
    )


@rule
def thank_you_only(text: str, ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind == "public":
        return  # thanking positive feedback publicly is what Amazon asks for
    body = GREETING_RE.sub(" ", text)
    body = SIGNOFF_RE.split(body)[0]
    lines = [line for line in body.strip().splitlines() if line.strip()]
    if len(lines) >= 2 and _looks_like_signature(lines[-1]):
        lines = lines[:-1]
    body = "\n".join(lines)
    body = ORDER_ID_RE.sub(" ", body)
    words = re.findall(r"[^\W\d_]+", body.lower())
    if not words or not any(w.startswith(("thank", "danke", "dank", "merci", "graci", "grazi"))
                            for w in words):  # fmt: skip
        return
    if all(w in THANKS_WORDS for w in words):
        yield Finding(
            "thank_you_only", "error", 0, len(text),
            "A message that only says thank you is not permitted.",
        )  # fmt: skip


BLANK_RUN_RE = re.compile(r"\n(?:[ \t]*\n){3,}")


@rule
def blank_lines(text: str, ctx: CheckContext) -> Iterator[Finding]:
    for match in BLANK_RUN_RE.finditer(text.replace("\r\n", "\n")):
        yield Finding(
            "blank_lines", "warning", match.start(), match.end(),
            "More than two consecutive blank lines.",
        )  # fmt: skip


IMPORTANT_RE = re.compile(r"(?i)\[\s*important\s*\]")


@rule
def important_tag(text: str, ctx: CheckContext) -> Iterator[Finding]:
    if ctx.critical_for_opted_out:
        return
    message = (
        "[Important] is only for critical order messages to buyers who opted out; "
        "misuse is penalised."
    )
    if IMPORTANT_RE.search(ctx.subject):
        yield Finding("important_misuse", "error", 0, 0, f"In the subject: {message}")
    for match in IMPORTANT_RE.finditer(text):
        yield Finding("important_misuse", "error", match.start(), match.end(), message)


DEFAULT_LIMITS: dict[str, int] = {"reply": 10_000, "proactive": 2_000, "public": 2_000}


@rule
def size_limit(text: str, ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.max_chars or DEFAULT_LIMITS[ctx.kind]
    if len(text) > limit:
        yield Finding(
            "size_limit", "error", limit, len(text),
            f"The text is {len(text)} characters; the limit here is {limit}.",
        )  # fmt: skip
    if not text.strip():
        yield Finding("empty", "error", 0, len(text), "The text is empty.")


HTML_RE = re.compile(r"(?i)</?(?:a|b|i|u|p|br|div|span|img|font|table|strong|em|h\d)\b[^>]*>")


@rule
def html_markup(text: str, ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind == "reply":
        return
    for match in HTML_RE.finditer(text):
        yield Finding(
            "html", "error", match.start(), match.end(),
            "No HTML: these messages are plain text.",
        )  # fmt: skip


@rule
def order_id_present(text: str, ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind == "public" or not ctx.order_id:
        return
    if ctx.order_id not in text and ctx.order_id not in ctx.subject:
        yield Finding(
            "order_id_missing", "warning", 0, 0,
            f"Messages to buyers must include the order id ({ctx.order_id}).",
        )  # fmt: skip


COMPETITOR_RE = re.compile(
    r"(?i)\b(?:competitors?|other\s+sellers?|other\s+brands?|knock[- ]?offs?|cheap\s+copies|"
    r"unlike\s+(?:other|cheaper|the\s+other)\s+\w+)\b"
)


@rule
def disparaging(text: str, ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind != "public":
        return
    for match in COMPETITOR_RE.finditer(text):
        yield Finding(
            "disparaging_competitors", "warning", match.start(), match.end(),
            "Public answers must not disparage competitors.",
        )  # fmt: skip
