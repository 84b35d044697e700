"""Reads for the seller's checklist: which tasks a store has on a day, their periods,
and what is outstanding for each.

The plan (``amazon-rules.md``, the seed's checklist):

* daily — answer buyer messages, handle customer returns, and check seller feedback
  when the store is large;
* weekly — respond to negative product reviews, and check seller feedback when the
  store is smaller;
* monthly — A-to-z claims, chargebacks and customer questions.

Periods are calendar days, weeks and months in the store's time zone; weeks start on
``week_start_day`` (``sellerdesk.policy``, 0 = Monday). A period's ``due`` is its last day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from sellerdesk.chargebacks.models import Chargeback, ChargebackStatus
from sellerdesk.checklist.models import Cadence, ChecklistKind, ChecklistTask
from sellerdesk.claims.models import Claim, ClaimStatus
from sellerdesk.feedback.models import Feedback, FeedbackStatus
from sellerdesk.feedback.models import ReplyStatus as FeedbackReplyStatus
from sellerdesk.messaging.models import Conversation, ConversationStatus
from sellerdesk.orders.models import OrderItem
from sellerdesk.policy import policy_value
from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.returns.models import Return, ReturnStatus
from sellerdesk.reviews.models import Review, ReviewStatus
from sellerdesk.reviews.selectors import LOW_RATING
from sellerdesk.stores.models import Store

# A store is large with this many distinct SKUs ordered in the last this many days.
LARGE_STORE_DAYS = 90
# Claims still in play: a deadline may come (an answer, a decision, an appeal).
OPEN_CLAIM = (ClaimStatus.ACTION_REQUIRED, ClaimStatus.UNDER_REVIEW, ClaimStatus.APPEALED)


# --- periods ---------------------------------------------------------------------------


def period_for(*, day: date, cadence: str, week_start: int = 0) -> tuple[date, date]:
    """The first and last day of the ``cadence`` period that holds ``day``."""
    if cadence == Cadence.DAILY:
        return day, day
    if cadence == Cadence.WEEKLY:
        start = day - timedelta(days=(day.weekday() - week_start) % 7)
        return start, start + timedelta(days=6)
    if cadence == Cadence.MONTHLY:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    raise ValueError(f"unknown cadence {cadence!r}")


def store_today(*, store: Store, now: datetime | None = None) -> date:
    return (now or timezone.now()).astimezone(store.tz).date()


def day_end(*, store: Store, day: date) -> datetime:
    """The first moment after ``day`` in the store's time zone."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=store.tz)


def moment_for(*, store: Store, day: date, now: datetime | None = None) -> datetime:
    """The moment counts stand at for ``day``: now while the day lasts, else its end."""
    now = now or timezone.now()
    return min(now, day_end(store=store, day=day))


# --- the plan --------------------------------------------------------------------------


def store_sku_count(*, store: Store, day: date) -> int:
    """Distinct SKUs ordered in the ``LARGE_STORE_DAYS`` days ending with ``day`` (both
    inclusive, by purchase date in the store's time zone)."""
    start = datetime.combine(day - timedelta(days=LARGE_STORE_DAYS - 1), time.min, tzinfo=store.tz)
    return (
        OrderItem.objects.filter(
            order__store=store,
            order__purchase_date__gte=start,
            order__purchase_date__lt=day_end(store=store, day=day),
        )
        .exclude(sku="")
        .values("sku")
        .distinct()
        .count()
    )


def store_is_large(*, store: Store, day: date) -> bool:
    """The owner's word (``large_store_override``) when given; else at least
    ``large_store_skus`` distinct SKUs ordered in the last 90 days."""
    if store.large_store_override is not None:
        return store.large_store_override
    return store_sku_count(store=store, day=day) >= store.large_store_skus


def checklist_plan(*, store: Store, day: date) -> list[tuple[str, str]]:
    """``(task, cadence)`` pairs the store has on ``day``."""
    feedback = Cadence.DAILY if store_is_large(store=store, day=day) else Cadence.WEEKLY
    return [
        (ChecklistKind.MESSAGES, Cadence.DAILY),
        (ChecklistKind.RETURNS, Cadence.DAILY),
        (ChecklistKind.FEEDBACK, feedback),
        (ChecklistKind.REVIEWS, Cadence.WEEKLY),
        (ChecklistKind.CLAIMS, Cadence.MONTHLY),
        (ChecklistKind.CHARGEBACKS, Cadence.MONTHLY),
        (ChecklistKind.QUESTIONS, Cadence.MONTHLY),
    ]


# --- outstanding -----------------------------------------------------------------------


@dataclass(frozen=True)
class Outstanding:
    """What is left to do for a task: ``outstanding`` items, ``overdue`` of them past
    their own deadline (0 where items have none)."""

    outstanding: int
    overdue: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"outstanding": self.outstanding, "overdue": self.overdue}


def messages_outstanding(*, store: Store, now: datetime) -> Outstanding:
    """Conversations that need a response; overdue: their response deadline has passed."""
    waiting = Conversation.objects.filter(store=store, status=ConversationStatus.NEEDS_RESPONSE)
    return Outstanding(waiting.count(), waiting.filter(due_at__lt=now).count())


