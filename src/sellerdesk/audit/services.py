from __future__ import annotations

from typing import Any

from django.db import models

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.stores.models import Store


def audit_record(
    *,
    action: str,
    actor: User | None = None,
    store: Store | None = None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        store=store,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
    )
