"""Pages of a public-text workflow: a record, a text posted on Amazon for everyone to see,
or a decision that none is needed (reviews: respond / no action; questions: answer /
dismiss).

* ``check_context``: what ``reviews/_public_check.html`` needs for a text (its
  public-content findings and whether they block).
* ``PublicTextDetail``: the record's page; for agents and owners, while the workflow is
  open, the form with a draft (or, after a refused post, the text as sent).
* ``PublicTextEndpoint``: a POST under ``<pk>/``; a refused one answers with the
  record's page and why (422).
* ``PublicTextCheck``, ``PublicTextRecord``, ``PublicTextDecline``: the live check, the
  text posted, and the decision without a text.

Each stream's ``views.py`` configures them: its queryset, the hooks, the labels.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from sellerdesk.common.public_text import TextComplianceError, public_findings
from sellerdesk.compliance import Finding, has_errors
from sellerdesk.web.findings import shown_findings
from sellerdesk.web.generic import StoreDetailView


def check_context(text: str, findings: list[Finding] | None = None) -> dict[str, Any]:
    """What ``reviews/_public_check.html`` needs for ``text``."""
    found = public_findings(text) if findings is None else findings
    return {
        "text": text,
        "findings": shown_findings(text, found, limit=80),
        "blocked": has_errors(found) or not text.strip(),
    }


class PublicTextDetail(StoreDetailView):
    """One record of a public-text stream; subclasses give the hooks below."""

    # A refused post: the text as sent, and why (set by ``PublicTextEndpoint.refused``).
    sent_text: str | None = None
    sent_error: str = ""
    sent_findings: list[Finding] | None = None

    def record_context(self) -> dict[str, Any]:
        """What the page shows about the record besides the form."""
        return {}

    def workflow_open(self, context: dict[str, Any]) -> bool:
        """Whether the form is shown (``context`` holds ``record_context``)."""
        raise NotImplementedError

    def draft_context(self) -> dict[str, Any]:
        """The draft to start from, with ``check_context`` for its text."""
        raise NotImplementedError

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(self.record_context())
        context["error"] = self.sent_error
        if context["can_write"] and self.workflow_open(context):
            if self.sent_text is None:
                context.update(self.draft_context())
            else:
                context.update(check_context(self.sent_text, self.sent_findings))
        return context


class PublicTextEndpoint(PublicTextDetail):
    """A POST about one record; a refused one answers with the record's page (422)."""

    http_method_names = ["post"]
    detail_url: ClassVar[str]  # the record's page, where a done POST goes back to
    done_message: ClassVar[str] = ""

    def refused(
        self, *, text: str | None, error: str, findings: list[Finding] | None = None
    ) -> HttpResponse:
        self.sent_text, self.sent_error, self.sent_findings = text, error, findings
        return self.render_to_response(self.get_context_data(), status=422)

    def done(self) -> HttpResponse:
        messages.success(self.request, self.done_message)
        return redirect(self.detail_url, store_id=self.store.pk, pk=self.object.pk)


class PublicTextCheck(PublicTextEndpoint):
    """The public-content findings for the text in the form (htmx)."""

    submit_label: ClassVar[str]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        get_object_or_404(self.get_queryset(), pk=int(kwargs["pk"]))
        context = check_context(request.POST.get("text", ""))
        context.update(store=self.store, submit_label=self.submit_label, oob=True)
        return render(request, "reviews/_public_check.html", context)


class PublicTextRecord(PublicTextEndpoint):
    """Record the text posted on Amazon (``record`` calls the stream's service)."""

    def record(self, text: str) -> None:
        raise NotImplementedError

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        text = request.POST.get("text", "")
        try:
            self.record(text)
        except TextComplianceError as exc:
            return self.refused(text=text, error=exc.messages[0], findings=exc.findings)
        except ValidationError as exc:
            return self.refused(text=text, error=exc.messages[0])
        return self.done()


class PublicTextDecline(PublicTextEndpoint):
    """Close the record without a text, with a reason (``decline`` calls the service)."""

    def decline(self, reason: str) -> None:
        raise NotImplementedError

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        try:
            self.decline(request.POST.get("reason", ""))
        except ValidationError as exc:
            return self.refused(text=None, error=exc.messages[0])
        return self.done()
