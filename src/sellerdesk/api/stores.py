"""/stores: the stores the caller belongs to."""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from sellerdesk.api.auth import request_user
from sellerdesk.api.schemas import StoreDetail, StoreOut
from sellerdesk.api.scoping import paginated
from sellerdesk.stores.models import Membership, Store
from sellerdesk.stores.selectors import stores_for_user

router = Router(tags=["stores"])


def _stores(request: HttpRequest) -> QuerySet[Store]:
    user = request_user(request)
    role = Membership.objects.filter(store=OuterRef("pk"), user=user).values("role")[:1]
    return stores_for_user(user=user).annotate(role=Subquery(role))


@router.get("/stores", response=list[StoreOut])
@paginated
def store_list(request: HttpRequest) -> QuerySet[Store]:
    return _stores(request).order_by("name", "pk")


@router.get("/stores/{id}", response=StoreDetail)
def store_detail(request: HttpRequest, id: int) -> Store:
    return get_object_or_404(_stores(request), pk=id)
