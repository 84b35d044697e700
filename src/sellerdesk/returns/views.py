"""Customer return pages: the list (with its CSV export), a return, its status
form, "Contact buyer", and return analytics."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from sellerdesk.common.money import more_than_cents
from sellerdesk.compliance import CheckContext, Finding, check, has_errors
from sellerdesk.messaging.outbox import ComplianceError, reply_check
from sellerdesk.messaging.views import Composer
from sellerdesk.orders.models import FulfillmentChannel
from sellerdesk.orders.selectors import order_for_record
from sellerdesk.returns import stats
from sellerdesk.returns.chart import rate_chart
from sellerdesk.returns.deadlines import DUE_SOON_HOURS, ReturnPolicy, deadline_facts
from sellerdesk.returns.export import returns_csv
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.returns.reasons import reason_for
from sellerdesk.returns.selectors import (
    ContactDraft,
    return_contact_draft,
    return_rate_series,
    return_reason_codes,
    return_resolutions,
    return_stats_for_store,
    returns_for_export,
    returns_for_store,
    returns_in_deadline_state,
    returns_with_fault,
    store_today,
)
from sellerdesk.returns.services import (
    STATUS_RANK,
    return_buyer_message_queue,
    return_status_set,
)
from sellerdesk.stores.models import Role
from sellerdesk.web.findings import shown_findings
from sellerdesk.web.generic import StoreDetailView, StoreListView, StoreView
from sellerdesk.web.lists import (
    SEARCH_PARAM,
    Choices,
    Column,
    Filter,
    ListContext,
    ListSpec,
    search_apply,
)
from sellerdesk.web.permissions import role_allows

UNPROCESSABLE = 422
FAULT_CHOICES = (("seller", "Seller"), ("buyer", "Buyer"), ("unknown", "Unknown"))
DEADLINE_CHOICES = (
    ("overdue", "Overdue"),
    ("due_soon", "Due soon"),
    ("on_time", "On time"),
    ("none", "No deadline"),
)
IN_POLICY_CHOICES = (("yes", "In policy"), ("no", "Out of policy"), ("unknown", "Unknown"))


def _reason_codes(ctx: ListContext) -> Choices:
    return [(code, code) for code in return_reason_codes(store=ctx.store)]


def _resolutions(ctx: ListContext) -> Choices:
    return [(value, value) for value in return_resolutions(store=ctx.store)]


def _fault(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return returns_with_fault(queryset=queryset, fault=value)


def _deadline(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    return returns_in_deadline_state(queryset=queryset, state=value, now=ctx.now)


def _in_policy(queryset: QuerySet[Any], value: str, ctx: ListContext) -> QuerySet[Any]:
    if value == "unknown":
        return queryset.filter(in_policy__isnull=True)
    return queryset.filter(in_policy=value == "yes")


RETURN_LIST = ListSpec(
    noun="returns",
    columns=(
        Column("Order"),
        Column("Item", sort="sku"),
        Column("Reason · fault"),
        Column("Status"),
        Column("Resolution"),
        Column("Deadline", sort="due"),
        Column("Requested", sort="requested"),
        Column("Qty", css="num"),
    ),
    sorts={"requested": ("requested_at",), "sku": ("sku",), "due": ("due_at",)},
    default_sort="-requested",
    filters=(
        Filter("status", "Status", choices=ReturnStatus.choices),
        Filter("deadline", "Deadline", choices=DEADLINE_CHOICES, apply=_deadline),
        Filter("fault", "Fault", choices=FAULT_CHOICES, apply=_fault),
        Filter("in_policy", "In policy", choices=IN_POLICY_CHOICES, apply=_in_policy),
        Filter("reason", "Reason code", lookup="reason_code", choices=_reason_codes),
        Filter("resolution", "Resolution", choices=_resolutions),
        Filter(
            "channel", "Channel", lookup="fulfillment_channel", choices=FulfillmentChannel.choices
        ),
    ),
    search_fields=("amazon_order_id", "sku", "asin", "title", "rma_id", "buyer_comment"),
    search_hint="Order id, SKU, ASIN, RMA or comment",
)


class ReturnList(StoreListView):
    stream = "returns"
    title = "Returns"
    spec = RETURN_LIST
    row_template = "returns/_row.html"
    template_name = "returns/return_list.html"
    results_template = "returns/_list_results.html"

    def get_queryset(self) -> QuerySet[Return]:
        return returns_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["due_soon_hours"] = DUE_SOON_HOURS
        return context


def filtered_returns(*, store_view: StoreView, params: QueryDict) -> QuerySet[Return]:
    """The store's returns narrowed by the list page's filters and search (no paging),
    the same way ``web.lists.list_page`` narrows them."""
    ctx = ListContext(store=store_view.store, user=store_view.user, now=timezone.now())
    queryset = returns_for_store(store=store_view.store)
    for flt in RETURN_LIST.filters:
        value = params.get(flt.name, "")
        if value and value in {v for v, _ in flt.options(ctx)}:
            queryset = flt.filter(queryset, value, ctx)
    q = " ".join(params.get(SEARCH_PARAM, "")[:200].split())
    if q:
        queryset = search_apply(queryset, RETURN_LIST.search_fields, q)
    return queryset


class ReturnExport(StoreView):
    """``returns/export.csv``: the list's returns (same filters and search) as CSV."""

    stream = "returns"
    http_method_names = ["get", "head"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        queryset = returns_for_export(
            queryset=filtered_returns(store_view=self, params=request.GET)
        )
        response = HttpResponse(
            returns_csv(queryset.iterator(chunk_size=500), now=timezone.now()),
            content_type="text/csv; charset=utf-8",
        )
        stamp = store_today(store=self.store, now=timezone.now()).isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="returns-store{self.store.pk}-{stamp}.csv"'
        )
        return response


