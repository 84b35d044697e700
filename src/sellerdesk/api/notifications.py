"""/notifications: the caller's own channels, rules, preferences and delivery log.

Notifications belong to a user, not a store: every member (owner, agent or viewer)
manages their own, and another user's channel, or a store the caller is not a
member of, is a 404. A channel's apprise URL goes in (it holds credentials) and
never comes out: answers carry its redacted ``hint`` only, and a validation error
never echoes the value sent (``api.writes.parsed_body``).
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from datetime import datetime, time
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError, ValidationError

from sellerdesk.accounts.models import User
from sellerdesk.api.auth import request_user
from sellerdesk.api.writes import body_docs, parsed_body
from sellerdesk.notifications.channels import ChannelError
from sellerdesk.notifications.detectors.messaging import MAX_HOURS, rule_hours
from sellerdesk.notifications.models import (
    DeliveryStatus,
    EventKind,
    NotificationChannel,
    NotificationDelivery,
    NotificationPreferences,
    NotificationRule,
)
from sellerdesk.notifications.selectors import (
    channels_for,
    deliveries_for,
    preferences_for,
    rules_for,
)
from sellerdesk.notifications.services import (
    channel_create,
    channel_delete,
    channel_test,
    channel_update,
    preferences_update,
    rule_set,
)
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import store_for_user

router = Router(tags=["notifications"])

MAX_LOG = 1000


# --- schemas --------------------------------------------------------------------


class ChannelOut(Schema):
    id: int
    name: str
    kind: str = Field(description="email, slack, discord, telegram, teams, webhook, other")
    hint: str = Field(description="the URL with its secrets masked; the URL itself is never sent")
    enabled: bool
    last_sent_at: datetime | None
    last_error: str
    consecutive_failures: int
    created_at: datetime

    @staticmethod
    def resolve_hint(obj: NotificationChannel) -> str:
        return obj.url_hint


class ChannelIn(Schema):
    name: str = Field(max_length=100)
    url: str = Field(max_length=2000, description="an apprise URL, e.g. json://host/path")


class ChannelPatch(Schema):
    name: str | None = Field(None, max_length=100)
    url: str | None = Field(None, max_length=2000, description="replaces the stored URL")
    enabled: bool | None = None


class ChannelTestOut(Schema):
    ok: bool
    error: str = Field(description="why the channel refused; never contains the URL")
    channel: ChannelOut


class RuleOut(Schema):
    store: int
    event: EventKind
    enabled: bool
    channels: list[int]
    params: dict[str, Any]

    @staticmethod
    def resolve_store(obj: NotificationRule) -> int:
        return obj.store_id

    @staticmethod
    def resolve_channels(obj: NotificationRule) -> list[int]:
        return sorted(c.pk for c in obj.channels.all())


class RuleIn(Schema):
    store: int
    event: EventKind
    enabled: bool
    channels: list[int] = Field(default_factory=list, description="ids of your channels")
    params: dict[str, Any] | None = Field(None, description='e.g. {"hours": 4} for due soon')


class PreferencesOut(Schema):
    time_zone: str = Field(description="empty: each event's store's zone")
    quiet_start: time | None
    quiet_end: time | None
    urgent_breaks_quiet: bool
    max_per_hour: int
    digest_enabled: bool
    digest_time: time
    digest_channel: int | None = Field(description="empty: an email to your own address")

    @staticmethod
    def resolve_digest_channel(obj: NotificationPreferences) -> int | None:
        return obj.digest_channel_id


class PreferencesPatch(Schema):
    time_zone: str | None = Field(None, max_length=64)
    quiet_start: time | None = None
    quiet_end: time | None = None
    urgent_breaks_quiet: bool | None = None
    max_per_hour: int | None = Field(None, ge=1, le=1000)
    digest_enabled: bool | None = None
    digest_time: time | None = None
    digest_channel: int | None = None


class DeliveryOut(Schema):
    id: int
    event: str = Field(description="the event's title")
    event_kind: EventKind
    severity: str
    store: int
    store_name: str
    channel: int
    channel_name: str
    status: DeliveryStatus
    attempts: int
    not_before: datetime
    sent_at: datetime | None
    error: str
    created_at: datetime

    @staticmethod
    def resolve_event(obj: NotificationDelivery) -> str:
        return obj.event.title

    @staticmethod
    def resolve_event_kind(obj: NotificationDelivery) -> str:
        return obj.event.kind

    @staticmethod
    def resolve_severity(obj: NotificationDelivery) -> str:
        return obj.event.severity

    @staticmethod
    def resolve_store(obj: NotificationDelivery) -> int:
        return obj.event.store_id

    @staticmethod
    def resolve_store_name(obj: NotificationDelivery) -> str:
        return obj.event.store.name

    @staticmethod
    def resolve_channel(obj: NotificationDelivery) -> int:
        return obj.channel_id

    @staticmethod
    def resolve_channel_name(obj: NotificationDelivery) -> str:
        return obj.channel.name


# --- helpers --------------------------------------------------------------------


def _channel(user: User, id: int) -> NotificationChannel:
    return get_object_or_404(channels_for(user=user), pk=id)


def _store(user: User, id: int) -> Store:
    try:
        return store_for_user(user=user, store_id=id)
    except Store.DoesNotExist:
        raise Http404("no such store") from None


def _own_channels(user: User, ids: list[int]) -> list[NotificationChannel]:
    """The user's channels with these ids; any other id (another user's) is a 404."""
    wanted = set(ids)
    found = list(channels_for(user=user).filter(pk__in=wanted))
    if len(found) != len(wanted):
        raise Http404("no such channel")
    return found


def _invalid(exc: DjangoValidationError) -> ValidationError:
    """A service's refusal in ninja's 422 shape (``{"detail": [{"loc", "msg", "type"}]}``)."""
    if hasattr(exc, "error_dict"):
        items = [
            (field, message) for field, messages in exc.message_dict.items() for message in messages
        ]
    else:
        items = [("__all__", message) for message in exc.messages]
    return ValidationError(
        [
            {"loc": ["body", "payload", field], "msg": message, "type": "value_error"}
            for field, message in items
        ]
    )


# --- channels -------------------------------------------------------------------


@router.get("/notifications/channels", response=list[ChannelOut])
def channel_list(request: HttpRequest) -> list[NotificationChannel]:
    return list(channels_for(user=request_user(request)))


@router.post(
    "/notifications/channels",
    response={201: ChannelOut},
    openapi_extra=body_docs(ChannelIn),
)
def channel_add(request: HttpRequest) -> Status[Any]:
    """Add a channel; the URL is checked by apprise, stored encrypted, and not returned."""
    user = request_user(request)
    payload = parsed_body(request, ChannelIn)
    try:
        channel = channel_create(user=user, name=payload.name, url=payload.url)
    except DjangoValidationError as exc:
        raise _invalid(exc) from None
    return Status(201, channel)


@router.get("/notifications/channels/{id}", response=ChannelOut)
def channel_detail(request: HttpRequest, id: int) -> NotificationChannel:
    return _channel(request_user(request), id)


@router.patch(
    "/notifications/channels/{id}", response=ChannelOut, openapi_extra=body_docs(ChannelPatch)
)
def channel_change(request: HttpRequest, id: int) -> NotificationChannel:
    """Rename, enable or disable, or replace the URL (fields left out stay)."""
    channel = _channel(request_user(request), id)
    payload = parsed_body(request, ChannelPatch)
    try:
        return channel_update(
            channel=channel, name=payload.name, url=payload.url, enabled=payload.enabled
        )
    except DjangoValidationError as exc:
        raise _invalid(exc) from None


@router.delete("/notifications/channels/{id}", response={204: None})
def channel_remove(request: HttpRequest, id: int) -> Status[None]:
    channel_delete(channel=_channel(request_user(request), id))
    return Status(204, None)


@router.post("/notifications/channels/{id}/test", response=ChannelTestOut)
def channel_send_test(request: HttpRequest, id: int) -> dict[str, Any]:
    """Send a test message now. ``ok`` false with ``error`` when the channel refused it."""
    channel = _channel(request_user(request), id)
    try:
        channel_test(channel=channel)
    except ChannelError as exc:
        return {"ok": False, "error": str(exc), "channel": channel}
    return {"ok": True, "error": "", "channel": channel}


# --- rules ----------------------------------------------------------------------


@router.get("/notifications/rules", response=list[RuleOut])
def rule_list(request: HttpRequest, store: int | None = None) -> list[NotificationRule]:
    """Your rules in the stores you belong to (or in one of them)."""
    user = request_user(request)
    rules = rules_for(user=user)
    if store is not None:
        rules = rules.filter(store=_store(user, store))
    return list(rules)


@router.put("/notifications/rules", response=RuleOut, openapi_extra=body_docs(RuleIn))
def rule_put(request: HttpRequest) -> NotificationRule:
    """Set your rule for one (store, event): on or off, its channels, its params."""
    user = request_user(request)
    payload = parsed_body(request, RuleIn)
    store = _store(user, payload.store)
    channels = _own_channels(user, payload.channels)
    hours = (payload.params or {}).get("hours")
    if hours is not None and rule_hours(payload.params) is None:
        raise _invalid(
            DjangoValidationError({"params": f"hours: a whole number from 1 to {MAX_HOURS}"})
        )
    try:
        return rule_set(
            user=user,
            store=store,
            event=payload.event,
            enabled=payload.enabled,
            channels=channels,
            params=payload.params,
        )
    except PermissionDenied:  # membership or channel ownership: as if it did not exist
        raise Http404("no such store or channel") from None
    except DjangoValidationError as exc:
        raise _invalid(exc) from None


# --- preferences ----------------------------------------------------------------


@router.get("/notifications/preferences", response=PreferencesOut)
def preferences_get(request: HttpRequest) -> NotificationPreferences:
    return preferences_for(user=request_user(request))


@router.patch(
    "/notifications/preferences",
    response=PreferencesOut,
    openapi_extra=body_docs(PreferencesPatch),
)
def preferences_patch(request: HttpRequest) -> NotificationPreferences:
    """Change the fields sent; ``digest_channel: null`` sends the digest by email."""
    user = request_user(request)
    payload = parsed_body(request, PreferencesPatch)
    fields = payload.model_dump(exclude_unset=True)
    # ``null`` clears these; the others must have a value when sent.
    for name in ("urgent_breaks_quiet", "digest_enabled", "digest_time", "max_per_hour"):
        if name in fields and fields[name] is None:
            raise HttpError(422, f"{name} cannot be null")
    if "time_zone" in fields:
        fields["time_zone"] = fields["time_zone"] or ""
    if fields.get("digest_channel") is not None:
        fields["digest_channel"] = _channel(user, fields["digest_channel"])
    try:
        return preferences_update(user=user, **fields)
    except DjangoValidationError as exc:
        raise _invalid(exc) from None


# --- the log --------------------------------------------------------------------


class LogQuery(Schema):
    limit: int = Field(100, ge=1, le=MAX_LOG, description="how many, newest first")
    status: DeliveryStatus | None = Field(None, description="only this status")
    store: int | None = Field(None, description="only this store's alerts (a store id)")


@router.get("/notifications/log", response=list[DeliveryOut])
def delivery_log(request: HttpRequest, query: Query[LogQuery]) -> list[NotificationDelivery]:
    """Your alerts, newest first: what, where, and what became of it."""
    return deliveries_for(
        user=request_user(request),
        limit=query.limit,
        status=query.status.value if query.status else None,
        store_id=query.store,
    )
