"""The honest figure for the hybrid intent classifier (rules + learned model).

tests/data/intent_blind3.jsonl (420 messages, 84 per language, each language written on
its own) was committed in 7348050 by someone who never saw the classifier or the other
sets, while the hybrid was being built; the hybrid's author never opened it (its training
set is four named files). Measured once, after commit 1793db5:

    overall 381/420 = 90.7 %   language detection 100 %
    en 92.9  de 90.5  fr 94.0  es 90.5  it 85.7
    cancel 100  invoice 100  where 97.8  wrong_item 97.4  thank_you 97.1  change 91.4
    refund 91.4  product 91.1  damaged 80.0  return 78.0  other 74.3

The floor is that figure minus 3 points. Do not train or tune on this set: measuring the
next method needs a fresh blind set.
"""

from __future__ import annotations

import json
from pathlib import Path

from sellerdesk.messaging.intent import classify_intent

DATA = Path(__file__).parent / "data" / "intent_blind3.jsonl"
MIN_ACCURACY = 0.877


def test_blind3_accuracy_floor() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 400
    correct = sum(
        classify_intent(text=row["text"], subject=row["subject"]).intent == row["intent"]
        for row in rows
    )
    assert correct / len(rows) >= MIN_ACCURACY, f"{correct}/{len(rows)}"
