from __future__ import annotations

from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "sellerdesk.health"
    label = "health"
    verbose_name = "Account health"
