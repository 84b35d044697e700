"""Writes for one user's notification settings: channels, preferences, rules.

The delivery engine (fan-out, sending, the digest) lives in ``delivery.py`` and
``digest.py``. Channel URLs are encrypted here and never leave in clear: not in the
audit log, not in errors (see ``channels.py``).
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime, time
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.common.crypto import decrypt, encrypt
from sellerdesk.notifications.channels import ChannelError, channel_describe, channel_send
from sellerdesk.notifications.models import (
    RECOMMENDED_EVENTS,
    EventKind,
    NotificationChannel,
    NotificationPreferences,
    NotificationRule,
)
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import membership_for, stores_for_user

PREFERENCE_FIELDS = {
    "time_zone",
    "quiet_start",
    "quiet_end",
    "urgent_breaks_quiet",
    "max_per_hour",
    "digest_enabled",
    "digest_time",
    "digest_channel",
}


def _describe(url: str) -> tuple[str, str]:
    try:
        return channel_describe(url)
    except ChannelError as exc:
        raise ValidationError({"url": str(exc)}) from None


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "a channel needs a name"})
    if len(name) > 100:
        raise ValidationError({"name": "at most 100 characters"})
    return name


def _name_taken(*, user: User, name: str, exclude_pk: int | None = None) -> bool:
    found = NotificationChannel.objects.filter(user=user, name=name)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return found.exists()


def channel_create(*, user: User, name: str, url: str) -> NotificationChannel:
    """A new channel for ``user``: the URL checked by apprise, stored encrypted."""
    name = _clean_name(name)
    url = (url or "").strip()
    kind, hint = _describe(url)
    if _name_taken(user=user, name=name):
        raise ValidationError({"name": f"you already have a channel named {name!r}"})
    try:
        with transaction.atomic():
            channel = NotificationChannel.objects.create(
                user=user, name=name, kind=kind, url_encrypted=encrypt(url), url_hint=hint
            )
            audit_record(
                action="notification_channel.created",
                actor=user,
                target=channel,
                data={"name": name, "kind": kind},
            )
    except IntegrityError:  # the same name created at the same moment
        raise ValidationError({"name": f"you already have a channel named {name!r}"}) from None
    return channel


def channel_update(
    *,
    channel: NotificationChannel,
    name: str | None = None,
    url: str | None = None,
    enabled: bool | None = None,
) -> NotificationChannel:
    changed: list[str] = []
    if name is not None:
        name = _clean_name(name)
        if name != channel.name:
            if _name_taken(user=channel.user, name=name, exclude_pk=channel.pk):
                raise ValidationError({"name": f"you already have a channel named {name!r}"})
            channel.name = name
            changed.append("name")
    if url is not None and url.strip():
        channel.kind, channel.url_hint = _describe(url.strip())
        channel.url_encrypted = encrypt(url.strip())
        # A new address starts with a clean record.
        channel.last_error = ""
        channel.consecutive_failures = 0
        changed += ["kind", "url_hint", "url_encrypted", "last_error", "consecutive_failures"]
    if enabled is not None and enabled != channel.enabled:
        channel.enabled = enabled
        changed.append("enabled")
    if changed:
        with transaction.atomic():
            channel.save(update_fields=changed)
            audit_record(
                action="notification_channel.updated",
                actor=channel.user,
                target=channel,
                # Which fields, never the URL itself.
                data={"fields": sorted({"url" if f == "url_encrypted" else f for f in changed})},
            )
    return channel


def channel_delete(*, channel: NotificationChannel) -> None:
    with transaction.atomic():
        audit_record(
            action="notification_channel.deleted",
            actor=channel.user,
            target=channel,
            data={"name": channel.name, "kind": channel.kind},
        )
        channel.delete()


def channel_url(channel: NotificationChannel) -> str:
    """The channel's URL in clear, for sending only: never log or show it."""
    return decrypt(channel.url_encrypted)


def channel_record(*, channel_id: int, now: datetime, error: str = "") -> None:
    """Record one send's outcome on the channel (last_sent_at, the failure streak)."""
    rows = NotificationChannel.objects.filter(pk=channel_id)
    if error:
        rows.update(last_error=error[:2000], consecutive_failures=F("consecutive_failures") + 1)
    else:
        rows.update(last_sent_at=now, last_error="", consecutive_failures=0)


def channel_test(*, channel: NotificationChannel, now: datetime | None = None) -> None:
    """Send a test message now; ChannelError (recorded on the channel) if it fails."""
    now = now or timezone.now()
    try:
        channel_send(
            url=channel_url(channel),
            title="sellerdesk test notification",
            body=f"This channel ({channel.name}) receives sellerdesk notifications.",
        )
    except (ChannelError, ValueError) as exc:
        channel_record(channel_id=channel.pk, now=now, error=str(exc))
        channel.refresh_from_db()
        raise ChannelError(str(exc)) from None
    channel_record(channel_id=channel.pk, now=now)
    channel.refresh_from_db()


