from django.contrib import admin
from django.urls import include, path

from sellerdesk.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("sellerdesk.web.urls")),
    path("", include("sellerdesk.spapi.urls")),
    path("", include("sellerdesk.imports.urls")),
]
