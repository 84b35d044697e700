"""Mail pages of a store: the quarantine (mail the desk could not process) and the
channels mail comes in and replies go out through (add, edit, enable, disable)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from sellerdesk.mail.forms import ChannelEditForm, ChannelForm
from sellerdesk.mail.models import ChannelKind, EmailStatus, MailChannel
from sellerdesk.mail.selectors import channels_for_store, emails_for_store, quarantined_emails
from sellerdesk.mail.services import (
    CHANNEL_EDITABLE,
    INGESTED,
    channel_create,
    channel_set_active,
    channel_update,
    email_reprocess,
)
from sellerdesk.stores.models import Role, Store
from sellerdesk.web.generic import StoreView
from sellerdesk.web.permissions import current_user, role_allows, role_check

QUARANTINE_PAGE_SIZE = 200


class Quarantine(StoreView):
    stream = "inbox"
    title = "Quarantined mail"
    template_name = "mail/quarantine.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        emails = quarantined_emails(store=self.store)
        context["emails"] = emails[:QUARANTINE_PAGE_SIZE]
        context["total"] = emails.count()
        return context


class QuarantineReprocess(StoreView):
    """Run one stored email through the pipeline again (after a fix)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        email = get_object_or_404(emails_for_store(store=self.store), pk=int(kwargs["pk"]))
        if email.status != EmailStatus.QUARANTINED:  # someone was quicker
            messages.info(request, f"“{email.subject or email.pk}” was processed already.")
            return HttpResponseRedirect(
                reverse("mail_quarantine", kwargs={"store_id": self.store.pk})
            )
        outcome = email_reprocess(email=email, actor=current_user(request))
        if outcome.status == INGESTED:
            messages.success(request, f"“{email.subject or email.pk}” was processed this time.")
        else:
            messages.error(request, f"Still quarantined: {outcome.reason}")
        return HttpResponseRedirect(reverse("mail_quarantine", kwargs={"store_id": self.store.pk}))


# Error reports (the DEBUG page, mailed tracebacks) show these as stars.
_hide_passwords = method_decorator(
    sensitive_post_parameters("imap_password", "smtp_password"), name="dispatch"
)


@_hide_passwords
class Channels(StoreView):
    """Every member sees the channels' health; an owner may add one."""

    stream = "settings"
    title = "Mail channels"
    template_name = "mail/channels.html"
    write_role = Role.OWNER

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        is_owner = role_allows(user=self.user, store=self.store, role=Role.OWNER)
        context["channels"] = channels_for_store(store=self.store)
        context["is_owner"] = is_owner
        if is_owner:
            context.setdefault("form", ChannelForm())
        return context

    @method_decorator(sensitive_variables("data"))
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ChannelForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                channel_create(store=self.store, **data)
            except ValidationError as exc:
                for error in exc.messages:
                    form.add_error(None, error)
            else:
                messages.success(request, f"Channel “{data['name']}” added.")
                url = reverse("mail_channels", kwargs={"store_id": self.store.pk})
                return HttpResponseRedirect(url)
        return self.render_to_response(self.get_context_data(form=form), status=400)


def _channels_url(store_id: int) -> str:
    return reverse("mail_channels", kwargs={"store_id": store_id})


def _imap_channel_or_404(store: Store, pk: int) -> MailChannel:
    """One of the store's IMAP channels (the file-import channel has nothing to set)."""
    imap = channels_for_store(store=store).filter(kind=ChannelKind.IMAP)
    return get_object_or_404(imap, pk=pk)


@_hide_passwords
class ChannelEdit(StoreView):
    """``/s/<store_id>/mail/channels/<pk>/``: an IMAP channel's settings.

    Every member sees them; only an owner may change them. Passwords are never
    shown: their fields stay empty, and an empty one keeps the stored password.
    """

    stream = "settings"
    title = "Mail channel"
    template_name = "mail/channel_edit.html"
    http_method_names = ["get", "post"]
    # The owner check follows the channel lookup (``_channel``): another store's
    # channel is a 404 for everyone, never a 403 that says it exists.
    write_role = Role.VIEWER
    channel: MailChannel

    def _channel(self) -> MailChannel:
        channel = _imap_channel_or_404(self.store, int(self.kwargs["pk"]))
        role_check(request=self.request, store=self.store, role=Role.OWNER)
        return channel

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.channel = self._channel()
        initial = {name: getattr(self.channel, name) for name in CHANNEL_EDITABLE}
        return self.render_to_response(self.get_context_data(form=ChannelEditForm(initial=initial)))

    @method_decorator(sensitive_variables("passwords"))
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.channel = self._channel()
        form = ChannelEditForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            passwords = {name: data.pop(name) for name in ("imap_password", "smtp_password")}
            try:
                changed = channel_update(
                    channel=self.channel, actor=self.user, changes=data, **passwords
                )
            except ValidationError as exc:
                for error in exc.messages:
                    form.add_error(None, error)
            else:
                if changed:
                    messages.success(request, f"Channel “{self.channel.name}” saved.")
                else:
                    messages.info(request, f"Nothing to change in “{self.channel.name}”.")
                return HttpResponseRedirect(_channels_url(self.store.pk))
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        is_owner = role_allows(user=self.user, store=self.store, role=Role.OWNER)
        if not is_owner:
            for field in context["form"].fields.values():
                field.disabled = True
        context.update(channel=self.channel, is_owner=is_owner)
        return context


class ChannelActive(StoreView):
    """Enable or disable a channel (``active``: 1 or 0); a disabled one is not fetched."""

    http_method_names = ["post"]
    write_role = Role.VIEWER  # the owner check follows the lookup, as in ChannelEdit

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        channel = _imap_channel_or_404(self.store, int(kwargs["pk"]))
        role_check(request=request, store=self.store, role=Role.OWNER)
        active = request.POST.get("active") == "1"
        if channel_set_active(channel=channel, actor=current_user(request), active=active):
            state = "enabled" if active else "disabled: it is not fetched until enabled again"
            messages.success(request, f"Channel “{channel.name}” {state}.")
        return HttpResponseRedirect(_channels_url(self.store.pk))
