"""The starting text of a public comment on a review of 3 stars or fewer, in five languages.

A comment on a review is public content (``amazon-rules.md`` §8): an apology and an
invitation to reach the seller **through Amazon** for a replacement or help. Never a
word about changing or removing the review, no incentive, no links or contact details.
Every text here passes ``compliance.check(kind="public")`` without findings (tested).
"""

from __future__ import annotations

DRAFTS: dict[str, str] = {
    "en": (
        "We are sorry that this product did not meet your expectations. Please contact us "
        "through Amazon (Your Orders, then Contact seller) so that we can arrange a "
        "replacement or help you with the problem."
    ),
    "de": (
        "Es tut uns leid, dass das Produkt Ihre Erwartungen nicht erfüllt hat. Bitte "
        "schreiben Sie uns über Amazon (Meine Bestellungen, dann Verkäufer kontaktieren), "
        "damit wir Ihnen Ersatz schicken oder bei dem Problem helfen können."
    ),
    "fr": (
        "Nous sommes désolés que ce produit n'ait pas répondu à vos attentes. Merci de nous "
        "écrire via Amazon (Vos commandes, puis Contacter le vendeur) afin que nous puissions "
        "vous envoyer un remplacement ou vous aider à résoudre le problème."
    ),
    "es": (
        "Sentimos que este producto no haya cumplido sus expectativas. Por favor, "
        "escríbanos a través de Amazon (Mis pedidos, luego Contactar con el vendedor) para "
        "que podamos enviarle un reemplazo o ayudarle con el problema."
    ),
    "it": (
        "Ci dispiace che questo prodotto non abbia soddisfatto le sue aspettative. La "
        "invitiamo a scriverci tramite Amazon (I miei ordini, poi Contatta il venditore) "
        "così potremo inviarle un prodotto sostitutivo o aiutarla a risolvere il problema."
    ),
}
DEFAULT_LANGUAGE = "en"


def response_text(language: str) -> tuple[str, str]:
    """(text, language) of the comment to start from; other languages get English."""
    lang = language if language in DRAFTS else DEFAULT_LANGUAGE
    return DRAFTS[lang], lang
