"""A case's timeline: its audit events, oldest first, as who did what and when.

The audit log already records every notice and every action with its actor, time
and text, so the timeline is read from it rather than kept twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Model

from sellerdesk.audit.models import AuditEvent
from sellerdesk.chargebacks.models import ChargebackStatus
from sellerdesk.claims.models import ClaimStatus, FundedBy

LABELS = {
    "claim.opened": "Claim received (Amazon notice)",
    "claim.updated": "Amazon notice",
    "claim.imported": "Imported",
    "claim.responded": "Responded to Amazon",
    "claim.information_provided": "Information provided",
    "claim.appealed": "Appealed",
    "claim.decision_recorded": "Decision recorded",
    "claim.note_added": "Note",
    "chargeback.opened": "Chargeback received (Amazon notice)",
    "chargeback.updated": "Amazon notice",
    "chargeback.imported": "Imported",
    "chargeback.represented": "Represented",
    "chargeback.refunded": "Refunded",
    "chargeback.decision_recorded": "Decision recorded",
    "chargeback.note_added": "Note",
}
STATUS_LABELS = {**dict(ClaimStatus.choices), **dict(ChargebackStatus.choices)}
FUNDING_LABELS = dict(FundedBy.choices)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime
    action: str  # the audit action, e.g. ``claim.responded``
    label: str
    actor: str  # the user's email, or where an automatic change came from
    text: str
    status: str  # the status after the event, as shown
    status_key: str  # ... and its value
    details: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "action": self.action,
            "label": self.label,
            "actor": self.actor,
            "text": self.text,
            "status": self.status_key,
            "details": dict(self.details),
        }


def _actor(event: AuditEvent) -> str:
    if event.actor is not None:
        return event.actor.email
    source = str(event.data.get("source", ""))
    return {"email": "Amazon notice", "import": "Import"}.get(source, "System")


def _when(iso: str) -> str:
    """``2026-11-14 11:00 -08:00`` from the ISO text the services record."""
    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    offset = value.strftime("%z")
    return f"{value:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}".strip()


def _entry(event: AuditEvent) -> TimelineEntry:
    data: dict[str, Any] = event.data if isinstance(event.data, dict) else {}
    status = STATUS_LABELS.get(str(data.get("status", "")), str(data.get("status", "")))
    details: list[tuple[str, str]] = []
    before = str(data.get("from_status", ""))
    if before and before != data.get("status"):
        details.append(("Status", f"{STATUS_LABELS.get(before, before)} → {status}"))
    if event.action == "claim.decision_recorded":
        funded = FUNDING_LABELS.get(str(data.get("funded_by", "")), "")
        if data.get("buy_shipping_protected"):
            funded += " (Buy Shipping Claims Protection)"
        if funded:
            details.append(("Funded by", funded))
    if data.get("amount"):
        details.append(("Amount", str(data["amount"])))
    for key, label in (("due_at", "Respond by"), ("appeal_due_at", "Appeal by")):
        if data.get(key):
            details.append((label, _when(str(data[key]))))
    return TimelineEntry(
        at=event.created_at,
        action=event.action,
        label=LABELS.get(event.action, event.action),
        actor=_actor(event),
        text=str(data.get("text", "")),
        status=status,
        status_key=str(data.get("status", "")),
        details=details,
    )


def case_timeline(*, record: Model, store_id: int) -> list[TimelineEntry]:
    """Every audit event of ``record`` in its store, oldest first."""
    events = (
        AuditEvent.objects.filter(
            store_id=store_id, target_type=record._meta.label_lower, target_id=str(record.pk)
        )
        .select_related("actor")
        .order_by("created_at", "id")
    )
    return [_entry(event) for event in events]
