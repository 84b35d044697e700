"""Template helpers for claims and chargebacks: the ODR answer and the next deadline.

``{% load cases %}``; every value passed in is escaped by ``format_html``.
"""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.chargebacks.odr import chargeback_counts_in_odr
from sellerdesk.chargebacks.selectors import chargeback_next_deadline
from sellerdesk.claims.models import Claim
from sellerdesk.claims.odr import claim_counts_in_odr, odr_key
from sellerdesk.claims.selectors import claim_next_deadline
from sellerdesk.stores.models import Store
from sellerdesk.web.templatetags.desk import due_badge

register = template.Library()

ODR_TEXT = {"counts": "Counts", "pending": "Pending", "not_counted": "Does not count"}


def odr_of(case: Claim | Chargeback) -> tuple[bool | None, str]:
    if isinstance(case, Claim):
        return claim_counts_in_odr(case)
    return chargeback_counts_in_odr(case)


@register.simple_tag
def odr_badge(case: Claim | Chargeback, with_reason: bool = False) -> SafeString:
    """``Counts`` (red), ``Pending`` (amber) or ``Does not count`` (green), the
    reason as its tooltip, or written out after it with ``with_reason``."""
    counts, reason = odr_of(case)
    key = odr_key(counts)
    if with_reason:
        why = reason.split(": ", 1)[-1]  # the pill says the answer already
        return format_html(
            '<span class="pill odr odr-{}">{}</span> <span class="odr-reason">{}</span>',
            key,
            ODR_TEXT[key],
            why[:1].upper() + why[1:],
        )
    return format_html(
        '<span class="pill odr odr-{}" title="{}">{}</span>', key, reason, ODR_TEXT[key]
    )


@register.simple_tag
def case_deadline(case: Claim | Chargeback, store: Store, now: datetime) -> SafeString:
    """The next deadline as a countdown badge with its label, or a dash."""
    if isinstance(case, Claim):
        deadline = claim_next_deadline(case)
    else:
        deadline = chargeback_next_deadline(case)
    if deadline is None:
        return format_html('<span class="muted">{}</span>', "—")
    return format_html(
        '<span class="deadline-kind">{}</span> {}',
        deadline.label,
        due_badge(deadline.due_at, store, now, deadline.soon_hours),
    )
