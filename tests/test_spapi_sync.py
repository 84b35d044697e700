"""Report sync against the fake Selling Partner API: every kind, windows, failures, resume."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import ClassVar

import pytest

from sellerdesk.imports import registry
from sellerdesk.imports.base import Counts, Importer, Reader
from sellerdesk.imports.models import ImportRun
from sellerdesk.orders.models import Order
from sellerdesk.spapi.models import ReportRequest, RequestStatus, SpApiConnection
from sellerdesk.spapi.reports import MAX_ATTEMPTS
from sellerdesk.spapi.sync import connection_sync
from tests.factories import StoreFactory
from tests.fake_spapi import FakeSpApi
from tests.spapi_support import Sleeps, connect, running_fake

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
REPORTS = Path(__file__).parent / "data" / "reports"
ORDERS = "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL"
FEEDBACK = "GET_SELLER_FEEDBACK_DATA"
RETURNS = "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE"
FBA_RETURNS = "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA"
SETTLEMENT = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2"
PERFORMANCE = "GET_V2_SELLER_PERFORMANCE_REPORT"
ORDERS_IMPORTER = "sellerdesk.orders.importers.OrdersImporter"

DOCUMENTS = {
    ORDERS: (REPORTS / "orders_us.tsv").read_bytes(),
    FEEDBACK: (
        b"Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n"
        b"11/20/26\t2\tArrived late.\t\t111-0944945-3989852\tx@marketplace.amazon.com\n"
    ),
    RETURNS: (
        b"Order ID\tReturn request date\tAmazon RMA ID\tASIN\tMerchant SKU\tReturn quantity\t"
        b"Return reason\n111-0944945-3989852\t2026-11-10\tDXmTQLs3RRMA\tB07XJ8C8F5\t"
        b"BH-BOTTLE-750\t1\tCR-DEFECTIVE\n"
    ),
    FBA_RETURNS: (
        b"return-date\torder-id\tsku\tasin\tquantity\treason\tstatus\n"
        b"2026-11-12T10:00:00+00:00\t112-5551234-7654321\tBH-PAN-12\tB08KTZ4Y1Q\t1\t"
        b"DEFECTIVE\tUnit returned to inventory\n"
    ),
    PERFORMANCE: json.dumps({"accountStatuses": [{"status": "NORMAL"}]}).encode(),
}


class LineCounter(Importer):
    """An importer that counts rows: stands in for a kind whose importer lands later."""

    kind = "feedback"
    columns: ClassVar = ()

    def apply(self, batch: list[Reader]) -> Counts:
        return Counts(rows=len(batch), created=len(batch))


@pytest.fixture
def fake() -> Iterator[FakeSpApi]:
    with running_fake() as server:
        server.documents.update(DOCUMENTS)
        yield server


@pytest.fixture
def only_orders_importer(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The registry as the test sets it, whatever other kinds have landed meanwhile."""
    importers = {"orders": ORDERS_IMPORTER}
    monkeypatch.setattr(registry, "IMPORTERS", importers)
    return importers


@pytest.fixture
def connection(db: None, fake: FakeSpApi, only_orders_importer: dict[str, str]) -> SpApiConnection:
    return connect(StoreFactory(name="Sync Store"), fake)


def sync(connection: SpApiConnection, *, at: datetime = NOW, sleeps: Sleeps | None = None):  # type: ignore[no-untyped-def]
    connection.refresh_from_db()
    return connection_sync(
        connection=connection, now=at, sleep=Sleeps() if sleeps is None else sleeps
    )


def requests_of(connection: SpApiConnection, kind: str) -> list[ReportRequest]:
    return list(ReportRequest.objects.filter(connection=connection, kind=kind).order_by("id"))


def created_bodies(fake: FakeSpApi, report_type: str) -> list[dict[str, str]]:
    bodies = [json.loads(c.body) for c in fake.calls if c.method == "POST" and "/reports" in c.path]
    return [b for b in bodies if b["reportType"] == report_type]


