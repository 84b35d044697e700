"""Store-scoped views: the base every stream page is configured from.

``StoreView`` signs the user in, fetches the store from the URL's ``store_id``
through ``store_for_user`` (not a member: 404) and refuses state-changing methods
to members without ``write_role`` (403). ``StoreListView`` and ``StoreDetailView``
add a list page (``web.lists``) and a detail page whose record comes from the
stream's store-filtered queryset, so another store's record id is a 404 even for
a user who may see that other store.

A stream page is then a few lines::

    class ClaimList(StoreListView):
        stream = "claims"
        title = "A-to-z claims"
        spec = CLAIM_LIST
        row_template = "claims/_row.html"

        def get_queryset(self) -> QuerySet[Claim]:
            return claims_for_store(store=self.store)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.generic import TemplateView
from django_htmx.http import HttpResponseClientRedirect, push_url

from sellerdesk.accounts.models import User
from sellerdesk.stores.models import Role, Store
from sellerdesk.web.lists import ListContext, ListPage, ListSpec, list_page
from sellerdesk.web.permissions import current_user, role_allows, role_check, store_or_404


@dataclass(frozen=True, slots=True)
class Stream:
    key: str
    label: str
    url_name: str = ""  # the nav's page when it is not "<key>_list" (the dashboard)

    @property
    def list_url_name(self) -> str:
        return self.url_name or f"{self.key}_list"

    @property
    def detail_url_name(self) -> str:
        return f"{self.key}_detail"


# The nav, in order. URL names are "<key>_list" and "<key>_detail".
STREAMS: tuple[Stream, ...] = (
    Stream("health", "Health", url_name="health"),
    Stream("inbox", "Inbox"),
    Stream("claims", "Claims"),
    Stream("chargebacks", "Chargebacks"),
    Stream("feedback", "Feedback"),
    Stream("returns", "Returns"),
    Stream("reviews", "Reviews"),
    Stream("questions", "Questions"),
    Stream("orders", "Orders"),
)
STREAM_KEYS = frozenset(s.key for s in STREAMS)
STREAM_PAGES = {s.key: s.list_url_name for s in STREAMS}


def is_results_request(request: HttpRequest) -> bool:
    """An htmx request that only wants the results table back (not a history
    restore, which needs the whole page)."""
    htmx = getattr(request, "htmx", None)
    if htmx is None or not htmx:
        return False
    return not htmx.history_restore_request and htmx.target == "results"


class StoreView(LoginRequiredMixin, TemplateView):
    """A page of one store, at ``/s/<store_id>/…``."""

    stream: ClassVar[str] = ""  # the nav entry and the store switcher's target
    title: ClassVar[str] = ""
    write_role: ClassVar[Role] = Role.AGENT  # needed for any method but GET/HEAD/OPTIONS

    store: Store
    user: User

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            if getattr(request, "htmx", False):
                # A partial swap of the login page into a table helps nobody.
                login = redirect_to_login(request.get_full_path())
                return HttpResponseClientRedirect(login.url)
            return self.handle_no_permission()
        self.user = current_user(request)
        self.store = store_or_404(user=self.user, store_id=int(kwargs["store_id"]))
        role_check(request=request, store=self.store, role=self.write_role)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            store=self.store,
            stream=self.stream,
            title=self.title,
            now=timezone.now(),
            can_write=role_allows(user=self.user, store=self.store, role=Role.AGENT),
        )
        return context


class StoreListView(StoreView):
    """A filtered, sorted, paginated list of one stream's records in the store."""

    spec: ClassVar[ListSpec]
    row_template: ClassVar[str]
    template_name = "web/list.html"
    results_template = "web/_list_results.html"

    def get_queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def get_listing(self) -> ListPage:
        return list_page(
            spec=self.spec,
            queryset=self.get_queryset(),
            params=self.request.GET,
            ctx=ListContext(store=self.store, user=self.user, now=timezone.now()),
            page_size=settings.SELLERDESK_PAGE_SIZE,
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        listing = self.get_listing()
        context = self.get_context_data(listing=listing, row_template=self.row_template)
        if is_results_request(request):
            response = render(request, self.results_template, context)
            # The canonical URL: no empty parameters, no default sort.
            push_url(response, request.path + listing.query)
        else:
            response = render(request, self.template_name, context)
        # The same URL answers with a fragment or a page: caches must keep them apart.
        patch_vary_headers(response, ["HX-Request", "HX-Target"])
        return response


class StoreDetailView(StoreView):
    """One record of the store; ``pk`` is looked up in the store's queryset only."""

    object: Model

    def get_queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def get_object(self) -> Model:
        try:
            obj: Model = self.get_queryset().get(pk=int(self.kwargs["pk"]))
        except self.get_queryset().model.DoesNotExist:
            raise Http404("no such record in this store") from None
        return obj

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        return context
