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


# --- mail ----------------------------------------------------------------


def cmd_mail_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sellerdesk.mail.files import mail_import
    from sellerdesk.mail.services import files_channel

    store = _get_store(args.store)
    counts = mail_import(channel=files_channel(store=store), paths=[Path(p) for p in args.paths])
    if args.json:
        emit_json(counts.as_dict())
    else:
        print(
            f"ingested {counts.ingested}, duplicates {counts.duplicates}, "
            f"quarantined {counts.quarantined}"
        )
        for line in counts.unreadable:
            print(f"unreadable: {line}", file=sys.stderr)
    return 2 if counts.unreadable and counts.total == 0 else 0


def cmd_mail_fetch(args: argparse.Namespace) -> int:
    from sellerdesk.mail.fetching import channel_fetch_recorded
    from sellerdesk.mail.imap import FetchError
    from sellerdesk.mail.models import ChannelKind, MailChannel

    store = _get_store(args.store)
    channels = MailChannel.objects.filter(store=store, kind=ChannelKind.IMAP, is_active=True)
    if args.channel:
        channels = channels.filter(name=args.channel)
    if not channels.exists():
        raise UsageError(f"store {store.name!r} has no active IMAP channel")
    results: dict[str, object] = {}
    failed = False
    for channel in channels:
        try:
            results[channel.name] = channel_fetch_recorded(channel=channel).as_dict()
        except FetchError as exc:
            results[channel.name] = {"error": str(exc)}
            failed = True
    if args.json:
        emit_json(results)
    else:
        for name, result in results.items():
            print(f"{name}: {result}")
    return 1 if failed else 0


def cmd_mail_reprocess(args: argparse.Namespace) -> int:
    from sellerdesk.mail.models import EmailStatus, InboundEmail
    from sellerdesk.mail.services import INGESTED, email_reprocess

    emails = InboundEmail.objects.filter(channel__store=_get_store(args.store))
    if args.id:
        emails = emails.filter(pk__in=args.id)
    else:
        emails = emails.filter(status=EmailStatus.QUARANTINED)
    counts = {"reprocessed": 0, "ingested": 0, "quarantined": 0}
    for email in emails.order_by("pk").iterator():
        outcome = email_reprocess(email=email)
        counts["reprocessed"] += 1
        counts["ingested" if outcome.status == INGESTED else "quarantined"] += 1
    if args.json:
        emit_json(counts)
    else:
        print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def cmd_mail_channel_add(args: argparse.Namespace) -> int:
    from sellerdesk.mail.services import channel_create

    password = _password_from_stdin() or ""
    channel = channel_create(
        store=_get_store(args.store),
        name=args.name,
        imap_host=args.imap_host,
        imap_port=args.imap_port,
        imap_security=args.imap_security,
        imap_user=args.imap_user,
        imap_password=password,
        imap_folder=args.folder,
        smtp_host=args.smtp_host or args.imap_host,
        smtp_port=args.smtp_port,
        smtp_security=args.smtp_security,
        smtp_user=args.smtp_user or args.imap_user,
        smtp_password=password,
        from_address=args.from_address,
        first_sync_days=args.first_sync_days,
    )
    if args.json:
        emit_json({"id": channel.pk, "name": channel.name, "store": channel.store.name})
    else:
        print(f"added channel {channel.name!r} to {channel.store.name!r}")
    return 0


# --- import --------------------------------------------------------------


