"""Buyer conversations in every state, answered with the store's own templates.

Open conversations are placed by the response clock: a start time is drawn,
its deadline computed with ``messaging.clock``, and it is kept only if it lands
in the state wanted (new, on time, due soon, overdue) as of the demo's "now".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta

from sellerdesk.common.models import Source
from sellerdesk.demo.orders import return_window_end
from sellerdesk.demo.people import code, ses_message_id, tracking_number
from sellerdesk.demo.texts import (
    BUYER_TEXTS,
    DAMAGE_TEXTS_BY_CATEGORY,
    FOLLOW_UPS,
    NUDGES,
    SPANISH_NUDGES,
    SPANISH_TEXTS,
    SPANISH_THANK_YOU,
    SUBJECT_BY_SCENARIO,
    SUBJECTS,
    THANK_YOU_TEXTS,
)
from sellerdesk.demo.voices import QUESTIONS
from sellerdesk.demo.world import OrderPlan, World
from sellerdesk.messaging.clock import amazon_due_at, clock_state, response_due_at
from sellerdesk.messaging.defaults import DEFAULT_TEMPLATES
from sellerdesk.messaging.merge import merge_render
from sellerdesk.messaging.models import (
    Conversation,
    ConversationStatus,
    Direction,
    Intent,
    Message,
)
from sellerdesk.orders.models import OrderStatus

# (state, how many): open conversations as of now.
OPEN_PLAN = (("new", 8), ("on_time", 14), ("due_soon", 9), ("overdue", 8))
# Hours before now the first unanswered message is drawn from, per state.
OPEN_RANGES = {"new": (0.03, 1.3), "on_time": (2, 20), "due_soon": (18, 72), "overdue": (24, 100)}
PAST_THREADS = 265
THANK_YOU_ONLY = 22
CANCELLED_ASKED = 6
INTENT_WEIGHTS = {
    Intent.WHERE_IS_MY_ORDER: 28,
    Intent.RETURN_REQUEST: 14,
    Intent.REFUND_REQUEST: 8,
    Intent.DAMAGED_OR_DEFECTIVE: 12,
    Intent.WRONG_ITEM: 7,
    Intent.CANCEL_ORDER: 8,
    Intent.CHANGE_ORDER: 6,
    Intent.PRODUCT_QUESTION: 9,
    Intent.INVOICE_REQUEST: 4,
    Intent.OTHER: 4,
}
TEMPLATES = {(t["slug"], t["language"]): t["body"] for t in DEFAULT_TEMPLATES}
SELLER_NAME = "Demo Store"


@dataclass(slots=True)
class Thread:
    conversation: Conversation
    messages: list[Message]


def _fmt(value: datetime | None, world: World) -> str:
    if value is None:
        return ""
    local = world.local(value)
    return f"{local:%A}, {local:%B} {local.day}"


class _Builder:
    def __init__(self, world: World) -> None:
        self.world = world
        self.purchases = [plan.order.purchase_date for plan in world.orders]
        self.used: set[str] = set()
        self.threads: list[Thread] = []

    # --- placing threads in time ------------------------------------------

    def build(self) -> list[Thread]:
        world = self.world
        due_soon_hours = world.store.response_due_soon_hours
        for state, count in OPEN_PLAN:
            made = attempts = 0
            while made < count and attempts < 600:
                attempts += 1
                start = world.now - world.hours(*OPEN_RANGES[state])
                due = response_due_at(start=start, policy=world.policy)
                if state != "new" and clock_state(due, world.now, due_soon_hours) != state:
                    continue
                shape = (
                    "single"
                    if state == "new"
                    else world.pick(["single", "nudge", "follow_up"], [55, 15, 30])
                )
                made += self._thread(start, shape, open_=True)
        for _ in range(PAST_THREADS):
            shape = world.pick(["single", "nudge", "follow_up", "thanks_after"], [62, 10, 16, 12])
            for _attempt in range(30):
                if self._thread(world.now - world.hours(10, 24 * 88), shape, open_=False):
                    break
        # Cancellation requests that were granted: few orders are cancelled, and only in
        # the hours after purchase, so random draws would hardly ever find one.
        cancelled = [
            (plan, plan.order.last_updated_at)
            for plan in world.orders
            if plan.is_mfn
            and plan.order.status == OrderStatus.CANCELED
            and plan.order.last_updated_at is not None
            and plan.order.last_updated_at - plan.order.purchase_date > timedelta(minutes=30)
        ]
        for plan, updated in world.rng.sample(cancelled, min(CANCELLED_ASKED, len(cancelled))):
            self.used.add(plan.amazon_order_id)
            purchased = plan.order.purchase_date
            asked = purchased + (updated - purchased) * world.rng.uniform(0.1, 0.6)
            if not self._thread(asked, "single", open_=False, cancelled=plan):
                self.used.discard(plan.amazon_order_id)
        for _ in range(THANK_YOU_ONLY):
            for _attempt in range(30):
                if self._thread(world.now - world.hours(2, 24 * 88), "thanks", open_=False):
                    break
        return self.threads

    def _reply_at(self, after: datetime) -> datetime:
        """When the seller answers: usually within hours, in working hours, not on Sundays."""
        world = self.world
        low, high = world.pick([(0.3, 2), (2, 6), (6, 14), (14, 23), (25, 40)], [35, 35, 20, 6, 4])
        reply = world.local(after + world.hours(low, high))
        if reply.hour >= 22:
            reply = world.local(
                world.at(reply.date() + timedelta(days=1), 7, world.rng.randrange(60))
            )
        elif reply.hour < 7:
            reply = world.local(world.at(reply.date(), 7, world.rng.randrange(60)))
        if reply.weekday() == 6:
            reply = world.local(
                world.at(reply.date() + timedelta(days=1), world.rng.randint(8, 11))
            )
        return reply

    # --- choosing the order and the situation ---------------------------------

    def _find_order(self, intent: str, at: datetime, open_: bool) -> OrderPlan | None:
        orders = self.world.orders
        low = bisect_left(self.purchases, at - timedelta(days=70))
        high = bisect_right(self.purchases, at - timedelta(minutes=5))
        if high <= low:
            return None
        for _ in range(40):
            plan = orders[self.world.rng.randrange(low, high)]
            if plan.amazon_order_id not in self.used and _fits(intent, plan, at, open_):
                self.used.add(plan.amazon_order_id)
                return plan
        return None

    def _scenario(self, intent: str, plan: OrderPlan, at: datetime) -> str:
        order, world = plan.order, self.world
        shipped, delivered = order.shipped_at, order.delivered_at
        not_shipped = shipped is None or shipped > at
        if intent == Intent.WHERE_IS_MY_ORDER:
            if delivered is not None and at > delivered:
                return "delivered-not-received"
            if not_shipped:
                return "not-shipped-yet"
            latest = order.latest_delivery_date
            return "delivery-delay" if latest and at > latest else "where-is-my-order"
        if intent == Intent.RETURN_REQUEST:
            end = return_window_end(plan)
            return "return-window-closed" if end and at > end else "return-instructions"
        if intent == Intent.CANCEL_ORDER:
            confirmed = order.status == OrderStatus.CANCELED or not_shipped
            return "cancellation-confirmed" if confirmed else "cancellation-not-possible"
        if intent == Intent.CHANGE_ORDER:
            return (
                "address-change" if not_shipped and world.chance(0.6) else "change-size-or-colour"
            )
        choices: dict[str, list[str]] = {
            Intent.REFUND_REQUEST: ["return-received", "refund-issued"],
            Intent.WRONG_ITEM: ["wrong-item", "missing-item"],
            Intent.DAMAGED_OR_DEFECTIVE: ["damaged-or-defective"],
            Intent.PRODUCT_QUESTION: ["product-question"],
            Intent.INVOICE_REQUEST: ["invoice"],
            Intent.THANK_YOU: ["thank-you"],
        }
        return world.pick(choices.get(intent, ["need-more-details"]))

    # --- writing the messages ------------------------------------------------------

    def _thread(
        self, start: datetime, shape: str, *, open_: bool, cancelled: OrderPlan | None = None
    ) -> bool:
        """One conversation whose clock (if open) starts at ``start``. False if none fits.

        ``cancelled``: a cancelled order whose buyer asked for the cancellation at ``start``.
        """
        world = self.world
        if cancelled is not None:
            intent = Intent.CANCEL_ORDER
        elif shape == "thanks":
            intent = Intent.THANK_YOU
        else:
            intent = Intent(world.pick(list(INTENT_WEIGHTS), list(INTENT_WEIGHTS.values())))
        first_at = start - world.hours(20, 96) if open_ and shape == "follow_up" else start
        plan = cancelled or self._find_order(intent, first_at, open_)
        if plan is None:
            return False
        scenario = self._scenario(intent, plan, first_at)
        if shape == "follow_up" and scenario not in FOLLOW_UPS:
            if open_ and not _fits(intent, plan, start, open_):
                self.used.discard(plan.amazon_order_id)
                return False
            first_at, shape = start, "single"
            scenario = self._scenario(intent, plan, first_at)
        spanish = plan.buyer.spanish and shape != "follow_up"
        language = "es" if spanish and (scenario in SPANISH_TEXTS or shape == "thanks") else "en"
        if scenario == "cancellation-confirmed" and plan.order.status == OrderStatus.CANCELED:
            plan.order.cancelled_by_buyer = True

        name = "" if world.chance(0.05) else plan.buyer.first
        subject = SUBJECTS[SUBJECT_BY_SCENARIO.get(scenario, "inquiry")].format(
            name=name, order_id=plan.amazon_order_id
        )
        conversation = Conversation(
            store=world.store,
            order=plan.order,
            amazon_order_id=plan.amazon_order_id,
            buyer_key=plan.buyer.alias,
            buyer_name=plan.buyer.first,
            subject=subject,
            language=language,
            intent=intent,
            source=Source.DEMO,
        )
        messages: list[Message] = []

        def buyer(at: datetime, text: str) -> Message:
            message = Message(
                conversation=conversation,
                direction=Direction.INBOUND,
                sender=plan.buyer.alias,
                recipient=world.seller_address,
                subject=subject if not messages else f"RE: {subject}",
                body_text=text,
                sent_at=at,
                message_id=ses_message_id(world.rng),
                comm_mgr_tok="A" + code(world.rng, 13),
                intent=intent,
            )
            messages.append(message)
            return message

        def seller(at: datetime, slug: str, to: Message) -> None:
            context = self._merge_context(plan, slug, at)
            body = TEMPLATES.get((slug, language)) or TEMPLATES[(slug, "en")]
            messages.append(
                Message(
                    conversation=conversation,
                    direction=Direction.OUTBOUND,
                    sender=world.seller_address,
                    recipient=plan.buyer.alias,
                    subject=f"RE: {subject}",
                    body_text=merge_render(body=body, context=context),
                    sent_at=at,
                    message_id=f"<{code(world.rng, 24, '0123456789abcdef')}@demo-store.example>",
                    in_reply_to=to.message_id,
                    author=world.owner,
                )
            )

        first_text = self._buyer_text(scenario, plan, language)
        if shape == "thanks":
            buyer(start, world.pick(SPANISH_THANK_YOU if spanish else THANK_YOU_TEXTS))
            status = ConversationStatus.NO_RESPONSE_NEEDED
        elif open_:
            status = ConversationStatus.NEEDS_RESPONSE
            first = buyer(first_at, first_text)
            if shape == "follow_up":
                reply = self._reply_at(first_at)
                if reply >= start - timedelta(minutes=10):
                    return self._discard(plan)
                seller(reply, scenario, first)
                buyer(start, world.pick(FOLLOW_UPS[scenario][0]))
            elif shape == "nudge" and world.now - start > timedelta(hours=1):
                nudge_at = start + (world.now - start) * world.rng.uniform(0.3, 0.95)
                buyer(nudge_at, world.pick(SPANISH_NUDGES if language == "es" else NUDGES))
        else:
            first = buyer(start, first_text)
            reply = self._reply_at(start)
            if shape == "nudge":
                nudges = SPANISH_NUDGES if language == "es" else NUDGES
                buyer(start + (reply - start) * world.rng.uniform(0.3, 0.9), world.pick(nudges))
            seller(reply, scenario, first)
            status = ConversationStatus.ANSWERED
            if shape == "follow_up":
                texts, second_slug = FOLLOW_UPS[scenario]
                again = buyer(reply + world.hours(2, 72), world.pick(texts))
                seller(self._reply_at(again.sent_at), second_slug, again)
            elif shape == "thanks_after":
                thanks = SPANISH_THANK_YOU if language == "es" else THANK_YOU_TEXTS
                buyer(reply + world.hours(0.2, 30), world.pick(thanks))
                status = ConversationStatus.NO_RESPONSE_NEEDED
        if messages[-1].sent_at > world.now:
            return self._discard(plan)

        conversation.status = status
        conversation.last_message_at = messages[-1].sent_at
        if scenario == "cancellation-confirmed" and plan.order.status == OrderStatus.CANCELED:
            plan.order.last_updated_at = messages[-1].sent_at  # cancelled when answering
        if status == ConversationStatus.NEEDS_RESPONSE:
            conversation.first_unanswered_at = start
            conversation.due_at = response_due_at(start=start, policy=world.policy)
            conversation.amazon_due_at = amazon_due_at(start=start, policy=world.policy)
            conversation.assigned_to = world.owner if world.chance(0.5) else None
        self.threads.append(Thread(conversation, messages))
        return True

    def _discard(self, plan: OrderPlan) -> bool:
        self.used.discard(plan.amazon_order_id)
        return False

    def _buyer_text(self, scenario: str, plan: OrderPlan, language: str) -> str:
        world = self.world
        key = "cancellation-confirmed" if scenario == "cancellation-not-possible" else scenario
        pool = SPANISH_TEXTS if language == "es" else BUYER_TEXTS
        texts = pool.get(key, BUYER_TEXTS.get(key, THANK_YOU_TEXTS))
        product = plan.first_sku.product
        if key == "damaged-or-defective" and language == "en":
            category = "pump" if product.code == "CWF" else product.category
            texts = DAMAGE_TEXTS_BY_CATEGORY.get(category, texts)
        elif key == "product-question":
            # The questions people ask on the listing, asked after buying.
            texts = texts + tuple(question for question, _ in QUESTIONS[product.category])
        text = world.pick(texts)
        order = plan.order
        promised = order.delivered_at if scenario == "delivered-not-received" else None
        when = promised or order.latest_delivery_date
        local = world.local(when) if when else None
        date = f"{local:%B} {local.day}" if local else "Friday"
        return text.format(product=plan.first_sku.product.name, date=date)

    def _merge_context(self, plan: OrderPlan, slug: str, at: datetime) -> dict[str, str]:
        world, order, sku = self.world, plan.order, plan.first_sku
        delivery = order.latest_delivery_date
        carrier, tracking = order.carrier, order.tracking_number
        if slug == "delivered-not-received":
            delivery = order.delivered_at
        elif slug == "delivery-delay" and delivery is not None:
            delivery = max(delivery, at) + timedelta(days=2)
        elif slug == "replacement-sent":
            carrier = "USPS"
            tracking = tracking_number(world.rng, carrier)
            delivery = at + timedelta(days=4)
        window_end = return_window_end(plan) or (at + timedelta(days=30))
        return {
            "buyer_name": plan.buyer.first,
            "order_id": plan.amazon_order_id,
            "product": sku.display,
            "asin": sku.asin,
            "tracking_number": tracking,
            "carrier": carrier,
            "delivery_date": _fmt(delivery, world),
            "return_window_end": _fmt(window_end, world),
            "seller_name": SELLER_NAME,
        }


def _fits(intent: str, plan: OrderPlan, at: datetime, open_: bool) -> bool:
    """Whether a buyer would plausibly write about ``intent`` on this order at ``at``."""
    order = plan.order
    purchased, shipped, delivered = order.purchase_date, order.shipped_at, order.delivered_at
    hour, day = timedelta(hours=1), timedelta(days=1)
    if intent == Intent.CANCEL_ORDER:
        if not plan.is_mfn or at < purchased + timedelta(minutes=2):
            return False
        if order.status == OrderStatus.CANCELED:
            return order.last_updated_at is not None and at <= order.last_updated_at - 0.1 * hour
        if shipped is not None and shipped <= at:
            return at <= shipped + 2 * day
        return open_ and shipped is None
    if order.status == OrderStatus.CANCELED:
        return False
    if intent == Intent.WHERE_IS_MY_ORDER:
        latest = (delivered + 3 * day) if delivered else at
        return plan.is_mfn and purchased + 20 * hour <= at <= latest
    if intent == Intent.CHANGE_ORDER:
        return purchased + 0.1 * hour <= at <= purchased + day and (shipped is None or at < shipped)
    if intent == Intent.PRODUCT_QUESTION:
        return purchased + 2 * hour <= at <= (delivered or purchased) + 20 * day
    if intent == Intent.INVOICE_REQUEST:
        return purchased + day <= at <= purchased + 60 * day
    if intent == Intent.OTHER:
        return purchased + 2 * hour <= at <= purchased + 30 * day
    if delivered is None:
        return False
    after_delivery = {
        Intent.RETURN_REQUEST: (3 * hour, 40 * day),
        Intent.REFUND_REQUEST: (6 * day, 45 * day),
        Intent.DAMAGED_OR_DEFECTIVE: (hour, 20 * day),
        Intent.WRONG_ITEM: (hour, 8 * day),
        Intent.THANK_YOU: (hour, 10 * day),
    }
    low, high = after_delivery[Intent(intent)]
    return delivered + low <= at <= delivered + high


def build_conversations(world: World) -> list[Thread]:
    return _Builder(world).build()
