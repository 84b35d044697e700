from django.apps import AppConfig


class SpApiConfig(AppConfig):
    name = "sellerdesk.spapi"
    label = "spapi"
    verbose_name = "Selling Partner API"
