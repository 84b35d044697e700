"""``sellerdesk claims`` and ``sellerdesk chargebacks``: a store's cases, with ODR.

``--json`` prints one object per case: order_id, status, amounts as decimal
strings with their currency, filed/received, due_at (ISO 8601 with the offset
of the store's time zone), counts_in_odr (true, false, or null while pending)
and odr_reason. Without ``--json``, one line per case.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sellerdesk.cli.main import UsageError, emit_json

if TYPE_CHECKING:
    from django.db.models import QuerySet

Add = Callable[..., argparse.ArgumentParser]
ODR_TEXT = {"counts": "counts", "pending": "pending", "not_counted": "no"}


def _store(name: str) -> Any:
    from sellerdesk.stores.models import Store

    try:
        return Store.objects.get(name=name)
    except Store.DoesNotExist:
        raise UsageError(f"no store named {name!r}") from None


def _list(
    args: argparse.Namespace,
    cases: QuerySet[Any],
    in_odr: Callable[[QuerySet[Any], str], QuerySet[Any]],
    as_dict: Callable[[Any], dict[str, Any]],
    newest_first: str,
    line: Callable[[dict[str, Any], str], str],
) -> int:
    """The store's cases (``--odr`` filtered), as JSON or one ``line(row, amount)`` each."""
    cases = cases.select_related("store")
    if args.odr:
        cases = in_odr(cases, args.odr)
    rows = [as_dict(c) for c in cases.order_by(newest_first, "-pk")]
    if args.json:
        emit_json(rows)
        return 0
    for row in rows:
        print(line(row, f"{row['amount']} {row['currency']}" if row["amount"] else ""))
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    from sellerdesk.claims.odr import claims_in_odr
    from sellerdesk.claims.selectors import claim_as_dict, claims_for_store

    def line(row: dict[str, Any], amount: str) -> str:
        return (
            f"{row['order_id']:<19}  {row['status']:<18} {amount:>14}  "
            f"due {row['next_deadline_at'] or '-':<25}  ODR {ODR_TEXT[row['odr']]:<7} "
            f"{row['odr_reason']}"
        )

    claims = claims_for_store(store=_store(args.store))
    return _list(args, claims, claims_in_odr, claim_as_dict, "-filed_at", line)


def cmd_chargebacks(args: argparse.Namespace) -> int:
    from sellerdesk.chargebacks.odr import chargebacks_in_odr
    from sellerdesk.chargebacks.selectors import chargeback_as_dict, chargebacks_for_store

    def line(row: dict[str, Any], amount: str) -> str:
        return (
            f"{row['order_id']:<19}  {row['kind']:<8} {row['status']:<18} {amount:>14}  "
            f"due {row['due_at'] or '-':<25}  ODR {ODR_TEXT[row['odr']]:<7} {row['odr_reason']}"
        )

    chargebacks = chargebacks_for_store(store=_store(args.store))
    return _list(args, chargebacks, chargebacks_in_odr, chargeback_as_dict, "-received_at", line)


def register(add: Add) -> None:
    """Add the case commands; ``add`` is ``cli.commands.register``'s helper."""
    odr_choices = ["counts", "pending", "not_counted"]
    p = add("claims", cmd_claims, "List a store's A-to-z claims with deadlines and ODR.")
    p.add_argument("--store", required=True, metavar="NAME", help="store name")
    p.add_argument("--odr", choices=odr_choices, help="only claims with this ODR answer")
    p.add_argument("--json", action="store_true")
    p = add("chargebacks", cmd_chargebacks, "List a store's chargebacks with deadlines and ODR.")
    p.add_argument("--store", required=True, metavar="NAME", help="store name")
    p.add_argument("--odr", choices=odr_choices, help="only chargebacks with this ODR answer")
    p.add_argument("--json", action="store_true")
