"""The shared CSV helper (``web.csv``) and the order and inbox exports (``web.exports``,
``/orders.csv``, ``/conversations.csv``)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.stores.models import Store
from sellerdesk.web.csv import csv_cell, csv_filename, csv_text
from tests.factories import (
    BASE_TIME,
    ConversationFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
)


def rows_of(response: Any) -> list[dict[str, str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def bearer(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (
            datetime(2026, 11, 2, 4, 0, tzinfo=ZoneInfo("America/Los_Angeles")),
            "2026-11-02T12:00:00Z",
        ),
        (date(2026, 11, 2), "2026-11-02"),
        (Decimal("1E+2"), "100"),
        (Decimal("-3.50"), "-3.50"),  # a number stays a number
        (-2, "-2"),
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-rf", "'-rf"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("plain, with comma", "plain, with comma"),
    ],
)
def test_csv_cell(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_csv_text_quotes_and_ends_lines_with_crlf() -> None:
    text = csv_text(("a", "b"), [{"a": 'say "hi", ok', "b": None}, {"a": "line\nbreak"}])
    assert text == 'a,b\r\n"say ""hi"", ok",\r\n"line\nbreak",\r\n'


@pytest.mark.django_db
def test_filename_uses_the_stores_day(store_a: Store) -> None:
    # 07:30 UTC on 2 November is still 1 November in Los Angeles.
    now = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)
    assert csv_filename("orders", store_a, now=now) == "orders-store-a-2026-11-01.csv"
    assert csv_filename("orders", now=now) == "orders-2026-11-02.csv"


# --- orders ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_order_export_honours_the_list_filters(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    shipped = OrderFactory(
        store=store_a, status="Shipped", buyer_name="Ann Lee", fulfillment_channel="AFN"
    )
    OrderItemFactory(order=shipped, sku="BOTTLE-RED", asin="B0BOTTLE01", quantity_ordered=2)
    OrderItemFactory(order=shipped, sku="LID-1", asin="B0LID00003", quantity_ordered=1)
    cancelled = OrderFactory(store=store_a, status="Canceled", buyer_name="Bob Stone")
    OrderFactory(store=store_b, status="Shipped", buyer_name="Ann Lee")
    client.force_login(agent_a)
    export = reverse("orders_export", kwargs={"store_id": store_a.pk})
    rows = rows_of(client.get(export, {"status": "Shipped"}))
    assert [r["amazon_order_id"] for r in rows] == [shipped.amazon_order_id]
    row = rows[0]
    assert (row["items"], row["units"], row["skus"], row["asins"]) == (
        "2", "3", "BOTTLE-RED LID-1", "B0BOTTLE01 B0LID00003",
    )  # fmt: skip
    assert (row["order_total"], row["fulfillment_channel"], row["store"]) == (
        "19.99",
        "AFN",
        "Store A",
    )
    assert row["purchase_date"].endswith("Z")
    searched = rows_of(client.get(export, {"q": "stone"}))
    assert [r["amazon_order_id"] for r in searched] == [cancelled.amazon_order_id]
    # Default sort of the list: newest first; every page.
    assert len(rows_of(client.get(export, {"page": "2"}))) == 2
    assert client.get(reverse("orders_export", kwargs={"store_id": store_b.pk})).status_code == 404


@pytest.mark.django_db
def test_order_export_queries_do_not_grow_with_the_rows(
    client: Client, agent_a: User, store_a: Store
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            rows_of(client.get(reverse("orders_export", kwargs={"store_id": store_a.pk})))
        return len(captured)

    client.force_login(agent_a)
    for _ in range(2):
        OrderItemFactory(order=OrderFactory(store=store_a))
    few = queries()
    for _ in range(20):
        OrderItemFactory(order=OrderFactory(store=store_a))
    assert queries() == few


# --- the inbox -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_inbox_export_honours_the_inbox_filters(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    waiting = ConversationFactory(store=store_a, buyer_name="Paula", assigned_to=agent_a,
                                  intent="where_is_my_order", due_at=BASE_TIME)  # fmt: skip
    MessageFactory(conversation=waiting)
    MessageFactory(conversation=waiting, sent_at=BASE_TIME + timedelta(hours=1))
    answered = ConversationFactory(
        store=store_a, buyer_name="Quentin", status="answered", due_at=None
    )
    ConversationFactory(store=store_b, buyer_name="Paula")
    client.force_login(agent_a)
    export = reverse("inbox_export", kwargs={"store_id": store_a.pk})
    everything = rows_of(client.get(export))
    assert [r["buyer_name"] for r in everything] == ["Paula", "Quentin"]  # the inbox's order
    paula = everything[0]
    assert (paula["messages"], paula["assigned_to"], paula["intent"]) == (
        "2", agent_a.email, "where_is_my_order",
    )  # fmt: skip
    assert paula["due_at"] == "2026-11-02T12:00:00Z"
    assert [r["id"] for r in rows_of(client.get(export, {"status": "answered"}))] == [
        str(answered.pk)
    ]
    assert [r["buyer_name"] for r in rows_of(client.get(export, {"mine": "1"}))] == ["Paula"]
    assert client.get(reverse("inbox_export", kwargs={"store_id": store_b.pk})).status_code == 404


# --- API -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_exports(client: Client, viewer_a: User, store_a: Store, store_b: Store) -> None:
    mine = OrderFactory(store=store_a, fulfillment_channel="AFN")
    OrderFactory(store=store_a, fulfillment_channel="MFN")
    OrderFactory(store=store_b)
    ConversationFactory(store=store_a, intent="cancel_order")
    ConversationFactory(store=store_a, intent="other")
    ConversationFactory(store=store_b)
    auth = bearer(viewer_a)
    orders = client.get("/api/v1/orders.csv", {"store": store_a.pk, "channel": "AFN"}, **auth)  # type: ignore[arg-type]
    assert orders.status_code == 200
    assert [r["amazon_order_id"] for r in rows_of(orders)] == [mine.amazon_order_id]
    assert orders["Content-Disposition"].startswith('attachment; filename="orders-store-a-')
    every = rows_of(client.get("/api/v1/orders.csv", **auth))  # type: ignore[arg-type]
    assert {r["store"] for r in every} == {"Store A"}
    assert len(every) == 2
    talks = client.get(
        "/api/v1/conversations.csv", {"store": store_a.pk, "intent": "cancel_order"}, **auth
    )  # type: ignore[arg-type]
    assert [r["intent"] for r in rows_of(talks)] == ["cancel_order"]
    for path in ("/api/v1/orders.csv", "/api/v1/conversations.csv"):
        assert client.get(path, {"store": store_b.pk}, **auth).status_code == 404  # type: ignore[arg-type]
        assert client.get(path).status_code == 401


def test_orders_and_inbox_lists_link_their_exports(client, agent_a, store_a) -> None:  # type: ignore[no-untyped-def]
    from django.urls import reverse

    client.force_login(agent_a)
    for list_name, export_name in (
        ("orders_list", "orders_export"),
        ("inbox_list", "inbox_export"),
    ):
        page = client.get(
            reverse(list_name, args=[store_a.pk]) + "?sort=-purchase_date"
            if list_name == "orders_list"
            else reverse(list_name, args=[store_a.pk])
        )
        assert page.status_code == 200
        assert reverse(export_name, args=[store_a.pk]) in page.content.decode()