def test_full_sync_of_every_report_kind(
    connection: SpApiConnection, fake: FakeSpApi, only_orders_importer: dict[str, str]
) -> None:
    fake.gzip_types.add(RETURNS)
    settlements = [
        fake.add_listed_report(SETTLEMENT, b"settlement-id\ttotal-amount\n1\t9.99\n", created)
        for created in ("2026-11-02T00:00:00Z", "2026-11-16T00:00:00Z", "2026-11-30T00:00:00Z")
    ]
    result = sync(connection)
    assert result.ok, result.errors

    # Orders: one window from 90 days back (first sync) to now, imported from the API.
    [orders] = requests_of(connection, "orders")
    assert (orders.window_start, orders.window_end) == (NOW - timedelta(days=90), NOW)
    assert orders.status == RequestStatus.IMPORTED
    assert orders.result["rows"] == 3
    assert Order.objects.filter(store=connection.store).count() == 2
    run = ImportRun.objects.get(store=connection.store, kind="orders")
    assert (run.source, run.filename) == ("api", f"orders-{orders.report_id}.tsv")

    # Returns: at most 60 days a request, so 90 days are two windows, back to back.
    returns = requests_of(connection, "returns")
    windows = [(r.window_start, r.window_end) for r in returns]
    assert windows == [
        (NOW - timedelta(days=90), NOW - timedelta(days=30)),
        (NOW - timedelta(days=30), NOW),
    ]
    assert len(created_bodies(fake, RETURNS)) == 2

    # Kinds without an importer yet: downloaded as far as Amazon's document id, waiting.
    for kind in ("feedback", "returns", "fba-returns", "performance", "settlement"):
        rows = requests_of(connection, kind)
        assert rows, kind
        assert {r.status for r in rows} == {RequestStatus.NO_IMPORTER}, kind
        assert all(r.document_id for r in rows), kind
        assert "no importer" in rows[0].error
    # Settlements are listed, not created: all three pages of them, no createReport.
    assert sorted(r.report_id for r in requests_of(connection, "settlement")) == sorted(settlements)
    assert created_bodies(fake, SETTLEMENT) == []
    [performance] = created_bodies(fake, PERFORMANCE)
    assert "dataStartTime" not in performance

    counts = result.counts()
    assert counts == {"imported": 1, "no_importer": 8}
    connection.refresh_from_db()
    assert connection.cursors["orders"] == NOW.isoformat()
    # Nothing imported: feedback is synced up to where the first sync began.
    assert connection.cursors["feedback"] == (NOW - timedelta(days=90)).isoformat()
    assert (connection.last_error, connection.consecutive_failures) == ("", 0)
    assert connection.sync_lease_until is None

    # The feedback importer lands: the next sync imports the waiting document without
    # asking Amazon for a new report.
    only_orders_importer["feedback"] = f"{__name__}.LineCounter"
    later = sync(connection, at=NOW + timedelta(minutes=10))
    [feedback] = requests_of(connection, "feedback")
    assert feedback.status == RequestStatus.IMPORTED
    assert feedback.result["rows"] == 1
    assert len(created_bodies(fake, FEEDBACK)) == 1
    assert later.counts()["imported"] == 1


def test_next_syncs_ask_only_for_the_new_time(connection: SpApiConnection, fake: FakeSpApi) -> None:
    sync(connection)
    sync(connection, at=NOW + timedelta(minutes=10))  # too soon for a new window
    assert len(created_bodies(fake, ORDERS)) == 1
    sync(connection, at=NOW + timedelta(hours=1))
    bodies = created_bodies(fake, ORDERS)
    assert len(bodies) == 2
    assert datetime.fromisoformat(bodies[1]["dataStartTime"]) == NOW
    assert datetime.fromisoformat(bodies[1]["dataEndTime"]) == NOW + timedelta(hours=1)
    assert len(created_bodies(fake, PERFORMANCE)) == 1  # a snapshot a day
    connection.refresh_from_db()
    assert connection.cursors["orders"] == (NOW + timedelta(hours=1)).isoformat()


def test_polling_waits_until_done_and_honours_throttling(
    connection: SpApiConnection, fake: FakeSpApi
) -> None:
    fake.plan_reports(ORDERS, [(3, "DONE")])
    fake.fail("POST", r"/reports/2021-06-30/reports", 429, times=1,
              headers={"x-amzn-RateLimit-Limit": "0.0167"})  # fmt: skip
    fake.fail("GET", r"/reports/2021-06-30/reports/\d+", 500, times=1)
    sleeps = Sleeps()
    result = sync(connection, sleeps=sleeps)
    assert result.ok, result.errors
    [orders] = requests_of(connection, "orders")
    assert orders.status == RequestStatus.IMPORTED
    assert orders.attempts >= 4  # created, then polled until DONE
    assert pytest.approx(1 / 0.0167) in sleeps  # createReport's rate: one a minute
    assert 5.0 in sleeps
    assert 10.0 in sleeps


