"""The intent of an incoming buyer message: a transparent weighted-pattern scorer.

``classify_intent(text=…, subject=…)`` answers one ``Intent`` value, a confidence, the
language and the phrases that decided it (shown to the agent as "why"). Pure Python:
no database, no network, no model; one compiled regular expression per language.

How a message is read:

1. Only the buyer's own words count: the text between Amazon's ``Begin message`` /
   ``End message`` markers when present, cut at the first reply header ("On … wrote:",
   "Am … schrieb:", "-----Original Message-----", …), without ``>`` lines.
2. The text is folded (lower case, accents removed, one character per character so a
   match can be quoted back from the original) and its language guessed from stop words.
3. The cue tables of that language (and English, which buyers mix in) are matched in one
   pass. A longer cue hides the shorter ones inside it: "not received" is not "received",
   "refund received" is not a refund request, "you cancelled" is not a cancellation.
4. Each distinct cue adds its weight to its intent; an Amazon subject template
   ("Product details inquiry …") adds a hint, never more than the body can outweigh.
5. Among the intents whose body score is close to the best, the most specific wins
   (``PRECEDENCE``): damaged + refund is damaged, "thanks, but where is it" is not thanks.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from sellerdesk.messaging.intent_cues import CUES, INTENTS, LANGUAGES, STOPWORDS, Cue
from sellerdesk.messaging.intent_cues.base import (
    CANCEL,
    CHANGE,
    DAMAGED,
    INVOICE,
    OTHER,
    PRODUCT,
    REFUND,
    RETURN,
    THANKS,
    WHERE,
    WRONG,
)

# When several intents have a strong enough case, the earlier one wins: the more specific
# problem decides the reply (a broken item someone wants refunded is a damaged item).
PRECEDENCE = (
    INVOICE,
    DAMAGED,
    WRONG,
    CANCEL,
    CHANGE,
    RETURN,
    REFUND,
    WHERE,
    OTHER,
    PRODUCT,
    THANKS,
)

# An intent competes only if its score reaches this share of the best score.
CONTENDER_RATIO = 0.7
SUBJECT_HINT_WEIGHT = 1.5
# Cues found in a free-form (non-Amazon) subject count for this share of their weight.
SUBJECT_CUE_FACTOR = 0.5
MAX_EVIDENCE = 6


@dataclass(frozen=True)
class IntentResult:
    intent: str
    confidence: float
    language: str
    evidence: list[str] = field(default_factory=list)


# --- 1. the buyer's own words -------------------------------------------------------

_AMAZON_MARKER = re.compile(r"(?m)^[ \t]*-{3,}[ \t]*[^\W\d_][^\n]{0,60}?-{3,}[ \t]*$")
_REPLY_HEADERS = re.compile(
    r"(?im)^[ \t]*(?:"
    r"on\b(?:[^\n]|\n(?!\n)){0,250}?\bwrote[ \t]*:"
    r"|am\b(?:[^\n]|\n(?!\n)){0,250}?\bschrieb\b[^\n]{0,120}:"
    r"|le\b(?:[^\n]|\n(?!\n)){0,250}?\ba[ \t]+[ée]crit[ \t]*:"
    r"|el\b(?:[^\n]|\n(?!\n)){0,250}?\bescribi[óo][ \t]*:"
    r"|il\b(?:[^\n]|\n(?!\n)){0,250}?\bha[ \t]+scritto[ \t]*:"
    r"|(?:em|op)\b(?:[^\n]|\n(?!\n)){0,250}?\b(?:escreveu|schreef)[ \t]*:"
    r"|-{2,}[ \t]*(?:original message|urspr[üu]ngliche nachricht|original-nachricht|"
    r"message d'origine|mensaje original|messaggio originale|forwarded message|"
    r"weitergeleitete nachricht)"
    r"|(?:from|von|de|da)[ \t]*:[^\n]*\n[ \t]*(?:sent|gesendet|date|datum|envoy[ée]|"
    r"enviado|inviato|data|to|an|[àa]|para)[ \t]*:"
    r"|_{10,}[ \t]*$"
    r")"
)
_QUOTED_LINE = re.compile(r"(?m)^[ \t]*>.*(?:\n|$)")


def buyer_text(text: str) -> str:
    """The part of a message the buyer wrote now, without template or quoted history."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    markers = list(_AMAZON_MARKER.finditer(text))
    if len(markers) >= 2:
        text = text[markers[0].end() : markers[1].start()]
    header = _REPLY_HEADERS.search(text)
    if header and text[: header.start()].strip():
        text = text[: header.start()]
    return _QUOTED_LINE.sub("", text).strip()


