from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "sellerdesk.imports"
    label = "imports"
