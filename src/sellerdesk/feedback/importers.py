"""Importer for Amazon's seller feedback report (GET_SELLER_FEEDBACK_DATA).

TSV, one row per feedback (Amazon's report carries only 1 to 3 star feedback).
Dates follow the marketplace: ``M/D/YY`` in the US, day first elsewhere.
Feedback is keyed by order (Amazon allows one per order). The report owns what
the buyer wrote and the public response; the desk owns the status (removal
requested, removed, …), which an import never changes.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sellerdesk.common.models import Source
from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.imports.base import Column, Counts, Importer, Reader
from sellerdesk.imports.upsert import Upsert, assign, orders_by_id

FIELDS = ("order", "left_on", "rating", "comment", "your_response", "rater_email", "reply_status")


class FeedbackImporter(Importer):
    kind = "feedback"
    description = "Seller feedback report (GET_SELLER_FEEDBACK_DATA), TSV"
    columns: ClassVar[tuple[Column, ...]] = (
        Column("Date", ("feedback-date",)),
        Column("Rating"),
        Column("Comments", ("comment",), required=False),
        Column("Your Response", ("response",), required=False),
        Column("Order ID", ("amazon-order-id", "order-number")),
        Column("Rater Email", ("rater-email-address", "buyer-email"), required=False),
    )

    def _parse(self, r: Reader) -> dict[str, Any]:
        order_id = r.text("Order ID", required=True)
        if len(order_id) > 19:
            raise r.refuse("Order ID", f"not an Amazon order id: {order_id!r}")
        rating = r.integer("Rating", required=True)
        if rating is None or not 1 <= rating <= 5:
            raise r.refuse("Rating", f"not a rating from 1 to 5: {r.text('Rating')!r}")
        return {
            "amazon_order_id": order_id,
            "left_on": r.date("Date", required=True),
            "rating": rating,
            "comment": r.text("Comments"),
            "your_response": r.text("Your Response"),
            "rater_email": r.text("Rater Email")[:254],
        }

    def apply(self, batch: list[Reader]) -> Counts:
        rows = [self._parse(r) for r in batch]
        ids = {row["amazon_order_id"] for row in rows}
        upsert = Upsert(
            Feedback,
            "amazon_order_id",
            Feedback.objects.filter(store=self.store, amazon_order_id__in=ids),
        )
        orders = orders_by_id(self.store, ids)
        for row in rows:
            order = orders.get(row["amazon_order_id"])
            values = {**row, "order_id": order.pk if order else None}
            if row["your_response"]:
                # The report shows the public response: it is posted.
                values["reply_status"] = ReplyStatus.POSTED
            feedback = upsert.get(row["amazon_order_id"])
            if feedback is None:
                upsert.create(
                    Feedback(
                        store=self.store,
                        status=FeedbackStatus.ACTIVE,
                        source=Source.IMPORT,
                        **values,
                    )
                )
                continue
            if values["order_id"] is None:
                values.pop("order_id")  # never unlink an order the desk already knows
            upsert.touched(feedback, assign(feedback, values))
        return upsert.save(FIELDS)
