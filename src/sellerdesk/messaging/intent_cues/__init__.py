"""Cue tables for the intent classifier, one module per language."""

from __future__ import annotations

from sellerdesk.messaging.intent_cues import de, en, es, fr, it
from sellerdesk.messaging.intent_cues.base import INTENTS, Cue, Negation

LANGUAGES = ("en", "de", "fr", "es", "it")

CUES: dict[str, list[Cue]] = {
    "en": en.CUES,
    "de": de.CUES,
    "fr": fr.CUES,
    "es": es.CUES,
    "it": it.CUES,
}

STOPWORDS: dict[str, frozenset[str]] = {
    "en": en.STOPWORDS,
    "de": de.STOPWORDS,
    "fr": fr.STOPWORDS,
    "es": es.STOPWORDS,
    "it": it.STOPWORDS,
}

NEGATION: dict[str, Negation] = {
    "en": en.NEGATION,
    "de": de.NEGATION,
    "fr": fr.NEGATION,
    "es": es.NEGATION,
    "it": it.NEGATION,
}

__all__ = ["CUES", "INTENTS", "LANGUAGES", "NEGATION", "STOPWORDS", "Cue", "Negation"]
