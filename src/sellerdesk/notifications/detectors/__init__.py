"""Every detector of notification events, and :func:`detect_all` that runs them.

A detector is ``detect_<kind>(*, store, now) -> int``: it reads what is worth telling
in one store, records it through ``notifications.events`` (once per key) and returns
how many events it recorded. Running it again records nothing new. The modules:
``messaging`` (response clocks, new buyer messages), ``records`` (new claims,
chargebacks, negative feedback and reviews, seller-fault returns, claim deadlines,
checklist tasks overdue) and ``state`` (ODR above target, SKU return-rate flags, sync
failing). Each module's docstring defines its events, keys and no-flood rules.

**Figures at most hourly.** The notifications job runs every minute. Most detectors are
a few indexed queries bounded by time (milliseconds), but two compute figures over the
store's history: the ODR (60-day window) and the return-rate flags (``returns.stats``,
90 days and six months of order items). Measured with ``bench/notifications_detect.py``
on a store of 100,000 orders over 180 days (SQLite, a shared 2-core machine): about 1 s
for the ODR and 5 s for the return statistics, every pass. So :func:`detect_store` runs
them at most once per ``notify_figures_minutes`` (60) per store, remembered in Django's
cache against the pass's ``now`` — and the ODR at once when the same pass recorded a new
claim, chargeback or negative feedback, the records that move it. Both figures move
slowly (windows of 60 and 90 days), so an hour's delay costs nothing; with several
worker processes and a per-process cache each may run them once an hour, which is
harmless (recording is idempotent).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.core.cache import cache

from sellerdesk.notifications.detectors.messaging import (
    detect_conversation_due_soon,
    detect_conversation_overdue,
    detect_new_buyer_message,
)
from sellerdesk.notifications.detectors.records import (
    detect_checklist_overdue,
    detect_claim_deadline,
    detect_negative_feedback,
    detect_negative_review,
    detect_new_chargeback,
    detect_new_claim,
    detect_seller_fault_return,
)
from sellerdesk.notifications.detectors.state import (
    detect_odr_above_target,
    detect_return_rate_flag,
    detect_sync_failing,
)
from sellerdesk.notifications.events import notify_setting
from sellerdesk.notifications.models import EventKind
from sellerdesk.stores.models import Store

logger = logging.getLogger(__name__)

Detector = Callable[..., int]

DETECTORS: dict[str, Detector] = {
    EventKind.CONVERSATION_DUE_SOON: detect_conversation_due_soon,
    EventKind.CONVERSATION_OVERDUE: detect_conversation_overdue,
    EventKind.NEW_BUYER_MESSAGE: detect_new_buyer_message,
    EventKind.NEW_CLAIM: detect_new_claim,
    EventKind.CLAIM_DEADLINE: detect_claim_deadline,
    EventKind.NEW_CHARGEBACK: detect_new_chargeback,
    EventKind.NEGATIVE_FEEDBACK: detect_negative_feedback,
    EventKind.NEGATIVE_REVIEW: detect_negative_review,
    EventKind.SELLER_FAULT_RETURN: detect_seller_fault_return,
    EventKind.RETURN_RATE_FLAG: detect_return_rate_flag,
    EventKind.ODR_ABOVE_TARGET: detect_odr_above_target,
    EventKind.CHECKLIST_OVERDUE: detect_checklist_overdue,
    EventKind.SYNC_FAILING: detect_sync_failing,
}


# Detectors that compute figures over the store's history: run at most every
# ``notify_figures_minutes`` (see the module docstring).
FIGURES = (EventKind.ODR_ABOVE_TARGET, EventKind.RETURN_RATE_FLAG)
# Events whose records move the ODR: when a pass records one, the ODR runs in that pass.
MOVES_ODR = (EventKind.NEW_CLAIM, EventKind.NEW_CHARGEBACK, EventKind.NEGATIVE_FEEDBACK)


def _figures_due(*, store: Store, kind: str, now: datetime, force: bool) -> bool:
    """Whether the figures detector ``kind`` runs in this pass; if so, remember ``now``."""
    key = f"sellerdesk:notifications:figures:{kind}:{store.pk}"
    last = cache.get(key)
    every = timedelta(minutes=notify_setting(store, "notify_figures_minutes"))
    if not force and isinstance(last, datetime) and last <= now < last + every:
        return False
    cache.set(key, now, timeout=int(every.total_seconds()) * 2)
    return True


def detect_store(*, store: Store, now: datetime, force: bool = False) -> dict[str, int]:
    """Run every detector for one store; returns the events recorded per kind (0 for a
    figures detector skipped in this pass; ``force`` runs them all).

    A detector that fails is logged and skipped: the others still run, and the next
    pass tries it again (recording is idempotent, so nothing is lost or doubled).
    """
    counts: dict[str, int] = {}
    for kind, detector in DETECTORS.items():
        if kind in FIGURES:
            moved = kind == EventKind.ODR_ABOVE_TARGET and any(counts.get(k) for k in MOVES_ODR)
            if not _figures_due(store=store, kind=kind, now=now, force=force or moved):
                counts[kind] = 0
                continue
        try:
            counts[kind] = detector(store=store, now=now)
        except Exception:
            logger.exception("notification detector %s failed for store %s", kind, store.pk)
            counts[kind] = 0
    return counts


def detect_all(*, now: datetime) -> int:
    """Run every detector for every store; returns how many events were recorded."""
    return sum(
        sum(detect_store(store=store, now=now).values()) for store in Store.objects.order_by("pk")
    )