# --- 2. folding and language --------------------------------------------------------


class _FoldTable(dict[int, str]):
    """``str.translate`` table: lower case without accents, always one character."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        low = char.lower()
        if len(low) != 1:
            low = char
        if low in "\u2018\u2019\u02bc`\u00b4":
            folded = "'"
        elif low.isascii():
            folded = low
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)
            )
            folded = base if len(base) == 1 else low
        self[codepoint] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, keeping its length (``ß`` stays ``ß``)."""
    return text.translate(_FOLD)


_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
# Characters that give a language away even in a two-word message.
_CHAR_HINTS = {
    "de": "äöüß",
    "es": "ñ¿¡",
    "fr": "çœêâîôûëï",
    "it": "òì",
}
_CONTRACTIONS = {
    "en": ("n't", "'s", "'m", "'ve", "'ll", "'re", "'d"),
    "fr": ("j'", "n'", "qu'", "c'", "d'", "s'", "m'", "l'", "t'"),
    "it": ("l'", "dov'", "c'", "un'", "dell'", "all'", "nell'", "sull'", "dall'"),
}


def _stopword_weights() -> dict[str, dict[str, float]]:
    """Each stop word's vote per language: a word shared by k languages gives 1/k to each."""
    owners: dict[str, list[str]] = {}
    for lang, words in STOPWORDS.items():
        for word in {fold(w) for w in words}:
            owners.setdefault(word, []).append(lang)
    return {word: {lang: 1 / len(langs) for lang in langs} for word, langs in owners.items()}


_STOPWORD_VOTES = _stopword_weights()


def language_scores(body: str, folded: str | None = None) -> dict[str, float]:
    """Stop-word votes per language, plus a little for tell-tale characters."""
    folded = fold(body) if folded is None else folded
    scores = dict.fromkeys(LANGUAGES, 0.0)
    for token in _TOKEN.findall(folded):
        for lang, vote in _STOPWORD_VOTES.get(token, {}).items():
            scores[lang] += vote
        if "'" in token:
            for lang, parts in _CONTRACTIONS.items():
                if any(token.startswith(p) or token.endswith(p) for p in parts):
                    scores[lang] += 1
    lowered = body.lower()
    for lang, chars in _CHAR_HINTS.items():
        scores[lang] += min(2.0, 0.5 * sum(lowered.count(c) for c in chars))
    return scores


def detect_language(body: str) -> str:
    """``en``, ``de``, ``fr``, ``es``, ``it``, or ``""`` when the text gives no sign."""
    scores = language_scores(body)
    best = max(LANGUAGES, key=lambda lang: scores[lang])
    return best if scores[best] >= 1 else ""


# --- 3. cues ------------------------------------------------------------------------

_UMLAUTS = {"ä": "(?:a|ae)", "ö": "(?:o|oe)", "ü": "(?:u|ue)", "ß": "(?:ß|ss)"}


def _prepare(pattern: str) -> str:
    for letter, alternatives in _UMLAUTS.items():
        pattern = pattern.replace(letter, "\0" + alternatives + "\1")
    # Strip the other accents (é → e), but not from the expansions, whose ß must survive,
    # and never lower-case: ``\W`` is not ``\w``.
    parts = re.split("[\x00\x01]", pattern)
    return "".join(
        part if i % 2 else "".join(c if c.isascii() else fold(c) for c in part)
        for i, part in enumerate(parts)
    )


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    cue: Cue


