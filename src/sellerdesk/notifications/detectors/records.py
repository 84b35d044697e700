"""New records worth telling once, and deadlines near: claims, chargebacks, negative
feedback and reviews, seller-fault returns, checklist tasks left undone.

Every "new record" detector applies the same no-flood test (``window.Recent``): the
desk learned of the record in the last ``notify_recent_hours`` (24, its
``created_at``) **and** the record's own date — claim filed, chargeback received,
feedback left, review written, return requested — is within the last
``notify_recent_days`` (14) local days. A first import of a year of history
therefore alerts only on the last two weeks of it, and a record imported long ago
never alerts. The queries are bounded by that own date (indexed where the table can
grow: feedback, reviews, returns) and by the store.

* ``new_claim`` (urgent), key ``claim:<id>``.
* ``claim_deadline`` (urgent): an open claim (action required, under review,
  appealed) whose response deadline ``due_at`` is within
  ``notify_claim_deadline_hours`` (24) — or passed in the last
  ``notify_recent_hours`` unnoticed; key ``claim:<id>:<due_at>``, so a new
  information request (a new deadline) alerts again.
* ``new_chargeback``: urgent for a service chargeback (it may count in the ODR),
  warning for a fraud one (it never does); key ``chargeback:<id>``.
* ``negative_feedback``: 1-2 stars, not removed or struck through (warning; it
  counts in the ODR until removed), key ``feedback:<id>``.
* ``negative_review``: what the reviews app works as negative, ``LOW_RATING`` (3)
  stars or fewer (warning; 3 stars info), key ``review:<id>``.
* ``seller_fault_return``: the reason code's fault is the seller's
  (``returns/reasons.py``), whatever its spelling (warning), key ``return:<id>``.
* ``checklist_overdue``: a task whose period ended (``due`` before today, local)
  at most ``notify_checklist_days`` (7) ago and was not ticked done (warning), key
  ``checklist:<id>``. Rows exist only for periods the desk has seen, so a new desk
  has no backlog to flood with.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sellerdesk.chargebacks.models import Chargeback, ChargebackKind
from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.checklist.selectors import OPEN_CLAIM
from sellerdesk.claims.models import Claim
from sellerdesk.feedback.models import Feedback
from sellerdesk.health.odr import GONE_FEEDBACK, NEGATIVE_MAX_STARS
from sellerdesk.health.windows import local_midnight
from sellerdesk.notifications.detectors.window import Recent
from sellerdesk.notifications.events import (
    Draft,
    desk_link,
    drafts_record,
    excerpt,
    local_time,
    money,
    notify_setting,
)
from sellerdesk.notifications.models import EventKind, Severity
from sellerdesk.returns.models import Return
from sellerdesk.returns.reasons import reason_for
from sellerdesk.returns.selectors import returns_with_fault
from sellerdesk.reviews.models import Review
from sellerdesk.reviews.selectors import LOW_RATING
from sellerdesk.stores.models import Store


def _with_amount(text: str, amount: str) -> str:
    return f"{text}, {amount}" if amount else text


def detect_new_claim(*, store: Store, now: datetime) -> int:
    recent = Recent.of(store, now)
    rows = Claim.objects.filter(
        store=store,
        filed_at__gte=recent.since,
        filed_at__lte=now,
        created_at__gte=recent.learned_since,
    ).order_by("filed_at", "pk")
    drafts = []
    for claim in rows:
        lines = [f"Reason: {claim.get_reason_display()}", f"Status: {claim.get_status_display()}"]
        if claim.due_at is not None:
            lines.append(f"Respond by: {local_time(claim.due_at, store)}")
        drafts.append(
            Draft(
                key=f"claim:{claim.pk}",
                title=_with_amount(
                    f"New A-to-z claim: order {claim.amazon_order_id}",
                    money(claim.amount, claim.currency),
                ),
                body="\n".join(lines),
                link=desk_link(store, "claims_detail", pk=claim.pk),
                severity=Severity.URGENT,
                occurred_at=claim.filed_at,
            )
        )
    return drafts_record(store=store, kind=EventKind.NEW_CLAIM, drafts=drafts)


def detect_claim_deadline(*, store: Store, now: datetime) -> int:
    ahead = now + timedelta(hours=notify_setting(store, "notify_claim_deadline_hours"))
    behind = now - timedelta(hours=notify_setting(store, "notify_recent_hours"))
    rows = Claim.objects.filter(
        store=store, status__in=OPEN_CLAIM, due_at__gte=behind, due_at__lte=ahead
    ).order_by("due_at", "pk")
    drafts = []
    for claim in rows:
        if claim.due_at is None:  # filtered out by the query; narrows the type
            continue
        when = local_time(claim.due_at, store)
        state = "overdue since" if claim.due_at < now else "due"
        drafts.append(
            Draft(
                key=f"claim:{claim.pk}:{claim.due_at.isoformat()}",
                title=f"A-to-z claim response {state} {when}: order {claim.amazon_order_id}",
                body=f"Status: {claim.get_status_display()}\nDeadline: {when}",
                link=desk_link(store, "claims_detail", pk=claim.pk),
                severity=Severity.URGENT,
                occurred_at=now,
            )
        )
    return drafts_record(store=store, kind=EventKind.CLAIM_DEADLINE, drafts=drafts)


def detect_new_chargeback(*, store: Store, now: datetime) -> int:
    recent = Recent.of(store, now)
    rows = Chargeback.objects.filter(
        store=store,
        received_at__gte=recent.since,
        received_at__lte=now,
        created_at__gte=recent.learned_since,
    ).order_by("received_at", "pk")
    drafts = []
    for cb in rows:
        lines = [f"Kind: {cb.get_kind_display()}", f"Status: {cb.get_status_display()}"]
        if cb.due_at is not None:
            lines.append(f"Respond by: {local_time(cb.due_at, store)}")
        drafts.append(
            Draft(
                key=f"chargeback:{cb.pk}",
                title=_with_amount(
                    f"New chargeback: order {cb.amazon_order_id}", money(cb.amount, cb.currency)
                ),
                body="\n".join(lines),
                link=desk_link(store, "chargebacks_detail", pk=cb.pk),
                severity=Severity.WARNING if cb.kind == ChargebackKind.FRAUD else Severity.URGENT,
                occurred_at=cb.received_at,
            )
        )
    return drafts_record(store=store, kind=EventKind.NEW_CHARGEBACK, drafts=drafts)


def detect_negative_feedback(*, store: Store, now: datetime) -> int:
    recent = Recent.of(store, now)
    rows = (
        Feedback.objects.filter(
            store=store,
            rating__lte=NEGATIVE_MAX_STARS,
            left_on__gte=recent.since_day,
            created_at__gte=recent.learned_since,
        )
        .exclude(status__in=GONE_FEEDBACK)
        .order_by("left_on", "pk")
    )
    drafts = []
    for f in rows:
        quote = excerpt(f.comment)
        drafts.append(
            Draft(
                key=f"feedback:{f.pk}",
                title=f"{f.rating}-star feedback: order {f.amazon_order_id}",
                body=f"Left on {f.left_on.isoformat()}" + (f"\n“{quote}”" if quote else ""),
                link=desk_link(store, "feedback_detail", pk=f.pk),
                severity=Severity.WARNING,
                occurred_at=local_midnight(f.left_on, store.tz),
            )
        )
    return drafts_record(store=store, kind=EventKind.NEGATIVE_FEEDBACK, drafts=drafts)


def detect_negative_review(*, store: Store, now: datetime) -> int:
    recent = Recent.of(store, now)
    rows = Review.objects.filter(
        store=store,
        rating__lte=LOW_RATING,
        reviewed_on__gte=recent.since_day,
        created_at__gte=recent.learned_since,
    ).order_by("reviewed_on", "pk")
    drafts = []
    for r in rows:
        product = f"{r.asin} (SKU {r.sku})" if r.sku else r.asin
        quote = excerpt(r.title or r.body)
        drafts.append(
            Draft(
                key=f"review:{r.pk}",
                title=f"{r.rating}-star review of {product}",
                body=f"Written on {r.reviewed_on.isoformat()}" + (f"\n“{quote}”" if quote else ""),
                link=desk_link(store, "reviews_detail", pk=r.pk),
                severity=Severity.INFO if r.rating >= LOW_RATING else Severity.WARNING,
                occurred_at=local_midnight(r.reviewed_on, store.tz),
            )
        )
    return drafts_record(store=store, kind=EventKind.NEGATIVE_REVIEW, drafts=drafts)


def detect_seller_fault_return(*, store: Store, now: datetime) -> int:
    recent = Recent.of(store, now)
    candidates = Return.objects.filter(
        store=store,
        requested_at__gte=recent.since,
        requested_at__lte=now,
        created_at__gte=recent.learned_since,
    )
    rows = returns_with_fault(queryset=candidates, fault="seller").order_by("requested_at", "pk")
    drafts = []
    for r in rows:
        reason = reason_for(r.reason_code)
        lines = [f"Reason: {reason.words or reason.code} ({reason.code})", f"Units: {r.quantity}"]
        if r.amount is not None:
            lines.append(f"Amount: {money(r.amount, r.currency)}")
        quote = excerpt(r.buyer_comment)
        if quote:
            lines.append(f"“{quote}”")
        drafts.append(
            Draft(
                key=f"return:{r.pk}",
                title=f"Seller-fault return: {r.sku}, order {r.amazon_order_id}",
                body="\n".join(lines),
                link=desk_link(store, "returns_detail", pk=r.pk),
                severity=Severity.WARNING,
                occurred_at=r.requested_at,
            )
        )
    return drafts_record(store=store, kind=EventKind.SELLER_FAULT_RETURN, drafts=drafts)


def detect_checklist_overdue(*, store: Store, now: datetime) -> int:
    today = now.astimezone(store.tz).date()
    first = today - timedelta(days=notify_setting(store, "notify_checklist_days"))
    rows = ChecklistTask.objects.filter(
        store=store, due__gte=first, due__lt=today, done_at__isnull=True
    ).order_by("due", "task", "pk")
    drafts = [
        Draft(
            key=f"checklist:{task.pk}",
            title=f"Checklist overdue: {task.get_task_display()} "
            f"({task.get_cadence_display().lower()}, due {task.due.isoformat()})",
            body=f"Period {task.period_start.isoformat()} to {task.due.isoformat()} "
            "ended without being ticked done.",
            link=desk_link(store, "checklist", "store_home"),
            severity=Severity.WARNING,
            occurred_at=now,
        )
        for task in rows
    ]
    return drafts_record(store=store, kind=EventKind.CHECKLIST_OVERDUE, drafts=drafts)
