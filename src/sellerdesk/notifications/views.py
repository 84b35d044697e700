"""The notification preferences page, ``/profile/notifications/``, and the log.

Notifications are per user, across the stores the user belongs to: every member
(owner, agent or viewer) manages their own channels, rules and preferences. Every
lookup goes through the user's own records, so another user's channel is a 404.

Each section posts to its own URL. With htmx, "send test" answers with a fragment
(the result, inline); without JavaScript every form posts, redirects back to the
page and the result is a message there.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sellerdesk.accounts.models import User
from sellerdesk.notifications.channels import ChannelError
from sellerdesk.notifications.forms import (
    APPRISE_DOCS_URL,
    URL_EXAMPLES,
    ChannelCreateForm,
    ChannelEditForm,
    PreferencesForm,
    RulesForm,
)
from sellerdesk.notifications.models import DeliveryStatus, NotificationChannel
from sellerdesk.notifications.selectors import (
    channels_for,
    deliveries_for,
    digests_for,
    log_stores,
    preferences_for,
    rules_for,
)
from sellerdesk.notifications.services import (
    channel_create,
    channel_delete,
    channel_test,
    channel_update,
    preferences_update,
    rule_set,
    rules_recommend,
)
from sellerdesk.stores.selectors import stores_for_user
from sellerdesk.web.permissions import current_user

LOG_PAGE_SIZE = 50
LOG_MAX = 1000  # the log pages through the newest thousand alerts
DIGESTS_SHOWN = 30


def _page_url() -> str:
    return reverse("notifications")


def _channel_or_404(user: User, pk: int) -> NotificationChannel:
    """One of the user's own channels; anyone else's is a 404."""
    return get_object_or_404(channels_for(user=user), pk=pk)


def _default_time_zone(user: User) -> str:
    store = stores_for_user(user=user).first()
    return store.timezone if store else "UTC"


def _preferences_form(user: User, data: Any = None) -> PreferencesForm:
    prefs = preferences_for(user=user)
    initial = {} if prefs.time_zone else {"time_zone": _default_time_zone(user)}
    return PreferencesForm(
        data, instance=prefs, initial=initial, channels=channels_for(user=user), email=user.email
    )


def _rules_form(user: User, data: Any = None) -> RulesForm:
    return RulesForm(
        data,
        stores=list(stores_for_user(user=user)),
        channels=channels_for(user=user),
        rules=rules_for(user=user),
    )


def _page(request: HttpRequest, *, status: int = 200, **forms: Any) -> HttpResponse:
    user = current_user(request)
    channels = channels_for(user=user)
    context = {
        "title": "Notifications",
        "channels": channels,
        "channel_form": forms.get("channel_form") or ChannelCreateForm(),
        "rules_form": forms.get("rules_form") or _rules_form(user),
        "prefs_form": forms.get("prefs_form") or _preferences_form(user),
        "url_examples": URL_EXAMPLES,
        "apprise_docs_url": APPRISE_DOCS_URL,
    }
    return render(request, "notifications/preferences.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """The page (GET); quiet hours, the hourly limit and the digest (POST)."""
    if request.method != "POST":
        return _page(request)
    user = current_user(request)
    form = _preferences_form(user, request.POST)
    if not form.is_valid():
        return _page(request, prefs_form=form, status=400)
    fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
    try:
        preferences_update(user=user, **fields)
    except (ValidationError, PermissionDenied) as exc:
        form.add_error(None, "; ".join(_messages(exc)))
        return _page(request, prefs_form=form, status=400)
    messages.success(request, "Notification preferences saved.")
    return HttpResponseRedirect(_page_url() + "#preferences")


def _messages(exc: Exception) -> list[str]:
    if isinstance(exc, ValidationError):
        return list(exc.messages)
    return [str(exc) or "Not allowed."]


@login_required
@require_POST
@sensitive_post_parameters("url")
def channel_add(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = ChannelCreateForm(request.POST)
    if form.is_valid():
        try:
            channel = channel_create(
                user=user, name=form.cleaned_data["name"], url=form.cleaned_data["url"]
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(
                request, f"Channel “{channel.name}” added. Send a test to check it works."
            )
            return HttpResponseRedirect(_page_url() + "#channels")
    return _page(request, channel_form=form, status=400)


def _form_errors(form: Any, exc: ValidationError) -> None:
    """A service's ValidationError on the form: per field when it names one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        for error in exc.messages:
            form.add_error(None, error)