@dataclass(frozen=True)
class _Matcher:
    """Finds every cue at every position where one starts.

    ``starts`` (one factored expression) finds the positions cheaply; there, each branch
    whose literal beginning fits is tried on its own, so overlapping cues are all seen.
    """

    starts: re.Pattern[str]
    # Branches keyed by the first two (or one, or zero) letters of their literal prefix.
    buckets: dict[str, list[tuple[re.Pattern[str], Cue]]]

    def find(self, folded: str) -> list[_Hit]:
        hits: list[_Hit] = []
        for m in self.starts.finditer(folded):
            pos = m.start()
            longest: dict[Cue, int] = {}
            for key in (folded[pos : pos + 2], folded[pos : pos + 1], ""):
                for rx, cue in self.buckets.get(key, ()):
                    found = rx.match(folded, pos)
                    if found and found.end() > longest.get(cue, pos):
                        longest[cue] = found.end()
            hits += [_Hit(pos, end, cue) for cue, end in longest.items()]
        return hits


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (``a|b(?:c|d)`` → ``a``, ``b(?:c|d)``)."""
    out: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _expand(branch: str, budget: int = 64) -> list[str]:
    """Distribute a leading group over the rest: ``(?:a|b)c`` → ``ac``, ``bc``.

    This gives more branches a literal beginning for the trie below.
    """
    if not branch.startswith("(?:"):
        return [branch]
    depth, i = 0, 0
    while i < len(branch):
        char = branch[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = branch.index("]", i + 2)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                break
        i += 1
    inner, rest = branch[3:i], branch[i + 1 :]
    optional = rest.startswith("?") and not rest.startswith("??")
    if optional:
        rest = rest[1:]
    elif rest[:1] in ("*", "+", "{", "?"):
        return [branch]
    options = _branches(inner) + ([""] if optional else [])
    if len(options) > budget:
        return [branch]
    out: list[str] = []
    for option in options:
        out += _expand(option + rest, budget // len(options))
    return out


_QUANTIFIERS = frozenset("?*+{")
_META = frozenset("\\()[]{}.?*+|^$")


def _literal_prefix(branch: str) -> int:
    """How many leading characters of ``branch`` are plain, mandatory literals."""
    i = 0
    while i < len(branch) and branch[i] not in _META:
        if i + 1 < len(branch) and branch[i + 1] in _QUANTIFIERS:
            break
        i += 1
    return i


def _trie(branches: list[tuple[str, str]]) -> str:
    """One regular expression for many branches, factored on their literal prefixes.

    Each branch ends in an empty named group that tells which cue matched. At one node,
    longer continuations are tried before shorter ones, so "refund received" is seen
    before "refund".
    """
    children: dict[str, list[tuple[str, str]]] = {}
    here: list[tuple[str, str]] = []
    for name, branch in branches:
        if _literal_prefix(branch):
            children.setdefault(branch[0], []).append((name, branch[1:]))
        else:
            here.append((name, branch))
    alternatives = [re.escape(char) + _trie(sub) for char, sub in sorted(children.items())]
    here.sort(key=lambda item: -len(item[1]))
    alternatives += [f"{branch}(?P<{name}>)" for name, branch in here]
    if len(alternatives) == 1 and not here:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _compile(cues: list[Cue]) -> _Matcher:
    branches: list[tuple[str, str]] = []
    buckets: dict[str, list[tuple[re.Pattern[str], Cue]]] = {}
    for index, cue in enumerate(cues):
        pattern = _prepare(cue.pattern)
        if re.compile(pattern).groups:
            raise ValueError(f"cue patterns must not capture: {cue.pattern!r}")
        for number, branch in enumerate(b for whole in _branches(pattern) for b in _expand(whole)):
            branches.append((f"c{index}_{number}", branch))
            key = branch[: min(2, _literal_prefix(branch))]
            buckets.setdefault(key, []).append((re.compile(branch), cue))
    return _Matcher(re.compile(r"(?<!\w)(?=" + _trie(branches) + ")"), buckets)


@cache
def _matchers(lang: str) -> tuple[_Matcher, _Matcher]:
    """(tight, loose) matchers of one language, compiled once."""
    cues = CUES[lang]
    return (
        _compile([c for c in cues if not c.loose]),
        _compile([c for c in cues if c.loose]),
    )


def _find(folded: str, langs: list[str]) -> list[_Hit]:
    hits: list[_Hit] = []
    for lang in langs:
        for matcher in _matchers(lang):
            hits += matcher.find(folded)
    # A longer tight cue hides every cue inside its span.
    hits.sort(key=lambda h: (h.start - h.end, h.start))
    kept: list[_Hit] = []
    for hit in hits:
        if not any(
            k.start <= hit.start and hit.end <= k.end and not k.cue.loose and k is not hit
            for k in kept
        ):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _score(
    hits: list[_Hit], original: str, factor: float = 1.0
) -> tuple[dict[str, float], dict[str, list[str]]]:
    weights: dict[str, list[float]] = {}
    evidence: dict[str, list[str]] = {}
    seen: set[Cue] = set()
    for hit in hits:
        if hit.cue.weight <= 0 or hit.cue in seen:
            continue
        seen.add(hit.cue)
        weights.setdefault(hit.cue.intent, []).append(hit.cue.weight * factor)
        phrase = " ".join(original[hit.start : hit.end].split())
        if len(phrase) > 80:
            phrase = phrase[:77] + "…"
        phrases = evidence.setdefault(hit.cue.intent, [])
        if phrase not in phrases:
            phrases.append(phrase)
    # Diminishing returns: the strongest cue counts fully, each further one half as much
    # as the one before, so saying one thing in many words does not drown another.
    scores = {
        intent: sum(w / 2**rank for rank, w in enumerate(sorted(ws, reverse=True)))
        for intent, ws in weights.items()
    }
    return scores, evidence


# --- 4. subjects --------------------------------------------------------------------

_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|aw|wg|fw|fwd|tr|r|rif|rv|sv)\s*:\s*)+", re.I)
_AMAZON_SUBJECT = re.compile(r"amazon|\((?:order|bestellung|commande|pedido|ordine|注文)\s*:", re.I)
# (language, intent, pattern on the folded subject, label shown as evidence)
_SUBJECT_HINTS: list[tuple[str, str, re.Pattern[str]]] = [
    (lang, intent, re.compile(_prepare(pattern)))
    for lang, intent, pattern in [
        ("en", PRODUCT, r"product details? inquiry"),
        ("en", WHERE, r"(?:order )?delivery inquiry|ship faster inquiry|shipping inquiry"),
        ("en", RETURN, r"return policy inquiry|return (?:authori[sz]ation )?request"),
        ("de", PRODUCT, r"produktdetails|produktinformation"),
        ("de", WHERE, r"lieferung|lieferstatus|zustellung|schneller\w* versand|expressversand"),
        ("de", RETURN, r"rückgabe\w*|rücksendung\w*"),
        ("fr", PRODUCT, r"details? (?:du|sur le) produit|informations produit"),
        ("fr", WHERE, r"livraison|expedition plus rapide"),
        ("fr", RETURN, r"politique de retour|demande de retour"),
        ("es", PRODUCT, r"detalles? del producto"),
        ("es", WHERE, r"entrega del pedido|envio mas rapido"),
        ("es", RETURN, r"devolucion\w*"),
        ("it", PRODUCT, r"dettagli (?:sul|del) prodotto"),
        ("it", WHERE, r"consegna|spedizione piu rapida"),
        ("it", RETURN, r"politica di reso|richiesta di reso"),
    ]
]
_SUBJECT_LANGUAGE = [
    ("en", re.compile(r"inquiry|message from amazon customer")),
    ("de", re.compile(r"anfrage|nachricht von amazon|bestellung:")),
    ("fr", re.compile(r"demande de renseignements|client amazon|commande :")),
    ("es", re.compile(r"consulta|cliente de amazon|pedido:")),
    ("it", re.compile(r"richiesta|cliente amazon|ordine:")),
]


@dataclass(frozen=True)
class _SubjectSignals:
    scores: dict[str, float]
    evidence: dict[str, list[str]]
    language: str
    # Intents named in a free-form subject: the buyer's words, so they may compete.
    written: frozenset[str]


def _subject_signals(subject: str) -> _SubjectSignals:
    """Hints from the subject: scores, evidence, the template's language."""
    bare = _SUBJECT_PREFIX.sub("", subject).strip()
    if not bare:
        return _SubjectSignals({}, {}, "", frozenset())
    folded = fold(bare)
    language = next((lang for lang, rx in _SUBJECT_LANGUAGE if rx.search(folded)), "")
    scores: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    for _lang, intent, rx in _SUBJECT_HINTS:
        m = rx.search(folded)
        if m and intent not in scores:
            scores[intent] = SUBJECT_HINT_WEIGHT
            evidence[intent] = [f"subject: {bare[m.start() : m.end()]}"]
    written: frozenset[str] = frozenset()
    if not _AMAZON_SUBJECT.search(bare):
        # A subject the buyer (or another mailer) wrote: read it like the body, lightly.
        cue_scores, cue_evidence = _score(_find(folded, list(LANGUAGES)), bare, SUBJECT_CUE_FACTOR)
        for intent, value in cue_scores.items():
            scores[intent] = scores.get(intent, 0.0) + value
            evidence.setdefault(intent, []).extend(
                f"subject: {phrase}" for phrase in cue_evidence[intent]
            )
        written = frozenset(cue_scores)
    return _SubjectSignals(scores, evidence, language, written)


