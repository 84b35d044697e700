"""What every demo builder shares: the random source, the clock and the orders."""

from __future__ import annotations

import random
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, TypeVar

from sellerdesk.demo.catalog import Sku
from sellerdesk.demo.people import Buyer
from sellerdesk.messaging.clock import ResponsePolicy

if TYPE_CHECKING:
    from sellerdesk.accounts.models import User
    from sellerdesk.orders.models import Order, OrderItem
    from sellerdesk.stores.models import Store

T = TypeVar("T")


@dataclass(slots=True)
class OrderPlan:
    """An order as built (unsaved at first), with what the other streams need to know."""

    order: Order
    items: list[OrderItem]
    lines: list[tuple[Sku, int]]  # (sku, quantity)
    buyer: Buyer

    @property
    def amazon_order_id(self) -> str:
        return self.order.amazon_order_id

    @property
    def first_sku(self) -> Sku:
        return self.lines[0][0]

    @property
    def is_mfn(self) -> bool:
        return self.order.fulfillment_channel == "MFN"

    @property
    def delivered_at(self) -> datetime | None:
        return self.order.delivered_at


@dataclass(slots=True)
class World:
    rng: random.Random
    now: datetime  # aware, UTC: the moment the demo is "as of"
    store: Store
    owner: User
    policy: ResponsePolicy
    skus: list[Sku]
    orders: list[OrderPlan] = field(default_factory=list)
    seller_address: str = "service@demo-store.example"

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return self.policy.tz

    @property
    def today(self) -> date:
        return self.now.astimezone(self.tz).date()

    def local(self, value: datetime) -> datetime:
        return value.astimezone(self.tz)

    def at(self, day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
        """A local wall-clock time on ``day``, as an aware UTC datetime."""
        return datetime.combine(day, time(hour, minute, second), tzinfo=self.tz).astimezone(UTC)

    def hours(self, low: float, high: float) -> timedelta:
        return timedelta(seconds=round(self.rng.uniform(low, high) * 3600))

    def pick(self, options: Sequence[T], weights: Sequence[float] | None = None) -> T:
        if weights is None:
            return self.rng.choice(options)
        return self.rng.choices(options, weights)[0]

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def clamp(self, value: datetime) -> datetime:
        """Never later than now: the demo has no future events, only future deadlines."""
        return min(value, self.now)
