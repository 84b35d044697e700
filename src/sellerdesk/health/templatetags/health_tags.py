"""Numbers of the health dashboard: rates as percent, differences with a sign."""

from __future__ import annotations

from django import template

from sellerdesk.web.charts import percent

register = template.Library()
MINUS = "\u2212"


@register.filter
def pct(value: float | None) -> str:
    """``1.25 %``; ``—`` when there is nothing to divide by."""
    return "\u2014" if value is None else percent(float(value))


@register.filter
def signed(value: float | int | None, kind: str = "") -> str:
    """A difference: ``+2``, ``-0.35 %`` (``kind="rate"``), ``0``; ``—`` when unknown."""
    if value is None:
        return "\u2014"
    text = percent(abs(float(value))) if kind == "rate" else str(abs(value))
    if not value:
        return text
    return f"{'+' if value > 0 else MINUS}{text}"


@register.filter
def badge(status: str) -> str:
    """The desk's badge class for a figure status (green, amber, red, grey)."""
    return {"good": "badge-on-time", "warn": "badge-due-soon", "bad": "badge-overdue"}.get(
        status, "badge-none"
    )
