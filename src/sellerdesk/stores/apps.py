from django.apps import AppConfig


class StoresConfig(AppConfig):
    name = "sellerdesk.stores"
    label = "stores"
