"""A-to-z Guarantee claims and chargebacks, in every status Amazon uses.

Deadlines follow amazon-rules.md §5: an A-to-z information request is due 48
hours after the claim is filed, an appeal within 30 days of a grant, and a
chargeback 7 calendar days after the notice.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import datetime, timedelta

from sellerdesk.chargebacks.models import Chargeback, ChargebackKind, ChargebackStatus
from sellerdesk.claims.models import Claim, ClaimReason, ClaimStatus, FundedBy
from sellerdesk.common.models import Source
from sellerdesk.demo.world import OrderPlan, World
from sellerdesk.orders.models import OrderStatus

CLAIM_PLAN = (
    (ClaimStatus.ACTION_REQUIRED, 4),
    (ClaimStatus.UNDER_REVIEW, 4),
    (ClaimStatus.GRANTED, 4),
    (ClaimStatus.DENIED, 4),
    (ClaimStatus.WITHDRAWN, 3),
    (ClaimStatus.REFUNDED_BY_SELLER, 3),
    (ClaimStatus.APPEALED, 2),
    (ClaimStatus.CANCELLED, 2),
)
CHARGEBACK_PLAN = (
    (ChargebackStatus.OPEN, 3),
    (ChargebackStatus.REPRESENTED, 3),
    (ChargebackStatus.DECIDED_FOR_SELLER, 2),
    (ChargebackStatus.DECIDED_FOR_BUYER, 2),
    (ChargebackStatus.REFUNDED, 2),
)
INFORMATION_REQUEST = timedelta(hours=48)
APPEAL_WINDOW = timedelta(days=30)
CHARGEBACK_RESPONSE = timedelta(days=7)
DAY = timedelta(days=1)

CLAIM_TEXTS = {
    ClaimReason.NOT_RECEIVED: (
        "Package never arrived. Tracking has not updated in over a week.",
        "Tracking says delivered but I never received it.",
        "Item not received. The seller did not respond to my messages.",
    ),
    ClaimReason.NOT_AS_DESCRIBED: (
        "The item is a different size than the listing says.",
        "Received a used item with scratches, not new as described.",
        "Product does not match the description or photos.",
    ),
    ClaimReason.RETURN_REFUND: (
        "I returned the item two weeks ago and have not been refunded.",
        "Return was delivered to the seller but no refund was issued.",
    ),
}


class _Picker:
    """Draws distinct orders whose dates suit a claim or chargeback filed at a given time."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.purchases = [plan.order.purchase_date for plan in world.orders]
        self.used: set[str] = set()

    def order(self, filed: datetime, *, mfn_share: float) -> OrderPlan | None:
        world = self.world
        low = bisect_left(self.purchases, filed - timedelta(days=80))
        high = bisect_right(self.purchases, filed - timedelta(days=7))
        for _ in range(200):
            if high <= low:
                return None
            plan = world.orders[world.rng.randrange(low, high)]
            order = plan.order
            wanted_mfn = world.chance(mfn_share)
            if plan.amazon_order_id in self.used or order.status != OrderStatus.SHIPPED:
                continue
            if plan.is_mfn != wanted_mfn or order.latest_delivery_date is None:
                continue
            if order.latest_delivery_date > filed:
                continue
            self.used.add(plan.amazon_order_id)
            return plan
        return None


def _claim_times(world: World, status: str, index: int) -> tuple[datetime, datetime | None]:
    """(filed, decided) for a claim in ``status``."""
    if status == ClaimStatus.ACTION_REQUIRED:
        # The first one is due within a few hours, so the desk has something urgent.
        filed = world.now - (world.hours(44, 46) if index == 0 else world.hours(2, 40))
        return filed, None
    if status == ClaimStatus.UNDER_REVIEW:
        return world.now - world.hours(72, 24 * 12), None
    filed = world.now - world.hours(24 * 12, 24 * 70)
    decided = min(filed + world.hours(48, 24 * 12), world.now - world.hours(1, 24))
    return filed, decided


