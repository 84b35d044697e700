"""Return statistics per SKU (or ASIN): rates, Amazon's monthly method, reasons, flags.

Pure reads: every function takes querysets already narrowed to one store (the
caller scopes them) and the store's time zone, and writes nothing. Days are the
store's local calendar days; ``as_of`` is the last day counted, whole.

**Shipped units** are ``OrderItem.quantity_shipped``, dated by the order's
``shipped_at``, or by its ``purchase_date`` when no ship date is known. The ship
date is the right one: a return rate asks what share of the units that *left*
came back, and Amazon's monthly method counts "units shipped in month M". The
orders report does not always carry a ship date, and for seller-fulfilled orders
purchase and shipment lie a day or two apart, so the purchase date is the best
stand-in rather than dropping the order.

**Returned units** are ``Return.quantity``, dated by ``requested_at`` (the day the
buyer asked, or FBA's return date). A rejected return brought nothing back and
is not counted.

**Rolling rates** (the everyday view, ``amazon-rules.md`` §7): returned units
requested in the last 30 (90) days ÷ units shipped in the same days. Returns in
the window may be of units shipped before it, so a rate can exceed 1 for a SKU
that stopped selling.

**Amazon's monthly method** (FBA returns fee since June 2024): the units shipped
in month M whose return was requested in M, M+1 or M+2, ÷ the units shipped in
M. A return is tied to its month through its order's ship date; a return whose
order the desk does not hold cannot be tied and is left out. A month whose M+2
has not ended by ``as_of`` is ``complete: false`` (more returns may come).
Products with fewer than ``return_rate_exempt_monthly_units`` (25) units shipped
in M are exempt that month.

**Flags**: is this SKU's return rate above the store's, beyond chance? For each
SKU with at least ``min_units`` units shipped in the 90 days, a one-sided exact
binomial test of its returned units out of its shipped units against the pooled
rate of *all other* SKUs of the store (returned ÷ shipped, same window), so the
SKU does not pull its own baseline up. H0: the SKU returns at the baseline rate;
H1: above it. Testing every SKU of a catalogue at 5 % would flag one in twenty
by chance alone, so the p-values of all tested SKUs are adjusted together by
Benjamini-Hochberg (the false discovery rate), and a SKU is flagged when its
q-value is at most ``alpha`` (0.05): among flagged SKUs, at most about 5 % are
expected to be false alarms. A SKU under ``min_units`` is never tested, however
high its ratio: 2 returns of 3 units says little. The test treats each shipped
unit as an independent trial; returned units counted in the window above
shipped units (returns of earlier shipments) are capped at the shipped count.
"""

from __future__ import annotations

import zoneinfo
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from django.db.models import DateTimeField, F, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, TruncDate
from scipy.stats import binomtest, false_discovery_control

from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.returns.reasons import reason_for

Group = Literal["sku", "asin"]
GROUPS: tuple[Group, ...] = ("sku", "asin")
NO_REASON = "UNSPECIFIED"  # the reason-mix key of a return without a reason code
FAULTS = ("seller", "buyer", "unknown")

# Defaults of the desk's own statistical choices (Amazon's numbers are in policy.py).
MIN_UNITS = 20  # shipped units in 90 days before a SKU is tested
ALPHA = 0.05  # false discovery rate of the flags
MONTHS = 6  # months of Amazon's monthly method shown
EXEMPT_BELOW = 25  # the default of policy "return_rate_exempt_monthly_units"
WINDOWS = (30, 90)


# --- dates -------------------------------------------------------------------------


