"""/mail: what came in (emails, with their fate) and the mailboxes it came through.

An email's raw bytes and a channel's passwords are never part of an answer.
Reprocessing runs a stored email through the pipeline again (owners and agents).
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router

from sellerdesk.api.auth import request_user
from sellerdesk.api.schemas import InboundEmailOut, MailChannelOut, ReprocessOut
from sellerdesk.api.scoping import paginated, visible, visible_or_404
from sellerdesk.api.writes import writer
from sellerdesk.mail.models import EmailKind, EmailStatus, InboundEmail, MailChannel
from sellerdesk.mail.services import IngestOutcome, email_reprocess

router = Router(tags=["mail"])

EMAIL_STORE = "channel__store"


def _emails() -> QuerySet[InboundEmail]:
    # ``raw`` can be megabytes and is never shown: leave it in the database.
    return InboundEmail.objects.select_related("channel").defer("raw")


@router.get("/mail/emails", response=list[InboundEmailOut])
@paginated
def email_list(
    request: HttpRequest,
    store: int | None = None,
    status: EmailStatus | None = None,
    kind: EmailKind | None = None,
    channel: int | None = None,
) -> QuerySet[InboundEmail]:
    emails = visible(request, _emails(), store=store, store_field=EMAIL_STORE)
    if status:
        emails = emails.filter(status=status)
    if kind:
        emails = emails.filter(kind=kind)
    if channel is not None:
        emails = emails.filter(channel_id=channel)
    return emails.order_by("-received_at", "-pk")


@router.get("/mail/emails/{id}", response=InboundEmailOut)
def email_detail(request: HttpRequest, id: int) -> InboundEmail:
    return visible_or_404(request, _emails(), pk=id, store_field=EMAIL_STORE)


@router.post("/mail/emails/{id}/reprocess", response=ReprocessOut)
def email_reprocess_endpoint(request: HttpRequest, id: int) -> IngestOutcome:
    """Parse, route and apply the stored email again: ``ingested`` or ``quarantined``."""
    emails = InboundEmail.objects.select_related("channel__store")
    email = visible_or_404(request, emails, pk=id, store_field=EMAIL_STORE)
    writer(request, email.channel.store, "viewers cannot reprocess mail")
    return email_reprocess(email=email, actor=request_user(request))


@router.get("/mail/channels", response=list[MailChannelOut])
@paginated
def channel_list(request: HttpRequest, store: int | None = None) -> QuerySet[MailChannel]:
    return visible(request, MailChannel.objects.all(), store=store).order_by(
        "store_id", "name", "pk"
    )
