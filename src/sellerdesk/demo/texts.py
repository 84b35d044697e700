"""What buyers write, keyed by the situation (the slug of the reply that answers it).

Placeholders: ``{product}`` (the buyer's word for it, "water bottle") and ``{date}``
(the promised delivery date, "November 10").
"""

from __future__ import annotations

BUYER_TEXTS: dict[str, tuple[str, ...]] = {
    "where-is-my-order": (
        "Hi, can you tell me when my {product} will arrive? The tracking page isn't showing much.",
        "Hello, just checking on my order. Is it still on track for {date}?",
        "Where is my package? I need it before the weekend.",
        "Hi there, the tracking hasn't updated in two days. Is everything ok with the shipment?",
    ),
    "delivery-delay": (
        "My order was supposed to be here by {date} and it still hasn't come. Is it lost?",
        "Hello, the delivery date has passed and I still don't have my {product}. What is "
        "going on?",
        "This was a birthday present and it's late. Tracking says in transit for days. Please "
        "help.",
        "Hi, the estimated delivery was {date}. Nothing yet. Can you check with the carrier?",
    ),
    "not-shipped-yet": (
        "Hi, my order still says not shipped. When will it go out?",
        "Hello, I ordered the {product} yesterday. Can you tell me when it ships?",
        "Is there any way to get this shipped sooner? I need it by {date} at the latest.",
    ),
    "delivered-not-received": (
        "Tracking says my package was delivered but I never got it. I checked the porch and "
        "the mailroom.",
        "Hi, it shows delivered on {date} but there's nothing here. My neighbors haven't seen "
        "it either.",
        "The carrier says delivered, but I was home all day and nobody came. What do I do now?",
    ),
    "return-instructions": (
        "Hi, the {product} is too small for what I need. How do I return it?",
        "Hello, I'd like to return this. I ordered the wrong size by mistake.",
        "I changed my mind about the {product}, it's still in the box. Can I send it back?",
        "How can I return my order? The color is different from what I expected.",
        "Hi, I need to return one of the items. It doesn't fit where I wanted to use it.",
    ),
    "return-window-closed": (
        "Hi, I bought the {product} a while ago and would like to return it. Is that still "
        "possible?",
        "Can I still return this? I never got around to it and it's been over a month.",
    ),
    "return-received": (
        "I sent the {product} back last week. Did you get it? When will I get my refund?",
        "Hi, tracking says my return was delivered to you on Monday. I haven't seen a refund yet.",
        "Hello, please confirm you got my return. I'd like to know when the money comes back.",
    ),
    "refund-issued": (
        "I was told I'd get a refund for this order but nothing has shown up on my card.",
        "Hi, where is my refund? It's been a week.",
        "Hello, I returned the item and still have not been refunded. Please check.",
    ),
    "damaged-or-defective": (
        "The {product} arrived broken. The box was crushed on one side.",
        "Hello, there's a crack in the {product} I received. I'd like a replacement please.",
        "Item arrived damaged, there's a big dent and scratches all over it.",
        "Hi, the {product} came damaged. It looks like it was dropped in transit.",
    ),
    "wrong-item": (
        "I received the wrong item. I ordered a {product} but got something completely different.",
        "Hi, the color I received is not the one I ordered.",
        "Hello, you sent me the wrong size. The label on the box doesn't match my order.",
    ),
    "missing-item": (
        "Hi, the {product} arrived but some parts are missing. There are no screws in the box.",
        "My order only had one of the two items in it. Where is the other one?",
        "The {product} came without the manual and one piece is missing.",
    ),
    "cancellation-confirmed": (
        "Please cancel my order, I bought it by mistake.",
        "Hi, can you cancel this order? I found I already have one at home.",
        "Hello, I need to cancel. I ordered the wrong {product}.",
        "Cancel please, ordered twice by accident.",
    ),
    "address-change": (
        "Hi, I put the wrong address on my order. Can you ship it to my work address instead?",
        "Hello, I'm moving this week. Can I change the shipping address?",
        "Can you change the apartment number on my order? I forgot to add it.",
    ),
    "change-size-or-colour": (
        "Hi, can I change my order to a different color?",
        "Hello, I ordered the wrong size. Can you switch it to the bigger one before it ships?",
        "Is it possible to swap my {product} for another variant?",
    ),
    "product-question": (
        "Does the {product} come with a warranty?",
        "Can I buy replacement parts for the {product}?",
        "How do I clean the {product}? There were no instructions in the box.",
    ),
    "invoice": (
        "Hi, can you send me an invoice for this order? I need it for my company.",
        "Hello, I need a VAT invoice for my purchase, please.",
        "Can I get an invoice with my business name on it?",
    ),
    "need-more-details": (
        "Hi, I have a problem with my order.",
        "Hello, something is not right with the {product}.",
        "There is an issue with what I received. Please contact me.",
    ),
}

