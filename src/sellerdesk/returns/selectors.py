"""Reads for customer returns, scoped to a store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import F, Q, QuerySet

from sellerdesk.mail.relay import relay_alias
from sellerdesk.marketplaces import get_marketplace
from sellerdesk.messaging.compose import reply_context
from sellerdesk.messaging.defaults import DEFAULT_TEMPLATES
from sellerdesk.messaging.merge import merge_render
from sellerdesk.messaging.models import Conversation, Direction, ReplyTemplate
from sellerdesk.messaging.outbox import reply_subject
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.policy import DEFAULTS, policy_value
from sellerdesk.returns import stats
from sellerdesk.returns.deadlines import DUE_SOON_HOURS
from sellerdesk.returns.models import Return
from sellerdesk.returns.reasons import reason_for
from sellerdesk.stores.models import Store

# The built-in template a "Contact buyer" message starts from (messaging.defaults).
RETURN_INSTRUCTIONS_SLUG = "return-instructions"
EXEMPT_SETTING = "return_rate_exempt_monthly_units"


def returns_for_store(*, store: Store) -> QuerySet[Return]:
    return Return.objects.filter(store=store)


def returns_for_order(*, order: Order) -> QuerySet[Return]:
    return (
        Return.objects.filter(store_id=order.store_id)
        .filter(Q(order=order) | Q(amazon_order_id=order.amazon_order_id))
        .order_by("-requested_at", "-pk")
    )


def return_reason_codes(*, store: Store) -> list[str]:
    """The reason codes the store's returns carry, for the filter."""
    return list(
        Return.objects.filter(store=store)
        .exclude(reason_code="")
        .order_by("reason_code")
        .values_list("reason_code", flat=True)
        .distinct()
    )


def return_resolutions(*, store: Store) -> list[str]:
    return list(
        Return.objects.filter(store=store)
        .exclude(resolution="")
        .order_by("resolution")
        .values_list("resolution", flat=True)
        .distinct()
    )


def returns_with_fault(*, queryset: QuerySet[Return], fault: str) -> QuerySet[Return]:
    """Returns whose reason code is ``fault``'s (seller, buyer or unknown), however the
    code is spelled (with or without ``CR-``); an empty code is unknown."""
    codes = set(queryset.values_list("reason_code", flat=True).distinct())
    matching = [code for code in codes if reason_for(code).fault == fault]
    return queryset.filter(reason_code__in=matching)


def returns_in_deadline_state(
    *, queryset: QuerySet[Return], state: str, now: datetime
) -> QuerySet[Return]:
    """``overdue``, ``due_soon`` (within ``DUE_SOON_HOURS``), ``on_time`` or ``none``."""
    from datetime import timedelta

    soon = now + timedelta(hours=DUE_SOON_HOURS)
    if state == "overdue":
        return queryset.filter(due_at__lt=now)
    if state == "due_soon":
        return queryset.filter(due_at__gte=now, due_at__lte=soon)
    if state == "on_time":
        return queryset.filter(due_at__gt=soon)
    if state == "none":
        return queryset.filter(due_at__isnull=True)
    return queryset


# --- statistics ------------------------------------------------------------------------


def return_stats_settings(
    *, store: Store, min_units: int | None = None, alpha: float | None = None
) -> stats.Settings:
    exempt = (
        policy_value(store, EXEMPT_SETTING) if EXEMPT_SETTING in DEFAULTS else stats.EXEMPT_BELOW
    )
    return stats.Settings(
        min_units=stats.MIN_UNITS if min_units is None else min_units,
        alpha=stats.ALPHA if alpha is None else alpha,
        exempt_below=exempt,
    )


def return_stats_for_store(
    *,
    store: Store,
    as_of: date,
    group: stats.Group = "sku",
    min_units: int | None = None,
    alpha: float | None = None,
) -> stats.ReturnStats:
    """The store's return statistics (``returns.stats``), every channel together."""
    return stats.return_stats(
        items=OrderItem.objects.filter(order__store=store),
        returns=Return.objects.filter(store=store),
        orders=Order.objects.filter(store=store),
        tz=store.tz,
        as_of=as_of,
        group=group,
        settings=return_stats_settings(store=store, min_units=min_units, alpha=alpha),
    )


def return_rate_series(
    *,
    store: Store,
    as_of: date,
    group: stats.Group = "sku",
    key: str | None = None,
    weeks: int = 13,
) -> list[stats.SeriesPoint]:
    """The store's weekly return rate, or one SKU's (ASIN's) when ``key`` is given."""
    items = OrderItem.objects.filter(order__store=store)
    returns = Return.objects.filter(store=store)
    if key is not None:
        field = "asin" if group == "asin" else "sku"
        items, returns = items.filter(**{field: key}), returns.filter(**{field: key})
    return stats.rate_series(
        items=items,
        returns=returns,
        orders=Order.objects.filter(store=store),
        tz=store.tz,
        as_of=as_of,
        weeks=weeks,
    )


