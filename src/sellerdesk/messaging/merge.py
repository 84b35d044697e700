"""Filling a reply template's merge fields.

Templates use Django template syntax. Replies are plain-text email, so nothing
is HTML-escaped: a buyer called O'Brien stays O'Brien, not O&#x27;Brien.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.template import Context, Engine

MERGE_FIELDS: tuple[str, ...] = (
    "buyer_name",
    "order_id",
    "product",
    "asin",
    "tracking_number",
    "carrier",
    "delivery_date",
    "return_window_end",
    "seller_name",
)

_ENGINE = Engine(autoescape=False)


def merge_render(*, body: str, context: Mapping[str, object]) -> str:
    """``body`` with its merge fields filled from ``context`` (missing fields render empty)."""
    return _ENGINE.from_string(body).render(Context(dict(context), autoescape=False))
