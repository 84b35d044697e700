"""Writes for conversations, messages and reply templates."""

from __future__ import annotations

from sellerdesk.messaging.defaults import DEFAULT_TEMPLATES
from sellerdesk.messaging.models import ReplyTemplate


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