def local_bounds(start: date, end: date, tz: zoneinfo.ZoneInfo) -> tuple[datetime, datetime]:
    """[local midnight of ``start``, local midnight after ``end``), in UTC."""
    lo = datetime.combine(start, time(0), tzinfo=tz).astimezone(UTC)
    hi = datetime.combine(end + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return lo, hi


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def window_start(as_of: date, days: int) -> date:
    """The first day of the ``days``-day window that ends with ``as_of`` (inclusive)."""
    return as_of - timedelta(days=days - 1)


# --- the rows read from the database ------------------------------------------------


def _ship_time() -> Coalesce:
    return Coalesce(F("order__shipped_at"), F("order__purchase_date"), output_field=DateTimeField())


@dataclass(frozen=True, slots=True)
class Shipped:
    """Units of one SKU/ASIN shipped on one local day."""

    sku: str
    asin: str
    day: date
    units: int


@dataclass(frozen=True, slots=True)
class Returned:
    """Units of one return, on the local day it was requested."""

    sku: str
    asin: str
    day: date
    units: int
    reason_code: str
    shipped_day: date | None  # the local day its order shipped, when the order is known


def shipped_units(
    items: QuerySet[OrderItem], *, tz: zoneinfo.ZoneInfo, start: date, end: date
) -> list[Shipped]:
    """Units shipped per (SKU, ASIN, local day) from ``start`` to ``end``, summed in the
    database (one row per SKU and day, not per order)."""
    lo, hi = local_bounds(start, end, tz)
    rows = (
        items.annotate(ship_time=_ship_time())
        .filter(ship_time__gte=lo, ship_time__lt=hi, quantity_shipped__gt=0)
        .annotate(day=TruncDate("ship_time", tzinfo=tz))
        .values("sku", "asin", "day")
        .annotate(units=Sum("quantity_shipped"))
        .order_by()
    )
    return [Shipped(r["sku"], r["asin"], r["day"], int(r["units"])) for r in rows]


def returned_units(
    returns: QuerySet[Return],
    *,
    orders: QuerySet[Order],
    tz: zoneinfo.ZoneInfo,
    start: date,
    end: date,
) -> list[Returned]:
    """Returns requested from ``start`` to ``end`` (rejected ones left out), each with
    the ship day of its order, looked up by order id among ``orders``."""
    lo, hi = local_bounds(start, end, tz)
    order_shipped = Subquery(
        orders.filter(amazon_order_id=OuterRef("amazon_order_id"))
        .annotate(ship_time=Coalesce(F("shipped_at"), F("purchase_date")))
        .order_by("pk")
        .values("ship_time")[:1],
        output_field=DateTimeField(),
    )
    rows = (
        returns.exclude(status=ReturnStatus.REJECTED)
        .filter(requested_at__gte=lo, requested_at__lt=hi, quantity__gt=0)
        .annotate(order_shipped=order_shipped)
        .values_list("sku", "asin", "requested_at", "quantity", "reason_code", "order_shipped")
        .order_by()
    )
    return [
        Returned(
            sku=sku,
            asin=asin,
            day=requested.astimezone(tz).date(),
            units=quantity,
            reason_code=reason_code,
            shipped_day=shipped.astimezone(tz).date() if shipped is not None else None,
        )
        for sku, asin, requested, quantity, reason_code, shipped in rows
    ]


# --- the figures -----------------------------------------------------------------------


def rate(returned: int, shipped: int) -> float | None:
    return returned / shipped if shipped else None


@dataclass(frozen=True, slots=True)
class MonthFigure:
    """Amazon's monthly method for one month M."""

    month: date  # the first day of M
    shipped: int  # units shipped in M
    returned: int  # of those, units whose return was requested in M, M+1 or M+2
    exempt: bool  # fewer than the exemption threshold shipped in M
    complete: bool  # M+2 has ended by as_of

    @property
    def rate(self) -> float | None:
        return rate(self.returned, self.shipped)

    def as_dict(self) -> dict[str, object]:
        return {
            "month": f"{self.month:%Y-%m}",
            "shipped": self.shipped,
            "returned": self.returned,
            "rate": self.rate,
            "exempt": self.exempt,
            "complete": self.complete,
        }


@dataclass(slots=True)
class Figures:
    """Every figure for one SKU (or ASIN), or for the whole store (``key`` empty)."""

    key: str
    asin: str = ""  # the SKU's ASIN (the one with most units), or the key itself
    skus: list[str] = field(default_factory=list)  # by ASIN: its SKUs
    shipped_30: int = 0
    returned_30: int = 0
    shipped_90: int = 0
    returned_90: int = 0
    monthly: list[MonthFigure] = field(default_factory=list)
    reasons: dict[str, int] = field(default_factory=dict)  # code -> units, 90 days
    faults: dict[str, int] = field(default_factory=dict)  # seller/buyer/unknown -> units
    tested: bool = False
    p_value: float | None = None
    q_value: float | None = None
    baseline_rate: float | None = None
    flagged: bool = False

    @property
    def rate_30(self) -> float | None:
        return rate(self.returned_30, self.shipped_30)

    @property
    def rate_90(self) -> float | None:
        return rate(self.returned_90, self.shipped_90)

    @property
    def seller_fault_share(self) -> float | None:
        """Seller-fault units ÷ all returned units (90 days); unknown reasons count
        in the denominator, so the share is never flattered by missing codes."""
        return rate(self.faults.get("seller", 0), self.returned_90)

    @property
    def last_complete_month(self) -> MonthFigure | None:
        complete = [m for m in self.monthly if m.complete]
        return complete[-1] if complete else None

    def as_dict(self, group: Group = "sku") -> dict[str, object]:
        head: dict[str, object] = (
            {"sku": self.key, "asin": self.asin}
            if group == "sku"
            else {"asin": self.key, "skus": list(self.skus)}
        )
        return head | {
            "shipped_30": self.shipped_30,
            "returned_30": self.returned_30,
            "rate_30": self.rate_30,
            "shipped_90": self.shipped_90,
            "returned_90": self.returned_90,
            "rate_90": self.rate_90,
            "monthly": [m.as_dict() for m in self.monthly],
            "reasons": dict(self.reasons),
            "faults": dict(self.faults),
            "seller_fault_share": self.seller_fault_share,
            "tested": self.tested,
            "flagged": self.flagged,
            "p_value": self.p_value,
            "q_value": self.q_value,
            "baseline_rate": self.baseline_rate,
        }


@dataclass(frozen=True, slots=True)
class Settings:
    min_units: int = MIN_UNITS
    alpha: float = ALPHA
    months: int = MONTHS
    exempt_below: int = EXEMPT_BELOW


@dataclass(slots=True)
class ReturnStats:
    as_of: date
    group: Group
    settings: Settings
    rows: list[Figures]
    store: Figures  # the whole store, same figures (no test)

    def as_dict(self) -> dict[str, object]:
        return {
            "as_of": self.as_of.isoformat(),
            "group": self.group,
            "min_units": self.settings.min_units,
            "alpha": self.settings.alpha,
            "exempt_below": self.settings.exempt_below,
            "totals": {
                k: v for k, v in self.store.as_dict(self.group).items() if k not in _PER_ROW
            },
            "rows": [r.as_dict(self.group) for r in self.rows],
        }


# Keys of a row that mean nothing for the whole store.
_PER_ROW = frozenset(
    {"sku", "asin", "skus", "tested", "flagged", "p_value", "q_value", "baseline_rate"}
)


def _months(as_of: date, count: int) -> list[date]:
    last = month_start(as_of)
    return [add_months(last, -i) for i in range(count - 1, -1, -1)]


def _fill(
    figures: Figures,
    shipped: Iterable[Shipped],
    returned: Iterable[Returned],
    *,
    as_of: date,
    months: list[date],
    exempt_below: int,
) -> None:
    """Fill the counts of one SKU, ASIN or the store from its rows."""
    start_30, start_90 = window_start(as_of, 30), window_start(as_of, 90)
    shipped_by_month: Counter[date] = Counter()
    for s in shipped:
        if start_30 <= s.day <= as_of:
            figures.shipped_30 += s.units
        if start_90 <= s.day <= as_of:
            figures.shipped_90 += s.units
        shipped_by_month[month_start(s.day)] += s.units
    returned_by_month: Counter[date] = Counter()
    reasons: Counter[str] = Counter()
    faults: Counter[str] = Counter()
    for r in returned:
        if start_30 <= r.day <= as_of:
            figures.returned_30 += r.units
        if start_90 <= r.day <= as_of:
            figures.returned_90 += r.units
            reason = reason_for(r.reason_code)
            reasons[reason.code or NO_REASON] += r.units
            faults[reason.fault] += r.units
        if r.shipped_day is not None and r.day <= as_of:
            shipped_month = month_start(r.shipped_day)
            # Returned in M, M+1 or M+2 of the month its units shipped.
            if shipped_month <= month_start(r.day) <= add_months(shipped_month, 2):
                returned_by_month[shipped_month] += r.units
    figures.reasons = dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
    figures.faults = {fault: faults.get(fault, 0) for fault in FAULTS}
    figures.monthly = [
        MonthFigure(
            month=m,
            shipped=shipped_by_month.get(m, 0),
            returned=returned_by_month.get(m, 0),
            exempt=shipped_by_month.get(m, 0) < exempt_below,
            complete=month_end(add_months(m, 2)) <= as_of,
        )
        for m in months
    ]


def binomial_upper_tail(returned: int, shipped: int, baseline: float) -> float:
    """P(X ≥ returned) for X ~ Binomial(shipped, baseline): the one-sided p-value."""
    return float(binomtest(min(returned, shipped), shipped, baseline, alternative="greater").pvalue)


def flag(rows: Sequence[Figures], *, min_units: int, alpha: float) -> None:
    """Test each row with enough units against the pooled rate of all the others,
    then control the false discovery rate across the tested rows (see the module
    docstring). Sets ``tested``, ``baseline_rate``, ``p_value``, ``q_value``, ``flagged``."""
    total_shipped = sum(r.shipped_90 for r in rows)
    total_returned = sum(r.returned_90 for r in rows)
    tested: list[Figures] = []
    p_values: list[float] = []
    for row in rows:
        others_shipped = total_shipped - row.shipped_90
        others_returned = total_returned - row.returned_90
        row.baseline_rate = rate(others_returned, others_shipped)
        if row.shipped_90 < min_units or others_shipped < min_units:
            continue
        # Other SKUs' returns of units shipped before the window can push the pooled
        # ratio above 1; no rate can, so it is capped.
        baseline = min(1.0, others_returned / others_shipped)
        row.tested = True
        row.p_value = binomial_upper_tail(row.returned_90, row.shipped_90, baseline)
        tested.append(row)
        p_values.append(row.p_value)
    if not tested:
        return
    q_values = false_discovery_control(p_values, method="bh")
    for row, q in zip(tested, q_values, strict=True):
        row.q_value = float(q)
        row.flagged = row.q_value <= alpha and row.rate_90 is not None


def return_stats(
    *,
    items: QuerySet[OrderItem],
    returns: QuerySet[Return],
    orders: QuerySet[Order],
    tz: zoneinfo.ZoneInfo,
    as_of: date,
    group: Group = "sku",
    settings: Settings | None = None,
) -> ReturnStats:
    """Every figure per SKU (``group="sku"``) or per ASIN, and for the whole store.

    ``items``, ``returns`` and ``orders`` must already be the store's (and, if
    wanted, one channel's): the figures compare a SKU with the rest of exactly
    what is passed in. Rows come sorted by key.
    """
    settings = settings or Settings()
    months = _months(as_of, settings.months)
    start = min(window_start(as_of, 90), months[0])
    shipped = shipped_units(items, tz=tz, start=start, end=as_of)
    returned = returned_units(returns, orders=orders, tz=tz, start=start, end=as_of)

    shipped_by_key: defaultdict[str, list[Shipped]] = defaultdict(list)
    returned_by_key: defaultdict[str, list[Returned]] = defaultdict(list)
    asin_units: defaultdict[str, Counter[str]] = defaultdict(Counter)  # sku -> asin -> units
    skus_of_asin: defaultdict[str, set[str]] = defaultdict(set)
    for s in shipped:
        shipped_by_key[getattr(s, group)].append(s)
        asin_units[s.sku][s.asin] += s.units
        skus_of_asin[s.asin].add(s.sku)
    for r in returned:
        returned_by_key[getattr(r, group)].append(r)
        asin_units[r.sku][r.asin] += 0  # known, even when nothing of it shipped
        skus_of_asin[r.asin].add(r.sku)

    rows = []
    for key in sorted(set(shipped_by_key) | set(returned_by_key)):
        figures = Figures(key=key)
        if group == "sku":
            asins = asin_units[key]
            figures.asin = max(sorted(a for a in asins if a), key=lambda a: asins[a], default="")
        else:
            figures.asin = key
            figures.skus = sorted(s for s in skus_of_asin[key] if s)
        _fill(
            figures,
            shipped_by_key[key],
            returned_by_key[key],
            as_of=as_of,
            months=months,
            exempt_below=settings.exempt_below,
        )
        rows.append(figures)
    flag(rows, min_units=settings.min_units, alpha=settings.alpha)

    whole = Figures(key="")
    _fill(whole, shipped, returned, as_of=as_of, months=months, exempt_below=0)
    return ReturnStats(as_of=as_of, group=group, settings=settings, rows=rows, store=whole)


# --- over time (the chart) --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """Return rate of one period: units returned in it ÷ units shipped in it."""

    start: date
    end: date
    shipped: int
    returned: int

    @property
    def rate(self) -> float | None:
        return rate(self.returned, self.shipped)


def rate_series(
    *,
    items: QuerySet[OrderItem],
    returns: QuerySet[Return],
    orders: QuerySet[Order],
    tz: zoneinfo.ZoneInfo,
    as_of: date,
    weeks: int = 13,
) -> list[SeriesPoint]:
    """The rolling rate per 7-day period, the last one ending with ``as_of``, oldest
    first (13 periods ≈ the 90-day window). Narrow the querysets to a SKU for its line."""
    start = as_of - timedelta(days=7 * weeks - 1)
    shipped = shipped_units(items, tz=tz, start=start, end=as_of)
    returned = returned_units(returns, orders=orders, tz=tz, start=start, end=as_of)
    points = []
    for index in range(weeks):
        lo = start + timedelta(days=7 * index)
        hi = lo + timedelta(days=6)
        points.append(
            SeriesPoint(
                start=lo,
                end=hi,
                shipped=sum(s.units for s in shipped if lo <= s.day <= hi),
                returned=sum(r.units for r in returned if lo <= r.day <= hi),
            )
        )
    return points
