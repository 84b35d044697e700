from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "sellerdesk.mail"
    label = "mail"
