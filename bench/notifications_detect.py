"""Cost of the notification detectors on the Demo Store.

    .venv/bin/python bench/notifications_detect.py            # a fresh SQLite database
    .venv/bin/python bench/notifications_detect.py --json

Builds the demo (``demo_install``), then runs ``detect_all`` twice at the demo's "now":
the first pass records the demo's events, the second must record none. Prints the
wall time of each pass, and per detector its time, queries and events (first pass).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def measure() -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from sellerdesk.demo.services import DEMO_STORE_NAME, demo_install
    from sellerdesk.notifications.detectors import DETECTORS, detect_all
    from sellerdesk.stores.models import Store

    started = time.perf_counter()
    demo_install()
    build_seconds = time.perf_counter() - started
    store = Store.objects.get(name=DEMO_STORE_NAME)
    now = timezone.now()

    per_detector = {}
    for kind, detector in DETECTORS.items():
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            recorded = detector(store=store, now=now)
            seconds = time.perf_counter() - started
        per_detector[str(kind)] = {
            "events": recorded,
            "ms": round(seconds * 1000, 1),
            "queries": len(queries),
        }
    # The passes above recorded everything: detect_all now measures a rerun. Start over
    # for the two timed passes.
    from sellerdesk.notifications.models import NotificationEvent

    NotificationEvent.objects.all().delete()
    passes = []
    for _ in range(2):
        started = time.perf_counter()
        recorded = detect_all(now=now)
        passes.append({"events": recorded, "ms": round((time.perf_counter() - started) * 1000, 1)})
    return {
        "demo_build_seconds": round(build_seconds, 1),
        "passes": passes,
        "per_detector": per_detector,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sellerdesk-bench-notify-"))
    os.environ["SELLERDESK_HOME"] = str(work / "home")
    os.environ.pop("SELLERDESK_DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sellerdesk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    result = measure()
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"demo built in {result['demo_build_seconds']} s")
    for number, run in enumerate(result["passes"], 1):
        print(f"detect_all pass {number}: {run['ms']} ms, {run['events']} events")
    print(f"{'detector':<24} {'ms':>8} {'queries':>8} {'events':>7}")
    for kind, row in result["per_detector"].items():
        print(f"{kind:<24} {row['ms']:>8} {row['queries']:>8} {row['events']:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
