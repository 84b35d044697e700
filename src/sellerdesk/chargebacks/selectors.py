"""Reads for chargebacks, scoped to a store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import F, Q, QuerySet

from sellerdesk.cases.deadlines import CHARGEBACK_SOON, DUE_SOON, OVERDUE, Deadline, local_iso
from sellerdesk.cases.timeline import TimelineEntry, case_timeline
from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.chargebacks.odr import chargeback_counts_in_odr, odr_key
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store


def chargebacks_for_store(*, store: Store) -> QuerySet[Chargeback]:
    return Chargeback.objects.filter(store=store)


def chargebacks_worklist(*, queryset: QuerySet[Chargeback]) -> QuerySet[Chargeback]:
    """``queryset`` with ``deadline_at`` (the response deadline while one is due)."""
    return queryset.select_related("store").annotate(deadline_at=F("due_at"))


def chargebacks_by_deadline(
    queryset: QuerySet[Chargeback], state: str, now: datetime
) -> QuerySet[Chargeback]:
    if state == OVERDUE:
        return queryset.filter(due_at__lt=now)
    if state == DUE_SOON:
        return queryset.filter(due_at__gte=now, due_at__lte=now + CHARGEBACK_SOON)
    raise ValueError(f"unknown deadline state {state!r}")


def chargeback_next_deadline(chargeback: Chargeback) -> Deadline | None:
    if chargeback.due_at is None:
        return None
    return Deadline("respond", "Respond by", chargeback.due_at, CHARGEBACK_SOON)


def chargebacks_for_order(*, order: Order) -> QuerySet[Chargeback]:
    return (
        Chargeback.objects.filter(store_id=order.store_id)
        .filter(Q(order=order) | Q(amazon_order_id=order.amazon_order_id))
        .order_by("-received_at", "-pk")
    )


def chargeback_timeline(*, chargeback: Chargeback) -> list[TimelineEntry]:
    return case_timeline(record=chargeback, store_id=chargeback.store_id)


def chargeback_as_dict(chargeback: Chargeback) -> dict[str, Any]:
    """One chargeback for ``--json`` and CSV (see ``claims.selectors.claim_as_dict``)."""
    store = chargeback.store
    counts, reason = chargeback_counts_in_odr(chargeback)
    return {
        "id": chargeback.pk,
        "store_id": chargeback.store_id,
        "order_id": chargeback.amazon_order_id,
        "kind": chargeback.kind,
        "status": chargeback.status,
        "amount": None if chargeback.amount is None else f"{chargeback.amount:f}",
        "currency": chargeback.currency,
        "received_at": local_iso(chargeback.received_at, store),
        "due_at": local_iso(chargeback.due_at, store),
        "decided_at": local_iso(chargeback.decided_at, store),
        "counts_in_odr": counts,
        "odr": odr_key(counts),
        "odr_reason": reason,
        "source": chargeback.source,
    }
