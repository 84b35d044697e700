from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from django.template import Context, Engine

from sellerdesk.messaging.defaults import DEFAULT_TEMPLATES, ENGLISH_TEMPLATES
from sellerdesk.messaging.merge import MERGE_FIELDS, merge_render
from sellerdesk.messaging.models import Intent, ReplyTemplate
from sellerdesk.messaging.services import templates_install_defaults
from tests.factories import StoreFactory

ORDER_ID = "111-0944945-3989852"
FULL_CONTEXT = {
    "buyer_name": "Josh",
    "order_id": ORDER_ID,
    "product": "Insulated Water Bottle, 32 oz, Matte Black",
    "asin": "B0C7XK2M4Q",
    "tracking_number": "1Z999AA10123456784",
    "carrier": "UPS",
    "delivery_date": "November 12, 2026",
    "return_window_end": "December 12, 2026",
    "seller_name": "Demo Store",
}
TRANSLATION_LANGUAGES = ("de", "fr", "es", "it")
# Words in the body that show each language is really in use, not English left behind.
LANGUAGE_MARKERS = {
    "de": {"Sie", "Ihre", "Ihnen", "und", "wir", "Bestellung", "bitte"},
    "fr": {"vous", "votre", "nous", "commande", "le", "et"},
    "es": {"su", "pedido", "le", "el", "y", "que"},
    "it": {"Le", "Suo", "ordine", "il", "che", "di"},
}
MISSING = "@@MISSING:%s@@"
STRICT_ENGINE = Engine(autoescape=False, string_if_invalid=MISSING)

PHONE_LIKE = re.compile(r"\+?\d[\d\s().\-/]{5,}\d")
LINK_LIKE = re.compile(r"(?i)https?:|www\.|\b[a-z0-9-]+\.(?:com|net|org|de|fr|it|es|co)\b")
# Words of incentives, promotion or review solicitation, in the five languages.
FORBIDDEN_WORDS = re.compile(
    r"(?i)\b(?:review|reviews|stars?|five-star|positive|coupon|voucher|discount|gift card|free"
    r"|promo\w*|bewertung\w*|sterne|gutschein\w*|rabatt\w*|kostenlos|gratis|gratuit\w*"
    r"|avis|étoiles?|bon d.achat|réduction|reseña\w*|valoraci[óo]n\w*|estrellas?|descuento\w*"
    r"|cup[óo]n\w*|recension\w*|stelle|sconto|buono)\b"
)
ALLOWED_FEEDBACK_SENTENCE = (
    "If you are satisfied that we have resolved your concerns, it is possible to update or "
    "remove the feedback."
)


def _render_strict(body: str) -> str:
    return STRICT_ENGINE.from_string(body).render(Context(FULL_CONTEXT, autoescape=False))


def _has_emoji(text: str) -> bool:
    for char in text:
        code = ord(char)
        if unicodedata.category(char) in ("So", "Cs", "Co"):
            return True
        if 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or code in (0xFE0F, 0x200D):
            return True
    return False


def _id(spec: dict[str, str]) -> str:
    return f"{spec['slug']}[{spec['language']}]"


def test_at_least_fifteen_english_templates() -> None:
    slugs = [t["slug"] for t in ENGLISH_TEMPLATES]
    assert len(set(slugs)) >= 15
    assert all(t["language"] == "en" for t in ENGLISH_TEMPLATES)


def test_slug_and_language_pairs_are_unique_and_slugs_are_valid() -> None:
    pairs = Counter((t["slug"], t["language"]) for t in DEFAULT_TEMPLATES)
    assert [pair for pair, n in pairs.items() if n > 1] == []
    for spec in DEFAULT_TEMPLATES:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", spec["slug"]), spec["slug"]
        assert len(spec["slug"]) <= 60
        assert 0 < len(spec["name"]) <= 120


def test_every_intent_but_thank_you_and_other_has_an_english_template() -> None:
    covered = {t["intent"] for t in ENGLISH_TEMPLATES}
    wanted = set(Intent.values) - {Intent.THANK_YOU, Intent.OTHER}
    assert wanted <= covered
    assert covered <= set(Intent.values)


@pytest.mark.parametrize("spec", DEFAULT_TEMPLATES, ids=_id)
def test_body_renders_every_field_and_names_the_order(spec: dict[str, str]) -> None:
    rendered = _render_strict(spec["body"])
    assert "@@MISSING" not in rendered, "unknown merge field"
    assert "{{" not in rendered
    assert "}}" not in rendered
    assert "{%" not in rendered
    assert ORDER_ID in rendered
    assert rendered.rstrip().endswith("Demo Store")
    greetings = ("Hello Josh,", "Guten Tag Josh,", "Bonjour Josh,", "Hola, Josh:", "Gentile Josh,")
    assert rendered.startswith(greetings)


