"""``sellerdesk returns stats``: return rates per SKU (or ASIN) with their flags."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from sellerdesk.cli.main import UsageError, emit_json

Add = Callable[..., argparse.ArgumentParser]


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def cmd_returns_stats(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from sellerdesk.returns.selectors import return_stats_for_store, store_today
    from sellerdesk.stores.models import Store

    try:
        store = Store.objects.get(name=args.store)
    except Store.DoesNotExist:
        raise UsageError(f"no store named {args.store!r}") from None
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            raise UsageError(f"--as-of: not a date (YYYY-MM-DD): {args.as_of!r}") from None
    else:
        as_of = store_today(store=store, now=timezone.now())
    if args.min_units is not None and args.min_units < 1:
        raise UsageError("--min-units: at least 1")
    if args.alpha is not None and not 0 < args.alpha < 1:
        raise UsageError("--alpha: between 0 and 1")
    result = return_stats_for_store(
        store=store, as_of=as_of, group=args.by, min_units=args.min_units, alpha=args.alpha
    )
    if args.json:
        emit_json({"store": store.name} | result.as_dict())
        return 0
    print(f"{store.name}: returns up to {as_of.isoformat()}, per {args.by.upper()}")
    print(f"{'key':<24} {'ship90':>6} {'ret90':>5} {'rate90':>7} {'base':>7} {'q':>8}  flag")
    for row in result.rows:
        q = "-" if row.q_value is None else f"{row.q_value:.4f}"
        print(
            f"{row.key or '(none)':<24} {row.shipped_90:>6} {row.returned_90:>5} "
            f"{_percent(row.rate_90):>7} {_percent(row.baseline_rate):>7} {q:>8}  "
            f"{'FLAG' if row.flagged else ''}"
        )
    return 0


def register(add: Add) -> None:
    returns = add("returns", None, "Customer returns.")
    sub: Any = returns.add_subparsers(dest="returns_command", metavar="ACTION")
    sub.required = True
    p = add(
        "stats",
        cmd_returns_stats,
        "Return rates per SKU: 30/90 days, Amazon's monthly method, reasons, flags.",
        sub,
    )
    p.add_argument("--store", required=True, metavar="NAME", help="store name")
    p.add_argument("--as-of", default=None, metavar="DATE", help="last day counted (YYYY-MM-DD)")
    p.add_argument("--by", choices=["sku", "asin"], default="sku")
    p.add_argument("--min-units", type=int, default=None, help="units shipped to be tested")
    p.add_argument("--alpha", type=float, default=None, help="false discovery rate of flags")
    p.add_argument("--json", action="store_true")
