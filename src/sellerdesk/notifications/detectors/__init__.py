"""Every detector of notification events, and :func:`detect_all` that runs them.

A detector is ``detect_<kind>(*, store, now) -> int``: it reads what is worth telling
in one store, records it through ``notifications.events`` (once per key) and returns
how many events it recorded. Running it again records nothing new. The modules:
``messaging`` (response clocks, new buyer messages), ``records`` (new claims,
chargebacks, negative feedback and reviews, seller-fault returns, claim deadlines,
checklist tasks overdue) and ``state`` (ODR above target, SKU return-rate flags, sync
failing). Each module's docstring defines its events, keys and no-flood rules.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

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


def detect_store(*, store: Store, now: datetime) -> dict[str, int]:
    """Run every detector for one store; returns the events recorded per kind.

    A detector that fails is logged and skipped: the others still run, and the next
    pass tries it again (recording is idempotent, so nothing is lost or doubled).
    """
    counts = {}
    for kind, detector in DETECTORS.items():
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
