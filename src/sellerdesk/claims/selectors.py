"""Reads for A-to-z claims, scoped to a store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Case, DateTimeField, F, Q, QuerySet, Value, When

from sellerdesk.cases.deadlines import (
    CLAIM_APPEAL_SOON,
    CLAIM_RESPONSE_SOON,
    DUE_SOON,
    OVERDUE,
    Deadline,
    local_iso,
)
from sellerdesk.cases.timeline import TimelineEntry, case_timeline
from sellerdesk.claims.models import Claim, ClaimStatus
from sellerdesk.claims.odr import claim_counts_in_odr, odr_key
from sellerdesk.common.models import Money
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store


def claims_for_store(*, store: Store) -> QuerySet[Claim]:
    return Claim.objects.filter(store=store)


def claims_worklist(*, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """``queryset`` with ``deadline_at``: what is due next (the information request,
    else a granted claim's appeal window), for sorting and the deadline filter."""
    return queryset.select_related("store").annotate(
        deadline_at=Case(
            When(due_at__isnull=False, then=F("due_at")),
            When(status=ClaimStatus.GRANTED, then=F("appeal_due_at")),
            default=Value(None),
            output_field=DateTimeField(),
        )
    )


def claims_by_deadline(queryset: QuerySet[Claim], state: str, now: datetime) -> QuerySet[Claim]:
    """Claims whose next deadline is past (``overdue``) or close (``due_soon``)."""
    if state == OVERDUE:
        respond = Q(due_at__lt=now)
        appeal = Q(due_at__isnull=True, status=ClaimStatus.GRANTED, appeal_due_at__lt=now)
        return queryset.filter(respond | appeal)
    if state == DUE_SOON:
        respond = Q(due_at__gte=now, due_at__lte=now + CLAIM_RESPONSE_SOON)
        appeal = Q(
            due_at__isnull=True,
            status=ClaimStatus.GRANTED,
            appeal_due_at__gte=now,
            appeal_due_at__lte=now + CLAIM_APPEAL_SOON,
        )
        return queryset.filter(respond | appeal)
    raise ValueError(f"unknown deadline state {state!r}")


def claim_next_deadline(claim: Claim) -> Deadline | None:
    """The same rule as ``deadline_at``, for one claim."""
    if claim.due_at is not None:
        return Deadline("respond", "Respond by", claim.due_at, CLAIM_RESPONSE_SOON)
    if claim.status == ClaimStatus.GRANTED and claim.appeal_due_at is not None:
        return Deadline("appeal", "Appeal by", claim.appeal_due_at, CLAIM_APPEAL_SOON)
    return None


def claims_for_order(*, order: Order) -> QuerySet[Claim]:
    return (
        Claim.objects.filter(store_id=order.store_id)
        .filter(Q(order=order) | Q(amazon_order_id=order.amazon_order_id))
        .order_by("-filed_at", "-pk")
    )


def claim_timeline(*, claim: Claim) -> list[TimelineEntry]:
    return case_timeline(record=claim, store_id=claim.store_id)


def _decimal(money: Money) -> str | None:
    return None if money.amount is None else f"{money.amount:f}"


def claim_as_dict(claim: Claim) -> dict[str, Any]:
    """One claim for ``--json`` and CSV: amounts as decimal strings, times in ISO 8601
    with the store's offset, and the ODR answer (``counts_in_odr`` ``None`` while
    pending)."""
    store = claim.store
    counts, reason = claim_counts_in_odr(claim)
    deadline = claim_next_deadline(claim)
    return {
        "id": claim.pk,
        "store_id": claim.store_id,
        "order_id": claim.amazon_order_id,
        "status": claim.status,
        "reason": claim.reason,
        "reason_text": claim.reason_text,
        "funded_by": claim.funded_by,
        "buy_shipping_protected": claim.buy_shipping_protected,
        "amount": _decimal(claim),
        "currency": claim.currency,
        "filed_at": local_iso(claim.filed_at, store),
        "due_at": local_iso(claim.due_at, store),
        "appeal_due_at": local_iso(claim.appeal_due_at, store),
        "next_deadline": deadline.kind if deadline else None,
        "next_deadline_at": local_iso(deadline.due_at, store) if deadline else None,
        "decided_at": local_iso(claim.decided_at, store),
        "counts_in_odr": counts,
        "odr": odr_key(counts),
        "odr_reason": reason,
        "source": claim.source,
    }
