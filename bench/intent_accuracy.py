"""Accuracy of the intent classifier on the held-out, independent and development sets.

    .venv/bin/python bench/intent_accuracy.py            # all three sets, human-readable
    .venv/bin/python bench/intent_accuracy.py --json     # machine output
    .venv/bin/python bench/intent_accuracy.py --errors dev   # list the misses of one set

The held-out set (tests/data/intent_heldout.jsonl) was written and committed before the
classifier by the author of the cues. The independent set (tests/data/intent_independent.jsonl)
was written by someone who never saw the classifier; it was measured blind once (84.0 %) and
has since been used for development, so it no longer measures unseen mail: a fresh blind set
does that. Tune on error *kinds*, never on single lines.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sellerdesk.messaging.intent import INTENTS, classify_intent  # noqa: E402

SETS = {
    "heldout": ROOT / "tests" / "data" / "intent_heldout.jsonl",
    "independent": ROOT / "tests" / "data" / "intent_independent.jsonl",
    "dev": ROOT / "tests" / "data" / "intent_dev.jsonl",
}
LANGUAGES = ("en", "de", "fr", "es", "it")


def load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(rows: list[dict[str, str]]) -> dict[str, Any]:
    """Accuracy overall, per language and per intent, confusions and misses."""
    results = [classify_intent(text=r["text"], subject=r.get("subject", "")) for r in rows]
    correct = [res.intent == r["intent"] for r, res in zip(rows, results, strict=True)]

    def share(selected: list[int]) -> dict[str, float | int]:
        hits = sum(correct[i] for i in selected)
        return {
            "n": len(selected),
            "correct": hits,
            "accuracy": round(hits / len(selected), 4) if selected else 0.0,
        }

    everything = list(range(len(rows)))
    per_language = {
        lang: share([i for i in everything if rows[i]["language"] == lang]) for lang in LANGUAGES
    }
    per_intent = {
        intent: share([i for i in everything if rows[i]["intent"] == intent]) for intent in INTENTS
    }
    confusions = Counter(
        (rows[i]["intent"], results[i].intent) for i in everything if not correct[i]
    )
    language_ok = sum(results[i].language == rows[i]["language"] for i in everything)
    misses = [
        {
            "language": rows[i]["language"],
            "expected": rows[i]["intent"],
            "got": results[i].intent,
            "confidence": results[i].confidence,
            "evidence": results[i].evidence,
            "subject": rows[i].get("subject", ""),
            "text": rows[i]["text"],
        }
        for i in everything
        if not correct[i]
    ]
    return {
        "overall": share(everything),
        "language_detection_accuracy": round(language_ok / len(rows), 4),
        "per_language": per_language,
        "per_intent": per_intent,
        "confusions": [
            {"expected": e, "got": g, "count": n} for (e, g), n in confusions.most_common()
        ],
        "misses": misses,
    }


def throughput(rows: list[dict[str, str]], rounds: int = 5) -> float:
    """Messages classified per second (after the first, compiling call)."""
    classify_intent(text="warm up", subject="")
    started = time.perf_counter()
    for _ in range(rounds):
        for r in rows:
            classify_intent(text=r["text"], subject=r.get("subject", ""))
    return rounds * len(rows) / (time.perf_counter() - started)


def print_report(name: str, report: dict[str, Any]) -> None:
    o = report["overall"]
    print(f"== {name}: {o['accuracy']:.1%} ({o['correct']}/{o['n']})")
    print(f"   language detected correctly: {report['language_detection_accuracy']:.1%}")
    print(
        "   per language: "
        + ", ".join(
            f"{lang} {v['accuracy']:.1%} ({v['correct']}/{v['n']})"
            for lang, v in report["per_language"].items()
        )
    )
    print("   per intent:")
    for intent, v in report["per_intent"].items():
        print(f"     {intent:22} {v['accuracy']:6.1%} ({v['correct']}/{v['n']})")
    if report["confusions"]:
        print("   confusions (expected -> got):")
        for c in report["confusions"][:12]:
            print(f"     {c['count']:3}  {c['expected']} -> {c['got']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--errors", choices=sorted(SETS), help="list the misses of this set")
    args = parser.parse_args(argv)

    data = {name: load(path) for name, path in SETS.items()}
    reports = {name: evaluate(rows) for name, rows in data.items()}
    speed = throughput(data["dev"] + data["heldout"] + data["independent"])

    if args.json:
        out: dict[str, Any] = {
            name: {k: v for k, v in r.items() if k != "misses"} for name, r in reports.items()
        }
        out["messages_per_second"] = round(speed)
        if args.errors:
            out["misses"] = reports[args.errors]["misses"]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for name, report in reports.items():
        print_report(name, report)
    print(f"== speed: {speed:,.0f} messages/s")
    if args.errors:
        print(f"\n== misses in {args.errors}:")
        for m in reports[args.errors]["misses"]:
            print(
                f"[{m['language']}] {m['expected']} -> {m['got']} ({m['confidence']}) "
                f"{m['evidence']}\n    subj: {m['subject']}\n    {m['text'][:300]!r}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
