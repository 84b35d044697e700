"""Who is calling: a bearer token, or the signed-in browser session (for the docs page)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_authenticate


class TokenAuth(HttpBearer):
    """``Authorization: Bearer sd_…``; only the token's digest is stored."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return token_authenticate(raw=token) if token else None


class SignedInSession(SessionAuth):
    """ninja's ``django_auth``, asked only when a user is signed in.

    ninja checks CSRF before it looks at the session, so a write that carries a
    wrong token and no session would be told "CSRF check failed" (403) instead
    of 401. Without a signed-in user there is nothing to protect from CSRF.
    """

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


# Tried in order; the first that returns a user wins, none is a 401.
api_auth = [TokenAuth(), SignedInSession()]


def request_user(request: HttpRequest) -> User:
    """The user the API authenticated (ninja puts it on ``request.auth``)."""
    user = getattr(request, "auth", None)
    # The session's user is a lazy proxy; isinstance sees through it.
    if not isinstance(user, User):
        raise AuthenticationError  # only a route declared with auth=None gets here
    return user
