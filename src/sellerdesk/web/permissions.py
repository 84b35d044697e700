"""Who may change what in a store.

Membership decides whether a store exists for a user at all (no membership: 404,
never a 403 that would reveal the store). The role then decides writes:

* ``Role.VIEWER``: any member.
* ``Role.AGENT``: owners and agents (``user_can_write``), the default for writes.
* ``Role.OWNER``: owners only (``user_is_owner``), e.g. store settings.

Reads (GET, HEAD, OPTIONS) are open to every member; other methods need the role.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from sellerdesk.accounts.models import User
from sellerdesk.stores.models import Role, Store
from sellerdesk.stores.selectors import (
    membership_for,
    store_for_user,
    user_can_write,
    user_is_owner,
)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ViewFunc = Callable[..., HttpResponse]


def current_user(request: HttpRequest) -> User:
    """The signed-in user; views behind a login check may rely on it."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied("sign in first")
    return user


def store_or_404(*, user: User, store_id: int) -> Store:
    """The store if ``user`` is a member, else a 404."""
    try:
        return store_for_user(user=user, store_id=store_id)
    except Store.DoesNotExist:
        raise Http404("no such store") from None


def role_allows(*, user: User, store: Store, role: Role | str) -> bool:
    """Whether the user's membership of ``store`` meets ``role`` (see the module doc)."""
    if role == Role.OWNER:
        return user_is_owner(user=user, store=store)
    if role == Role.AGENT:
        return user_can_write(user=user, store=store)
    if role == Role.VIEWER:
        return membership_for(user=user, store=store) is not None
    raise ValueError(f"unknown role {role!r}")


def role_check(*, request: HttpRequest, store: Store, role: Role | str) -> None:
    """Raise PermissionDenied (403) when a state-changing request lacks ``role``."""
    if request.method in SAFE_METHODS:
        return
    if not role_allows(user=current_user(request), store=store, role=role):
        raise PermissionDenied(f"this needs the {Role(role).label.lower()} role in {store.name}")


def require_role(
    role: Role | str, *, methods: Collection[str] | None = None
) -> Callable[[ViewFunc], ViewFunc]:
    """Decorate a store view (URL kwarg ``store_id``): sign-in, membership (404),
    then ``role`` for ``methods`` (by default every method but GET/HEAD/OPTIONS; 403).

    The view receives the store as the keyword argument ``store`` instead of
    ``store_id``.
    """
    Role(role)  # an unknown role is a programming error: fail at import time

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, store_id: int, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            user = current_user(request)
            store = store_or_404(user=user, store_id=store_id)
            needs_check = (
                request.method not in SAFE_METHODS if methods is None else request.method in methods
            )
            if needs_check and not role_allows(user=user, store=store, role=role):
                raise PermissionDenied(
                    f"this needs the {Role(role).label.lower()} role in {store.name}"
                )
            return view(request, *args, store=store, **kwargs)

        return wrapped

    return decorator
