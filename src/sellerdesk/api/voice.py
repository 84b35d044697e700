"""/feedback, /reviews, /questions: what buyers say in public."""

# No ``from __future__ import annotations``: ninja and pydantic read these annotations.

from typing import Annotated, Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router

from sellerdesk.api.schemas import FeedbackOut, QuestionOut, ReviewOut
from sellerdesk.api.scoping import ordered, paginated, visible, visible_or_404
from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.reviews.models import Review, ReviewStatus

router = Router()

# ``max_rating=2`` is the negative ones.
Stars = Annotated[int, Field(ge=1, le=5)]
FeedbackOrdering = Literal["left_on", "-left_on", "rating", "-rating"]
ReviewOrdering = Literal["reviewed_on", "-reviewed_on", "rating", "-rating"]
QuestionOrdering = Literal["asked_at", "-asked_at"]


@router.get("/feedback", response=list[FeedbackOut], tags=["feedback"])
@paginated
def feedback_list(
    request: HttpRequest,
    store: int | None = None,
    rating: Stars | None = None,
    max_rating: Stars | None = None,
    status: FeedbackStatus | None = None,
    reply_status: ReplyStatus | None = None,
    amazon_order_id: str | None = None,
    ordering: FeedbackOrdering = "-left_on",
) -> QuerySet[Feedback]:
    feedback = visible(request, Feedback.objects.all(), store=store)
    if rating is not None:
        feedback = feedback.filter(rating=rating)
    if max_rating is not None:
        feedback = feedback.filter(rating__lte=max_rating)
    if status:
        feedback = feedback.filter(status=status)
    if reply_status:
        feedback = feedback.filter(reply_status=reply_status)
    if amazon_order_id:
        feedback = feedback.filter(amazon_order_id=amazon_order_id)
    return ordered(feedback, ordering)


@router.get("/feedback/{id}", response=FeedbackOut, tags=["feedback"])
def feedback_detail(request: HttpRequest, id: int) -> Feedback:
    return visible_or_404(request, Feedback.objects.all(), pk=id)


@router.get("/reviews", response=list[ReviewOut], tags=["reviews"])
@paginated
def review_list(
    request: HttpRequest,
    store: int | None = None,
    rating: Stars | None = None,
    max_rating: Stars | None = None,
    asin: str | None = None,
    status: ReviewStatus | None = None,
    ordering: ReviewOrdering = "-reviewed_on",
) -> QuerySet[Review]:
    reviews = visible(request, Review.objects.all(), store=store)
    return ordered(reviews_matching(reviews, rating, max_rating, asin, status), ordering)


def reviews_matching(
    reviews: QuerySet[Review],
    rating: Stars | None,
    max_rating: Stars | None,
    asin: str | None,
    status: ReviewStatus | None,
) -> QuerySet[Review]:
    """The list's filters (an empty one matches all), shared with ``/reviews.csv``."""
    if rating is not None:
        reviews = reviews.filter(rating=rating)
    if max_rating is not None:
        reviews = reviews.filter(rating__lte=max_rating)
    if asin:
        reviews = reviews.filter(asin=asin)
    if status:
        reviews = reviews.filter(status=status)
    return reviews


@router.get("/reviews/{id}", response=ReviewOut, tags=["reviews"])
def review_detail(request: HttpRequest, id: int) -> Review:
    return visible_or_404(request, Review.objects.all(), pk=id)


@router.get("/questions", response=list[QuestionOut], tags=["questions"])
@paginated
def question_list(
    request: HttpRequest,
    store: int | None = None,
    asin: str | None = None,
    status: QuestionStatus | None = None,
    ordering: QuestionOrdering = "-asked_at",
) -> QuerySet[Question]:
    questions = visible(request, Question.objects.all(), store=store)
    if asin:
        questions = questions.filter(asin=asin)
    if status:
        questions = questions.filter(status=status)
    return ordered(questions, ordering)


@router.get("/questions/{id}", response=QuestionOut, tags=["questions"])
def question_detail(request: HttpRequest, id: int) -> Question:
    return visible_or_404(request, Question.objects.all(), pk=id)
