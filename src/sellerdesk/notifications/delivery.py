"""The delivery engine: events become deliveries, deliveries become messages, once each.

1. ``events_fan_out`` claims each new event by setting ``fanned_out_at`` with an update
   conditional on it being empty, and in the same transaction creates one delivery per
   (user, channel) its rules ask for (unique, so nothing doubles). A delivery waits
   (``not_before``) until the end of the user's quiet hours unless it is urgent and the
   user lets urgent alerts through.
2. ``deliveries_send_due`` takes the due deliveries channel by channel. Under a lock on
   the channel row it re-checks that the user still belongs to the store and the channel
   is on (else ``skipped``), counts the messages the channel carried in the last hour,
   and claims what it will send (``pending`` → ``sending`` with ``started_at``, a
   conditional update), committing before apprise is called. When more are due than the
   hour allows, they go as ONE summary message carried by the first of them; every one
   is marked ``summarized`` with ``summary_of`` = the carrier, none dropped. When not
   even a summary fits, they wait for the window to free.
3. A failure puts the claimed rows back to ``pending`` with a backoff, up to
   ``MAX_ATTEMPTS``, then ``failed`` with the (secret-free) reason. A row still
   ``sending`` after ``LEASE`` was left by a crash while apprise may have delivered:
   it becomes ``unconfirmed`` and is never sent again by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.notifications.channels import ChannelError, channel_send
from sellerdesk.notifications.detectors.messaging import due_soon_deadline, rule_hours
from sellerdesk.notifications.models import (
    DeliveryStatus,
    EventKind,
    NotificationChannel,
    NotificationDelivery,
    NotificationEvent,
    NotificationPreferences,
    NotificationRule,
    Severity,
)
from sellerdesk.notifications.selectors import preferences_for, user_zone
from sellerdesk.notifications.services import channel_record, channel_url
from sellerdesk.stores.models import Membership, Store

MAX_ATTEMPTS = 5
MAX_BACKOFF = timedelta(hours=1)
LEASE = timedelta(minutes=10)  # longer than any apprise call (channels.SEND_TIMEOUT)
WINDOW = timedelta(hours=1)
BATCH = 500


# --- message text ------------------------------------------------------------------------


def absolute_link(path: str) -> str:
    if not path:
        return ""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SELLERDESK_BASE_URL}/{path.lstrip('/')}"


def event_message(event: NotificationEvent) -> tuple[str, str]:
    """(title, body) of one alert: the store, what happened, and where to act."""
    title = f"[{event.store.name}] {event.title}"
    lines = [event.body.strip()] if event.body.strip() else []
    link = absolute_link(event.link)
    if link:
        lines.append(link)
    return title, "\n\n".join(lines) or event.title


def summary_message(events: list[NotificationEvent]) -> tuple[str, str]:
    """One message for several alerts (the rate limit): each one a line, with its link."""
    lines = []
    for event in events:
        link = absolute_link(event.link)
        line = f"- [{event.store.name}] {event.title}"
        lines.append(f"{line}\n  {link}" if link else line)
    return f"{len(events)} sellerdesk alerts", "\n".join(lines)


# --- quiet hours ---------------------------------------------------------------------------


def quiet_until(
    *, prefs: NotificationPreferences, user: User, store: Store | None, now: datetime
) -> datetime | None:
    """The end of the quiet hours ``now`` falls in (read in the user's zone, else the
    store's), or None outside them. A window may cross midnight (22:00 to 07:00)."""
    start, end = prefs.quiet_start, prefs.quiet_end
    if start is None or end is None or start == end:
        return None
    zone = user_zone(user=user, prefs=prefs, store=store)
    local = now.astimezone(zone)
    at = local.time().replace(tzinfo=None)
    ends_on: date
    if start < end:
        if not start <= at < end:
            return None
        ends_on = local.date()
    elif at >= start:
        ends_on = local.date() + timedelta(days=1)
    elif at < end:
        ends_on = local.date()
    else:
        return None
    # A wall time skipped by a DST change is read with the offset before the gap: an end at
    # 02:30 on Berlin's spring-forward night is 01:30 UTC, i.e. 03:30 local, past the gap.
    until = datetime.combine(ends_on, end, tzinfo=zone).astimezone(now.tzinfo)
    return until if until > now else None


# --- fan-out -------------------------------------------------------------------------------


def due_soon_not_before(*, event: NotificationEvent, params: object, now: datetime) -> datetime:
    """When a due-soon alert may go to a rule: its own hours before the deadline (else the
    store's). The detector records the event at the widest window any rule asks for, so a
    rule that wants fewer hours waits; every other kind goes now."""
    if event.kind != EventKind.CONVERSATION_DUE_SOON:
        return now
    deadline = due_soon_deadline(event.key)
    if deadline is None:
        return now
    hours = rule_hours(params) or event.store.response_due_soon_hours
    return max(now, deadline - timedelta(hours=hours))


def _fan_out_one(event_id: int, now: datetime) -> int:
    with transaction.atomic():
        won = NotificationEvent.objects.filter(pk=event_id, fanned_out_at__isnull=True).update(
            fanned_out_at=now
        )
        if not won:
            return 0
        event = NotificationEvent.objects.select_related("store").get(pk=event_id)
        members = set(
            Membership.objects.filter(store=event.store).values_list("user_id", flat=True)
        )
        rules = (
            NotificationRule.objects.filter(store=event.store, event=event.kind, enabled=True)
            # Only what the desk learned since the rule exists: a new rule is no flood of the
            # past, and an old order's feedback imported today still reaches today's rules.
            .filter(created_at__lte=event.created_at)
            .filter(user_id__in=members)
            .select_related("user")
            .order_by("pk")
        )
        rows = []
        for rule in rules:
            channels = rule.channels.filter(enabled=True, user=rule.user).order_by("pk")
            if not channels:
                continue
            prefs = preferences_for(user=rule.user)
            not_before = due_soon_not_before(event=event, params=rule.params, now=now)
            if not (event.severity == Severity.URGENT and prefs.urgent_breaks_quiet):
                not_before = (
                    quiet_until(prefs=prefs, user=rule.user, store=event.store, now=not_before)
                    or not_before
                )
            rows += [
                NotificationDelivery(
                    event=event, user=rule.user, channel=channel, not_before=not_before
                )
                for channel in channels
            ]
        before = NotificationDelivery.objects.filter(event=event).count()
        # The unique constraint keeps one per (event, user, channel) whatever happens.
        NotificationDelivery.objects.bulk_create(rows, ignore_conflicts=True)
        created = NotificationDelivery.objects.filter(event=event).count() - before
    return created


def events_fan_out(*, now: datetime | None = None) -> int:
    """Create the deliveries of every event not fanned out yet; returns how many."""
    now = now or timezone.now()
    ids = list(
        NotificationEvent.objects.filter(fanned_out_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:BATCH]
    )
    return sum(_fan_out_one(pk, now) for pk in ids)


# --- sending -------------------------------------------------------------------------------


def deliveries_recover(*, now: datetime) -> int:
    """Rows left ``sending`` by a crash: apprise may have delivered them, so never resend."""
    return NotificationDelivery.objects.filter(
        status=DeliveryStatus.SENDING, started_at__lt=now - LEASE
    ).update(
        status=DeliveryStatus.UNCONFIRMED,
        error="the worker stopped while sending: it may or may not have arrived; not resent",
    )


def _messages_in_window(channel: NotificationChannel, now: datetime) -> Q:
    """Deliveries on ``channel`` that were one message each in the hour before ``now``
    (a summary counts once: by its carrier)."""
    return Q(channel=channel, started_at__gt=now - WINDOW) & (
        Q(status__in=[DeliveryStatus.SENT, DeliveryStatus.SENDING, DeliveryStatus.UNCONFIRMED])
        & (Q(summary_of__isnull=True) | Q(summary_of=F("pk")))
        | Q(status=DeliveryStatus.SUMMARIZED, summary_of=F("pk"))
    )


@dataclass
class Claimed:
    """What one sender claimed on one channel: single messages, or one summary."""

    channel: NotificationChannel
    singles: list[NotificationDelivery]
    summary: list[NotificationDelivery]  # the first is the carrier


def _claim_row(pk: int, now: datetime, summary_of: int | None = None) -> bool:
    return (
        NotificationDelivery.objects.filter(
            pk=pk, status=DeliveryStatus.PENDING, not_before__lte=now
        ).update(status=DeliveryStatus.SENDING, started_at=now, summary_of_id=summary_of)
        == 1
    )


def _claim_channel(channel_id: int, now: datetime) -> Claimed | None:
    """Under a lock on the channel: skip what may no longer go, apply the hourly limit,
    claim what goes now. Commits before anything is sent."""
    with transaction.atomic():
        channel = (
            NotificationChannel.objects.select_for_update()
            .select_related("user")
            .get(pk=channel_id)
        )
        due = NotificationDelivery.objects.filter(
            channel=channel, status=DeliveryStatus.PENDING, not_before__lte=now
        )
        if not channel.enabled:
            due.update(status=DeliveryStatus.SKIPPED, error="the channel is turned off")
            return None
        member_of = Membership.objects.filter(user=channel.user).values("store_id")
        due.exclude(event__store_id__in=member_of).update(
            status=DeliveryStatus.SKIPPED, error="no longer a member of the store"
        )
        # A state (sync failing, ODR above target) that cleared while the alert waited for
        # quiet hours or the hourly limit is no news any more.
        due.filter(event__resolved_at__isnull=False).update(
            status=DeliveryStatus.SKIPPED, error="resolved before it was sent"
        )
        rows = list(due.select_related("event", "event__store").order_by("not_before", "pk"))
        if not rows:
            return None
        prefs = preferences_for(user=channel.user)
        window = NotificationDelivery.objects.filter(_messages_in_window(channel, now))
        free = prefs.max_per_hour - window.count()
        if free <= 0:
            # Not even a summary fits: wait until the oldest message leaves the window.
            oldest = window.aggregate(first=Min("started_at"))["first"] or now
            due.update(not_before=oldest + WINDOW)
            return None
        if len(rows) <= free:
            singles = [row for row in rows if _claim_row(row.pk, now)]
            return Claimed(channel=channel, singles=singles, summary=[])
        carrier = rows[0]
        if not _claim_row(carrier.pk, now, summary_of=carrier.pk):
            return None
        summary = [carrier] + [row for row in rows[1:] if _claim_row(row.pk, now, carrier.pk)]
        return Claimed(channel=channel, singles=[], summary=summary)


def _retry_or_fail(rows: list[NotificationDelivery], error: str, now: datetime) -> None:
    for row in rows:
        attempts = row.attempts + 1
        common = {"attempts": attempts, "error": error[:2000], "summary_of": None}
        mine = NotificationDelivery.objects.filter(pk=row.pk, status=DeliveryStatus.SENDING)
        if attempts >= MAX_ATTEMPTS:
            mine.update(status=DeliveryStatus.FAILED, **common)
        else:
            delay = min(timedelta(minutes=2**attempts), MAX_BACKOFF)  # 2, 4, 8, 16 minutes
            mine.update(
                status=DeliveryStatus.PENDING, not_before=now + delay, started_at=None, **common
            )


def _send(channel: NotificationChannel, rows: list[NotificationDelivery], title: str,
          body: str, now: datetime) -> bool:  # fmt: skip
    """Call the channel for ``rows`` (one message) and record the outcome."""
    try:
        channel_send(url=channel_url(channel), title=title, body=body)
    except (ChannelError, ValueError) as exc:  # ValueError: the key changed, see crypto
        error = str(exc) or "the channel refused the message"
        _retry_or_fail(rows, error, now)
        channel_record(channel_id=channel.pk, now=now, error=error)
        return False
    sent_at = timezone.now()
    with transaction.atomic():
        if len(rows) == 1 and rows[0].summary_of_id is None:
            NotificationDelivery.objects.filter(pk=rows[0].pk).update(
                status=DeliveryStatus.SENT, sent_at=sent_at, attempts=F("attempts") + 1, error=""
            )
        else:
            NotificationDelivery.objects.filter(pk__in=[r.pk for r in rows]).update(
                status=DeliveryStatus.SUMMARIZED,
                sent_at=sent_at,
                attempts=F("attempts") + 1,
                error="",
            )
        channel_record(channel_id=channel.pk, now=sent_at)
    return True


def deliveries_send_due(*, now: datetime | None = None) -> int:
    """Send every due delivery (see the module docstring); returns how many were delivered
    (a summary counts each alert it carried)."""
    now = now or timezone.now()
    deliveries_recover(now=now)
    channel_ids = list(
        NotificationDelivery.objects.filter(status=DeliveryStatus.PENDING, not_before__lte=now)
        .order_by("channel_id")
        .values_list("channel_id", flat=True)
        .distinct()[:BATCH]
    )
    delivered = 0
    for channel_id in channel_ids:
        claimed = _claim_channel(channel_id, now)
        if claimed is None:
            continue
        for row in claimed.singles:
            title, body = event_message(row.event)
            delivered += _send(claimed.channel, [row], title, body, now)
        if claimed.summary:
            for row in claimed.summary:
                row.summary_of_id = claimed.summary[0].pk
            title, body = summary_message([row.event for row in claimed.summary])
            if _send(claimed.channel, claimed.summary, title, body, now):
                delivered += len(claimed.summary)
    return delivered
