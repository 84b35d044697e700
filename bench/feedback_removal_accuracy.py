"""Accuracy of the feedback removal check on a labelled set.

    .venv/bin/python bench/feedback_removal_accuracy.py                 # the development set
    .venv/bin/python bench/feedback_removal_accuracy.py --errors        # and its misses
    .venv/bin/python bench/feedback_removal_accuracy.py --set FILE      # another labelled set
    .venv/bin/python bench/feedback_removal_accuracy.py --json

Each line: {"comment", "rating", "fulfillment_channel", "buy_shipping", "shipped_on_time",
"eligible", "grounds"} (and optionally "language"). Reports eligibility accuracy, exact
grounds accuracy and precision / recall per ground.

Tune against the development set only (tests/data/feedback_removal_dev.jsonl). The blind
set (tests/data/feedback_removal_blind.jsonl) is measured once, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sellerdesk.feedback.removal import GROUNDS, RemovalCheck, removal_check  # noqa: E402 -- after the sys.path line, so the script runs uninstalled

DEV = ROOT / "tests" / "data" / "feedback_removal_dev.jsonl"


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check_row(row: dict[str, Any], *, use_language: bool = True) -> RemovalCheck:
    return removal_check(
        comment=row["comment"],
        rating=int(row["rating"]),
        fulfillment_channel=row["fulfillment_channel"],
        buy_shipping=bool(row["buy_shipping"]),
        shipped_on_time=row["shipped_on_time"],
        language=row.get("language", "") if use_language else "",
    )


def evaluate(rows: list[dict[str, Any]], *, use_language: bool = True) -> dict[str, Any]:
    started = time.perf_counter()
    results = [check_row(r, use_language=use_language) for r in rows]
    elapsed = time.perf_counter() - started
    eligible_ok = [
        res.eligible == bool(r["eligible"]) for r, res in zip(rows, results, strict=True)
    ]
    grounds_ok = [
        sorted(res.grounds) == sorted(r["grounds"]) for r, res in zip(rows, results, strict=True)
    ]
    per_ground = {}
    pairs = [(set(r["grounds"]), set(res.grounds)) for r, res in zip(rows, results, strict=True)]
    for ground in GROUNDS:
        tp = sum(ground in got and ground in want for want, got in pairs)
        fp = sum(ground in got and ground not in want for want, got in pairs)
        fn = sum(ground not in got and ground in want for want, got in pairs)
        per_ground[ground] = {
            "support": tp + fn,
            "predicted": tp + fp,
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None,
        }
    misses = [
        {
            "comment": r["comment"],
            "rating": r["rating"],
            "channel": r["fulfillment_channel"],
            "buy_shipping": r["buy_shipping"],
            "shipped_on_time": r["shipped_on_time"],
            "expected": sorted(r["grounds"]),
            "got": res.grounds,
            "note": res.note,
            "clauses": [(c.text, c.topics, c.cues) for c in res.clauses],
        }
        for r, res, ok in zip(rows, results, grounds_ok, strict=True)
        if not ok
    ]
    n = len(rows)
    return {
        "n": n,
        "eligibility_accuracy": round(sum(eligible_ok) / n, 4) if n else 0.0,
        "grounds_exact_accuracy": round(sum(grounds_ok) / n, 4) if n else 0.0,
        "per_ground": per_ground,
        "ms_per_check": round(1000 * elapsed / n, 3) if n else 0.0,
        "misses": misses,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEV, help="a labelled JSONL file")
    parser.add_argument("--errors", action="store_true", help="list the misses")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = evaluate(load(args.set))
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    print(f"{args.set.name}: {report['n']} lines, {report['ms_per_check']} ms a check")
    print(f"  eligibility accuracy  {report['eligibility_accuracy']:.1%}")
    print(f"  exact grounds         {report['grounds_exact_accuracy']:.1%}")
    for ground, m in report["per_ground"].items():
        p = "-" if m["precision"] is None else f"{m['precision']:.1%}"
        r = "-" if m["recall"] is None else f"{m['recall']:.1%}"
        print(f"  {ground:<18} precision {p:>6}  recall {r:>6}  (support {m['support']})")
    if args.errors:
        for miss in report["misses"]:
            print(
                f"\n- {miss['comment']!r} ({miss['rating']}★ {miss['channel']} "
                f"bs={miss['buy_shipping']} on_time={miss['shipped_on_time']})"
            )
            print(f"  expected {miss['expected']} got {miss['got']}  {miss['note']}")
            for clause in miss["clauses"]:
                print(f"    {clause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
