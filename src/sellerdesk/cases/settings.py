"""The store's case deadlines and its ODR choice, kept in ``Store.policy_overrides``.

Only values that differ from the policy default are stored, so a store that sets
a number back to Amazon's default follows Amazon's future changes again.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.chargebacks.odr import DECIDED_FOR_SELLER_COUNTS
from sellerdesk.policy import DEFAULTS, MARKETPLACE_DEFAULTS, policy_value
from sellerdesk.stores.models import Store
from sellerdesk.stores.selectors import user_is_owner


@dataclass(frozen=True, slots=True)
class CaseSetting:
    name: str  # the policy name (``sellerdesk.policy``)
    label: str
    unit: str  # "hours", "days", or "" for the on/off flag
    maximum: int


CASE_SETTINGS: tuple[CaseSetting, ...] = (
    CaseSetting("atoz_response_hours", "A-to-z information request: respond within", "hours", 720),
    CaseSetting("atoz_appeal_days", "A-to-z grant: appeal within", "days", 365),
    CaseSetting("atoz_appeal_response_hours", "Information request during an appeal", "hours", 720),
    CaseSetting("chargeback_response_days", "Chargeback: respond within", "days", 365),
    CaseSetting(
        DECIDED_FOR_SELLER_COUNTS, "A chargeback decided for the seller still counts in ODR", "", 1
    ),
)
CASE_SETTING_NAMES = tuple(s.name for s in CASE_SETTINGS)


def policy_default(store: Store, name: str) -> int:
    """The value without the store's override: the marketplace's, else the global one."""
    return MARKETPLACE_DEFAULTS.get(store.marketplace, {}).get(name, DEFAULTS[name])


def case_settings(*, store: Store) -> dict[str, int]:
    return {name: policy_value(store, name) for name in CASE_SETTING_NAMES}


def case_settings_update(*, store: Store, actor: User, values: dict[str, int]) -> Store:
    """Change the store's case deadlines; only an owner may.

    1. Refuse a non-owner (PermissionDenied), an unknown name or a value out of range.
    2. Write the overrides that differ from the default, drop the others.
    3. Record ``store.case_settings_changed`` with the old and new values.
    4. Move the deadlines of open claims and chargebacks to the new numbers.
    """
    from sellerdesk.chargebacks.services import chargeback_deadlines_recompute
    from sellerdesk.claims.services import claim_deadlines_recompute

    if not user_is_owner(user=actor, store=store):
        raise PermissionDenied("only an owner may change the case deadlines")
    specs = {s.name: s for s in CASE_SETTINGS}
    unknown = set(values) - set(specs)
    if unknown:
        raise ValueError(f"not a case setting: {', '.join(sorted(unknown))}")
    for name, value in values.items():
        low = 1 if specs[name].unit else 0
        if not isinstance(value, int) or not low <= value <= specs[name].maximum:
            raise ValidationError(f"{name}: a whole number from {low} to {specs[name].maximum}")
    with transaction.atomic():
        current = Store.objects.select_for_update().get(pk=store.pk)
        old = case_settings(store=current)
        diff = {name: [old[name], int(v)] for name, v in values.items() if old[name] != int(v)}
        if not diff:
            return current
        overrides = dict(current.policy_overrides or {})
        for name, (_, value) in diff.items():
            if value == policy_default(current, name):
                overrides.pop(name, None)
            else:
                overrides[name] = value
        current.policy_overrides = overrides
        current.save(update_fields=["policy_overrides"])
        audit_record(
            action="store.case_settings_changed",
            actor=actor,
            store=current,
            target=current,
            data={"changes": diff},
        )
        claim_deadlines_recompute(store=current, old=old)
        chargeback_deadlines_recompute(store=current, old=old)
    store.policy_overrides = current.policy_overrides
    return current
