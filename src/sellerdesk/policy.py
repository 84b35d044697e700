"""Amazon's policy numbers, each a setting with a documented default.

Amazon changes these and they differ by marketplace (``amazon-rules.md``): code
never uses a literal, it asks :func:`policy_value`, which takes a store's own
override (``Store.policy_overrides``) before the marketplace default before the
global default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sellerdesk.stores.models import Store

DEFAULTS: dict[str, int] = {
    # A-to-z: answer an information request within 48 hours (older rules: 72).
    "atoz_response_hours": 48,
    # A-to-z: appeal within 30 calendar days of a grant.
    "atoz_appeal_days": 30,
    # A-to-z: an information request during an appeal is due within 72 hours.
    "atoz_appeal_response_hours": 72,
    # Chargebacks: respond within 7 calendar days of the notice email.
    "chargeback_response_days": 7,
    # ODR: whether a service chargeback decided for the seller still counts as a
    # defect. Amazon does not document it: 0 = does not count (default), 1 = counts.
    # A flag, not a number: owners set it on the case deadlines page.
    "chargeback_decided_for_seller_counts": 0,
    # Seller-fulfilled returns: answer a return request within 48 hours.
    "return_response_hours": 48,
    # Refund within 2 business days of receiving the returned item.
    "return_refund_business_days": 2,
    # Amazon's monthly return-rate method: products with fewer units shipped in a
    # month are exempt that month.
    "return_rate_exempt_monthly_units": 25,
    # Negative feedback: removal request within 90 days.
    "feedback_removal_days": 90,
    # Review requests (Solicitations API): from 5 days after the earliest delivery
    # date to 30 days after the latest delivery date.
    "review_request_after_delivery_days": 5,
    "review_request_until_days": 30,
    # Proactive (seller-initiated) messages only within 30 days of order completion.
    "proactive_message_days": 30,
    # Report sync: how far back the first sync of a store reaches.
    "report_first_sync_days": 90,
    # Returns report (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE): at most 60 days a request.
    "returns_report_max_days": 60,
    # Order Defect Rate: orders of 60 days by order date, the window ending 14 days
    # before the day it is computed for (seen in Amazon's own report, not documented).
    # A store override must be positive: a lag of 0 cannot be set (policy_value).
    "odr_window_days": 60,
    "odr_window_lag_days": 14,
    # Targets in basis points (100 = 1 %): ODR < 1 %, Late Shipment Rate < 4 %,
    # Pre-fulfilment Cancel Rate < 2.5 %.
    "odr_target_basis_points": 100,
    "late_shipment_target_basis_points": 400,
    "pre_fulfillment_cancel_target_basis_points": 250,
    # Contact response: Amazon asks for 90 % of buyer messages answered within 24 hours,
    # i.e. a late response rate under 10 % (the health dashboard's target line).
    "late_response_target_basis_points": 1000,
    # Seller's checklist: the day weeks start on (0 = Monday ... 6 = Sunday). A store
    # override must be positive, so a store whose weeks start on Monday keeps the default.
    "week_start_day": 0,
}

# Per-marketplace differences, where Amazon documents one.
MARKETPLACE_DEFAULTS: dict[str, dict[str, int]] = {}


def policy_value(store: Store | None, name: str) -> int:
    if name not in DEFAULTS:
        raise KeyError(f"unknown policy setting {name!r}")
    if store is not None:
        override = (store.policy_overrides or {}).get(name)
        if isinstance(override, int) and override > 0:
            return override
        market = MARKETPLACE_DEFAULTS.get(store.marketplace, {})
        if name in market:
            return market[name]
    return DEFAULTS[name]