class _ProgressBar:
    """A one-line row counter on stderr, only when stderr is a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()

    def __call__(self, rows: int) -> None:
        if self.enabled:
            sys.stderr.write(f"\r{self.label}: {rows:,} rows")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sellerdesk.imports.base import run_import
    from sellerdesk.imports.errors import ImportRefused
    from sellerdesk.imports.registry import importer_for

    store = _get_store(args.store)
    try:
        importer = importer_for(args.kind)(store)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    bar = _ProgressBar(f"{args.kind} {Path(args.file).name}")
    try:
        result = run_import(importer, Path(args.file), progress=bar)
    except ImportRefused as exc:
        bar.done()
        raise UsageError(str(exc)) from None
    bar.done()
    if args.json:
        emit_json(result.as_dict())
    else:
        c = result.counts
        print(
            f"{args.kind}: {c.rows} rows, {c.created} created, {c.updated} updated, "
            f"{c.unchanged} unchanged ({result.encoding})"
        )
    return 0


# --- inbox ---------------------------------------------------------------


def _as_of(value: str | None) -> Any:
    """An aware datetime from ISO 8601 (a date alone means its end, in UTC)."""
    from datetime import UTC, datetime, time

    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of: not an ISO 8601 date or datetime: {value!r}") from None
    if len(value) == 10:  # a date: the inbox at the end of that day
        parsed = datetime.combine(parsed.date(), time.max)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def cmd_inbox(args: argparse.Namespace) -> int:
    from sellerdesk.messaging.inbox import inbox_rows

    rows = inbox_rows(store=_get_store(args.store), as_of=_as_of(args.as_of))
    if args.json:
        emit_json(rows)
    else:
        for row in rows:
            print(
                f"{row['id']:>6}  {row['status']:<18} {row['clock'] or '':<8} "
                f"{row['due_at'] or '':<26} {row['order_id'] or '':<19} {row['buyer']}"
            )
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

    from sellerdesk.imports.registry import IMPORTERS

    p = add("import", cmd_import, "Import an Amazon report or a desk CSV (all or nothing).")
    p.add_argument(
        "kind", choices=sorted(IMPORTERS), metavar="KIND", help=", ".join(sorted(IMPORTERS))
    )
    p.add_argument("file", metavar="FILE")
    _store_arg(p)
    p.add_argument("--json", action="store_true")

    from sellerdesk.feedback.cli import register as register_feedback

    register_feedback(add)

    p = add("inbox", cmd_inbox, "List the store's conversations with their clocks.")
    _store_arg(p)
    p.add_argument("--as-of", default=None, metavar="ISO", help="the inbox as it stood then")
    p.add_argument("--json", action="store_true")

    from sellerdesk.returns.cli import register as register_returns

    register_returns(add)

    from sellerdesk.health.cli import register as register_health

    register_health(add)

    from sellerdesk.checklist.cli import register as register_checklist

    register_checklist(add)

    from sellerdesk.notifications.cli import register as register_notifications

    register_notifications(add)

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

    mail = add("mail", None, "Mail in: import files, fetch IMAP, re-process the quarantine.")
    mail_sub = mail.add_subparsers(dest="mail_command", metavar="ACTION")
    mail_sub.required = True
    p = add(
        "import",
        cmd_mail_import,
        "Import .eml files, folders of them, Maildir folders and mbox files.",
        mail_sub,
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    _store_arg(p)
    p.add_argument("--json", action="store_true")
    p = add("fetch", cmd_mail_fetch, "Fetch new mail of the store's IMAP channels now.", mail_sub)
    _store_arg(p)
    p.add_argument("--channel", default="", help="only this channel (by name)")
    p.add_argument("--json", action="store_true")
    p = add(
        "reprocess",
        cmd_mail_reprocess,
        "Run quarantined emails (or the given ids) through the pipeline again.",
        mail_sub,
    )
    _store_arg(p)
    p.add_argument("--id", type=int, action="append", help="an email id (repeatable)")
    p.add_argument("--json", action="store_true")
    channel = add("channel", None, "Manage mail channels.", mail_sub)
    channel_sub = channel.add_subparsers(dest="channel_command", metavar="ACTION")
    channel_sub.required = True
    p = add(
        "add",
        cmd_mail_channel_add,
        "Add an IMAP/SMTP channel (password read from stdin, stored encrypted).",
        channel_sub,
    )
    _store_arg(p)
    p.add_argument("--name", required=True)
    p.add_argument("--imap-host", required=True)
    p.add_argument("--imap-port", type=int, default=993)
    p.add_argument("--imap-security", choices=["ssl", "starttls", "none"], default="ssl")
    p.add_argument("--imap-user", required=True)
    p.add_argument("--folder", default="INBOX")
    p.add_argument("--smtp-host", default="")
    p.add_argument("--smtp-port", type=int, default=587)
    p.add_argument("--smtp-security", choices=["ssl", "starttls", "none"], default="starttls")
    p.add_argument("--smtp-user", default="")
    p.add_argument("--from-address", required=True, help="your address authorized at Amazon")
    p.add_argument("--first-sync-days", type=int, default=30)
    p.add_argument("--json", action="store_true")

    token = add("token", None, "Manage REST API tokens.")
    token_sub = token.add_subparsers(dest="token_command", metavar="ACTION")
    token_sub.required = True
    p = add("create", cmd_token_create, "Create an API token for a user.", token_sub)
    p.add_argument("email")
    p.add_argument("--name", default="cli")
    p.add_argument("--json", action="store_true")

    from sellerdesk.spapi.cli import register as register_spapi

    register_spapi(add)

    from sellerdesk.cli.cases import register as register_cases

    register_cases(add)
