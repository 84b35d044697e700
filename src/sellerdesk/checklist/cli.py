"""``sellerdesk today``: the store's checklist for a day.

``--json`` prints a list of ``{"task", "cadence", "due", "outstanding", "done", ...}``
(``checklist.selectors.task_as_dict``): the tasks open in that day's periods, ``due``
the last day of the period (ISO 8601). Rows are created for those periods as a side effect.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from sellerdesk.cli.main import UsageError, emit_json

Add = Callable[..., argparse.ArgumentParser]


def cmd_today(args: argparse.Namespace) -> int:
    from sellerdesk.checklist.services import checklist_for_day
    from sellerdesk.stores.models import Store

    try:
        store = Store.objects.get(name=args.store)
    except Store.DoesNotExist:
        raise UsageError(f"no store named {args.store!r}") from None
    day = None
    if args.as_of:
        try:
            day = date.fromisoformat(args.as_of)
        except ValueError:
            raise UsageError(f"--as-of: not a date (YYYY-MM-DD): {args.as_of!r}") from None
    rows = checklist_for_day(store=store, day=day)
    if args.json:
        emit_json(rows)
    else:
        for row in rows:
            mark = "x" if row["done"] else " "
            print(
                f"[{mark}] {row['task']:<12} {row['cadence']:<8} due {row['due']}  "
                f"{row['outstanding']} outstanding, {row['overdue_count']} overdue"
            )
    return 0


def register(add: Add) -> None:
    p = add("today", cmd_today, "The seller's checklist: today's tasks and what is outstanding.")
    p.add_argument("--store", required=True, metavar="NAME", help="store name")
    p.add_argument(
        "--as-of", default=None, metavar="DATE", help="the day (YYYY-MM-DD, store's time zone)"
    )
    p.add_argument("--json", action="store_true")
