"""Writes for conversations, messages and reply templates."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.messaging.defaults import DEFAULT_TEMPLATES
from sellerdesk.messaging.models import Conversation, ReplyTemplate
from sellerdesk.stores.models import Role
from sellerdesk.stores.selectors import membership_for, user_can_write


def templates_install_defaults(*, store_id: int) -> int:
    """Add every built-in template the store lacks; returns how many were added."""
    added = 0
    for spec in DEFAULT_TEMPLATES:
        _, created = ReplyTemplate.objects.get_or_create(
            store_id=store_id,
            slug=spec["slug"],
            language=spec["language"],
            defaults={
                "name": spec["name"],
                "intent": spec["intent"],
                "subject": spec.get("subject", ""),
                "body": spec["body"],
            },
        )
        added += created
    return added


def conversation_assign(
    *, conversation: Conversation, assignee: User | None, actor: User
) -> Conversation:
    """Give a conversation to an owner or agent of its store, or to nobody (``assignee=None``).

    1. The actor must be an owner or agent of the store (PermissionDenied).
    2. The assignee must be an owner or agent of the store (ValidationError): a
       viewer cannot answer, so cannot be handed the work.
    3. A change is saved and audited as ``conversation.assigned``; no change, no event.
    """
    store = conversation.store
    if not user_can_write(user=actor, store=store):
        raise PermissionDenied("viewers cannot change conversations")
    if assignee is not None:
        membership = membership_for(user=assignee, store=store)
        if membership is None:
            raise ValidationError("the assignee is not a member of this store")
        if membership.role not in (Role.OWNER, Role.AGENT):
            raise ValidationError("the assignee is a viewer of this store and cannot reply")
    before = conversation.assigned_to_id
    after = assignee.pk if assignee is not None else None
    if before == after:
        return conversation
    with transaction.atomic():
        conversation.assigned_to = assignee
        conversation.save(update_fields=["assigned_to", "updated_at"])
        audit_record(
            action="conversation.assigned",
            actor=actor,
            store=store,
            target=conversation,
            data={"from": before, "to": after},
        )
    return conversation
