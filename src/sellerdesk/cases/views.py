"""Pages shared by claims and chargebacks; each stream's ``views.py`` configures them.

* ``CaseListView``: the stream's list with an "Export CSV" link carrying the filters;
  ``CaseExportView`` answers that link with the same filters, every row.
* ``CaseDetailView``: the case, its ODR answer, deadlines, timeline, the action
  forms (agents and owners) and the representation draft. ``CaseActionView``
  takes the forms' posts (viewers: 403 before anything is read).
* ``CaseEvidenceView``: the evidence pack as a page, a PDF or a ZIP.
* ``CaseSettingsView``: the store's case deadlines (owners change them).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, ClassVar, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from sellerdesk.cases.evidence import (
    evidence_filename,
    evidence_html,
    evidence_pack,
    evidence_pdf,
    evidence_zip,
    representation_draft,
)
from sellerdesk.cases.export import csv_response
from sellerdesk.cases.forms import CaseSettingsForm
from sellerdesk.cases.settings import (
    CASE_SETTINGS,
    case_settings,
    case_settings_update,
    policy_default,
)
from sellerdesk.cases.texts import TextRejected, case_text_check
from sellerdesk.cases.timeline import case_timeline
from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.claims.models import Claim
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.stores.models import Role
from sellerdesk.web.generic import StoreDetailView, StoreListView, StoreView
from sellerdesk.web.lists import PAGE_PARAM, ListContext, list_page
from sellerdesk.web.permissions import role_allows

Case = Claim | Chargeback


class CaseListView(StoreListView):
    template_name = "cases/list.html"
    results_template = "cases/_list_results.html"


class CaseExportView(StoreListView):
    """``<stream>/export.csv``: the list's filters, search and sort, every row."""

    http_method_names = ["get", "head"]
    columns: ClassVar[tuple[str, ...]]
    as_dict: ClassVar[Callable[[Any], dict[str, Any]]]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        params = request.GET.copy()
        params.pop(PAGE_PARAM, None)
        queryset = self.get_queryset()
        listing = list_page(
            spec=self.spec,
            queryset=queryset,
            params=params,
            ctx=ListContext(store=self.store, user=self.user, now=timezone.now()),
            page_size=max(1, queryset.count()),  # one page: all that match
        )
        to_dict = type(self).as_dict
        rows = (to_dict(case) for case in listing.page.object_list)
        day = timezone.now().astimezone(self.store.tz)
        name = f"{self.stream}-{slugify(self.store.name) or self.store.pk}-{day:%Y-%m-%d}.csv"
        return csv_response(rows=rows, columns=self.columns, filename=name)


class CaseDetailView(StoreDetailView):
    """One claim or chargeback and the means to work it."""

    kind: ClassVar[str]  # "claim" or "chargeback"
    # The action whose text the representation draft pre-fills.
    draft_action: ClassVar[str]
    action_form_class: ClassVar[type[forms.Form]]
    object: Case

    def get_object(self) -> Case:
        return cast(Case, super().get_object())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        case = self.object
        context["order"] = order_for_record(
            store=self.store, order_id=case.order_id, amazon_order_id=case.amazon_order_id
        )
        context["timeline"] = case_timeline(record=case, store_id=self.store.pk)
        context["kind"] = self.kind
        urls = {
            name: reverse(
                f"{self.stream}_{name}", kwargs={"store_id": self.store.pk, "pk": case.pk}
            )
            for name in ("action", "evidence", "evidence_pdf", "evidence_zip")
        }
        context["case_urls"] = urls
        context.setdefault("failed", {})
        if context["can_write"]:
            failed = context["failed"]
            if failed.get("action") == self.draft_action:
                draft = failed.get("text", "")
            else:
                draft = representation_draft(pack=evidence_pack(store=self.store, case=case))
            context["draft"] = draft
            context["draft_findings"] = failed.get("findings") or case_text_check(
                text=draft, order_id=case.amazon_order_id
            )
        return context


class CaseActionView(CaseDetailView):
    """POST ``<stream>/<pk>/actions/``: one action from the detail page's forms."""

    http_method_names = ["post"]
    perform: ClassVar[Callable[..., Any]]
    done: ClassVar[dict[str, str]]  # action -> the message after it

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        form = self.action_form_class(request.POST)
        failed: dict[str, Any] = {"action": request.POST.get("action", "")}
        failed["text"] = request.POST.get("text", "")
        if not form.is_valid():
            failed["errors"] = [f"{k}: {e}" for k, errs in form.errors.items() for e in errs]
            return self._failed(failed, status=400)
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        try:
            type(self).perform(**{self.kind: self.object}, actor=self.user, **data)
        except TextRejected as exc:
            failed["errors"] = ["The text breaks Amazon's guidelines: fix it and record it again."]
            failed["findings"] = exc.findings
            return self._failed(failed, status=422)
        except ValidationError as exc:
            failed["errors"] = exc.messages
            return self._failed(failed, status=409)
        messages.success(request, self.done.get(data["action"], "Recorded."))
        return HttpResponseRedirect(
            reverse(
                f"{self.stream}_detail", kwargs={"store_id": self.store.pk, "pk": self.object.pk}
            )
        )

    def _failed(self, failed: dict[str, Any], *, status: int) -> HttpResponse:
        return self.render_to_response(self.get_context_data(failed=failed), status=status)


class CaseEvidenceView(StoreDetailView):
    """The evidence pack: ``evidence/`` (page), ``evidence.pdf`` and ``evidence.zip``."""

    http_method_names = ["get", "head"]
    fmt: ClassVar[str] = "html"
    object: Case

    def get_object(self) -> Case:
        return cast(Case, super().get_object())

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        pack = evidence_pack(store=self.store, case=self.object)
        if self.fmt == "html":
            ids = {"store_id": self.store.pk, "pk": self.object.pk}
            controls = {
                "back": reverse(f"{self.stream}_detail", kwargs=ids),
                "pdf": reverse(f"{self.stream}_evidence_pdf", kwargs=ids),
                "zip": reverse(f"{self.stream}_evidence_zip", kwargs=ids),
            }
            response = HttpResponse(evidence_html(pack=pack, controls=controls))
        else:
            pdf = evidence_pdf(pack=pack)
            if self.fmt == "pdf":
                response = HttpResponse(pdf, content_type="application/pdf")
            else:
                response = HttpResponse(
                    evidence_zip(pack=pack, pdf=pdf), content_type="application/zip"
                )
            filename = evidence_filename(pack, self.fmt)
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, max-age=0"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class CaseSettingsView(StoreView):
    """``/s/<store_id>/cases/settings/``: every member sees the numbers; owners change them."""

    stream = "claims"
    title = "Case deadlines"
    template_name = "cases/settings.html"
    write_role = Role.OWNER

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        is_owner = role_allows(user=self.user, store=self.store, role=Role.OWNER)
        current = case_settings(store=self.store)
        context["is_owner"] = is_owner
        context.setdefault("form", CaseSettingsForm(initial_values=current, read_only=not is_owner))
        context["rows"] = [
            {
                "spec": spec,
                "value": current[spec.name],
                "default": policy_default(self.store, spec.name),
                "overridden": spec.name in (self.store.policy_overrides or {}),
            }
            for spec in CASE_SETTINGS
        ]
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = CaseSettingsForm(request.POST, initial_values=case_settings(store=self.store))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            case_settings_update(store=copy.copy(self.store), actor=self.user, values=form.values())
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, "Case deadlines saved; open cases follow the new numbers.")
        return HttpResponseRedirect(reverse("case_settings", kwargs={"store_id": self.store.pk}))
