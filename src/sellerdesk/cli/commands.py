"""Sub-commands of ``sellerdesk``. Thin: parse, call a service or selector, print."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sellerdesk.cli.main import UsageError, emit_json


def _store_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", required=True, metavar="NAME", help="store name")


def _get_store(name: str) -> Any:
    from sellerdesk.stores.models import Store

    try:
        return Store.objects.get(name=name)
    except Store.DoesNotExist:
        raise UsageError(f"no store named {name!r}") from None


# --- store ---------------------------------------------------------------


def cmd_store_add(args: argparse.Namespace) -> int:
    from sellerdesk.stores.selectors import store_as_dict
    from sellerdesk.stores.services import store_create

    store = store_create(name=args.name, marketplace=args.marketplace, timezone=args.timezone)
    if args.json:
        emit_json(store_as_dict(store=store))
    else:
        print(f"created store {store.name!r} ({store.marketplace}, {store.timezone})")
    return 0


def cmd_store_list(args: argparse.Namespace) -> int:
    from sellerdesk.stores.models import Store
    from sellerdesk.stores.selectors import store_as_dict

    stores = [store_as_dict(store=s) for s in Store.objects.order_by("name")]
    if args.json:
        emit_json(stores)
    else:
        for s in stores:
            print(f"{s['name']}\t{s['marketplace']}\t{s['timezone']}")
    return 0


def cmd_store_show(args: argparse.Namespace) -> int:
    from sellerdesk.stores.selectors import store_as_dict

    data = store_as_dict(store=_get_store(args.name), counts=True)
    if args.json:
        emit_json(data)
    else:
        for key, value in data.items():
            if isinstance(value, dict):
                for k, v in value.items():
                    print(f"{k}: {v}")
            else:
                print(f"{key}: {value}")
    return 0


# --- user ----------------------------------------------------------------


def _password_from_stdin() -> str | None:
    """A password piped on stdin (first line), or None for a terminal or no input."""
    try:
        if sys.stdin is None or sys.stdin.isatty():
            return None
        line = sys.stdin.readline()
    except (OSError, ValueError):  # stdin closed or captured
        return None
    return line.rstrip("\r\n") or None


def cmd_user_add(args: argparse.Namespace) -> int:
    from django.db import transaction

    from sellerdesk.accounts.models import User
    from sellerdesk.stores.services import membership_set, user_create

    store = _get_store(args.store)
    password = _password_from_stdin()
    with transaction.atomic():
        existing = User.objects.filter(email=args.email.strip().lower()).first()
        generated = None
        if existing is None:
            user, generated = user_create(email=args.email, password=password)
        else:
            user = existing
        membership_set(user=user, store=store, role=args.role)
    if args.json:
        emit_json(
            {
                "email": user.email,
                "store": store.name,
                "role": args.role,
                "created": existing is None,
                "password": generated,
            }
        )
    else:
        verb = "added" if existing is None else "updated"
        print(f"{verb} {user.email} to {store.name!r} as {args.role}")
        if generated:
            print(f"password (shown once): {generated}")
    return 0


# --- token ---------------------------------------------------------------


def cmd_token_create(args: argparse.Namespace) -> int:
    from sellerdesk.accounts.models import User
    from sellerdesk.accounts.services import token_create

    try:
        user = User.objects.get(email=args.email.strip().lower())
    except User.DoesNotExist:
        raise UsageError(f"no user {args.email!r}") from None
    token, raw = token_create(user=user, name=args.name)
    if args.json:
        emit_json({"name": token.name, "prefix": token.prefix, "token": raw})
    else:
        print(f"token (shown once, keep it safe): {raw}")
    return 0


# --- lint ----------------------------------------------------------------


def cmd_lint(args: argparse.Namespace) -> int:
    from sellerdesk.compliance import CheckContext, check, has_errors

    if args.file in (None, "-"):
        text = sys.stdin.read()
    else:
        try:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror}") from None
        except UnicodeDecodeError as exc:
            raise UsageError(f"{args.file} is not UTF-8 text (byte {exc.start})") from None
    context = CheckContext(
        kind=args.kind,
        subject=args.subject,
        order_id=args.order_id,
        critical_for_opted_out=args.critical,
        max_chars=args.max_chars,
    )
    findings = check(text, context=context)
    ok = not has_errors(findings)
    if args.json:
        emit_json({"ok": ok, "findings": [f.as_dict() for f in findings]})
    else:
        for f in findings:
            print(f"{f.start}-{f.end}: {f.severity}: {f.rule}: {f.message}")
        print("ok" if ok else "not ok: errors block sending")
    return 0 if ok else 1


# --- processes -------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    from sellerdesk.jobs.runner import serve

    serve(host=args.host, port=args.port, workers=args.workers, scheduler=not args.no_scheduler)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from sellerdesk.jobs.runner import run_workers

    run_workers(count=args.threads, with_scheduler=args.scheduler)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from sellerdesk.demo.services import demo_install
    from sellerdesk.jobs.runner import serve

    result = demo_install()
    print(f"Demo Store ready: {result.summary}")
    print(f"Log in at http://{args.host}:{args.port}/ as {result.email} / {result.password}")
    if args.no_serve:
        return 0
    serve(host=args.host, port=args.port, workers=1, scheduler=True)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    # ensure_database() has already run by the time we get here.
    print("database is up to date")
    return 0


def register(sub: Any) -> None:
    def add(name: str, handler: Any, help_text: str, parent: Any = sub) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = parent.add_parser(
            name, help=help_text, description=help_text
        )
        parser.set_defaults(handler=handler)
        return parser

    p = add("demo", cmd_demo, "Build the Demo Store and serve the desk.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-serve", action="store_true", help="only build the demo data")

    p = add("serve", cmd_serve, "Run the web server, a worker and the scheduler in one process.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1, help="worker threads (default 1)")
    p.add_argument("--no-scheduler", action="store_true", help="run no scheduler thread")

    p = add("worker", cmd_worker, "Run background workers only (for the scaled set-up).")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--scheduler", action="store_true", help="also run a scheduler thread")

    add("migrate", cmd_migrate, "Create or upgrade the database.")

    p = add("lint", cmd_lint, "Check a text against Amazon's communication guidelines.")
    p.add_argument("file", nargs="?", metavar="FILE|-", help="text file, or - for stdin")
    p.add_argument("--kind", choices=["reply", "proactive", "public"], default="reply")
    p.add_argument("--subject", default="")
    p.add_argument("--order-id", default="", help="warn when the text does not name it")
    p.add_argument("--critical", action="store_true", help="critical message to an opted-out buyer")
    p.add_argument("--max-chars", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(needs_db=False)

    store = add("store", None, "Manage stores.")
    store_sub = store.add_subparsers(dest="store_command", metavar="ACTION")
    store_sub.required = True
    p = add("add", cmd_store_add, "Add a store.", store_sub)
    p.add_argument("name")
    p.add_argument("--marketplace", required=True, metavar="CODE", help="US, CA, UK, DE, JP, …")
    p.add_argument("--timezone", default="", metavar="TZ", help="default: the marketplace's")
    p.add_argument("--json", action="store_true")
    p = add("list", cmd_store_list, "List stores.", store_sub)
    p.add_argument("--json", action="store_true")
    p = add("show", cmd_store_show, "Show a store and its record counts.", store_sub)
    p.add_argument("name")
    p.add_argument("--json", action="store_true")

    user = add("user", None, "Manage users.")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION")
    user_sub.required = True
    p = add(
        "add",
        cmd_user_add,
        "Add a user to a store (password read from stdin, else generated and printed once).",
        user_sub,
    )
    p.add_argument("email")
    _store_arg(p)
    p.add_argument("--role", required=True, choices=["owner", "agent", "viewer"])
    p.add_argument("--json", action="store_true")

    token = add("token", None, "Manage REST API tokens.")
    token_sub = token.add_subparsers(dest="token_command", metavar="ACTION")
    token_sub.required = True
    p = add("create", cmd_token_create, "Create an API token for a user.", token_sub)
    p.add_argument("email")
    p.add_argument("--name", default="cli")
    p.add_argument("--json", action="store_true")
