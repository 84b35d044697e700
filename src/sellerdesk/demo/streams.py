"""Seller feedback, returns, product reviews and listing questions."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from sellerdesk.common.models import Source
from sellerdesk.demo.catalog import PRODUCTS, Sku
from sellerdesk.demo.orders import return_window_end
from sellerdesk.demo.people import FIRST_NAMES, LAST_NAMES, code, short_name, tracking_number
from sellerdesk.demo.voices import (
    CATEGORY_VOICES,
    FEEDBACK_NEGATIVE,
    FEEDBACK_NEUTRAL,
    FEEDBACK_POSITIVE,
    FEEDBACK_REPLY_NEGATIVE,
    FEEDBACK_REPLY_POSITIVE,
    GENERIC_QUESTIONS,
    QUESTIONS,
    REVIEW_CLOSINGS,
    REVIEW_RESPONSES,
    REVIEW_TITLES,
)
from sellerdesk.demo.world import OrderPlan, World
from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.orders.models import OrderStatus
from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.reviews.models import Review, ReviewStatus

FEEDBACK_RATE = 0.07
RATINGS = [5, 4, 3, 2, 1]
RATING_WEIGHTS = [68, 14, 5, 4, 9]
PROBLEM_RATING_WEIGHTS = [45, 12, 8, 10, 25]
# Reason codes as Amazon's return reports spell them (amazon-rules.md §7), with weights.
# NO_REASON_GIVEN, UNDELIVERABLE_REFUSED and APPAREL_STYLE are not in the known table:
# the desk must accept them with fault "unknown".
RETURN_REASONS = {
    "CR-UNWANTED_ITEM": 20, "CR-ORDERED_WRONG_ITEM": 10, "CR-NOT_COMPATIBLE": 8,
    "CR-FOUND_BETTER_PRICE": 5, "CR-QUALITY_UNACCEPTABLE": 10, "CR-DEFECTIVE": 14,
    "CR-DAMAGED_BY_CARRIER": 6, "CR-DAMAGED_BY_FC": 3, "CR-SWITCHEROO": 3,
    "CR-MISSING_PARTS": 4, "AMZ-PG-BAD-DESC": 5, "CR-MISSED_ESTIMATED_DELIVERY": 4,
    "CR-UNAUTHORIZED_PURCHASE": 2, "CR-EXTRA_ITEM": 1, "NO_REASON_GIVEN": 2,
    "UNDELIVERABLE_REFUSED": 1, "APPAREL_STYLE": 1,
}  # fmt: skip
RETURN_COMMENTS = {
    "CR-DEFECTIVE": "Stopped working after a few days.",
    "DEFECTIVE": "Does not turn on.",
    "CR-QUALITY_UNACCEPTABLE": "Feels cheap, not what I expected.",
    "CR-NOT_COMPATIBLE": "Does not fit.",
    "AMZ-PG-BAD-DESC": "Size in the description is wrong.",
    "POOR_FIT": "Too tight.",
    "AMZ-PG-APP-TOO-SMALL": "Runs small, need a bigger size.",
    "AMZ-PG-APP-TOO-LARGE": "Too loose.",
    "CR-DAMAGED_BY_CARRIER": "Box was crushed and the item is dented.",
    "CR-MISSING_PARTS": "Screws missing.",
    "CR-SWITCHEROO": "Received a different color.",
    "CR-UNWANTED_ITEM": "No longer needed.",
}
FORCED_UNKNOWN_CODES = ("NO_REASON_GIVEN", "UNDELIVERABLE_REFUSED")
DISPOSITIONS = ("SELLABLE", "CUSTOMER_DAMAGED", "DEFECTIVE", "CARRIER_DAMAGED")
REVIEW_WEIGHTS = [60, 16, 8, 6, 10]
PROBLEM_REVIEW_WEIGHTS = [35, 12, 10, 15, 28]


def _delivered(world: World) -> list[tuple[OrderPlan, datetime]]:
    """Shipped orders that have arrived, with their delivery time."""
    return [
        (p, p.delivered_at)
        for p in world.orders
        if p.order.status == OrderStatus.SHIPPED and p.delivered_at is not None
    ]


def build_feedback(world: World) -> list[Feedback]:
    """About 7 % of delivered orders get feedback; the first five cover every rating."""
    rows: list[Feedback] = []
    forced = RATINGS[:]
    world.rng.shuffle(forced)
    for plan, delivered in _delivered(world):
        if not world.chance(FEEDBACK_RATE):
            continue
        left = world.local(delivered + world.hours(2, 24 * world.pick([3, 10, 25]))).date()
        if left > world.today:
            continue
        problem = plan.first_sku.product.return_problem is not None
        rating = (
            forced.pop()
            if forced
            else world.pick(RATINGS, PROBLEM_RATING_WEIGHTS if problem else RATING_WEIGHTS)
        )
        product = plan.first_sku.product.name
        status: str = FeedbackStatus.ACTIVE
        reply, reply_status = "", ReplyStatus.NONE
        if rating >= 4:
            comment = world.pick(FEEDBACK_POSITIVE)
            if world.chance(0.1):
                reply, reply_status = world.pick(FEEDBACK_REPLY_POSITIVE), ReplyStatus.POSTED
        elif rating == 3:
            comment = world.pick(FEEDBACK_NEUTRAL)
        else:
            about = world.pick(["product", "delivery", "service", "mixed"], [35, 30, 20, 15])
            comment = world.pick(FEEDBACK_NEGATIVE[about])
            status = _negative_status(world, about, plan)
            if world.chance(0.6):
                reply = world.pick(FEEDBACK_REPLY_NEGATIVE)
                reply_status = world.pick([ReplyStatus.POSTED, ReplyStatus.DRAFTED], [80, 20])
        changed = None
        if status != FeedbackStatus.ACTIVE:
            changed = world.clamp(world.at(left, 12) + world.hours(6, 24 * 6))
        rows.append(
            Feedback(
                store=world.store,
                order=plan.order,
                amazon_order_id=plan.amazon_order_id,
                left_on=left,
                rating=rating,
                comment=comment.format(product=product),
                your_response=reply,
                rater_email=plan.buyer.alias,
                status=status,
                reply_status=reply_status,
                status_changed_at=changed,
                source=Source.DEMO,
            )
        )
    return rows


def _negative_status(world: World, about: str, plan: OrderPlan) -> str:
    """What happened to a negative: Amazon's removal rules (amazon-rules.md §6)."""
    if about == "delivery" and not plan.is_mfn:
        return FeedbackStatus.STRUCK_THROUGH  # FBA delivery: Amazon takes responsibility
    if about == "product":
        options = [FeedbackStatus.REMOVAL_REQUESTED, FeedbackStatus.REMOVED, FeedbackStatus.ACTIVE]
        return world.pick(options, [30, 45, 25])
    if about == "mixed":
        return world.pick([FeedbackStatus.REMOVAL_DENIED, FeedbackStatus.ACTIVE], [60, 40])
    return world.pick([FeedbackStatus.ACTIVE, FeedbackStatus.REMOVED_BY_BUYER], [65, 35])