@pytest.mark.parametrize("spec", DEFAULT_TEMPLATES, ids=_id)
def test_body_obeys_the_communication_guidelines(spec: dict[str, str]) -> None:
    body = spec["body"]
    for text in (body, spec.get("subject", ""), spec["name"]):
        assert "http" not in text.lower()
        assert "@" not in text
        assert not LINK_LIKE.search(text), LINK_LIKE.search(text)
        assert not PHONE_LIKE.search(text), PHONE_LIKE.search(text)
        assert not _has_emoji(text)
    assert "\n\n\n" not in body, "more than one blank line in a row"
    assert "<" not in body, "plain text only"
    # More than a greeting and a thank-you: a real answer.
    without_fields = re.sub(r"\{\{[^}]*\}\}", "", body)
    assert len(without_fields) > 180
    assert len(re.findall(r"[.?!:](?:\s|$)", without_fields)) >= 2
    words = FORBIDDEN_WORDS.findall(body)
    assert words == [], words


def test_feedback_is_mentioned_only_in_amazons_neutral_wording() -> None:
    mentioning = [t for t in DEFAULT_TEMPLATES if "feedback" in t["body"].lower()]
    assert [t["slug"] for t in mentioning] == ["feedback-follow-up"]
    body = mentioning[0]["body"]
    assert ALLOWED_FEEDBACK_SENTENCE in body
    assert body.lower().count("feedback") == 1


@pytest.mark.parametrize("language", TRANSLATION_LANGUAGES)
def test_six_most_common_templates_are_translated(language: str) -> None:
    english = {t["slug"]: t for t in ENGLISH_TEMPLATES}
    translated = [t for t in DEFAULT_TEMPLATES if t["language"] == language]
    must_have = {
        "where-is-my-order",
        "delivery-delay",
        "return-instructions",
        "refund-issued",
        "damaged-or-defective",
        "wrong-item",
    }
    assert must_have <= {t["slug"] for t in translated}
    for spec in translated:
        source = english[spec["slug"]]
        assert spec["intent"] == source["intent"]
        assert spec["body"] != source["body"]
        assert spec["name"] != source["name"]
        tokens = set(re.findall(r"\w+", spec["body"]))
        assert len(LANGUAGE_MARKERS[language] & tokens) >= 3, spec["slug"]
        assert not {"the", "your", "please"} & {t.lower() for t in tokens}, spec["slug"]
        # The same merge fields as the English original, none invented.
        fields = set(re.findall(r"\{\{\s*(\w+)\s*\}\}", spec["body"]))
        assert fields <= set(MERGE_FIELDS)
        assert fields == set(re.findall(r"\{\{\s*(\w+)\s*\}\}", source["body"])), spec["slug"]


def test_merge_render_keeps_plain_text_unescaped() -> None:
    body = "Hello {{ buyer_name }}, order {{ order_id }} & more."
    rendered = merge_render(
        body=body, context={"buyer_name": "Siobhán O'Brien", "order_id": ORDER_ID}
    )
    assert rendered == f"Hello Siobhán O'Brien, order {ORDER_ID} & more."
    assert merge_render(body="Hi {{ nobody }}!", context={}) == "Hi !"


@pytest.mark.django_db
def test_install_defaults_is_idempotent() -> None:
    store = StoreFactory.create()
    added = templates_install_defaults(store_id=store.pk)
    assert added == len(DEFAULT_TEMPLATES)
    assert templates_install_defaults(store_id=store.pk) == 0
    rows = ReplyTemplate.objects.filter(store=store)
    assert rows.count() == len(DEFAULT_TEMPLATES)
    assert set(rows.values_list("language", flat=True)) == {"en", *TRANSLATION_LANGUAGES}
    where = rows.get(slug="where-is-my-order", language="de")
    assert where.intent == Intent.WHERE_IS_MY_ORDER
    assert "Meine Bestellungen" in where.body


@pytest.mark.django_db
def test_install_defaults_keeps_a_store_edited_template() -> None:
    store = StoreFactory.create()
    templates_install_defaults(store_id=store.pk)
    ReplyTemplate.objects.filter(store=store, slug="invoice", language="en").update(
        body="Our own invoice text for order {{ order_id }}."
    )
    ReplyTemplate.objects.filter(store=store, slug="refund-issued", language="fr").delete()
    assert templates_install_defaults(store_id=store.pk) == 1
    assert ReplyTemplate.objects.get(store=store, slug="invoice", language="en").body == (
        "Our own invoice text for order {{ order_id }}."
    )
    assert ReplyTemplate.objects.filter(store=store, slug="refund-issued", language="fr").exists()
