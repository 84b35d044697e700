"""What the API returns. Datetimes are ISO 8601 in UTC (``…Z``); money is a decimal
string next to its ISO 4217 currency, never a float."""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from datetime import UTC, datetime
from decimal import Decimal
from typing import Literal

import nh3
from django.utils import timezone
from ninja import Field, ModelSchema, Schema
from pydantic import ConfigDict, field_validator

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.chargebacks.odr import chargeback_counts_in_odr
from sellerdesk.chargebacks.odr import odr_key as chargeback_odr_key
from sellerdesk.claims.models import Claim
from sellerdesk.claims.odr import claim_counts_in_odr
from sellerdesk.claims.odr import odr_key as claim_odr_key
from sellerdesk.compliance.rules import Kind
from sellerdesk.feedback.models import Feedback
from sellerdesk.mail.models import InboundEmail, MailChannel
from sellerdesk.messaging.models import Attachment, Conversation, Message, Reply, ReplyTemplate
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.questions.models import Question
from sellerdesk.returns.deadlines import DeadlineFacts, ReturnPolicy, deadline_facts
from sellerdesk.returns.models import Return
from sellerdesk.returns.reasons import reason_for
from sellerdesk.reviews.models import Review
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import store_counts

STAMPS = ["created_at", "updated_at"]
# Longest text the API checks or queues: far above any message Amazon relays.
MAX_TEXT = 100_000


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


class AttachmentOut(ModelSchema):
    """What a file is, never its bytes or where it is stored."""

    class Meta:
        model = Attachment
        fields = ["id", "filename", "content_type", "size"]


class MessageOut(ModelSchema):
    attachments: list[AttachmentOut]

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


# --- replies, compliance, templates ------------------------------------------


class ReplyOut(ModelSchema):
    """A reply in the outbox: queued, sending, sent, failed or unconfirmed."""

    class Meta:
        model = Reply
        fields = [
            "id",
            "conversation",
            "author",
            "template",
            "status",
            "to_address",
            "from_address",
            "subject",
            "body",
            "message_id",
            "attempts",
            "created_at",
            "sent_at",
            "smtp_response",
            "last_error",
            "override_reason",
        ]


class ReplyIn(Schema):
    """A reply to queue. ``override_reason`` sends despite compliance errors (owners only)."""

    model_config = ConfigDict(extra="forbid")

    body: str = Field(max_length=MAX_TEXT)
    template_id: int | None = None
    override_reason: str | None = Field(None, max_length=2000)

    @field_validator("body")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the reply is empty")
        return value


class FindingOut(Schema):
    """``compliance.Finding.as_dict()``: the rule and the span of text it points at."""

    rule: str
    severity: Literal["error", "warning"]
    start: int
    end: int
    message: str


class ComplianceErrorOut(Schema):
    detail: str
    findings: list[FindingOut]


class LintIn(Schema):
    """The options of ``sellerdesk lint``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=MAX_TEXT)
    kind: Kind = "reply"
    subject: str = Field("", max_length=1000)
    order_id: str = Field("", max_length=19)
    critical: bool = False  # a critical message to a buyer who opted out
    max_chars: int | None = Field(None, ge=1)


class LintOut(Schema):
    """The same shape as ``sellerdesk lint --json``."""

    ok: bool
    findings: list[FindingOut]


class ReplyTemplateOut(ModelSchema):
    class Meta:
        model = ReplyTemplate
        fields = "__all__"


# --- mail ----------------------------------------------------------------------


class InboundEmailOut(ModelSchema):
    """An email's metadata and fate; never its raw bytes."""

    store: int

    class Meta:
        model = InboundEmail
        fields = [
            "id",
            "channel",
            "header_message_id",
            "sha256",
            "size",
            "imap_uid",
            "source",
            "received_at",
            "from_address",
            "subject",
            "kind",
            "status",
            "reason",
            "processed_at",
            "attempts",
            "conversation",
            "message",
            "created_at",
        ]

    @staticmethod
    def resolve_store(obj: InboundEmail) -> int:
        return obj.channel.store_id


class ReprocessOut(Schema):
    """``mail.services.IngestOutcome``: ``ingested`` or ``quarantined`` (with the reason)."""

    status: Literal["ingested", "quarantined"]
    email_id: int
    kind: str
    reason: str


