"""About 90 days of orders, MFN and AFN, in the shapes Amazon's order report has."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

from sellerdesk.common.models import Source
from sellerdesk.demo.catalog import Sku, popularity
from sellerdesk.demo.people import Buyer, new_buyer, order_id, tracking_number
from sellerdesk.demo.world import OrderPlan, World
from sellerdesk.orders.models import FulfillmentChannel, Order, OrderItem, OrderStatus

DAYS = 90
BASE_PER_DAY = 33
AFN_SHARE = 0.55
CANCEL_RATE = 0.025
REPEAT_BUYER_RATE = 0.08
# Monday first; shoppers buy a little less on Saturdays.
WEEKDAY_FACTOR = (1.06, 1.02, 1.0, 1.0, 0.97, 0.9, 1.05)
# Orders by local hour of day: quiet nights, busy evenings.
HOUR_WEIGHTS = (
    1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.0, 2.0, 3.0, 3.5, 4.0, 4.0,
    4.0, 4.0, 4.0, 4.0, 4.5, 5.0, 5.5, 6.0, 6.0, 5.0, 3.5, 2.0,
)  # fmt: skip
CARRIERS = ("USPS", "UPS", "FedEx")
CARRIER_WEIGHTS = (50.0, 30.0, 20.0)
# Ship service level -> (fastest, slowest) transit days after the latest ship date.
SERVICE_LEVELS = {"Standard": (3, 6), "Expedited": (2, 3), "SecondDay": (2, 2)}
SUNDAY = 6


def build_orders(world: World) -> list[OrderPlan]:
    """Orders from 89 days ago up to now; each day's volume varies with the weekday."""
    rng = world.rng
    weights = popularity(rng, world.skus)
    pools: dict[str, tuple[list[Sku], list[float]]] = {}
    for channel in (FulfillmentChannel.AFN, FulfillmentChannel.MFN):
        chosen = [(s, w) for s, w in zip(world.skus, weights, strict=True)]
        chosen = [(s, w) for s, w in chosen if s.product.channel == channel]
        pools[channel] = ([s for s, _ in chosen], [w for _, w in chosen])
    buyers: list[Buyer] = []
    taken: set[str] = set()
    plans: list[OrderPlan] = []
    sequence = 10_400
    for days_ago in range(DAYS - 1, -1, -1):
        day = world.today - timedelta(days=days_ago)
        growth = 0.9 + 0.2 * (DAYS - days_ago) / DAYS
        count = round(
            BASE_PER_DAY * WEEKDAY_FACTOR[day.weekday()] * growth * rng.uniform(0.85, 1.15)
        )
        times = sorted(
            world.at(
                day, rng.choices(range(24), HOUR_WEIGHTS)[0], rng.randrange(60), rng.randrange(60)
            )
            for _ in range(count)
        )
        for purchase in times:
            if purchase > world.now:
                break
            amazon_id = order_id(rng)
            while amazon_id in taken:
                amazon_id = order_id(rng)
            taken.add(amazon_id)
            if buyers and world.chance(REPEAT_BUYER_RATE):
                buyer = rng.choice(buyers)
            else:
                buyer = new_buyer(rng)
                buyers.append(buyer)
            channel = FulfillmentChannel.AFN if world.chance(AFN_SHARE) else FulfillmentChannel.MFN
            skus, sku_weights = pools[channel]
            sequence += 1
            plans.append(
                _order(world, amazon_id, purchase, channel, buyer, skus, sku_weights, sequence)
            )
    return plans


def _lines(world: World, skus: list[Sku], weights: list[float]) -> list[tuple[Sku, int]]:
    count = world.pick([1, 2, 3], [82, 14, 4])
    lines: list[tuple[Sku, int]] = []
    while len(lines) < count:
        sku = world.rng.choices(skus, weights)[0]
        if all(sku is not other for other, _ in lines):
            lines.append((sku, world.pick([1, 2, 3], [88, 9, 3])))
    return lines


def _daytime(world: World, value: datetime, first: int = 9, last: int = 20) -> datetime:
    """The same local day at a random daytime hour (deliveries happen in daylight)."""
    day = world.local(value).date()
    return world.at(day, world.rng.randint(first, last), world.rng.randrange(60))


