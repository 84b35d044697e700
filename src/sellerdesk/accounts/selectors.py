"""Reads for users and their API tokens."""

from __future__ import annotations

from django.db.models import QuerySet

from sellerdesk.accounts.models import ApiToken, User
from sellerdesk.stores.models import Membership


def tokens_for_user(*, user: User) -> QuerySet[ApiToken]:
    """The user's tokens that still work, newest first."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).order_by(
        "-created_at", "-pk"
    )


def memberships_for_user(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("store").order_by("store__name")
