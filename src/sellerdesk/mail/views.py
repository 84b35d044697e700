"""Mail pages of a store: the quarantine (mail the desk could not process) and the
channels mail comes in and replies go out through."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from sellerdesk.mail.forms import ChannelForm
from sellerdesk.mail.models import EmailStatus
from sellerdesk.mail.selectors import channels_for_store, emails_for_store, quarantined_emails
from sellerdesk.mail.services import INGESTED, channel_create, email_reprocess
from sellerdesk.stores.models import Role
from sellerdesk.web.generic import StoreView
from sellerdesk.web.permissions import current_user, role_allows

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