def build_returns(world: World) -> list[Return]:
    rows: list[Return] = []
    unknown = list(FORCED_UNKNOWN_CODES)
    for plan, delivered in _delivered(world):
        for sku, quantity in plan.lines:
            problem = sku.product.return_problem
            rate = problem[0] if problem else (0.04 if not plan.is_mfn else 0.03)
            if not world.chance(rate):
                continue
            requested = delivered + world.hours(6, 24 * world.pick([5, 14, 28]))
            if requested > world.now:
                continue
            if unknown:
                reason = unknown.pop()
            elif problem and world.chance(0.7):
                reason = world.pick(problem[1])
            else:
                reason = world.pick(list(RETURN_REASONS), list(RETURN_REASONS.values()))
            rows.append(
                _return(world, plan, sku, min(quantity, world.pick([1, 2])), reason, requested)
            )
    return rows


def _return(
    world: World, plan: OrderPlan, sku: Sku, quantity: int, reason: str, requested: datetime
) -> Return:
    age = world.now - requested
    end = return_window_end(plan)
    row = Return(
        store=world.store,
        order=plan.order,
        amazon_order_id=plan.amazon_order_id,
        fulfillment_channel=plan.order.fulfillment_channel,
        sku=sku.sku,
        asin=sku.asin,
        title=sku.title,
        quantity=quantity,
        reason_code=reason,
        buyer_comment=RETURN_COMMENTS.get(reason, "") if world.chance(0.6) else "",
        requested_at=requested,
        in_policy=end is None or requested <= end,
        amount=(sku.price * quantity).quantize(Decimal("0.01")),
        currency="USD",
        source=Source.DEMO,
    )
    if plan.is_mfn:
        row.rma_id = "D" + code(world.rng, 9) + "RMA"
        row.external_key = row.rma_id
        row.resolution = world.pick(["Refund", "Replacement"], [88, 12])
        if age < timedelta(days=1):
            row.status = world.pick([ReturnStatus.REQUESTED, ReturnStatus.AUTHORIZED], [60, 40])
            if row.status == ReturnStatus.REQUESTED:
                row.due_at = requested + timedelta(hours=48)  # answer within 48 h
            return row
        row.carrier = world.pick(["UPS", "USPS"])
        row.tracking_number = tracking_number(world.rng, row.carrier)
        received = requested + world.hours(24 * 3, 24 * 8)
        if age < timedelta(days=4) or received > world.now:
            row.status = world.pick([ReturnStatus.AUTHORIZED, ReturnStatus.IN_TRANSIT], [40, 60])
            return row
        row.received_at = received
        refunded = received + world.hours(4, 60)
        if refunded > world.now:
            row.status = ReturnStatus.RECEIVED
            row.due_at = received + timedelta(days=2)  # refund within 2 business days
            return row
        row.status = world.pick(
            [ReturnStatus.REFUNDED, ReturnStatus.CLOSED, ReturnStatus.REJECTED], [86, 9, 5]
        )
        if row.status == ReturnStatus.REFUNDED:
            row.refunded_at = refunded
        return row
    # FBA: Amazon refunds at drop-off and the unit comes back to a fulfilment centre.
    row.license_plate_number = "LPN" + code(world.rng, 9)
    row.external_key = f"{plan.amazon_order_id}:{sku.sku}:{row.license_plate_number}"
    row.resolution = "Refund"
    refunded = requested + world.hours(12, 72)
    received = requested + world.hours(24 * 3, 24 * 10)
    row.refunded_at = refunded if refunded <= world.now else None
    if received <= world.now:
        row.received_at = received
        row.status = ReturnStatus.REFUNDED if row.refunded_at else ReturnStatus.RECEIVED
        defect = reason in ("CR-DEFECTIVE", "DEFECTIVE", "CR-DAMAGED_BY_FC")
        row.disposition = "DEFECTIVE" if defect else world.pick(DISPOSITIONS, [70, 18, 4, 8])
    else:
        row.status = ReturnStatus.REFUNDED if row.refunded_at else ReturnStatus.REQUESTED
    return row


