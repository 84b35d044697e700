"""The seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT): Amazon's own figures."""

from __future__ import annotations

import codecs
from datetime import date
from decimal import Decimal

import pytest

from sellerdesk.imports.errors import ImportRefused
from sellerdesk.imports.models import AmazonPerformanceFigure, ImportRun
from sellerdesk.imports.performance import PerformanceImporter
from tests.factories import StoreFactory
from tests.import_support import REPORTS, counts, run, text_of, write, write_gz

FILE = REPORTS / "performance_us.json"
US = text_of(FILE)


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Health Store", marketplace="US", timezone="America/Los_Angeles")


def figure(channel: str, metric: str) -> AmazonPerformanceFigure:
    return AmazonPerformanceFigure.objects.get(channel=channel, metric=metric)


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the first character of ``needle``."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def test_figures_per_channel_and_period(store) -> None:  # type: ignore[no-untyped-def]
    assert counts(run(PerformanceImporter(store), FILE)) == (10, 10, 0, 0)
    mfn = figure("mfn", "order_defect_rate")
    assert (mfn.period_start, mfn.period_end) == (date(2026, 9, 4), date(2026, 11, 2))
    assert (mfn.rate, mfn.count, mfn.total) == (Decimal("0.0059782609"), 11, 1840)
    assert mfn.details == {"claims": 3, "chargebacks": 1, "negative_feedback": 8}
    assert (mfn.status, mfn.target_value, mfn.target_condition) == (
        "GOOD", Decimal("0.01"), "LESS_THAN",
    )  # fmt: skip
    assert mfn.marketplace_id == "ATVPDKIKX0DER"
    afn = figure("afn", "order_defect_rate")  # the key says afn, whatever fulfillmentType says
    assert (afn.count, afn.total, afn.details["negative_feedback"]) == (9, 5210, 7)
    late = figure("mfn", "late_shipment_rate")
    assert (late.count, late.total, late.rate) == (21, 930, Decimal("0.0225806452"))
    cancel = figure("mfn", "pre_fulfillment_cancel_rate")  # written prefulfillmentCancelRate
    assert (cancel.count, cancel.total, cancel.period_start) == (2, 214, date(2026, 11, 10))
    assert (
        figure("mfn", "valid_tracking_rate").count,
        figure("mfn", "valid_tracking_rate").total,
    ) == (897, 905)
    assert figure("mfn", "on_time_delivery_rate").rate == Decimal("0.9710144928")
    invoice = figure("mfn", "invoice_defect_rate")
    assert (invoice.count, invoice.details) == (1, {"missing_invoice": 1, "late_invoice": 0})
    health = figure("account", "account_health_rating")
    assert (health.score, health.status, health.period_end) == (262, "GREAT", date(2026, 11, 16))
    assert figure("account", "listing_policy_violations").count == 0
    status = figure("account", "account_status")
    assert (status.status, status.period_end) == ("NORMAL", date(2026, 11, 16))
    assert not AmazonPerformanceFigure.objects.filter(status="BAD").exists()  # Canada's


