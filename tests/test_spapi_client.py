"""The SP-API client (python-amazon-sp-api pointed at the fake server): calls, throttling,
retries, token refresh."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sellerdesk.spapi.client import (
    REVIEW_SOLICITATION,
    AmazonSellingPartner,
    SpApiAuthError,
    SpApiError,
    SpApiThrottled,
)
from sellerdesk.spapi.models import SpApiConnection
from tests.factories import StoreFactory
from tests.fake_spapi import FakeSpApi
from tests.spapi_support import Sleeps, client, connect, running_fake

ORDERS = "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL"
ORDER_ID = "111-0944945-3989852"


@pytest.fixture
def fake() -> Iterator[FakeSpApi]:
    with running_fake() as server:
        yield server


@pytest.fixture
def connection(db: None, fake: FakeSpApi) -> SpApiConnection:
    return connect(StoreFactory(name="Client Store"), fake)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def api(connection: SpApiConnection, sleeps: Sleeps) -> Iterator[AmazonSellingPartner]:
    with client(connection, sleeps) as spapi:
        yield spapi


def test_reports_round_trip_in_amazons_shapes(api: AmazonSellingPartner, fake: FakeSpApi) -> None:
    fake.documents[ORDERS] = b"amazon-order-id\tsku\n111-0944945-3989852\tA\n"
    fake.plan_reports(ORDERS, [(1, "DONE")])
    start, end = datetime(2026, 9, 1, tzinfo=UTC), datetime(2026, 11, 30, tzinfo=UTC)
    report_id = api.create_report(ORDERS, start, end)
    body = json.loads(
        next(c for c in fake.calls if c.method == "POST" and "reports" in c.path).body
    )
    assert body["reportType"] == ORDERS
    assert body["marketplaceIds"] == ["ATVPDKIKX0DER"]
    assert datetime.fromisoformat(body["dataStartTime"]) == start
    first = api.get_report(report_id)
    assert (first.report_id, first.status, first.document_id) == (report_id, "IN_QUEUE", "")
    done = api.get_report(report_id)
    assert done.status == "DONE"
    assert done.document_id.startswith("amzn1.spdoc.")
    assert api.get_report_document(done.document_id) == fake.documents[ORDERS]


def test_gzip_documents_are_gunzipped(api: AmazonSellingPartner, fake: FakeSpApi) -> None:
    content = "order-id\tbuyer\n111-0944945-3989852\tJosé\n".encode()
    fake.gzip_types.add(ORDERS)
    fake.documents[ORDERS] = content
    fake.plan_reports(ORDERS, [(0, "DONE")])
    info = api.get_report(api.create_report(ORDERS, None, None))
    assert api.get_report_document(info.document_id) == content
    download = next(c for c in fake.calls if c.path.startswith("/download/"))
    # The document URL is a pre-signed one elsewhere: the access token does not go there.
    assert "x-amz-access-token" not in {k.lower() for k in download.headers}


def test_get_reports_follows_next_token(api: AmazonSellingPartner, fake: FakeSpApi) -> None:
    settlement = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2"
    ids = [fake.add_listed_report(settlement, b"x", f"2026-11-0{n}T00:00:00Z") for n in (1, 2, 3)]
    listed = api.get_reports(settlement, created_since=None, statuses=("DONE",))
    assert sorted(r.report_id for r in listed) == sorted(ids)
    assert fake.count("GET", "/reports/2021-06-30/reports") == 2  # two pages


def test_orders_solicitations_and_messaging(api: AmazonSellingPartner, fake: FakeSpApi) -> None:
    fake.orders[ORDER_ID] = {"AmazonOrderId": ORDER_ID, "OrderStatus": "Shipped"}
    fake.order_items[ORDER_ID] = [{"SellerSKU": "A"}, {"SellerSKU": "B"}, {"SellerSKU": "C"}]
    fake.solicitation_actions[ORDER_ID] = [REVIEW_SOLICITATION]
    fake.messaging_actions[ORDER_ID] = ["confirmDeliveryDetails", "warranty"]
    assert api.get_order(ORDER_ID)["OrderStatus"] == "Shipped"
    assert [i["SellerSKU"] for i in api.get_order_items(ORDER_ID)] == ["A", "B", "C"]
    assert api.get_solicitation_actions(ORDER_ID) == [REVIEW_SOLICITATION]
    api.create_review_solicitation(ORDER_ID)
    assert fake.solicitations_sent == [ORDER_ID]
    assert api.get_messaging_actions(ORDER_ID) == ["confirmDeliveryDetails", "warranty"]
    api.send_message(ORDER_ID, "confirmDeliveryDetails", "Your order 111-0944945-3989852 …")
    assert fake.messages_sent[0][:2] == (ORDER_ID, "confirmDeliveryDetails")
    assert fake.messages_sent[0][2]["text"] == "Your order 111-0944945-3989852 …"
    # The host header names the endpoint (the library assumes https:// and cuts 8 chars).
    assert fake.calls[-1].headers["host"] == fake.url.removeprefix("http://")
    with pytest.raises(SpApiError) as refused:
        api.get_order("999-0000000-0000000")
    assert refused.value.status == 404


def test_throttling_waits_by_the_rate_limit_header(
    api: AmazonSellingPartner, fake: FakeSpApi, sleeps: Sleeps
) -> None:
    fake.orders[ORDER_ID] = {"AmazonOrderId": ORDER_ID}
    fake.fail("GET", rf"/orders/v0/orders/{ORDER_ID}", 429, times=2,
              headers={"x-amzn-RateLimit-Limit": "0.5"})  # fmt: skip
    assert api.get_order(ORDER_ID)["AmazonOrderId"] == ORDER_ID
    assert sleeps == [2.0, 2.0]  # 1 / 0.5 requests a second


def test_throttling_without_a_header_doubles_and_gives_up(
    api: AmazonSellingPartner, fake: FakeSpApi, sleeps: Sleeps
) -> None:
    fake.fail("GET", r"/orders/v0/orders/.*", 429, times=100)
    with pytest.raises(SpApiThrottled):
        api.get_order(ORDER_ID)
    assert sleeps == [1.0, 2.0, 4.0, 8.0, 16.0]


def test_server_errors_are_retried(
    api: AmazonSellingPartner, fake: FakeSpApi, sleeps: Sleeps
) -> None:
    fake.orders[ORDER_ID] = {"AmazonOrderId": ORDER_ID}
    fake.fail("GET", r"/orders/v0/orders/.*", 500, times=1)
    # A 5xx with an HTML body: the library alone would take it for an empty success.
    fake.fail("GET", r"/orders/v0/orders/.*", 503, times=1, body=b"<html>Service Unavailable")
    assert api.get_order(ORDER_ID) == {"AmazonOrderId": ORDER_ID}
    assert sleeps == [1.0, 2.0]
    sleeps.clear()
    fake.fail("GET", r"/orders/v0/orders/.*", 500, times=100)
    with pytest.raises(SpApiError) as failed:
        api.get_order(ORDER_ID)
    assert failed.value.status == 500
    assert sleeps == [1.0, 2.0, 4.0]


def test_an_expired_token_is_refreshed_once(api: AmazonSellingPartner, fake: FakeSpApi) -> None:
    fake.orders[ORDER_ID] = {"AmazonOrderId": ORDER_ID}
    api.get_order(ORDER_ID)
    assert fake.token_requests() == 1
    api.get_order(ORDER_ID)
    assert fake.token_requests() == 1  # cached
    fake.expire_tokens()
    assert api.get_order(ORDER_ID)["AmazonOrderId"] == ORDER_ID
    assert fake.token_requests() == 2
    # A 403 that a new token does not cure is raised after one refresh.
    fake.fail("GET", r"/orders/v0/orders/.*", 403, times=5)
    with pytest.raises(SpApiError) as denied:
        api.get_order(ORDER_ID)
    assert denied.value.status == 403
    assert fake.token_requests() == 3


def test_refused_credentials_are_an_auth_error(db: None, fake: FakeSpApi, sleeps: Sleeps) -> None:
    connection = connect(StoreFactory(name="Wrong"), fake, secret="not-the-secret")
    with client(connection, sleeps) as api, pytest.raises(SpApiAuthError, match="invalid grant"):
        api.get_order(ORDER_ID)


def test_unreachable_endpoint_is_an_error_not_a_hang(db: None, sleeps: Sleeps) -> None:
    with running_fake() as gone:
        connection = connect(StoreFactory(name="Gone"), gone)
    with client(connection, sleeps, base=0.0) as api, pytest.raises(SpApiError):
        api.get_order(ORDER_ID)


def test_only_the_client_module_imports_the_library() -> None:
    root = Path(__file__).parent.parent / "src" / "sellerdesk"
    importers = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if re.search(r"^\s*(from|import)\s+sp_api\b", path.read_text(), re.M)
    )
    assert importers == ["spapi/client.py"]