# --- one return ----------------------------------------------------------------------


def next_statuses(record: Return) -> list[tuple[str, str]]:
    """The statuses a return may move to from where it is (forward only)."""
    rank = STATUS_RANK.get(record.status, 0)
    return [
        (value, label)
        for value, label in ReturnStatus.choices
        if value != record.status
        and STATUS_RANK[value] >= rank
        and not (record.status == ReturnStatus.REFUNDED and value == ReturnStatus.REJECTED)
    ]


class ReturnDetail(StoreDetailView):
    stream = "returns"
    title = "Return"
    template_name = "returns/return_detail.html"
    object: Return

    def get_queryset(self) -> QuerySet[Return]:
        return returns_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        record = self.object
        context["order"] = order_for_record(
            store=self.store,
            order_id=record.order_id,
            amazon_order_id=record.amazon_order_id,
        )
        context["reason"] = reason_for(record.reason_code)
        policy = ReturnPolicy.from_store(self.store)
        context["policy"] = policy
        context["facts"] = deadline_facts(record, policy, timezone.now())
        context["due_soon_hours"] = DUE_SOON_HOURS
        context["next_statuses"] = next_statuses(record)
        return context


class ReturnRecordView(StoreView):
    """An endpoint of one return of the store (``pk``; another store's is a 404)."""

    stream = "returns"
    record: Return

    def get_record(self) -> Return:
        self.record = get_object_or_404(
            returns_for_store(store=self.store).select_related("store"), pk=int(self.kwargs["pk"])
        )
        return self.record


