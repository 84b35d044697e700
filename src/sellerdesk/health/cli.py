"""``sellerdesk health``: a store's account-health figures from the desk's own records.

``--json`` prints ``store_health(...).as_dict()``: rates as fractions (``null``
when there is nothing to divide by, with a ``note`` saying "insufficient data"),
dates as ISO 8601. Without ``--json``, a few lines of the headline figures.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from sellerdesk.cli.main import UsageError, emit_json

Add = Callable[..., argparse.ArgumentParser]


def _percent(value: float | None, places: int = 2) -> str:
    return "-" if value is None else f"{value * 100:.{places}f}%"


def _hours(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} h"


def _print(data: dict[str, Any]) -> None:
    print(f"{data['store']}: account health as of {data['as_of']}")
    for channel, odr in data["odr"].items():
        start, end = odr["window"]
        print(
            f"ODR {channel.upper()}: {_percent(odr['rate'])} "
            f"({odr['orders_with_defects']} of {odr['orders']} orders, {start}..{end}; "
            f"feedback {odr['negative_feedback']}, claims {odr['claims']}, "
            f"chargebacks {odr['chargebacks']})"
        )
    for days, r in data["response"].items():
        print(
            f"Response {days:>2} days: late {_percent(r['late_rate'], 1)} of {r['messages']}, "
            f"average {_hours(r['avg_hours'])}, "
            f"on time under the store's policy {_percent(r['on_time_rate_policy'], 1)}"
        )
    ratings = ", ".join(f"{k} {_percent(v['rate'], 0)}" for k, v in data["feedback_rating"].items())
    print(f"Feedback rating: {ratings}")
    for days, r in data["late_shipment"].items():
        print(f"Late shipment {days} days: {_percent(r['rate'])} ({r['late']} of {r['orders']})")
    for days, r in data["cancel_rate"].items():
        print(f"Cancel rate {days} days: {_percent(r['rate'])} ({r['cancelled_by_seller']} of "
              f"{r['orders']})")  # fmt: skip


def cmd_health(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from sellerdesk.health.selectors import store_health
    from sellerdesk.stores.models import Store

    try:
        store = Store.objects.get(name=args.store)
    except Store.DoesNotExist:
        raise UsageError(f"no store named {args.store!r}") from None
    as_of = None
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            raise UsageError(f"--as-of: not a date (YYYY-MM-DD): {args.as_of!r}") from None
    data = store_health(store=store, as_of=as_of, now=timezone.now()).as_dict()
    if args.json:
        emit_json(data)
    else:
        _print(data)
    return 0


def register(add: Add) -> None:
    p = add(
        "health",
        cmd_health,
        "Account health from the desk's records: ODR, response times, feedback rating, "
        "returns, late shipment, cancellations, Amazon's figures beside them, forecast.",
    )
    p.add_argument("--store", required=True, metavar="NAME", help="store name")
    p.add_argument(
        "--as-of", default=None, metavar="DATE", help="the day the figures stand at (YYYY-MM-DD)"
    )
    p.add_argument("--json", action="store_true")
