"""The connector's pages: an order's live Amazon details (an htmx partial), the
proactive-message page of an order, and the review-request log and settings."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from sellerdesk.orders.models import Order
from sellerdesk.orders.selectors import orders_for_store
from sellerdesk.policy import policy_value
from sellerdesk.spapi.forms import ProactiveMessageForm, ReviewSettingsForm
from sellerdesk.spapi.messages import (
    MessageRefused,
    proactive_message_send,
    proactive_state,
)
from sellerdesk.spapi.reviews import REASONS, review_requests_run, review_settings_update
from sellerdesk.spapi.selectors import (
    connection_for_store,
    order_details_live,
    proactive_messages_for_order,
    review_log_for_store,
    review_settings_for_store,
)
from sellerdesk.stores.models import Role
from sellerdesk.web.generic import StoreDetailView, StoreView
from sellerdesk.web.permissions import role_allows

PREVIEW_ROWS = 100
LOG_ROWS = 200


class OrderAmazonDetails(StoreDetailView):
    """``/s/<store_id>/orders/<pk>/amazon/``: getOrder + getOrderItems, as a partial."""

    stream = "orders"
    template_name = "spapi/_order_amazon.html"
    object: Order

    def get_queryset(self) -> QuerySet[Order]:
        return orders_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["details"] = order_details_live(order=self.object)
        return context


class OrderMessage(StoreDetailView):
    """``/s/<store_id>/orders/<pk>/message/``: send a proactive message (Messaging API)."""

    stream = "orders"
    title = "Message the buyer"
    template_name = "spapi/order_message.html"
    object: Order

    def get_queryset(self) -> QuerySet[Order]:
        return orders_for_store(store=self.store).select_related("store")

    def _order(self) -> Order:
        return cast(Order, self.get_object())  # from get_queryset: an Order

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self._order()
        state = proactive_state(order=self.object)
        allowed = [a.name for a in state.sendable]
        form = ProactiveMessageForm(allowed=allowed, initial={"nonce": uuid.uuid4().hex})
        return self.render_to_response(self.get_context_data(form=form, state=state))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self._order()
        form = ProactiveMessageForm(request.POST)
        refusal = ""
        findings: list[Any] = []
        if form.is_valid():
            try:
                proactive_message_send(
                    order=self.object,
                    action=form.cleaned_data["action"],
                    text=form.cleaned_data["text"],
                    user=self.user,
                    nonce=form.cleaned_data["nonce"],
                )
            except MessageRefused as exc:
                refusal, findings = str(exc), exc.findings
            else:
                messages.success(request, "Sent to the buyer through Amazon.")
                return redirect("order_message", store_id=self.store.pk, pk=self.object.pk)
        state = proactive_state(order=self.object)
        context = self.get_context_data(form=form, state=state, refusal=refusal, findings=findings)
        return self.render_to_response(context, status=422 if refusal or form.errors else 200)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["sent"] = proactive_messages_for_order(order=self.object)[:50]
        return context


class ReviewRequests(StoreView):
    """``/s/<store_id>/review-requests/``: the decision log, a dry-run preview, settings."""

    stream = "orders"
    title = "Review requests"
    template_name = "spapi/review_requests.html"
    write_role = Role.OWNER

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        settings = review_settings_for_store(store=self.store)
        form = ReviewSettingsForm(
            initial={
                "enabled": settings.enabled,
                "excluded_skus": settings.excluded_skus,
                "excluded_asins": settings.excluded_asins,
            }
        )
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ReviewSettingsForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=422)
        review_settings_update(
            store=self.store,
            actor=self.user,
            enabled=form.cleaned_data["enabled"],
            excluded_skus=form.cleaned_data["excluded_skus"],
            excluded_asins=form.cleaned_data["excluded_asins"],
        )
        messages.success(request, "Review request settings saved.")
        return redirect("review_requests", store_id=self.store.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        preview = review_requests_run(
            store=self.store, now=timezone.now(), dry_run=True, check_amazon=False
        )
        log = list(review_log_for_store(store=self.store)[:LOG_ROWS])
        for row in log:
            row.reason_label = REASONS.get(row.reason, row.reason)  # type: ignore[attr-defined]  # a display attribute for the template
        context.update(
            settings=review_settings_for_store(store=self.store),
            connection=connection_for_store(store=self.store),
            is_owner=role_allows(user=self.user, store=self.store, role=Role.OWNER),
            preview=preview.decisions[:PREVIEW_ROWS],
            preview_total=len(preview.decisions),
            preview_counts=preview.counts(),
            log=log,
            after_days=policy_value(self.store, "review_request_after_delivery_days"),
            until_days=policy_value(self.store, "review_request_until_days"),
        )
        return context
