from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "sellerdesk.jobs"
    label = "jobs"
