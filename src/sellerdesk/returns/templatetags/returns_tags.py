"""Template helpers of the return pages: reasons and their fault, rates, p-values,
deadline badges. Everything returns escaped text or ``format_html`` output."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from sellerdesk.returns.deadlines import DUE_SOON_HOURS
from sellerdesk.returns.reasons import reason_for
from sellerdesk.stores.models import Store
from sellerdesk.web.templatetags.desk import due_badge

register = template.Library()

FAULT_LABELS = {"seller": "Seller fault", "buyer": "Buyer", "unknown": "Fault unknown"}


@register.filter
def fault(code: str) -> str:
    """``seller``, ``buyer`` or ``unknown`` for a reason code."""
    return reason_for(code or "").fault


@register.filter
def reason_words(code: str) -> str:
    return reason_for(code or "").words


@register.filter
def fault_pill(code: str) -> SafeString:
    value = reason_for(code or "").fault
    return format_html('<span class="pill pill-fault-{}">{}</span>', value, FAULT_LABELS[value])


@register.filter
def percent(value: float | None, digits: int = 1) -> str:
    """``12.5 %``; ``—`` when there is no rate (nothing shipped)."""
    if value is None:
        return "\u2014"
    return f"{value * 100:.{digits}f} %"


@register.filter
def pvalue(value: float | None) -> str:
    """Four decimals, ``< 0.0001`` below that; ``—`` for an untested row."""
    if value is None:
        return "\u2014"
    if value < 0.0001:
        return "< 0.0001"
    return f"{value:.4f}"


@register.simple_tag
def return_due_badge(due_at: datetime | None, store: Store, now: datetime) -> str | SafeString:
    """The deadline badge, due soon a day ahead (``deadlines.DUE_SOON_HOURS``)."""
    return due_badge(due_at, store, now, DUE_SOON_HOURS)
