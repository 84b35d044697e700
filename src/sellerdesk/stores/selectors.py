"""Reads scoped to the stores a user belongs to. Every user-facing query starts here."""

from __future__ import annotations

from django.db.models import Model, QuerySet

from sellerdesk.accounts.models import User
from sellerdesk.stores.models import Membership, Role, Store


def stores_for_user(*, user: User) -> QuerySet[Store]:
    return Store.objects.filter(memberships__user=user).distinct().order_by("name")


def store_for_user(*, user: User, store_id: int) -> Store:
    """The store, if ``user`` belongs to it; else Store.DoesNotExist (a 404 upstream)."""
    return stores_for_user(user=user).get(pk=store_id)


def membership_for(*, user: User, store: Store) -> Membership | None:
    return Membership.objects.filter(user=user, store=store).first()


def store_writers(*, store: Store) -> QuerySet[Membership]:
    """The owners and agents of a store (who can answer buyers), by email."""
    return (
        Membership.objects.filter(store=store, role__in=[Role.OWNER, Role.AGENT])
        .select_related("user")
        .order_by("user__email")
    )


def user_can_write(*, user: User, store: Store) -> bool:
    return Membership.objects.filter(
        user=user, store=store, role__in=[Role.OWNER, Role.AGENT]
    ).exists()


def user_is_owner(*, user: User, store: Store) -> bool:
    return Membership.objects.filter(user=user, store=store, role=Role.OWNER).exists()


def scoped[M: Model](
    queryset: QuerySet[M], *, user: User, store_field: str = "store"
) -> QuerySet[M]:
    """Restrict any store-owned queryset to the stores ``user`` is a member of."""
    return queryset.filter(**{f"{store_field}__memberships__user": user})


def store_by_name(*, name: str) -> Store:
    return Store.objects.get(name=name)


def store_counts(*, store: Store) -> dict[str, int]:
    """How many records of each stream the store holds."""
    from sellerdesk.chargebacks.models import Chargeback
    from sellerdesk.claims.models import Claim
    from sellerdesk.feedback.models import Feedback
    from sellerdesk.messaging.models import Conversation, Message
    from sellerdesk.orders.models import Order, OrderItem
    from sellerdesk.questions.models import Question
    from sellerdesk.returns.models import Return
    from sellerdesk.reviews.models import Review

    return {
        "orders": Order.objects.filter(store=store).count(),
        "order_items": OrderItem.objects.filter(order__store=store).count(),
        "conversations": Conversation.objects.filter(store=store).count(),
        "messages": Message.objects.filter(conversation__store=store).count(),
        "claims": Claim.objects.filter(store=store).count(),
        "chargebacks": Chargeback.objects.filter(store=store).count(),
        "feedback": Feedback.objects.filter(store=store).count(),
        "returns": Return.objects.filter(store=store).count(),
        "reviews": Review.objects.filter(store=store).count(),
        "questions": Question.objects.filter(store=store).count(),
    }


def store_as_dict(*, store: Store, counts: bool = False) -> dict[str, object]:
    data: dict[str, object] = {
        "id": store.pk,
        "name": store.name,
        "marketplace": store.marketplace,
        "timezone": store.timezone,
        "currency": store.currency,
    }
    if counts:
        data["counts"] = store_counts(store=store)
    return data
