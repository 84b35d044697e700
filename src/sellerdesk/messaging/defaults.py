"""The built-in reply templates every store starts with.

Merge fields use Django template syntax (rendered by ``messaging.merge``):
``{{ buyer_name }}``, ``{{ order_id }}``, ``{{ product }}``, ``{{ asin }}``,
``{{ tracking_number }}``, ``{{ carrier }}``, ``{{ delivery_date }}``,
``{{ return_window_end }}``, ``{{ seller_name }}``.

Every template follows Amazon's Communication Guidelines (amazon-rules.md §3):
it names the order id, answers a real question (never a bare "thank you"),
and carries no links, contact details, emoji, promotion or incentive. Feedback
is mentioned in one template only, after a solved problem, in the neutral
wording Amazon itself allows. Paragraphs are separated by one blank line.

The English set is below; German, French, Spanish and Italian versions of the
most used ones live in ``defaults_i18n`` under the same slugs.
"""

from __future__ import annotations

from sellerdesk.messaging.defaults_i18n import TRANSLATED_TEMPLATES

_SIGN_OFF = "\n\nKind regards,\n{{ seller_name }}"


def _en(slug: str, name: str, intent: str, *paragraphs: str) -> dict[str, str]:
    body = "\n\n".join(["Hello {{ buyer_name }},", *paragraphs]) + _SIGN_OFF
    return {"slug": slug, "language": "en", "name": name, "intent": intent, "body": body}


