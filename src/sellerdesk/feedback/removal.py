"""May this feedback be removed (or struck through)? ``removal_check`` answers with the
grounds Amazon accepts, the words that decided each one, and the request to paste into
Feedback Manager.

Amazon's grounds (``amazon-rules.md`` §6):

- ``obscene``: obscene or profane words (five languages, and their filtered spellings:
  ``f***``, ``sh!t``, ``f.u.c.k``);
- ``personal_info``: an email address, a phone number, a full name ("Mark Johnson",
  "Mr Patel", "Frau Schmidt");
- ``product_review``: the *entire* comment is about the product — a comment that also
  speaks of the seller's service or of delivery stays;
- ``fba_fulfillment``: an FBA order whose entire comment is about delivery (struck through);
- ``buy_shipping_late``: a seller-fulfilled order shipped on time with Buy Shipping whose
  entire comment is about a late or undelivered package (struck through).

How a comment is read — transparent patterns, no model, the same answer every time:

1. Only 1-3 star feedback is checked.
2. The comment is folded (lower case, no accents, one character per character so every
   match can be quoted from the original) and cut into clauses at sentence ends, commas and
   conjunctions that start a new statement ("but", "aber", "mais", "pero", "ma", "and the…").
3. The cue tables (``removal_cues``) are matched; where cues overlap the longer one wins
   ("arrived broken" is delivery, "broken" product). Each clause gets the topics of its
   cues; a weak cue ("item", "package", "seller") counts only in a clause with no other.
4. The topics of all clauses decide: all product → ``product_review``; all delivery
   → ``fba_fulfillment`` or ``buy_shipping_late`` when the order qualifies; product and
   service together → not eligible, "mixed product and service comment".
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from sellerdesk.common.text import fold
from sellerdesk.compliance.rules import EMAIL_OBFUSCATED_RE, EMAIL_RE, ORDER_ID_RE, PHONE_RES
from sellerdesk.feedback import removal_cues as cues
from sellerdesk.feedback.removal_lexicon import (
    FIRST_NAMES,
    LEET,
    NOT_SURNAMES,
    OBFUSCABLE,
    PATTERNS,
    TITLES_ANY_CASE,
    TITLES_CAPITAL,
)

OBSCENE = "obscene"
PERSONAL_INFO = "personal_info"
PRODUCT_REVIEW = "product_review"
FBA_FULFILLMENT = "fba_fulfillment"
BUY_SHIPPING_LATE = "buy_shipping_late"
GROUNDS = (OBSCENE, PERSONAL_INFO, PRODUCT_REVIEW, FBA_FULFILLMENT, BUY_SHIPPING_LATE)

GROUND_LABELS = {
    OBSCENE: "Obscene or profane language",
    PERSONAL_INFO: "Personal information",
    PRODUCT_REVIEW: "Entirely a product review",
    FBA_FULFILLMENT: "Fulfilled by Amazon: delivery comment",
    BUY_SHIPPING_LATE: "Buy Shipping, shipped on time: late or undelivered",
}
DELIVERY_TOPICS = frozenset({cues.LATE, cues.HANDLING, cues.DELIVERY})
MAX_EVIDENCE = 8

MIXED = (
    "mixed product and service comment: Amazon keeps feedback that is not entirely a product review"
)


@dataclass(frozen=True)
class Clause:
    """One clause of the comment and what it is about (empty topics: neither)."""

    text: str
    topics: list[str]
    cues: list[str]


@dataclass(frozen=True)
class RemovalCheck:
    eligible: bool
    grounds: list[str]
    evidence: dict[str, list[str]]
    request_text: str
    note: str = ""
    language: str = ""
    clauses: list[Clause] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- folding -------------------------------------------------------------------------


_UMLAUTS = {"ä": "(?:a|ae)", "ö": "(?:o|oe)", "ü": "(?:u|ue)", "ß": "(?:ß|ss)"}


def _prepare(pattern: str) -> str:
    """A cue as written (with umlauts, maybe accents) → a pattern for folded text."""
    out = []
    for char in pattern:
        if char in _UMLAUTS:
            out.append(_UMLAUTS[char])
        elif char.isascii():
            out.append(char)
        else:
            out.append(fold(char))
    return "".join(out)


def _bounded(patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{_prepare(p)})" for p in patterns)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


# --- cues ----------------------------------------------------------------------------


@cache
def _topic_res(languages: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    compiled = []
    for topic in cues.PRIORITY:
        patterns = [p for lang in languages for p in cues.CUES[lang].get(topic, [])]
        if patterns:
            compiled.append((topic, _bounded(patterns)))
    return tuple(compiled)


_CLAUSE_BREAK = re.compile(_prepare(cues.CLAUSE_BREAKS))
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _stopword_votes() -> dict[str, dict[str, float]]:
    owners: dict[str, list[str]] = {}
    for lang, words in cues.STOPWORDS.items():
        for word in words:
            owners.setdefault(fold(word), []).append(lang)
    return {word: {lang: 1 / len(langs) for lang in langs} for word, langs in owners.items()}


_VOTES = _stopword_votes()


def detect_language(folded: str) -> str:
    """The language whose stop words the comment clearly uses most (``""`` when unclear)."""
    scores = dict.fromkeys(cues.LANGUAGES, 0.0)
    for token in _TOKEN.findall(folded):
        for lang, vote in _VOTES.get(token, {}).items():
            scores[lang] += vote
    ranked = sorted(scores.values(), reverse=True)
    best = max(scores, key=lambda lang: scores[lang])
    return best if ranked[0] >= 1 and ranked[0] > ranked[1] else ""


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    topic: str


def _hits(folded: str, languages: tuple[str, ...]) -> list[_Hit]:
    """Every cue, the longer one kept where two overlap."""
    found = [
        _Hit(m.start(), m.end(), topic)
        for topic, regex in _topic_res(languages)
        for m in regex.finditer(folded)
        if m.end() > m.start()
    ]
    rank = {topic: i for i, topic in enumerate(cues.PRIORITY)}
    found.sort(key=lambda h: (h.start - h.end, rank[h.topic], h.start))
    kept: list[_Hit] = []
    for hit in found:
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _clause_spans(folded: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _CLAUSE_BREAK.finditer(folded):
        if folded[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if folded[start:].strip():
        spans.append((start, len(folded)))
    return spans


def _clauses(text: str, folded: str, languages: tuple[str, ...]) -> list[tuple[Clause, list[_Hit]]]:
    hits = _hits(folded, languages)
    # "broken" is the product's fault, unless the comment tells of a rough journey.
    damage = cues.HANDLING if any(h.topic == cues.HANDLING for h in hits) else cues.PRODUCT
    hits = [_Hit(h.start, h.end, damage) if h.topic == cues.DAMAGE else h for h in hits]
    out = []
    for start, end in _clause_spans(folded):
        inside = [h for h in hits if start <= h.start < end]
        strong = [h for h in inside if h.topic not in cues.WEAK]
        counted = strong or inside
        topics = sorted({cues.WEAK.get(h.topic, h.topic) for h in counted})
        words = [text[h.start : h.end] for h in counted]
        out.append((Clause(text[start:end].strip(), topics, words), counted))
    return out


# --- obscene words --------------------------------------------------------------------


def _obfuscated(word: str, endings: bool) -> str:
    """``word`` as written to get past a filter.

    Leet letters, stretched letters and dots between letters (``sh!t``, ``fuuuck``,
    ``f.u.c.k``), a run of asterisks for one or more letters after the first (``f***``,
    ``f*ck``, ``sch***e``), or letters spaced out (``f u c k``).
    """

    def letters(char: str) -> str:
        return "[" + "".join(re.escape(c) for c in char + LEET.get(char, "")) + "]+"

    spelled = letters(word[0]) + "".join(rf"[.\-_]?{letters(c)}" for c in word[1:])
    masked = [
        re.escape(word[:i]) + r"\*+" + re.escape(word[j:])
        for i in range(1, len(word))
        for j in range(i + 1, len(word) + 1)
    ]
    spaced = " ".join(word)
    tail = r"[a-z*]*" if endings else r"(?:s|es)?"
    return "(?:" + "|".join([spelled, *masked, spaced]) + ")" + tail


_OBSCENE_RE = re.compile(
    r"(?<![\w*@$])(?:"
    + "|".join(
        [_obfuscated(w, endings) for w, endings in OBFUSCABLE.items()]
        + [f"(?:{_prepare(p)})" for p in PATTERNS]
    )
    + r")(?![\w*])"
)
# Words whose folded spelling is an everyday word elsewhere: matched as written.
_OBSCENE_AS_WRITTEN = re.compile(r"(?<!\w)(?:coño|coños)(?!\w)")


def _obscene(text: str, folded: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _OBSCENE_RE.finditer(folded)]
    if len(text.lower()) == len(text):
        spans += [m.span() for m in _OBSCENE_AS_WRITTEN.finditer(text.lower())]
    return sorted(spans)


# --- personal information -------------------------------------------------------------

_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'\u2019]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?"
_PARTICLE = r"(?:van|von|de|del|della|di|da|du|le|la)\s"
_NAME_PAIR = re.compile(rf"(?<![\w.])(?=({_CAP})\s+((?:{_PARTICLE})?{_CAP}))")
_TITLED = re.compile(
    rf"(?<!\w)(?:(?:{TITLES_CAPITAL})|(?i:{TITLES_ANY_CASE}))\s+({_CAP}(?:\s+{_CAP})?)"
)
# "john dot smith at gmail dot com": spelled out to get past a filter, ending in a known TLD.
_SPELLED_EMAIL = re.compile(
    r"(?i)\b[a-z0-9_-]+(?:\s*(?:\.|\bdot\b|\(dot\)|\[dot\])\s*[a-z0-9_-]+)*\s*(?:@|\(at\)|\[at\]"
    r"|\bat\b)\s*[a-z0-9-]+(?:\s*(?:\.|\bdot\b|\(dot\)|\[dot\])\s*[a-z0-9-]+)*?\s*(?:\.|\bdot\b"
    r"|\(dot\)|\[dot\])\s*(?:com|net|org|de|fr|es|it|co|uk|eu|info|me|io|at|ch|be|nl)\b"
)
_NATIONAL_PHONES = [
    re.compile(r"(?<![\w+])0\d{2,4}(?:[ /.-]\d{2,8}){1,3}(?![\w-])"),  # 0151 23456789
    re.compile(r"(?<![\w+])0[1-9](?:[ .-]?\d{2}){4}(?![\w-])"),  # 06 12 34 56 78
    re.compile(r"(?<![\w+])[6789]\d{2}(?:[ .-]\d{3}){2}(?![\w-])"),  # 612 345 678
    re.compile(r"(?<![\w+])[6789]\d{2}(?:[ .-]\d{2}){3}(?![\w-])"),  # 612 34 56 78
    re.compile(r"(?<![\w+])3\d{2}[ .-]\d{6,7}(?![\w-])"),  # 333 1234567
]


def _surname(word: str) -> bool:
    first = fold(word.split()[0].split("-")[0]).strip("'\u2019")
    return first not in _NOT_SURNAMES and len(first) > 1


_NOT_SURNAMES = frozenset(fold(w) for w in NOT_SURNAMES)
_FIRST_NAMES = frozenset(fold(w) for w in FIRST_NAMES)


def _personal(text: str) -> list[str]:
    found: list[tuple[int, int]] = []

    def add(start: int, end: int) -> None:
        if not any(s < end and start < e for s, e in found):
            found.append((start, end))

    for regex in (EMAIL_RE, _SPELLED_EMAIL, EMAIL_OBFUSCATED_RE):
        for m in regex.finditer(text):
            add(*m.span())
    orders = [m.span() for m in ORDER_ID_RE.finditer(text)]
    for regex in [*PHONE_RES, *_NATIONAL_PHONES]:
        for m in regex.finditer(text):
            start, end = m.span(m.lastindex or 0)
            digits = sum(c.isdigit() for c in text[start:end])
            if not 7 <= digits <= 15 or any(s < end and start < e for s, e in orders):
                continue
            add(start, end)
    for m in _TITLED.finditer(text):
        if _surname(m.group(1)):
            add(*m.span())
    for m in _NAME_PAIR.finditer(text):
        first, last = m.group(1), m.group(2)
        if fold(first) in _FIRST_NAMES and _surname(last.split()[-1]):
            add(m.start(1), m.end(2))
    return [text[s:e] for s, e in sorted(found)]


# --- the check ------------------------------------------------------------------------


def _unique(words: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for word in words:
        seen.setdefault(word.strip(), None)
    return [w for w in seen if w][:MAX_EVIDENCE]


def _quoted(words: list[str]) -> str:
    return ", ".join(f'"{w}"' for w in words)


REQUEST_LINES = {
    OBSCENE: (
        "The comment contains obscene or profane language ({words}). Amazon's feedback "
        "guidelines provide for the removal of feedback that includes obscene language."
    ),
    PERSONAL_INFO: (
        "The comment contains personally identifiable information ({words}). Amazon removes "
        "feedback that includes personal information such as email addresses, full names "
        "or telephone numbers."
    ),
    PRODUCT_REVIEW: (
        "The entire comment is a product review ({words}) and says nothing about our service "
        "as a seller. Amazon removes feedback whose entire comment is a product review; "
        "product comments belong in a customer review."
    ),
    FBA_FULFILLMENT: (
        "This order was fulfilled by Amazon and the entire comment is about its delivery "
        "({words}). Per Amazon's policy, such feedback is struck through: \"This item was "
        'fulfilled by Amazon, and we take responsibility for this fulfillment experience."'
    ),
    BUY_SHIPPING_LATE: (
        "We shipped this order on time with a Buy Shipping label, and the entire comment is "
        "about a late or undelivered package ({words}). Under Buy Shipping's protection, "
        "Amazon removes the impact of such feedback (strike-through)."
    ),
}


def request_text_for(grounds: list[str], evidence: dict[str, list[str]]) -> str:
    """The removal request for Feedback Manager, one paragraph per ground, in Amazon's terms."""
    if not grounds:
        return ""
    lines = [
        "We kindly request the removal of this feedback, as it falls under Amazon's feedback "
        "removal guidelines:"
    ]
    for ground in grounds:
        lines.append(REQUEST_LINES[ground].format(words=_quoted(evidence.get(ground, []))))
    lines.append("Thank you for reviewing this request.")
    return "\n\n".join(lines)


