"""Desk-wide pages: home, profile and API tokens, the store switcher, store settings."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_POST

from sellerdesk.accounts.selectors import memberships_for_user, tokens_for_user
from sellerdesk.accounts.services import token_create, token_revoke
from sellerdesk.stores.models import Role, Store
from sellerdesk.stores.selectors import stores_for_user
from sellerdesk.stores.services import STORE_SETTINGS_FIELDS, store_settings_update
from sellerdesk.web.forms import StoreSettingsForm, TokenCreateForm
from sellerdesk.web.generic import STREAM_KEYS, STREAM_PAGES, StoreView
from sellerdesk.web.permissions import current_user, require_role, role_allows, store_or_404

SETTINGS_PAGE = "settings"


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The first store's inbox, or a page saying how to get into a store."""
    store = stores_for_user(user=current_user(request)).first()
    if store is None:
        return render(request, "web/no_store.html")
    return redirect("inbox_list", store_id=store.pk)


@require_GET
@require_role(Role.VIEWER)
def store_home(request: HttpRequest, store: Store) -> HttpResponse:
    """The store's dashboard (account health and today's checklist)."""
    return redirect("health", store_id=store.pk)


@login_required
@require_GET
def store_switch(request: HttpRequest) -> HttpResponse:
    """The store switcher: the same page (``to``) in the chosen store (``store``).

    ``to`` names a stream or the settings page; anything else lands in the inbox,
    so the redirect can only go to one of our own pages.
    """
    try:
        store_id = int(request.GET.get("store", ""))
    except ValueError:
        raise Http404("no such store") from None
    store = store_or_404(user=current_user(request), store_id=store_id)
    page = request.GET.get("to", "")
    if page == SETTINGS_PAGE:
        return redirect("store_settings", store_id=store.pk)
    if page not in STREAM_KEYS:
        page = "inbox"
    return redirect(STREAM_PAGES[page], store_id=store.pk)


def _profile(
    request: HttpRequest,
    *,
    form: TokenCreateForm | None = None,
    new_token: str = "",
    status: int = 200,
) -> HttpResponse:
    user = current_user(request)
    context = {
        "tokens": tokens_for_user(user=user),
        "memberships": memberships_for_user(user=user),
        "form": form or TokenCreateForm(),
        "new_token": new_token,
    }
    response = render(request, "web/profile.html", context, status=status)
    if new_token:
        # The raw token is in this page only: keep it out of every cache.
        add_never_cache_headers(response)
    return response


@login_required
@require_GET
def profile(request: HttpRequest) -> HttpResponse:
    return _profile(request)


@login_required
@require_POST
def profile_token_create(request: HttpRequest) -> HttpResponse:
    """Create an API token and show it, once, on the resulting page."""
    form = TokenCreateForm(request.POST)
    if not form.is_valid():
        return _profile(request, form=form, status=400)
    _, raw = token_create(user=current_user(request), name=form.cleaned_data["name"])
    return _profile(request, new_token=raw)


@login_required
@require_POST
def profile_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # token_revoke only touches the user's own tokens: another user's id is a 404.
    if not token_revoke(user=current_user(request), token_id=pk):
        raise Http404("no such token")
    messages.success(request, "The token is revoked; clients using it are refused from now on.")
    return redirect("profile")


class StoreSettingsView(StoreView):
    """Everyone in the store sees the settings; only an owner may change them."""

    stream = SETTINGS_PAGE
    title = "Store settings"
    template_name = "web/store_settings.html"
    write_role = Role.OWNER

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        is_owner = role_allows(user=self.user, store=self.store, role=Role.OWNER)
        context["is_owner"] = is_owner
        context.setdefault(
            "form", StoreSettingsForm(instance=copy.copy(self.store), read_only=not is_owner)
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # The form validates a copy: ``self.store`` keeps the values before the change.
        form = StoreSettingsForm(request.POST, instance=copy.copy(self.store))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        changes = {name: form.cleaned_data[name] for name in ("name", *STORE_SETTINGS_FIELDS)}
        store_settings_update(store=self.store, actor=self.user, changes=changes)
        messages.success(request, "Store settings saved.")
        return HttpResponseRedirect(reverse("store_settings", kwargs={"store_id": self.store.pk}))
