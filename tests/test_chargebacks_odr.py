"""Chargebacks in the Order Defect Rate (amazon-rules §4): every kind, status and the
store's "decided for the seller still counts" setting; function and query agree."""

from __future__ import annotations

import itertools

import pytest

from sellerdesk.chargebacks.models import Chargeback, ChargebackKind, ChargebackStatus
from sellerdesk.chargebacks.odr import (
    COUNTS,
    DECIDED_FOR_SELLER_COUNTS,
    NOT_COUNTED,
    PENDING,
    chargeback_counts_in_odr,
    chargebacks_in_odr,
)
from sellerdesk.policy import DEFAULTS
from sellerdesk.stores.models import Store
from tests.factories import ChargebackFactory, StoreFactory


def expected(kind: str, status: str, flag: bool) -> bool | None:
    if kind == "fraud":
        return False  # Amazon's, never the seller's
    if status in ("open", "represented"):
        return None
    if status in ("decided_for_buyer", "refunded"):
        return True
    return flag  # decided for the seller: the store's choice


def test_the_setting_is_documented_and_off_by_default() -> None:
    assert DEFAULTS[DECIDED_FOR_SELLER_COUNTS] == 0


@pytest.mark.parametrize(
    ("kind", "status", "flag"),
    list(itertools.product(ChargebackKind.values, ChargebackStatus.values, [False, True])),
)
def test_every_kind_status_and_setting(kind: str, status: str, flag: bool) -> None:
    store = Store(marketplace="US", policy_overrides={DECIDED_FOR_SELLER_COUNTS: int(flag)})
    chargeback = Chargeback(store=store, kind=kind, status=status)
    counts, reason = chargeback_counts_in_odr(chargeback)
    assert counts is expected(kind, status, flag)
    # The same answer when the caller passes the setting in.
    assert chargeback_counts_in_odr(chargeback, decided_for_seller_still_counts=flag) == (
        counts,
        reason,
    )
    prefix = {None: "pending", True: "counts", False: "does not count"}[counts]
    assert reason.startswith(prefix)
    if kind == "fraud":
        assert "fraud" in reason


@pytest.mark.django_db
def test_the_query_agrees_with_the_function_across_stores() -> None:
    """Two stores, one counting decided-for-seller chargebacks: each is judged by its own."""
    plain = StoreFactory(name="Plain")
    counting = StoreFactory(name="Counting", policy_overrides={DECIDED_FOR_SELLER_COUNTS: 1})
    n = 0
    for store in (plain, counting):
        for kind, status in itertools.product(ChargebackKind.values, ChargebackStatus.values):
            n += 1
            ChargebackFactory(
                store=store, amazon_order_id=f"114-0000000-{n:07d}", kind=kind, status=status
            )
    chargebacks = Chargeback.objects.select_related("store")
    by_function: dict[str, set[int]] = {COUNTS: set(), PENDING: set(), NOT_COUNTED: set()}
    for chargeback in chargebacks:
        counts = chargeback_counts_in_odr(chargeback)[0]
        by_function[{None: PENDING, True: COUNTS, False: NOT_COUNTED}[counts]].add(chargeback.pk)
    for value, pks in by_function.items():
        assert set(chargebacks_in_odr(chargebacks, value).values_list("pk", flat=True)) == pks
    decided = Chargeback.objects.filter(kind="service", status="decided_for_seller")
    assert {c.store.name for c in chargebacks_in_odr(decided, COUNTS)} == {"Counting"}
    assert {c.store.name for c in chargebacks_in_odr(decided, NOT_COUNTED)} == {"Plain"}
