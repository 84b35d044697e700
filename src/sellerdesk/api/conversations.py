"""/conversations: buyer message threads, with their messages in the detail.

PATCH is the API's one write so far: owners and agents may (re)assign a
conversation; viewers get 403.
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError

from sellerdesk.accounts.models import User
from sellerdesk.api.auth import request_user
from sellerdesk.api.schemas import ConversationDetail, ConversationOut, ConversationPatch
from sellerdesk.api.scoping import ordered, paginated, visible, visible_or_404
from sellerdesk.messaging.models import Conversation, ConversationStatus, Intent, Message
from sellerdesk.messaging.services import conversation_assign
from sellerdesk.stores.selectors import user_can_write

router = Router(tags=["conversations"])

ConversationOrdering = Literal[
    "due_at", "-due_at", "last_message_at", "-last_message_at", "created_at", "-created_at"
]


def _with_messages() -> QuerySet[Conversation]:
    return Conversation.objects.prefetch_related(
        Prefetch("messages", queryset=Message.objects.order_by("sent_at", "id"))
    )


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


@router.patch("/conversations/{id}", response=ConversationDetail)
def conversation_update(request: HttpRequest, id: int, payload: ConversationPatch) -> Conversation:
    conversation = visible_or_404(request, Conversation.objects.select_related("store"), pk=id)
    actor = request_user(request)
    # Checked before looking at the body, so a viewer's PATCH is refused even when empty.
    if not user_can_write(user=actor, store=conversation.store):
        raise HttpError(403, "viewers cannot change conversations")
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
