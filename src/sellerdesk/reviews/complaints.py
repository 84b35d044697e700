"""Top complaints per ASIN: recurring phrases across what buyers wrote, this month against last.

The method is meant to be read and checked by hand, so it is plain counting:

1. **Documents.** A low-star review (title and text), a return's buyer comment, or an
   inbound buyer message about an order of the ASIN. Each belongs to one ASIN (a
   message about an order with several ASINs counts for each) and one calendar month
   in the store's time zone. ``reviews.selectors.complaint_documents`` gathers them.
2. **Normalise.** Unicode NFKC, lower case (``casefold``: ß is ss), English ``n't`` to
   `` not``, accents dropped (é is e), everything but letters is a separator, and the
   text is cut into sentences at ``. ! ? ; :`` and line breaks.
3. **Known patterns.** ``PATTERNS``: a table of complaint labels ("leaks", "stopped
   working", "too small", …), each with its wordings in English, German, French,
   Spanish and Italian, matched on the normalised text.
4. **N-grams.** In each sentence, the stop words of all five languages
   (``reviews.stopwords``) and one-letter words are dropped; every run of 2 or 3
   consecutive remaining words is a phrase ("lid leaks", "lid leaks week").
5. **Count documents**, not occurrences: per ASIN, month and phrase, the number of
   documents that contain the phrase at least once.
6. **Keep** phrases found in at least ``min_documents`` (2) documents in either month.
   An n-gram identical to a pattern's label is the pattern. A shorter n-gram is left
   out when a longer kept one contains it and occurs in exactly the same documents in
   both months (it would say the same thing twice).
7. **Rank** by this month's count (then growth), or by growth (this month's count
   minus last month's, then count); ties by phrase, so the order is stable.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sellerdesk.reviews.stopwords import STOP_WORD_LISTS

DocumentKind = Literal["review", "return", "message"]
PhraseSource = Literal["pattern", "ngram"]
Ranking = Literal["count", "growth"]

MIN_DOCUMENTS = 2
NGRAM_SIZES = (2, 3)
EXAMPLES = 3


# --- normalising --------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents: ``Qualität`` → ``qualitat``, ``Straße`` → ``strasse``."""
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


STOP_WORDS: frozenset[str] = frozenset(
    word for words in STOP_WORD_LISTS.values() for word in fold(words).split()
)

_APOSTROPHES = re.compile("[\u2019\u2018\u02bc`\u00b4]")
_CANT = re.compile(r"\bcan't\b")
_WONT = re.compile(r"\bwon't\b")
_NOT = re.compile(r"n't\b")
_SENTENCE = re.compile(r"[.!?;:\n\r]+")
_WORD = re.compile(r"[^\W\d_]+")


def sentences(text: str) -> list[list[str]]:
    """The normalised words of each sentence of ``text`` (step 2)."""
    text = _APOSTROPHES.sub("'", unicodedata.normalize("NFKC", text).casefold())
    text = _NOT.sub(" not", _WONT.sub("will not", _CANT.sub("can not", text)))
    text = fold(text)
    return [words for part in _SENTENCE.split(text) if (words := _WORD.findall(part))]


def normalised(text: str) -> str:
    """The text as the patterns see it: sentences of words separated by `` . ``."""
    return " . ".join(" ".join(words) for words in sentences(text))


# --- known complaint patterns -----------------------------------------------------

