"""Inbox pages: conversations of a store and one conversation's thread."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet

from sellerdesk.messaging.clock import ClockState
from sellerdesk.messaging.models import Conversation, ConversationStatus, Intent
from sellerdesk.messaging.selectors import (
    conversations_for_store,
    conversations_in_clock_state,
    messages_for_conversation,
)
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.web.generic import StoreDetailView, StoreListView
from sellerdesk.web.lists import Column, Filter, ListContext, ListSpec

CLOCK_CHOICES = (("overdue", "Overdue"), ("due_soon", "Due soon"), ("on_time", "On time"))


def _clock(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return conversations_in_clock_state(
        queryset=queryset,
        state=cast(ClockState, value),
        now=ctx.now,
        due_soon_hours=ctx.store.response_due_soon_hours,
    )


def _mine(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return queryset.filter(assigned_to=ctx.user)


INBOX_LIST = ListSpec(
    noun="conversations",
    columns=(
        Column("Deadline", sort="due"),
        Column("Conversation", sort="buyer"),
        Column("Order"),
        Column("Intent"),
        Column("Status"),
        Column("Assigned"),
        Column("Last message", sort="last"),
    ),
    sorts={"due": ("due_at",), "buyer": ("buyer_name",), "last": ("last_message_at",)},
    default_sort="due",
    filters=(
        Filter("status", "Status", choices=ConversationStatus.choices),
        Filter("clock", "Clock", choices=CLOCK_CHOICES, apply=_clock),
        Filter("intent", "Intent", choices=Intent.choices),
        Filter("mine", "Assigned to me", toggle=True, apply=_mine),
    ),
    search_fields=("subject", "buyer_name", "amazon_order_id", "buyer_key"),
    search_hint="Buyer, subject or order id",
)


class InboxList(StoreListView):
    stream = "inbox"
    title = "Inbox"
    spec = INBOX_LIST
    row_template = "messaging/_row.html"

    def get_queryset(self) -> QuerySet[Conversation]:
        return conversations_for_store(store=self.store)


class InboxDetail(StoreDetailView):
    stream = "inbox"
    title = "Conversation"
    template_name = "messaging/conversation_detail.html"
    object: Conversation

    def get_queryset(self) -> QuerySet[Conversation]:
        return conversations_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["thread"] = messages_for_conversation(conversation=self.object)
        context["order"] = order_for_record(
            store=self.store,
            order_id=self.object.order_id,
            amazon_order_id=self.object.amazon_order_id,
        )
        return context