class ReturnStatusChange(ReturnRecordView):
    """POST ``status`` (and ``resolution``, ``amount``): ``return_status_set``."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        record = self.get_record()
        amount: Decimal | None = None
        raw_amount = request.POST.get("amount", "").strip()
        try:
            if raw_amount:
                amount = Decimal(raw_amount)
                if amount < 0 or more_than_cents(amount):
                    raise InvalidOperation
            return_status_set(
                record=record,
                actor=self.user,
                status=request.POST.get("status", ""),
                resolution=request.POST.get("resolution", ""),
                amount=amount,
            )
        except InvalidOperation:
            messages.error(request, f"Not an amount: {raw_amount!r}.")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages).capitalize() + ".")
        else:
            messages.success(request, f"Return marked {record.get_status_display().lower()}.")
        return redirect("returns_detail", store_id=self.store.pk, pk=record.pk)


# --- contact the buyer ----------------------------------------------------------------


def contact_findings(draft: ContactDraft, record: Return, body: str) -> list[Finding]:
    """The compliance check the send will run: as a reply in a buyer's thread, else
    as a seller-initiated message."""
    if not body.strip():
        return []
    if draft.answers_buyer and draft.conversation is not None:
        return reply_check(conversation=draft.conversation, body=body, subject=draft.subject)
    return check(
        body,
        context=CheckContext(
            kind="proactive", subject=draft.subject, order_id=record.amazon_order_id
        ),
    )


class ReturnContact(ReturnRecordView):
    """``returns/<pk>/contact/``: the composer for a message to the return's buyer.

    GET shows it prefilled from the return-instructions template, addressed to
    the order's conversation (reused) or to a new one that sending opens. POST
    queues the message (``return_buyer_message_queue``) and goes to the
    conversation in the inbox.
    """

    template_name = "returns/return_contact.html"
    title = "Contact buyer"
    http_method_names = ["get", "post"]

    def page(
        self, request: HttpRequest, draft: ContactDraft, composer: Composer, status: int = 200
    ) -> HttpResponse:
        context = self.get_context_data(object=self.record, draft=draft, composer=composer)
        return self.render_to_response(context, status=status)

    def composer(
        self,
        draft: ContactDraft,
        body: str,
        *,
        error: str = "",
        findings: list[Finding] | None = None,
        override_reason: str = "",
    ) -> Composer:
        if findings is None:
            findings = contact_findings(draft, self.record, body)
        return Composer(
            body=body,
            template_id=draft.template.pk if draft.template else None,
            override_reason=override_reason,
            error=error,
            findings=shown_findings(body, findings),
            errors=has_errors(findings),
            is_owner=role_allows(user=self.user, store=self.store, role=Role.OWNER),
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        record = self.get_record()
        draft = return_contact_draft(record=record)
        return self.page(request, draft, self.composer(draft, draft.body))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        record = self.get_record()
        draft = return_contact_draft(record=record)
        body = request.POST.get("body", "")
        overriding = bool(request.POST.get("override"))
        reason = request.POST.get("override_reason", "") if overriding else ""
        try:
            reply = return_buyer_message_queue(
                record=record,
                author=self.user,
                body=body,
                template=draft.template,
                override_reason=reason,
            )
        except ComplianceError as exc:
            why = (
                "Give a reason to send despite the errors."
                if overriding
                else "The message breaks Amazon's communication guidelines: fix the errors below."
            )
            composer = self.composer(
                draft, body, error=why, findings=exc.findings, override_reason=reason
            )
            return self.page(request, draft, composer, status=UNPROCESSABLE)
        except PermissionDenied:
            raise
        except ValidationError as exc:
            composer = self.composer(draft, body, error=" ".join(exc.messages).capitalize() + ".")
            return self.page(request, draft, composer, status=UNPROCESSABLE)
        messages.success(request, f"Message queued for {reply.to_address}.")
        return redirect("inbox_detail", store_id=self.store.pk, pk=reply.conversation_id)


# --- analytics -------------------------------------------------------------------------

# Sort keys of the analytics table: (label, attribute of stats.Figures, css).
ANALYTICS_COLUMNS: dict[str, tuple[str, str, str]] = {
    "key": ("SKU", "key", ""),
    "shipped_30": ("Shipped 30 d", "shipped_30", "num"),
    "rate_30": ("Rate 30 d", "rate_30", "num"),
    "shipped_90": ("Shipped 90 d", "shipped_90", "num"),
    "returned_90": ("Returned 90 d", "returned_90", "num"),
    "rate_90": ("Rate 90 d", "rate_90", "num"),
    "month": ("Amazon month", "month_rate", "num"),
    "seller": ("Seller fault", "seller_fault_share", "num"),
    "baseline": ("Baseline", "baseline_rate", "num"),
    "p": ("p", "p_value", "num"),
    "q": ("q", "q_value", "num"),
}
DEFAULT_ANALYTICS_SORT = "q"


def _sort_value(row: stats.Figures, attribute: str) -> Any:
    if attribute == "month_rate":
        month = row.last_complete_month
        return month.rate if month is not None else None
    return getattr(row, attribute)


def sort_rows(rows: list[stats.Figures], sort: str) -> tuple[list[stats.Figures], str]:
    """Rows in the order ``sort`` asks (``key`` or ``-key``; unknown: the default),
    rows without a value last either way, the key breaking ties."""
    key = sort.removeprefix("-")
    if key not in ANALYTICS_COLUMNS:
        sort, key = DEFAULT_ANALYTICS_SORT, DEFAULT_ANALYTICS_SORT
    attribute = ANALYTICS_COLUMNS[key][1]
    descending = sort.startswith("-")
    present = [r for r in rows if _sort_value(r, attribute) is not None]
    missing = [r for r in rows if _sort_value(r, attribute) is None]
    present.sort(key=lambda r: r.key)
    present.sort(key=lambda r: _sort_value(r, attribute), reverse=descending)
    missing.sort(key=lambda r: r.key)
    return present + missing, sort


def _as_of(raw: str, today: date) -> date:
    try:
        parsed = date.fromisoformat(raw) if raw else today
    except ValueError:
        return today
    return min(parsed, today)


class ReturnAnalytics(StoreView):
    """``returns/analytics/``: rates per SKU (or ASIN) with their flags, the reason
    mix, Amazon's monthly method, and the rate over time as an inline SVG chart.

    Query: ``as_of`` (a date, default today in the store's time zone), ``by``
    (``sku`` or ``asin``), ``sort`` (a column key, ``-`` for descending), ``key``
    (a SKU/ASIN whose line the chart adds to the store's).
    """

    stream = "returns"
    title = "Return analytics"
    template_name = "returns/return_analytics.html"
    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        today = store_today(store=self.store, now=timezone.now())
        as_of = _as_of(params.get("as_of", ""), today)
        group: stats.Group = "asin" if params.get("by") == "asin" else "sku"
        result = return_stats_for_store(store=self.store, as_of=as_of, group=group)
        rows, sort = sort_rows(result.rows, params.get("sort", ""))
        selected = next((r for r in rows if r.key and r.key == params.get("key")), None)

        base = {"as_of": as_of.isoformat() if as_of != today else "", "by": group}
        if group == "sku":
            base["by"] = ""
        headers = []
        for key, (label, _attribute, css) in ANALYTICS_COLUMNS.items():
            active = sort.removeprefix("-") == key
            descending = sort.startswith("-")
            toggled = f"-{key}" if active and not descending else key
            headers.append(
                {
                    "label": ("ASIN" if group == "asin" else "SKU") if key == "key" else label,
                    "css": css,
                    "url": _query(base | {"sort": toggled}),
                    "direction": ("descending" if descending else "ascending") if active else "",
                }
            )

        store_series = return_rate_series(store=self.store, as_of=as_of)
        series: list[tuple[str, list[stats.SeriesPoint]]] = [("Store", store_series)]
        if selected is not None:
            series.append(
                (
                    selected.key,
                    return_rate_series(
                        store=self.store, as_of=as_of, group=group, key=selected.key
                    ),
                )
            )
        context.update(
            result=result,
            rows=rows,
            sort=sort,
            group=group,
            headers=headers,
            as_of=as_of,
            today=today,
            selected=selected,
            series=series,
            chart=rate_chart(series),
            reasons=[
                (code, reason_for(code), units) for code, units in result.store.reasons.items()
            ],
            table=[(r, _query(base | {"sort": sort, "key": r.key})) for r in rows],
        )
        context["flagged"] = [(row, link) for row, link in context["table"] if row.flagged]
        return context


def _query(params: dict[str, str]) -> str:
    qd = QueryDict(mutable=True)
    for key, value in params.items():
        if value:
            qd[key] = value
    encoded = qd.urlencode()
    return f"?{encoded}" if encoded else "?"