def test_twice_changes_nothing_and_new_periods_add_history(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run(PerformanceImporter(store), FILE)
    before = list(AmazonPerformanceFigure.objects.values().order_by("id"))
    assert counts(run(PerformanceImporter(store), FILE)) == (10, 0, 0, 10)
    assert list(AmazonPerformanceFigure.objects.values().order_by("id")) == before
    next_week = (
        US.replace("2026-11-02T23:59Z", "2026-11-09T23:59Z")
        .replace("2026-09-04T00:00Z", "2026-09-11T00:00Z")
        .replace('"orderCount": 1840', '"orderCount": 1901')
    )
    result = run(PerformanceImporter(store), write(tmp_path, "perf2.json", next_week))
    assert (result.counts.created, result.counts.unchanged) == (2, 8)
    odr = AmazonPerformanceFigure.objects.filter(channel="mfn", metric="order_defect_rate")
    assert [(f.period_end, f.total) for f in odr.order_by("period_end")] == [
        (date(2026, 11, 2), 1840), (date(2026, 11, 9), 1901),
    ]  # fmt: skip


def test_the_schema_property_names_too(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace('"prefulfillmentCancelRate"', '"preFulfillmentCancellationRate"').replace(
        '"warningState"', '"warningStates"'
    )
    run(PerformanceImporter(store), write(tmp_path, "perf.json", text))
    assert figure("mfn", "pre_fulfillment_cancel_rate").count == 2


def test_only_the_stores_marketplace(db) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(
        name="Toronto", marketplace="CA", timezone="America/Toronto", currency="CAD"
    )
    assert counts(run(PerformanceImporter(store), FILE)) == (2, 2, 0, 0)
    odr = figure("mfn", "order_defect_rate")
    assert (odr.status, odr.rate, odr.count) == ("BAD", Decimal("0.025"), 3)
    assert figure("account", "account_status").status == "AT_RISK"


def test_bom_and_gzip(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "perf.json", US, bom=codecs.BOM_UTF8)
    assert run(PerformanceImporter(store), path).counts.created == 10
    assert counts(run(PerformanceImporter(store), write_gz(tmp_path, "p.json.gz", US)))[3] == 10


def test_malformed_json_names_line_and_column(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace('"orderCount": 930,', '"orderCount": 930', 1)
    line, column = position(text, '"lateShipmentCount": 21')
    with pytest.raises(ImportRefused) as caught:
        run(PerformanceImporter(store), write(tmp_path, "perf.json", text))
    assert (
        str(caught.value) == f"perf.json:{line}:{column}: not valid JSON: Expecting ',' delimiter"
    )
    assert AmazonPerformanceFigure.objects.count() == 0
    assert ImportRun.objects.get().status == "failed"


def test_not_utf8(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace('"status": "NORMAL"', '"status": "NORMÄL"')
    with pytest.raises(ImportRefused) as caught:
        run(PerformanceImporter(store), write(tmp_path, "perf.json", text, "cp1252"))
    line, column = position(text, "Ä")
    assert str(caught.value) == (
        f"perf.json:{line}:{column}: byte 0xc4 is not valid UTF-8 (JSON is UTF-8)"
    )


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ('"orderCount": 1840', '"orderCount": "many"', '"many"',
         "orderDefectRate.mfn.orderCount: not a number: 'many'"),
        ('"count": 11,', '"count": 11.5,', "11.5",
         "orderDefectRate.mfn.orderWithDefects.count: not a count: 11.5"),
        ('"reportingDateTo": "2026-11-16T23:59Z"', '"reportingDateTo": "soon"', '"soon"',
         "lateShipmentRate.to: not a date: 'soon'"),
    ],
)  # fmt: skip
def test_bad_value_names_line_and_column(store, tmp_path, old, new, where, message) -> None:  # type: ignore[no-untyped-def]
    text = US.replace(old, new, 1)
    line, column = position(text, where)
    with pytest.raises(ImportRefused) as caught:
        run(PerformanceImporter(store), write(tmp_path, "perf.json", text))
    assert str(caught.value) == f"perf.json:{line}:{column}: {message}"
    assert AmazonPerformanceFigure.objects.count() == 0


def test_missing_metrics_list_is_named(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace('"performanceMetrics"', '"metrics"')
    with pytest.raises(ImportRefused) as caught:
        run(PerformanceImporter(store), write(tmp_path, "perf.json", text))
    assert str(caught.value) == (
        "perf.json:1:1: not a seller performance report: no performanceMetrics list"
    )


def test_another_marketplaces_report_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Berlin", marketplace="DE", timezone="Europe/Berlin", currency="EUR")
    with pytest.raises(ImportRefused, match=r"no figures for marketplace A1PA6795UKMFR9 \(DE\)"):
        run(PerformanceImporter(store), FILE)
