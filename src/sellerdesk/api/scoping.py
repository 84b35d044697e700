"""The one place the API narrows querysets to the caller's stores, orders and pages them.

Every read goes through ``visible``: a record in a store the caller is not a
member of does not exist for them (404, never 403, so its existence is not
revealed).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import F, Model, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja.pagination import PageNumberPagination, paginate

from sellerdesk.api.auth import request_user
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import scoped, store_for_user

MAX_PAGE_SIZE = 200

# ``?page=2&page_size=100``; a page_size above the maximum is cut to it.
paginated = paginate(
    PageNumberPagination, page_size=settings.SELLERDESK_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE
)


def visible[M: Model](
    request: HttpRequest,
    queryset: QuerySet[M],
    *,
    store: int | None = None,
    store_field: str = "store",
) -> QuerySet[M]:
    """``queryset`` limited to the caller's stores, or to one of them when ``store`` is given.

    A ``store`` the caller does not belong to is a 404, the same as one that does
    not exist. ``store_field`` is the path to the store for records that hold it
    through another (``conversation__store`` for a reply).
    """
    user = request_user(request)
    queryset = scoped(queryset, user=user, store_field=store_field)
    if store is not None:
        try:
            store_for_user(user=user, store_id=store)
        except Store.DoesNotExist:
            raise Http404("no such store") from None
        queryset = queryset.filter(**{f"{store_field}_id": store})
    return queryset


def visible_or_404[M: Model](
    request: HttpRequest, queryset: QuerySet[M], *, pk: int, store_field: str = "store"
) -> M:
    return get_object_or_404(visible(request, queryset, store_field=store_field), pk=pk)


def ordered[M: Model](queryset: QuerySet[M], ordering: str) -> QuerySet[M]:
    """Order by one whitelisted field (``-`` for descending), empty values last, id to break ties.

    The whitelist is each endpoint's ``Literal`` type, so an unknown value is a
    422 before this runs.
    """
    field = ordering.removeprefix("-")
    if ordering.startswith("-"):
        return queryset.order_by(F(field).desc(nulls_last=True), "-pk")
    return queryset.order_by(F(field).asc(nulls_last=True), "pk")
