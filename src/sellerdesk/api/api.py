"""The REST API, /api/v1 (django-ninja). OpenAPI docs at /api/v1/docs.

Every route needs a user: ``Authorization: Bearer <token>`` (``sellerdesk``
tokens) or a signed-in browser session, so the docs page works from the desk.
Everything is scoped to the caller's stores (``api.scoping``).
"""

from __future__ import annotations

from ninja import NinjaAPI

from sellerdesk.api import (
    case_work,
    cases,
    checklist,
    conversations,
    exports,
    feedback_actions,
    health,
    mail,
    notifications,
    orders,
    questions,
    replies,
    returns,
    reviews,
    stores,
    voice,
)
from sellerdesk.api.auth import api_auth

api = NinjaAPI(
    title="sellerdesk API",
    version="1",
    urls_namespace="api",
    auth=api_auth,
)

api.add_router("", stores.router)
api.add_router("", orders.router)
api.add_router("", conversations.router)
api.add_router("", replies.router)
api.add_router("", mail.router)
# Before cases: its /returns/{id} would otherwise take /returns/stats.
api.add_router("", returns.router)
api.add_router("", cases.router)
api.add_router("", case_work.router)
# Before voice: its /reviews/{id} would otherwise take /reviews/complaints.
api.add_router("", reviews.router)
api.add_router("", questions.router)
api.add_router("", exports.router)
api.add_router("", voice.router)
api.add_router("", feedback_actions.router)
api.add_router("", health.router)
api.add_router("", checklist.router)
api.add_router("", notifications.router)
