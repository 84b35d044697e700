"""Parsing the values found in Amazon's report files.

Every parser takes the raw string and raises :class:`BadValue` with a short
reason; the reader adds the file, line and column. Dates are the hard part: the
same report writes them differently by marketplace (``amazon-rules.md`` §1), so
date parsers take the store's marketplace and time zone.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from sellerdesk.imports.errors import BadValue
from sellerdesk.marketplaces import get_marketplace

# Zone abbreviations Amazon writes after times (settlement and returns reports).
ZONE_ABBREVIATIONS = {
    "UTC": "UTC", "GMT": "UTC", "Z": "UTC",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "MST": "America/Denver", "MDT": "America/Denver",
    "CST": "America/Chicago", "CDT": "America/Chicago",
    "EST": "America/New_York", "EDT": "America/New_York",
    "BST": "Europe/London", "CET": "Europe/Berlin", "CEST": "Europe/Berlin",
    "JST": "Asia/Tokyo",
}  # fmt: skip

TRUE = {"true", "yes", "y", "1", "t"}
FALSE = {"false", "no", "n", "0", "f", ""}


def parse_decimal(raw: str) -> Decimal:
    """1234.56, 1,234.56, 1.234,56, 1 234,56, -12.00, (12.00), $12.00, 12.00 EUR."""
    value = raw.strip().replace("\u00a0", " ")
    negative = value.startswith("(") and value.endswith(")")
    value = re.sub(r"[^\d,.\-]", "", value.strip("()"))
    if not value or value in {"-", ".", ","}:
        raise BadValue(f"not an amount: {raw!r}")
    if "," in value and "." in value:
        if value.rfind(",") > value.rfind("."):
            value = value.replace(".", "").replace(",", ".")
        else:
            value = value.replace(",", "")
    elif "," in value:
        head, _, tail = value.rpartition(",")
        value = f"{head.replace(',', '')}.{tail}" if len(tail) != 3 else head + tail
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise BadValue(f"not an amount: {raw!r}") from None
    return -result if negative else result


def parse_int(raw: str) -> int:
    value = raw.strip()
    if re.fullmatch(r"-?\d+(?:\.0+)?", value):
        return int(value.split(".")[0])
    raise BadValue(f"not a whole number: {raw!r}")


def parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise BadValue(f"not true or false: {raw!r}")


def _zone(name: str, default: ZoneInfo) -> tzinfo:
    """The zone of a suffix: an abbreviation (PST, UTC) or an offset (+09:00)."""
    if not name:
        return default
    if name[0] in "+-":
        digits = name[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        return timezone(timedelta(minutes=minutes if name[0] == "+" else -minutes))
    key = ZONE_ABBREVIATIONS.get(name.upper())
    if key is None:
        raise BadValue(f"unknown time zone {name!r}")
    return ZoneInfo(key)


DATE_ONLY = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "ymd"),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), "ymd"),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2,4})$"), "dmy"),
    (re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})$"), "market"),
]
# "10-Jul-2025", "10 Jul 2025" (the flat-file returns report) and "Jul 10, 2025".
MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[-\s.]([A-Za-z]{3,9})\.?[-\s.,]+(\d{2,4})$")
MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
TIME_RE = re.compile(
    r"^(?P<date>[^ T]+)[ T](?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<ampm>[AaPp][Mm])?\s*(?P<zone>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$"
)


def parse_date(raw: str, *, marketplace: str = "US") -> date:
    """A calendar date in the shapes Amazon writes for ``marketplace``.

    ``M/D/YY`` in US (and CA, JP) reports; day first elsewhere; ISO everywhere;
    ``10-Jul-2025`` (English month names) in the flat-file returns report.
    """
    value = raw.strip()
    if not value:
        raise BadValue("empty date")
    for regex, order in DATE_ONLY:
        match = regex.match(value)
        if not match:
            continue
        a, b, c = (int(g) for g in match.groups())
        if order == "ymd":
            year, month, day = a, b, c
        elif order == "dmy" or get_marketplace(marketplace).day_first:
            day, month, year = a, b, c
        else:
            month, day, year = a, b, c
        if year < 100:
            year += 2000
        try:
            return date(year, month, day)
        except ValueError:
            raise BadValue(f"not a date: {raw!r}") from None
    return _named_month(value, raw)


def _named_month(value: str, raw: str) -> date:
    """A date with an English month name: 10-Jul-2025, 10 Jul 2025, Jul 10, 2025."""
    if match := DAY_MONTH_YEAR.match(value):
        day, month_name, year_text = match.groups()
    elif match := MONTH_DAY_YEAR.match(value):
        month_name, day, year_text = match.groups()
    else:
        raise BadValue(f"not a date: {raw!r}")
    month = MONTHS.get(month_name.lower())
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    if month is None:
        raise BadValue(f"not a date: {raw!r}")
    try:
        return date(year, month, int(day))
    except ValueError:
        raise BadValue(f"not a date: {raw!r}") from None


def parse_datetime(raw: str, *, marketplace: str = "US", tz: ZoneInfo | None = None) -> datetime:
    """An aware datetime. Times without a zone are in ``tz`` (the store's);
    a date alone is midnight there."""
    value = raw.strip()
    default = tz or ZoneInfo(get_marketplace(marketplace).timezone)
    if not value:
        raise BadValue("empty date")
    iso = value.replace("Z", "+00:00") if value.endswith("Z") else value
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        parsed = None
    if parsed is not None:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=default)
    match = TIME_RE.match(value)
    if match:
        try:
            day = parse_date(match["date"], marketplace=marketplace)
        except BadValue:
            raise BadValue(f"not a date: {raw!r}") from None  # the whole value, not its date
        hour = int(match["h"])
        if match["ampm"]:
            hour = hour % 12 + (12 if match["ampm"].lower() == "pm" else 0)
        try:
            moment = time(hour, int(match["m"]), int(match["s"] or 0))
        except ValueError:
            raise BadValue(f"not a time: {raw!r}") from None
        return datetime.combine(day, moment, tzinfo=_zone(match["zone"] or "", default))
    day = parse_date(value, marketplace=marketplace)
    return datetime.combine(day, time(0), tzinfo=default)


def as_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)