def test_an_expired_token_mid_sync_is_refreshed(
    connection: SpApiConnection, fake: FakeSpApi
) -> None:
    fake.plan_reports(ORDERS, [(2, "DONE")])
    sleeps = Sleeps()

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        fake.expire_tokens()  # every token dies while we wait

    result = connection_sync(connection=connection, now=NOW, sleep=sleep)
    assert result.ok, result.errors
    assert requests_of(connection, "orders")[0].status == RequestStatus.IMPORTED
    assert fake.token_requests() >= 2


def test_cancelled_report_is_recorded_and_asked_again_later(
    connection: SpApiConnection, fake: FakeSpApi
) -> None:
    fake.plan_reports(FEEDBACK, [(0, "CANCELLED")])
    result = sync(connection)
    assert result.ok  # not fatal to the sync
    [cancelled] = requests_of(connection, "feedback")
    assert cancelled.status == RequestStatus.CANCELLED
    assert "cancelled" in cancelled.error
    assert any(r.kind == "feedback" and r.status == "cancelled" for r in result.requests)
    assert requests_of(connection, "orders")[0].status == RequestStatus.IMPORTED

    sync(connection, at=NOW + timedelta(minutes=10))
    retry = requests_of(connection, "feedback")[1]
    assert retry.retry_of == cancelled
    assert (retry.window_start, retry.window_end) == (cancelled.window_start, cancelled.window_end)
    assert retry.attempt == 2
    assert retry.status == RequestStatus.NO_IMPORTER
    assert len(created_bodies(fake, FEEDBACK)) == 2


def test_fatal_reports_are_given_up_after_the_last_attempt(
    connection: SpApiConnection, fake: FakeSpApi, only_orders_importer: dict[str, str]
) -> None:
    only_orders_importer["feedback"] = f"{__name__}.LineCounter"
    fake.plan_reports(FEEDBACK, [(0, "FATAL")] * MAX_ATTEMPTS)
    for minutes in range(MAX_ATTEMPTS + 1):
        sync(connection, at=NOW + timedelta(minutes=minutes))
    rows = requests_of(connection, "feedback")
    assert [r.status for r in rows] == [RequestStatus.FATAL] * MAX_ATTEMPTS
    assert "Report processing failed." in rows[0].error  # Amazon's FATAL document
    assert "given up" in rows[-1].error
    connection.refresh_from_db()
    assert connection.cursors["feedback"] == NOW.isoformat()  # the window is passed by


def test_a_crash_mid_poll_resumes_without_a_new_report(
    connection: SpApiConnection, fake: FakeSpApi
) -> None:
    class Crash(Exception):
        pass

    def crash(seconds: float) -> None:
        raise Crash

    fake.plan_reports(ORDERS, [(3, "DONE")])
    connection.refresh_from_db()
    with pytest.raises(Crash):
        connection_sync(connection=connection, now=NOW, sleep=crash)
    [orders] = requests_of(connection, "orders")
    assert orders.status == RequestStatus.PROCESSING
    assert orders.report_id
    connection.refresh_from_db()
    assert connection.sync_lease_until is None
    assert (connection.consecutive_failures, connection.last_error) == (1, "Crash: ")

    result = sync(connection, at=NOW + timedelta(minutes=5))
    assert result.ok, result.errors
    [orders] = requests_of(connection, "orders")
    assert orders.status == RequestStatus.IMPORTED
    assert len(created_bodies(fake, ORDERS)) == 1  # polled the one it had, made no other
    assert fake.count("GET", rf"/reports/2021-06-30/reports/{orders.report_id}") == 4


def test_a_crash_between_asking_and_recording_adopts_amazons_report(
    connection: SpApiConnection, fake: FakeSpApi
) -> None:
    # Amazon made the report, but the desk died before saving its id.
    start, end = NOW - timedelta(days=90), NOW
    fake.plan_reports(ORDERS, [(0, "DONE")])
    with running_client(connection) as api:
        made = api.create_report(ORDERS, start, end)
    ReportRequest.objects.create(
        connection=connection, kind="orders", report_type=ORDERS, window_start=start,
        window_end=end, status=RequestStatus.CREATING, requested_at=NOW,
    )  # fmt: skip
    result = sync(connection, at=NOW + timedelta(minutes=1))
    assert result.ok, result.errors
    [orders] = requests_of(connection, "orders")
    assert (orders.report_id, orders.status) == (made, RequestStatus.IMPORTED)
    assert len(created_bodies(fake, ORDERS)) == 1


