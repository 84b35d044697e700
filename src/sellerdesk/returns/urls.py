"""Return pages beyond the list and detail (``returns_list``, ``returns_detail``),
under ``/s/<store_id>/``; included by ``web.urls``."""

from __future__ import annotations

from django.urls import URLPattern, path

from sellerdesk.returns import views

store_patterns: list[URLPattern] = [
    path("returns/analytics/", views.ReturnAnalytics.as_view(), name="returns_analytics"),
    path("returns/export.csv", views.ReturnExport.as_view(), name="returns_export"),
    path("returns/<int:pk>/status/", views.ReturnStatusChange.as_view(), name="returns_status"),
    path("returns/<int:pk>/contact/", views.ReturnContact.as_view(), name="returns_contact"),
]
