"""Reads for mail channels and inbound email, scoped to a store."""

from __future__ import annotations

from django.db.models import QuerySet

from sellerdesk.mail.models import EmailStatus, InboundEmail, MailChannel
from sellerdesk.stores.models import Store


def channels_for_store(*, store: Store) -> QuerySet[MailChannel]:
    return MailChannel.objects.filter(store=store).order_by("name", "pk")


def emails_for_store(*, store: Store) -> QuerySet[InboundEmail]:
    """Every stored email of the store's channels."""
    return InboundEmail.objects.filter(channel__store=store).select_related("channel")


def quarantined_emails(*, store: Store) -> QuerySet[InboundEmail]:
    """Emails the desk could not process, newest first."""
    return emails_for_store(store=store).filter(status=EmailStatus.QUARANTINED).defer("raw")


def quarantine_count(*, store: Store) -> int:
    return InboundEmail.objects.filter(channel__store=store, status=EmailStatus.QUARANTINED).count()
