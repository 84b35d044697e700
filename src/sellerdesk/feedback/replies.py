"""Public replies to seller feedback: the starting texts, in five languages.

Amazon's advice (``amazon-rules.md`` §6): answer negative feedback with an apology and a
way forward, thank positive feedback. A reply is public content — no links, contact
details, promotion, and never a word about changing the feedback for anything — so the
way forward is always Amazon's own messaging.
"""

from __future__ import annotations

from collections.abc import Collection

from sellerdesk.feedback.removal_cues import DELIVERY, HANDLING, LATE, PRODUCT, SELLER

# The apology names what the buyer wrote about, when the removal check could tell.
APOLOGY: dict[str, dict[str, str]] = {
    "en": {
        PRODUCT: "We are sorry the item did not meet your expectations.",
        DELIVERY: "We are sorry your delivery did not go as it should have.",
        SELLER: "We are sorry about your experience with our service.",
        "": "We are sorry your order did not go as you expected.",
    },
    "de": {
        PRODUCT: "Es tut uns leid, dass der Artikel Ihre Erwartungen nicht erfüllt hat.",
        DELIVERY: "Es tut uns leid, dass die Lieferung nicht wie vorgesehen verlaufen ist.",
        SELLER: "Es tut uns leid, dass Sie mit unserem Service nicht zufrieden waren.",
        "": "Es tut uns leid, dass Ihre Bestellung nicht wie erwartet verlaufen ist.",
    },
    "fr": {
        PRODUCT: "Nous sommes désolés que l'article n'ait pas répondu à vos attentes.",
        DELIVERY: "Nous sommes désolés que la livraison ne se soit pas déroulée comme prévu.",
        SELLER: "Nous sommes désolés de votre expérience avec notre service.",
        "": "Nous sommes désolés que votre commande ne se soit pas passée comme prévu.",
    },
    "es": {
        PRODUCT: "Sentimos que el artículo no haya cumplido sus expectativas.",
        DELIVERY: "Sentimos que la entrega no haya ido como debía.",
        SELLER: "Sentimos su experiencia con nuestro servicio.",
        "": "Sentimos que su pedido no haya ido como esperaba.",
    },
    "it": {
        PRODUCT: "Ci dispiace che l'articolo non abbia soddisfatto le sue aspettative.",
        DELIVERY: "Ci dispiace che la consegna non sia andata come doveva.",
        SELLER: "Ci dispiace per la sua esperienza con il nostro servizio.",
        "": "Ci dispiace che il suo ordine non sia andato come sperava.",
    },
}

WAY_FORWARD = {
    "en": (
        "Please contact us through Amazon's Buyer-Seller Messaging (Your Orders, then "
        "Contact seller) so we can look into it and find a solution for you."
    ),
    "de": (
        "Bitte schreiben Sie uns über Amazons Käufer-Verkäufer-Nachrichten (Meine "
        "Bestellungen, dann Verkäufer kontaktieren), damit wir eine Lösung für Sie finden."
    ),
    "fr": (
        "Merci de nous écrire via la messagerie acheteur-vendeur d'Amazon (Vos commandes, "
        "puis Contacter le vendeur) afin que nous trouvions une solution pour vous."
    ),
    "es": (
        "Por favor, escríbanos a través de la mensajería entre compradores y vendedores de "
        "Amazon (Mis pedidos, luego Contactar con el vendedor) para encontrar una solución."
    ),
    "it": (
        "La invitiamo a scriverci tramite la messaggistica acquirente-venditore di Amazon "
        "(I miei ordini, poi Contatta il venditore) per trovare insieme una soluzione."
    ),
}

THANKS = {
    "en": "Thank you for your kind words. We are glad you are happy with your order.",
    "de": "Vielen Dank für Ihre freundlichen Worte. Wir freuen uns, dass Sie zufrieden sind.",
    "fr": "Merci beaucoup pour vos aimables mots. Nous sommes ravis que vous soyez satisfait.",
    "es": "Muchas gracias por sus amables palabras. Nos alegra que esté satisfecho.",
    "it": "Grazie mille per le sue gentili parole. Siamo felici che sia soddisfatto.",
}


def _subject(topics: set[str]) -> str:
    """What to apologise for: the one thing the comment is about, else the order in general."""
    found = topics & {PRODUCT, SELLER}
    if topics & {LATE, HANDLING, DELIVERY}:
        found.add(DELIVERY)
    return found.pop() if len(found) == 1 else ""


def reply_text(*, rating: int, language: str, topics: Collection[str] = ()) -> tuple[str, str]:
    """(text, language) of the reply to start from; languages other than the five: English."""
    lang = language if language in THANKS else "en"
    if rating >= 4:
        return THANKS[lang], lang
    apology = APOLOGY[lang][_subject(set(topics))]
    return f"{apology} {WAY_FORWARD[lang]}", lang
