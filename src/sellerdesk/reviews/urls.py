"""Review pages beyond the list and detail (``reviews_list``, ``reviews_detail``), under
``/s/<store_id>/``; included by ``web.urls``."""

from __future__ import annotations

from django.urls import URLPattern, path

from sellerdesk.reviews import views

store_patterns: list[URLPattern] = [
    path("reviews/complaints/", views.ReviewComplaints.as_view(), name="review_complaints"),
    path("reviews/export.csv", views.ReviewExport.as_view(), name="reviews_export"),
    path("reviews/<int:pk>/check/", views.ReviewCheck.as_view(), name="reviews_check"),
    path("reviews/<int:pk>/respond/", views.ReviewRespond.as_view(), name="reviews_respond"),
    path("reviews/<int:pk>/no-action/", views.ReviewNoAction.as_view(), name="reviews_no_action"),
]