def test_api_errors_are_recorded_and_the_sync_goes_on(
    connection: SpApiConnection, fake: FakeSpApi
) -> None:
    fake.fail("POST", r"/reports/2021-06-30/reports", 500, times=4)  # the first one's tries
    result = sync(connection)
    assert not result.ok
    assert "HTTP 500" in result.errors[0]
    stuck = ReportRequest.objects.get(connection=connection, status=RequestStatus.CREATING)
    assert "HTTP 500" in stuck.error
    assert requests_of(connection, "fba-returns")[0].status == RequestStatus.NO_IMPORTER
    connection.refresh_from_db()
    assert connection.consecutive_failures == 1
    assert "HTTP 500" in connection.last_error

    # Next sync: Amazon has no report for that window, so it is asked for again.
    again = sync(connection, at=NOW + timedelta(minutes=10))
    stuck.refresh_from_db()
    assert stuck.report_id
    assert stuck.status in (RequestStatus.IMPORTED, RequestStatus.NO_IMPORTER)
    assert again.ok, again.errors
    connection.refresh_from_db()
    assert connection.consecutive_failures == 0


def test_refused_login_stops_the_sync_and_is_recorded(db: None, fake: FakeSpApi) -> None:
    connection = connect(StoreFactory(name="Bad Login"), fake, secret="wrong")
    result = sync(connection)
    assert "Login with Amazon refused" in result.error
    assert not ReportRequest.objects.exclude(status=RequestStatus.PENDING).exists()
    connection.refresh_from_db()
    assert connection.consecutive_failures == 1
    assert "refused" in connection.last_error


def test_one_sync_at_a_time(connection: SpApiConnection, fake: FakeSpApi) -> None:
    SpApiConnection.objects.filter(pk=connection.pk).update(
        sync_lease_until=NOW + timedelta(minutes=5)
    )
    assert sync(connection).skipped == "another sync of this store is running"
    assert fake.calls == []
    # A lease left by a crashed worker runs out.
    assert sync(connection, at=NOW + timedelta(minutes=6)).ok


def running_client(connection: SpApiConnection):  # type: ignore[no-untyped-def]
    from tests.spapi_support import client

    return client(connection, Sleeps())


@pytest.mark.django_db
def test_every_kind_with_the_real_registry(fake: FakeSpApi) -> None:
    """The registry as it stands: each kind whose importer exists imports the sample
    report of its kind (``tests/data/reports/<kind>_us.*``); the others wait."""
    samples = {}
    for kind, suffix in (("orders", ".tsv"), ("feedback", ".tsv"), ("returns", ".tsv"),
                         ("fba-returns", ".tsv"), ("settlement", ".tsv"),
                         ("performance", ".json")):  # fmt: skip
        path = REPORTS / f"{kind.replace('-', '_')}_us{suffix}"
        if path.exists():
            samples[kind] = path.read_bytes()
    types = {"orders": ORDERS, "feedback": FEEDBACK, "returns": RETURNS,
             "fba-returns": FBA_RETURNS, "performance": PERFORMANCE}  # fmt: skip
    for kind, report_type in types.items():
        fake.documents[report_type] = samples.get(kind, b"")
    fake.add_listed_report(SETTLEMENT, samples.get("settlement", b""), "2026-11-16T00:00:00Z")
    connection = connect(StoreFactory(name="Registry Store"), fake)
    sync(connection)
    for kind in ("orders", "feedback", "returns", "fba-returns", "settlement", "performance"):
        statuses = {r.status for r in requests_of(connection, kind)}
        if kind not in registry.IMPORTERS:
            assert statuses == {RequestStatus.NO_IMPORTER}, kind
        elif kind in samples:
            assert statuses == {RequestStatus.IMPORTED}, (
                kind,
                [r.error for r in requests_of(connection, kind)],
            )
        # A registered kind without a sample file here is checked by its own tests.
