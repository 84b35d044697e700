from __future__ import annotations

from django.contrib import admin

from sellerdesk.orders.models import Order, OrderItem


class OrderItemInline(admin.TabularInline[OrderItem, Order]):
    model = OrderItem
    extra = 0


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin[Order]):
    list_display = (
        "amazon_order_id",
        "store",
        "purchase_date",
        "status",
        "fulfillment_channel",
        "buyer_name",
        "order_total",
        "currency",
    )
    list_filter = ("store", "status", "fulfillment_channel", "is_prime", "source")
    search_fields = ("amazon_order_id", "merchant_order_id", "buyer_name", "tracking_number")
    date_hierarchy = "purchase_date"
    list_select_related = ("store",)
    readonly_fields = ("created_at", "updated_at")
    inlines = (OrderItemInline,)


@admin.register(OrderItem)
class OrderItemAdmin(admin.ModelAdmin[OrderItem]):
    list_display = ("sku", "asin", "order", "quantity_ordered", "quantity_shipped", "item_price")
    search_fields = ("sku", "asin", "title", "order__amazon_order_id")
    list_filter = ("order__store",)
    raw_id_fields = ("order",)
    list_select_related = ("order",)
