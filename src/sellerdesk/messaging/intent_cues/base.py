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

# A pseudo-intent, never an answer: the buyer chases an earlier message ("any update?",
# "gibt es Neuigkeiten?", "¿alguna novedad?"). Above a quoted history, the history says
# what is being chased; without one, a follow-up counts for where-is-my-order.
FOLLOWUP = "follow_up"

# Which negations undo a cue of an intent (see ``Negation``):
# - a state: any negation in front of it ("nicht beschädigt", "nothing broken",
#   "no está roto", "n'est pas abîmé", "niente di rotto", "nunca me llegó el reembolso");
# - a wish: only a negated wish or need ("ich will sie nicht zurückschicken", "so I don't
#   have to return it", "para no tener que devolverla", "pour éviter un retour"), since
#   "still no refund" or "no invoice in the box" still ask for one.
NEGATED_AS_STATE = frozenset({DAMAGED, WRONG, THANKS})
NEGATED_AS_WISH = frozenset({RETURN, REFUND, CANCEL, CHANGE, INVOICE})


class Negation(NamedTuple):
    """The words of one language that a negation is made of, folded."""

    # not, nicht, kein, pas, ne, sin, non, senza …
    negators: frozenset[str]
    # avoid, vermeiden, éviter, evitar, evitare: a negated wish on their own
    avoid: frozenset[str]
    # Words a negation reaches across to the cue: pronouns, articles, auxiliaries.
    transparent: frozenset[str]
    # want, need, have (to), müssen, vouloir, tener (que) …: they make it a negated wish.
    wish: frozenset[str]
    # but, aber, mais, pero, ma: a negation never reaches across them.
    boundaries: frozenset[str]
    # German also negates after the cue: "kaputt ist es nicht", "… zu vermeiden".
    after: bool = False


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
