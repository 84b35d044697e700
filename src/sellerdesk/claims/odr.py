"""Whether an A-to-z claim counts in the Order Defect Rate (amazon-rules §4).

=======================================  ==============  ==========================
status                                   funding         counts in ODR
=======================================  ==============  ==========================
action required, under review            any             pending (``None``)
appealed                                 any             pending: counts unless the
                                                         appeal succeeds
granted, cancelled                       seller          yes
granted, cancelled                       Amazon, or Buy  no (Amazon-funded)
                                         Shipping
                                         protected
refunded by seller                       any             yes: the seller's own refund
                                                         after the claim was filed;
                                                         Amazon funded nothing
denied                                   any             no
withdrawn                                any             no
=======================================  ==============  ==========================

A successful appeal ends as ``denied`` (Amazon reverses the grant), a failed one
as ``granted`` again. :func:`claim_counts_in_odr` judges one claim;
:func:`claims_in_odr` is the same table as a query, for list filters and
exports. The two are tested against each other on every combination.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from sellerdesk.claims.models import Claim, ClaimStatus, FundedBy

# The three answers, as list filters and CSV cells spell them.
COUNTS, PENDING, NOT_COUNTED = "counts", "pending", "not_counted"
ODR_CHOICES = [(COUNTS, "Counts"), (PENDING, "Pending"), (NOT_COUNTED, "Does not count")]

OPEN = (ClaimStatus.ACTION_REQUIRED, ClaimStatus.UNDER_REVIEW)
AGAINST_SELLER = (ClaimStatus.GRANTED, ClaimStatus.CANCELLED)


def claim_counts_in_odr(claim: Claim) -> tuple[bool | None, str]:
    """(counts, reason): ``True``/``False``, or ``None`` while the claim is pending."""
    status = claim.status
    amazon_funded = claim.funded_by == FundedBy.AMAZON or claim.buy_shipping_protected
    if status in OPEN:
        return None, "pending: the claim is open; it counts if granted against the seller"
    if status == ClaimStatus.APPEALED:
        return None, "pending: counts unless the appeal succeeds"
    if status == ClaimStatus.WITHDRAWN:
        return False, "does not count: withdrawn by the buyer"
    if status == ClaimStatus.DENIED:
        return False, "does not count: denied (decided for the seller)"
    if status == ClaimStatus.REFUNDED_BY_SELLER:
        return True, "counts: the seller refunded after the claim was filed"
    if status in AGAINST_SELLER:
        what = "granted" if status == ClaimStatus.GRANTED else "order cancelled"
        if claim.buy_shipping_protected:
            return False, f"does not count: {what}, Amazon-funded (Buy Shipping Claims Protection)"
        if amazon_funded:
            return False, f"does not count: {what}, Amazon-funded"
        if status == ClaimStatus.GRANTED:
            return True, "counts: granted against the seller (seller-funded)"
        return True, "counts: the order was cancelled after the claim was filed"
    return None, f"pending: unknown status {status!r}"


def _counts_q() -> Q:
    seller_funded = Q(status__in=AGAINST_SELLER, buy_shipping_protected=False) & ~Q(
        funded_by=FundedBy.AMAZON
    )
    return Q(status=ClaimStatus.REFUNDED_BY_SELLER) | seller_funded


def _pending_q() -> Q:
    return Q(status__in=(*OPEN, ClaimStatus.APPEALED)) | ~Q(status__in=ClaimStatus.values)


def claims_in_odr(queryset: QuerySet[Claim], value: str) -> QuerySet[Claim]:
    """The claims of ``queryset`` whose ODR answer is ``value`` (one of ``ODR_CHOICES``)."""
    if value == COUNTS:
        return queryset.filter(_counts_q())
    if value == PENDING:
        return queryset.filter(_pending_q())
    if value == NOT_COUNTED:
        return queryset.exclude(_counts_q()).exclude(_pending_q())
    raise ValueError(f"unknown ODR answer {value!r}")


def odr_key(counts: bool | None) -> str:
    """``counts``, ``pending`` or ``not_counted``: the answer as a choice value."""
    return PENDING if counts is None else COUNTS if counts else NOT_COUNTED
