"""Question pages beyond the queue and detail (``questions_list``, ``questions_detail``),
under ``/s/<store_id>/``; included by ``web.urls``."""

from __future__ import annotations

from django.urls import URLPattern, path

from sellerdesk.questions import views

store_patterns: list[URLPattern] = [
    path("questions/export.csv", views.QuestionExport.as_view(), name="questions_export"),
    path("questions/<int:pk>/check/", views.QuestionCheck.as_view(), name="questions_check"),
    path("questions/<int:pk>/answer/", views.QuestionAnswer.as_view(), name="questions_answer"),
    path("questions/<int:pk>/dismiss/", views.QuestionDismiss.as_view(), name="questions_dismiss"),
]
