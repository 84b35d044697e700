"""Top complaints per ASIN: the counting method on hand-made texts, then a hand-built
store where every expected phrase and count below was worked out on paper first."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.messaging.models import Direction
from sellerdesk.reviews.complaints import (
    STOP_WORDS,
    Document,
    complaints_by_asin,
    ngrams_in,
    normalised,
    patterns_in,
    phrases_in,
)
from sellerdesk.reviews.selectors import complaint_documents, complaints_report
from sellerdesk.stores.models import Store
from tests.factories import (
    ConversationFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
    ReturnFactory,
    ReviewFactory,
)

BOTTLE, MUG, LID = "B0BOTTLE01", "B0MUG00002", "B0LID00003"
NOVEMBER = date(2026, 11, 1)


# --- the method on texts ------------------------------------------------------------------


def test_normalising_folds_case_accents_contractions_and_punctuation() -> None:
    assert normalised("The lid DOESN'T close!  Qualität: Straße, élan") == (
        "the lid does not close . qualitat . strasse elan"
    )
    assert normalised("It can\u2019t stand, won't work") == "it can not stand will not work"
    assert normalised("3 weeks, 100%") == "weeks"  # numbers are not words


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The lid leaks after a week", "leaks"),
        ("Die Flasche ist undicht", "leaks"),
        ("La bouteille fuit", "leaks"),
        ("La tapa gotea", "leaks"),
        ("Il tappo perde acqua", "leaks"),
        ("It stopped working on day three", "stopped working"),
        ("Doesn't work anymore", "stopped working"),
        ("Funktioniert nicht mehr", "stopped working"),
        ("Ne fonctionne plus", "stopped working"),
        ("Dejó de funcionar", "stopped working"),
        ("Non funziona più", "stopped working"),
        ("It does not work", "does not work"),
        ("Way too small for me", "too small"),
        ("Viel zu klein", "too small"),
        ("Trop petite", "too small"),
        ("Demasiado pequeño", "too small"),
        ("Troppo piccola", "too small"),
        ("Handle broke after two days", "broke after"),
        ("Nach zwei Wochen kaputt", "broke after"),
        ("Cassé après une semaine", "broke after"),
        ("Rotto dopo un mese", "broke after"),
        ("Missing parts", "missing parts"),
        ("Es fehlen Teile, Schrauben fehlen", "missing parts"),
        ("Pièces manquantes", "missing parts"),
        ("Faltan piezas", "missing parts"),
        ("Mancano pezzi", "missing parts"),
        ("Wrong colour sent", "wrong colour"),
        ("Wrong color", "wrong colour"),
        ("Falsche Farbe", "wrong colour"),
        ("Mauvaise couleur", "wrong colour"),
        ("Color equivocado", "wrong colour"),
        ("Colore sbagliato", "wrong colour"),
        ("It smells of plastic", "smells"),
        ("Strong chemical smell", "smells"),
        ("Riecht komisch", "smells"),
        ("Ça sent mauvais", "smells"),
        ("Huele a plástico", "smells"),
        ("Puzza di plastica", "smells"),
        ("Arrived damaged", "arrived damaged"),
        ("Poor quality", "poor quality"),
        ("Schlechte Qualität", "poor quality"),
        ("Wrong item in the box", "wrong item"),
        ("Doesn't fit my bike", "does not fit"),
        ("Passt nicht", "does not fit"),
        ("Not as described", "not as described"),
        ("Rusted after washing", "rust"),
    ],
)
def test_known_patterns_in_five_languages(text: str, label: str) -> None:
    assert label in patterns_in(text)


def test_patterns_need_their_words() -> None:
    assert patterns_in("Great bottle, keeps water cold, lovely colour") == set()
    # "stopped working" is not also "does not work".
    assert patterns_in("Doesn't work anymore") == {"stopped working"}
    assert patterns_in("Funktioniert nicht") == {"does not work"}


def test_ngrams_drop_stop_words_of_every_language_and_stay_in_their_sentence() -> None:
    assert ngrams_in("The lid leaks after a week. Water everywhere") == {
        "lid leaks",
        "leaks week",
        "lid leaks week",
        "water everywhere",
    }
    # German, French, Spanish and Italian stop words go too.
    assert ngrams_in("Der Deckel ist undicht") == {"deckel undicht"}
    assert ngrams_in("Le bouchon est cassé") == {"bouchon casse"}
    assert ngrams_in("La tapa de la botella") == {"tapa botella"}
    assert ngrams_in("Il tappo della bottiglia") == {"tappo bottiglia"}
    # Negations and "too" are kept: they carry the complaint.
    assert {"not", "nicht", "pas", "no", "non", "too", "trop"}.isdisjoint(STOP_WORDS)
    assert "not close" in ngrams_in("It does not close")


def test_an_ngram_that_is_a_patterns_label_is_the_pattern() -> None:
    assert phrases_in("Poor quality") == {("pattern", "poor quality")}


def _doc(pk: int, text: str, day: date, asin: str = "B0X", kind: Any = "review") -> Document:
    return Document(kind, pk, pk, asin, day, text)


def test_counting_documents_threshold_subsumption_and_ranking() -> None:
    nov, oct_ = date(2026, 11, 5), date(2026, 10, 5)
    docs = [
        _doc(1, "The lid leaks after a week. The lid leaks again", nov),  # counted once
        _doc(2, "Lid leaks after a week", nov),
        _doc(3, "lid leaks", nov),
        _doc(4, "Handle broke", nov),
        _doc(5, "Handle broke", oct_),
        _doc(6, "Handle broke", oct_),
        _doc(7, "Handle broke", oct_),
        _doc(8, "Lid leaks", date(2026, 9, 30)),  # outside both months
    ]
    [result] = complaints_by_asin(docs, month="2026-11", previous="2026-10")
    found = {(p.phrase, p.source): (p.count, p.previous) for p in result.phrases}
    assert found == {
        ("lid leaks", "ngram"): (3, 0),
        ("leaks", "pattern"): (3, 0),
        ("lid leaks week", "ngram"): (2, 0),  # "leaks week": same documents, left out
        ("handle broke", "ngram"): (1, 3),  # under 2 this month, but 3 last month
    }
    assert [p.phrase for p in result.phrases] == [
        "leaks",  # 3 documents, +3; a tie is broken by the phrase
        "lid leaks",
        "lid leaks week",
        "handle broke",
    ]
    assert (result.documents, result.previous_documents) == (4, 3)
    assert result.by_kind == {"review": 4}
    # Examples: this month's, newest first.
    assert [d.record_id for d in result.phrases[0].examples] == [3, 2, 1]

    by_growth = complaints_by_asin(docs, month="2026-11", previous="2026-10", ranking="growth")
    assert [p.phrase for p in by_growth[0].phrases][-1] == "handle broke"  # -2
    assert by_growth[0].phrases[-1].growth == -2


def test_a_phrase_in_one_document_is_not_a_complaint() -> None:
    docs = [_doc(1, "The zipper jammed", date(2026, 11, 2))]
    [result] = complaints_by_asin(docs, month="2026-11", previous="2026-10")
    assert result.phrases == []
    assert result.documents == 1


# --- the hand-built store ---------------------------------------------------------------


def _at(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=UTC)


@pytest.fixture
def complaints_store(store_a: Store, store_b: Store) -> dict[str, Any]:
    """Store A (Los Angeles time). Expected, November 2026 against October:

    B0BOTTLE01: documents 8 this month (reviews R1 R2 R3 R8, returns T1 T2, messages M1 M3),
    3 last month (R5 R6 R7). lid leaks 4/0, leaks 4/1, lid leaks week 3/0, smells 3/3,
    missing parts 2/0, smells plastic 2/2 ("leaks week" is "lid leaks week" again).
    B0MUG00002: R9, M4, M5, T3 (ASIN from its order), T4 (30 Nov, 23:30 local) this month,
    M6 (31 Oct, 23:00 local) last month: broke after 5/1, handle broke 5/1.
    B0LID00003: M4 and M5 (their order also holds the lid): broke after 2/0, handle broke 2/0.
    """
    s = store_a
    r = {}
    r["R1"] = ReviewFactory(
        store=s,
        asin=BOTTLE,
        rating=2,
        title="Leaks",
        body="The lid leaks after a week.",
        reviewed_on=date(2026, 11, 3),
    )
    r["R2"] = ReviewFactory(
        store=s,
        asin=BOTTLE,
        rating=1,
        title="",
        body="Lid leaks after a week, water everywhere.",
        reviewed_on=date(2026, 11, 10),
    )
    r["R3"] = ReviewFactory(
        store=s,
        asin=BOTTLE,
        rating=3,
        title="Smells",
        body="Smells of plastic. The lid leaks.",
        reviewed_on=date(2026, 11, 12),
    )
    r["R8"] = ReviewFactory(
        store=s,
        asin=BOTTLE,
        rating=1,
        title="",
        body="Box had missing parts",
        reviewed_on=date(2026, 11, 14),
    )
    r["R5"] = ReviewFactory(
        store=s,
        asin=BOTTLE,
        rating=2,
        title="",
        body="Smells of plastic.",
        reviewed_on=date(2026, 10, 20),
    )
    r["R6"] = ReviewFactory(
        store=s,
        asin=BOTTLE,
        rating=2,
        title="",
        body="Bottle smells of plastic and leaks",
        reviewed_on=date(2026, 10, 25),
    )
    r["R7"] = ReviewFactory(
        store=s,
        asin=BOTTLE,
        rating=2,
        title="",
        body="It smells bad.",
        reviewed_on=date(2026, 10, 28),
    )
    # Not counted: 4 stars or more, and another store.
    ReviewFactory(
        store=s,
        asin=BOTTLE,
        rating=5,
        title="",
        body="Lid leaks after a week but ok",
        reviewed_on=date(2026, 11, 4),
    )
    ReviewFactory(
        store=s,
        asin=BOTTLE,
        rating=4,
        title="",
        body="Lid leaks after a week",
        reviewed_on=date(2026, 11, 4),
    )
    ReviewFactory(
        store=store_b,
        asin=BOTTLE,
        rating=1,
        title="",
        body="Lid leaks after a week",
        reviewed_on=date(2026, 11, 4),
    )

    r["T1"] = ReturnFactory(
        store=s,
        asin=BOTTLE,
        buyer_comment="Lid leaks after a week",
        requested_at=_at("2026-11-04T18:00"),
    )
    r["T2"] = ReturnFactory(
        store=s,
        asin=BOTTLE,
        buyer_comment="Missing parts, no screws",
        requested_at=_at("2026-11-05T18:00"),
    )
    ReturnFactory(store=s, asin=BOTTLE, buyer_comment="", requested_at=_at("2026-11-05T18:00"))

    bottle_order = OrderFactory(store=s)
    OrderItemFactory(order=bottle_order, asin=BOTTLE)
    talk = ConversationFactory(
        store=s, order=bottle_order, amazon_order_id=bottle_order.amazon_order_id
    )
    r["M1"] = MessageFactory(
        conversation=talk,
        sent_at=_at("2026-11-06T18:00"),
        body_text="Hello, the bottle smells of plastic, can I return it?",
    )
    r["M3"] = MessageFactory(
        conversation=talk, sent_at=_at("2026-11-20T18:00"), body_text="Strong chemical smell"
    )
    # Not counted: our own reply, an auto-reply.
    MessageFactory(
        conversation=talk,
        sent_at=_at("2026-11-07T18:00"),
        direction=Direction.OUTBOUND,
        body_text="Sorry the bottle smells of plastic, lid leaks after a week",
    )
    MessageFactory(
        conversation=talk,
        sent_at=_at("2026-11-07T19:00"),
        is_auto_reply=True,
        body_text="Out of office: lid leaks after a week",
    )

    r["R9"] = ReviewFactory(
        store=s,
        asin=MUG,
        rating=2,
        title="",
        body="Handle broke after one use",
        reviewed_on=date(2026, 11, 2),
    )
    mug_and_lid = OrderFactory(store=s)
    OrderItemFactory(order=mug_and_lid, asin=MUG)
    OrderItemFactory(order=mug_and_lid, asin=LID)
    # Conversations that name the order by its id only (no link).
    one = ConversationFactory(store=s, amazon_order_id=mug_and_lid.amazon_order_id)
    two = ConversationFactory(store=s, amazon_order_id=mug_and_lid.amazon_order_id)
    r["M4"] = MessageFactory(
        conversation=one,
        sent_at=_at("2026-11-08T18:00"),
        body_text="The handle broke after two days",
    )
    r["M5"] = MessageFactory(
        conversation=two, sent_at=_at("2026-11-09T18:00"), body_text="Handle broke after a day"
    )
    mug_order = OrderFactory(store=s)
    OrderItemFactory(order=mug_order, asin=MUG)
    r["T3"] = ReturnFactory(
        store=s,
        asin="",
        order=mug_order,
        amazon_order_id=mug_order.amazon_order_id,
        buyer_comment="Handle broke after a week",
        requested_at=_at("2026-11-10T18:00"),
    )
    r["T4"] = ReturnFactory(
        store=s,
        asin=MUG,
        buyer_comment="Handle broke after a month",
        requested_at=_at("2026-12-01T07:30"),
    )  # 30 Nov, 23:30 in LA
    older = ConversationFactory(store=s, amazon_order_id=mug_order.amazon_order_id)
    r["M6"] = MessageFactory(
        conversation=older,
        sent_at=_at("2026-11-01T06:00"),  # 31 Oct, 23:00
        body_text="Handle broke after a week",
    )
    return r  # fmt: skip


EXPECTED = {
    BOTTLE: [
        ("lid leaks", "ngram", 4, 0),
        ("leaks", "pattern", 4, 1),
        ("lid leaks week", "ngram", 3, 0),
        ("smells", "pattern", 3, 3),
        ("missing parts", "pattern", 2, 0),
        ("smells plastic", "ngram", 2, 2),
    ],
    MUG: [("broke after", "pattern", 5, 1), ("handle broke", "ngram", 5, 1)],
    LID: [("broke after", "pattern", 2, 0), ("handle broke", "ngram", 2, 0)],
}


def _table(report: Any) -> dict[str, list[tuple[str, str, int, int]]]:
    return {
        group.asin: [(p.phrase, p.source, p.count, p.previous) for p in group.phrases]
        for group in report.asins
    }


@pytest.mark.django_db
def test_documents_of_the_store(complaints_store: dict[str, Any], store_a: Store) -> None:
    docs = list(complaint_documents(store=store_a, start=date(2026, 10, 1), end=date(2026, 12, 1)))
    keys = {(d.kind, d.record_id, d.asin, d.month) for d in docs}
    r = complaints_store
    assert ("return", r["T4"].pk, MUG, "2026-11") in keys  # store's time zone
    assert ("message", r["M6"].pk, MUG, "2026-10") in keys
    assert ("return", r["T3"].pk, MUG, "2026-11") in keys  # ASIN of its order
    assert {
        ("message", r["M4"].pk, MUG, "2026-11"),
        ("message", r["M4"].pk, LID, "2026-11"),
    } <= keys
    assert len(docs) == 11 + 6 + 2  # bottle 8 + 3; mug 5 + 1; lid 2
    # A message's link opens its conversation.
    m1 = next(d for d in docs if d.kind == "message" and d.record_id == r["M1"].pk)
    assert m1.link_id == r["M1"].conversation_id


@pytest.mark.django_db
def test_complaints_report_matches_the_hand_count(
    complaints_store: dict[str, Any], store_a: Store
) -> None:
    report = complaints_report(store=store_a, month=NOVEMBER)
    assert (report.month, report.previous) == (date(2026, 11, 1), date(2026, 10, 1))
    assert _table(report) == EXPECTED
    bottle = report.asins[0]
    assert bottle.asin == BOTTLE
    assert (bottle.documents, bottle.previous_documents) == (8, 3)
    assert bottle.by_kind == {"review": 4, "return": 2, "message": 2}
    lid_leaks = bottle.phrases[0]
    r = complaints_store
    assert [(d.kind, d.record_id) for d in lid_leaks.examples] == [
        ("review", r["R3"].pk),  # 12 November
        ("review", r["R2"].pk),  # 10 November
        ("return", r["T1"].pk),  # 4 November
    ]

    growth = complaints_report(store=store_a, month=NOVEMBER, asin=BOTTLE, ranking="growth")
    assert [p.phrase for p in growth.asins[0].phrases] == [
        "lid leaks",  # +4
        "leaks",  # +3, 4 documents
        "lid leaks week",  # +3, 3 documents
        "missing parts",  # +2
        "smells",  # 0, 3 documents
        "smells plastic",  # 0, 2 documents
    ]
    assert [g.asin for g in growth.asins] == [BOTTLE]

    # October against September: the October documents only.
    october = complaints_report(store=store_a, month=date(2026, 10, 1), asin=BOTTLE)
    assert _table(october) == {
        BOTTLE: [("smells", "pattern", 3, 0), ("smells plastic", "ngram", 2, 0)]
    }


@pytest.mark.django_db
@time_machine.travel(datetime(2026, 12, 1, 7, 0, tzinfo=UTC), tick=False)
def test_the_default_month_is_this_month_in_the_store_time_zone(
    complaints_store: dict[str, Any], store_a: Store
) -> None:
    # 1 December 07:00 UTC is still 30 November in Los Angeles.
    assert complaints_report(store=store_a).month == NOVEMBER


# --- the page and the endpoint -------------------------------------------------------------


@pytest.mark.django_db
def test_complaints_page(
    client: Client, agent_a: User, complaints_store: dict[str, Any], store_a: Store
) -> None:
    client.force_login(agent_a)
    url = reverse("review_complaints", kwargs={"store_id": store_a.pk})
    page = client.get(url, {"month": "2026-11"})
    assert page.status_code == 200
    html = page.text
    assert "November 2026 against October 2026" in html
    for asin, rows in EXPECTED.items():
        assert f'data-asin="{asin}"' in html
        for phrase, *_ in rows:
            assert f'data-phrase="{phrase}"' in html
    # Examples link to their records; a message to its conversation.
    r = complaints_store
    assert reverse("reviews_detail", kwargs={"store_id": store_a.pk, "pk": r["R3"].pk}) in html
    assert reverse("returns_detail", kwargs={"store_id": store_a.pk, "pk": r["T1"].pk}) in html
    assert (
        reverse("inbox_detail", kwargs={"store_id": store_a.pk, "pk": r["M4"].conversation_id})
        in html
    )
    one = client.get(url, {"month": "2026-11", "asin": MUG}).text
    assert f'data-asin="{MUG}"' in one
    assert f'data-asin="{BOTTLE}"' not in one
    # A month that is not YYYY-MM falls back to this month instead of failing.
    assert client.get(url, {"month": "November"}).status_code == 200


@pytest.mark.django_db
def test_complaints_page_of_another_store_is_404(
    client: Client, agent_a: User, store_b: Store
) -> None:
    client.force_login(agent_a)
    url = reverse("review_complaints", kwargs={"store_id": store_b.pk})
    assert client.get(url).status_code == 404


def _bearer(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.django_db
def test_complaints_endpoint(
    client: Client,
    viewer_a: User,
    complaints_store: dict[str, Any],
    store_a: Store,
    store_b: Store,
) -> None:
    auth = _bearer(viewer_a)  # a read: viewers may
    answer = client.get(
        "/api/v1/reviews/complaints", {"store": store_a.pk, "month": "2026-11"}, **auth
    )  # type: ignore[arg-type]
    assert answer.status_code == 200, answer.content
    data = answer.json()
    assert (data["month"], data["previous_month"], data["rank"]) == ("2026-11", "2026-10", "count")
    assert data["min_documents"] == 2
    table = {
        a["asin"]: [(p["phrase"], p["source"], p["count"], p["previous"]) for p in a["phrases"]]
        for a in data["asins"]
    }
    assert table == EXPECTED
    first = data["asins"][0]["phrases"][0]
    assert first["growth"] == 4
    r = complaints_store
    assert first["examples"][0] == {
        "kind": "review",
        "id": r["R3"].pk,
        "url": f"/s/{store_a.pk}/reviews/{r['R3'].pk}/",
        "date": "2026-11-12",
        "text": "Smells. Smells of plastic. The lid leaks.",
    }

    one = client.get(
        "/api/v1/reviews/complaints",
        {"store": store_a.pk, "month": "2026-11", "asin": MUG.lower(), "rank": "growth"},
        **auth,
    )  # type: ignore[arg-type]
    assert [a["asin"] for a in one.json()["asins"]] == [MUG]

    bad = client.get(
        "/api/v1/reviews/complaints", {"store": store_a.pk, "month": "2026-13"}, **auth
    )  # type: ignore[arg-type]
    assert bad.status_code == 422
    other = client.get("/api/v1/reviews/complaints", {"store": store_b.pk}, **auth)  # type: ignore[arg-type]
    assert other.status_code == 404
    assert client.get("/api/v1/reviews/complaints", {"store": store_a.pk}).status_code == 401
