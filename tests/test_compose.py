"""The composer's merge fields and template list (messaging.compose)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sellerdesk.messaging.compose import reply_context, template_choices
from sellerdesk.messaging.services import templates_install_defaults
from sellerdesk.stores.models import Store
from tests.factories import (
    ConversationFactory,
    OrderFactory,
    OrderItemFactory,
    ReplyTemplateFactory,
    StoreFactory,
)

# 06:00 UTC on 12 November is still 11 November in Los Angeles.
DELIVERED = datetime(2026, 11, 12, 6, 0, tzinfo=UTC)


@pytest.fixture
def store(db: None) -> Store:
    return StoreFactory(name="Blue Harbor")


def test_reply_context_comes_from_the_order(store: Store) -> None:
    order = OrderFactory(
        store=store, carrier="UPS", tracking_number="1Z999AA10123456784", delivered_at=DELIVERED
    )
    OrderItemFactory(order=order, sku="A-FIRST", asin="B07XJ8C8F5", title="Water Bottle 750ml")
    OrderItemFactory(order=order, sku="B-SECOND", asin="B000000002", title="Spare lid")
    convo = ConversationFactory(
        store=store, amazon_order_id=order.amazon_order_id, buyer_name="Alisa"
    )
    assert reply_context(convo) == {
        "buyer_name": "Alisa",
        "order_id": order.amazon_order_id,
        "product": "Water Bottle 750ml",
        "asin": "B07XJ8C8F5",
        "tracking_number": "1Z999AA10123456784",
        "carrier": "UPS",
        "delivery_date": "November 11, 2026",
        "return_window_end": "December 11, 2026",
        "seller_name": "Blue Harbor",
    }


def test_dates_follow_the_language_and_the_promised_date_stands_in(store: Store) -> None:
    order = OrderFactory(store=store, latest_delivery_date=DELIVERED, delivered_at=None)
    convo = ConversationFactory(store=store, order=order, language="de")
    context = reply_context(convo)
    assert context["delivery_date"] == "11. November 2026"
    assert context["return_window_end"] == "11. Dezember 2026"
    assert reply_context(convo, language="fr")["delivery_date"] == "11 novembre 2026"
    assert reply_context(convo, language="en")["delivery_date"] == "November 11, 2026"


def test_day_first_marketplaces_write_english_dates_day_first(db: None) -> None:
    uk = StoreFactory(marketplace="UK", timezone="Europe/London", currency="GBP")
    order = OrderFactory(store=uk, delivered_at=DELIVERED)
    convo = ConversationFactory(store=uk, order=order, language="en")
    assert reply_context(convo)["delivery_date"] == "12 November 2026"


def test_without_an_order_only_what_is_known(store: Store) -> None:
    convo = ConversationFactory(store=store, buyer_name="")
    assert reply_context(convo) == {
        "buyer_name": "",
        "order_id": convo.amazon_order_id,
        "product": "",
        "asin": "",
        "tracking_number": "",
        "carrier": "",
        "delivery_date": "",
        "return_window_end": "",
        "seller_name": "Blue Harbor",
    }


def test_order_of_another_store_is_never_used(store: Store) -> None:
    other = OrderFactory(store=StoreFactory(), tracking_number="SECRET-TRACKING")
    convo = ConversationFactory(store=store, amazon_order_id=other.amazon_order_id)
    assert reply_context(convo)["tracking_number"] == ""


def test_choices_put_the_buyers_language_first_and_suggest_by_intent(store: Store) -> None:
    convo = ConversationFactory(store=store, language="de", intent="return_request")
    make = ReplyTemplateFactory
    en_other = make(store=store, language="en", name="A English other", intent="other")
    en_return = make(store=store, language="en", name="Z English return", intent="return_request")
    de_other = make(store=store, language="de", name="A Deutsch sonstiges", intent="other")
    de_return = make(store=store, language="de", name="Z Deutsch Rückgabe", intent="return_request")
    make(store=store, language="fr", name="Français", intent="return_request")
    make(store=store, language="de", name="Inaktiv", intent="return_request", is_active=False)
    make(language="de", name="Another store's", intent="return_request")

    choices = template_choices(convo)
    assert [c.template for c in choices] == [de_return, de_other, en_return, en_other]
    assert [c.suggested for c in choices] == [True, False, False, False]


def test_english_suggestion_when_the_language_has_none(store: Store) -> None:
    convo = ConversationFactory(store=store, language="it", intent="invoice_request")
    ReplyTemplateFactory(store=store, language="it", name="Altro", intent="other")
    invoice = ReplyTemplateFactory(
        store=store, language="en", name="Invoice", intent="invoice_request"
    )
    choices = template_choices(convo)
    assert [c.template.name for c in choices] == ["Altro", "Invoice"]
    assert [c.template for c in choices if c.suggested] == [invoice]


def test_builtin_templates_merge_completely(store: Store) -> None:
    """Every built-in template of the buyer's language fills every field it uses."""
    templates_install_defaults(store_id=store.pk)
    order = OrderFactory(
        store=store, carrier="DHL", tracking_number="JD014600006281230591", delivered_at=DELIVERED
    )
    OrderItemFactory(order=order, title="Kaffeemühle")
    convo = ConversationFactory(
        store=store,
        order=order,
        amazon_order_id=order.amazon_order_id,
        language="de",
        intent="where_is_my_order",
    )
    choices = template_choices(convo)
    assert {c.template.language for c in choices} == {"de", "en"}
    suggested = [c for c in choices if c.suggested]
    assert len(suggested) == 1
    for choice in choices:
        assert "{{" not in choice.body, choice.template.slug
        assert order.amazon_order_id in choice.body or "order_id" not in choice.template.body
        assert "Blue Harbor" in choice.body
