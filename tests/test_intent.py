"""The intent classifier: typical messages, quoted history, subject hints, accuracy floors."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest

from sellerdesk.messaging.intent import (
    INTENTS,
    IntentResult,
    buyer_text,
    classify_intent,
    detect_language,
)
from sellerdesk.messaging.models import Intent

DATA = Path(__file__).parent / "data"

# (language, intent, message): one typical message per language and intent.
TYPICAL = [
    ("en", "where_is_my_order", "Hi, my package still hasn't arrived. Can you check the tracking?"),
    ("en", "return_request", "I would like to return the lamp, how do I get a return label?"),
    (
        "en",
        "refund_request",
        "I sent it back two weeks ago and still no refund. Where is my money?",
    ),
    (
        "en",
        "damaged_or_defective",
        "The blender arrived with a cracked jug and it doesn't turn on.",
    ),
    ("en", "wrong_item", "You sent me the wrong colour, I ordered green and got red."),
    ("en", "cancel_order", "Please cancel my order, I bought it by mistake."),
    ("en", "change_order", "Can you change the shipping address to 12 Oak Road before it ships?"),
    ("en", "product_question", "Is this compatible with the Galaxy S24?"),
    ("en", "invoice_request", "Could you send me an invoice with VAT for my company?"),
    ("en", "thank_you", "Arrived today in perfect condition, thank you!"),
    ("en", "other", "Do you offer wholesale prices for 300 units?"),
    ("de", "where_is_my_order", "Hallo, mein Paket ist immer noch nicht angekommen. Wo bleibt es?"),
    ("de", "return_request", "Ich möchte die Schuhe zurückschicken, sie sind zu klein."),
    ("de", "refund_request", "Wann bekomme ich die Erstattung? Die Retoure ist längst bei Ihnen."),
    ("de", "damaged_or_defective", "Der Mixer ist kaputt angekommen und funktioniert nicht."),
    ("de", "wrong_item", "Falscher Artikel geliefert, ich hatte die blaue Version bestellt."),
    ("de", "cancel_order", "Bitte stornieren Sie meine Bestellung."),
    ("de", "change_order", "Können Sie die Lieferadresse noch ändern? Ich bin umgezogen."),
    ("de", "product_question", "Ist die Pfanne für Induktion geeignet?"),
    ("de", "invoice_request", "Bitte schicken Sie mir eine Rechnung mit ausgewiesener MwSt."),
    ("de", "thank_you", "Ware ist heute angekommen, vielen Dank!"),
    ("de", "other", "Bieten Sie Mengenrabatt für Firmenkunden an?"),
    ("fr", "where_is_my_order", "Bonjour, je n'ai toujours pas reçu mon colis, où en est-il ?"),
    ("fr", "return_request", "Je souhaite retourner l'article, il ne me convient pas."),
    ("fr", "refund_request", "J'ai renvoyé le colis et je n'ai toujours pas été remboursé."),
    ("fr", "damaged_or_defective", "Le produit est arrivé cassé et ne fonctionne pas."),
    ("fr", "wrong_item", "Ce n'est pas le bon produit, j'ai reçu une coque au lieu du câble."),
    ("fr", "cancel_order", "Merci d'annuler ma commande, je me suis trompé."),
    ("fr", "change_order", "Pouvez-vous modifier l'adresse de livraison avant l'envoi ?"),
    ("fr", "product_question", "Est-ce que ce chargeur est compatible avec l'iPhone 15 ?"),
    ("fr", "invoice_request", "Pourriez-vous m'envoyer une facture pour ma société ?"),
    ("fr", "thank_you", "Bien reçu, merci beaucoup !"),
    ("fr", "other", "Vous êtes un revendeur ? Je voudrais acheter en gros pour ma boutique."),
    ("es", "where_is_my_order", "Hola, todavía no me ha llegado el pedido, ¿dónde está?"),
    ("es", "return_request", "Quiero devolver el artículo, no me queda bien."),
    (
        "es",
        "refund_request",
        "Devolví el producto hace dos semanas y no me han hecho el reembolso.",
    ),
    ("es", "damaged_or_defective", "El producto llegó roto y no funciona."),
    ("es", "wrong_item", "Me llegó un producto equivocado, pedí el negro."),
    ("es", "cancel_order", "Por favor, cancelen mi pedido."),
    ("es", "change_order", "¿Pueden cambiar la dirección de envío? Me equivoqué en el número."),
    ("es", "product_question", "¿Es compatible con el Samsung A54?"),
    ("es", "invoice_request", "Necesito la factura con IVA a nombre de mi empresa."),
    ("es", "thank_you", "Recibido, todo perfecto. ¡Muchas gracias!"),
    ("es", "other", "¿Venden al por mayor? Tengo una tienda pequeña."),
    ("it", "where_is_my_order", "Buongiorno, il mio pacco non è ancora arrivato. Dov'è?"),
    ("it", "return_request", "Vorrei restituire l'articolo, come faccio il reso?"),
    ("it", "refund_request", "Ho restituito il prodotto ma non ho ancora ricevuto il rimborso."),
    ("it", "damaged_or_defective", "Il prodotto è arrivato rotto e non funziona."),
    ("it", "wrong_item", "Mi è arrivato l'articolo sbagliato, avevo ordinato il nero."),
    ("it", "cancel_order", "Vorrei annullare il mio ordine, grazie."),
    ("it", "change_order", "Potete modificare l'indirizzo di consegna prima della spedizione?"),
    ("it", "product_question", "È compatibile con l'iPhone 13?"),
    ("it", "invoice_request", "Mi serve la fattura intestata alla mia azienda."),
    ("it", "thank_you", "Ricevuto oggi, tutto perfetto, grazie mille!"),
    ("it", "other", "Fate sconti per aziende? Ci servono 200 pezzi."),
]


@pytest.mark.parametrize(
    ("language", "intent", "text"), TYPICAL, ids=[f"{lang}-{i}" for lang, i, _ in TYPICAL]
)
def test_typical_message(language: str, intent: str, text: str) -> None:
    result = classify_intent(text=text)
    assert (result.intent, result.language) == (intent, language)
    assert result.evidence, "the agent is shown why"
    assert 0 < result.confidence <= 1


def test_every_intent_is_covered_in_every_language() -> None:
    covered = {(lang, intent) for lang, intent, _ in TYPICAL}
    assert covered == {(lang, i) for lang in ("en", "de", "fr", "es", "it") for i in INTENTS}


def test_intents_are_the_model_choices() -> None:
    assert set(INTENTS) == set(Intent.values)


def test_result_is_a_frozen_dataclass() -> None:
    result = classify_intent(text="Where is my parcel?")
    assert isinstance(result, IntentResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.intent = "other"  # type: ignore[misc]


# --- quoted history ------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "On Tue, Mar 3, 2026 at 10:12 AM Shop <shop@example.com> wrote:\n"
        "> Sorry it arrived broken, we will refund you. Please cancel the return.",
        "Am 03.03.2026 um 10:12 schrieb Shop <shop@example.de>:\n"
        "> Es tut uns leid, dass der Artikel kaputt ist. Wir erstatten den Betrag.",
        "Le mar. 3 mars 2026 à 10:12, Boutique <shop@example.fr> a écrit :\n"
        "> Désolés, l'article est cassé. Nous allons vous rembourser.",
        "El mar, 3 mar 2026 a las 10:12, Tienda <shop@example.es> escribió:\n"
        "> Sentimos que llegara roto. Le haremos el reembolso.",
        "Il giorno mar 3 mar 2026 alle ore 10:12 Negozio <shop@example.it> ha scritto:\n"
        "> Ci dispiace che sia arrivato rotto. Faremo il rimborso.",
        "-----Original Message-----\nFrom: Shop\nSent: Tuesday\n\nRefund issued for the "
        "damaged item. You can cancel the return.",
        "> Refund issued for the damaged item.\n> Please cancel the return request.",
    ],
)
def test_quoted_history_is_ignored(quote: str) -> None:
    result = classify_intent(text=f"Thanks, got it, all good!\n\n{quote}")
    assert result.intent == "thank_you"
    assert all("refund" not in e.lower() for e in result.evidence)


def test_buyer_text_takes_the_amazon_message_block() -> None:
    text = (
        "Order ID 111-0944945-3989852:\n1 of Lamp [ASIN: B01N5IB20Q]\n\n"
        "------------- Begin message -------------\n\nThe lamp arrived broken.\n\n"
        "------------- End message -------------\n\n"
        "Mark as no response needed. Refund, return, cancel. [commMgrTok:A1B2C3]"
    )
    assert buyer_text(text) == "The lamp arrived broken."
    assert classify_intent(text=text).intent == "damaged_or_defective"


def test_a_message_that_only_quotes_is_still_read() -> None:
    # Bottom-posting: nothing above the header, so the header is not a cut.
    text = "On Tue, Mar 3, 2026 Shop wrote:\n> hello\n\nWhere is my package?"
    assert classify_intent(text=text).intent == "where_is_my_order"


# --- subjects ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "intent"),
    [
        ("Product details inquiry from Amazon customer Josh", "product_question"),
        (
            "Order delivery inquiry from Amazon customer  (Order: 111-0944945-3989852)",
            "where_is_my_order",
        ),
        (
            "Ship faster inquiry from Amazon customer Ana (Order: 111-0944945-3989852)",
            "where_is_my_order",
        ),
        (
            "Return policy inquiry from Amazon customer Bo (Order: 111-0944945-3989852)",
            "return_request",
        ),
        (
            "Demande de renseignements sur les détails du produit de la part du client Amazon Léa",
            "product_question",
        ),
        ("Anfrage zu Produktdetails von Amazon-Kunde Max", "product_question"),
    ],
)
def test_subject_hint_decides_when_the_body_says_nothing(subject: str, intent: str) -> None:
    result = classify_intent(text="Hello, please get back to me.", subject=subject)
    assert result.intent == intent
    assert result.evidence
    assert result.evidence[0].startswith("subject:")


def test_the_body_wins_over_the_subject() -> None:
    subject = "Product details inquiry from Amazon customer Josh"
    result = classify_intent(text="It arrived broken, the glass is shattered.", subject=subject)
    assert result.intent == "damaged_or_defective"


def test_subject_language_is_used_when_the_body_has_none() -> None:
    subject = "Anfrage von Amazon-Kunde Max (Bestellung: 302-1234567-1234567)"
    assert classify_intent(text="👍", subject=subject).language == "de"


def test_a_free_form_subject_is_read_lightly() -> None:
    result = classify_intent(text="See subject. Thanks", subject="Invoice needed")
    assert result.intent == "invoice_request"


# --- precedence ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("The mug arrived smashed, I want a refund.", "damaged_or_defective"),
        ("Thank you, but where is my parcel? Still not here.", "where_is_my_order"),
        ("Thanks for the refund!", "thank_you"),
        ("Thank you, refund received.", "thank_you"),
        ("You cancelled my order but I was still charged, please refund.", "refund_request"),
        ("Das Paket ist nicht angekommen.", "where_is_my_order"),
        ("Paket ist angekommen, danke.", "thank_you"),
        ("Wrong size sent, I'd like to return it.", "wrong_item"),
        ("Can you tell me when it ships? thanks", "where_is_my_order"),
        ("The tracking number doesn't work on the UPS site.", "where_is_my_order"),
    ],
)
def test_precedence_and_negation(text: str, intent: str) -> None:
    assert classify_intent(text=text).intent == intent


def test_a_question_is_never_a_bare_thank_you() -> None:
    assert classify_intent(text="Great, thanks! Will it fit my car?").intent != "thank_you"
    assert classify_intent(text="thanks?").intent == "other"


def test_nothing_to_go_on_is_other_with_low_confidence() -> None:
    result = classify_intent(text="ok")
    assert result == IntentResult("other", 0.2, "", [])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Where is my order?", "en"),
        ("Wo bleibt meine Bestellung?", "de"),
        ("Où est ma commande ?", "fr"),
        ("¿Dónde está mi pedido?", "es"),
        ("Dov'è il mio ordine?", "it"),
        ("112-3456789-0123456", ""),
    ],
)
def test_language(text: str, language: str) -> None:
    assert detect_language(text) == language


# --- determinism, speed, accuracy floors ----------------------------------------------


def _load(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _accuracy(rows: list[dict[str, str]]) -> float:
    hits = sum(
        classify_intent(text=r["text"], subject=r["subject"]).intent == r["intent"] for r in rows
    )
    return hits / len(rows)


def test_the_result_is_deterministic() -> None:
    rows = _load("intent_dev.jsonl")
    first = [classify_intent(text=r["text"], subject=r["subject"]) for r in rows]
    second = [classify_intent(text=r["text"], subject=r["subject"]) for r in rows]
    assert first == second


def test_it_is_fast() -> None:
    rows = _load("intent_dev.jsonl")
    classify_intent(text="warm up")
    started = time.perf_counter()
    for r in rows:
        classify_intent(text=r["text"], subject=r["subject"])
    per_second = len(rows) / (time.perf_counter() - started)
    assert per_second > 1000  # about 10,000/s measured; generous for a loaded CI machine


def test_evaluation_sets_are_well_formed() -> None:
    for name in ("intent_heldout.jsonl", "intent_dev.jsonl"):
        rows = _load(name)
        assert len(rows) >= 300
        assert {r["intent"] for r in rows} == set(INTENTS)
        for lang in ("en", "de", "fr", "es", "it"):
            assert sum(r["language"] == lang for r in rows) >= 40
        assert all(set(r) == {"text", "subject", "intent", "language"} for r in rows)
    heldout = {r["text"] for r in _load("intent_heldout.jsonl")}
    assert not heldout & {r["text"] for r in _load("intent_dev.jsonl")}


def test_heldout_accuracy_floor() -> None:
    # The held-out set was written and committed (73cb15e) before the classifier and never
    # tuned on. First measurement, before its errors were read: 96.1 % (321/334). Measured
    # now: 96.4 % (322/334), after a too-broad English cue (", I bought") was narrowed
    # because a unit test above failed on it. Floor: measured minus 3 points.
    assert _accuracy(_load("intent_heldout.jsonl")) >= 0.934


def test_dev_accuracy_floor() -> None:
    # Measured 99.8 % (458/459) on the development set the cues were tuned against.
    assert _accuracy(_load("intent_dev.jsonl")) >= 0.968
