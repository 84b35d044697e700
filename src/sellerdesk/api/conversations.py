"""/conversations: buyer message threads, their messages, and the writes on a thread.

Writes (PATCH, no-response-needed; replies live in ``api.replies``) are for
owners and agents; viewers get 403 whatever the body (``api.writes``).
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError

from sellerdesk.accounts.models import User
from sellerdesk.api.schemas import (
    ConversationDetail,
    ConversationOut,
    ConversationPatch,
    MessageOut,
)
from sellerdesk.api.scoping import ordered, paginated, visible, visible_or_404
from sellerdesk.api.writes import body_docs, parsed_body, writer
from sellerdesk.messaging.models import (
    Attachment,
    Conversation,
    ConversationStatus,
    Intent,
    Message,
)
from sellerdesk.messaging.outbox import conversation_no_response_needed
from sellerdesk.messaging.selectors import messages_for_conversation
from sellerdesk.messaging.services import conversation_assign

router = Router(tags=["conversations"])

ConversationOrdering = Literal[
    "due_at", "-due_at", "last_message_at", "-last_message_at", "created_at", "-created_at"
]
VIEWERS_CANNOT = "viewers cannot change conversations"


def _with_messages() -> QuerySet[Conversation]:
    messages = Message.objects.order_by("sent_at", "id").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("id"))
    )
    return Conversation.objects.prefetch_related(Prefetch("messages", queryset=messages))


@router.get("/conversations", response=list[ConversationOut])
@paginated
def conversation_list(
    request: HttpRequest,
    store: int | None = None,
    status: ConversationStatus | None = None,
    intent: Intent | None = None,
    assigned_to: int | None = None,
    unassigned: bool = False,
    amazon_order_id: str | None = None,
    ordering: ConversationOrdering = "due_at",
) -> QuerySet[Conversation]:
    conversations = visible(request, Conversation.objects.all(), store=store)
    if status:
        conversations = conversations.filter(status=status)
    if intent:
        conversations = conversations.filter(intent=intent)
    if assigned_to is not None:
        conversations = conversations.filter(assigned_to_id=assigned_to)
    if unassigned:
        conversations = conversations.filter(assigned_to__isnull=True)
    if amazon_order_id:
        conversations = conversations.filter(amazon_order_id=amazon_order_id)
    return ordered(conversations, ordering)


@router.get("/conversations/{id}", response=ConversationDetail)
def conversation_detail(request: HttpRequest, id: int) -> Conversation:
    return visible_or_404(request, _with_messages(), pk=id)


@router.patch(
    "/conversations/{id}", response=ConversationDetail, openapi_extra=body_docs(ConversationPatch)
)
def conversation_update(request: HttpRequest, id: int) -> Conversation:
    """Change the fields given in the body (``ConversationPatch``); others stay as they are."""
    conversation = visible_or_404(request, Conversation.objects.select_related("store"), pk=id)
    actor = writer(request, conversation.store, VIEWERS_CANNOT)
    payload = parsed_body(request, ConversationPatch)
    if "assigned_to" in payload.model_fields_set:
        assignee = None
        if payload.assigned_to is not None:
            # An unknown user id and a user outside the store get the same answer.
            assignee = User.objects.filter(pk=payload.assigned_to).first()
            if assignee is None:
                raise HttpError(422, "the assignee is not a member of this store")
        try:
            conversation_assign(conversation=conversation, assignee=assignee, actor=actor)
        except PermissionDenied as exc:
            raise HttpError(403, str(exc)) from None
        except ValidationError as exc:
            raise HttpError(422, exc.messages[0]) from None
    return visible_or_404(request, _with_messages(), pk=id)


@router.get("/conversations/{id}/messages", response=list[MessageOut])
@paginated
def conversation_messages(request: HttpRequest, id: int) -> QuerySet[Message]:
    """The thread, oldest first, with each message's attachments (metadata only)."""
    conversation = visible_or_404(request, Conversation.objects.all(), pk=id)
    return messages_for_conversation(conversation=conversation)


@router.post("/conversations/{id}/no-response-needed", response=ConversationDetail)
def conversation_close_without_reply(request: HttpRequest, id: int) -> Conversation:
    """Stop the clock without a reply; the buyer's next message reopens the conversation."""
    conversation = visible_or_404(request, Conversation.objects.select_related("store"), pk=id)
    actor = writer(request, conversation.store, VIEWERS_CANNOT)
    try:
        conversation_no_response_needed(conversation=conversation, actor=actor)
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    return visible_or_404(request, _with_messages(), pk=id)