def _languages(language: str, detected: str) -> tuple[str, ...]:
    """The cue tables to use: the comment's language and English (buyers mix it in), or all
    five when the language is neither given nor clear."""
    lang = (language or detected).lower()[:2]
    if lang in cues.CUES:
        return tuple(dict.fromkeys((lang, "en")))
    return cues.LANGUAGES


def removal_check(
    *,
    comment: str,
    rating: int,
    fulfillment_channel: str,
    buy_shipping: bool,
    shipped_on_time: bool | None,
    language: str = "",
) -> RemovalCheck:
    """Which of Amazon's removal grounds this feedback meets, and why (see the module doc)."""
    text = comment or ""
    if not 1 <= rating <= 3:
        return RemovalCheck(False, [], {}, "", note="only 1-3 star feedback is checked for removal")
    if not text.strip():
        return RemovalCheck(False, [], {}, "", note="the feedback has no comment to judge")
    folded = fold(text)
    detected = detect_language(folded)
    evidence: dict[str, list[str]] = {}
    obscene = _obscene(text, folded)
    if obscene:
        evidence[OBSCENE] = _unique([text[s:e] for s, e in obscene])
        # A swear word says nothing about what the comment is about ("a$$hole" has no "hole").
        for start, end in obscene:
            folded = folded[:start] + " " * (end - start) + folded[end:]
    if words := _unique(_personal(text)):
        evidence[PERSONAL_INFO] = words
    clauses = _clauses(text, folded, _languages(language, detected))

    topics = {t for clause, _ in clauses for t in clause.topics}
    by_topic: dict[str, list[str]] = {}
    for _, hits in clauses:
        for hit in hits:
            by_topic.setdefault(cues.WEAK.get(hit.topic, hit.topic), []).append(
                text[hit.start : hit.end]
            )
    has_product = cues.PRODUCT in topics
    has_service = cues.SELLER in topics
    delivery = topics & DELIVERY_TOPICS
    note = ""
    if has_product and not has_service and not delivery:
        evidence[PRODUCT_REVIEW] = _unique(by_topic[cues.PRODUCT])
    elif has_product:
        note = MIXED
    elif delivery and not has_service:
        words = _unique(
            [
                text[hit.start : hit.end]
                for _, hits in clauses
                for hit in hits
                if cues.WEAK.get(hit.topic, hit.topic) in DELIVERY_TOPICS
            ]
        )
        if fulfillment_channel == "AFN":
            evidence[FBA_FULFILLMENT] = words
        elif fulfillment_channel != "MFN":
            note = (
                "a delivery comment, but the order is not known: whether it was fulfilled by "
                "Amazon or shipped with Buy Shipping decides"
            )
        else:
            note = _buy_shipping_note(topics, buy_shipping, shipped_on_time)
            if not note:
                evidence[BUY_SHIPPING_LATE] = words
    elif delivery:
        note = "delivery and the seller's service together: not entirely about delivery"
    elif has_service:
        note = "the comment is about the seller's service, which is not a removal ground"
    else:
        note = "the comment names no product or delivery issue to base a request on"

    grounds = [g for g in GROUNDS if g in evidence]
    return RemovalCheck(
        eligible=bool(grounds),
        grounds=grounds,
        evidence={g: evidence[g] for g in grounds},
        request_text=request_text_for(grounds, evidence),
        note=note,
        language=language or detected,
        clauses=[clause for clause, _ in clauses],
    )


def _buy_shipping_note(topics: set[str], buy_shipping: bool, shipped_on_time: bool | None) -> str:
    """Why a delivery comment on a seller-fulfilled order is not struck through ("" if it is)."""
    if not buy_shipping:
        return (
            "a delivery complaint on a seller-fulfilled order: only packages shipped on time "
            "with Buy Shipping are protected"
        )
    if shipped_on_time is None:
        return "bought with Buy Shipping, but the ship date is unknown: check it was on time"
    if not shipped_on_time:
        return "shipped after the latest ship date: Buy Shipping's protection does not apply"
    if cues.HANDLING in topics:
        return (
            "about damage or handling in transit: Buy Shipping's protection covers late or "
            "undelivered packages only"
        )
    if cues.LATE not in topics:
        return "mentions delivery without a late or undelivered package"
    return ""
