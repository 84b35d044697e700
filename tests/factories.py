"""factory_boy factories for every model tests need. Datetimes are aware (UTC)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from sellerdesk.accounts.models import User
from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.claims.models import Claim
from sellerdesk.feedback.models import Feedback
from sellerdesk.messaging.models import Conversation, Direction, Message, ReplyTemplate
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.questions.models import Question
from sellerdesk.returns.models import Return
from sellerdesk.reviews.models import Review
from sellerdesk.stores.models import Membership, Store

BASE_TIME = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    password = factory.django.Password("correct horse battery")


class StoreFactory(DjangoModelFactory[Store]):
    class Meta:
        model = Store

    name = factory.Sequence(lambda n: f"Store {n}")
    marketplace = "US"
    timezone = "America/Los_Angeles"
    currency = "USD"


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    store = factory.SubFactory(StoreFactory)
    role = "agent"


class OrderFactory(DjangoModelFactory[Order]):
    class Meta:
        model = Order

    store = factory.SubFactory(StoreFactory)
    amazon_order_id = factory.Sequence(lambda n: f"111-{1000000 + n:07d}-{2000000 + n:07d}")
    purchase_date = factory.Sequence(lambda n: BASE_TIME - timedelta(hours=n))
    status = "Shipped"
    fulfillment_channel = "MFN"
    buyer_name = factory.Sequence(lambda n: f"Buyer {n}")
    buyer_relay_alias = factory.Sequence(lambda n: f"buyer{n:010d}@marketplace.amazon.com")
    order_total = Decimal("19.99")
    currency = "USD"


class OrderItemFactory(DjangoModelFactory[OrderItem]):
    class Meta:
        model = OrderItem

    order = factory.SubFactory(OrderFactory)
    sku = factory.Sequence(lambda n: f"SKU-{n:04d}")
    asin = factory.Sequence(lambda n: f"B0{n:08d}")
    title = "Stainless steel water bottle"
    quantity_ordered = 1
    quantity_shipped = 1
    item_price = Decimal("19.99")
    currency = "USD"


class ConversationFactory(DjangoModelFactory[Conversation]):
    class Meta:
        model = Conversation

    store = factory.SubFactory(StoreFactory)
    amazon_order_id = factory.Sequence(lambda n: f"112-{1000000 + n:07d}-{3000000 + n:07d}")
    buyer_key = factory.Sequence(lambda n: f"alias{n:010d}@marketplace.amazon.com")
    buyer_name = "Alisa"
    subject = factory.LazyAttribute(
        lambda o: f"Inquiry from Amazon customer Alisa (Order: {o.amazon_order_id})"
    )
    status = "needs_response"
    first_unanswered_at = BASE_TIME
    due_at = BASE_TIME + timedelta(hours=24)
    amazon_due_at = BASE_TIME + timedelta(hours=24)
    last_message_at = BASE_TIME


class MessageFactory(DjangoModelFactory[Message]):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    direction = Direction.INBOUND
    sender = factory.LazyAttribute(lambda o: o.conversation.buyer_key)
    subject = factory.LazyAttribute(lambda o: o.conversation.subject)
    body_text = "Hello, where is my order?"
    sent_at = BASE_TIME


class ReplyTemplateFactory(DjangoModelFactory[ReplyTemplate]):
    class Meta:
        model = ReplyTemplate

    store = factory.SubFactory(StoreFactory)
    slug = factory.Sequence(lambda n: f"template-{n}")
    name = factory.Sequence(lambda n: f"Template {n}")
    body = "Hello {{ buyer_name }}, about order {{ order_id }}."


class ClaimFactory(DjangoModelFactory[Claim]):
    class Meta:
        model = Claim

    store = factory.SubFactory(StoreFactory)
    amazon_order_id = factory.Sequence(lambda n: f"113-{1000000 + n:07d}-{4000000 + n:07d}")
    filed_at = BASE_TIME
    reason = "not_received"
    status = "action_required"
    amount = Decimal("24.99")
    currency = "USD"
    due_at = BASE_TIME + timedelta(hours=48)


class ChargebackFactory(DjangoModelFactory[Chargeback]):
    class Meta:
        model = Chargeback

    store = factory.SubFactory(StoreFactory)
    amazon_order_id = factory.Sequence(lambda n: f"114-{1000000 + n:07d}-{5000000 + n:07d}")
    received_at = BASE_TIME
    kind = "service"
    status = "open"
    amount = Decimal("31.50")
    currency = "USD"
    due_at = BASE_TIME + timedelta(days=7)


class FeedbackFactory(DjangoModelFactory[Feedback]):
    class Meta:
        model = Feedback

    store = factory.SubFactory(StoreFactory)
    amazon_order_id = factory.Sequence(lambda n: f"115-{1000000 + n:07d}-{6000000 + n:07d}")
    left_on = date(2026, 11, 1)
    rating = 2
    comment = "Arrived late and the box was crushed."


class ReviewFactory(DjangoModelFactory[Review]):
    class Meta:
        model = Review

    store = factory.SubFactory(StoreFactory)
    review_id = factory.Sequence(lambda n: f"R{n:012d}")
    asin = "B000000001"
    rating = 2
    title = "Leaks"
    body = "The lid leaks after a week."
    reviewed_on = date(2026, 11, 1)


class QuestionFactory(DjangoModelFactory[Question]):
    class Meta:
        model = Question

    store = factory.SubFactory(StoreFactory)
    question_id = factory.Sequence(lambda n: f"Q{n:010d}")
    asin = "B000000001"
    text = "Is the bottle dishwasher safe?"
    asked_at = BASE_TIME


class ReturnFactory(DjangoModelFactory[Return]):
    class Meta:
        model = Return

    store = factory.SubFactory(StoreFactory)
    external_key = factory.Sequence(lambda n: f"RMA{n:08d}")
    amazon_order_id = factory.Sequence(lambda n: f"116-{1000000 + n:07d}-{7000000 + n:07d}")
    sku = "SKU-0001"
    asin = "B000000001"
    reason_code = "CR-DEFECTIVE"
    requested_at = BASE_TIME
    status = "requested"
