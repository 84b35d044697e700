"""The built-in reply templates every store starts with.

Merge fields use Django template syntax: ``{{ buyer_name }}``, ``{{ order_id }}``,
``{{ product }}``, ``{{ asin }}``, ``{{ tracking_number }}``, ``{{ carrier }}``,
``{{ delivery_date }}``, ``{{ return_window_end }}``, ``{{ seller_name }}``.
"""

from __future__ import annotations

DEFAULT_TEMPLATES: list[dict[str, str]] = [
    {
        "slug": "where-is-my-order",
        "language": "en",
        "name": "Where is my order",
        "intent": "where_is_my_order",
        "body": (
            "Hello {{ buyer_name }},\n\n"
            "Thank you for your message about order {{ order_id }}. Your parcel was shipped "
            "with {{ carrier }} under tracking number {{ tracking_number }} and is expected "
            "by {{ delivery_date }}. You can follow it from Your Orders on Amazon.\n\n"
            "Kind regards,\n{{ seller_name }}"
        ),
    },
]
