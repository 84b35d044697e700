"""The connector's pages, under the store like every store page (``/s/<store_id>/…``)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

from sellerdesk.spapi import views

store_patterns: list[URLPattern | URLResolver] = [
    path(
        "orders/<int:pk>/amazon/",
        views.OrderAmazonDetails.as_view(),
        name="order_amazon_details",
    ),
    path("orders/<int:pk>/message/", views.OrderMessage.as_view(), name="order_message"),
    path("review-requests/", views.ReviewRequests.as_view(), name="review_requests"),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("s/<int:store_id>/", include(store_patterns)),
]