def _zone_name(value: Any) -> str:
    value = str(value or "").strip()
    if value:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValidationError({"time_zone": f"unknown time zone {value!r}"}) from None
    return value


def _time(field: str, value: Any) -> time | None:
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        raise ValidationError({field: f"not a time (HH:MM): {value!r}"}) from None


def preferences_update(*, user: User, **fields: Any) -> NotificationPreferences:
    """Change some of ``user``'s preferences (created with defaults on first use)."""
    unknown = set(fields) - PREFERENCE_FIELDS
    if unknown:
        raise ValidationError(f"unknown preferences: {', '.join(sorted(unknown))}")
    prefs, _ = NotificationPreferences.objects.get_or_create(user=user)
    if "time_zone" in fields:
        prefs.time_zone = _zone_name(fields["time_zone"])
    for field in ("quiet_start", "quiet_end"):
        if field in fields:
            setattr(prefs, field, _time(field, fields[field]))
    if (prefs.quiet_start is None) != (prefs.quiet_end is None):
        raise ValidationError({"quiet_end": "quiet hours need both a start and an end"})
    if "digest_time" in fields:
        digest_time = _time("digest_time", fields["digest_time"])
        if digest_time is None:
            raise ValidationError({"digest_time": "the digest needs a time of day"})
        prefs.digest_time = digest_time
    if "max_per_hour" in fields:
        try:
            max_per_hour = int(fields["max_per_hour"])
        except (TypeError, ValueError):
            raise ValidationError({"max_per_hour": "a whole number"}) from None
        if max_per_hour < 1:
            raise ValidationError({"max_per_hour": "at least 1 message an hour"})
        prefs.max_per_hour = max_per_hour
    for field in ("urgent_breaks_quiet", "digest_enabled"):
        if field in fields:
            setattr(prefs, field, bool(fields[field]))
    if "digest_channel" in fields:
        digest_channel = fields["digest_channel"]
        if digest_channel is not None and digest_channel.user_id != user.pk:
            raise PermissionDenied("that channel is not yours")
        prefs.digest_channel = digest_channel
    prefs.save()
    return prefs


def _check_channels(*, user: User, channels: list[NotificationChannel]) -> None:
    if any(channel.user_id != user.pk for channel in channels):
        raise PermissionDenied("a rule can only use your own channels")


def rule_set(
    *,
    user: User,
    store: Store,
    event: str,
    enabled: bool,
    channels: list[NotificationChannel],
    params: dict[str, Any] | None = None,
) -> NotificationRule:
    """Create or change ``user``'s rule for one event kind on one store."""
    if membership_for(user=user, store=store) is None:
        raise PermissionDenied("you are not a member of this store")
    if event not in EventKind.values:
        raise ValidationError({"event": f"unknown event {event!r}"})
    _check_channels(user=user, channels=channels)
    if params is not None and not isinstance(params, dict):
        raise ValidationError({"params": "an object of settings"})
    with transaction.atomic():
        rule, created = NotificationRule.objects.get_or_create(
            user=user,
            store=store,
            event=event,
            defaults={"enabled": enabled, "params": params or {}},
        )
        if not created:
            rule.enabled = enabled
            if params is not None:
                rule.params = params
            rule.save(update_fields=["enabled", "params"])
        rule.channels.set(channels)
        audit_record(
            action="notification_rule.set",
            actor=user,
            store=store,
            target=rule,
            data={
                "event": event,
                "enabled": enabled,
                "channels": [c.name for c in channels],
                "created": created,
            },
        )
    return rule


def rules_recommend(*, user: User, channel: NotificationChannel) -> int:
    """Turn on the recommended events on every store of ``user``, on ``channel``.

    Returns how many rules were created or changed (0 when all were already so).
    """
    _check_channels(user=user, channels=[channel])
    changed = 0
    with transaction.atomic():
        for store in stores_for_user(user=user):
            store_changed = 0
            for event in RECOMMENDED_EVENTS:
                rule, created = NotificationRule.objects.get_or_create(
                    user=user, store=store, event=event, defaults={"enabled": True}
                )
                touched = created
                if not rule.enabled:
                    rule.enabled = True
                    rule.save(update_fields=["enabled"])
                    touched = True
                if not rule.channels.filter(pk=channel.pk).exists():
                    rule.channels.add(channel)
                    touched = True
                store_changed += touched
            if store_changed:
                audit_record(
                    action="notification_rule.recommended",
                    actor=user,
                    store=store,
                    data={"channel": channel.name, "rules": store_changed},
                )
            changed += store_changed
    return changed
