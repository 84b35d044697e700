"""The honest intent figure: a set written blind to the classifier and measured once.

intent_blind2.jsonl (405 messages, 81 per language, every intent in every language, each
language written on its own rather than translated; now in the package's intent_data/ as
a training set of the learned model) was committed in ec6328f before the classifier's
second round of changes, by someone who never saw the classifier, its cue tables or the
other sets; the classifier's author never opened it. It was measured once, after that round
(commit 81e5379):

    overall 346/405 = 85.4 %   language detection 99.5 %
    en 88.9  de 86.4  fr 79.0  es 87.7  it 85.2
    invoice 100  cancel 97.1  return 90.0  thank_you 88.6  where 87.5  product 85.0
    damaged 80.0  refund 80.0  change 77.1  other 77.1  wrong_item 77.1

This is the figure to quote. The floor below (measured minus 3 points) keeps it from
sliding; the set must not be used to tune the classifier — a fresh blind set is needed
to measure the next method.

Since then the set is retired as a test: the cue tables still never saw it, but the
learned half of the hybrid classifier learns from it (with dev, heldout and independent),
so the deployed classifier's figure here says only that nothing broke. The hybrid's honest
figure on it is the leave-one-set-out one, in tests/test_intent_model.py (92.6 %).
"""

from __future__ import annotations

import json

from sellerdesk.messaging.intent import classify_intent
from sellerdesk.messaging.intent_model import TRAINING_DATA

# A training set of the learned model now: it ships in the package, not in tests/data.
DATA = TRAINING_DATA / "intent_blind2.jsonl"
MIN_ACCURACY = 0.824


def test_blind_set_accuracy_floor() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 400
    correct = sum(
        classify_intent(text=row["text"], subject=row["subject"]).intent == row["intent"]
        for row in rows
    )
    assert correct / len(rows) >= MIN_ACCURACY, f"{correct}/{len(rows)}"
