"""Importer for Amazon's seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT).

JSON. Each entry of ``performanceMetrics`` is one marketplace; only the
store's marketplace is read (an entry without ``marketplaceId`` is taken as
the store's). Every metric becomes an :class:`AmazonPerformanceFigure` per
channel and reporting period, so the figures of successive reports build a
history and re-importing a report changes nothing.

Parsed leniently, because Amazon's own schema example uses key names that
differ from its properties (``prefulfillmentCancelRate`` for
``preFulfillmentCancellationRate``, ``warningState`` for ``warningStates``):
keys are compared case-insensitively without punctuation, known alternatives
are accepted, a metric may be one object or a list of periods, counts may be
a number or ``{"count": …}``, and unknown keys are ignored. Any other metric
with a ``reportingDateRange`` (listing policy violations, complaints, …) is
kept under its own name as an account-level count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from django.utils import timezone

from sellerdesk.imports.base import Counts, Importer, Reader
from sellerdesk.imports.errors import BadValue
from sellerdesk.imports.jsondoc import Document, Located, items, load
from sellerdesk.imports.models import AmazonPerformanceFigure, PerformanceChannel
from sellerdesk.imports.reader import Row
from sellerdesk.imports.upsert import Upsert, assign
from sellerdesk.imports.values import parse_datetime, parse_decimal
from sellerdesk.marketplaces import get_marketplace

MFN, AFN, ACCOUNT = PerformanceChannel.MFN, PerformanceChannel.AFN, PerformanceChannel.ACCOUNT
PLACES = Decimal("1e-10")
FIELDS = (
    "marketplace_id", "rate", "count", "total", "score", "status", "target_value",
    "target_condition", "details", "imported_at",
)  # fmt: skip


@dataclass(frozen=True)
class Spec:
    metric: str
    channel: str
    count: tuple[str, ...] = ()  # keys of the numerator (a number or {"count": …})
    total: tuple[str, ...] = ()  # keys of the denominator
    parts: tuple[tuple[str, str], ...] = ()  # (report key, details key)


ODR_PARTS = (
    ("claims", "claims"),
    ("chargebacks", "chargebacks"),
    ("negativeFeedback", "negative_feedback"),
)
SPECS = {
    "lateshipmentrate": Spec(
        "late_shipment_rate", MFN, ("lateShipmentCount",), ("orderCount",)
    ),
    "prefulfillmentcancellationrate": Spec(
        "pre_fulfillment_cancel_rate", MFN, ("cancellationCount",), ("orderCount",)
    ),
    "validtrackingrate": Spec(
        "valid_tracking_rate", MFN, ("validTrackingCount",), ("shipmentCount",)
    ),
    "ontimedeliveryrate": Spec(
        "on_time_delivery_rate", MFN, ("onTimeDeliveryCount",), ("shipmentCountWithValidTracking",)
    ),
    "unitontimedeliveryrate": Spec(
        "unit_on_time_delivery_rate", MFN, ("unitOnTimeDeliveryCount",), ("totalUnitCount",)
    ),
    "invoicedefectrate": Spec(
        "invoice_defect_rate", MFN, ("invoiceDefect", "invoiceDefectCount"), ("orderCount",),
        (("missingInvoice", "missing_invoice"), ("lateInvoice", "late_invoice")),
    ),
}  # fmt: skip
ALIASES = {
    "prefulfillmentcancelrate": "prefulfillmentcancellationrate",
    "prefulfilmentcancellationrate": "prefulfillmentcancellationrate",
    "prefulfilmentcancelrate": "prefulfillmentcancellationrate",
}
ODR = "orderdefectrate"
AHR = "accounthealthrating"
SKIPPED = {"marketplaceid", "warningstate", "warningstates"}


def _norm(key: str) -> str:
    key = re.sub(r"[^a-z0-9]", "", key.lower())
    return ALIASES.get(key, key)


def _snake(key: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key).lower().replace("-", "_")[:60]


@dataclass
class _Figure:
    line: int
    channel: str
    metric: str
    period: tuple[date, date] | None
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class _FigureReader(Reader):
    figure: _Figure | None = None


class _Entry:
    """Reads one ``performanceMetrics`` entry, refusing bad values where they are."""

    def __init__(self, doc: Document, marketplace_id: str) -> None:
        self.doc = doc
        self.marketplace_id = marketplace_id

    def get(self, obj: Located | None, *names: str) -> Located | None:
        if obj is None:
            return None
        wanted = {_norm(n) for n in names}
        return next((v for k, v in items(obj) if _norm(k) in wanted), None)

    def number(self, at: Located | None, what: str) -> Decimal | None:
        if at is None or at.value is None:
            return None
        value = at.value
        if isinstance(value, str) and value.strip():
            try:
                return parse_decimal(value)
            except BadValue:
                pass
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            return Decimal(value)
        raise self.doc.refuse(at, f"{what}: not a number: {_shown(value)}")

    def whole(self, at: Located | None, what: str) -> int | None:
        if at is not None and isinstance(at.value, dict):  # {"count": 12, "status": …}
            at, what = self.get(at, "count"), f"{what}.count"
        number = self.number(at, what)
        if number is None:
            return None
        if at is not None and (number != number.to_integral_value() or number < 0):
            raise self.doc.refuse(at, f"{what}: not a count: {_shown(at.value)}")
        return int(number)

    def text(self, at: Located | None, what: str) -> str:
        if at is None or at.value is None:
            return ""
        if not isinstance(at.value, str):
            raise self.doc.refuse(at, f"{what}: not a text: {_shown(at.value)}")
        return at.value.strip()[:30]

    def day(self, at: Located | None, what: str) -> date | None:
        if at is None or not (raw := self.text(at, what)):
            return None
        try:
            moment = parse_datetime(raw, tz=ZoneInfo("UTC"))
        except BadValue:
            raise self.doc.refuse(at, f"{what}: not a date: {raw!r}") from None
        return moment.astimezone(UTC).date()

    def period(self, metric: Located, what: str) -> tuple[date, date] | None:
        span = self.get(metric, "reportingDateRange", "dateRange")
        start = self.day(self.get(span, "reportingDateFrom", "from", "startDate"), f"{what}.from")
        end = self.day(self.get(span, "reportingDateTo", "to", "endDate"), f"{what}.to")
        if start is None or end is None:
            return None
        return start, end

    def first(self, obj: Located, keys: tuple[str, ...]) -> tuple[str, Located | None]:
        """The first of ``keys`` present in ``obj``, and its value."""
        for key in keys:
            value = self.get(obj, key)
            if value is not None:
                return key, value
        return (keys[0] if keys else ""), None

    def figure(self, metric: Located, spec: Spec, channel: str, what: str) -> _Figure:
        count_key, counted = self.first(metric, spec.count)
        total_key, total = self.first(metric, spec.total)
        rate_what, rate = f"{what}.rate", self.get(metric, "rate")
        if rate is None and counted is not None and isinstance(counted.value, dict):
            rate_what, rate = f"{what}.{count_key}.rate", self.get(counted, "rate")
        details: dict[str, Any] = {}
        for key, name in spec.parts:
            part = self.get(metric, key)
            count = self.whole(part, f"{what}.{key}")
            if count is not None:
                details[name] = count
            part_rate = self.number(self.get(part, "rate"), f"{what}.{key}.rate")
            if part_rate is not None:
                details[f"{name}_rate"] = str(part_rate.quantize(PLACES))
        return _Figure(
            line=self.doc.position(metric.offset)[0],
            channel=channel,
            metric=spec.metric,
            period=self.period(metric, what),
            values={
                "rate": _places(self.number(rate, rate_what)),
                "count": self.whole(counted, f"{what}.{count_key}"),
                "total": self.whole(total, f"{what}.{total_key}"),
                "status": self.text(self.get(metric, "status"), f"{what}.status"),
                "target_value": _places(
                    self.number(self.get(metric, "targetValue"), f"{what}.targetValue")
                ),
                "target_condition": self.text(
                    self.get(metric, "targetCondition"), f"{what}.targetCondition"
                )[:20],
                "details": details,
                "score": None,
                "marketplace_id": self.marketplace_id,
            },
        )

    def figures(self, entry: Located) -> Iterator[_Figure]:
        for key, value in items(entry):
            name = _norm(key)
            if name in SKIPPED:
                continue
            for metric in value.value if isinstance(value.value, list) else [value]:
                if not isinstance(metric.value, dict):
                    continue
                if name == ODR:
                    yield from self.odr(metric, key)
                elif name == AHR:
                    yield self.health(metric, key)
                elif name in SPECS:
                    yield self.figure(metric, SPECS[name], SPECS[name].channel, key)
                elif self.get(metric, "reportingDateRange") is not None:
                    spec = Spec(_snake(key), ACCOUNT, ("defectsCount", "count"))
                    yield self.figure(metric, spec, ACCOUNT, key)

    def odr(self, metric: Located, key: str) -> Iterator[_Figure]:
        spec = Spec("order_defect_rate", MFN, ("orderWithDefects",), ("orderCount",), ODR_PARTS)
        # Trust the key (mfn/afn), not "fulfillmentType": Amazon's own example
        # writes "mfn" inside its "afn" block.
        for channel_key, block in items(metric):
            channel = {"mfn": MFN, "afn": AFN}.get(_norm(channel_key))
            if channel is not None and isinstance(block.value, dict):
                yield self.figure(block, spec, channel, f"{key}.{channel_key}")
        if self.get(metric, "orderCount") is not None:  # one block, its type inside
            kind = self.text(self.get(metric, "fulfillmentType"), f"{key}.fulfillmentType")
            channel = AFN if kind.lower() == "afn" else MFN
            yield self.figure(metric, spec, channel, key)

    def health(self, metric: Located, key: str) -> _Figure:
        score = self.number(
            self.get(metric, "ahrScore", "accountHealthRatingScore", "score"), f"{key}.score"
        )
        status = self.get(metric, "ahrStatus", "accountHealthRatingStatus", "status")
        return _Figure(
            line=self.doc.position(metric.offset)[0],
            channel=ACCOUNT,
            metric="account_health_rating",
            period=self.period(metric, key),
            values={
                "rate": None, "count": None, "total": None,
                "score": int(score) if score is not None else None,
                "status": self.text(status, f"{key}.status"),
                "target_value": None, "target_condition": "", "details": {},
                "marketplace_id": self.marketplace_id,
            },
        )  # fmt: skip


def _places(value: Decimal | None) -> Decimal | None:
    return value.quantize(PLACES) if value is not None else None


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return str(value)
    return repr(value)


class PerformanceImporter(Importer):
    kind = "performance"
    description = "Seller performance report (GET_V2_SELLER_PERFORMANCE_REPORT), JSON"
    columns: ClassVar[tuple[()]] = ()

    def readers(self, path: Path) -> tuple[Iterator[Reader], str]:
        doc = load(path)
        figures = self._figures(doc)

        def iterate() -> Iterator[Reader]:
            for figure in figures:
                row = Row(filename=doc.filename, line=figure.line, values={}, columns={})
                yield _FigureReader(row=row, mapping={}, store=self.store, figure=figure)

        return iterate(), "utf-8"

    def _figures(self, doc: Document) -> list[_Figure]:
        market = get_marketplace(self.store.marketplace).marketplace_id
        root = doc.root
        if not isinstance(root.value, dict):
            raise doc.refuse(root, "not a seller performance report: expected a JSON object")
        reader = _Entry(doc, market)
        entries = reader.get(root, "performanceMetrics")
        if entries is None and reader.get(root, "orderDefectRate") is not None:
            entries = Located([root], root.offset)  # one entry given bare
        if entries is None or not isinstance(entries.value, list):
            raise doc.refuse(root, "not a seller performance report: no performanceMetrics list")
        figures: list[_Figure] = []
        seen = False
        for entry in entries.value:
            marketplace = reader.text(reader.get(entry, "marketplaceId"), "marketplaceId")
            if marketplace and marketplace != market:
                continue
            seen = True
            figures.extend(reader.figures(entry))
        statuses = reader.get(root, "accountStatuses")
        for status in statuses.value if statuses and isinstance(statuses.value, list) else []:
            marketplace = reader.text(reader.get(status, "marketplaceId"), "marketplaceId")
            if marketplace and marketplace != market:
                continue
            seen = True
            figures.append(
                _Figure(
                    line=doc.position(status.offset)[0],
                    channel=ACCOUNT,
                    metric="account_status",
                    period=None,
                    values={
                        "rate": None,
                        "count": None,
                        "total": None,
                        "score": None,
                        "status": reader.text(reader.get(status, "status"), "accountStatuses"),
                        "target_value": None,
                        "target_condition": "",
                        "details": {},
                        "marketplace_id": market,
                    },
                )
            )
        if not seen and entries.value:
            raise doc.refuse(
                entries, f"no figures for marketplace {market} ({self.store.marketplace})"
            )
        # A figure without its own period (account status) takes the report's latest.
        periods = [f.period for f in figures if f.period is not None]
        latest = max(periods, key=lambda p: (p[1], p[0])) if periods else None
        today = timezone.localdate(timezone=self.store.tz)
        for figure in figures:
            figure.period = figure.period or latest or (today, today)
        return figures

    def apply(self, batch: list[Reader]) -> Counts:
        figures = [r.figure for r in batch if isinstance(r, _FigureReader) and r.figure]
        existing = AmazonPerformanceFigure.objects.filter(
            store=self.store,
            metric__in={f.metric for f in figures},
            period_end__in={f.period[1] for f in figures if f.period},
        )
        upsert = Upsert(AmazonPerformanceFigure, "period_key", existing)
        now = timezone.now()
        for figure in figures:
            start, end = figure.period or (None, None)
            if start is None or end is None:  # _figures gave every figure a period
                continue
            record = upsert.get((figure.channel, figure.metric, start, end))
            if record is None:
                upsert.create(
                    AmazonPerformanceFigure(
                        store=self.store, channel=figure.channel, metric=figure.metric,
                        period_start=start, period_end=end, imported_at=now, **figure.values,
                    )
                )  # fmt: skip
                continue
            changed = assign(record, figure.values)
            if changed:
                record.imported_at = now
            upsert.touched(record, changed)
        return upsert.save(FIELDS)
