"""Chargeback pages: the list (ODR, deadlines, CSV), the chargeback worked as a
case, and its evidence pack. The machinery is ``cases.views``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sellerdesk.cases.deadlines import DEADLINE_CHOICES
from sellerdesk.cases.export import CHARGEBACK_COLUMNS
from sellerdesk.cases.forms import ChargebackActionForm
from sellerdesk.cases.views import (
    CaseActionView,
    CaseDetailView,
    CaseEvidenceView,
    CaseExportView,
    CaseListView,
)
from sellerdesk.chargebacks.models import Chargeback, ChargebackKind, ChargebackStatus
from sellerdesk.chargebacks.odr import ODR_CHOICES, chargebacks_in_odr
from sellerdesk.chargebacks.selectors import (
    chargeback_as_dict,
    chargebacks_by_deadline,
    chargebacks_for_store,
    chargebacks_worklist,
)
from sellerdesk.chargebacks.services import chargeback_action
from sellerdesk.web.lists import Column, Filter, ListContext, ListSpec


def _odr(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return chargebacks_in_odr(queryset, value)


def _deadline(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return chargebacks_by_deadline(queryset, value, ctx.now)


CHARGEBACK_LIST = ListSpec(
    noun="chargebacks",
    columns=(
        Column("Order"),
        Column("Received", sort="received"),
        Column("Kind"),
        Column("Status"),
        Column("Amount", sort="amount", css="num"),
        Column("ODR"),
        Column("Respond by", sort="due"),
    ),
    sorts={"received": ("received_at",), "amount": ("amount",), "due": ("due_at",)},
    default_sort="-received",
    filters=(
        Filter("status", "Status", choices=ChargebackStatus.choices),
        Filter("kind", "Kind", choices=ChargebackKind.choices),
        Filter("odr", "Counts in ODR", choices=ODR_CHOICES, apply=_odr),
        Filter("deadline", "Deadline", choices=DEADLINE_CHOICES, apply=_deadline),
    ),
    search_fields=("amazon_order_id", "notes"),
    search_hint="Order id or notes",
)


class ChargebackQueryset:
    store: Any

    def get_queryset(self) -> QuerySet[Chargeback]:
        return chargebacks_worklist(queryset=chargebacks_for_store(store=self.store))


class ChargebackList(ChargebackQueryset, CaseListView):
    stream = "chargebacks"
    title = "Chargebacks"
    spec = CHARGEBACK_LIST
    row_template = "chargebacks/_row.html"


class ChargebackExport(ChargebackQueryset, CaseExportView):
    stream = "chargebacks"
    spec = CHARGEBACK_LIST
    columns = CHARGEBACK_COLUMNS
    as_dict = chargeback_as_dict


class ChargebackDetail(ChargebackQueryset, CaseDetailView):
    stream = "chargebacks"
    title = "Chargeback"
    template_name = "chargebacks/chargeback_detail.html"
    kind = "chargeback"
    draft_action = "represent"
    action_form_class = ChargebackActionForm


class ChargebackAction(CaseActionView, ChargebackDetail):
    """The detail page's forms post here; a refused action answers with the page."""

    perform = chargeback_action
    done = {
        "represent": "Representation recorded.",
        "refund": "Refund recorded.",
        "record_decision": "Decision recorded.",
        "note": "Note added.",
    }


class ChargebackEvidence(ChargebackQueryset, CaseEvidenceView):
    stream = "chargebacks"
    title = "Evidence pack"
    fmt = "html"


class ChargebackEvidencePdf(ChargebackEvidence):
    fmt = "pdf"


class ChargebackEvidenceZip(ChargebackEvidence):
    fmt = "zip"