def build_reviews(world: World) -> list[Review]:
    """Reviews on the first variant of each of the 40 products: 40 ASINs."""
    # Who bought each product, and the local day it arrived.
    by_product: dict[str, list[tuple[str, date]]] = {}
    for plan, delivered in _delivered(world):
        by_product.setdefault(plan.first_sku.product.code, []).append(
            (plan.amazon_order_id, world.local(delivered).date())
        )
    first_variant: dict[str, Sku] = {}
    for sku in world.skus:
        first_variant.setdefault(sku.product.code, sku)
    rows: list[Review] = []
    taken: set[str] = set()
    for product in PRODUCTS:
        sku = first_variant[product.code]
        weights = PROBLEM_REVIEW_WEIGHTS if product.return_problem else REVIEW_WEIGHTS
        praise, complaints = CATEGORY_VOICES[product.category]
        for _ in range(world.rng.randint(3, 11)):
            rating = world.pick(RATINGS, weights)
            reviewed = world.today - timedelta(days=world.rng.randrange(89))
            review_id = "R" + code(world.rng, 13)
            while review_id in taken:
                review_id = "R" + code(world.rng, 13)
            taken.add(review_id)
            order_id = ""
            buyers = [oid for oid, day in by_product.get(product.code, []) if day < reviewed]
            if buyers and world.chance(0.3):
                order_id = world.pick(buyers)
            body = _review_body(world, rating, praise, complaints)
            status, response, responded = ReviewStatus.NO_ACTION, "", None
            if rating <= 2 and world.chance(0.55):
                status, response = ReviewStatus.RESPONDED, world.pick(REVIEW_RESPONSES)
                responded = world.clamp(world.at(reviewed, 10) + world.hours(4, 72))
            elif rating <= 3 or world.chance(0.15):
                status = ReviewStatus.NEW
            anonymous = world.chance(0.15)
            rows.append(
                Review(
                    store=world.store,
                    review_id=review_id,
                    asin=sku.asin,
                    sku=sku.sku,
                    rating=rating,
                    title=world.pick(REVIEW_TITLES[rating]).format(product=product.name),
                    body=body,
                    author="Amazon Customer"
                    if anonymous
                    else short_name(world.pick(FIRST_NAMES), world.pick(LAST_NAMES)),
                    reviewed_on=reviewed,
                    verified_purchase=world.chance(0.88),
                    amazon_order_id=order_id,
                    status=status,
                    response=response.format(product=product.name),
                    responded_at=responded,
                    source=Source.DEMO,
                )
            )
    return rows


