"""/orders.csv and /conversations.csv: the same rows as the order list's and the inbox's
``export.csv`` pages (``web.exports``), for the caller's stores or one of them."""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from django.db.models import F
from django.http import HttpRequest, StreamingHttpResponse
from ninja import Router

from sellerdesk.api.reviews import caller_store
from sellerdesk.api.scoping import visible
from sellerdesk.messaging.models import Conversation, ConversationStatus, Intent
from sellerdesk.orders.models import FulfillmentChannel, Order, OrderStatus
from sellerdesk.web.csv import csv_filename, csv_response, rows_in_chunks
from sellerdesk.web.exports import (
    CONVERSATION_COLUMNS,
    ORDER_COLUMNS,
    conversation_rows,
    order_rows,
)

router = Router()


@router.get("/orders.csv", response={200: None}, tags=["orders"])
def order_csv(
    request: HttpRequest,
    store: int | None = None,
    status: OrderStatus | None = None,
    channel: FulfillmentChannel | None = None,
) -> StreamingHttpResponse:
    """The caller's orders (one store's with ``store``) as CSV, newest first, with their
    items' SKUs and ASINs."""
    orders = visible(request, Order.objects.select_related("store"), store=store)
    if status:
        orders = orders.filter(status=status)
    if channel:
        orders = orders.filter(fulfillment_channel=channel)
    records = orders.order_by("-purchase_date", "-pk").iterator(chunk_size=500)
    return csv_response(
        columns=ORDER_COLUMNS,
        rows=rows_in_chunks(records, order_rows),
        filename=csv_filename(
            "orders", caller_store(request, store) if store is not None else None
        ),
    )


@router.get("/conversations.csv", response={200: None}, tags=["conversations"])
def conversation_csv(
    request: HttpRequest,
    store: int | None = None,
    status: ConversationStatus | None = None,
    intent: Intent | None = None,
) -> StreamingHttpResponse:
    """The caller's conversations (one store's with ``store``) as CSV, most urgent first."""
    conversations = visible(
        request, Conversation.objects.select_related("store", "assigned_to"), store=store
    )
    if status:
        conversations = conversations.filter(status=status)
    if intent:
        conversations = conversations.filter(intent=intent)
    records = conversations.order_by(F("due_at").asc(nulls_last=True), "pk").iterator(
        chunk_size=500
    )
    return csv_response(
        columns=CONVERSATION_COLUMNS,
        rows=rows_in_chunks(records, conversation_rows),
        filename=csv_filename(
            "conversations", caller_store(request, store) if store is not None else None
        ),
    )
