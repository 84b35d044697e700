"""What agents and owners do on a feedback's page (viewers: 403, by ``StoreView``):

* ``removal-request/``: record the removal request made in Feedback Manager;
* ``removal-outcome/``: record Amazon's answer (removed, denied, struck through);
* ``reply/check/``: the public-content findings for the reply being typed (htmx);
* ``reply/``: the one public reply, in two steps: the text is shown once more with the
  warning that Amazon keeps one reply that cannot be edited, and only ``confirm``
  records it.

Refusals the user can fix come back with the reason: removal as a message on the page,
the reply on the page itself with its text kept (422 for the content check, 409 for a
reply already posted).
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from sellerdesk.feedback.models import ReplyStatus
from sellerdesk.feedback.services import (
    ALREADY_POSTED,
    OUTCOMES,
    Outcome,
    ReplyComplianceError,
    feedback_removal_outcome,
    feedback_removal_request,
    feedback_reply_posted,
    public_findings,
)
from sellerdesk.feedback.views import OUTCOME_LABELS, FeedbackDetail, ReplyForm, reply_form

UNPROCESSABLE = 422
CONFLICT = 409


def _sentence(error: ValidationError) -> str:
    text = " ".join(error.messages)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class FeedbackAction(FeedbackDetail):
    """A POST endpoint of one feedback of the store (another store's is a 404)."""

    http_method_names = ["post"]

    def back(self, anchor: str) -> HttpResponse:
        url = reverse("feedback_detail", kwargs={"store_id": self.store.pk, "pk": self.object.pk})
        return redirect(f"{url}#{anchor}")


class RemovalRequest(FeedbackAction):
    """Record that removal was asked for in Feedback Manager (``feedback_removal_request``)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        try:
            feedback_removal_request(feedback=self.object, actor=self.user)
        except ValidationError as exc:
            messages.error(request, _sentence(exc))
        else:
            messages.success(
                request,
                "Removal request recorded. Record Amazon's answer here when it comes.",
            )
        return self.back("removal")


class RemovalOutcome(FeedbackAction):
    """POST ``outcome`` (removed, denied, struck_through): ``feedback_removal_outcome``."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        outcome = request.POST.get("outcome", "")
        if outcome not in OUTCOMES:
            messages.error(request, "Choose an outcome: removed, denied or struck through.")
            return self.back("removal")
        try:
            feedback_removal_outcome(
                feedback=self.object, actor=self.user, outcome=cast(Outcome, outcome)
            )
        except ValidationError as exc:
            messages.error(request, _sentence(exc))
        else:
            messages.success(request, f"Outcome recorded: {OUTCOME_LABELS[outcome].lower()}.")
        return self.back("removal")


class ReplyCheck(FeedbackAction):
    """The public-content findings for the reply while it is typed."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        text = request.POST.get("text", "").replace("\r\n", "\n")
        findings = public_findings(text) if text.strip() else []
        context = {"reply": reply_form(step="write", text=text, findings=findings), "oob": True}
        return render(request, "feedback/_reply_check.html", context)


class ReplyPost(FeedbackAction):
    """The reply in two steps: review (the warning, the text once more), then ``confirm``.
    ``edit`` goes back to the form with the text."""

    def page(self, reply: ReplyForm | None, status: int = 200) -> HttpResponse:
        return self.render_to_response(self.get_context_data(reply=reply), status=status)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        if self.object.reply_status == ReplyStatus.POSTED:
            messages.error(request, ALREADY_POSTED[:1].upper() + ALREADY_POSTED[1:] + ".")
            return self.page(None, status=CONFLICT)
        text = request.POST.get("text", "").replace("\r\n", "\n").strip()
        findings = public_findings(text) if text else []
        if request.POST.get("edit"):
            return self.page(reply_form(step="write", text=text, findings=findings))
        form = reply_form(step="confirm", text=text, findings=findings)
        if form.blocked:
            form.step = "write"
            form.error = (
                "The reply breaks Amazon's rules for public content: fix the errors first."
                if text
                else "Write the reply first."
            )
            return self.page(form, status=UNPROCESSABLE)
        if not request.POST.get("confirm"):
            return self.page(form)
        try:
            feedback_reply_posted(feedback=self.object, actor=self.user, text=text)
        except ReplyComplianceError as exc:
            form = reply_form(step="write", text=text, findings=exc.findings, error=_sentence(exc))
            return self.page(form, status=UNPROCESSABLE)
        except ValidationError as exc:
            messages.error(request, _sentence(exc))
            self.object.refresh_from_db()
            return self.page(None, status=CONFLICT)
        messages.success(request, "Public reply recorded as posted.")
        return self.back("reply")
