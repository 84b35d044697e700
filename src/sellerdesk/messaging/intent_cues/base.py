"""The shape of a cue table: weighted regular expressions per intent.

Patterns are written against *folded* text (lower case, accents removed, ``ß`` kept)
and may use ``ä``, ``ö``, ``ü`` and ``ß``: they are expanded so that the buyer's
``zurück``, ``zuruck`` and ``zurueck`` all match. Every pattern is anchored at a word
start by the engine; stems simply end in ``\\w*``.
"""

from __future__ import annotations

from typing import NamedTuple

WHERE = "where_is_my_order"
RETURN = "return_request"
REFUND = "refund_request"
DAMAGED = "damaged_or_defective"
WRONG = "wrong_item"
CANCEL = "cancel_order"
CHANGE = "change_order"
PRODUCT = "product_question"
INVOICE = "invoice_request"
THANKS = "thank_you"
OTHER = "other"

# Every intent the classifier can answer; mirrors ``messaging.models.Intent``.
INTENTS = (
    WHERE,
    RETURN,
    REFUND,
    DAMAGED,
    WRONG,
    CANCEL,
    CHANGE,
    PRODUCT,
    INVOICE,
    THANKS,
    OTHER,
)

# A weight-0 cue adds nothing: it only swallows the shorter cues inside its span
# ("you cancelled my order" is not a cancellation request).
NEUTRAL = "neutral"


class Cue(NamedTuple):
    intent: str
    weight: float
    pattern: str
    # A loose cue spans a gap ("ordered … received"); it never hides the cues inside it.
    loose: bool = False


CueRow = tuple[float, str] | tuple[float, str, bool]


def table(rows: dict[str, list[CueRow]]) -> list[Cue]:
    """Flatten ``{intent: [(weight, pattern[, loose]), …]}`` into cues."""
    out: list[Cue] = []
    for intent, entries in rows.items():
        for entry in entries:
            loose = len(entry) == 3 and bool(entry[2])
            out.append(Cue(intent, float(entry[0]), entry[1], loose))
    return out


LOOSE = True


def words(text: str) -> frozenset[str]:
    """A stop-word set from a space-separated string."""
    return frozenset(text.split())
