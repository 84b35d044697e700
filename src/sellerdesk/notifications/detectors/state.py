"""Conditions that hold for a while: the ODR above its target, a SKU's return rate
flagged, a mail channel or the SP-API sync failing.

Each is kept by ``events.state_sync``: one open event per subject, recorded when the
condition starts to hold (key ``<subject><start>``), resolved when it clears; the next
time it holds is a new event with a new start, hence a new alert.

* ``odr_above_target``, per channel (``mfn``, ``afn``) and variant:
  ``now`` (urgent) — the channel's ODR does not meet the target (``odr_target_basis_points``,
  under 1 %); ``forecast`` (warning) — it meets it now but would not if every pending
  claim and chargeback went against the seller (``health.forecast``). A channel is in
  one variant at most: when ``now`` holds, ``forecast`` is resolved. Key
  ``odr:<channel>:<variant>:<local date it started>``.

  Cost: this computes only the ODR figures (``health.odr.odr_figure``, the function
  ``health.selectors.store_health`` uses), not the whole ``store_health`` (response
  clocks, return statistics and the reconciliation are not needed here): a few queries
  per channel over the 60-day window — tens of milliseconds on the demo store, about a
  second on a store of 100,000 orders. ``detectors.detect_store`` therefore runs it at
  most hourly, and at once after a new claim, chargeback or negative feedback.
* ``return_rate_flag``: a SKU flagged by ``returns.stats`` (its 90-day return rate above
  the rest of the store's beyond chance, false discovery rate controlled), as of today.
  Key ``sku:<sku>:<ISO week it started>``; resolved when the SKU is no longer flagged.
  The statistics read the store's order items and returns of six months (the costliest
  detector: seconds on a large store), so ``detect_store`` runs it at most hourly.
* ``sync_failing`` (urgent): an active mail channel, or the store's active SP-API
  connection, with at least ``notify_sync_failures`` (3) failures in a row. Key
  ``mail:<channel id>:<start>`` or ``spapi:<store id>:<start>``, the start being when the
  desk saw the streak reach the threshold (the models keep no streak start; a streak
  ends only with a success, which sets ``consecutive_failures`` back to 0 and resolves
  the event). The body carries the last error, redacted (:func:`redact`): the channel's
  own secrets, URL credentials and query strings, and long token-like strings removed.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from datetime import datetime

from sellerdesk.health.forecast import OdrForecast, orders_to_target
from sellerdesk.health.odr import BASIS_POINTS, OdrSettings, odr_figure
from sellerdesk.health.selectors import CHANNELS, store_sources
from sellerdesk.health.windows import figures_moment
from sellerdesk.mail.models import MailChannel
from sellerdesk.notifications.events import (
    Draft,
    desk_link,
    excerpt,
    key_part,
    notify_setting,
    stamp,
    state_sync,
)
from sellerdesk.notifications.models import EventKind, Severity
from sellerdesk.returns.selectors import return_stats_for_store
from sellerdesk.spapi.models import SpApiConnection
from sellerdesk.stores.models import Store

CHANNEL_LABELS = {"mfn": "seller-fulfilled (MFN)", "afn": "FBA (AFN)"}
ERROR_CHARS = 300


# --- ODR ---------------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2%}"


def _above(defective: int, orders: int, target_bp: int) -> bool:
    """The rate does not meet the target (``< target``), in whole numbers."""
    return orders > 0 and defective * BASIS_POINTS >= orders * target_bp


def odr_holding(*, store: Store, now: datetime) -> list[Draft]:
    """The ODR conditions that hold now, one draft per channel at most."""
    tz = store.tz
    today = now.astimezone(tz).date()
    at = figures_moment(today, tz, now)
    settings = OdrSettings.for_store(store)
    start, end = settings.window(today)
    sources = store_sources(store)
    link = desk_link(store, "health", "store_home")
    target = f"under {settings.target:.2%}".replace(".00%", "%")
    holding = []
    for key, channel in CHANNELS.items():
        figure = odr_figure(
            sources, channel=channel, start=start, end=end, tz=tz, at=at, settings=settings
        )
        label = CHANNEL_LABELS.get(key, key)
        defective, orders = figure.orders_with_defects, figure.orders
        window = f"orders of {start.isoformat()} to {end.isoformat()}"
        if _above(defective, orders, settings.target_bp):
            body = [
                f"{defective} of {orders} {window} have a defect; the target is {target}.",
                f"Negative feedback: {figure.component('negative_feedback')}, "
                f"A-to-z claims: {figure.component('claim')}, "
                f"chargebacks: {figure.component('chargeback')}.",
                "Defect-free orders needed to get under the target: "
                f"{orders_to_target(defective, orders, settings.target_bp)}.",
            ]
            holding.append(
                Draft(
                    key=f"odr:{key}:now:{today.isoformat()}",
                    title=f"ODR above target, {label}: {_percent(figure.rate)}",
                    body="\n".join(body),
                    link=link,
                    severity=Severity.URGENT,
                    occurred_at=now,
                )
            )
            continue
        forecast = OdrForecast(figure, settings)
        worst = forecast.defective_if_pending_lost
        if _above(worst, orders, settings.target_bp):
            pending = len(figure.pending)
            body = [
                f"Now {_percent(figure.rate)}: {defective} of {orders} {window}.",
                f"If the pending claims and chargebacks of {pending} "
                f"order{'s' if pending != 1 else ''} are lost: {worst} of {orders} = "
                f"{_percent(worst / orders)}; the target is {target}.",
            ]
            holding.append(
                Draft(
                    key=f"odr:{key}:forecast:{today.isoformat()}",
                    title=f"ODR may exceed target, {label}: {_percent(worst / orders)} "
                    "if pending cases are lost",
                    body="\n".join(body),
                    link=link,
                    severity=Severity.WARNING,
                    occurred_at=now,
                )
            )
    return holding


def detect_odr_above_target(*, store: Store, now: datetime) -> int:
    return state_sync(
        store=store,
        kind=EventKind.ODR_ABOVE_TARGET,
        now=now,
        holding=odr_holding(store=store, now=now),
        subjects="odr:",
    )


# --- return rate flags --------------------------------------------------------------------


def detect_return_rate_flag(*, store: Store, now: datetime) -> int:
    today = now.astimezone(store.tz).date()
    stats = return_stats_for_store(store=store, as_of=today)
    year, week, _ = today.isocalendar()
    link = desk_link(store, "returns_analytics")
    holding = []
    for row in stats.rows:
        if not row.flagged:
            continue
        baseline = "n/a" if row.baseline_rate is None else f"{row.baseline_rate:.1%}"
        rate = "n/a" if row.rate_90 is None else f"{row.rate_90:.1%}"
        holding.append(
            Draft(
                key=f"sku:{key_part(row.key)}:{year}-W{week:02d}",
                title=f"Return rate flagged: SKU {row.key} ({rate} in 90 days)",
                body=(
                    f"{row.returned_90} of {row.shipped_90} units returned in 90 days ({rate}); "
                    f"the rest of the store: {baseline}.\n"
                    f"Seller-fault returns: {row.faults.get('seller', 0)} units."
                ),
                link=link,
                severity=Severity.WARNING,
                occurred_at=now,
            )
        )
    return state_sync(
        store=store, kind=EventKind.RETURN_RATE_FLAG, now=now, holding=holding, subjects="sku:"
    )


# --- sync failing -------------------------------------------------------------------------

_URL_USER = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@")
_QUERY = re.compile(r"\?[^\s\"'<>)]+")
_TOKEN = re.compile(r"[A-Za-z0-9+/=_|-]{32,}")


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """An error message fit to send: ``secrets`` (the connection's own) replaced, then
    URL credentials, query strings (presigned links) and token-like runs of 32 or more
    characters; one line of at most ``ERROR_CHARS`` characters."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[redacted]")
    text = _URL_USER.sub(r"\1[redacted]@", text)
    text = _QUERY.sub("?[redacted]", text)
    text = _TOKEN.sub("[redacted]", text)
    return excerpt(text, ERROR_CHARS)