# label -> the wordings that mean it, as regular expressions over ``normalised`` text
# (lower case, no accents, words separated by one space, sentences by " . ").
PATTERNS: dict[str, str] = {
    "leaks": (
        r"leak(?:s|ed|ing|y|age)?|undicht\w*|lauft \w* ?aus|auslauf\w*|tropf\w*|fuit|fuite\w*"
        r"|gotea\w*|fugas?|pierde agua|perde acqua|perdit[ae]|gocciol\w*"
    ),
    "stopped working": (
        r"stopped working|stops working|quit working|no longer works?|not work(?:ing|s)? anymore"
        r"|died after|funktioniert nicht mehr|geht nicht mehr|ne (?:fonctionne|marche) plus"
        r"|a cesse de fonctionner|dejo de funcionar|ya no funciona|smesso di funzionare"
        r"|non funziona piu"
    ),
    "does not work": (
        r"(?:does|did|do) not work(?! anymore)|not working(?! anymore)|never worked"
        r"|funktioniert nicht(?! mehr)|ne (?:fonctionne|marche) pas|no funciona(?:ba)?"
        r"|non funziona(?! piu)"
    ),
    "too small": (
        r"too (?:small|tight|short|narrow)|runs small|zu (?:klein|eng|kurz)"
        r"|trop (?:petit|serre|court|etroit)e?s?|demasiado (?:pequen|estrech|cort)[oa]s?"
        r"|troppo (?:piccol|strett|cort)[oaie]"
    ),
    "too big": (
        r"too (?:big|large|loose|long|wide)|runs (?:large|big)|zu (?:gross|weit|lang)"
        r"|trop (?:grand|large|long)e?s?|demasiado (?:grande|anch[oa]|larg[oa])s?"
        r"|troppo (?:grand|larg|lung)[oaie]"
    ),
    "broke after": (
        r"(?:broke|broken|cracked|snapped|fell apart) (?:after|within)|nach(?: \w+){1,3} kaputt"
        r"|kaputt nach|(?:casse|brise)e?s? (?:apres|au bout)"
        r"|(?:se rompio|rot[oa]) (?:despues|a los|al cabo)|(?:rott[oa]|si e rott[oa]) dopo"
    ),
    "missing parts": (
        r"missing (?:parts?|pieces?|screws?|accessor\w*)|(?:parts?|pieces?|screws?)"
        r" (?:were |are |was |is )?missing|incomplete|fehlende? (?:teile|schrauben|zubehor)"
        r"|(?:teile|schrauben) fehl\w*|unvollstandig|pieces? manquantes?"
        r"|manqu\w* (?:une |des |les |deux )?pieces?|incomplete?s?"
        r"|faltan? (?:piezas|tornillos|partes)|piezas? faltantes?|incomplet[oa]s?"
        r"|pezzi mancanti|manca(?:no)? (?:dei |alcuni |i )?pezzi|incomplet[oiae]"
    ),
    "wrong colour": (
        r"wrong colou?r|different colou?r|not the (?:right |same )?colou?r|falsche farbe"
        r"|andere farbe|mauvaise couleur|pas la bonne couleur|couleur differente"
        r"|color (?:equivocado|incorrecto|diferente|distinto)|otro color"
        r"|colore (?:sbagliato|diverso)"
    ),
    "smells": (
        r"smell\w*|stinks?|stinky|odou?rs?|riecht|stinkt|geruch\w*|odeurs?|sent mauvais|pue"
        r"|huele\w*|olor\w*|apesta\w*|puzza\w*|odor[ei]"
    ),
    "arrived damaged": (
        r"arrived (?:damaged|broken|cracked|dented|smashed)|damaged (?:on arrival|in transit"
        r"|in shipping)|(?:beschadigt|kaputt|defekt) (?:angekommen|geliefert)"
        r"|arrive (?:casse|abime|endommage)e?s?|(?:llego|ha llegado) (?:rot[oa]|danad[oa]"
        r"|golpead[oa])|arrivat[oa] (?:rott[oa]|danneggiat[oa]|ammaccat[oa])"
    ),
    "wrong item": (
        r"wrong (?:item|product|model)|not what i ordered|received the wrong"
        r"|falsche[rns]? (?:artikel|produkt|modell)|mauvais (?:article|produit|modele)"
        r"|(?:producto|articulo|modelo) (?:equivocado|incorrecto)"
        r"|(?:articolo|prodotto|modello) sbagliato"
    ),
    "poor quality": (
        r"(?:poor|bad|cheap|low|terrible|awful) quality|cheaply made|flimsy"
        r"|schlechte qualitat|billig (?:verarbeitet|gemacht)|minderwertig\w*"
        r"|mauvaise qualite|qualite (?:mediocre|mauvaise)|(?:mala|baja|pesima) calidad"
        r"|(?:scarsa|pessima|bassa) qualita"
    ),
    "does not fit": (
        r"not fit|passt nicht|ne (?:rentre|s adapte|va) pas|no (?:encaja|cabe)"
        r"|non (?:entra|si adatta)"
    ),
    "not as described": (
        r"not as (?:described|pictured|advertised|shown)|nicht wie (?:beschrieben|abgebildet)"
        r"|pas conforme|pas comme (?:decrit|sur la photo)"
        r"|no (?:es )?como (?:se describe|en la foto)"
        r"|non conforme|non come (?:descritto|in foto)"
    ),
    "late delivery": (
        r"arrived late|late delivery|delivered late|took (?:weeks|forever|too long)|zu spat"
        r"|verspat\w*|en retard|llego tarde|con retraso|in ritardo"
    ),
    "rust": r"rust(?:s|ed|y|ing)?|rost(?:et|ig|en)?|rouill\w*|oxid\w*|ruggin\w*|arrugginit\w*",
}
_PATTERN_RES: dict[str, re.Pattern[str]] = {
    label: re.compile(rf"\b(?:{alternatives})\b") for label, alternatives in PATTERNS.items()
}


def patterns_in(text: str) -> set[str]:
    """The labels of the known complaint patterns ``text`` contains (step 3)."""
    flat = normalised(text)
    return {label for label, regex in _PATTERN_RES.items() if regex.search(flat)}


