"""Feedback pages beyond the list and detail (``feedback_list``, ``feedback_detail``),
under ``/s/<store_id>/``; included by ``web.urls``."""

from __future__ import annotations

from django.urls import URLPattern, path

from sellerdesk.feedback import action_views, views

store_patterns: list[URLPattern] = [
    path("feedback/export.csv", views.FeedbackExport.as_view(), name="feedback_export"),
    path(
        "feedback/<int:pk>/removal-request/",
        action_views.RemovalRequest.as_view(),
        name="feedback_removal_request",
    ),
    path(
        "feedback/<int:pk>/removal-outcome/",
        action_views.RemovalOutcome.as_view(),
        name="feedback_removal_outcome",
    ),
    path(
        "feedback/<int:pk>/reply/check/",
        action_views.ReplyCheck.as_view(),
        name="feedback_reply_check",
    ),
    path("feedback/<int:pk>/reply/", action_views.ReplyPost.as_view(), name="feedback_reply"),
]
