"""Claims and chargebacks worked as cases: timelines, actions, CSV exports.

* ``GET /claims/{id}/timeline``: who did what and when, oldest first.
* ``POST /claims/{id}/actions``: ``{"action", "text", "status", "funded_by"}``;
  200 with the claim. Another store's claim is a 404 and a viewer a 403, both
  before the body is read (``api.writes``); a text that breaks Amazon's
  guidelines is a 422 with the findings; an action the claim's status does not
  allow (appealing a denied claim, …) is a 409 with the reason.
* ``GET /claims.csv``: the list's filters plus ``odr`` and ``deadline``, as CSV.

The same for chargebacks, whose actions take ``amount`` instead of ``funded_by``.
"""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from functools import partial
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict

from sellerdesk.api.cases import (
    ChargebackOrdering,
    ClaimOrdering,
    chargebacks_matching,
    claims_matching,
)
from sellerdesk.api.schemas import ChargebackOut, ClaimOut, ComplianceErrorOut
from sellerdesk.api.scoping import ordered, visible, visible_or_404
from sellerdesk.api.writes import body_docs, parsed_body, writer
from sellerdesk.cases.export import CHARGEBACK_COLUMNS, CLAIM_COLUMNS, csv_response
from sellerdesk.cases.texts import TextRejected
from sellerdesk.chargebacks.models import Chargeback, ChargebackKind, ChargebackStatus
from sellerdesk.chargebacks.odr import chargebacks_in_odr
from sellerdesk.chargebacks.selectors import (
    chargeback_as_dict,
    chargeback_timeline,
    chargebacks_by_deadline,
)
from sellerdesk.chargebacks.services import chargeback_action
from sellerdesk.claims.models import Claim, ClaimReason, ClaimStatus
from sellerdesk.claims.odr import claims_in_odr
from sellerdesk.claims.selectors import claim_as_dict, claim_timeline, claims_by_deadline
from sellerdesk.claims.services import claim_action

router = Router()

MAX_TEXT = 20_000
OdrAnswer = Literal["counts", "pending", "not_counted"]
DeadlineState = Literal["overdue", "due_soon"]


class TimelineEntryOut(Schema):
    at: datetime
    action: str  # the audit action, e.g. "claim.responded"
    label: str
    actor: str  # the user's email, "Amazon notice", "Import" or "System"
    text: str
    status: str  # the status after the event
    details: dict[str, str]


class ClaimActionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    action: Literal["respond", "provide_information", "appeal", "record_decision", "note"]
    text: str = Field("", max_length=MAX_TEXT)
    # record_decision only:
    status: Literal["granted", "denied", "withdrawn", "refunded_by_seller", "cancelled"] | None = (
        None
    )
    funded_by: Literal["seller", "amazon", "amazon_buy_shipping"] | None = None


class ChargebackActionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    action: Literal["represent", "refund", "record_decision", "note"]
    text: str = Field("", max_length=MAX_TEXT)
    status: Literal["decided_for_seller", "decided_for_buyer"] | None = None  # record_decision
    amount: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)


def _acted(action: Callable[[], Claim | Chargeback]) -> Status[Any]:
    """Run a case action: 200 with the case; a text that breaks Amazon's guidelines is a
    422 with the findings, a refusal by role a 403, an action the status does not allow a
    409 with the reason."""
    try:
        case = action()
    except TextRejected as exc:
        return Status(
            422,
            {
                "detail": "the text breaks Amazon's communication guidelines",
                "findings": [f.as_dict() for f in exc.findings],
            },
        )
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    except ValidationError as exc:
        raise HttpError(409, exc.messages[0]) from None
    return Status(200, case)


# --- claims ------------------------------------------------------------------------


