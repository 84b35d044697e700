"""/conversations/{id}/replies, /replies/{id}, /lint, /templates: answering buyers.

POST a reply: 201 with the queued reply (sending is the worker's job). A text
that breaks Amazon's guidelines is a 422 with the findings, the same as
``/lint`` and ``sellerdesk lint --json`` give; an owner may send it anyway
with ``override_reason`` (audited), an agent who tries gets 403. A store that
cannot send (no SMTP channel), or a conversation with no buyer message to
answer, is a 409 with the reason.
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.errors import HttpError

from sellerdesk.api.schemas import (
    ComplianceErrorOut,
    LintIn,
    LintOut,
    ReplyIn,
    ReplyOut,
    ReplyTemplateOut,
)
from sellerdesk.api.scoping import paginated, visible, visible_or_404
from sellerdesk.api.writes import body_docs, parsed_body, writer
from sellerdesk.compliance import CheckContext, check, has_errors
from sellerdesk.messaging.models import Conversation, Intent, Reply, ReplyTemplate
from sellerdesk.messaging.outbox import ComplianceError, reply_queue

router = Router(tags=["replies"])


@router.get("/conversations/{id}/replies", response=list[ReplyOut])
@paginated
def reply_list(request: HttpRequest, id: int) -> QuerySet[Reply]:
    """The conversation's replies, newest first, whatever their status."""
    conversation = visible_or_404(request, Conversation.objects.all(), pk=id)
    return Reply.objects.filter(conversation=conversation).order_by("-created_at", "-pk")


@router.post(
    "/conversations/{id}/replies",
    response={201: ReplyOut, 422: ComplianceErrorOut},
    openapi_extra=body_docs(ReplyIn),
)
def reply_create(request: HttpRequest, id: int) -> Status[Any]:
    conversation = visible_or_404(request, Conversation.objects.select_related("store"), pk=id)
    author = writer(request, conversation.store, "viewers cannot reply")
    payload = parsed_body(request, ReplyIn)
    template = None
    if payload.template_id is not None:
        template = ReplyTemplate.objects.filter(
            store=conversation.store, pk=payload.template_id
        ).first()
        if template is None:
            raise HttpError(422, "no such template in this store")
    try:
        reply = reply_queue(
            conversation=conversation,
            author=author,
            body=payload.body,
            template=template,
            override_reason=payload.override_reason or "",
        )
    except ComplianceError as exc:
        findings = [f.as_dict() for f in exc.findings]
        return Status(422, {"detail": exc.messages[0], "findings": findings})
    except PermissionDenied as exc:  # an agent's override
        raise HttpError(403, str(exc)) from None
    except ValidationError as exc:  # the store or the conversation cannot take a reply now
        raise HttpError(409, exc.messages[0]) from None
    return Status(201, reply)


@router.get("/replies/{id}", response=ReplyOut)
def reply_detail(request: HttpRequest, id: int) -> Reply:
    return visible_or_404(request, Reply.objects.all(), pk=id, store_field="conversation__store")


@router.post("/lint", response=LintOut, tags=["compliance"])
def lint(request: HttpRequest, payload: LintIn) -> dict[str, Any]:
    """Check a text against Amazon's communication guidelines; errors block sending.

    No store data is read or written, so any signed-in user may ask.
    """
    context = CheckContext(
        kind=payload.kind,
        subject=payload.subject,
        order_id=payload.order_id,
        critical_for_opted_out=payload.critical,
        max_chars=payload.max_chars,
    )
    findings = check(payload.text, context=context)
    return {"ok": not has_errors(findings), "findings": [f.as_dict() for f in findings]}


@router.get("/templates", response=list[ReplyTemplateOut], tags=["templates"])
@paginated
def template_list(
    request: HttpRequest,
    store: int | None = None,
    language: str | None = None,
    intent: Intent | None = None,
    active: bool | None = None,
) -> QuerySet[ReplyTemplate]:
    templates = visible(request, ReplyTemplate.objects.all(), store=store)
    if language:
        templates = templates.filter(language=language)
    if intent:
        templates = templates.filter(intent=intent)
    if active is not None:
        templates = templates.filter(is_active=active)
    return templates.order_by("name", "language", "pk")
