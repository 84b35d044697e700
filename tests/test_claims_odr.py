"""A-to-z claims in the Order Defect Rate (amazon-rules §4): every status and funding.

Each combination is judged by ``claim_counts_in_odr`` and by the query
``claims_in_odr`` (the list filter, the exports), and the two must agree.
"""

from __future__ import annotations

import itertools

import pytest

from sellerdesk.claims.models import Claim, ClaimStatus, FundedBy
from sellerdesk.claims.odr import COUNTS, NOT_COUNTED, PENDING, claim_counts_in_odr, claims_in_odr
from sellerdesk.stores.models import Store
from tests.factories import ClaimFactory

FUNDINGS = [
    (FundedBy.SELLER, False),
    (FundedBy.AMAZON, False),
    (FundedBy.SELLER, True),  # Buy Shipping Claims Protection flagged on the claim
    (FundedBy.AMAZON, True),
]


def expected(status: str, funded_by: str, protected: bool) -> bool | None:
    """The table of amazon-rules §4, written out independently of the code."""
    if status in ("action_required", "under_review", "appealed"):
        return None
    if status in ("withdrawn", "denied"):
        return False
    if status == "refunded_by_seller":
        return True
    # granted, cancelled: the seller's defect unless Amazon funded it
    return funded_by == "seller" and not protected


@pytest.mark.parametrize(
    ("status", "funding"), list(itertools.product(ClaimStatus.values, FUNDINGS))
)
def test_every_status_and_funding(status: str, funding: tuple[str, bool]) -> None:
    funded_by, protected = funding
    claim = Claim(status=status, funded_by=funded_by, buy_shipping_protected=protected)
    counts, reason = claim_counts_in_odr(claim)
    assert counts is expected(status, funded_by, protected)
    prefix = {None: "pending", True: "counts", False: "does not count"}[counts]
    assert reason.startswith(prefix)


def test_reasons_say_why() -> None:
    def reason(**kw: object) -> str:
        return claim_counts_in_odr(Claim(**kw))[1]

    assert reason(status="appealed") == "pending: counts unless the appeal succeeds"
    assert "seller-funded" in reason(status="granted", funded_by="seller")
    assert "Buy Shipping Claims Protection" in reason(
        status="granted", funded_by="amazon", buy_shipping_protected=True
    )
    assert "Amazon-funded" in reason(status="granted", funded_by="amazon")
    assert "withdrawn" in reason(status="withdrawn")
    assert "denied" in reason(status="denied")
    assert "refunded after the claim was filed" in reason(status="refunded_by_seller")
    assert "cancelled" in reason(status="cancelled", funded_by="seller")


@pytest.mark.django_db
def test_the_query_agrees_with_the_function(store_a: Store) -> None:
    for index, (status, (funded_by, protected)) in enumerate(
        itertools.product(ClaimStatus.values, FUNDINGS)
    ):
        ClaimFactory(
            store=store_a,
            amazon_order_id=f"111-0000000-{index:07d}",
            status=status,
            funded_by=funded_by,
            buy_shipping_protected=protected,
        )
    claims = Claim.objects.filter(store=store_a)
    by_function: dict[str, set[int]] = {COUNTS: set(), PENDING: set(), NOT_COUNTED: set()}
    for claim in claims:
        counts = claim_counts_in_odr(claim)[0]
        by_function[{None: PENDING, True: COUNTS, False: NOT_COUNTED}[counts]].add(claim.pk)
    for value, pks in by_function.items():
        assert set(claims_in_odr(claims, value).values_list("pk", flat=True)) == pks, value
    assert sum(len(p) for p in by_function.values()) == claims.count() == 32
    assert by_function[COUNTS]
    assert by_function[PENDING]
    assert by_function[NOT_COUNTED]


def test_unknown_odr_answer_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown ODR answer"):
        claims_in_odr(Claim.objects.none(), "maybe")
