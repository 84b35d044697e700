"""Shared by the web tests: one record factory per stream page, and URL helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.urls import reverse

from sellerdesk.stores.models import Store
from tests.factories import (
    ChargebackFactory,
    ClaimFactory,
    ConversationFactory,
    FeedbackFactory,
    OrderFactory,
    QuestionFactory,
    ReturnFactory,
    ReviewFactory,
)


@dataclass(frozen=True)
class StreamCase:
    key: str
    make: Callable[..., Model]
    marker: str  # an attribute whose value the list row shows

    def create(self, store: Store, **kwargs: Any) -> Model:
        return self.make(store=store, **kwargs)

    def text(self, obj: Model) -> str:
        return str(getattr(obj, self.marker))


STREAM_CASES = [
    StreamCase("inbox", ConversationFactory, "buyer_name"),
    StreamCase("claims", ClaimFactory, "amazon_order_id"),
    StreamCase("chargebacks", ChargebackFactory, "amazon_order_id"),
    StreamCase("feedback", FeedbackFactory, "amazon_order_id"),
    StreamCase("returns", ReturnFactory, "amazon_order_id"),
    StreamCase("reviews", ReviewFactory, "title"),
    StreamCase("questions", QuestionFactory, "text"),
    StreamCase("orders", OrderFactory, "amazon_order_id"),
]


def list_url(key: str, store: Store, query: str = "") -> str:
    return reverse(f"{key}_list", kwargs={"store_id": store.pk}) + query


def detail_url(key: str, store: Store, obj: Model) -> str:
    return reverse(f"{key}_detail", kwargs={"store_id": store.pk, "pk": obj.pk})


def shown(content: str, key: str, store: Store, *objs: Model) -> list[bool]:
    """Whether each record's row (its detail link) is on the page."""
    return [f'href="{detail_url(key, store, obj)}"' in content for obj in objs]


def positions(content: str, key: str, store: Store, *objs: Model) -> list[int]:
    """Where each record's row starts on the page, to check the order."""
    return [content.index(f'href="{detail_url(key, store, obj)}"') for obj in objs]


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
