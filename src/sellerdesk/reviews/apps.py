from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "sellerdesk.reviews"
    label = "reviews"
