"""The notification pages, under the user's profile (included by ``web/urls.py``)."""

from __future__ import annotations

from django.urls import URLPattern, path

from sellerdesk.notifications import views

patterns: list[URLPattern] = [
    path("profile/notifications/", views.preferences, name="notifications"),
    path("profile/notifications/log/", views.log, name="notifications_log"),
    path("profile/notifications/rules/", views.rules_save, name="notifications_rules"),
    path("profile/notifications/channels/", views.channel_add, name="notifications_channel_add"),
    path(
        "profile/notifications/channels/<int:pk>/",
        views.channel_edit,
        name="notifications_channel_edit",
    ),
    path(
        "profile/notifications/channels/<int:pk>/delete/",
        views.channel_remove,
        name="notifications_channel_delete",
    ),
    path(
        "profile/notifications/channels/<int:pk>/test/",
        views.channel_send_test,
        name="notifications_channel_test",
    ),
    path(
        "profile/notifications/channels/<int:pk>/recommend/",
        views.channel_recommend,
        name="notifications_channel_recommend",
    ),
]
