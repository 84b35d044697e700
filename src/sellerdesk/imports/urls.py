"""The import page, under the store like every store page (``/s/<store_id>/…``)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

from sellerdesk.imports.views import Imports

store_patterns: list[URLPattern | URLResolver] = [
    path("imports/", Imports.as_view(), name="imports"),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("s/<int:store_id>/", include(store_patterns)),
]
