"""The thread pane's endpoints, under ``/s/<store_id>/inbox/<pk>/``.

* ``check/`` (POST): the compliance findings of the text being typed, and the
  Send controls to match (errors close Send; an owner gets the override field);
* ``reply/`` (POST): ``reply_queue``; a refused text comes back with its findings;
* ``no-response/`` (POST): ``conversation_no_response_needed``;
* ``assign/`` (POST): ``conversation_assign`` (a member, ``me`` or nobody);
* ``presence/`` (GET): "I am viewing / replying" and who else is.

Writes need the agent role (viewers: 403, see ``StoreView``); a conversation of
another store is a 404. Without htmx the writes answer with a redirect to the
conversation, so the forms work without JavaScript too.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django_htmx.http import reswap, retarget, trigger_client_event

from sellerdesk.accounts.models import User
from sellerdesk.messaging.compose import template_choices, templates_for_conversation
from sellerdesk.messaging.models import Conversation, ReplyTemplate
from sellerdesk.messaging.outbox import (
    ComplianceError,
    conversation_no_response_needed,
    reply_queue,
)
from sellerdesk.messaging.presence import PRESENCE_STATES, presence_others, presence_ping
from sellerdesk.messaging.selectors import conversations_for_store
from sellerdesk.messaging.services import conversation_assign
from sellerdesk.messaging.views import (
    INBOX_CHANGED,
    Composer,
    InboxDetail,
    composer_for,
    conversation_context,
)
from sellerdesk.stores.models import Role
from sellerdesk.stores.selectors import store_writers
from sellerdesk.web.generic import StoreView
from sellerdesk.web.permissions import role_allows

# Swapped by desk.js although it is not a 2xx: a form that needs another look.
UNPROCESSABLE = 422


class ConversationEndpoint(StoreView):
    """An endpoint of one conversation of the store (``pk``)."""

    conversation: Conversation

    def get_conversation(self) -> Conversation:
        self.conversation = get_object_or_404(
            conversations_for_store(store=self.store).select_related("store"),
            pk=int(self.kwargs["pk"]),
        )
        return self.conversation

    def pane(self, request: HttpRequest, *, composer: Composer | None = None) -> HttpResponse:
        """The conversation's panes after a change (htmx), or back to its page."""
        if not _htmx(request):
            return redirect("inbox_detail", store_id=self.store.pk, pk=self.conversation.pk)
        self.conversation.refresh_from_db()
        context = conversation_context(
            store=self.store, user=self.user, conversation=self.conversation, composer=composer
        )
        context.update(store=self.store, now=timezone.now())
        response = render(request, "messaging/_conversation.html", context)
        response = retarget(response, "#conversation")
        response = reswap(response, "innerHTML")
        return trigger_client_event(response, INBOX_CHANGED)

    def composer_response(self, request: HttpRequest, composer: Composer) -> HttpResponse:
        """The composer again, with what stopped the reply (422)."""
        if not _htmx(request):
            return InboxDetail.page(
                request,
                store=self.store,
                user=self.user,
                conversation=self.conversation,
                composer=composer,
                status=UNPROCESSABLE,
            )
        context = {
            "store": self.store,
            "conversation": self.conversation,
            "composer": composer,
            "choices": template_choices(self.conversation),
            "can_write": True,
        }
        return render(request, "messaging/_composer.html", context, status=UNPROCESSABLE)


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _template(conversation: Conversation, raw: str) -> ReplyTemplate | None:
    if not raw.isdigit():
        return None
    return templates_for_conversation(conversation=conversation).filter(pk=int(raw)).first()


class ReplyCheck(ConversationEndpoint):
    """The findings for the text in the composer, while it is typed."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        conversation = self.get_conversation()
        template = _template(conversation, request.POST.get("template", ""))
        composer = composer_for(
            conversation=conversation,
            user=self.user,
            body=request.POST.get("body", ""),
            template_id=template.pk if template else None,
            override_reason=request.POST.get("override_reason", ""),
        )
        context = {"store": self.store, "conversation": conversation, "composer": composer}
        return render(request, "messaging/_compliance.html", context)


class ReplySend(ConversationEndpoint):
    """Queue the reply (``reply_queue``); the outbox sends it."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        conversation = self.get_conversation()
        body = request.POST.get("body", "")
        template = _template(conversation, request.POST.get("template", ""))
        overriding = bool(request.POST.get("override"))
        reason = request.POST.get("override_reason", "") if overriding else ""

        def refused(error: str, findings: Any = None) -> HttpResponse:
            composer = composer_for(
                conversation=conversation,
                user=self.user,
                body=body,
                template_id=template.pk if template else None,
                override_reason=request.POST.get("override_reason", ""),
                error=error,
                findings=findings,
            )
            return self.composer_response(request, composer)

        if not body.strip():
            return refused("Write a reply first.")
        try:
            reply = reply_queue(
                conversation=conversation,
                author=self.user,
                body=body,
                template=template,
                override_reason=reason,
            )
        except ComplianceError as exc:
            why = (
                "Give a reason to send despite the errors."
                if overriding
                else "The reply breaks Amazon's communication guidelines: fix the errors below."
            )
            return refused(why, exc.findings)
        except ValidationError as exc:
            return refused(" ".join(exc.messages))
        if not _htmx(request):
            messages.success(request, f"Reply queued for {reply.to_address}.")
        return self.pane(request)


class NoResponseNeeded(ConversationEndpoint):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        conversation = self.get_conversation()
        conversation_no_response_needed(conversation=conversation, actor=self.user)
        if not _htmx(request):
            messages.success(request, "Marked as no response needed.")
        return self.pane(request)


class Assign(ConversationEndpoint):
    """``assignee``: a user id of an owner or agent, ``me``, or empty for nobody."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        conversation = self.get_conversation()
        raw = request.POST.get("assignee", "").strip()
        assignee: User | None
        if raw == "me":
            assignee = self.user
        elif raw == "":
            assignee = None
        else:
            writers = {str(m.user_id): m.user for m in store_writers(store=self.store)}
            if raw not in writers:
                return HttpResponse(
                    "Choose an owner or agent of this store.", status=400, content_type="text/plain"
                )
            assignee = writers[raw]
        try:
            conversation_assign(conversation=conversation, assignee=assignee, actor=self.user)
        except ValidationError as exc:
            return HttpResponse(" ".join(exc.messages), status=400, content_type="text/plain")
        if not _htmx(request):
            who = assignee.email if assignee else "nobody"
            messages.success(request, f"Assigned to {who}.")
        return self.pane(request)


class Presence(ConversationEndpoint):
    """A ping from an open thread pane (``state``: viewing or replying); answers
    with who else has the conversation open."""

    http_method_names = ["get"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        conversation = self.get_conversation()
        state = request.GET.get("state", "viewing")
        if state not in PRESENCE_STATES or not role_allows(
            user=self.user, store=self.store, role=Role.AGENT
        ):
            state = "viewing"
        presence_ping(
            conversation_id=conversation.pk,
            user=self.user,
            state="replying" if state == "replying" else "viewing",
        )
        others = presence_others(conversation_id=conversation.pk, user=self.user)
        response = render(request, "messaging/_presence.html", {"others": others})
        add_never_cache_headers(response)
        return response
