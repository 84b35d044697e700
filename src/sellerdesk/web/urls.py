"""Every page of the desk. Store pages live under ``/s/<store_id>/``; their URL
names are ``<stream>_list`` and ``<stream>_detail`` (kwargs ``store_id``, ``pk``).
The inbox adds its thread pane's endpoints under ``inbox/<pk>/``."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from sellerdesk.cases.urls import case_patterns
from sellerdesk.chargebacks.views import ChargebackDetail, ChargebackList
from sellerdesk.checklist.views import ChecklistDone, ChecklistPage, ChecklistUndo
from sellerdesk.claims.views import ClaimDetail, ClaimList
from sellerdesk.feedback import urls as feedback_urls
from sellerdesk.feedback.views import FeedbackDetail, FeedbackList
from sellerdesk.health.views import HealthView
from sellerdesk.mail import views as mail_views
from sellerdesk.messaging import compose_views
from sellerdesk.messaging.views import AttachmentDownload, InboxDetail, InboxList
from sellerdesk.notifications import urls as notifications_urls
from sellerdesk.orders.views import OrderDetail, OrderList
from sellerdesk.questions import urls as questions_urls
from sellerdesk.questions.views import QuestionDetail, QuestionList
from sellerdesk.returns import urls as returns_urls
from sellerdesk.returns.views import ReturnDetail, ReturnList
from sellerdesk.reviews import urls as reviews_urls
from sellerdesk.reviews.views import ReviewDetail, ReviewList
from sellerdesk.web import views
from sellerdesk.web.exports import export_patterns
from sellerdesk.web.forms import EmailAuthenticationForm
from sellerdesk.web.generic import StoreDetailView, StoreListView

_STREAM_VIEWS: dict[str, tuple[type[StoreListView], type[StoreDetailView]]] = {
    "claims": (ClaimList, ClaimDetail),
    "chargebacks": (ChargebackList, ChargebackDetail),
    "feedback": (FeedbackList, FeedbackDetail),
    "returns": (ReturnList, ReturnDetail),
    "reviews": (ReviewList, ReviewDetail),
    "questions": (QuestionList, QuestionDetail),
    "orders": (OrderList, OrderDetail),
}

store_patterns: list[URLPattern | URLResolver] = [
    path("", views.store_home, name="store_home"),
    path("settings/", views.StoreSettingsView.as_view(), name="store_settings"),
    # The dashboard (account health, trends, today's checklist) and the checklist.
    path("health/", HealthView.as_view(), name="health"),
    path("checklist/", ChecklistPage.as_view(), name="checklist"),
    path("checklist/<int:pk>/done/", ChecklistDone.as_view(), name="checklist_done"),
    path("checklist/<int:pk>/undo/", ChecklistUndo.as_view(), name="checklist_undo"),
    # The inbox: three panes, and the thread pane's endpoints.
    path("inbox/", InboxList.as_view(), name="inbox_list"),
    path("inbox/<int:pk>/", InboxDetail.as_view(), name="inbox_detail"),
    path("inbox/<int:pk>/check/", compose_views.ReplyCheck.as_view(), name="inbox_check"),
    path("inbox/<int:pk>/reply/", compose_views.ReplySend.as_view(), name="inbox_reply"),
    path(
        "inbox/<int:pk>/no-response/",
        compose_views.NoResponseNeeded.as_view(),
        name="inbox_no_response",
    ),
    path("inbox/<int:pk>/assign/", compose_views.Assign.as_view(), name="inbox_assign"),
    path("inbox/<int:pk>/presence/", compose_views.Presence.as_view(), name="inbox_presence"),
    path("attachments/<int:pk>/", AttachmentDownload.as_view(), name="attachment_download"),
    # Reviews (response workflow, top complaints) and questions (answers), CSV exports
    # of every list, orders and the inbox included.
    *reviews_urls.store_patterns,
    *questions_urls.store_patterns,
    *export_patterns,
    # Mail: what could not be processed, and where mail comes from.
    path("mail/quarantine/", mail_views.Quarantine.as_view(), name="mail_quarantine"),
    path(
        "mail/quarantine/<int:pk>/reprocess/",
        mail_views.QuarantineReprocess.as_view(),
        name="mail_reprocess",
    ),
    path("mail/channels/", mail_views.Channels.as_view(), name="mail_channels"),
    path("mail/channels/<int:pk>/", mail_views.ChannelEdit.as_view(), name="mail_channel_edit"),
    path(
        "mail/channels/<int:pk>/active/",
        mail_views.ChannelActive.as_view(),
        name="mail_channel_active",
    ),
    # Feedback: CSV export, removal requests and outcomes, the one public reply.
    *feedback_urls.store_patterns,
    # Returns: analytics, CSV export, a return's status and "Contact buyer".
    *returns_urls.store_patterns,
    # Claims and chargebacks worked as cases: exports, actions, evidence packs.
    *case_patterns,
]
for _key, (_list, _detail) in _STREAM_VIEWS.items():
    store_patterns += [
        path(f"{_key}/", _list.as_view(), name=f"{_key}_list"),
        path(f"{_key}/<int:pk>/", _detail.as_view(), name=f"{_key}_detail"),
    ]

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("profile/tokens/", views.profile_token_create, name="profile_token_create"),
    path(
        "profile/tokens/<int:pk>/revoke/",
        views.profile_token_revoke,
        name="profile_token_revoke",
    ),
    # The user's own notification channels, rules, preferences and log.
    *notifications_urls.patterns,
    path("switch/", views.store_switch, name="store_switch"),
    path("s/<int:store_id>/", include(store_patterns)),
]
