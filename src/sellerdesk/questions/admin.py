from __future__ import annotations

from django.contrib import admin

from sellerdesk.questions.models import Question


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin[Question]):
    list_display = ("__str__", "store", "asin", "asked_at", "status")
    list_filter = ("store", "status", "source")
    search_fields = ("question_id", "asin", "text", "answer", "asker")
    date_hierarchy = "asked_at"
    list_select_related = ("store",)
    readonly_fields = ("created_at", "updated_at")