# Damage and defects sound different for gadgets and for soft goods.
DAMAGE_TEXTS_BY_CATEGORY: dict[str, tuple[str, ...]] = {
    "electronics": (
        "Hi, my {product} stopped working after three days. What can you do?",
        "The {product} doesn't work right out of the box. Very disappointed.",
        "Hi, unfortunately the {product} is defective. It worked once and then never again.",
    ),
    "bedding": (
        "The {product} arrived with a torn seam.",
        "Hi, there are stains on the {product} and it smells strongly. Not new?",
    ),
    "apparel": (
        "One of the pairs arrived with a hole in it.",
        "Hi, the stitching on the {product} came apart the first time I wore them.",
    ),
    "pet": (
        "The {product} arrived damaged, part of it is torn.",
        "Hi, the {product} fell apart after a few days of use.",
    ),
    "pump": (
        "Hi, the {product} stopped working after a week. The pump makes a grinding noise.",
        "The pump in the {product} does not run at all.",
    ),
}

# A buyer's second message after the seller's reply, and the reply that answers it.
FOLLOW_UPS: dict[str, tuple[tuple[str, ...], str]] = {
    "damaged-or-defective": (
        (
            "Here are the photos. You can see the damage on the side.",
            "Photos attached. I'd prefer a replacement, thanks.",
        ),
        "replacement-sent",
    ),
    "missing-item": (
        ("It's the mounting hardware that's missing, the small bag with the screws.",),
        "replacement-sent",
    ),
    "wrong-item": (
        ("I sent the wrong item back last week, did you get it?",),
        "return-received",
    ),
    "return-instructions": (
        (
            "I dropped the package off today. When will I see the refund?",
            "Ok, the return is on its way back to you.",
        ),
        "return-received",
    ),
    "delivery-delay": (
        ("It's still not here. I don't want to wait any longer, can I get my money back?",),
        "refund-issued",
    ),
    "delivered-not-received": (
        ("Still nothing. I asked around again and nobody has it.",),
        "refund-issued",
    ),
    "where-is-my-order": (
        ("The tracking still hasn't moved since yesterday.",),
        "delivery-delay",
    ),
    "return-received": (
        ("It's been four days and still no refund.",),
        "refund-issued",
    ),
}

NUDGES = (
    "Any update on this?",
    "Hello? I'm still waiting for an answer.",
    "Just following up on my message from yesterday.",
    "Sorry, one more thing: I need this sorted out soon.",
)

THANK_YOU_TEXTS = (
    "Thank you!",
    "Got it, thanks for the quick reply.",
    "Received today, everything is fine. Thanks!",
    "Ok, thank you.",
    "Perfect, thanks for your help.",
    "Thanks, the package arrived this morning.",
)

SPANISH_TEXTS: dict[str, tuple[str, ...]] = {
    "where-is-my-order": (
        "Hola, ¿me pueden decir cuándo llega mi pedido? El seguimiento no dice casi nada.",
        "Buenas, ¿sigue previsto que llegue el {date}?",
    ),
    "delivery-delay": (
        "Mi pedido tenía que llegar el {date} y todavía no ha llegado. ¿Se ha perdido?",
        "Hola, ya pasó la fecha de entrega y no tengo nada. ¿Qué pasa con mi paquete?",
    ),
    "return-instructions": (
        "Hola, quiero devolver el producto, no es lo que esperaba. ¿Cómo lo hago?",
        "Buenas tardes, pedí la talla equivocada. ¿Cómo puedo devolverlo?",
    ),
    "refund-issued": (
        "Hola, devolví el artículo hace una semana y no me han reembolsado.",
        "¿Dónde está mi reembolso? Ya pasaron varios días.",
    ),
    "damaged-or-defective": (
        "El producto llegó roto, la caja estaba aplastada.",
        "Hola, dejó de funcionar a los tres días. ¿Qué pueden hacer?",
    ),
    "wrong-item": (
        "Me enviaron un artículo equivocado, no es lo que pedí.",
        "Hola, el color que recibí no es el que pedí.",
    ),
    "cancellation-confirmed": (
        "Por favor, cancelen mi pedido. Lo compré por error.",
        "Hola, ¿pueden cancelar este pedido? Ya no lo necesito.",
    ),
}
SPANISH_NUDGES = ("¿Alguna novedad?", "Hola, sigo esperando una respuesta.")
SPANISH_THANK_YOU = ("¡Gracias!", "Recibido, muchas gracias.")

# Amazon's subject lines, by the topic the buyer picked.
SUBJECTS = {
    "delivery": "Order delivery inquiry from Amazon customer {name} (Order: {order_id})",
    "ship_faster": "Ship faster inquiry from Amazon customer {name} (Order: {order_id})",
    "product": "Product details inquiry from Amazon customer {name} (Order: {order_id})",
    "return": "Return policy inquiry from Amazon customer {name} (Order: {order_id})",
    "inquiry": "Inquiry from Amazon customer {name} (Order: {order_id})",
    "message": "Message from Amazon customer {name} (Order: {order_id})",
}
SUBJECT_BY_SCENARIO = {
    "where-is-my-order": "delivery",
    "delivery-delay": "delivery",
    "delivered-not-received": "delivery",
    "not-shipped-yet": "ship_faster",
    "product-question": "product",
    "return-instructions": "return",
    "return-window-closed": "return",
    "thank-you": "message",
    "need-more-details": "message",
}