def build_claims(world: World, picker: _Picker, *, returned: set[str]) -> list[Claim]:
    """Claims in every status; "return refund not issued" only on orders with a return."""
    claims = []
    for status, count in CLAIM_PLAN:
        for index in range(count):
            filed, decided = _claim_times(world, status, index)
            plan = picker.order(filed, mfn_share=0.9)
            if plan is None:
                continue
            order = plan.order
            if order.delivered_at is None or order.delivered_at > filed:
                reason = ClaimReason.NOT_RECEIVED
            elif plan.amazon_order_id in returned and world.chance(0.6):
                reason = ClaimReason.RETURN_REFUND
            else:
                reason = world.pick(
                    [ClaimReason.NOT_AS_DESCRIBED, ClaimReason.NOT_RECEIVED], [65, 35]
                )
            protected = bool(order.bought_buy_shipping) and reason == ClaimReason.NOT_RECEIVED
            amazon_funded = status == ClaimStatus.GRANTED and protected
            claim = Claim(
                store=world.store,
                order=order,
                amazon_order_id=plan.amazon_order_id,
                filed_at=filed,
                reason=reason,
                reason_text=world.pick(CLAIM_TEXTS[reason]),
                status=status,
                funded_by=FundedBy.AMAZON if amazon_funded else FundedBy.SELLER,
                buy_shipping_protected=protected,
                due_at=filed + INFORMATION_REQUEST,
                decided_at=decided,
                amount=order.order_total,
                currency="USD",
                source=Source.DEMO,
            )
            if status in (ClaimStatus.GRANTED, ClaimStatus.APPEALED) and decided is not None:
                claim.appeal_due_at = decided + APPEAL_WINDOW
            if status == ClaimStatus.APPEALED:
                claim.notes = "Appealed with the carrier's proof of delivery and photo."
            elif status == ClaimStatus.UNDER_REVIEW:
                claim.notes = "Answered Amazon's information request with tracking details."
            claims.append(claim)
    return claims


def build_chargebacks(world: World, picker: _Picker) -> list[Chargeback]:
    chargebacks = []
    for status, count in CHARGEBACK_PLAN:
        for index in range(count):
            if status == ChargebackStatus.OPEN:
                received = world.now - world.hours(3, 24 * 5)
                decided = None
            elif status == ChargebackStatus.REPRESENTED:
                received = world.now - world.hours(24 * 2, 24 * 12)
                decided = None
            elif status == ChargebackStatus.REFUNDED:
                received = world.now - world.hours(24 * 5, 24 * 40)
                decided = received + world.hours(12, 24 * 4)
            else:
                received = world.now - world.hours(24 * 30, 24 * 75)
                decided = received + world.hours(24 * 10, 24 * 28)
            plan = picker.order(received, mfn_share=0.75)
            if plan is None:
                continue
            kind = ChargebackKind.FRAUD if index % 3 == 1 else ChargebackKind.SERVICE
            notes = ""
            if status in (ChargebackStatus.REPRESENTED, ChargebackStatus.DECIDED_FOR_SELLER):
                carrier = plan.order.carrier or "Amazon"
                notes = f"Represented with {carrier} proof of delivery and the buyer's messages."
            chargebacks.append(
                Chargeback(
                    store=world.store,
                    order=plan.order,
                    amazon_order_id=plan.amazon_order_id,
                    received_at=received,
                    kind=kind,
                    status=status,
                    due_at=received + CHARGEBACK_RESPONSE,
                    decided_at=decided,
                    notes=notes,
                    amount=plan.order.order_total,
                    currency="USD",
                    source=Source.DEMO,
                )
            )
    return chargebacks


def build_cases(world: World, *, returned: set[str]) -> tuple[list[Claim], list[Chargeback]]:
    picker = _Picker(world)
    return build_claims(world, picker, returned=returned), build_chargebacks(world, picker)
