from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "sellerdesk.feedback"
    label = "feedback"
