"""Cost of the notification detectors on the Demo Store.

    .venv/bin/python bench/notifications_detect.py            # a fresh SQLite database
    .venv/bin/python bench/notifications_detect.py --json
    .venv/bin/python bench/notifications_detect.py --orders 100000   # and a large store

Builds the demo (``demo_install``), then runs ``detect_all`` twice at the demo's "now":
the first pass records the demo's events, the second must record none (and skips the
ODR and return-rate figures, computed at most hourly). Prints the wall time of each
pass, and per detector its time, queries and events (a first run, figures included).
With ``--orders N``, a second store gets N orders over 180 days (400 SKUs, a return for
one order in 20, negative feedback for one in 200), and the detectors are timed on it
the same way.
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


def large_store(orders: int, now: Any) -> Any:
    """A store with ``orders`` orders over 180 days, written with bulk_create."""
    import random
    from datetime import timedelta
    from decimal import Decimal

    from sellerdesk.feedback.models import Feedback
    from sellerdesk.orders.models import Order, OrderItem
    from sellerdesk.returns.models import Return
    from sellerdesk.stores.models import Store

    rng = random.Random(5)
    store = Store.objects.create(name="Large Store", marketplace="US")
    rows = []
    for n in range(orders):
        placed = now - timedelta(seconds=rng.randrange(180 * 86400))
        rows.append(
            Order(
                store=store,
                amazon_order_id=f"111-{n:07d}-{rng.randrange(10**7):07d}",
                purchase_date=placed,
                shipped_at=placed + timedelta(days=1),
                status="Shipped",
                fulfillment_channel="AFN" if n % 3 else "MFN",
                order_total=Decimal("19.99"),
                currency="USD",
            )
        )
    Order.objects.bulk_create(rows, batch_size=2000)
    made = list(Order.objects.filter(store=store).order_by("pk"))
    OrderItem.objects.bulk_create(
        [
            OrderItem(order=o, sku=f"SKU-{rng.randrange(400):03d}", asin="B000000001",
                      quantity_ordered=1, quantity_shipped=1)
            for o in made
        ],
        batch_size=2000,
    )  # fmt: skip
    Return.objects.bulk_create(
        [
            Return(store=store, external_key=f"R{o.pk}", amazon_order_id=o.amazon_order_id,
                   sku="SKU-001", requested_at=o.purchase_date + timedelta(days=5),
                   reason_code="CR-DEFECTIVE")
            for o in made[::20]
        ],
        batch_size=2000,
    )  # fmt: skip
    Feedback.objects.bulk_create(
        [
            Feedback(store=store, amazon_order_id=o.amazon_order_id, rating=1,
                     left_on=(o.purchase_date + timedelta(days=3)).date())
            for o in made[::200]
        ],
        batch_size=2000,
    )  # fmt: skip
    return store


def timed(store: Any, now: Any) -> dict[str, Any]:
    """Each detector once (time, queries, events), then two detect_store passes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sellerdesk.notifications.detectors import DETECTORS

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
    # The runs above recorded everything: start over for the two timed passes.
    from django.core.cache import cache

    from sellerdesk.notifications.detectors import detect_store
    from sellerdesk.notifications.models import NotificationEvent

    NotificationEvent.objects.filter(store=store).delete()
    cache.clear()  # detect_store remembers when it last computed the figures
    passes = []
    for _ in range(2):
        started = time.perf_counter()
        recorded = sum(detect_store(store=store, now=now).values())
        passes.append({"events": recorded, "ms": round((time.perf_counter() - started) * 1000, 1)})
    return {"passes": passes, "per_detector": per_detector}


def measure(orders: int) -> dict[str, Any]:
    from django.core.cache import cache
    from django.utils import timezone

    from sellerdesk.demo.services import DEMO_STORE_NAME, demo_install
    from sellerdesk.notifications.detectors import detect_all
    from sellerdesk.stores.models import Store

    started = time.perf_counter()
    demo_install()
    build_seconds = time.perf_counter() - started
    now = timezone.now()
    result: dict[str, Any] = {"demo_build_seconds": round(build_seconds, 1)}
    result["demo"] = timed(Store.objects.get(name=DEMO_STORE_NAME), now)
    if orders:
        result[f"large ({orders} orders)"] = timed(large_store(orders, now), now)
    # detect_all over every store, twice, from nothing recorded.
    from sellerdesk.notifications.models import NotificationEvent

    NotificationEvent.objects.all().delete()
    cache.clear()
    passes = []
    for _ in range(2):
        started = time.perf_counter()
        recorded = detect_all(now=now)
        passes.append({"events": recorded, "ms": round((time.perf_counter() - started) * 1000, 1)})
    result["detect_all"] = passes
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--orders", type=int, default=0, help="also a large store of N orders")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sellerdesk-bench-notify-"))
    os.environ["SELLERDESK_HOME"] = str(work / "home")
    os.environ.pop("SELLERDESK_DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sellerdesk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    result = measure(args.orders)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"demo built in {result['demo_build_seconds']} s")
    for number, run in enumerate(result["detect_all"], 1):
        print(f"detect_all (every store) pass {number}: {run['ms']} ms, {run['events']} events")
    for label, store in result.items():
        if not isinstance(store, dict):
            continue
        print(f"\n{label}")
        for number, run in enumerate(store["passes"], 1):
            print(f"  pass {number}: {run['ms']} ms, {run['events']} events")
        print(f"  {'detector':<24} {'ms':>8} {'queries':>8} {'events':>7}")
        for kind, row in store["per_detector"].items():
            print(f"  {kind:<24} {row['ms']:>8} {row['queries']:>8} {row['events']:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
