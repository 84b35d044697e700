"""Cost of the health dashboard on the Demo Store (and optionally a large store).

    .venv/bin/python bench/dashboard.py                  # a fresh SQLite database
    .venv/bin/python bench/dashboard.py --orders 50000   # and a store of 50,000 orders
    .venv/bin/python bench/dashboard.py --json

Builds the demo (``demo_install``) in a temporary home, then times (median of 5 runs
after one warm-up, with the number of queries): ``store_health`` once, ``store_health``
for each of the 13 trend days (what the trends would cost computed naively),
``store_trends`` (the 13 points as the dashboard computes them), and the whole
dashboard page through Django's test client.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
RUNS = 5


def timed(run: Callable[[], object]) -> dict[str, float | int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    run()
    seconds = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            run()
            seconds.append(time.perf_counter() - started)
    return {"ms": round(statistics.median(seconds) * 1000, 1), "queries": len(queries)}


def large_store(orders: int, now: Any) -> Any:
    """``orders`` orders over 180 days (a third MFN), 300 SKUs, a return for one order
    in 20, negative feedback for one in 150, positive for one in 10."""
    import random
    from datetime import timedelta
    from decimal import Decimal

    from sellerdesk.feedback.models import Feedback
    from sellerdesk.orders.models import Order, OrderItem
    from sellerdesk.returns.models import Return
    from sellerdesk.stores.models import Store

    rng = random.Random(11)
    store = Store.objects.create(name="Large Store", marketplace="US")
    Order.objects.bulk_create(
        [
            Order(
                store=store,
                amazon_order_id=f"111-{n:07d}-{rng.randrange(10**7):07d}",
                purchase_date=(placed := now - timedelta(seconds=rng.randrange(180 * 86400))),
                shipped_at=placed + timedelta(days=1),
                status="Shipped",
                fulfillment_channel="MFN" if n % 3 == 0 else "AFN",
                order_total=Decimal("19.99"),
                currency="USD",
            )
            for n in range(orders)
        ],
        batch_size=2000,
    )
    made = list(Order.objects.filter(store=store).order_by("pk"))
    OrderItem.objects.bulk_create(
        [
            OrderItem(order=o, sku=f"SKU-{rng.randrange(300):03d}", asin="B000000001",
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
            Feedback(store=store, amazon_order_id=o.amazon_order_id,
                     rating=1 if i % 15 == 0 else 5,
                     left_on=(o.purchase_date + timedelta(days=3)).date())
            for i, o in enumerate(made[::10])
        ],
        batch_size=2000,
    )  # fmt: skip
    return store


def measure_store(store: Any, user: Any, now: Any) -> dict[str, Any]:
    from django.test import Client
    from django.urls import reverse

    from sellerdesk.health.selectors import store_health
    from sellerdesk.health.trends import store_trends, trend_days
    from sellerdesk.stores.models import Membership

    as_of = now.astimezone(store.tz).date()
    Membership.objects.get_or_create(user=user, store=store, defaults={"role": "agent"})
    client = Client()
    client.force_login(user)
    page = reverse("health", kwargs={"store_id": store.pk})
    return {
        "store_health": timed(lambda: store_health(store=store, as_of=as_of, now=now)),
        "store_health x13": timed(
            lambda: [store_health(store=store, as_of=d, now=now) for d in trend_days(as_of)]
        ),
        "store_trends (13 points)": timed(lambda: store_trends(store=store, as_of=as_of, now=now)),
        "dashboard page": timed(lambda: client.get(page)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--orders", type=int, default=0, help="also a large store of N orders")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sellerdesk-bench-dashboard-"))
    os.environ["SELLERDESK_HOME"] = str(work / "home")
    os.environ.pop("SELLERDESK_DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sellerdesk.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    from sellerdesk.accounts.models import User
    from sellerdesk.demo.services import DEMO_STORE_NAME, demo_install
    from sellerdesk.stores.models import Store

    demo_install()
    now = timezone.now()
    user = User.objects.create_user(email="bench@example.test", password=None)
    result = {"demo": measure_store(Store.objects.get(name=DEMO_STORE_NAME), user, now)}
    if args.orders:
        result[f"large ({args.orders} orders)"] = measure_store(
            large_store(args.orders, now), user, now
        )
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for label, rows in result.items():
        print(label)
        for name, row in rows.items():
            print(f"  {name:<26} {row['ms']:>9} ms {row['queries']:>5} queries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
