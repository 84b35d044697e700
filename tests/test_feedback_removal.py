"""The feedback removal check (``sellerdesk.feedback.removal``): grounds, evidence, notes.

No database: the check is a pure function of the comment and the order's facts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sellerdesk.feedback.removal import (
    BUY_SHIPPING_LATE,
    FBA_FULFILLMENT,
    GROUNDS,
    MIXED,
    OBSCENE,
    PERSONAL_INFO,
    PRODUCT_REVIEW,
    RemovalCheck,
    removal_check,
)

DATA = Path(__file__).parent / "data"


def run(
    comment: str,
    *,
    rating: int = 1,
    channel: str = "MFN",
    buy_shipping: bool = False,
    on_time: bool | None = True,
    language: str = "",
) -> RemovalCheck:
    return removal_check(
        comment=comment,
        rating=rating,
        fulfillment_channel=channel,
        buy_shipping=buy_shipping,
        shipped_on_time=on_time,
        language=language,
    )


# --- product reviews --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comment", "words"),
    [
        ("Stopped working after two weeks.", ["Stopped working"]),
        ("Runs small and the fabric is scratchy.", ["Runs small", "fabric", "scratchy"]),
        ("Nach zwei Wochen kaputt gegangen.", ["Nach zwei Wochen kaputt"]),
        ("Der Akku hält nur eine Stunde.", ["Akku"]),
        ("Taille beaucoup trop petite.", ["Taille", "trop petite"]),
        ("La batterie ne tient pas la charge.", ["batterie", "ne tient pas", "charge"]),
        ("Dejó de funcionar a las dos semanas.", ["Dejó de funcionar"]),
        ("Mala calidad, se rompió enseguida.", ["calidad", "se rompió"]),
        ("Ha smesso di funzionare dopo una settimana.", ["smesso di funzionare"]),
        ("Qualità scadente, si è rotto subito.", ["Qualità", "scadente", "si è rotto"]),
    ],
)
def test_an_entire_product_review_is_eligible_with_its_words(
    comment: str, words: list[str]
) -> None:
    result = run(comment)
    assert result.eligible
    assert result.grounds == [PRODUCT_REVIEW]
    assert result.evidence[PRODUCT_REVIEW] == words
    for word in words:
        assert word in comment  # quoted from the comment, accents and case intact
    assert "product review" in result.request_text


def test_a_product_review_is_eligible_whatever_the_channel() -> None:
    assert run("The colour faded after the first wash.", channel="AFN").grounds == [PRODUCT_REVIEW]


@pytest.mark.parametrize(
    "comment",
    [
        "Great seller, fast shipping, but the product broke after a week.",
        "Stopped working after a week and the seller never replied to my emails.",
        "Item is too small and returning it was a nightmare.",
        "Poor quality and still no refund.",
        "Lieferung war schnell, aber das Produkt ist nach einer Woche kaputt.",
        "Schlechte Qualität und der Verkäufer antwortet nicht.",
        "Livraison rapide mais le produit est de mauvaise qualité.",
        "El vendedor no contesta y el producto no funciona.",
        "Spedizione veloce ma il prodotto si è rotto.",
        "Arrived late and the quality is poor.",
    ],
)
def test_mixed_product_and_service_comments_are_not_eligible(comment: str) -> None:
    for channel in ("MFN", "AFN"):
        result = run(comment, channel=channel, buy_shipping=True)
        assert not result.eligible, (comment, channel, result.clauses)
        assert result.grounds == []
        assert result.note == MIXED
        assert result.request_text == ""


def test_clauses_show_what_each_part_is_about() -> None:
    result = run("Good product, terrible customer service.")
    assert [(c.text, c.topics) for c in result.clauses] == [
        ("Good product", ["product"]),
        ("terrible customer service", ["seller"]),
    ]


def test_a_weak_word_counts_only_alone() -> None:
    # "item" alone makes a product comment; beside "arrived late" it is the delivery's subject.
    assert run("Useless item.").grounds == [PRODUCT_REVIEW]
    result = run("The item arrived late.", channel="AFN")
    assert result.grounds == [FBA_FULFILLMENT]
    assert result.clauses[0].topics == ["late"]


def test_damage_is_the_products_unless_the_journey_was_rough() -> None:
    assert run("Broken after two uses.").grounds == [PRODUCT_REVIEW]
    rough = run("The box was crushed and the glass inside was broken.", channel="AFN")
    assert rough.grounds == [FBA_FULFILLMENT]
    assert "broken" in rough.evidence[FBA_FULFILLMENT]


# --- delivery: FBA, seller-fulfilled, Buy Shipping ------------------------------------------

DELIVERY_ONLY = [
    "Arrived two weeks late.",
    "Package never arrived.",
    "Paket kam eine Woche zu spät.",
    "Colis jamais reçu.",
    "El paquete llegó con una semana de retraso.",
    "Consegna in ritardo di una settimana.",
]


@pytest.mark.parametrize("comment", DELIVERY_ONLY)
def test_delivery_comments_on_fba_orders_are_struck_through(comment: str) -> None:
    result = run(comment, channel="AFN")
    assert result.grounds == [FBA_FULFILLMENT]
    assert result.evidence[FBA_FULFILLMENT]
    assert "fulfilled by Amazon" in result.request_text


@pytest.mark.parametrize("comment", DELIVERY_ONLY)
def test_late_packages_shipped_on_time_with_buy_shipping_are_struck_through(comment: str) -> None:
    result = run(comment, buy_shipping=True, on_time=True)
    assert result.grounds == [BUY_SHIPPING_LATE]
    assert "Buy Shipping" in result.request_text


@pytest.mark.parametrize(
    ("buy_shipping", "on_time", "note"),
    [
        (False, True, "only packages shipped on time with Buy Shipping"),
        (True, False, "shipped after the latest ship date"),
        (True, None, "the ship date is unknown"),
    ],
)
def test_seller_fulfilled_delivery_comments_need_buy_shipping_and_an_on_time_shipment(
    buy_shipping: bool, on_time: bool | None, note: str
) -> None:
    result = run("Arrived a week late.", buy_shipping=buy_shipping, on_time=on_time)
    assert not result.eligible
    assert note in result.note


def test_buy_shipping_covers_late_or_undelivered_packages_not_damage() -> None:
    for comment in ("Package arrived damaged.", "Arrived late and the box was ripped open."):
        result = run(comment, buy_shipping=True, on_time=True)
        assert not result.eligible, comment
        assert "damage or handling" in result.note
        # The same comment on an FBA order: all of it is Amazon's fulfilment.
        assert run(comment, channel="AFN").grounds == [FBA_FULFILLMENT]


@pytest.mark.parametrize(
    "comment",
    [
        "Took 10 days to arrive, the product itself is fine.",  # delivery and product
        "Late delivery and seller never answered my message.",  # delivery and service
    ],
)
def test_delivery_mixed_with_anything_else_is_not_struck_through(comment: str) -> None:
    assert not run(comment, channel="AFN").eligible
    assert not run(comment, buy_shipping=True, on_time=True).eligible


def test_a_delivery_comment_without_a_known_order_says_what_is_missing() -> None:
    result = run("Arrived a week late.", channel="")
    assert not result.eligible
    assert "order is not known" in result.note


def test_service_only_comments_are_not_eligible() -> None:
    for comment in ("Seller never responded to my messages.", "Falscher Artikel geliefert."):
        result = run(comment, channel="AFN")
        assert not result.eligible
        assert "seller's service" in result.note


# --- obscene words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comment", "word"),
    [
        ("This is a piece of shit.", "shit"),
        ("F***ing useless seller.", "F***ing"),
        ("Absolute sh!t quality, broke in a day.", "sh!t"),
        ("What a f.u.c.k.i.n.g joke.", "f.u.c.k"),
        ("F U C K this company.", "F U C K"),
        ("fuuuuck this seller", "fuuuuck"),
        ("Seller = A**HOLES", "A**HOLES"),
        ("Sch***e Service.", "Sch***e"),
        ("So eine Scheiße, nie wieder.", "Scheiße"),
        ("Der Verkäufer ist ein Arschloch.", "Arschloch"),
        ("Produit de merde.", "merde"),
        ("P*tain de vendeur.", "P*tain"),
        ("El vendedor es un gilipollas.", "gilipollas"),
        ("Joder, qué mala calidad.", "Joder"),
        ("Che cazzo, rotto dopo un giorno.", "cazzo"),
        ("Venditore stronzo.", "stronzo"),
    ],
)
def test_obscene_words_in_five_languages_and_their_disguises(comment: str, word: str) -> None:
    result = run(comment)
    assert OBSCENE in result.grounds
    assert word in result.evidence[OBSCENE]
    assert "obscene" in result.request_text


@pytest.mark.parametrize(
    "comment",
    [
        "The bass is weak.",
        "Assembly took hours.",
        "Class ring is smaller than expected.",
        "Crap quality.",  # rude, not obscene
        "Damn thing broke.",
        "Il prodotto fa schifo.",
        "Mist, kaputt.",
    ],
)
def test_innocent_and_merely_rude_words_are_not_obscene(comment: str) -> None:
    assert OBSCENE not in run(comment).grounds


def test_a_swear_word_says_nothing_about_the_topic() -> None:
    # "a$$hole" contains no "hole": a product word would have made this a product review.
    assert run("a$$hole seller").grounds == [OBSCENE]


# --- personal information ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("comment", "found"),
    [
        ("Contact me at john.doe@gmail.com if you want to fix this.", "john.doe@gmail.com"),
        ("Email me at john dot smith at gmail dot com", "john dot smith at gmail dot com"),
        ("Called them on 555-123-4567 and nobody answered.", "555-123-4567"),
        ("Call me on +44 7700 900123 to sort this out.", "+44 7700 900123"),
        ("Meine Nummer ist 0151 23456789, bitte zurückrufen.", "0151 23456789"),
        ("Appelez-moi au 06 12 34 56 78.", "06 12 34 56 78"),
        ("Llámame al 612 345 678.", "612 345 678"),
        ("Chiamatemi al 333 1234567.", "333 1234567"),
        ("The seller Mark Johnson was very rude.", "Mark Johnson"),
        ("Mr Patel promised a refund and never sent it.", "Mr Patel"),
        ("Frau Schmidt vom Kundendienst hat mich angelogen.", "Frau Schmidt"),
        ("M. Dupont du service client m'a raccroché au nez.", "M. Dupont"),
        ("La señora María López me atendió fatal.", "señora María López"),
        ("Il signor Rossi mi ha risposto male.", "signor Rossi"),
    ],
)
def test_personal_information(comment: str, found: str) -> None:
    result = run(comment)
    assert PERSONAL_INFO in result.grounds
    assert found in result.evidence[PERSONAL_INFO]
    assert "personal information" in result.request_text


@pytest.mark.parametrize(
    "comment",
    [
        "Customer Service was rude and unhelpful.",
        "Will Never Buy From This Seller Again",
        "Amazon Prime delivery was two days late.",
        "Thanks Sarah for trying, but the refund never came.",  # a first name alone
        "Taille M. Très déçue du vendeur.",  # size M, not Monsieur
        "Order 114-2938475-3948571 was never dispatched.",  # an order id, not a phone
        "Tracking number 00340434161234567890 shows nothing.",
    ],
)
def test_no_personal_information(comment: str) -> None:
    assert PERSONAL_INFO not in run(comment).grounds


# --- what is not checked, and the shape of the answer ------------------------------------------


@pytest.mark.parametrize("rating", [4, 5])
def test_positive_feedback_is_not_checked(rating: int) -> None:
    result = run("Fucking brilliant, stopped working though. Call 555-123-4567", rating=rating)
    assert (result.eligible, result.grounds, result.evidence) == (False, [], {})
    assert "1-3 star" in result.note


def test_empty_comment() -> None:
    result = run("   ")
    assert not result.eligible
    assert "no comment" in result.note


def test_no_topic_at_all() -> None:
    result = run("Very disappointed.")
    assert not result.eligible
    assert "names no product or delivery issue" in result.note


def test_several_grounds_each_with_evidence_and_one_request() -> None:
    result = run("Shit quality, stopped working. Call Mark Johnson on 555-123-4567.")
    assert result.grounds == [OBSCENE, PERSONAL_INFO, PRODUCT_REVIEW]
    assert set(result.evidence) == set(result.grounds)
    assert result.evidence[PERSONAL_INFO] == ["Mark Johnson", "555-123-4567"]
    paragraphs = result.request_text.split("\n\n")
    assert len(paragraphs) == 5  # opening, three grounds, closing
    assert '"Shit"' in paragraphs[1]
    assert "Mark Johnson" in paragraphs[2]


def test_the_language_is_reported_and_narrows_the_cues() -> None:
    assert run("Die Größe fällt viel zu klein aus.").language == "de"
    assert run("Colis jamais reçu.", channel="AFN", language="fr").language == "fr"
    # French "notice" (instructions) is no product word in an English comment.
    english = run("Package was delivered to my neighbour without notice.", channel="AFN")
    assert english.grounds == [FBA_FULFILLMENT]


def test_the_check_is_deterministic_and_serialisable() -> None:
    comment = "Arrived late and the quality is poor."
    first, second = run(comment), run(comment)
    assert first == second
    data = first.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) >= {"eligible", "grounds", "evidence", "request_text", "note", "clauses"}


# --- measured on labelled sets -------------------------------------------------------------------


def _load(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _measure(rows: list[dict[str, Any]]) -> tuple[float, float, list[tuple[Any, ...]]]:
    """(eligibility accuracy, exact-grounds accuracy, misses)."""
    eligible_ok = grounds_ok = 0
    misses = []
    for row in rows:
        result = removal_check(
            comment=row["comment"],
            rating=row["rating"],
            fulfillment_channel=row["fulfillment_channel"],
            buy_shipping=row["buy_shipping"],
            shipped_on_time=row["shipped_on_time"],
            language=row.get("language", ""),
        )
        eligible_ok += result.eligible == row["eligible"]
        if sorted(result.grounds) == sorted(row["grounds"]):
            grounds_ok += 1
        else:
            misses.append((row["comment"][:60], row["grounds"], result.grounds))
    return eligible_ok / len(rows), grounds_ok / len(rows), misses


def test_development_set_is_well_formed() -> None:
    rows = _load("feedback_removal_dev.jsonl")
    assert len(rows) >= 250
    for row in rows:
        assert row["eligible"] == bool(row["grounds"]), row
        assert set(row["grounds"]) <= set(GROUNDS), row
        assert row["fulfillment_channel"] in ("MFN", "AFN"), row
    languages = {row["language"] for row in rows}
    assert languages == {"en", "de", "fr", "es", "it"}
    assert {g for row in rows for g in row["grounds"]} == set(GROUNDS)


# Development set (written with the checker, so it measures coverage, not generalisation):
# 602/602 eligibility, 602/602 exact grounds when last tuned. The floor leaves room for
# deliberate changes of mind, not for regressions.
DEV_MIN_ELIGIBILITY = 0.97
DEV_MIN_EXACT = 0.95


def test_development_set_accuracy_floor() -> None:
    eligibility, exact, misses = _measure(_load("feedback_removal_dev.jsonl"))
    assert eligibility >= DEV_MIN_ELIGIBILITY, misses[:10]
    assert exact >= DEV_MIN_EXACT, misses[:10]


# Blind set: tests/data/feedback_removal_blind.jsonl (334 lines, no language field) was written
# by someone else without seeing the checker, and measured once, after the checker was
# committed (30be156), never tuned on: eligibility 318/334 = 95.2 %, exact grounds
# 314/334 = 94.0 % (product_review recall 80 %, buy_shipping_late recall 82 %, the others
# 98-100 %). The floors are those figures minus 3 points.
BLIND_MIN_ELIGIBILITY = 0.922
BLIND_MIN_EXACT = 0.910


def test_blind_set_accuracy_floor() -> None:
    rows = _load("feedback_removal_blind.jsonl")
    assert len(rows) >= 300
    eligibility, exact, misses = _measure(rows)
    assert eligibility >= BLIND_MIN_ELIGIBILITY, misses[:10]
    assert exact >= BLIND_MIN_EXACT, misses[:10]
