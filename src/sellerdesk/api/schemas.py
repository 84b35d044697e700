"""What the API returns. Datetimes are ISO 8601 in UTC (``…Z``); money is a decimal
string next to its ISO 4217 currency, never a float."""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from decimal import Decimal

import nh3
from ninja import ModelSchema, Schema
from pydantic import ConfigDict

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.claims.models import Claim
from sellerdesk.feedback.models import Feedback
from sellerdesk.messaging.models import Conversation, Message
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.questions.models import Question
from sellerdesk.returns.models import Return
from sellerdesk.reviews.models import Review
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import store_counts

STAMPS = ["created_at", "updated_at"]


def decimal_str(value: Decimal | None) -> str | None:
    # ``:f`` never switches to exponent notation (Decimal("1E+2") -> "100").
    return None if value is None else f"{value:f}"


# --- stores ------------------------------------------------------------------


class StoreOut(ModelSchema):
    role: str  # the caller's role in this store: owner, agent or viewer

    class Meta:
        model = Store
        fields = ["id", "name", "marketplace", "timezone", "currency"]


class StoreDetail(StoreOut):
    counts: dict[str, int]

    class Meta:
        model = Store
        fields = [
            "id",
            "name",
            "marketplace",
            "timezone",
            "currency",
            "response_hours",
            "response_skip_sundays",
            "response_holiday_country",
            "response_due_soon_hours",
        ]

    @staticmethod
    def resolve_counts(obj: Store) -> dict[str, int]:
        return store_counts(store=obj)


# --- orders ------------------------------------------------------------------


class OrderItemOut(ModelSchema):
    item_price: str | None

    class Meta:
        model = OrderItem
        fields = [
            "id",
            "sku",
            "asin",
            "title",
            "item_status",
            "quantity_ordered",
            "quantity_shipped",
            "currency",
        ]

    @staticmethod
    def resolve_item_price(obj: OrderItem) -> str | None:
        return decimal_str(obj.item_price)


class OrderOut(ModelSchema):
    order_total: str | None

    class Meta:
        model = Order
        exclude = ["order_total"]

    @staticmethod
    def resolve_order_total(obj: Order) -> str | None:
        return decimal_str(obj.order_total)


class OrderDetail(OrderOut):
    items: list[OrderItemOut]

    class Meta:
        model = Order
        exclude = ["order_total"]


# --- conversations -----------------------------------------------------------


class MessageOut(ModelSchema):
    class Meta:
        model = Message
        fields = [
            "id",
            "direction",
            "sender",
            "recipient",
            "subject",
            "body_text",
            "body_html",
            "sent_at",
            "intent",
            "is_auto_reply",
            "author",
        ]

    @staticmethod
    def resolve_body_html(obj: Message) -> str:
        # Stored HTML is sanitized on the way in; cleaning again on the way out
        # is cheap, and a row written by some other path (import, admin, a bug)
        # still cannot hand script to a client that renders it.
        return nh3.clean(obj.body_html) if obj.body_html else ""


class ConversationOut(ModelSchema):
    class Meta:
        model = Conversation
        fields = "__all__"


class ConversationDetail(ConversationOut):
    messages: list[MessageOut]

    class Meta:
        model = Conversation
        fields = "__all__"


class ConversationPatch(Schema):
    """Fields a PATCH may change; a field left out stays as it is."""

    model_config = ConfigDict(extra="forbid")

    assigned_to: int | None = None


# --- money streams -----------------------------------------------------------


class ClaimOut(ModelSchema):
    amount: str | None

    class Meta:
        model = Claim
        exclude = ["amount"]

    @staticmethod
    def resolve_amount(obj: Claim) -> str | None:
        return decimal_str(obj.amount)


class ChargebackOut(ModelSchema):
    amount: str | None

    class Meta:
        model = Chargeback
        exclude = ["amount"]

    @staticmethod
    def resolve_amount(obj: Chargeback) -> str | None:
        return decimal_str(obj.amount)


class ReturnOut(ModelSchema):
    amount: str | None

    class Meta:
        model = Return
        exclude = ["amount"]

    @staticmethod
    def resolve_amount(obj: Return) -> str | None:
        return decimal_str(obj.amount)


# --- what buyers say in public -----------------------------------------------


class FeedbackOut(ModelSchema):
    class Meta:
        model = Feedback
        fields = "__all__"


class ReviewOut(ModelSchema):
    class Meta:
        model = Review
        fields = "__all__"


class QuestionOut(ModelSchema):
    class Meta:
        model = Question
        fields = "__all__"
