"""CSV exports: one helper for every stream's ``export.csv`` page and ``/<stream>.csv`` route.

* ``csv_cell``: a value as the text a spreadsheet should see. Datetimes are ISO 8601
  in UTC, dates ISO, decimals plain (``1E+2`` is ``100``), booleans ``true``/``false``.
  Text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR at the
  start) gets a leading ``'``: buyer text and report fields are not trusted. Numbers
  are left alone, so ``-3.50`` stays a number.
* ``csv_lines``: the header, then one CRLF-terminated line per row, lazily.
* ``csv_response``: a streamed download, so an export of every order never sits in
  memory at once.
* ``ListExportView``: a list page's export. Mixed into the stream's list view, it
  applies the same filters, search and sort as the list (``web.lists``), every page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from itertools import batched
from typing import Any, ClassVar

from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify

from sellerdesk.stores.models import Store
from sellerdesk.web.generic import StoreListView
from sellerdesk.web.lists import PAGE_PARAM, ListContext, list_page

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500  # rows fetched per database round trip while streaming


def csv_cell(value: object) -> str:
    """``value`` as one CSV cell (see the module doc)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def csv_lines(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """The header line, then one line per row (a missing key is an empty cell)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(values: Iterable[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([csv_cell(v) for v in values])
        return buffer.getvalue()

    yield line(columns)
    for row in rows:
        yield line(row.get(name) for name in columns)


def rows_in_chunks[T](
    records: Iterable[T],
    rows_for: Callable[[list[T]], Iterable[Mapping[str, Any]]],
    size: int = CHUNK,
) -> Iterator[Mapping[str, Any]]:
    """``rows_for`` over ``records`` a chunk at a time: what a row needs besides its record
    (items, decisions) is fetched once per chunk, and memory stays flat."""
    for chunk in batched(records, size):
        yield from rows_for(list(chunk))


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    return "".join(csv_lines(columns, rows))


def csv_filename(stream: str, store: Store | None = None, *, now: datetime | None = None) -> str:
    """``reviews-my-store-2026-11-02.csv`` (the day in the store's time zone), or
    ``reviews-2026-11-02.csv`` for an export across stores (UTC day)."""
    now = now or timezone.now()
    if store is None:
        return f"{stream}-{now.astimezone(UTC):%Y-%m-%d}.csv"
    name = slugify(store.name) or str(store.pk)
    return f"{stream}-{name}-{now.astimezone(store.tz):%Y-%m-%d}.csv"


def csv_response(
    *, columns: Sequence[str], rows: Iterable[Mapping[str, Any]], filename: str
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(columns, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=0"
    return response


class ListExportView(StoreListView):
    """``<stream>/export.csv``: the rows the list shows with these filters, every page.

    Put it before the stream's list view: ``class ReviewExport(ListExportView,
    ReviewList)`` and give ``columns`` and ``rows_for`` (a chunk of records to
    dicts, so a row may use what one query fetched for the whole chunk).
    """

    http_method_names = ["get", "head"]
    columns: ClassVar[tuple[str, ...]]

    def rows_for(self, records: list[Any]) -> Iterable[dict[str, Any]]:
        raise NotImplementedError

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> StreamingHttpResponse:  # type: ignore[override]  # the stubs' base returns HttpResponse
        params = request.GET.copy()
        params.pop(PAGE_PARAM, None)
        queryset = self.get_queryset().select_related("store")
        listing = list_page(
            spec=self.spec,
            queryset=queryset,
            params=params,
            ctx=ListContext(store=self.store, user=self.user, now=timezone.now()),
            page_size=max(1, queryset.count()),  # one page: every record that matches
        )
        records = listing.page.object_list
        if hasattr(records, "iterator"):
            records = records.iterator(chunk_size=CHUNK)
        return csv_response(
            columns=self.columns,
            rows=rows_in_chunks(records, self.rows_for),
            filename=csv_filename(self.stream, self.store),
        )
