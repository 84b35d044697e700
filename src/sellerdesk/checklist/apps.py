from django.apps import AppConfig


class ChecklistConfig(AppConfig):
    name = "sellerdesk.checklist"
    label = "checklist"