def _order(
    world: World,
    amazon_id: str,
    purchase: datetime,
    channel: str,
    buyer: Buyer,
    skus: list[Sku],
    weights: list[float],
    sequence: int,
) -> OrderPlan:
    rng = world.rng
    lines = _lines(world, skus, weights)
    mfn = channel == FulfillmentChannel.MFN
    local_day = world.local(purchase).date()
    order = Order(
        store=world.store,
        amazon_order_id=amazon_id,
        merchant_order_id=f"DS-{sequence}" if mfn else "",
        purchase_date=purchase,
        fulfillment_channel=channel,
        sales_channel="Amazon.com",
        is_business_order=world.chance(0.05),
        is_prime=world.chance(0.85 if not mfn else 0.08),
        buyer_name=buyer.full_name,
        buyer_relay_alias=buyer.alias,
        ship_city=buyer.city,
        ship_state=buyer.state,
        ship_postal_code=buyer.postal_code,
        ship_country="US",
        currency="USD",
        source=Source.DEMO,
    )
    if mfn:
        level = world.pick(list(SERVICE_LEVELS), [80, 15, 5])
        fastest, slowest = SERVICE_LEVELS[level]
        order.ship_service_level = level
        order.latest_ship_date = world.at(local_day + timedelta(days=2), 23, 59)
        ship_by = world.local(order.latest_ship_date).date()
        order.earliest_delivery_date = world.at(ship_by + timedelta(days=fastest), 8)
        order.latest_delivery_date = world.at(ship_by + timedelta(days=slowest), 20)
        shipped = purchase + world.hours(3, 30)
        if world.local(shipped).weekday() == SUNDAY:  # the seller does not ship on Sundays
            shipped = world.at(world.local(shipped).date() + timedelta(days=1), rng.randint(10, 16))
        if world.chance(0.03):  # a late shipment now and then
            shipped = order.latest_ship_date + world.hours(2, 30)
        transit = timedelta(days=rng.randint(max(1, fastest - 1), slowest))
        lost = world.chance(0.006)
    else:
        prime = bool(order.is_prime)
        order.ship_service_level = "Expedited" if prime else "Standard"
        order.latest_ship_date = purchase + timedelta(days=1)
        order.earliest_delivery_date = world.at(local_day + timedelta(days=1 if prime else 2), 8)
        order.latest_delivery_date = world.at(local_day + timedelta(days=2 if prime else 5), 22)
        shipped = purchase + world.hours(2, 20)
        transit = timedelta(days=rng.randint(1, 2) if prime else rng.randint(2, 5))
        lost = False
    late = world.chance(0.04 if mfn else 0.02)
    delivered = _daytime(
        world, shipped + transit + (timedelta(days=rng.randint(2, 6)) if late else timedelta())
    )
    if delivered < shipped:
        delivered = shipped + world.hours(4, 10)

    if world.chance(CANCEL_RATE):
        order.status = OrderStatus.CANCELED
        order.cancelled_by_buyer = world.chance(0.7)
        order.last_updated_at = world.clamp(purchase + world.hours(0.2, 20))
    elif shipped <= world.now:
        order.status = OrderStatus.SHIPPED
        order.shipped_at = shipped
        order.delivered_at = None if lost or delivered > world.now else delivered
        if mfn:
            order.carrier = world.pick(list(CARRIERS), list(CARRIER_WEIGHTS))
            order.tracking_number = tracking_number(rng, order.carrier)
            order.bought_buy_shipping = world.chance(0.65)
        order.last_updated_at = order.delivered_at or shipped
    else:
        # Pending: payment not yet authorised, for most orders only minutes.
        young = world.now - purchase < timedelta(hours=2)
        order.status = OrderStatus.PENDING if young and world.chance(0.5) else OrderStatus.UNSHIPPED
        order.last_updated_at = purchase
    recent = world.now - purchase < timedelta(days=3)
    # Now and then a payment check holds a recent order for days.
    if order.status == OrderStatus.SHIPPED and recent and world.chance(0.01):
        order.status = OrderStatus.PENDING
        order.shipped_at = order.delivered_at = None
        order.carrier = order.tracking_number = ""
        order.bought_buy_shipping = False
        order.last_updated_at = purchase

    items = []
    total = Decimal("0.00")
    for sku, quantity in lines:
        line_total = sku.price * quantity  # item-price in Amazon's reports is per line
        total += line_total
        items.append(
            OrderItem(
                order=order,
                sku=sku.sku,
                asin=sku.asin,
                title=sku.title,
                item_status=order.status,
                quantity_ordered=quantity,
                quantity_shipped=quantity if order.status == OrderStatus.SHIPPED else 0,
                item_price=line_total,
                currency="USD",
            )
        )
    order.order_total = total
    return OrderPlan(order=order, items=items, lines=lines, buyer=buyer)


def return_window_end(plan: OrderPlan) -> datetime | None:
    """30 days from delivery; orders placed in November and December until 31 January."""
    if plan.delivered_at is None:
        return None
    end = plan.delivered_at + timedelta(days=30)
    purchase = plan.order.purchase_date
    if purchase.month in (11, 12):
        holiday_end = datetime.combine(
            purchase.date().replace(year=purchase.year + 1, month=1, day=31), time(23, 59), UTC
        )
        end = max(end, holiday_end)
    return end