ENGLISH_TEMPLATES: list[dict[str, str]] = [
    _en(
        "where-is-my-order",
        "Where is my order: tracking",
        "where_is_my_order",
        "Thank you for your message about order {{ order_id }} ({{ product }}). Your parcel "
        "has been shipped with {{ carrier }}, tracking number {{ tracking_number }}, and is "
        "expected to arrive by {{ delivery_date }}. You can follow its progress at any time "
        "under Your Orders on Amazon.",
        "If it has not arrived by then, please reply to this message and we will look into "
        "it with the carrier straight away.",
    ),
    _en(
        "delivery-delay",
        "Delivery delayed",
        "where_is_my_order",
        "We are sorry that order {{ order_id }} is taking longer than expected. The tracking "
        "for your parcel ({{ carrier }}, {{ tracking_number }}) shows a delay in the carrier's "
        "network, and it is now expected by {{ delivery_date }}.",
        "We are keeping an eye on the shipment. If it has not reached you by "
        "{{ delivery_date }}, please let us know and we will send a replacement or refund the "
        "order, whichever you prefer.",
    ),
    _en(
        "not-shipped-yet",
        "Order not shipped yet",
        "where_is_my_order",
        "Thank you for getting in touch about order {{ order_id }}. Your {{ product }} is "
        "being prepared for dispatch and will be handed to the carrier within the handling "
        "time shown on the order. As soon as it ships, the tracking details will appear under "
        "Your Orders on Amazon. The delivery estimate is still {{ delivery_date }}.",
    ),
    _en(
        "delivered-not-received",
        "Shown as delivered, not received",
        "where_is_my_order",
        "We are sorry to hear that order {{ order_id }} has not reached you. {{ carrier }} "
        "reports tracking number {{ tracking_number }} as delivered on {{ delivery_date }}. "
        "Parcels marked as delivered sometimes turn up a day later, or are left with a "
        "neighbour, in a mailbox or at a side door, so it is worth checking there first.",
        "If the parcel has still not appeared in two days, please reply to this message and "
        "we will send a replacement or issue a full refund, as you prefer.",
    ),
    _en(
        "return-instructions",
        "Return instructions",
        "return_request",
        "Thank you for letting us know. You can return the {{ product }} from order "
        "{{ order_id }} until {{ return_window_end }}. To start the return, go to Your Orders "
        "on Amazon, choose this order and select the option to return or replace items. "
        "Amazon will then give you the return label and the drop-off options.",
        "Please pack the item securely, ideally in its original packaging. Once it reaches "
        "us, we will refund you within two business days.",
    ),
    _en(
        "return-window-closed",
        "Return after the return window",
        "return_request",
        "Thank you for your message about order {{ order_id }}. The return window for this "
        "order ended on {{ return_window_end }}, so Amazon no longer offers a return label "
        "for it.",
        "If the {{ product }} has stopped working or has a fault, please describe what "
        "happens and, if you can, attach a photo to your reply here. We will then look at a "
        "repair, a replacement or a partial refund with you.",
    ),
    _en(
        "return-received",
        "Return received, refund on its way",
        "refund_request",
        "Your return for order {{ order_id }} has arrived at our warehouse. We are checking "
        "the {{ product }} now and will issue your refund within two business days. Amazon "
        "will confirm it by email as soon as it has been processed.",
        "Refunds usually show on your statement within three to five business days after "
        "that, depending on your bank.",
    ),
    _en(
        "refund-issued",
        "Refund issued",
        "refund_request",
        "We have issued a refund for order {{ order_id }} ({{ product }}). Amazon will send "
        "you a confirmation, and the amount is usually back on your original payment method "
        "within three to five business days, depending on your bank.",
        "We are sorry this order did not work out. If anything about the refund looks wrong, "
        "please reply to this message.",
    ),
    _en(
        "damaged-or-defective",
        "Damaged or defective item",
        "damaged_or_defective",
        "We are very sorry that the {{ product }} from order {{ order_id }} arrived damaged "
        "or is not working properly. So that we can sort this out quickly, could you attach "
        "one or two photos of the item (and of the box, if it was damaged) to your reply here "
        "and describe what happens?",
        "As soon as we have them, we will send you a replacement or refund you in full, "
        "whichever you prefer. A return, if one is needed, will cost you nothing.",
    ),
    _en(
        "replacement-sent",
        "Replacement sent",
        "damaged_or_defective",
        "A replacement {{ product }} for order {{ order_id }} is on its way to you. It has "
        "been shipped with {{ carrier }}, tracking number {{ tracking_number }}, and should "
        "arrive by {{ delivery_date }}.",
        "You do not need to send the original item back unless Amazon asks you to. We are "
        "sorry for the trouble this has caused.",
    ),
    _en(
        "wrong-item",
        "Wrong item received",
        "wrong_item",
        "We are sorry that you received the wrong item with order {{ order_id }}; you should "
        "have received the {{ product }} (ASIN {{ asin }}). We are sending the correct item "
        "today and will write again with the tracking details once it ships.",
        "To send back the item you received, please request a return under Your Orders on "
        "Amazon and give 'wrong item was sent' as the reason, so that the return label is at "
        "our expense.",
    ),
    _en(
        "missing-item",
        "Missing part or item",
        "wrong_item",
        "We are sorry that something is missing from order {{ order_id }}. Could you tell us "
        "which part or accessory of the {{ product }} you did not receive? A photo of the "
        "contents of the box would help us too; you can attach it to your reply here.",
        "We will send the missing part straight away, or refund the order if you prefer.",
    ),
    _en(
        "cancellation-confirmed",
        "Cancellation confirmed",
        "cancel_order",
        "As you asked, we have cancelled order {{ order_id }}. You have not been charged for "
        "it; if your bank shows a pending amount, it will be released within a few business "
        "days.",
        "If you cancelled because of a question about the {{ product }}, reply here and we "
        "will gladly answer it.",
    ),
    _en(
        "cancellation-not-possible",
        "Cancellation not possible: already shipped",
        "cancel_order",
        "We received your request to cancel order {{ order_id }}, but the parcel had already "
        "been handed to {{ carrier }} (tracking number {{ tracking_number }}), so we can no "
        "longer stop it.",
        "When it arrives you can refuse the delivery, or keep it unopened and return it: "
        "under Your Orders on Amazon, choose this order and select the option to return "
        "items. Your refund will follow as soon as the parcel is back with us.",
    ),
    _en(
        "address-change",
        "Change of delivery address",
        "change_order",
        "Thank you for your message about the delivery address for order {{ order_id }}. To "
        "protect your account, Amazon only allows us to ship to the address on the order, so "
        "we cannot change it from our side.",
        "If the order has not shipped yet, we can cancel it for you so that you can place it "
        "again with the correct address. Please reply to this message if you would like us "
        "to do that.",
    ),
    _en(
        "change-size-or-colour",
        "Change of size or colour",
        "change_order",
        "Thank you for your message about order {{ order_id }}. We cannot swap the "
        "{{ product }} for another size or colour within the same order, because Amazon "
        "handles the payment for each order separately.",
        "If the order has not shipped yet, we can cancel it so that you can order the right "
        "variant. If it has already shipped, you can return it until {{ return_window_end }} "
        "under Your Orders on Amazon once it arrives.",
    ),
    _en(
        "product-question",
        "Product question",
        "product_question",
        "Thank you for your question about the {{ product }} (ASIN {{ asin }}) from order "
        "{{ order_id }}. Its size, materials and care instructions are listed on the product "
        "page, and the leaflet in the box explains the set-up step by step.",
        "If your question is not answered there, please tell us a little more about how you "
        "would like to use it, and we will reply with the details.",
    ),
    _en(
        "invoice",
        "Invoice",
        "invoice_request",
        "We have attached the invoice for order {{ order_id }} to this reply. You can also "
        "download it at any time under Your Orders on Amazon, next to the order.",
        "If you need the invoice made out to a company or with a VAT or tax registration, "
        "please reply with those details and we will send a corrected copy.",
    ),
    _en(
        "need-more-details",
        "Ask for more details",
        "other",
        "Thank you for your message about order {{ order_id }}. So that we can help you "
        "properly, could you tell us a little more about what happened with the "
        "{{ product }}? Photos are welcome too; you can attach them to your reply here.",
    ),
    _en(
        "feedback-follow-up",
        "After a resolved problem: feedback",
        "other",
        "We are glad that the problem with order {{ order_id }} has been resolved, and we "
        "are sorry again for the trouble it caused.",
        "If you are satisfied that we have resolved your concerns, it is possible to update "
        "or remove the feedback.",
    ),
]

DEFAULT_TEMPLATES: list[dict[str, str]] = ENGLISH_TEMPLATES + TRANSLATED_TEMPLATES
