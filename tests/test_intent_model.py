"""The learned half of the intent classifier and the honest figure of the hybrid.

The hybrid (``messaging.intent.decide``) learns from all four committed labelled sets, so
none of them measures it any more. The estimate of its accuracy on unseen mail is the
leave-one-set-out figure on intent_blind2.jsonl: the model fitted on dev, heldout and
independent answers blind2, the cue tables were never tuned on it, and the combiner's
three weights are fitted on the other four fifths of blind2 for each fifth.

Measured (bench/intent_accuracy.py --cv):

    blind2, leave one set out   rules 85.4 %   model 89.6 %   hybrid 92.6 % (375/405)
    hybrid per language         en 92.6  de 92.6  fr 90.1  es 93.8  it 93.8

The floor below is that figure minus 3 points.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sellerdesk
from sellerdesk.messaging import intent
from sellerdesk.messaging.intent import (
    INTENTS,
    classify_by_rules,
    classify_intent,
    fit_model,
    fold,
    learned_model,
    rule_verdict,
)
from sellerdesk.messaging.intent_eval import SETS, Answer, leave_one_set_out, load_sets
from sellerdesk.messaging.intent_model import COMBINER_WEIGHTS, TRAINING_SETS, training_examples

BLIND2_HYBRID_MIN_ACCURACY = 0.896  # measured 0.926 (375/405), minus 3 points


@pytest.fixture(scope="module")
def blind2_held_out() -> tuple[list[Answer], tuple[float, float, float]]:
    answers, weights = leave_one_set_out(load_sets(), targets=["blind2"])
    return answers["blind2"], weights


def test_leave_one_set_out_hybrid_accuracy_on_blind2(
    blind2_held_out: tuple[list[Answer], tuple[float, float, float]],
) -> None:
    answers, _ = blind2_held_out
    assert len(answers) >= 400
    right = sum(a.hybrid.intent == a.example.intent for a in answers)
    assert right / len(answers) >= BLIND2_HYBRID_MIN_ACCURACY, f"{right}/{len(answers)}"


def test_the_shipped_combiner_weights_are_the_fit(
    blind2_held_out: tuple[list[Answer], tuple[float, float, float]],
) -> None:
    # If this fails, the cue tables, the model or the sets changed: refit with
    # bench/intent_accuracy.py --cv and update COMBINER_WEIGHTS and the figures above.
    _, weights = blind2_held_out
    assert weights == COMBINER_WEIGHTS


def test_the_model_trains_deterministically() -> None:
    examples = training_examples()
    texts = [fold(rule_verdict(text=e.text, subject=e.subject).model_input) for e in examples]
    first, second = fit_model(examples), fit_model(examples)
    assert first.classes == second.classes
    assert [first.decision(t).tolist() for t in texts] == [
        second.decision(t).tolist() for t in texts
    ]
    deployed = learned_model()
    assert deployed is not None
    assert deployed.classes == first.classes
    assert all(deployed.decision(t).tolist() == first.decision(t).tolist() for t in texts[:200])


def test_the_model_knows_every_intent() -> None:
    model = learned_model()
    assert model is not None
    assert set(model.classes) == set(INTENTS)


def test_training_reads_only_the_four_named_sets() -> None:
    # A set being written to measure the classifier blind must never be learned from.
    assert TRAINING_SETS == (
        "intent_dev.jsonl",
        "intent_heldout.jsonl",
        "intent_independent.jsonl",
        "intent_blind2.jsonl",
    )
    assert set(SETS.values()) == set(TRAINING_SETS)


def test_the_model_answers_what_the_cue_tables_miss_and_names_its_words() -> None:
    text = "Set of 8 glasses ordered, the box had 5."
    assert classify_by_rules(text=text).intent == "other"
    result = classify_intent(text=text)
    assert result.intent == "wrong_item"
    assert result.evidence
    assert all(e.startswith("model: ") for e in result.evidence)
    assert all(e.removeprefix("model: ") in text for e in result.evidence)
    assert 0.5 < result.confidence < 1


def test_evidence_quotes_the_cue_phrases_when_the_cue_tables_decide() -> None:
    text = "The blender arrived with a cracked jug and it doesn't turn on."
    assert classify_intent(text=text).evidence == classify_by_rules(text=text).evidence


def test_a_free_form_subject_is_read_by_the_model_too() -> None:
    verdict = rule_verdict(text="See subject. Thanks", subject="Re: Invoice needed")
    assert verdict.model_input.startswith("Invoice needed\n")
    amazon = "Inquiry from Amazon customer Jo (Order: 111-0944945-3989852)"
    assert rule_verdict(text="Where is it?", subject=amazon).model_input == "Where is it?"


def test_without_the_sets_the_cue_tables_decide_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intent, "_model", [])
    monkeypatch.setattr(intent, "TRAINING_SETS", ("no_such_set.jsonl",))
    assert learned_model() is None
    text = "Set of 8 glasses ordered, the box had 5."
    assert classify_intent(text=text) == classify_by_rules(text=text)


TESTS = Path(__file__).parent

# Runs in a fresh interpreter on a copy of the package: fits the model and says which
# labelled sets it opened (an audit hook sees every open()).
_INSTALLED_PROBE = """
import json, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].endswith(".jsonl"):
        opened.append(args[0])
sys.addaudithook(hook)
from sellerdesk.messaging import intent_model
from sellerdesk.messaging.intent import learned_model
model = learned_model()
print(json.dumps({
    "module": intent_model.__file__,
    "data": str(intent_model.TRAINING_DATA),
    "classes": list(model.classes) if model else None,
    "opened": opened,
}))
"""


def test_the_training_sets_ship_in_the_package_and_the_blind_set_does_not() -> None:
    shipped = Path(sellerdesk.__file__).parent / "messaging" / "intent_data"
    assert sorted(p.name for p in shipped.iterdir()) == sorted(TRAINING_SETS)
    assert all(not (TESTS / "data" / name).exists() for name in TRAINING_SETS)
    # The blind set is the tests' alone: it stays in tests/data, never in the package.
    assert (TESTS / "data" / "intent_blind3.jsonl").is_file()
    assert "intent_blind3.jsonl" not in TRAINING_SETS


def test_an_installed_package_trains_from_its_own_data(tmp_path: Path) -> None:
    # An installed desk has the package and no source checkout: a copy of the package
    # alone, first on the path of a fresh interpreter, must fit the model, reading the
    # four sets through importlib.resources from inside that copy and nothing in tests/.
    site = tmp_path / "site"
    shutil.copytree(
        Path(sellerdesk.__file__).parent,
        site / "sellerdesk",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(  # noqa: S603 -- this interpreter, a fixed probe script
        [sys.executable, "-c", _INSTALLED_PROBE],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    package_data = site / "sellerdesk" / "messaging" / "intent_data"
    assert Path(found["module"]).is_relative_to(site)
    assert Path(found["data"]) == package_data
    assert set(found["classes"]) == set(INTENTS)
    assert [Path(p) for p in found["opened"]] == [package_data / name for name in TRAINING_SETS]
