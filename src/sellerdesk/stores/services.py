"""Writes for stores, members and users."""

from __future__ import annotations

import secrets
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.marketplaces import get_marketplace
from sellerdesk.stores.models import Membership, Role, Store, validate_timezone
from sellerdesk.stores.selectors import user_is_owner


def store_create(
    *, name: str, marketplace: str, timezone: str = "", actor: User | None = None
) -> Store:
    """Create a store; its time zone and currency default from the marketplace.

    The built-in reply templates are copied into the new store by a background
    task once the transaction commits.
    """
    name = name.strip()
    if not name:
        raise ValidationError("store name must not be empty")
    try:
        market = get_marketplace(marketplace)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    if timezone:
        validate_timezone(timezone)
    if Store.objects.filter(name=name).exists():
        raise ValidationError(f"a store named {name!r} exists already")
    with transaction.atomic():
        store = Store.objects.create(
            name=name,
            marketplace=market.code,
            timezone=timezone or market.timezone,
            currency=market.currency,
        )
        audit_record(action="store.created", actor=actor, store=store, target=store)
        from sellerdesk.messaging.tasks import templates_install

        transaction.on_commit(partial(templates_install.enqueue, store_id=store.pk))
    return store


def user_create(*, email: str, password: str | None = None) -> tuple[User, str | None]:
    """Create a user. Returns the user and the generated password, if one was made."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(f"not an email address: {email!r}") from None
    generated = None
    if not password:
        generated = password = secrets.token_urlsafe(12)
    user = User.objects.create_user(email=email, password=password)
    return user, generated


def membership_set(*, user: User, store: Store, role: str, actor: User | None = None) -> Membership:
    if role not in Role.values:
        raise ValidationError(f"unknown role {role!r} (one of: {', '.join(Role.values)})")
    with transaction.atomic():
        membership, _ = Membership.objects.update_or_create(
            user=user, store=store, defaults={"role": role}
        )
        audit_record(
            action="membership.set",
            actor=actor,
            store=store,
            target=membership,
            data={"user": user.email, "role": role},
        )
    return membership


# What an owner may change on the store settings page; the marketplace is fixed
# because records, reports and currency are tied to it.
STORE_SETTINGS_FIELDS = (
    "timezone",
    "response_hours",
    "response_skip_sundays",
    "response_holiday_country",
    "response_due_soon_hours",
    "response_seasonal",
)


def store_settings_update(*, store: Store, actor: User, changes: dict[str, object]) -> Store:
    """Change the store's name and settings; only an owner may.

    1. Refuse a non-owner (PermissionDenied) and any field not in the whitelist.
    2. Validate the model (name unique, a known time zone).
    3. Save the fields that differ and record ``store.settings_changed`` with the
       old and new values; no difference, no write and no event.
    4. A changed response policy or time zone moves the deadlines of every
       conversation still waiting for a reply; a changed time zone or holiday
       country moves the refund deadlines (business days) of open returns.
    """
    if not user_is_owner(user=actor, store=store):
        raise PermissionDenied("only an owner may change store settings")
    unknown = set(changes) - {"name", *STORE_SETTINGS_FIELDS}
    if unknown:
        raise ValueError(f"not a store setting: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        current = Store.objects.select_for_update().get(pk=store.pk)
        diff = {
            name: [getattr(current, name), value]
            for name, value in changes.items()
            if getattr(current, name) != value
        }
        if not diff:
            return current
        for name, (_, value) in diff.items():
            setattr(current, name, value)
        current.full_clean()
        current.save(update_fields=list(diff))
        audit_record(
            action="store.settings_changed",
            actor=actor,
            store=current,
            target=current,
            data={"changes": diff},
        )
        if any(name == "timezone" or name.startswith("response_") for name in diff):
            from sellerdesk.messaging.intake import clocks_recompute

            clocks_recompute(store=current)
        if {"timezone", "response_holiday_country"} & set(diff):
            from sellerdesk.returns.services import returns_deadlines_recompute

            returns_deadlines_recompute(store=current)
    return current
