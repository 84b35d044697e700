"""``waited``: how long a question has waited (until answered, else until now)."""

from __future__ import annotations

from datetime import datetime

from django import template

from sellerdesk.questions.models import Question
from sellerdesk.questions.selectors import question_age
from sellerdesk.web.templatetags.desk import duration_text

register = template.Library()


@register.filter
def waited(question: Question, now: datetime) -> str:
    """``2d 3h``, ``5h 20m``: the question's age (``question_age``)."""
    return duration_text(question_age(question=question, now=now))
