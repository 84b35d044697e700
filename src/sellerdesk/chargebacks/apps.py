from django.apps import AppConfig


class ChargebacksConfig(AppConfig):
    name = "sellerdesk.chargebacks"
    label = "chargebacks"
