"""``sellerdesk notify``: run a notifications pass, read the log, test a channel.

- ``notify run [--json]``: one pass (detect, fan out, send, digest); prints the counts
  ``{"events", "deliveries", "sent", "digests"}``.
- ``notify log [--user EMAIL] [--limit N] [--json]``: deliveries, newest first, each
  ``{"id", "user", "store", "event", "title", "channel", "status", "not_before",
  "sent_at", "attempts", "summary_of", "error"}`` (datetimes ISO 8601). Never a URL.
- ``notify test --user EMAIL --channel NAME``: send a test message now.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from sellerdesk.cli.main import UsageError, emit_json

Add = Callable[..., argparse.ArgumentParser]


def _user(email: str) -> Any:
    from sellerdesk.accounts.models import User

    try:
        return User.objects.get(email=email.strip().lower())
    except User.DoesNotExist:
        raise UsageError(f"no user {email!r}") from None


def cmd_notify_run(args: argparse.Namespace) -> int:
    from sellerdesk.notifications.tasks import notifications_pass

    counts = notifications_pass()
    if args.json:
        emit_json(counts)
    else:
        print(", ".join(f"{key} {value}" for key, value in counts.items()))
    return 0


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def cmd_notify_log(args: argparse.Namespace) -> int:
    from sellerdesk.notifications.models import NotificationDelivery

    rows = NotificationDelivery.objects.select_related("event__store", "channel", "user")
    if args.user:
        rows = rows.filter(user=_user(args.user))
    data = [
        {
            "id": d.pk,
            "user": d.user.email,
            "store": d.event.store.name,
            "event": d.event.kind,
            "title": d.event.title,
            "channel": d.channel.name,
            "status": d.status,
            "not_before": _iso(d.not_before),
            "sent_at": _iso(d.sent_at),
            "attempts": d.attempts,
            "summary_of": d.summary_of_id,
            "error": d.error,
        }
        for d in rows.order_by("-created_at", "-pk")[: args.limit]
    ]
    if args.json:
        emit_json(data)
    else:
        for d in data:
            when = d["sent_at"] or d["not_before"]
            print(
                f"{d['id']}\t{d['status']}\t{when}\t{d['user']}\t{d['channel']}\t"
                f"[{d['store']}] {d['title']}" + (f"\t{d['error']}" if d["error"] else "")
            )
    return 0


def cmd_notify_test(args: argparse.Namespace) -> int:
    from sellerdesk.notifications.channels import ChannelError
    from sellerdesk.notifications.models import NotificationChannel
    from sellerdesk.notifications.services import channel_test

    user = _user(args.user)
    channel = NotificationChannel.objects.filter(user=user, name=args.channel).first()
    if channel is None:
        raise UsageError(f"{user.email} has no channel named {args.channel!r}")
    try:
        channel_test(channel=channel)
    except ChannelError as exc:
        print(f"failed: {exc}")
        return 1
    print(f"sent a test message to {channel.name} ({channel.url_hint})")
    return 0


def register(add: Add) -> None:
    notify = add("notify", None, "Notifications: run a pass, read the log, test a channel.")
    sub = notify.add_subparsers(dest="notify_command", metavar="ACTION")
    sub.required = True
    p = add(
        "run",
        cmd_notify_run,
        "One pass: detect events, fan out, send what is due, send due digests.",
        sub,
    )
    p.add_argument("--json", action="store_true")
    p = add("log", cmd_notify_log, "The notification log, newest first.", sub)
    p.add_argument("--user", default=None, metavar="EMAIL")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    p = add("test", cmd_notify_test, "Send a test message to one of a user's channels.", sub)
    p.add_argument("--user", required=True, metavar="EMAIL")
    p.add_argument("--channel", required=True, metavar="NAME")
