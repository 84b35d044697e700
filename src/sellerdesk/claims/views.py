"""A-to-z claim pages: the list (ODR, deadlines, CSV), the claim worked as a case,
and its evidence pack. The machinery is ``cases.views``; this is configuration."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sellerdesk.cases.deadlines import DEADLINE_CHOICES
from sellerdesk.cases.export import CLAIM_COLUMNS
from sellerdesk.cases.forms import ClaimActionForm
from sellerdesk.cases.views import (
    CaseActionView,
    CaseDetailView,
    CaseEvidenceView,
    CaseExportView,
    CaseListView,
)
from sellerdesk.claims.models import Claim, ClaimReason, ClaimStatus, FundedBy
from sellerdesk.claims.odr import ODR_CHOICES, claims_in_odr
from sellerdesk.claims.selectors import (
    claim_as_dict,
    claims_by_deadline,
    claims_for_store,
    claims_worklist,
)
from sellerdesk.claims.services import claim_action
from sellerdesk.web.lists import Column, Filter, ListContext, ListSpec


def _odr(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return claims_in_odr(queryset, value)


def _deadline(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return claims_by_deadline(queryset, value, ctx.now)


CLAIM_LIST = ListSpec(
    noun="claims",
    columns=(
        Column("Order"),
        Column("Filed", sort="filed"),
        Column("Reason"),
        Column("Status"),
        Column("Funded by"),
        Column("Amount", sort="amount", css="num"),
        Column("ODR"),
        Column("Next deadline", sort="due"),
    ),
    sorts={"filed": ("filed_at",), "amount": ("amount",), "due": ("deadline_at",)},
    default_sort="-filed",
    filters=(
        Filter("status", "Status", choices=ClaimStatus.choices),
        Filter("reason", "Reason", choices=ClaimReason.choices),
        Filter("funded_by", "Funded by", choices=FundedBy.choices),
        Filter("odr", "Counts in ODR", choices=ODR_CHOICES, apply=_odr),
        Filter("deadline", "Deadline", choices=DEADLINE_CHOICES, apply=_deadline),
    ),
    search_fields=("amazon_order_id", "reason_text", "notes"),
    search_hint="Order id or notes",
)


class ClaimQueryset:
    store: Any

    def get_queryset(self) -> QuerySet[Claim]:
        return claims_worklist(queryset=claims_for_store(store=self.store))


class ClaimList(ClaimQueryset, CaseListView):
    stream = "claims"
    title = "A-to-z claims"
    spec = CLAIM_LIST
    row_template = "claims/_row.html"


class ClaimExport(ClaimQueryset, CaseExportView):
    stream = "claims"
    spec = CLAIM_LIST
    columns = CLAIM_COLUMNS
    as_dict = claim_as_dict


class ClaimDetail(ClaimQueryset, CaseDetailView):
    stream = "claims"
    title = "A-to-z claim"
    template_name = "claims/claim_detail.html"
    kind = "claim"
    draft_action = "respond"
    action_form_class = ClaimActionForm


class ClaimAction(CaseActionView, ClaimDetail):
    """The detail page's forms post here; a refused action answers with the page."""

    perform = claim_action
    done = {
        "respond": "Response recorded.",
        "provide_information": "Information recorded.",
        "appeal": "Appeal recorded.",
        "record_decision": "Decision recorded.",
        "note": "Note added.",
    }


class ClaimEvidence(ClaimQueryset, CaseEvidenceView):
    stream = "claims"
    title = "Evidence pack"
    fmt = "html"


class ClaimEvidencePdf(ClaimEvidence):
    fmt = "pdf"


class ClaimEvidenceZip(ClaimEvidence):
    fmt = "zip"