def _review_body(
    world: World, rating: int, praise: tuple[str, ...], complaints: tuple[str, ...]
) -> str:
    good = world.rng.sample(praise, 2)
    bad = world.rng.sample(complaints, 2)
    closing = world.pick(REVIEW_CLOSINGS[rating])
    if rating == 5:
        parts = [f"{good[0]}.", f"{good[1]}.", closing]
    elif rating == 4:
        parts = [f"{good[0]}.", f"Only complaint: {bad[0].lower()}.", closing]
    elif rating == 3:
        parts = [f"{good[0]}, but {bad[0][0].lower()}{bad[0][1:]}.", closing]
    else:
        parts = [
            f"{bad[0]}.",
            f"{bad[1]}." if rating == 1 else f"{good[0]}, but not enough.",
            closing,
        ]
    return " ".join(p for p in parts if p)


def build_questions(world: World) -> list[Question]:
    rows: list[Question] = []
    taken: set[str] = set()
    for sku in world.skus[::3]:  # one listing per product
        product = sku.product
        pairs = list(QUESTIONS[product.category])
        for _ in range(world.pick([0, 1, 2, 3], [15, 40, 30, 15])):
            generic = world.chance(0.2)
            question, answer = (world.pick(GENERIC_QUESTIONS), "") if generic else world.pick(pairs)
            asked = world.now - world.hours(1, 24 * 89)
            question_id = "Tx" + code(world.rng, 13)
            while question_id in taken:
                question_id = "Tx" + code(world.rng, 13)
            taken.add(question_id)
            row = Question(
                store=world.store,
                question_id=question_id,
                asin=sku.asin,
                text=question.format(product=product.name),
                asked_at=asked,
                asker=world.pick(FIRST_NAMES),
                source=Source.DEMO,
            )
            answered_at = asked + world.hours(2, 72)
            recent = world.now - asked < timedelta(days=3)
            if generic and not recent and world.chance(0.5):
                row.status = QuestionStatus.DISMISSED
            elif answer and not recent and answered_at <= world.now and world.chance(0.85):
                row.status, row.answer, row.answered_at = (
                    QuestionStatus.ANSWERED,
                    answer,
                    answered_at,
                )
            rows.append(row)
    return rows
