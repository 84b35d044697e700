"""Leave-one-set-out evaluation of the intent classifier (bench and tests, not the app).

Each labelled set is held out in turn: the learned model is fitted on the other sets and
answers the held-out one, so its answers are those of a model that never saw them. The
cue tables cannot be held out that way (they were written once, by hand): they were tuned
on dev, heldout and independent, so their answers there (99 to 100 % right) say nothing
about unseen mail. They were never tuned on blind2, so blind2 is the one set on which the
hybrid's figure is an estimate for unseen mail, and the one set the combiner may learn
from.

The combiner's weights are therefore fitted on blind2's answers (the model's, out of set,
and the cue tables'): for blind2 itself in ``NESTED_FOLDS`` interleaved folds (each fifth
answered with weights fitted on the other four fifths), for the other sets on all of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sellerdesk.messaging.intent import (
    IntentResult,
    RuleVerdict,
    decide,
    fit_model,
    fold,
    rule_verdict,
)
from sellerdesk.messaging.intent_model import (
    TRAINING_DATA,
    Example,
    IntentModel,
    combine,
    fit_combiner,
    load_examples,
)

# Every set the classifier learns from, by short name; none other is ever read here.
SETS = {
    "dev": "intent_dev.jsonl",
    "heldout": "intent_heldout.jsonl",
    "independent": "intent_independent.jsonl",
    "blind2": "intent_blind2.jsonl",
}
# The set the cue tables were never tuned on: the only honest ground for the combiner.
HONEST = "blind2"
NESTED_FOLDS = 5


def load_sets(names: Iterable[str] = SETS) -> dict[str, list[Example]]:
    return {name: load_examples(TRAINING_DATA / SETS[name]) for name in names}


@dataclass(frozen=True)
class Answer:
    example: Example
    rules: IntentResult
    model: str  # the model's own answer (highest score)
    soft: str  # the combination's most probable intent, before the cue tables may stand
    hybrid: IntentResult


@dataclass(frozen=True)
class _HeldOut:
    verdicts: list[RuleVerdict]
    model: IntentModel
    decisions: NDArray[np.float64]


def _hold_out(sets: Mapping[str, Sequence[Example]], name: str) -> _HeldOut:
    model = fit_model([e for other, rows in sets.items() if other != name for e in rows])
    verdicts = [rule_verdict(text=e.text, subject=e.subject) for e in sets[name]]
    decisions = model.decisions(fold(v.model_input) for v in verdicts)
    return _HeldOut(verdicts, model, decisions)


def _combiner_inputs(
    held: _HeldOut, rows: Sequence[Example]
) -> tuple[NDArray[np.int_], NDArray[np.float64], NDArray[np.int_]]:
    classes = held.model.classes
    rule_index = np.array([classes.index(v.result.intent) for v in held.verdicts])
    confidence = np.array([v.result.confidence for v in held.verdicts])
    truth = np.array([classes.index(e.intent) for e in rows])
    return rule_index, confidence, truth


def _combined(
    held: _HeldOut, verdict: RuleVerdict, decision: NDArray[np.float64], weights: Sequence[float]
) -> NDArray[np.float64]:
    rules = verdict.result
    return combine(decision, held.model.classes.index(rules.intent), rules.confidence, weights)


def combiner_weights(
    sets: Mapping[str, Sequence[Example]], held: _HeldOut | None = None
) -> tuple[float, float, float]:
    """The combiner fitted on all of the honest set (what ``COMBINER_WEIGHTS`` holds)."""
    held = held or _hold_out(sets, HONEST)
    rule_index, confidence, truth = _combiner_inputs(held, sets[HONEST])
    return fit_combiner(held.decisions, rule_index, confidence, truth)


def leave_one_set_out(
    sets: Mapping[str, Sequence[Example]], targets: Iterable[str] | None = None
) -> tuple[dict[str, list[Answer]], tuple[float, float, float]]:
    """Every answer of every held-out set in ``targets`` (all by default), and the
    combiner weights fitted on all of the honest set."""
    if HONEST not in sets:
        raise ValueError(f"the combiner is fitted on {HONEST!r}: it must be among the sets")
    honest = _hold_out(sets, HONEST)
    weights = combiner_weights(sets, honest)
    out: dict[str, list[Answer]] = {}
    for name in targets or list(sets):
        held = honest if name == HONEST else _hold_out(sets, name)
        rows = sets[name]
        fold_weights = [weights] * len(rows)
        if name == HONEST:
            rule_index, confidence, truth = _combiner_inputs(held, rows)
            for k in range(NESTED_FOLDS):
                train = [i for i in range(len(rows)) if i % NESTED_FOLDS != k]
                fitted = fit_combiner(
                    held.decisions[train], rule_index[train], confidence[train], truth[train]
                )
                for i in range(k, len(rows), NESTED_FOLDS):
                    fold_weights[i] = fitted
        classes = held.model.classes
        out[name] = [
            Answer(
                example,
                verdict.result,
                classes[int(np.argmax(decision))],
                classes[int(np.argmax(_combined(held, verdict, decision, fold_weights[i])))],
                decide(verdict, held.model, fold_weights[i]),
            )
            for i, (example, verdict, decision) in enumerate(
                zip(rows, held.verdicts, held.decisions, strict=True)
            )
        ]
    return out, weights