def store_today(*, store: Store, now: datetime) -> date:
    return now.astimezone(store.tz).date()


# --- export ------------------------------------------------------------------------------


def returns_for_export(*, queryset: QuerySet[Return]) -> QuerySet[Return]:
    return queryset.select_related("store").order_by(F("requested_at").desc(), "-pk")


# --- contacting the buyer -----------------------------------------------------------------


def return_conversation(*, record: Return) -> Conversation | None:
    """The conversation about the return's order: one with a buyer message first,
    else the latest."""
    if not record.amazon_order_id:
        return None
    conversations = Conversation.objects.filter(
        store_id=record.store_id, amazon_order_id=record.amazon_order_id
    )
    with_buyer = (
        conversations.filter(messages__direction=Direction.INBOUND)
        .distinct()
        .order_by(F("last_message_at").desc(nulls_last=True), "-pk")
        .first()
    )
    return with_buyer or conversations.order_by("-pk").first()


def return_buyer_address(*, record: Return, conversation: Conversation | None) -> str:
    """The buyer's Amazon relay address (the only address a seller may write to):
    from the buyer's last message, else the order, else the conversation; or ""."""
    candidates: list[str] = []
    if conversation is not None and conversation.pk is not None:
        candidates += list(
            conversation.messages.filter(direction=Direction.INBOUND)
            .exclude(sender="")
            .order_by("-sent_at")
            .values_list("sender", flat=True)[:1]
        )
    order = order_for_record(
        store=record.store, order_id=record.order_id, amazon_order_id=record.amazon_order_id
    )
    if order is not None:
        candidates.append(order.buyer_relay_alias)
    if conversation is not None:
        candidates.append(conversation.buyer_key)
    for address in candidates:
        if address and relay_alias(address) is not None:
            return address.strip()
    return ""


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """What the "Contact buyer" composer starts from."""

    conversation: Conversation | None  # None: sending opens one
    answers_buyer: bool  # the conversation holds a buyer message: the text answers it
    to_address: str  # "" when the buyer cannot be written to
    subject: str
    template: ReplyTemplate | None
    body: str
    language: str


def return_message_subject(record: Return) -> str:
    return f"Your return (Order: {record.amazon_order_id})"


def _instructions_template(store: Store, language: str) -> ReplyTemplate | None:
    templates = ReplyTemplate.objects.filter(
        store=store, slug=RETURN_INSTRUCTIONS_SLUG, is_active=True, language__in=[language, "en"]
    )
    return sorted(templates, key=lambda t: t.language != language)[0] if templates else None


def return_contact_draft(*, record: Return) -> ContactDraft:
    """The conversation the message goes to and the return-instructions template,
    merged with the order's fields and the returned item.

    Language: the conversation's, else the marketplace's; the template in that
    language, else in English, else the built-in English text.
    """
    store = record.store
    conversation = return_conversation(record=record)
    answers_buyer = (
        conversation is not None
        and conversation.messages.filter(direction=Direction.INBOUND).exclude(sender="").exists()
    )
    order = order_for_record(
        store=store, order_id=record.order_id, amazon_order_id=record.amazon_order_id
    )
    language = (conversation.language if conversation else "") or get_marketplace(
        store.marketplace
    ).language
    template = _instructions_template(store, language)
    if template is not None:
        body, template_language = template.body, template.language
    else:
        builtin = next(
            t
            for t in DEFAULT_TEMPLATES
            if t["slug"] == RETURN_INSTRUCTIONS_SLUG and t["language"] == "en"
        )
        body, template_language = builtin["body"], "en"
    # The merge fields of the conversation (or of one about to be opened).
    about = conversation or Conversation(
        store=store,
        order=order,
        amazon_order_id=record.amazon_order_id,
        buyer_name=order.buyer_name if order else "",
        language=language,
    )
    context = reply_context(about, language=template_language)
    if record.title:
        context["product"] = record.title
    if record.asin:
        context["asin"] = record.asin
    if answers_buyer and conversation is not None:
        subject = reply_subject(conversation)
    else:
        subject = (conversation.subject if conversation else "") or return_message_subject(record)
    return ContactDraft(
        conversation=conversation,
        answers_buyer=answers_buyer,
        to_address=return_buyer_address(record=record, conversation=conversation),
        subject=subject,
        template=template,
        body=merge_render(body=body, context=context),
        language=template_language,
    )