def returns_outstanding(*, store: Store, now: datetime) -> Outstanding:
    """Returns requested (waiting for an answer) or received without a refund;
    overdue: their deadline (answer or refund) has passed."""
    open_ = Return.objects.filter(store=store).filter(
        Q(status=ReturnStatus.REQUESTED) | Q(status=ReturnStatus.RECEIVED, refunded_at__isnull=True)
    )
    return Outstanding(open_.count(), open_.filter(due_at__lt=now).count())


def feedback_outstanding(*, store: Store, now: datetime) -> Outstanding:
    """Negative feedback (1 or 2 stars) still inside the removal window
    (``feedback_removal_days``) with no decision: still active, no removal asked for and
    no reply drafted or posted. Overdue: none (the window closing takes it off the list)."""
    today = store_today(store=store, now=now)
    first = today - timedelta(days=policy_value(store, "feedback_removal_days"))
    open_ = Feedback.objects.filter(
        store=store,
        rating__lte=2,
        left_on__gte=first,
        status=FeedbackStatus.ACTIVE,
        reply_status=FeedbackReplyStatus.NONE,
    )
    return Outstanding(open_.count())


def reviews_outstanding(*, store: Store, now: datetime) -> Outstanding:
    """Negative reviews (``LOW_RATING`` = 3 stars or fewer) still new: neither responded
    to nor marked "no action needed". They have no deadline."""
    return Outstanding(
        Review.objects.filter(store=store, rating__lte=LOW_RATING, status=ReviewStatus.NEW).count()
    )


def claims_outstanding(*, store: Store, now: datetime) -> Outstanding:
    """Open A-to-z claims (action required, under review, appealed) and granted claims
    whose appeal window is still open; overdue: an information request past its deadline."""
    open_ = Claim.objects.filter(store=store).filter(
        Q(status__in=OPEN_CLAIM) | Q(status=ClaimStatus.GRANTED, appeal_due_at__gte=now)
    )
    return Outstanding(open_.count(), open_.filter(due_at__lt=now).count())


def chargebacks_outstanding(*, store: Store, now: datetime) -> Outstanding:
    """Open chargebacks (no representation sent yet); overdue: past the response deadline."""
    open_ = Chargeback.objects.filter(store=store, status=ChargebackStatus.OPEN)
    return Outstanding(open_.count(), open_.filter(due_at__lt=now).count())


def questions_outstanding(*, store: Store, now: datetime) -> Outstanding:
    """Customer questions still unanswered (not answered, not dismissed); no deadline."""
    return Outstanding(
        Question.objects.filter(store=store, status=QuestionStatus.UNANSWERED).count()
    )


OUTSTANDING = {
    ChecklistKind.MESSAGES: messages_outstanding,
    ChecklistKind.RETURNS: returns_outstanding,
    ChecklistKind.FEEDBACK: feedback_outstanding,
    ChecklistKind.REVIEWS: reviews_outstanding,
    ChecklistKind.CLAIMS: claims_outstanding,
    ChecklistKind.CHARGEBACKS: chargebacks_outstanding,
    ChecklistKind.QUESTIONS: questions_outstanding,
}


def task_outstanding(*, store: Store, task: str, now: datetime) -> Outstanding:
    """Live counts: the records as they are now, deadlines compared with ``now``."""
    return OUTSTANDING[ChecklistKind(task)](store=store, now=now)


# --- rows ------------------------------------------------------------------------------


def checklist_overdue(*, store: Store, day: date) -> list[ChecklistTask]:
    """Tasks whose period ended before ``day`` without being ticked done."""
    return list(ChecklistTask.objects.filter(store=store, due__lt=day, done_at__isnull=True))


def task_is_overdue(*, task: ChecklistTask, day: date) -> bool:
    return task.done_at is None and task.due < day


def task_as_dict(
    *, task: ChecklistTask, counts: Outstanding, day: date, missed: int = 0
) -> dict[str, object]:
    """The shape of ``sellerdesk today --json`` and ``GET /checklist``."""
    return {
        "id": task.pk,
        "task": task.task,
        "cadence": task.cadence,
        "period_start": task.period_start.isoformat(),
        "due": task.due.isoformat(),
        "outstanding": counts.outstanding,
        "overdue_count": counts.overdue,
        "done": task.done_at is not None,
        "done_at": task.done_at.isoformat() if task.done_at else None,
        "done_by": task.done_by.email if task.done_by else None,
        "overdue": task_is_overdue(task=task, day=day),
        "missed_periods": missed,
        "snapshot": task.snapshot or None,
    }


def checklist_history(*, store: Store, before: date, limit: int = 60) -> list[ChecklistTask]:
    """Rows of periods that ended before ``before``, newest first: done (by whom, when,
    with the snapshot) or overdue."""
    return list(
        ChecklistTask.objects.filter(store=store, due__lt=before)
        .select_related("done_by")
        .order_by("-due", "task", "cadence")[:limit]
    )
