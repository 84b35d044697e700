"""The inbox: three panes at ``/s/<store_id>/inbox/[<pk>/]``.

Left the conversation list (filters, sorting, pages, search), in the middle the
thread with the reply composer, on the right the order and the buyer. The two
URLs answer htmx with a fragment and everything else with the whole page, so a
link, a reload or a browser without JavaScript gets the same view:

* ``HX-Target: results``: the list only (filters, pages, sorting);
* ``HX-Target: conversation`` or ``thread-main``: one conversation's panes;
* otherwise: the page, with the conversation ``pk`` open when there is one.

The composer's endpoints (check, send, assign, …) live in ``compose_views``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django_htmx.http import trigger_client_event

from sellerdesk.accounts.models import User
from sellerdesk.compliance import Finding, has_errors
from sellerdesk.mail.selectors import quarantine_count
from sellerdesk.messaging.clock import ClockState
from sellerdesk.messaging.compose import template_choices
from sellerdesk.messaging.models import Conversation, ConversationStatus, Intent, Message, Reply
from sellerdesk.messaging.outbox import reply_check, reply_subject
from sellerdesk.messaging.presence import PING_INTERVAL, presence_others, presence_ping
from sellerdesk.messaging.selectors import (
    PENDING_REPLY_STATUSES,
    attachments_for_store,
    conversations_for_store,
    conversations_in_clock_state,
    conversations_of_buyer,
    conversations_search,
    messages_for_conversation,
    order_records,
    replies_for_conversation,
)
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.stores.models import Role, Store
from sellerdesk.stores.selectors import store_writers
from sellerdesk.web.findings import ShownFinding, shown_findings
from sellerdesk.web.generic import StoreListView, StoreView, is_results_request
from sellerdesk.web.lists import Column, Filter, ListContext, ListSpec
from sellerdesk.web.permissions import role_allows

CLOCK_CHOICES = (("overdue", "Overdue"), ("due_soon", "Due soon"), ("on_time", "On time"))
PANE_TARGETS = frozenset({"conversation", "thread-main"})
INBOX_CHANGED = "inbox:changed"  # an htmx event: the list pane refreshes its rows


def _clock(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return conversations_in_clock_state(
        queryset=queryset,
        state=cast(ClockState, value),
        now=ctx.now,
        due_soon_hours=ctx.store.response_due_soon_hours,
    )


def _mine(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return queryset.filter(assigned_to=ctx.user)


INBOX_LIST = ListSpec(
    noun="conversations",
    columns=(
        Column("Deadline", sort="due"),
        Column("Conversation", sort="buyer"),
        Column("Order"),
        Column("Intent"),
        Column("Status"),
        Column("Assigned"),
        Column("Last message", sort="last"),
    ),
    sorts={"due": ("due_at",), "buyer": ("buyer_name",), "last": ("last_message_at",)},
    default_sort="due",
    filters=(
        Filter("status", "Status", choices=ConversationStatus.choices),
        Filter("clock", "Clock", choices=CLOCK_CHOICES, apply=_clock),
        Filter("intent", "Intent", choices=Intent.choices),
        Filter("mine", "Assigned to me", toggle=True, apply=_mine),
    ),
    search_fields=("subject", "buyer_name", "amazon_order_id", "buyer_key"),
    search_hint="Buyer, subject, order id or message text",
    search=conversations_search,
)
# One-click filters above the list: (label, parameter, value).
QUICK_FILTERS = (
    ("Needs response", "status", "needs_response"),
    ("Due soon", "clock", "due_soon"),
    ("Overdue", "clock", "overdue"),
    ("Mine", "mine", "1"),
)


def htmx_target(request: HttpRequest) -> str:
    """The id of the element an htmx request will swap (empty without htmx)."""
    htmx = getattr(request, "htmx", None)
    return str(htmx.target or "") if htmx else ""


def is_pane_request(request: HttpRequest) -> bool:
    """An htmx request for one conversation's panes (not a history restore)."""
    htmx = getattr(request, "htmx", None)
    if htmx is None or not htmx:
        return False
    return not htmx.history_restore_request and htmx.target in PANE_TARGETS


# --- one conversation's panes ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThreadItem:
    """A message of the thread, with the outbox reply it was sent as; or a reply
    that has not (yet) become a message: queued, sending, failed, unconfirmed."""

    at: datetime
    message: Message | None = None
    reply: Reply | None = None


@dataclass(slots=True)
class Composer:
    """What the reply form shows: the text, the template it came from, the
    compliance findings and whether Send is open."""

    body: str = ""
    template_id: int | None = None
    override_reason: str = ""
    error: str = ""
    findings: list[ShownFinding] = field(default_factory=list)
    errors: bool = False
    is_owner: bool = False

    @property
    def can_send(self) -> bool:
        return bool(self.body.strip()) and not self.errors

    @property
    def can_override(self) -> bool:
        return bool(self.body.strip()) and self.errors and self.is_owner


def composer_for(
    *,
    conversation: Conversation,
    user: User,
    body: str = "",
    template_id: int | None = None,
    override_reason: str = "",
    error: str = "",
    findings: list[Finding] | None = None,
) -> Composer:
    """The composer's state for ``body``; its findings are computed unless given."""
    if findings is None:
        findings = (
            reply_check(conversation=conversation, body=body, subject=reply_subject(conversation))
            if body.strip()
            else []
        )
    return Composer(
        body=body,
        template_id=template_id,
        override_reason=override_reason,
        error=error,
        findings=shown_findings(body, findings),
        errors=has_errors(findings),
        is_owner=role_allows(user=user, store=conversation.store, role=Role.OWNER),
    )


