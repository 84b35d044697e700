"""``sellerdesk feedback``: the store's seller feedback with its removal check."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from sellerdesk.cli.main import UsageError, emit_json

Add = Callable[..., argparse.ArgumentParser]


def cmd_feedback(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime, time

    from sellerdesk.feedback.selectors import feedback_rows
    from sellerdesk.stores.models import Store

    try:
        store = Store.objects.get(name=args.store)
    except Store.DoesNotExist:
        raise UsageError(f"no store named {args.store!r}") from None
    now = None
    if args.as_of:
        try:
            parsed = datetime.fromisoformat(args.as_of)
        except ValueError:
            raise UsageError(f"--as-of: not an ISO 8601 date or datetime: {args.as_of!r}") from None
        if len(args.as_of) == 10:  # a date: the end of that day in the store's time zone
            parsed = datetime.combine(parsed.date(), time(23, 59), tzinfo=store.tz)
        now = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    rows = feedback_rows(store=store, now=now)
    if args.removable:
        rows = [r for r in rows if r["removal"]["eligible"]]
    if args.json:
        emit_json(rows)
        return 0
    for row in rows:
        grounds = ",".join(row["removal"]["grounds"]) or "-"
        print(
            f"{row['date']}  {row['order_id']:<19} {row['rating']}*  {row['status']:<17} "
            f"{row['reply_status']:<7} {row['days_left']:>4}d  {grounds:<28} "
            f"{row['comment'][:60]}"
        )
    return 0


def register(add: Add) -> None:
    p = add(
        "feedback",
        cmd_feedback,
        "List the store's seller feedback with its removal check and days left to request it.",
    )
    p.add_argument("--store", required=True, metavar="NAME", help="store name")
    p.add_argument("--as-of", default=None, metavar="ISO", help="count days left from then")
    p.add_argument("--removable", action="store_true", help="only feedback a ground applies to")
    p.add_argument("--json", action="store_true")
