"""``sellerdesk spapi …`` and ``sellerdesk reviews request``: thin, like every command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from sellerdesk.cli.main import UsageError, emit_json

Add = Callable[..., argparse.ArgumentParser]


def _store(name: str) -> Any:
    from sellerdesk.stores.models import Store

    try:
        return Store.objects.get(name=name)
    except Store.DoesNotExist:
        raise UsageError(f"no store named {name!r}") from None


def _secrets_from_stdin() -> tuple[str, str]:
    """The LWA client secret and the refresh token: two lines on stdin (never arguments,
    which other users of the machine can read in the process list)."""
    try:
        if sys.stdin is None or sys.stdin.isatty():
            lines: list[str] = []
        else:
            lines = [sys.stdin.readline().strip(), sys.stdin.readline().strip()]
    except (OSError, ValueError):
        lines = []
    if len(lines) < 2 or not all(lines):
        raise UsageError(
            "give the client secret and the refresh token on stdin, one per line "
            '(e.g. printf \'%s\\n%s\\n\' "$SECRET" "$REFRESH_TOKEN" | sellerdesk spapi connect …)'
        )
    return lines[0], lines[1]


def cmd_spapi_connect(args: argparse.Namespace) -> int:
    from sellerdesk.spapi.services import connection_connect

    store = _store(args.store)
    secret, refresh_token = _secrets_from_stdin()
    connection = connection_connect(
        store=store,
        client_id=args.client_id,
        client_secret=secret,
        refresh_token=refresh_token,
        region=args.region or "",
        marketplace_id=args.marketplace_id or "",
        selling_partner_id=args.selling_partner_id or "",
        endpoint=args.endpoint or "",
        token_url=args.token_url or "",
    )
    data = {
        "store": store.name,
        "client_id": connection.client_id,
        "region": connection.region,
        "marketplace_id": connection.marketplace_id,
        "endpoint": connection.endpoint or "(Amazon's)",
    }
    if args.json:
        emit_json(data)
    else:
        print(f"connected {store.name!r} ({connection.region}, {connection.marketplace_id})")
    return 0


def cmd_spapi_sync(args: argparse.Namespace) -> int:
    from sellerdesk.spapi.selectors import connection_for_store
    from sellerdesk.spapi.sync import connection_sync

    store = _store(args.store)
    connection = connection_for_store(store=store)
    if connection is None:
        raise UsageError(f"{store.name!r} is not connected: run 'sellerdesk spapi connect' first")
    result = connection_sync(connection=connection, poll_budget=args.wait)
    if args.json:
        emit_json(result.as_dict())
    else:
        if result.skipped:
            print(f"skipped: {result.skipped}")
        for r in result.requests:
            window = (
                f"{r.window_start:%Y-%m-%d %H:%M} to {r.window_end:%Y-%m-%d %H:%M}"
                if r.window_start and r.window_end
                else ""
            )
            line = f"{r.kind:<12} {r.status:<14} {r.report_id or '-':<14} {window}"
            if r.result.get("rows") is not None:
                line += f"  rows {r.result['rows']}, created {r.result.get('created', 0)}"
            if r.detail:
                line += f"  ({r.detail})"
            print(line)
        for error in result.errors:
            print(f"error: {error}", file=sys.stderr)
        if result.error:
            print(f"error: {result.error}", file=sys.stderr)
    return 0 if result.ok or result.skipped else 1


def cmd_reviews_request(args: argparse.Namespace) -> int:
    from sellerdesk.spapi.client import SpApiAuthError
    from sellerdesk.spapi.reviews import ReviewRequestsUnavailable, review_requests_run

    store = _store(args.store)
    try:
        result = review_requests_run(store=store, dry_run=args.dry_run)
    except ReviewRequestsUnavailable as exc:
        raise UsageError(str(exc)) from None
    except SpApiAuthError as exc:
        print(f"sellerdesk: error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        emit_json(result.as_dict())
    else:
        verb = "would" if args.dry_run else "did"
        for d in result.decisions:
            detail = f" ({d.detail})" if d.detail else ""
            print(f"{d.order.amazon_order_id}  {d.outcome:<13} {d.label}{detail}")
        counts = ", ".join(f"{n} {k}" for k, n in sorted(result.counts().items())) or "nothing"
        print(f"{store.name}: {verb}: {counts}")
        if args.dry_run and not result.checked_amazon:
            print("(not connected: Amazon's offer was not checked)")
    return 0


def register(add: Add) -> None:
    """Add the connector's commands; ``add`` is ``cli.commands.register``'s helper."""
    spapi = add("spapi", None, "Amazon's Selling Partner API: connect a store, sync reports.")
    spapi_sub = spapi.add_subparsers(dest="spapi_command", metavar="ACTION")
    spapi_sub.required = True
    p = add(
        "connect",
        cmd_spapi_connect,
        "Store a store's SP-API credentials (client secret and refresh token: two lines "
        "on stdin; stored encrypted).",
        spapi_sub,
    )
    p.add_argument("--store", required=True, metavar="NAME")
    p.add_argument("--client-id", required=True, metavar="ID", help="the LWA client id")
    p.add_argument("--region", choices=["na", "eu", "fe"], help="default: the marketplace's")
    p.add_argument("--marketplace-id", help="default: the store's marketplace")
    p.add_argument("--selling-partner-id", help="the seller's merchant token")
    p.add_argument("--endpoint", help="another SP-API endpoint (the sandbox)")
    p.add_argument("--token-url", help="another LWA token URL")
    p.add_argument("--json", action="store_true")
    p = add(
        "sync", cmd_spapi_sync, "Request, download and import the store's reports now.", spapi_sub
    )
    p.add_argument("--store", required=True, metavar="NAME")
    p.add_argument(
        "--wait", type=float, default=300.0, metavar="SECONDS",
        help="how long to wait for Amazon to prepare reports (the next sync goes on)",
    )  # fmt: skip
    p.add_argument("--json", action="store_true")

    reviews = add("reviews", None, "Review requests (Amazon's Solicitations API).")
    reviews_sub = reviews.add_subparsers(dest="reviews_command", metavar="ACTION")
    reviews_sub.required = True
    p = add(
        "request",
        cmd_reviews_request,
        "Ask Amazon to request a review for every eligible order (once per order).",
        reviews_sub,
    )
    p.add_argument("--store", required=True, metavar="NAME")
    p.add_argument("--dry-run", action="store_true", help="decide and show, send nothing")
    p.add_argument("--json", action="store_true")
