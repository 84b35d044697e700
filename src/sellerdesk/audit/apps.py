from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sellerdesk.audit"
    label = "audit"
