"""The daily digest: once a day per user, the checklist of each store and the open urgent
alerts, to the user's digest channel or, without one, by email to their own address.

Once: a ``DigestLog`` row per (user, local day) is created (unique) with ``started_at``
before anything is sent; a second run finds it and sends nothing. A row still
``sending`` after the lease was left by a crash: ``unconfirmed``, never resent.
Only users who saved notification preferences get a digest (``digest_enabled`` is on
by default there): a desk does not start mailing everyone on its own.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.checklist.models import ChecklistKind
from sellerdesk.checklist.services import checklist_for_day
from sellerdesk.notifications.channels import ChannelError, channel_send, scrub
from sellerdesk.notifications.delivery import LEASE, absolute_link
from sellerdesk.notifications.models import (
    DeliveryStatus,
    DigestLog,
    NotificationEvent,
    NotificationPreferences,
    Severity,
)
from sellerdesk.notifications.selectors import user_zone
from sellerdesk.notifications.services import channel_record, channel_url
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import stores_for_user

URGENT_DAYS = 7  # open urgent alerts of the last week


def _task_line(task: dict[str, object]) -> str:
    label = ChecklistKind(str(task["task"])).label
    head = f"[{'x' if task['done'] else ' '}] {label} ({task['cadence']}, due {task['due']})"
    if task["done"]:
        return f"{head}: done"
    parts = [f"{task['outstanding']} outstanding"]
    if task["overdue_count"]:
        parts.append(f"{task['overdue_count']} overdue")
    if task["overdue"]:
        parts.append("the task itself is overdue")
    if task["missed_periods"]:
        parts.append(f"{task['missed_periods']} earlier period(s) left undone")
    return f"{head}: {', '.join(parts)}"


def _store_section(store: Store, now: datetime) -> list[str]:
    tasks = checklist_for_day(store=store, now=now)
    lines = [f"{store.name} — today {now.astimezone(store.tz).date().isoformat()}"]
    lines.append("Checklist:")
    lines += [f"  {_task_line(task)}" for task in tasks] or ["  (nothing planned)"]
    urgent = NotificationEvent.objects.filter(
        store=store,
        severity=Severity.URGENT,
        resolved_at__isnull=True,
        occurred_at__gt=now - timedelta(days=URGENT_DAYS),
        occurred_at__lte=now,
    ).order_by("occurred_at", "pk")
    if urgent:
        lines.append("Open urgent alerts:")
        for event in urgent:
            link = absolute_link(event.link)
            lines.append(f"  - {event.title}" + (f" {link}" if link else ""))
    else:
        lines.append("Open urgent alerts: none")
    return lines


def digest_body(*, user: User, now: datetime) -> str:
    """The digest's text: per store the user belongs to, today's checklist and alerts."""
    sections = ["\n".join(_store_section(store, now)) for store in stores_for_user(user=user)]
    return "\n\n".join(sections)


def digest_title(day: date) -> str:
    return f"sellerdesk daily digest for {day.isoformat()}"


def _deliver(prefs: NotificationPreferences, user: User, title: str, body: str) -> None:
    channel = prefs.digest_channel
    if channel is not None and channel.enabled:
        channel_send(url=channel_url(channel), title=title, body=body)
        return
    if not user.email:
        raise ChannelError("the user has no email address and no digest channel")
    EmailMessage(subject=title, body=body, to=[user.email]).send()


def digests_recover(*, now: datetime) -> int:
    return DigestLog.objects.filter(
        status=DeliveryStatus.SENDING, started_at__lt=now - LEASE
    ).update(
        status=DeliveryStatus.UNCONFIRMED,
        error="the worker stopped while sending: it may or may not have arrived; not resent",
    )


def digest_day(*, prefs: NotificationPreferences, now: datetime) -> date | None:
    """The user's local day whose digest is due at ``now`` (its time has passed), or None."""
    local = now.astimezone(user_zone(user=prefs.user, prefs=prefs))
    if local.time() < prefs.digest_time:
        return None
    return local.date()


def digests_send_due(*, now: datetime | None = None) -> int:
    """Send each due digest once; returns how many were sent."""
    now = now or timezone.now()
    digests_recover(now=now)
    sent = 0
    prefs_rows = (
        NotificationPreferences.objects.filter(digest_enabled=True, user__is_active=True)
        .filter(user__memberships__isnull=False)
        .distinct()
        .select_related("user", "digest_channel")
        .order_by("pk")
    )
    for prefs in prefs_rows:
        day = digest_day(prefs=prefs, now=now)
        if day is None or DigestLog.objects.filter(user=prefs.user, day=day).exists():
            continue
        try:
            with transaction.atomic():
                log = DigestLog.objects.create(
                    user=prefs.user, day=day, status=DeliveryStatus.SENDING, started_at=now
                )
        except IntegrityError:  # another worker took this day
            continue
        title = digest_title(day)
        try:
            body = digest_body(user=prefs.user, now=now)
            DigestLog.objects.filter(pk=log.pk).update(body=body)
            _deliver(prefs, prefs.user, title, body)
        except (ChannelError, OSError, ValueError) as exc:
            error = str(exc) or type(exc).__name__
            channel = prefs.digest_channel
            if channel is not None and channel.enabled:
                error = scrub(error, channel_url(channel), channel.url_hint)
                channel_record(channel_id=channel.pk, now=now, error=error)
            DigestLog.objects.filter(pk=log.pk).update(
                status=DeliveryStatus.FAILED, error=f"{type(exc).__name__}: {error}"[:2000]
            )
            continue
        DigestLog.objects.filter(pk=log.pk).update(
            status=DeliveryStatus.SENT, sent_at=timezone.now()
        )
        if prefs.digest_channel is not None and prefs.digest_channel.enabled:
            channel_record(channel_id=prefs.digest_channel.pk, now=now)
        sent += 1
    return sent