@router.get("/claims.csv", tags=["claims"])
def claims_csv(
    request: HttpRequest,
    store: int | None = None,
    status: ClaimStatus | None = None,
    reason: ClaimReason | None = None,
    amazon_order_id: str | None = None,
    odr: OdrAnswer | None = None,
    deadline: DeadlineState | None = None,
    ordering: ClaimOrdering = "-filed_at",
) -> HttpResponse:
    """The claims as CSV, one row each (the fields of ``sellerdesk claims --json``)."""
    claims = visible(request, Claim.objects.select_related("store"), store=store)
    claims = claims_matching(claims, status, reason, amazon_order_id)
    if odr:
        claims = claims_in_odr(claims, odr)
    if deadline:
        claims = claims_by_deadline(claims, deadline, timezone.now())
    rows = (claim_as_dict(c) for c in ordered(claims, ordering))
    return csv_response(rows=rows, columns=("store_id", *CLAIM_COLUMNS), filename="claims.csv")


@router.get("/claims/{id}/timeline", response=list[TimelineEntryOut], tags=["claims"])
def claim_timeline_list(request: HttpRequest, id: int) -> list[dict[str, Any]]:
    claim = visible_or_404(request, Claim.objects.all(), pk=id)
    return [entry.as_dict() for entry in claim_timeline(claim=claim)]


@router.post(
    "/claims/{id}/actions",
    response={200: ClaimOut, 422: ComplianceErrorOut},
    openapi_extra=body_docs(ClaimActionIn),
    tags=["claims"],
)
def claim_action_create(request: HttpRequest, id: int) -> Status[Any]:
    claim = visible_or_404(request, Claim.objects.select_related("store"), pk=id)
    actor = writer(request, claim.store, "viewers cannot work claims")
    payload = parsed_body(request, ClaimActionIn)
    return _acted(
        partial(
            claim_action,
            claim=claim,
            actor=actor,
            action=payload.action,
            text=payload.text,
            status=payload.status or "",
            funded_by=payload.funded_by or "",
        )
    )


# --- chargebacks -------------------------------------------------------------------


@router.get("/chargebacks.csv", tags=["chargebacks"])
def chargebacks_csv(
    request: HttpRequest,
    store: int | None = None,
    status: ChargebackStatus | None = None,
    kind: ChargebackKind | None = None,
    amazon_order_id: str | None = None,
    odr: OdrAnswer | None = None,
    deadline: DeadlineState | None = None,
    ordering: ChargebackOrdering = "-received_at",
) -> HttpResponse:
    """The chargebacks as CSV (the fields of ``sellerdesk chargebacks --json``)."""
    chargebacks = visible(request, Chargeback.objects.select_related("store"), store=store)
    chargebacks = chargebacks_matching(chargebacks, status, kind, amazon_order_id)
    if odr:
        chargebacks = chargebacks_in_odr(chargebacks, odr)
    if deadline:
        chargebacks = chargebacks_by_deadline(chargebacks, deadline, timezone.now())
    rows = (chargeback_as_dict(c) for c in ordered(chargebacks, ordering))
    return csv_response(
        rows=rows, columns=("store_id", *CHARGEBACK_COLUMNS), filename="chargebacks.csv"
    )


@router.get("/chargebacks/{id}/timeline", response=list[TimelineEntryOut], tags=["chargebacks"])
def chargeback_timeline_list(request: HttpRequest, id: int) -> list[dict[str, Any]]:
    chargeback = visible_or_404(request, Chargeback.objects.all(), pk=id)
    return [entry.as_dict() for entry in chargeback_timeline(chargeback=chargeback)]


@router.post(
    "/chargebacks/{id}/actions",
    response={200: ChargebackOut, 422: ComplianceErrorOut},
    openapi_extra=body_docs(ChargebackActionIn),
    tags=["chargebacks"],
)
def chargeback_action_create(request: HttpRequest, id: int) -> Status[Any]:
    chargeback = visible_or_404(request, Chargeback.objects.select_related("store"), pk=id)
    actor = writer(request, chargeback.store, "viewers cannot work chargebacks")
    payload = parsed_body(request, ChargebackActionIn)
    return _acted(
        partial(
            chargeback_action,
            chargeback=chargeback,
            actor=actor,
            action=payload.action,
            text=payload.text,
            status=payload.status or "",
            amount=payload.amount,
        )
    )
