from __future__ import annotations

from django.db import models

from sellerdesk.common.models import Source, StoreScoped


class FulfillmentChannel(models.TextChoices):
    MFN = "MFN", "Seller-fulfilled (MFN)"
    AFN = "AFN", "Fulfilled by Amazon (AFN)"


class OrderStatus(models.TextChoices):
    PENDING = "Pending"
    UNSHIPPED = "Unshipped"
    PARTIALLY_SHIPPED = "PartiallyShipped", "Partially shipped"
    SHIPPED = "Shipped"
    CANCELED = "Canceled"
    UNFULFILLABLE = "Unfulfillable"
    INVOICE_UNCONFIRMED = "InvoiceUnconfirmed", "Invoice unconfirmed"
    PENDING_AVAILABILITY = "PendingAvailability", "Pending availability"


class Order(StoreScoped):
    amazon_order_id = models.CharField(max_length=19, db_index=True)
    merchant_order_id = models.CharField(max_length=64, blank=True)
    purchase_date = models.DateTimeField(db_index=True)
    last_updated_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=24, choices=OrderStatus.choices)
    fulfillment_channel = models.CharField(max_length=3, choices=FulfillmentChannel.choices)
    sales_channel = models.CharField(max_length=40, blank=True)
    ship_service_level = models.CharField(max_length=40, blank=True)
    is_business_order = models.BooleanField(default=False)
    is_prime = models.BooleanField(default=False)
    buyer_name = models.CharField(max_length=200, blank=True)
    buyer_relay_alias = models.CharField(
        max_length=254, blank=True, db_index=True, help_text="…@marketplace.amazon.<tld>"
    )
    ship_city = models.CharField(max_length=100, blank=True)
    ship_state = models.CharField(max_length=100, blank=True)
    ship_postal_code = models.CharField(max_length=20, blank=True)
    ship_country = models.CharField(max_length=2, blank=True)
    latest_ship_date = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    carrier = models.CharField(max_length=60, blank=True)
    tracking_number = models.CharField(max_length=80, blank=True)
    bought_buy_shipping = models.BooleanField(default=False)
    earliest_delivery_date = models.DateTimeField(null=True, blank=True)
    latest_delivery_date = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    cancelled_by_buyer = models.BooleanField(default=False)
    order_total = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.IMPORT)

    class Meta:
        ordering = ["-purchase_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["store", "amazon_order_id"], name="order_unique_store_amazon_id"
            )
        ]
        indexes = [models.Index(fields=["store", "fulfillment_channel", "purchase_date"])]

    def __str__(self) -> str:
        return self.amazon_order_id


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    sku = models.CharField(max_length=64, db_index=True)
    asin = models.CharField(max_length=10, db_index=True)
    title = models.CharField(max_length=500, blank=True)
    item_status = models.CharField(max_length=24, blank=True)
    quantity_ordered = models.PositiveIntegerField(default=1)
    quantity_shipped = models.PositiveIntegerField(default=0)
    item_price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["order", "sku"], name="orderitem_unique_order_sku")
        ]

    def __str__(self) -> str:
        return f"{self.sku} x {self.quantity_ordered}"