def ngrams_in(text: str) -> set[str]:
    """The 2- and 3-word phrases of ``text`` without stop words (step 4)."""
    found: set[str] = set()
    for words in sentences(text):
        kept = [w for w in words if len(w) > 1 and w not in STOP_WORDS]
        for size in NGRAM_SIZES:
            for i in range(len(kept) - size + 1):
                found.add(" ".join(kept[i : i + size]))
    return found


def phrases_in(text: str) -> set[tuple[PhraseSource, str]]:
    """Every phrase of ``text``: its patterns, and its n-grams that are not a pattern's label."""
    patterns = patterns_in(text)
    return {("pattern", p) for p in patterns} | {
        ("ngram", g) for g in ngrams_in(text) if g not in PATTERNS
    }


# --- counting ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Document:
    """One text a buyer wrote. ``link_id`` is the record a link opens (a message's
    conversation); ``record_id`` the record itself."""

    kind: DocumentKind
    record_id: int
    link_id: int
    asin: str
    day: date
    text: str

    @property
    def month(self) -> str:
        return f"{self.day:%Y-%m}"


@dataclass(slots=True)
class Phrase:
    phrase: str
    source: PhraseSource
    count: int  # documents this month
    previous: int  # documents last month
    examples: list[Document] = field(default_factory=list)

    @property
    def growth(self) -> int:
        return self.count - self.previous


@dataclass(slots=True)
class AsinComplaints:
    asin: str
    documents: int  # this month
    previous_documents: int  # last month
    by_kind: dict[str, int]  # this month's documents per kind
    phrases: list[Phrase]


def _rank_key(ranking: Ranking) -> Callable[[Phrase], tuple[int, int, str]]:
    if ranking == "growth":
        return lambda p: (-p.growth, -p.count, p.phrase)
    return lambda p: (-p.count, -p.growth, p.phrase)


def _redundant(
    phrase: str,
    docs: tuple[frozenset[int], frozenset[int]],
    longer: dict[str, tuple[frozenset[int], frozenset[int]]],
) -> bool:
    """Whether a longer kept n-gram contains ``phrase`` and has the very same documents."""
    padded = f" {phrase} "
    return any(
        padded in f" {other} " and other_docs == docs for other, other_docs in longer.items()
    )


def complaints_by_asin(
    documents: Iterable[Document],
    *,
    month: str,
    previous: str,
    min_documents: int = MIN_DOCUMENTS,
    ranking: Ranking = "count",
    limit: int | None = None,
) -> list[AsinComplaints]:
    """Steps 5-7 for every ASIN of ``documents`` (months as ``YYYY-MM``).

    ASINs come out with the most documents this month first. Examples are this
    month's documents first, newest first, then last month's.
    """
    docs_by_asin: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        if doc.month in (month, previous):
            docs_by_asin[doc.asin].append(doc)

    result = []
    for asin, docs in docs_by_asin.items():
        # phrase -> (documents this month, documents last month), by position in ``docs``
        seen: dict[tuple[PhraseSource, str], tuple[set[int], set[int]]] = defaultdict(
            lambda: (set(), set())
        )
        for index, doc in enumerate(docs):
            for key in phrases_in(doc.text):
                seen[key][0 if doc.month == month else 1].add(index)
        kept = {
            key: (frozenset(now), frozenset(before))
            for key, (now, before) in seen.items()
            if max(len(now), len(before)) >= min_documents
        }
        by_size: dict[int, dict[str, tuple[frozenset[int], frozenset[int]]]] = defaultdict(dict)
        for (source, text), sets in kept.items():
            if source == "ngram":
                by_size[len(text.split())][text] = sets
        phrases = []
        for (source, text), (now, before) in kept.items():
            if source == "ngram":
                size = len(text.split())
                longer = {
                    k: v for s, group in by_size.items() if s > size for k, v in group.items()
                }
                if _redundant(text, (now, before), longer):
                    continue
            ordered = sorted(now, key=lambda i: (docs[i].day, i), reverse=True) + sorted(
                before, key=lambda i: (docs[i].day, i), reverse=True
            )
            phrases.append(
                Phrase(
                    phrase=text,
                    source=source,
                    count=len(now),
                    previous=len(before),
                    examples=[docs[i] for i in ordered[:EXAMPLES]],
                )
            )
        phrases.sort(key=_rank_key(ranking))
        this_month = [d for d in docs if d.month == month]
        by_kind: dict[str, int] = defaultdict(int)
        for doc in this_month:
            by_kind[doc.kind] += 1
        result.append(
            AsinComplaints(
                asin=asin,
                documents=len(this_month),
                previous_documents=len(docs) - len(this_month),
                by_kind=dict(by_kind),
                phrases=phrases[:limit] if limit else phrases,
            )
        )
    result.sort(key=lambda a: (-a.documents, -len(a.phrases), a.asin))
    return result
