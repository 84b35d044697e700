"""What the reply composer offers: the merge fields of a conversation and its templates.

``reply_context`` fills the merge fields (``messaging.merge.MERGE_FIELDS``) from
the conversation's order; ``template_choices`` lists the store's active templates
in the buyer's language first, then English, each already merged, with the one
whose intent matches the conversation's marked as suggested.

Dates are the store's local calendar day, written the way the template's language
writes them ("November 12, 2026", "12. November 2026", "12 novembre 2026").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import formats, translation

from sellerdesk.marketplaces import get_marketplace
from sellerdesk.messaging.merge import merge_render
from sellerdesk.messaging.models import Conversation, ReplyTemplate
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.stores.models import Store

FALLBACK_LANGUAGE = "en"
# Amazon's default return window, counted from delivery (amazon-rules.md §7).
RETURN_WINDOW = timedelta(days=30)


def _date_text(value: datetime | None, *, store: Store, language: str) -> str:
    if value is None:
        return ""
    day = value.astimezone(store.tz).date()
    if language == "en":
        day_first = get_marketplace(store.marketplace).day_first
        return formats.date_format(day, "j F Y" if day_first else "F j, Y")
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


def _delivery(order: Order | None) -> datetime | None:
    """Delivered, else the latest promised delivery date."""
    if order is None:
        return None
    return order.delivered_at or order.latest_delivery_date


def reply_context(conversation: Conversation, *, language: str = "") -> dict[str, str]:
    """The merge fields for a reply in this conversation.

    ``language`` decides how dates are written (default: the conversation's).
    A field the desk does not know (no order imported, no tracking yet) is empty.
    """
    store = conversation.store
    language = language or conversation.language or FALLBACK_LANGUAGE
    order = order_for_record(
        store=store, order_id=conversation.order_id, amazon_order_id=conversation.amazon_order_id
    )
    item: OrderItem | None = order.items.order_by("id").first() if order is not None else None
    delivery = _delivery(order)
    return {
        "buyer_name": conversation.buyer_name or (order.buyer_name if order else ""),
        "order_id": conversation.amazon_order_id or (order.amazon_order_id if order else ""),
        "product": item.title if item else "",
        "asin": item.asin if item else "",
        "tracking_number": order.tracking_number if order else "",
        "carrier": order.carrier if order else "",
        "delivery_date": _date_text(delivery, store=store, language=language),
        "return_window_end": _date_text(
            delivery + RETURN_WINDOW if delivery else None, store=store, language=language
        ),
        "seller_name": store.name,
    }


@dataclass(frozen=True, slots=True)
class TemplateChoice:
    template: ReplyTemplate
    body: str  # merged
    suggested: bool


def templates_for_conversation(*, conversation: Conversation) -> QuerySet[ReplyTemplate]:
    languages = {conversation.language or FALLBACK_LANGUAGE, FALLBACK_LANGUAGE}
    return ReplyTemplate.objects.filter(
        store_id=conversation.store_id, is_active=True, language__in=languages
    )


def template_choices(conversation: Conversation) -> list[TemplateChoice]:
    """The store's active templates for this conversation, merged.

    Order: the conversation's language, then English; within each, the templates
    for the conversation's intent first (in the order they were added, so the
    built-in set keeps its curated order), then the rest by name. The first
    template for the intent is the suggestion.
    """
    language = conversation.language or FALLBACK_LANGUAGE
    templates = list(templates_for_conversation(conversation=conversation))
    templates.sort(
        key=lambda t: (
            t.language != language,
            t.intent != conversation.intent,
            t.pk if t.intent == conversation.intent else 0,
            t.name.lower(),
        )
    )
    contexts = {
        lang: reply_context(conversation, language=lang) for lang in {t.language for t in templates}
    }
    suggested = next((t.pk for t in templates if t.intent == conversation.intent), None)
    return [
        TemplateChoice(
            template=t,
            body=merge_render(body=t.body, context=contexts[t.language]),
            suggested=t.pk == suggested,
        )
        for t in templates
    ]
