"""Recording notification events: once per (store, kind, key), and state-like events
that stay open while their condition holds.

The detectors (``notifications/detectors/``) find what is worth telling and describe it
as a :class:`Draft`; this module writes it.

* :func:`event_record` inserts one event, or returns ``None`` when the key is known.
  The unique constraint decides, inside a savepoint, so two detectors racing on
  SQLite or PostgreSQL record it once.
* :func:`drafts_record` records a batch of drafts with one query for the keys already
  known, so a rerun costs one read and writes nothing.
* :func:`state_sync` keeps state-like events (ODR above target, a SKU flagged, a sync
  failing): one open event per *subject* (the key up to its last ``:``), recorded when
  the condition starts to hold, resolved (``resolved_at``) when it no longer does. The
  last segment of the key is when the condition started, so the next time it holds is
  a new event and a new alert. A condition that clears and holds again within the same
  start stamp (an ODR flapping within one day) reopens the same event: no second alert.

Texts: titles and bodies are short plain text. Buyer-written text appears only as a
short excerpt (:func:`excerpt`), whitespace collapsed and control characters dropped.

Settings: :data:`NOTIFY_DEFAULTS`, each overridable per store in
``Store.policy_overrides`` (a positive whole number), like ``sellerdesk.policy``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import quote

from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse

from sellerdesk.notifications.models import NotificationEvent, Severity
from sellerdesk.stores.models import Store

NOTIFY_DEFAULTS: dict[str, int] = {
    # An event about a record (a message, a claim, a feedback…) is told only if the desk
    # learned of the record this recently (its ``created_at``)…
    "notify_recent_hours": 24,
    # …and the record's own date (message sent, claim filed, feedback left) is this
    # recent, so a first import of a year of history does not alert on all of it.
    "notify_recent_days": 14,
    # An open A-to-z claim is told when its response deadline is this close.
    "notify_claim_deadline_hours": 24,
    # A mail channel or the SP-API sync is failing after this many failures in a row.
    "notify_sync_failures": 3,
    # A checklist task is told overdue if its period ended at most this many days ago.
    "notify_checklist_days": 7,
    # The ODR and the return-rate flags are computed at most this often (minutes).
    "notify_figures_minutes": 60,
}
EXCERPT_CHARS = 100
KEY_MAX = 200  # NotificationEvent.key
TITLE_MAX = 200  # NotificationEvent.title
LINK_MAX = 300  # NotificationEvent.link


def notify_setting(store: Store, name: str) -> int:
    """The store's value of a notification setting (its override, else the default)."""
    if name not in NOTIFY_DEFAULTS:
        raise KeyError(f"unknown notification setting {name!r}")
    override = (store.policy_overrides or {}).get(name)
    if isinstance(override, int) and not isinstance(override, bool) and override > 0:
        return override
    return NOTIFY_DEFAULTS[name]


