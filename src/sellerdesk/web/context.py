from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from sellerdesk.web.generic import STREAMS


def desk(request: HttpRequest) -> dict[str, Any]:
    """The nav's streams, and the stores the signed-in user may see (the switcher)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_stores": [], "first_store": None, "desk_streams": STREAMS}
    from sellerdesk.stores.selectors import stores_for_user

    stores = list(stores_for_user(user=user))
    return {
        "user_stores": stores,
        # The nav on pages outside a store (profile) points into this one.
        "first_store": stores[0] if stores else None,
        "desk_streams": STREAMS,
    }
