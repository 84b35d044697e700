from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "sellerdesk.questions"
    label = "questions"
