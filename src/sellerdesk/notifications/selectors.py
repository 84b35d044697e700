"""Reads for one user's notifications: preferences, channels, rules, the delivery log."""

from __future__ import annotations

import zoneinfo

from django.db.models import QuerySet

from sellerdesk.accounts.models import User
from sellerdesk.notifications.models import (
    DigestLog,
    NotificationChannel,
    NotificationDelivery,
    NotificationPreferences,
    NotificationRule,
)
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import stores_for_user


def preferences_for(*, user: User) -> NotificationPreferences:
    """The user's preferences, or unsaved defaults when they have none yet."""
    found = NotificationPreferences.objects.filter(user=user).first()
    return found if found is not None else NotificationPreferences(user=user)


def channels_for(*, user: User) -> QuerySet[NotificationChannel]:
    return NotificationChannel.objects.filter(user=user).order_by("name", "pk")


def rules_for(*, user: User) -> QuerySet[NotificationRule]:
    """The user's rules on the stores they still belong to."""
    return (
        NotificationRule.objects.filter(user=user, store__in=stores_for_user(user=user))
        .select_related("store")
        .prefetch_related("channels")
        .order_by("store__name", "event")
    )


def deliveries_for(
    *,
    user: User,
    limit: int | None = 100,
    status: str | None = None,
    store_id: int | None = None,
) -> list[NotificationDelivery]:
    """The user's notification log, newest first (``limit=None``: all of it), optionally
    only one status or one store's. Always only the user's own rows."""
    rows = NotificationDelivery.objects.filter(user=user)
    if status:
        rows = rows.filter(status=status)
    if store_id is not None:
        rows = rows.filter(event__store_id=store_id)
    rows = rows.select_related("event", "event__store", "channel", "summary_of").order_by(
        "-created_at", "-pk"
    )
    return list(rows if limit is None else rows[:limit])


def log_stores(*, user: User) -> list[tuple[int, str]]:
    """The stores the user's log mentions (a store they left still has its past alerts)."""
    return list(
        NotificationDelivery.objects.filter(user=user)
        .values_list("event__store_id", "event__store__name")
        .distinct()
        .order_by("event__store__name")
    )


def digests_for(*, user: User, limit: int = 60) -> list[DigestLog]:
    return list(DigestLog.objects.filter(user=user).order_by("-day", "-pk")[:limit])


def user_zone(
    *, user: User, prefs: NotificationPreferences, store: Store | None = None
) -> zoneinfo.ZoneInfo:
    """The zone a user's quiet hours and digest are read in: their own, else the store's
    (``store``, or the first of theirs by name), else UTC."""
    if prefs.time_zone:
        try:
            return zoneinfo.ZoneInfo(prefs.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass  # validated on saving; a zone removed from the system falls back
    if store is None:
        store = stores_for_user(user=user).first()
    return store.tz if store is not None else zoneinfo.ZoneInfo("UTC")
