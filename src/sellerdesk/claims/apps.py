from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "sellerdesk.claims"
    label = "claims"
