"""Accuracy floor on an intent test set written without reading the classifier.

intent_independent.jsonl (374 messages, en/de/fr/es/it, all 11 intents; now in the package's
intent_data/ as a training set of the learned model) was written and committed blind to
sellerdesk.messaging.intent and its cue tables, and measured once so: 84.0 %. Since then it
has been a development set: its errors were read and the classifier was changed for their
*kinds* (negation, hypothetical clauses, quoted history, "missing"/"instead of" outside a
wrong delivery, symptoms, product-property questions, …), never for single lines. So it no
longer measures unseen mail; a fresh blind set does that. This floor only keeps the kinds
it taught from coming undone.
"""

from __future__ import annotations

import json

from sellerdesk.messaging.intent import classify_intent
from sellerdesk.messaging.intent_model import TRAINING_DATA

# A training set of the learned model: it ships in the package, not in tests/data.
DATA = TRAINING_DATA / "intent_independent.jsonl"

# Measured on first run, before any change to the classifier: 314/374 = 84.0 %
# (language detection 373/374). Measured after it was used for development: 374/374 =
# 100.0 %. The floor is that figure minus 3 points.
MIN_ACCURACY = 0.97


def test_independent_set_accuracy_floor() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 300
    misses = []
    for row in rows:
        result = classify_intent(text=row["text"], subject=row["subject"])
        if result.intent != row["intent"]:
            misses.append((row["intent"], result.intent, row["text"][:80]))
    accuracy = 1 - len(misses) / len(rows)
    assert accuracy >= MIN_ACCURACY, (
        f"accuracy {accuracy:.1%} < {MIN_ACCURACY:.0%}; {len(misses)} misses, e.g. {misses[:5]}"
    )
