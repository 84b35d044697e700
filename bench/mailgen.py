"""Realistic Amazon relay mail for benchmarks: deterministic, any number of messages.

Mostly buyer messages (classic template and HTML template, five languages, some
follow-ups with quoted history, some photos attached), with A-to-z, chargeback
and return notices, auto-replies and non-Amazon mail mixed in as a real seller
mailbox has them.
"""

from __future__ import annotations

import mailbox
import random
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

TEXTS = {
    "en": [
        "Hello, my order has not arrived yet and the tracking has not moved since Monday. "
        "Can you check where it is?",
        "The lid of the bottle leaks, water everywhere in my bag. I would like a replacement.",
        "I received the wrong colour, I ordered blue and got red. What should I do?",
        "Can I still change the delivery address? I am moving this week.",
        "Is this pan suitable for induction hobs?",
        "Please cancel my order, I ordered it twice by mistake.",
        "I need an invoice with my company name for this order please.",
        "Thank you, everything arrived fine!",
        "I returned the item two weeks ago and still have no refund.",
    ],
    "de": [
        "Guten Tag, meine Bestellung ist noch nicht angekommen. Wo ist mein Paket?",
        "Die Kaffeemühle ist defekt angekommen. Bitte um Ersatz.",
        "Ich brauche eine Rechnung mit Mehrwertsteuer für meine Firma.",
    ],
    "fr": [
        "Bonjour, je n'ai toujours pas reçu ma commande. Pouvez-vous vérifier ?",
        "Le produit est arrivé cassé, je voudrais un remboursement.",
    ],
    "es": [
        "Hola, mi pedido no ha llegado todavía. ¿Dónde está?",
        "Quiero devolver el artículo, no es compatible con mi modelo.",
    ],
    "it": [
        "Buongiorno, il mio ordine non è ancora arrivato. Potete controllare?",
        "Ho ricevuto un articolo sbagliato, vorrei il reso.",
    ],
}
TLD = {"en": "com", "de": "de", "fr": "fr", "es": "es", "it": "it"}
MARKERS = {
    "en": ("Begin message", "End message"),
    "de": ("Beginn der Nachricht", "Ende der Nachricht"),
    "fr": ("Début du message", "Fin du message"),
    "es": ("Inicio del mensaje", "Fin del mensaje"),
    "it": ("Inizio messaggio", "Fine messaggio"),
}
NAMES = ["Alisa", "Josh", "Maria", "Jonas", "Valérie", "Lucía", "Marco", "Priya", "Tom", "Ana"]
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9") * 200


def _alias(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(15))


def _order_id(rng: random.Random) -> str:
    return f"{rng.randint(111, 114)}-{rng.randint(0, 9999999):07d}-{rng.randint(0, 9999999):07d}"


def buyer_message(rng: random.Random, index: int, when: datetime) -> EmailMessage:
    language = rng.choices(list(TEXTS), weights=[70, 10, 8, 6, 6])[0]
    name = rng.choice(NAMES)
    order = _order_id(rng)
    alias = _alias(rng)
    asin = "B0" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))
    text = rng.choice(TEXTS[language])
    if rng.random() < 0.2:
        text += (
            f"\n\nOn {format_datetime(when - timedelta(days=1))} {name} wrote:\n> "
            + rng.choice(TEXTS[language])
        )
    message = EmailMessage()
    message["Received"] = f"from relay.amazon.test by mx.seller.test; {format_datetime(when)}"
    message["Date"] = format_datetime(when)
    message["From"] = f'"{name} - Amazon Marketplace" <{alias}@marketplace.amazon.{TLD[language]}>'
    message["To"] = "orders@seller.test"
    message["Subject"] = f"Inquiry from Amazon customer {name} (Order: {order})"
    message["Message-ID"] = f"<bench-{index}-{alias}@email.amazonses.com>"
    begin, end = MARKERS[language]
    if rng.random() < 0.7:
        body = (
            f"Order ID {order}:\n1 / Stainless Steel Water Bottle 750ml [ASIN: {asin}]\n\n"
            f"------------- {begin} -------------\n\n{text}\n\n"
            f"------------- {end} -------------\n\n"
            f"[commMgrTok:TOK{index:08d}]\n"
        )
        message.set_content(body)
    else:
        message.set_content(f"Order: {order}\nMessage:\n{text}\nView Message\n")
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        message.add_alternative(
            f"<html><body><p>Order: {order}</p><pre>{escaped}</pre>"
            f'<a href="https://sellercentral.amazon.com/messaging?msg=TOK{index:08d}">'
            "Reply</a></body></html>",
            subtype="html",
        )
    if rng.random() < 0.05:
        message.add_attachment(JPEG, maintype="image", subtype="jpeg", filename="photo.jpg")
    return message


def notice(rng: random.Random, index: int, when: datetime) -> EmailMessage:
    order = _order_id(rng)
    kind = rng.choice(["atoz", "chargeback", "return", "auto", "other"])
    message = EmailMessage()
    message["Date"] = format_datetime(when)
    message["To"] = "orders@seller.test"
    message["Message-ID"] = f"<bench-notice-{index}@amazon.test>"
    if kind == "atoz":
        message["From"] = "atoz-guarantee-no-reply@amazon.com"
        message["Subject"] = f"Action required: Claim received on order {order}"
        message.set_content(
            f"Order ID: {order}\nClaim amount: USD 24.99\nReason: Item not received\n"
            "Please respond within 48 hours."
        )
    elif kind == "chargeback":
        message["From"] = "cb-seller-notification@amazon.com"
        message["Subject"] = "Chargeback notification"
        message.set_content(f"Order ID: {order}\nChargeback amount: 31.50 USD\n")
    elif kind == "return":
        message["From"] = "order-update@amazon.com"
        message["Subject"] = f"Return authorization request for order # {order}"
        message.set_content(
            f"Order ID: {order}\nSKU: BH-{index % 120:03d}\nQuantity: 1\n"
            "Return reason: Item defective or doesn't work\n"
        )
    elif kind == "auto":
        message["From"] = f"{_alias(rng)}@marketplace.amazon.com"
        message["Subject"] = "Out of office"
        message["Auto-Submitted"] = "auto-replied"
        message.set_content("I am away until Monday.")
    else:
        message["From"] = "newsletter@supplier.test"
        message["Subject"] = "Our new catalogue"
        message.set_content("Dear partner, our new catalogue is out.")
    return message


def write_maildir(path: Path, count: int, *, seed: int = 11) -> Path:
    """Write ``count`` messages into a Maildir at ``path``; returns the path."""
    rng = random.Random(seed)
    box = mailbox.Maildir(path, create=True)
    start = datetime(2026, 10, 1, tzinfo=UTC)
    for index in range(count):
        when = start + timedelta(minutes=7 * index)
        message = (
            buyer_message(rng, index, when) if rng.random() < 0.85 else notice(rng, index, when)
        )
        box.add(message.as_bytes())
    return path
