"""Writes for users and API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.utils import timezone

from sellerdesk.accounts.models import ApiToken, User

TOKEN_PREFIX = "sd_"  # noqa: S105 -- a public marker, not a secret


def token_digest(raw: str) -> str:
    # Tokens carry 256 bits of randomness, so a plain SHA-256 is enough: no
    # dictionary attack applies, and lookups stay one indexed query.
    return hashlib.sha256(raw.encode()).hexdigest()


def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token; returns the record and the raw token, which is never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100] or "token", prefix=raw[:10], digest=token_digest(raw)
    )
    return token, raw


def token_authenticate(*, raw: str) -> User | None:
    """The active user a raw token belongs to, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Write at most once a minute, so a busy client does not turn reads into writes.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def token_revoke(*, user: User, token_id: int) -> bool:
    return (
        ApiToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        == 1
    )