# --- texts ------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """One line of plain text: control and format characters dropped, whitespace
    collapsed (a buyer's text could carry bidi overrides or terminal escapes)."""
    spaced = _SPACE.sub(" ", text)  # line breaks and tabs first, so words stay apart
    visible = "".join(ch for ch in spaced if unicodedata.category(ch)[0] != "C")
    return _SPACE.sub(" ", visible).strip()


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A short quote of buyer-written text: plain, at most ``limit`` characters."""
    line = plain(text)
    if len(line) <= limit:
        return line
    return line[: limit - 1].rstrip() + "…"


def money(amount: Decimal | None, currency: str) -> str:
    return f"{amount} {currency}".strip() if amount is not None else ""


def local_time(moment: datetime, store: Store) -> str:
    """``2026-11-26 14:00 PST``: a moment as the store's people read it."""
    return moment.astimezone(store.tz).strftime("%Y-%m-%d %H:%M %Z")


def stamp(moment: datetime) -> str:
    """A compact UTC stamp without ``:`` (the last segment of a state key)."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def key_part(value: str) -> str:
    """A free value (a SKU) made safe inside a key: no ``:``, no spaces."""
    return quote(value, safe="")


def desk_link(store: Store, *names: str, pk: int | None = None) -> str:
    """The desk's path of the first URL name in ``names`` that exists (with ``pk`` when
    given; a page another part of the desk adds later may come first), else the store's
    home page."""
    kwargs: dict[str, int] = {"store_id": store.pk}
    if pk is not None:
        kwargs["pk"] = pk
    for name in names:
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return reverse("store_home", kwargs={"store_id": store.pk})


# --- recording ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Draft:
    """An event a detector would record (see :func:`event_record` for the fields)."""

    key: str
    title: str
    occurred_at: datetime
    body: str = ""
    link: str = ""
    severity: str = Severity.INFO


def event_record(
    *,
    store: Store,
    kind: str,
    key: str,
    title: str,
    body: str = "",
    link: str = "",
    severity: str = Severity.INFO,
    occurred_at: datetime,
) -> NotificationEvent | None:
    """Record the event once: a second call with the same (store, kind, key) returns
    ``None`` and changes nothing, however the two calls interleave (the unique
    constraint decides, inside a savepoint)."""
    if not key or len(key) > KEY_MAX:
        raise ValueError(f"an event key has 1 to {KEY_MAX} characters: {key!r}")
    title = plain(title)
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1] + "…"
    try:
        with transaction.atomic():
            return NotificationEvent.objects.create(
                store=store,
                kind=kind,
                key=key,
                severity=severity,
                title=title,
                body=body.strip(),
                link=link[:LINK_MAX],
                occurred_at=occurred_at,
            )
    except IntegrityError:
        if NotificationEvent.objects.filter(store=store, kind=kind, key=key).exists():
            return None
        raise


def event_resolve(
    *,
    store: Store,
    kind: str,
    now: datetime,
    key: str | None = None,
    key_prefix: str | None = None,
) -> int:
    """Mark the open event ``key`` (or every open event whose key starts with
    ``key_prefix``) resolved at ``now``; returns how many were open."""
    if (key is None) == (key_prefix is None):
        raise ValueError("give exactly one of key and key_prefix")
    events = NotificationEvent.objects.filter(store=store, kind=kind, resolved_at__isnull=True)
    if key is not None:
        events = events.filter(key=key)
    elif key_prefix is not None:
        events = events.filter(key__startswith=key_prefix)
    return events.update(resolved_at=now)


def drafts_record(*, store: Store, kind: str, drafts: Iterable[Draft]) -> int:
    """Record each draft whose key is new; returns how many were recorded. The keys
    already known are read in one query per 500 drafts."""
    pending = list({d.key: d for d in drafts}.values())
    known: set[str] = set()
    for start in range(0, len(pending), 500):
        keys = [d.key for d in pending[start : start + 500]]
        known.update(
            NotificationEvent.objects.filter(store=store, kind=kind, key__in=keys).values_list(
                "key", flat=True
            )
        )
    recorded = 0
    for draft in pending:
        if draft.key in known:
            continue
        event = event_record(
            store=store,
            kind=kind,
            key=draft.key,
            title=draft.title,
            body=draft.body,
            link=draft.link,
            severity=draft.severity,
            occurred_at=draft.occurred_at,
        )
        recorded += event is not None
    return recorded


def subject_of(key: str) -> str:
    """The subject of a state key: everything up to and with its last ``:``."""
    head, colon, _ = key.rpartition(":")
    return head + colon


def state_sync(
    *, store: Store, kind: str, now: datetime, holding: Iterable[Draft], subjects: str = ""
) -> int:
    """Bring the state-like events of ``kind`` whose keys start with ``subjects`` in line
    with ``holding``, the drafts of the conditions that hold now (one per subject; a
    draft's key is its subject followed by when the condition started).

    1. A subject with an open event keeps it (its start does not move: no new alert).
    2. A subject without one gets the draft recorded; if that very key was recorded and
       resolved before (the condition flapped within one start stamp), it is reopened
       instead, without a new alert.
    3. Open events of subjects not holding any more are resolved at ``now``.

    Returns how many events were recorded.
    """
    wanted = {subject_of(d.key): d for d in holding}
    open_events = NotificationEvent.objects.filter(
        store=store, kind=kind, resolved_at__isnull=True, key__startswith=subjects
    )
    open_subjects = {subject_of(key) for key in open_events.values_list("key", flat=True)}
    gone = [s for s in open_subjects if s not in wanted]
    if gone:
        stale = [k for k in open_events.values_list("key", flat=True) if subject_of(k) in gone]
        open_events.filter(key__in=stale).update(resolved_at=now)
    recorded = 0
    for subject, draft in wanted.items():
        if subject in open_subjects:
            continue
        event = event_record(
            store=store,
            kind=kind,
            key=draft.key,
            title=draft.title,
            body=draft.body,
            link=draft.link,
            severity=draft.severity,
            occurred_at=draft.occurred_at,
        )
        if event is not None:
            recorded += 1
        else:
            NotificationEvent.objects.filter(store=store, kind=kind, key=draft.key).update(
                resolved_at=None
            )
    return recorded
