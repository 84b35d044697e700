"""The compliance check: violations are caught, ordinary replies pass untouched."""

from __future__ import annotations

import pytest

from sellerdesk.compliance import CheckContext, check, has_errors

OID = "111-0944945-3989852"

# Ordinary replies a seller writes every day: none may raise an error.
CLEAN = [
    f"Hello Anna,\n\nwe have issued a full refund for order {OID}. It will reach your "
    "card within 3-5 business days.\n\nKind regards,\nBlue Harbor Goods",
    f"Hi Josh, you can follow order {OID} from https://www.amazon.com/gp/your-account/"
    "order-history at any time. Best regards",
    f"Dear customer, your parcel for order {OID} left our warehouse today with UPS, tracking "
    "1Z999AA10123456784. It should arrive by 12/03/2026.",
    f"Hello, we are sorry the bottle arrived damaged (order {OID}). We have sent a replacement "
    "at no cost; you do not need to return the damaged one.",
    f"Hi Maria, the lid is dishwasher safe on the top rack. Order {OID}. Kind regards",
    f"Hello, we will review your request and update you within 24 hours regarding order {OID}.",
    f"If you are satisfied that we have resolved your concerns, it is possible to update or "
    f"remove the feedback. Order {OID}.",
    f"Hello, your return for order {OID} has arrived and your refund of $24.99 was issued today.",
    f"Hi Tom, the invoice for order {OID} is attached to this message as a PDF.",
    f"Hello, we could not change the address on order {OID} because it had already shipped. "
    "Please contact the carrier with the tracking number 9400111899562537841234.",
    f"Guten Tag Herr Müller,\n\nwir haben die Rückerstattung für die Bestellung {OID} "
    "veranlasst.\n\nMit freundlichen Grüßen\nBlue Harbor Goods",
    f"Bonjour Madame Dupont, le remboursement de la commande {OID} a été effectué aujourd'hui.",
    f"Hola Lucía, hemos enviado un nuevo artículo para el pedido {OID}. Saludos cordiales",
    f"Ciao Marco, il rimborso per l'ordine {OID} è stato emesso oggi. Cordiali saluti",
    f"Hello, the item in order {OID} measures 25 x 7 cm and weighs 350 g.",
    f"Hi, thank you for letting us know. We have cancelled order {OID} and you will not be "
    "charged.",
    f"Hello, you can start the return from Your Orders on amazon.com; the label is free of "
    f"charge because the item was faulty. Order {OID}.",
    f"Hello David, sorry for the delay on order {OID}: the carrier reports a hold-up at the "
    "depot. We expect delivery on Friday.",
    f"Hi, the model number is XR-2000 and it fits the 2019 version. Order {OID}.",
    f"Hello, your order {OID} was delivered on 11/20 at 2:15 pm to the front door.",
]

# (text, kind, the rules that must be reported as errors)
VIOLATIONS: list[tuple[str, str, set[str]]] = [
    ("Visit www.blueharbor-shop.com for more.", "reply", {"external_link"}),
    ("See https://bit.ly/abc123 for the manual.", "reply", {"external_link"}),
    ("Write to us at help@blueharbor.com", "reply", {"email_address"}),
    ("Write to help [at] blueharbor [dot] com", "reply", {"email_address"}),
    ("Call us on +44 20 7946 0958 any time.", "reply", {"phone_number"}),
    ("Our hotline: (555) 123-4567.", "reply", {"phone_number"}),
    ("Ring us on 0207 946 0958.", "reply", {"phone_number"}),
    ("Message us on WhatsApp for faster help.", "reply", {"contact_handle"}),
    ("Follow us on Instagram @blueharbor", "reply", {"contact_handle", "marketing"}),
    ("We are so happy you like it 😀", "reply", {"emoji"}),
    ("Great news :)", "reply", {"emoji"}),
    ("Leave a review and we will send you a $10 gift card.", "reply", {"review_incentive"}),
    ("We refund 20% if you write a review.", "reply", {"review_incentive"}),
    ("Please leave us a 5-star review!", "reply", {"positive_review_request"}),
    ("We would love a positive feedback from you.", "reply", {"positive_review_request"}),
    ("If you are happy with the bottle, please leave a review.", "reply", {"review_gating"}),
    ("Could you please change your review now?", "reply", {"review_change_request"}),
    ("Please remove the negative review you wrote.", "reply", {"review_change_request"}),
    (
        "We will give you a 25% voucher if you remove your feedback.",
        "reply",
        {"feedback_removal_exchange"},
    ),
    ("Use coupon code SAVE10 on your next order.", "reply", {"marketing"}),
    ("Check out our other products in our storefront.", "reply", {"marketing"}),
    ("Thank you for your order!", "reply", {"thank_you_only"}),
    (
        "Hi Anna,\n\nThanks so much for your purchase!\n\nBest regards\nBlue Harbor",
        "reply",
        {"thank_you_only"},
    ),
    ("Vielen Dank für Ihre Bestellung!", "reply", {"thank_you_only"}),
    ("<b>Your order</b> will ship soon.", "proactive", {"html"}),
    ("See amazon.com/dp/B000000001 for details.", "public", {"external_link"}),
    ("x" * 2_001, "proactive", {"size_limit"}),
    ("", "reply", {"empty"}),
    ("[Important] Your order shipped.", "reply", {"important_misuse"}),
    ("Bitte geben Sie uns eine positive Bewertung.", "reply", {"positive_review_request"}),
]


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_replies_raise_no_error(text: str) -> None:
    findings = check(text, context=CheckContext(kind="reply", order_id=OID))
    assert [f for f in findings if f.severity == "error"] == []


