"""Writes shared by the public-text streams (reviews, questions): a text posted on Amazon
for everyone to see, recorded after the compliance check, or a decision that none is
needed, with the reason. Each stream's service checks the actor and its own rules
first, then calls these with its conditional update and its audit action.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.common.models import StoreScoped
from sellerdesk.compliance import CheckContext, Finding, check, has_errors

MAX_REASON = 500


class TextComplianceError(ValidationError):
    """A public text breaks Amazon's rules; ``findings`` says where."""

    what = "the text"

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        rules = ", ".join(sorted({f.rule for f in findings if f.severity == "error"}))
        super().__init__(f"{self.what} breaks Amazon's rules for public content: {rules}")


def public_findings(text: str) -> list[Finding]:
    """The compliance check for content everyone sees (no links at all, no contact details)."""
    return check(text, context=CheckContext(kind="public"))


def warnings_of(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "warning"]


def public_text_record(
    *,
    record: StoreScoped,
    actor: User,
    text: str,
    claim: models.QuerySet[Any],
    values: dict[str, Any],
    error: type[TextComplianceError],
    changed: str,
    action: str,
    data: dict[str, Any] | None = None,
) -> None:
    """Record ``text`` (stripped, not empty, allowed by the stream's rules) on ``record``.

    1. The public-content check: errors raise ``error`` with the findings.
    2. ``claim`` (the record while it may still take the text) updated with ``values``
       in one conditional update, so of two agents at once one records it; else
       ``changed`` as a ValidationError.
    3. Audited as ``action`` with the text, ``data`` and the warnings' rules.
    """
    findings = public_findings(text)
    if has_errors(findings):
        raise error(findings)
    audit = {"text": text, **(data or {}), "warnings": [f.rule for f in warnings_of(findings)]}
    _close(record, actor, claim, values, changed, action, audit)


def public_text_decline(
    *,
    record: StoreScoped,
    actor: User,
    reason: str,
    missing: str,
    refusal: str,
    claim: models.QuerySet[Any],
    values: dict[str, Any],
    changed: str,
    action: str,
    data: dict[str, Any] | None = None,
) -> None:
    """Close ``record`` without a text, for ``reason`` (whitespace folded).

    A missing reason raises ``missing``, one over ``MAX_REASON`` characters says so,
    then ``refusal`` (why the record cannot be closed; empty when it can). The update
    is conditional like ``public_text_record``'s and audited with the reason.
    """
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(missing)
    if len(reason) > MAX_REASON:
        raise ValidationError(f"the reason is longer than {MAX_REASON} characters")
    if refusal:
        raise ValidationError(refusal)
    _close(record, actor, claim, values, changed, action, {"reason": reason, **(data or {})})


def _close(
    record: StoreScoped,
    actor: User,
    claim: models.QuerySet[Any],
    values: dict[str, Any],
    changed: str,
    action: str,
    data: dict[str, Any],
) -> None:
    """Update ``record`` through ``claim`` (conditional: ``changed`` as a ValidationError
    when another agent got there first), audit it as ``action`` with ``data``, reload it."""
    with transaction.atomic():
        if claim.update(**values) != 1:
            raise ValidationError(changed)
        audit_record(action=action, actor=actor, store=record.store, target=record, data=data)
    record.refresh_from_db()
