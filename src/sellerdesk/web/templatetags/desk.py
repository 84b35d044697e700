"""Template helpers: datetimes in the store's time zone, deadline badges, money.

Everything here returns escaped text or HTML built with ``format_html``: buyer
text passed in is never marked safe.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from sellerdesk.messaging.clock import clock_state
from sellerdesk.stores.models import Store

register = template.Library()

_BADGE_TEXT = {"overdue": "Overdue", "due_soon": "Due soon", "on_time": "On time"}


def local_text(value: datetime, store: Store) -> str:
    """``2026-11-02 04:00 -08:00``: the store's wall clock and its UTC offset."""
    local = value.astimezone(store.tz)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"


@register.filter
def local(value: datetime | date | None, store: Store) -> str | SafeString:
    """A ``<time>`` element in the store's time zone, with the offset shown."""
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime):
        return format_html('<time datetime="{}">{}</time>', value.isoformat(), value.isoformat())
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        value.astimezone(UTC).isoformat(),
        store.timezone,
        local_text(value, store),
    )


def duration_text(delta: timedelta) -> str:
    """``2d 3h``, ``5h 20m``, ``12m``: the two largest units, rounded down."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m"


def clock_text(state: str, left: timedelta) -> str:
    """``Overdue 2h 5m`` or ``3h 0m left`` (``desk.js`` writes the same every minute)."""
    return f"Overdue {duration_text(left)}" if state == "overdue" else f"{duration_text(left)} left"


@register.simple_tag
def due_badge(
    due_at: datetime | None, store: Store, now: datetime, soon_hours: int | None = None
) -> str | SafeString:
    """A coloured countdown: overdue (red), due soon (amber), on time (green), with
    the deadline in the store's time zone underneath.

    ``soon_hours`` defaults to the store's ``response_due_soon_hours``.
    """
    if due_at is None:
        return format_html('<span class="badge badge-none">{}</span>', "No deadline")
    hours = store.response_due_soon_hours if soon_hours is None else soon_hours
    state = clock_state(due_at, now, hours)
    text = clock_text(state, due_at - now)
    return format_html(
        '<span class="badge badge-{}" title="{}">{}</span><small class="due-at">due {}</small>',
        state.replace("_", "-"),
        _BADGE_TEXT[state],
        text,
        local_text(due_at, store),
    )


@register.simple_tag
def live_due(
    due_at: datetime | None, store: Store, now: datetime, kind: str = "policy"
) -> str | SafeString:
    """A deadline that counts down in the browser: ``desk.js`` re-reads ``data-due``
    every minute and rewrites the text and colour.

    ``kind="policy"`` is the store's deadline (``due_badge``); ``kind="amazon"`` a
    smaller line for Amazon's own 24-hour metric.
    """
    if due_at is None:
        return "" if kind == "amazon" else due_badge(due_at, store, now)
    hours = store.response_due_soon_hours
    iso = due_at.astimezone(UTC).isoformat()
    if kind == "amazon":
        state = clock_state(due_at, now, hours)
        return format_html(
            '<span class="clock clock-amazon" data-due="{}" data-soon="{}" data-style="amz" '
            'title="Amazon counts 24 hours around the clock: due {}">'
            '<span class="amz amz-{}">Amazon 24h · {}</span></span>',
            iso,
            hours,
            local_text(due_at, store),
            state.replace("_", "-"),
            clock_text(state, due_at - now),
        )
    return format_html(
        '<span class="clock" data-due="{}" data-soon="{}" data-style="badge">{}</span>',
        iso,
        hours,
        due_badge(due_at, store, now),
    )


@register.filter
def money(amount: Decimal | None, currency: str = "") -> str:
    if amount is None:
        return ""
    return f"{amount:,.2f} {currency}".strip()


@register.filter
def stars(rating: int | None) -> str:
    """``★★☆☆☆`` for 2 of 5."""
    if rating is None:
        return ""
    rating = max(0, min(5, int(rating)))
    return "\u2605" * rating + "\u2606" * (5 - rating)