@pytest.mark.parametrize(("text", "kind", "rules"), VIOLATIONS)
def test_violations_are_reported(text: str, kind: str, rules: set[str]) -> None:
    findings = check(text, kind=kind)  # type: ignore[arg-type]
    errors = {f.rule for f in findings if f.severity == "error"}
    assert rules <= errors, (text, errors)
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text)


def test_spans_point_at_the_offending_words() -> None:
    text = f"Order {OID}: please write to bob@example.com or visit http://example.org/help."
    by_rule = {f.rule: text[f.start : f.end] for f in check(text)}
    assert by_rule["email_address"] == "bob@example.com"
    assert by_rule["external_link"] == "http://example.org/help"
    assert "phone_number" not in by_rule  # the order id is not a phone number


def test_public_content_allows_no_links_even_to_amazon() -> None:
    text = "See https://www.amazon.com/dp/B000000001 for the manual."
    assert not has_errors(check(text, kind="reply"))
    assert {f.rule for f in check(text, kind="public")} == {"external_link"}


def test_important_tag_allowed_for_opted_out_critical_messages() -> None:
    ctx = CheckContext(subject="[Important] Delivery address needed", critical_for_opted_out=True)
    assert not has_errors(check("We need the delivery address for order " + OID, context=ctx))
    ctx = CheckContext(subject="[Important] Delivery address needed")
    assert {f.rule for f in check("We need the address for " + OID, context=ctx)} == {
        "important_misuse"
    }


def test_blank_lines_and_missing_order_id_are_warnings() -> None:
    text = "Hello,\n\n\n\n\nyour parcel left today.\nKind regards"
    findings = check(text, context=CheckContext(order_id=OID))
    assert {(f.rule, f.severity) for f in findings} == {
        ("blank_lines", "warning"),
        ("order_id_missing", "warning"),
    }
    assert not has_errors(findings)
    two_blank = "Hello,\n\n\nyour parcel for " + OID + " left today."
    assert check(two_blank, context=CheckContext(order_id=OID)) == []


def test_disparaging_competitors_warns_in_public_answers() -> None:
    findings = check("Unlike other sellers, ours is made of real steel.", kind="public")
    assert [f.rule for f in findings] == ["disparaging_competitors"]


def test_lint_command_json_and_exit_codes(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import json
    import sys
    from pathlib import Path

    from sellerdesk.cli.main import main

    good = Path(str(tmp_path)) / "good.txt"
    good.write_text(f"Hello, your refund for order {OID} was issued today.", encoding="utf-8")
    assert main(["lint", str(good), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "findings": []}

    stdin = sys.stdin
    sys.stdin = io.StringIO("Leave a 5-star review for a free gift card!")
    try:
        assert main(["lint", "-", "--json"]) == 1
    finally:
        sys.stdin = stdin
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False
    assert {f["rule"] for f in out["findings"]} >= {"positive_review_request", "review_incentive"}
    for f in out["findings"]:
        assert set(f) == {"rule", "severity", "start", "end", "message"}
        assert f["severity"] in {"error", "warning"}

    assert main(["lint", str(good) + ".missing"]) == 2


@pytest.mark.parametrize(
    "tracking",
    [
        "1Z999AA10123456784",
        "123456789012",
        "9400111899562537841234",
        "1234567890",
        "JD014600006281234567",
    ],
)
def test_every_built_in_template_passes_once_rendered(tracking: str) -> None:
    from sellerdesk.messaging.defaults import DEFAULT_TEMPLATES
    from sellerdesk.messaging.merge import merge_render

    context = {
        "buyer_name": "Anna Schmidt",
        "order_id": OID,
        "product": "Stainless Steel Water Bottle 750ml",
        "asin": "B07XJ8C8F5",
        "tracking_number": tracking,
        "carrier": "UPS",
        "delivery_date": "12/03/2026",
        "return_window_end": "01/31/2027",
        "seller_name": "Blue Harbor Goods",
    }
    for template in DEFAULT_TEMPLATES:
        text = merge_render(body=template["body"], context=context)
        errors = [
            (f.rule, text[f.start : f.end])
            for f in check(text, context=CheckContext(order_id=OID))
            if f.severity == "error"
        ]
        assert errors == [], (template["slug"], template["language"], errors)