def _secrets(record: object, *names: str) -> list[str]:
    """The decrypted secrets ``names`` of ``record`` (properties that decrypt)."""
    found = []
    for name in names:
        # A secret that no longer decrypts (the key changed) cannot appear in a new error.
        with contextlib.suppress(ValueError):
            value = getattr(record, name)
            if isinstance(value, str):
                found.append(value)
    return found


def _failing_body(failures: int, threshold: int, error: str) -> str:
    lines = [f"{failures} failures in a row (alert from {threshold})."]
    if error:
        lines.append(f"Last error: {error}")
    return "\n".join(lines)


def detect_sync_failing(*, store: Store, now: datetime) -> int:
    threshold = notify_setting(store, "notify_sync_failures")
    holding = []
    channels = MailChannel.objects.filter(
        store=store, is_active=True, consecutive_failures__gte=threshold
    ).order_by("pk")
    for channel in channels:
        secrets = _secrets(channel, "imap_password", "smtp_password")
        holding.append(
            Draft(
                key=f"mail:{channel.pk}:{stamp(now)}",
                title=f"Mail fetch failing: {excerpt(channel.name, 60)}",
                body=_failing_body(
                    channel.consecutive_failures, threshold, redact(channel.last_error, secrets)
                ),
                link=desk_link(store, "mail_channel_edit", pk=channel.pk),
                severity=Severity.URGENT,
                occurred_at=now,
            )
        )
    connection = SpApiConnection.objects.filter(
        store=store, is_active=True, consecutive_failures__gte=threshold
    ).first()
    if connection is not None:
        secrets = _secrets(connection, "client_secret", "refresh_token")
        holding.append(
            Draft(
                key=f"spapi:{store.pk}:{stamp(now)}",
                title="Amazon report sync (SP-API) failing",
                body=_failing_body(
                    connection.consecutive_failures,
                    threshold,
                    redact(connection.last_error, secrets),
                ),
                link=desk_link(store, "imports"),
                severity=Severity.URGENT,
                occurred_at=now,
            )
        )
    return state_sync(store=store, kind=EventKind.SYNC_FAILING, now=now, holding=holding)
