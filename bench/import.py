"""Benchmark: importing a 200,000-row orders report into SQLite.

Reports rows per second through the desk's importer (streamed read, encoding
check, typed parsing with file:line:column errors, upsert of orders and items,
one transaction) beside the floor of parsing the same file with the ``csv``
module and inserting the raw rows with ``sqlite3.executemany``, in one process,
and the ratio; then the desk importer's peak Python memory (tracemalloc) for
50,000 and 200,000 rows, to show it stays flat as files grow.

    .venv/bin/python bench/import.py [--rows 200000] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

HEADER = [
    "amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date", "order-status",
    "fulfillment-channel", "sales-channel", "order-channel", "url", "ship-service-level",
    "product-name", "sku", "asin", "item-status", "quantity", "currency", "item-price",
    "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price", "gift-wrap-tax",
    "item-promotion-discount", "ship-promotion-discount", "ship-city", "ship-state",
    "ship-postal-code", "ship-country", "promotion-ids", "is-business-order",
    "purchase-order-number", "price-designation",
]  # fmt: skip


def write_report(path: Path, rows: int, seed: int = 5) -> Path:
    """A realistic all-orders report: ~1.3 items an order, 300 SKUs, MFN and AFN."""
    rng = random.Random(seed)
    start = datetime(2026, 8, 1, tzinfo=UTC)
    skus = [
        (f"SKU-{i:04d}", f"B0{i:08d}", f"Product number {i} with a longer title")
        for i in range(300)
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(HEADER) + "\n")
        written = order = 0
        while written < rows:
            order += 1
            oid = f"{111 + order % 4}-{order:07d}-{rng.randint(0, 9999999):07d}"
            when = (start + timedelta(minutes=order)).isoformat()
            channel = "Amazon" if rng.random() < 0.55 else "Merchant"
            status = rng.choice(["Shipped"] * 8 + ["Pending", "Cancelled"])
            for sku, asin, title in rng.sample(skus, 1 if rng.random() < 0.75 else 2):
                if written >= rows:
                    break
                quantity = rng.randint(1, 3)
                price = f"{quantity * rng.uniform(5, 80):.2f}"
                handle.write("\t".join([
                    oid, "", when, when, status, channel, "Amazon.com", "", "", "Standard",
                    title, sku, asin, status, str(quantity), "USD", price, "0.00", "0.00",
                    "0.00", "", "", "", "", "SEATTLE", "WA", "98101", "US", "", "false", "", "",
                ]) + "\n")  # fmt: skip
                written += 1
    return path


def floor(path: Path, db: Path) -> int:
    """csv module + sqlite3.executemany of the raw rows: the least any importer can do."""
    conn = sqlite3.connect(db)
    conn.execute(f"CREATE TABLE raw ({', '.join(f'c{i} TEXT' for i in range(len(HEADER)))})")
    count = 0
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        placeholders = ", ".join("?" * len(HEADER))
        batch: list[list[str]] = []
        for row in reader:
            batch.append(row)
            if len(batch) == 1000:
                conn.executemany(f"INSERT INTO raw VALUES ({placeholders})", batch)  # noqa: S608 -- a fixed table, values bound
                count += len(batch)
                batch = []
        conn.executemany(f"INSERT INTO raw VALUES ({placeholders})", batch)  # noqa: S608 -- a fixed table, values bound
        count += len(batch)
    conn.commit()
    conn.close()
    return count


def desk(path: Path, store_name: str) -> int:
    from sellerdesk.imports.base import run_import
    from sellerdesk.orders.importers import OrdersImporter
    from sellerdesk.stores.models import Store

    store = Store.objects.create(name=store_name, marketplace="US")
    return run_import(OrdersImporter(store), path).counts.rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--small", type=int, default=50_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sellerdesk-bench-import-"))
    os.environ["SELLERDESK_HOME"] = str(work / "home")
    os.environ.pop("SELLERDESK_DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sellerdesk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    big = write_report(work / "orders_big.tsv", args.rows)
    small = write_report(work / "orders_small.tsv", args.small)

    start = time.perf_counter()
    floor_rows = floor(big, work / "floor.sqlite3")
    floor_seconds = time.perf_counter() - start
    start = time.perf_counter()
    desk_rows = desk(big, "Bench timing")
    desk_seconds = time.perf_counter() - start

    peaks = {}
    for label, path in (("small", small), ("big", big)):
        tracemalloc.start()
        desk(path, f"Bench memory {label}")
        peaks[label] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

    result = {
        "rows": args.rows,
        "file_mib": round(big.stat().st_size / 2**20, 1),
        "floor_seconds": round(floor_seconds, 2),
        "floor_rows_per_second": round(floor_rows / floor_seconds),
        "desk_seconds": round(desk_seconds, 2),
        "desk_rows_per_second": round(desk_rows / desk_seconds),
        "desk_vs_floor": round(floor_seconds / desk_seconds, 3),
        f"desk_peak_mib_{args.small}": round(peaks["small"] / 2**20, 1),
        f"desk_peak_mib_{args.rows}": round(peaks["big"] / 2**20, 1),
        "peak_growth_ratio": round(peaks["big"] / peaks["small"], 2),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
