"""Whether a chargeback counts in the Order Defect Rate (amazon-rules §4).

==============================  ==========================================
kind and status                 counts in ODR
==============================  ==========================================
fraud, any status               no: fraud chargebacks are Amazon's
service, open or represented    pending (``None``)
service, decided for buyer      yes
service, refunded               yes: the seller paid it back
service, decided for seller     no, unless the store's setting
                                ``chargeback_decided_for_seller_counts``
                                (``sellerdesk.policy``) is 1
==============================  ==========================================

:func:`chargeback_counts_in_odr` judges one chargeback, :func:`chargebacks_in_odr`
is the same table as a query (each chargeback judged by its own store's setting).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from sellerdesk.chargebacks.models import Chargeback, ChargebackKind, ChargebackStatus
from sellerdesk.policy import policy_value
from sellerdesk.stores.models import Store

COUNTS, PENDING, NOT_COUNTED = "counts", "pending", "not_counted"
ODR_CHOICES = [(COUNTS, "Counts"), (PENDING, "Pending"), (NOT_COUNTED, "Does not count")]
DECIDED_FOR_SELLER_COUNTS = "chargeback_decided_for_seller_counts"

OPEN = (ChargebackStatus.OPEN, ChargebackStatus.REPRESENTED)
AGAINST_SELLER = (ChargebackStatus.DECIDED_FOR_BUYER, ChargebackStatus.REFUNDED)


def decided_for_seller_counts(store: Store) -> bool:
    """The store's answer to the undocumented case (default: does not count)."""
    return policy_value(store, DECIDED_FOR_SELLER_COUNTS) == 1


def chargeback_counts_in_odr(
    chargeback: Chargeback, *, decided_for_seller_still_counts: bool | None = None
) -> tuple[bool | None, str]:
    """(counts, reason): ``True``/``False``, or ``None`` while it is pending.

    ``decided_for_seller_still_counts`` defaults to the chargeback's store setting;
    pass it when judging many chargebacks of one store.
    """
    if chargeback.kind == ChargebackKind.FRAUD:
        return False, "does not count: fraud chargebacks are Amazon's"
    status = chargeback.status
    if status in OPEN:
        return None, "pending: a service chargeback counts unless decided for the seller"
    if status == ChargebackStatus.DECIDED_FOR_BUYER:
        return True, "counts: service chargeback decided for the buyer"
    if status == ChargebackStatus.REFUNDED:
        return True, "counts: service chargeback, the seller refunded"
    if status == ChargebackStatus.DECIDED_FOR_SELLER:
        if decided_for_seller_still_counts is None:
            decided_for_seller_still_counts = decided_for_seller_counts(chargeback.store)
        if decided_for_seller_still_counts:
            return True, "counts: decided for the seller, and this store counts those"
        return False, "does not count: decided for the seller"
    return None, f"pending: unknown status {status!r}"


def _counting_stores(queryset: QuerySet[Chargeback]) -> list[int]:
    """The stores among ``queryset``'s that count chargebacks decided for the seller."""
    stores = Store.objects.filter(pk__in=queryset.values("store_id"))
    return [store.pk for store in stores if decided_for_seller_counts(store)]


def _counts_q(counting_stores: list[int]) -> Q:
    against = Q(status__in=AGAINST_SELLER)
    if counting_stores:
        against |= Q(status=ChargebackStatus.DECIDED_FOR_SELLER, store_id__in=counting_stores)
    return ~Q(kind=ChargebackKind.FRAUD) & against


def _pending_q() -> Q:
    known = Q(status__in=ChargebackStatus.values)
    return ~Q(kind=ChargebackKind.FRAUD) & (Q(status__in=OPEN) | ~known)


def chargebacks_in_odr(queryset: QuerySet[Chargeback], value: str) -> QuerySet[Chargeback]:
    """The chargebacks of ``queryset`` whose ODR answer is ``value``, each judged by
    its own store's setting."""
    if value == PENDING:
        return queryset.filter(_pending_q())
    if value not in (COUNTS, NOT_COUNTED):
        raise ValueError(f"unknown ODR answer {value!r}")
    counts = _counts_q(_counting_stores(queryset))
    if value == COUNTS:
        return queryset.filter(counts)
    return queryset.exclude(counts).exclude(_pending_q())


def odr_key(counts: bool | None) -> str:
    return PENDING if counts is None else COUNTS if counts else NOT_COUNTED
