"""Generic list pages: filters, free-text search, whitelisted sorting, pagination.

A stream describes its list page once, as a ``ListSpec``. ``list_page`` turns the
request's query string into one page of records plus what the templates need to
draw the filter form, the sortable column headers and the pager.

Nothing from the query string reaches the ORM unchecked: a filter value that is
not one of the filter's choices is ignored, and an unknown sort key falls back to
the spec's default, so a hand-edited URL can neither sort by an arbitrary column
nor filter on one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce
from operator import and_, or_
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet
from django.http import QueryDict

from sellerdesk.accounts.models import User
from sellerdesk.stores.models import Store

Choices = Sequence[tuple[str, str]]
PAGE_PARAM = "page"
SEARCH_PARAM = "q"
SORT_PARAM = "sort"
_MAX_SEARCH_LENGTH = 200
_MAX_SEARCH_WORDS = 8


@dataclass(frozen=True, slots=True)
class ListContext:
    """What a filter may need besides its value: whose desk, which store, when."""

    store: Store
    user: User
    now: datetime


@dataclass(frozen=True, slots=True)
class Filter:
    """One filter field of a list page.

    ``choices`` is a list of ``(value, label)`` or a function of the ``ListContext``
    (e.g. the ASINs a store has). A chosen value is applied as
    ``queryset.filter(**{lookup: value})``, or by ``apply`` when the filter is more
    than one lookup. ``toggle`` makes an on/off checkbox (value ``"1"``).
    """

    name: str
    label: str
    lookup: str = ""
    choices: Choices | Callable[[ListContext], Choices] = ()
    apply: Callable[[QuerySet[Any], str, ListContext], QuerySet[Any]] | None = None
    toggle: bool = False

    def options(self, ctx: ListContext) -> Choices:
        if self.toggle:
            return (("1", self.label),)
        return self.choices(ctx) if callable(self.choices) else self.choices

    def filter(self, queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
        if self.apply is not None:
            return self.apply(queryset, value, ctx)
        return queryset.filter(**{self.lookup or self.name: value})


@dataclass(frozen=True, slots=True)
class Column:
    """A table column; ``sort`` names a key of ``ListSpec.sorts`` when sortable."""

    label: str
    sort: str = ""
    css: str = ""


@dataclass(frozen=True, slots=True)
class ListSpec:
    """How one stream's list page filters, searches and sorts.

    ``sorts`` maps a public sort key (what the URL carries) to the model fields it
    orders by; ``default_sort`` is a key, ``-key`` for descending. ``search``, when
    given, replaces the word-by-word match over ``search_fields`` (e.g. to look into
    related rows with a subquery).
    """

    noun: str
    columns: tuple[Column, ...]
    sorts: Mapping[str, tuple[str, ...]]
    default_sort: str
    filters: tuple[Filter, ...] = ()
    search_fields: tuple[str, ...] = ()
    search_hint: str = ""
    search: Callable[[QuerySet[Any], list[str]], QuerySet[Any]] | None = None

    def __post_init__(self) -> None:
        if self.default_sort.removeprefix("-") not in self.sorts:
            raise ValueError(f"default sort {self.default_sort!r} is not one of the sort keys")
        for column in self.columns:
            if column.sort and column.sort not in self.sorts:
                raise ValueError(f"column {column.label!r} sorts by unknown key {column.sort!r}")
        names = [f.name for f in self.filters]
        if len(set(names)) != len(names) or {PAGE_PARAM, SEARCH_PARAM, SORT_PARAM} & set(names):
            raise ValueError(f"filter names must be unique and not reserved: {names}")


@dataclass(frozen=True, slots=True)
class BoundFilter:
    """A filter with its choices for this store and the value chosen, for the form."""

    name: str
    label: str
    toggle: bool
    options: Choices
    value: str


@dataclass(frozen=True, slots=True)
class Header:
    label: str
    css: str
    url: str  # empty when the column is not sortable
    direction: str  # "ascending", "descending" or "" (the aria-sort values)


@dataclass(slots=True)
class ListPage:
    page: Page[Any]
    filters: list[BoundFilter]
    headers: list[Header]
    q: str
    sort: str
    searchable: bool
    search_hint: str
    noun: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return self.page.paginator.count

    @property
    def summary(self) -> str:
        """``1-50 of 812`` (with an en dash), or ``No claims`` when nothing matches."""
        if self.count == 0:
            return f"No {self.noun}"
        return f"{self.page.start_index()}\u2013{self.page.end_index()} of {self.count}"

    @property
    def is_filtered(self) -> bool:
        return bool(self.q) or any(f.value for f in self.filters)

    @property
    def sort_param(self) -> str:
        """The sort to carry in the filter form; empty for the default."""
        return self.params.get(SORT_PARAM, "")

    @property
    def query(self) -> str:
        """The canonical query string of this page (``?…``, or empty)."""
        return _query(self.params)

    def page_url(self, number: int) -> str:
        params = dict(self.params)
        params.pop(PAGE_PARAM, None)
        if number > 1:
            params[PAGE_PARAM] = str(number)
        return _query(params) or "?"

    @property
    def pages(self) -> list[tuple[int | None, str]]:
        """Page numbers for the pager: the first, the last and a window around this
        page; ``None`` marks a gap."""
        current, last = self.page.number, self.page.paginator.num_pages
        shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
        out: list[tuple[int | None, str]] = []
        previous = 0
        for number in shown:
            if number - previous > 1:
                out.append((None, ""))
            out.append((number, self.page_url(number)))
            previous = number
        return out

    @property
    def previous_url(self) -> str:
        return self.page_url(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self) -> str:
        return self.page_url(self.page.next_page_number()) if self.page.has_next() else ""


def _query(params: Mapping[str, str]) -> str:
    qd = QueryDict(mutable=True)
    for key, value in params.items():
        if value:
            qd[key] = value
    encoded = qd.urlencode()
    return f"?{encoded}" if encoded else ""


def sort_resolve(spec: ListSpec, raw: str) -> tuple[str, bool]:
    """The sort key and whether it is descending; the default for anything unknown."""
    key = raw.removeprefix("-")
    if not raw or key not in spec.sorts:
        raw = spec.default_sort
        key = raw.removeprefix("-")
    return key, raw.startswith("-")


def search_apply(queryset: QuerySet[Any], fields: Sequence[str], q: str) -> QuerySet[Any]:
    """Every word must occur (case-insensitively) in at least one of ``fields``."""
    words = q.split()[:_MAX_SEARCH_WORDS]
    if not words or not fields:
        return queryset
    per_word = [reduce(or_, (Q(**{f"{name}__icontains": w}) for name in fields)) for w in words]
    return queryset.filter(reduce(and_, per_word))


def list_page(
    *,
    spec: ListSpec,
    queryset: QuerySet[Any],
    params: QueryDict,
    ctx: ListContext,
    page_size: int,
) -> ListPage:
    """Filter, search, sort and paginate ``queryset`` by the query string ``params``.

    1. Each filter whose value is one of its choices narrows the queryset.
    2. ``q`` is matched word by word against the spec's search fields.
    3. The sort key is looked up in the spec (unknown: the default); rows with an
       empty sort value go last either way, and the primary key breaks ties so
       pages never overlap.
    4. Django's Paginator cuts the page (a bad page number gives the nearest page).
    """
    clean: dict[str, str] = {}
    bound: list[BoundFilter] = []
    for flt in spec.filters:
        options = flt.options(ctx)
        value = params.get(flt.name, "")
        if value not in {v for v, _ in options}:
            value = ""
        if value:
            queryset = flt.filter(queryset, value, ctx)
            clean[flt.name] = value
        bound.append(BoundFilter(flt.name, flt.label, flt.toggle, options, value))

    q = " ".join(params.get(SEARCH_PARAM, "")[:_MAX_SEARCH_LENGTH].split())
    if q and (spec.search is not None or spec.search_fields):
        if spec.search is not None:
            queryset = spec.search(queryset, q.split()[:_MAX_SEARCH_WORDS])
        else:
            queryset = search_apply(queryset, spec.search_fields, q)
        clean[SEARCH_PARAM] = q
    else:
        q = ""

    key, descending = sort_resolve(spec, params.get(SORT_PARAM, ""))
    sort = f"-{key}" if descending else key
    if sort != spec.default_sort:
        clean[SORT_PARAM] = sort
    ordering = [
        F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
        for name in spec.sorts[key]
    ]
    queryset = queryset.order_by(*ordering, "-pk" if descending else "pk")

    page = Paginator(queryset, page_size).get_page(params.get(PAGE_PARAM))
    if page.number > 1:
        clean[PAGE_PARAM] = str(page.number)

    headers = []
    for column in spec.columns:
        url, direction = "", ""
        if column.sort:
            active = column.sort == key
            direction = ("descending" if descending else "ascending") if active else ""
            toggled = f"-{key}" if active and not descending else column.sort
            header_params = {k: v for k, v in clean.items() if k not in (PAGE_PARAM, SORT_PARAM)}
            if toggled != spec.default_sort:
                header_params[SORT_PARAM] = toggled
            url = _query(header_params) or "?"
        headers.append(Header(column.label, column.css, url, direction))

    return ListPage(
        page=page,
        filters=bound,
        headers=headers,
        q=q,
        sort=sort,
        searchable=bool(spec.search_fields) or spec.search is not None,
        search_hint=spec.search_hint,
        noun=spec.noun,
        params=clean,
    )
