"""The REST API, /api/v1 (django-ninja). OpenAPI docs at /api/v1/docs."""

from __future__ import annotations

from ninja import NinjaAPI

api = NinjaAPI(
    title="sellerdesk API",
    version="1",
    urls_namespace="api",
)