# --- 5. the decision ----------------------------------------------------------------


def _tables_for(scores: dict[str, float], language: str) -> list[str]:
    if not language:
        return list(LANGUAGES)
    best = scores[language]
    langs = [language]
    langs += [lang for lang in LANGUAGES if lang != language and scores[lang] >= 0.6 * best]
    if "en" not in langs:
        langs.append("en")
    return langs


def classify_intent(*, text: str, subject: str = "") -> IntentResult:
    """The intent of one buyer message (see the module docstring for the method)."""
    body = buyer_text(text)
    folded = fold(body)
    lang_scores = language_scores(body, folded)
    best_lang = max(LANGUAGES, key=lambda lang: lang_scores[lang])
    language = best_lang if lang_scores[best_lang] >= 1 else ""

    body_scores, body_evidence = _score(_find(folded, _tables_for(lang_scores, language)), body)
    signals = _subject_signals(subject)
    subject_scores, subject_evidence = signals.scores, signals.evidence
    language = language or signals.language
    # Only what the buyer wrote competes; an Amazon template subject is a hint.
    written = set(body_scores) | signals.written

    totals = {
        intent: body_scores.get(intent, 0.0) + subject_scores.get(intent, 0.0) for intent in INTENTS
    }
    if not written:
        if subject_scores:
            intent = max(subject_scores, key=lambda i: (subject_scores[i], -PRECEDENCE.index(i)))
            return IntentResult(intent, 0.45, language, subject_evidence[intent][:MAX_EVIDENCE])
        return IntentResult(OTHER, 0.2, language, [])

    top = max(totals[i] for i in written)
    contenders = [i for i in written if totals[i] >= CONTENDER_RATIO * top]
    intent = min(contenders, key=PRECEDENCE.index)
    if intent == THANKS and "?" in body:
        # A question is never a bare thank-you: "no response needed" would be wrong.
        others = [i for i in written if i != THANKS]
        intent = max(others, key=lambda i: totals[i]) if others else OTHER
        if intent == OTHER and OTHER not in written:
            return IntentResult(OTHER, 0.3, language, [])

    share = totals[intent] / sum(totals.values())
    strength = 1 - math.exp(-totals[intent] / 3)
    confidence = round(min(0.98, 0.1 + 0.88 * share * strength), 2)
    evidence = body_evidence.get(intent, []) + subject_evidence.get(intent, [])
    return IntentResult(intent, confidence, language, evidence[:MAX_EVIDENCE])


__all__ = [
    "CANCEL",
    "CHANGE",
    "DAMAGED",
    "INTENTS",
    "INVOICE",
    "OTHER",
    "PRECEDENCE",
    "PRODUCT",
    "REFUND",
    "RETURN",
    "THANKS",
    "WHERE",
    "WRONG",
    "IntentResult",
    "buyer_text",
    "classify_intent",
    "detect_language",
    "fold",
    "language_scores",
]