@login_required
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("url")
def channel_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Rename, switch on or off, or replace the URL of one of the user's channels."""
    user = current_user(request)
    channel = _channel_or_404(user, pk)
    if request.method == "POST":
        form = ChannelEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                channel_update(
                    channel=channel,
                    name=data["name"],
                    url=data["url"] or None,
                    enabled=data["enabled"],
                )
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, f"Channel “{data['name']}” saved.")
                return HttpResponseRedirect(_page_url() + "#channels")
        status = 400
    else:
        form = ChannelEditForm(initial={"name": channel.name, "enabled": channel.enabled})
        status = 200
    context = {"title": f"Channel {channel.name}", "channel": channel, "form": form}
    return render(request, "notifications/channel_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def channel_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask (GET), then delete (POST) one of the user's channels and its place in rules."""
    channel = _channel_or_404(current_user(request), pk)
    if request.method == "POST":
        name = channel.name
        channel_delete(channel=channel)
        messages.success(request, f"Channel “{name}” deleted.")
        return HttpResponseRedirect(_page_url() + "#channels")
    context = {
        "title": f"Delete channel {channel.name}",
        "channel": channel,
        "rule_count": channel.rules.count(),
    }
    return render(request, "notifications/channel_delete.html", context)


@login_required
@require_POST
def channel_send_test(request: HttpRequest, pk: int) -> HttpResponse:
    """Send a test message now. The answer names what went wrong, never the URL."""
    channel = _channel_or_404(current_user(request), pk)
    try:
        channel_test(channel=channel)
    except ChannelError as exc:
        ok, error = False, str(exc) or "The channel refused the message."
    else:
        ok, error = True, ""
    if getattr(request, "htmx", False):
        # The channel's row again: its last sent / last error with the result under them.
        context = {"c": channel, "channel": channel, "tested": True, "ok": ok, "error": error}
        return render(request, "notifications/_channel_row.html", context)
    if ok:
        messages.success(request, f"Test sent to “{channel.name}”.")
    else:
        messages.error(request, f"Test to “{channel.name}” failed: {error}")
    return HttpResponseRedirect(_page_url() + "#channels")


@login_required
@require_POST
def channel_recommend(request: HttpRequest, pk: int) -> HttpResponse:
    """Switch on the recommended events in every store of the user, to this channel."""
    channel = _channel_or_404(current_user(request), pk)
    count = rules_recommend(user=current_user(request), channel=channel)
    messages.success(
        request,
        f"Recommended alerts now go to “{channel.name}” ({count} rule{'s' * (count != 1)}).",
    )
    return HttpResponseRedirect(_page_url() + "#rules")


@login_required
@require_POST
def rules_save(request: HttpRequest) -> HttpResponse:
    """Save the changed cells of the rules matrix."""
    user = current_user(request)
    form = _rules_form(user, request.POST)
    if not form.is_valid():
        return _page(request, rules_form=form, status=400)
    changes = form.changes()
    for change in changes:
        rule_set(user=user, **change)
    messages.success(
        request,
        f"Rules saved ({len(changes)} changed)." if changes else "No rule changed.",
    )
    return HttpResponseRedirect(_page_url() + "#rules")


@login_required
@require_GET
def log(request: HttpRequest) -> HttpResponse:
    """The user's own deliveries, newest first, paginated; the recent digests beside."""
    user = current_user(request)
    # Unknown filter values show everything rather than an error: they come from links.
    status = request.GET.get("status", "")
    if status not in DeliveryStatus.values:
        status = ""
    stores = log_stores(user=user)
    store = request.GET.get("store", "")
    store_id = int(store) if store.isdigit() and int(store) in dict(stores) else None
    rows = deliveries_for(user=user, limit=LOG_MAX, status=status or None, store_id=store_id)
    paginator = Paginator(rows, LOG_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    filters = urlencode({k: v for k, v in (("status", status), ("store", store_id)) if v})
    context = {
        "title": "Notification log",
        "page": page,
        "digests": digests_for(user=user, limit=DIGESTS_SHOWN),
        "statuses": DeliveryStatus.choices,
        "status": status,
        "stores": stores,
        "store_id": store_id,
        "filters": filters,
    }
    return render(request, "notifications/log.html", context)