class MailChannelOut(ModelSchema):
    """A mailbox and its health. Passwords, even encrypted, are never part of it."""

    folder: str

    class Meta:
        model = MailChannel
        fields = [
            "id",
            "store",
            "name",
            "kind",
            "is_active",
            "imap_host",
            "imap_user",
            "smtp_host",
            "from_address",
            "last_fetch_at",
            "last_error",
            "consecutive_failures",
        ]

    @staticmethod
    def resolve_folder(obj: MailChannel) -> str:
        return obj.imap_folder


# --- money streams -----------------------------------------------------------


class ClaimOut(ModelSchema):
    amount: str | None
    # Order Defect Rate: true/false, null while pending; "counts", "pending" or
    # "not_counted"; and why (claims.odr).
    counts_in_odr: bool | None
    odr: str
    odr_reason: str

    class Meta:
        model = Claim
        exclude = ["amount"]

    @staticmethod
    def resolve_amount(obj: Claim) -> str | None:
        return decimal_str(obj.amount)

    @staticmethod
    def resolve_counts_in_odr(obj: Claim) -> bool | None:
        return claim_counts_in_odr(obj)[0]

    @staticmethod
    def resolve_odr(obj: Claim) -> str:
        return claim_odr_key(claim_counts_in_odr(obj)[0])

    @staticmethod
    def resolve_odr_reason(obj: Claim) -> str:
        return claim_counts_in_odr(obj)[1]


class ChargebackOut(ModelSchema):
    amount: str | None
    counts_in_odr: bool | None  # as for claims (chargebacks.odr)
    odr: str
    odr_reason: str

    class Meta:
        model = Chargeback
        exclude = ["amount"]

    @staticmethod
    def resolve_amount(obj: Chargeback) -> str | None:
        return decimal_str(obj.amount)

    @staticmethod
    def resolve_counts_in_odr(obj: Chargeback) -> bool | None:
        return chargeback_counts_in_odr(obj)[0]

    @staticmethod
    def resolve_odr(obj: Chargeback) -> str:
        return chargeback_odr_key(chargeback_counts_in_odr(obj)[0])

    @staticmethod
    def resolve_odr_reason(obj: Chargeback) -> str:
        return chargeback_counts_in_odr(obj)[1]


class ReturnOut(ModelSchema):
    """A return, with its reason's fault and its deadlines (``returns.deadlines``):
    ``due_at`` is the open one (``deadline_kind`` answer or refund, ``deadline_state``
    overdue, due_soon or on_time), ``answer_due_at`` and ``refund_due_at`` the
    seller-fulfilled return's two deadlines, met or not."""

    amount: str | None
    reason_words: str
    fault: Literal["seller", "buyer", "unknown"]
    deadline_kind: Literal["answer", "refund"] | None
    deadline_state: Literal["overdue", "due_soon", "on_time"] | None
    answer_due_at: datetime | None
    refund_due_at: datetime | None

    class Meta:
        model = Return
        exclude = ["amount"]

    @staticmethod
    def resolve_amount(obj: Return) -> str | None:
        return decimal_str(obj.amount)

    @staticmethod
    def resolve_reason_words(obj: Return) -> str:
        return reason_for(obj.reason_code).words

    @staticmethod
    def resolve_fault(obj: Return) -> str:
        return reason_for(obj.reason_code).fault

    @staticmethod
    def resolve_deadline_kind(obj: Return) -> str | None:
        current = _return_facts(obj).current
        return current.kind if current else None

    @staticmethod
    def resolve_deadline_state(obj: Return) -> str | None:
        return _return_facts(obj).state

    @staticmethod
    def resolve_answer_due_at(obj: Return) -> datetime | None:
        return _utc(_return_facts(obj).answer_due_at)

    @staticmethod
    def resolve_refund_due_at(obj: Return) -> datetime | None:
        return _utc(_return_facts(obj).refund_due_at)


def _utc(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC) if value is not None else None


def _return_facts(obj: Return) -> DeadlineFacts:
    return deadline_facts(obj, ReturnPolicy.from_store(obj.store), timezone.now())


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
