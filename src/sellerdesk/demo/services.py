"""Build the Demo Store: a live-looking desk with every stream filled.

``sellerdesk demo`` calls :func:`demo_install` and serves the desk on 127.0.0.1.
The owner signs in as ``demo@sellerdesk.local`` with the fixed password
``sellerdesk-demo``: a known password is the point of a local demo, and the
desk only listens on the loopback address there.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.claims.models import Claim
from sellerdesk.demo.cases import build_cases
from sellerdesk.demo.catalog import build_catalog
from sellerdesk.demo.checklist import build_checklist_history
from sellerdesk.demo.conversations import build_conversations
from sellerdesk.demo.orders import build_orders
from sellerdesk.demo.streams import build_feedback, build_questions, build_returns, build_reviews
from sellerdesk.demo.world import World
from sellerdesk.feedback.models import Feedback
from sellerdesk.marketplaces import get_marketplace
from sellerdesk.messaging.clock import ResponsePolicy
from sellerdesk.messaging.models import Conversation, ConversationStatus, Message
from sellerdesk.messaging.services import templates_install_defaults
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.questions.models import Question
from sellerdesk.returns.models import Return
from sellerdesk.reviews.models import Review
from sellerdesk.stores.models import Role, Store
from sellerdesk.stores.selectors import store_counts
from sellerdesk.stores.services import membership_set, store_create, user_create

DEMO_STORE_NAME = "Demo Store"
DEMO_MARKETPLACE = "US"
DEMO_EMAIL = "demo@sellerdesk.local"
DEMO_PASSWORD = "sellerdesk-demo"  # noqa: S105 - documented, for the local demo only
# With an explicit ``today`` the demo is "as of" noon that day, so a build is reproducible.
AS_OF_HOUR = 12


@dataclass(frozen=True, slots=True)
class DemoResult:
    email: str
    password: str
    summary: str
    counts: dict[str, int] = field(default_factory=dict)
    created: bool = True


def demo_as_of(today: date | None) -> datetime:
    """The demo's "now": this moment, or noon of ``today`` in the store's time zone."""
    if today is None:
        return timezone.now()
    tz = ZoneInfo(get_marketplace(DEMO_MARKETPLACE).timezone)
    return datetime.combine(today, time(AS_OF_HOUR), tzinfo=tz).astimezone(UTC)


def demo_install(*, today: date | None = None, seed: int = 7) -> DemoResult:
    """Build the Demo Store once; on a database that has it already, change nothing.

    1. If a store named "Demo Store" exists, return the login and its counts.
    2. Create (or reuse) the owner user and the store with ``store_create``, make the
       user its owner and copy in the reply templates.
    3. Draw every record from ``random.Random(seed)`` in a fixed order, dated back from
       the demo's "now" (see :func:`demo_as_of`): the same ``today`` and ``seed`` give
       the same data.
    4. Write each stream with ``bulk_create``, all in one transaction.
    """
    existing = Store.objects.filter(name=DEMO_STORE_NAME).first()
    if existing is not None:
        counts = store_counts(store=existing)
        return DemoResult(DEMO_EMAIL, DEMO_PASSWORD, _summary(existing, counts), counts, False)

    now = demo_as_of(today)
    rng = random.Random(seed)
    with transaction.atomic():
        owner = User.objects.filter(email=DEMO_EMAIL).first()
        if owner is None:
            owner, _ = user_create(email=DEMO_EMAIL, password=DEMO_PASSWORD)
        else:
            owner.set_password(DEMO_PASSWORD)
            owner.save(update_fields=["password"])
        store = store_create(name=DEMO_STORE_NAME, marketplace=DEMO_MARKETPLACE, actor=owner)
        membership_set(user=owner, store=store, role=Role.OWNER, actor=owner)
        templates_install_defaults(store_id=store.pk)

        world = World(
            rng=rng,
            now=now,
            store=store,
            owner=owner,
            policy=ResponsePolicy.from_store(store),
            skus=build_catalog(rng),
        )
        world.orders = build_orders(world)
        threads = build_conversations(world)
        returns = build_returns(world)
        claims, chargebacks = build_cases(world, returned={r.amazon_order_id for r in returns})
        feedback = build_feedback(world)
        reviews = build_reviews(world)
        questions = build_questions(world)

        Order.objects.bulk_create([plan.order for plan in world.orders])
        OrderItem.objects.bulk_create([item for plan in world.orders for item in plan.items])
        Conversation.objects.bulk_create([thread.conversation for thread in threads])
        Message.objects.bulk_create([m for thread in threads for m in thread.messages])
        Claim.objects.bulk_create(claims)
        Chargeback.objects.bulk_create(chargebacks)
        Feedback.objects.bulk_create(feedback)
        Return.objects.bulk_create(returns)
        Review.objects.bulk_create(reviews)
        Question.objects.bulk_create(questions)
        # After the records: the planner reads the store's SKUs ordered on each past day.
        build_checklist_history(world)

        counts = store_counts(store=store)
        audit_record(
            action="demo.installed",
            actor=owner,
            store=store,
            target=store,
            data={"seed": seed, "as_of": now.isoformat(), "counts": counts},
        )
    return DemoResult(DEMO_EMAIL, DEMO_PASSWORD, _summary(store, counts), counts, True)


def _summary(store: Store, counts: dict[str, int]) -> str:
    waiting = Conversation.objects.filter(
        store=store, status=ConversationStatus.NEEDS_RESPONSE
    ).count()
    return (
        f"{counts['orders']:,} orders, {counts['conversations']} conversations "
        f"({waiting} waiting for a reply), {counts['claims']} A-to-z claims, "
        f"{counts['chargebacks']} chargebacks, {counts['feedback']} feedback, "
        f"{counts['returns']} returns, {counts['reviews']} reviews, "
        f"{counts['questions']} questions"
    )
