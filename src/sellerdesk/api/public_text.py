"""What the public-text endpoints share (reviews: response / no action; questions:
answer / dismiss): the draft's shape, the bodies, and the answers to a write.

- ``draft_out``: a draft as ``DraftOut`` (plus the stream's own fields).
- ``text_recorded``: run the stream's record service; 201 with the record and the text's
  warnings, 422 with the findings when it breaks the rules for public content, 403 for a
  viewer, 409 for any other refusal.
- ``declined``: run the stream's decline service; 403 / 409 the same way.
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from collections.abc import Callable
from typing import Any, Protocol

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Field, Schema, Status
from ninja.errors import HttpError
from pydantic import field_validator

from sellerdesk.api.schemas import MAX_TEXT, FindingOut
from sellerdesk.common.public_text import (
    MAX_REASON,
    TextComplianceError,
    public_findings,
    warnings_of,
)
from sellerdesk.compliance import Finding


class DraftOut(Schema):
    text: str
    language: str
    ok: bool
    findings: list[FindingOut]


def not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


class ResponseIn(Schema):
    text: str = Field(min_length=1, max_length=MAX_TEXT)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        return not_blank(value)


class ReasonIn(Schema):
    reason: str = Field(min_length=1, max_length=MAX_REASON)

    @field_validator("reason")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        return not_blank(value)


class Draft(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def ok(self) -> bool: ...


def draft_out(draft: Draft, **extra: Any) -> dict[str, Any]:
    return {
        "text": draft.text,
        "language": draft.language,
        "ok": draft.ok,
        "findings": [f.as_dict() for f in draft.findings],
        **extra,
    }


def text_recorded[T](
    *, key: str, record: Callable[[], T], text_of: Callable[[T], str]
) -> Status[Any]:
    """``record()`` answered as the write endpoints do (see the module doc)."""
    try:
        recorded = record()
    except TextComplianceError as exc:
        findings = [f.as_dict() for f in exc.findings]
        return Status(422, {"detail": exc.messages[0], "findings": findings})
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    except ValidationError as exc:
        raise HttpError(409, exc.messages[0]) from None
    warnings = [f.as_dict() for f in warnings_of(public_findings(text_of(recorded)))]
    return Status(201, {key: recorded, "warnings": warnings})


def declined[T](decline: Callable[[], T]) -> T:
    try:
        return decline()
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    except ValidationError as exc:
        raise HttpError(409, exc.messages[0]) from None
