from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def desk(request: HttpRequest) -> dict[str, Any]:
    """Stores the signed-in user may see, for the store switcher."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_stores": []}
    from sellerdesk.stores.selectors import stores_for_user

    return {"user_stores": list(stores_for_user(user=user))}