def thread_items(conversation: Conversation) -> list[ThreadItem]:
    messages = list(messages_for_conversation(conversation=conversation))
    replies = list(replies_for_conversation(conversation=conversation))
    by_message = {r.sent_message_id: r for r in replies if r.sent_message_id is not None}
    items = [ThreadItem(m.sent_at, message=m, reply=by_message.get(m.pk)) for m in messages]
    items += [ThreadItem(r.created_at, reply=r) for r in replies if r.sent_message_id is None]
    return sorted(items, key=lambda item: item.at)


def conversation_context(
    *,
    store: Store,
    user: User,
    conversation: Conversation,
    composer: Composer | None = None,
    prefill_template: str = "",
) -> dict[str, Any]:
    """Everything the thread and details panes show for one conversation.

    ``prefill_template`` (a template id) fills the composer with that template:
    the template picker of a browser without JavaScript.
    """
    can_write = role_allows(user=user, store=store, role=Role.AGENT)
    order = order_for_record(
        store=store, order_id=conversation.order_id, amazon_order_id=conversation.amazon_order_id
    )
    items = thread_items(conversation)
    context: dict[str, Any] = {
        "conversation": conversation,
        "thread": items,
        "replies_pending": any(
            i.reply is not None and i.reply.status in PENDING_REPLY_STATUSES for i in items
        ),
        "order": order,
        "records": order_records(
            store=store, order=order, amazon_order_id=conversation.amazon_order_id
        ),
        "buyer_conversations": list(conversations_of_buyer(conversation=conversation)[:20]),
        "others": presence_others(conversation_id=conversation.pk, user=user),
        "ping_seconds": PING_INTERVAL,
        "can_write": can_write,
    }
    if can_write:
        context["writers"] = [m.user for m in store_writers(store=store)]
        choices = template_choices(conversation)
        chosen = next((c for c in choices if str(c.template.pk) == prefill_template), None)
        if composer is None and chosen is not None:
            composer = composer_for(
                conversation=conversation,
                user=user,
                body=chosen.body,
                template_id=chosen.template.pk,
            )
        context["choices"] = choices
        context["composer"] = composer or composer_for(conversation=conversation, user=user)
    return context


# --- the pages ---------------------------------------------------------------------


class InboxList(StoreListView):
    """The inbox; ``InboxDetail`` is the same page with one conversation open."""

    stream = "inbox"
    title = "Inbox"
    spec = INBOX_LIST
    row_template = "messaging/_inbox_row.html"
    template_name = "messaging/inbox.html"
    results_template = "messaging/_inbox_results.html"
    conversation: Conversation | None = None
    composer: Composer | None = None  # the composer's state, when a reply was refused

    def get_queryset(self) -> QuerySet[Conversation]:
        return conversations_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["selected_id"] = self.conversation.pk if self.conversation else None
        if is_results_request(self.request):
            return context
        context["quick_filters"] = QUICK_FILTERS
        context["quarantine_count"] = quarantine_count(store=self.store)
        if self.conversation is not None:
            context.update(
                conversation_context(
                    store=self.store,
                    user=self.user,
                    conversation=self.conversation,
                    composer=self.composer,
                    prefill_template=self.request.GET.get("template", ""),
                )
            )
        return context


class InboxDetail(InboxList):
    """``/s/<store_id>/inbox/<pk>/``: the inbox with the conversation ``pk`` open,
    or (htmx) that conversation's panes only."""

    title = "Conversation"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.conversation = get_object_or_404(
            conversations_for_store(store=self.store), pk=int(kwargs["pk"])
        )
        presence_ping(conversation_id=self.conversation.pk, user=self.user, state="viewing")
        if is_pane_request(request):
            context = conversation_context(
                store=self.store, user=self.user, conversation=self.conversation
            )
            context.update(store=self.store, now=timezone.now())
            response = render(request, "messaging/_conversation.html", context)
            patch_vary_headers(response, ["HX-Request", "HX-Target"])
            if htmx_target(request) == "thread-main" and not context["replies_pending"]:
                # The thread polled until its replies went out: the list's rows change too.
                response = trigger_client_event(response, INBOX_CHANGED)
            return response
        return super().get(request, *args, **kwargs)

    @classmethod
    def page(
        cls,
        request: HttpRequest,
        *,
        store: Store,
        user: User,
        conversation: Conversation,
        composer: Composer,
        status: int,
    ) -> HttpResponse:
        """The whole page with ``composer`` in its state (a refused reply without htmx)."""
        view = cls(composer=composer)
        view.setup(request, store_id=store.pk, pk=conversation.pk)
        view.store, view.user, view.conversation = store, user, conversation
        context = view.get_context_data(listing=view.get_listing(), row_template=cls.row_template)
        return render(request, cls.template_name, context, status=status)


class AttachmentDownload(StoreView):
    """A buyer's attachment, as a download only: never shown inline, whatever the
    buyer claimed its type to be."""

    http_method_names = ["get", "head"]

    # A file, not a page: TemplateView's ``get`` is typed to return an HttpResponse.
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FileResponse:  # type: ignore[override]  # the stubs' base returns HttpResponse
        attachment = get_object_or_404(attachments_for_store(store=self.store), pk=kwargs["pk"])
        if not attachment.path:
            raise Http404("the attachment was larger than the desk keeps")
        root = Path(settings.ATTACHMENTS_DIR).resolve()
        path = (root / attachment.path).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            raise Http404("the attachment's file is missing")
        response = FileResponse(
            path.open("rb"),
            as_attachment=True,
            filename=attachment.filename or "attachment",
            content_type="application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        response["Cache-Control"] = "private, max-age=0"
        return response
