"""The mail pipeline on realistic Amazon mail: route, parse, thread, clock, dedupe."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.claims.models import Claim
from sellerdesk.mail.files import mail_import
from sellerdesk.mail.models import EmailKind, EmailStatus, InboundEmail
from sellerdesk.mail.services import email_ingest, email_reprocess, files_channel
from sellerdesk.messaging.models import Attachment, Conversation, Message
from sellerdesk.returns.models import Return
from tests.factories import OrderFactory, OrderItemFactory, StoreFactory

DATA = Path(__file__).parent / "data" / "mail"


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Blue Harbor", marketplace="US", timezone="America/Los_Angeles")


@pytest.fixture
def channel(store):  # type: ignore[no-untyped-def]
    return files_channel(store=store)


def ingest(channel, name: str):  # type: ignore[no-untyped-def]
    return email_ingest(channel=channel, raw=(DATA / name).read_bytes(), source=name)


def test_classic_relay_message_opens_a_conversation_with_the_clock(channel, store) -> None:  # type: ignore[no-untyped-def]
    order = OrderFactory(store=store, amazon_order_id="111-0944945-3989852", buyer_relay_alias="")
    outcome = ingest(channel, "relay_classic_en.eml")
    assert outcome.status == "ingested"
    assert outcome.kind == EmailKind.BUYER_MESSAGE
    conversation = Conversation.objects.get()
    assert conversation.order == order
    assert conversation.buyer_key == "sz2y5ywh1qg1vhx@marketplace.amazon.com"
    assert conversation.buyer_name == "Alisa"
    assert conversation.status == "needs_response"
    assert conversation.intent == "where_is_my_order"
    # Saturday 15:00 in Los Angeles (newest Received:), Sunday not counted: Monday 15:00.
    la_saturday = datetime(2026, 11, 7, 23, 0, 5, tzinfo=UTC)
    assert conversation.first_unanswered_at == la_saturday
    assert conversation.due_at == datetime(2026, 11, 9, 23, 0, 5, tzinfo=UTC)
    assert conversation.amazon_due_at == datetime(2026, 11, 8, 23, 0, 5, tzinfo=UTC)
    message = Message.objects.get()
    assert message.body_text.startswith("Hello, my bottle still has not arrived")
    assert "Begin message" not in message.body_text
    assert message.comm_mgr_tok == "A1B2C3D4E5F6G7"
    assert message.sender == "sz2y5ywh1qg1vhx+133a066e@marketplace.amazon.com"
    order.refresh_from_db()
    assert order.buyer_relay_alias == conversation.buyer_key


def test_follow_up_threads_and_keeps_the_first_unanswered_time(channel) -> None:  # type: ignore[no-untyped-def]
    ingest(channel, "relay_classic_en.eml")
    ingest(channel, "relay_classic_en_followup.eml")
    conversation = Conversation.objects.get()
    assert conversation.messages.count() == 2
    assert conversation.first_unanswered_at == datetime(2026, 11, 7, 23, 0, 5, tzinfo=UTC)
    follow_up = conversation.messages.order_by("sent_at").last()
    assert follow_up is not None
    assert follow_up.body_text == "Any news? I need it for a trip on Friday."
    assert "Where is my order?" in follow_up.quoted_text


def test_html_template_is_parsed_and_sanitized(channel) -> None:  # type: ignore[no-untyped-def]
    outcome = ingest(channel, "relay_html_fr.eml")
    assert outcome.status == "ingested"
    message = Message.objects.get()
    assert message.body_text == (
        "Bonjour, le produit est arrivé cassé. Je voudrais un remplacement s'il vous plaît."
    )
    assert message.conversation.amazon_order_id == "402-1234567-7654321"
    assert message.conversation.buyer_name == "Valérie"
    assert message.conversation.intent == "damaged_or_defective"
    assert message.conversation.language == "fr"
    assert "<script" not in message.body_html
    assert "onclick" not in message.body_html
    assert "<img" not in message.body_html
    assert message.comm_mgr_tok == "FR77TOKEN"


def test_attachments_are_stored_under_home(channel, settings) -> None:  # type: ignore[no-untyped-def]
    ingest(channel, "relay_attachment_de.eml")
    attachment = Attachment.objects.get()
    assert attachment.filename == "foto.jpg"
    assert attachment.content_type == "image/jpeg"
    stored = Path(settings.ATTACHMENTS_DIR) / attachment.path
    assert stored.read_bytes()[:2] == b"\xff\xd8"
    assert attachment.size == stored.stat().st_size
    assert Message.objects.get().body_text.startswith("Guten Tag, die Mühle ist defekt")


def test_oversized_attachment_is_recorded_without_bytes(channel, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SELLERDESK_ATTACHMENT_MAX_BYTES = 10
    ingest(channel, "relay_attachment_de.eml")
    attachment = Attachment.objects.get()
    assert attachment.path == ""
    assert attachment.size > 10


def test_message_without_order_threads_by_alias_and_subject(channel) -> None:  # type: ignore[no-untyped-def]
    ingest(channel, "relay_no_order.eml")
    conversation = Conversation.objects.get()
    assert conversation.amazon_order_id == ""
    assert conversation.thread_subject == "product details inquiry from amazon customer sam"
    assert conversation.intent == "product_question"


def test_auto_replies_and_bounces_never_open_a_conversation(channel) -> None:  # type: ignore[no-untyped-def]
    for name in ("relay_autoreply.eml", "bounce_report.eml"):
        outcome = ingest(channel, name)
        assert outcome.status == "ingested"
        assert outcome.kind == EmailKind.AUTO_REPLY
    assert Conversation.objects.count() == 0
    reasons = set(InboundEmail.objects.values_list("reason", flat=True))
    assert reasons == {"Auto-Submitted: auto-replied", "multipart/report (delivery-status)"}


def test_auto_reply_does_not_touch_a_running_clock(channel) -> None:  # type: ignore[no-untyped-def]
    ingest(channel, "relay_classic_en.eml")
    before = Conversation.objects.values("status", "due_at", "first_unanswered_at").get()
    ingest(channel, "relay_autoreply.eml")
    assert Conversation.objects.values("status", "due_at", "first_unanswered_at").get() == before


def test_atoz_notice_opens_then_grants_the_claim(channel, store) -> None:  # type: ignore[no-untyped-def]
    assert ingest(channel, "atoz_claim.eml").kind == EmailKind.ATOZ_NOTICE
    claim = Claim.objects.get()
    assert claim.amazon_order_id == "112-5551234-7654321"
    assert claim.status == "action_required"
    assert claim.reason == "not_received"
    assert claim.amount == Decimal("34.99")
    assert claim.currency == "USD"
    assert claim.due_at == datetime(2026, 11, 14, 19, 0, tzinfo=UTC)  # 48 h after the notice
    ingest(channel, "atoz_granted.eml")
    claim.refresh_from_db()
    assert claim.status == "granted"
    assert claim.due_at is None
    assert claim.appeal_due_at == datetime(2026, 12, 17, 17, 0, tzinfo=UTC)


def test_chargeback_notice_and_decision(channel) -> None:  # type: ignore[no-untyped-def]
    assert ingest(channel, "chargeback_notice.eml").kind == EmailKind.CHARGEBACK_NOTICE
    chargeback = Chargeback.objects.get()
    assert chargeback.status == "open"
    assert chargeback.amount == Decimal("58.20")
    assert chargeback.due_at == datetime(2026, 11, 20, 15, 30, tzinfo=UTC)  # 7 days
    assert ingest(channel, "chargeback_decision.eml").kind == EmailKind.CHARGEBACK_DECISION
    chargeback.refresh_from_db()
    assert chargeback.status == "decided_for_seller"
    assert chargeback.due_at is None


def test_return_request_creates_a_return_with_its_deadline(channel, store) -> None:  # type: ignore[no-untyped-def]
    order = OrderFactory(store=store, amazon_order_id="114-9998887-6665554")
    OrderItemFactory(order=order, sku="BH-BOTTLE-750", asin="B07XJ8C8F5")
    assert ingest(channel, "return_request.eml").kind == EmailKind.RETURN_REQUEST
    record = Return.objects.get()
    assert record.order == order
    assert record.rma_id == "DkQm8vRRMA"
    assert record.sku == "BH-BOTTLE-750"
    assert record.reason_code == "CR-DEFECTIVE"
    assert record.buyer_comment == "The lid leaks everywhere."
    assert record.due_at == datetime(2026, 11, 17, 0, 45, tzinfo=UTC)


def test_delivery_failure_links_to_the_conversation(channel) -> None:  # type: ignore[no-untyped-def]
    ingest(channel, "relay_classic_en.eml")
    outcome = ingest(channel, "delivery_failure.eml")
    assert outcome.kind == EmailKind.DELIVERY_FAILURE
    email = InboundEmail.objects.get(pk=outcome.email_id)
    assert email.conversation == Conversation.objects.get()
    assert Message.objects.count() == 1


def test_same_message_twice_is_a_duplicate(channel) -> None:  # type: ignore[no-untyped-def]
    assert ingest(channel, "relay_classic_en.eml").status == "ingested"
    assert ingest(channel, "relay_classic_en.eml").status == "duplicate"
    assert InboundEmail.objects.count() == 1
    assert Message.objects.count() == 1


def test_same_message_through_a_second_channel_adds_no_message(store) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.mail.models import MailChannel

    first = files_channel(store=store)
    second = MailChannel.objects.create(store=store, name="Second", kind="files")
    ingest(first, "relay_classic_en.eml")
    assert ingest(second, "relay_classic_en.eml").status == "ingested"
    assert InboundEmail.objects.count() == 2
    assert Message.objects.count() == 1


def test_message_without_message_id_dedupes_by_content(channel) -> None:  # type: ignore[no-untyped-def]
    raw = (
        (DATA / "relay_no_order.eml")
        .read_bytes()
        .replace(b"Message-ID: <relay-no-order@email.amazonses.com>\n", b"")
    )
    first = email_ingest(channel=channel, raw=raw)
    second = email_ingest(channel=channel, raw=raw)
    assert (first.status, second.status) == ("ingested", "duplicate")
    assert InboundEmail.objects.get().dedupe_key.startswith("sha256:")


def test_garbage_is_quarantined_with_a_reason_and_can_be_reprocessed(channel) -> None:  # type: ignore[no-untyped-def]
    outcome = email_ingest(channel=channel, raw=b"\x00\x01 this is not mail")
    assert outcome.status == "quarantined"
    email = InboundEmail.objects.get()
    assert email.status == EmailStatus.QUARANTINED
    assert "not an email" in email.reason or "header" in email.reason
    assert bytes(email.raw) == b"\x00\x01 this is not mail"
    again = email_reprocess(email=email)
    assert again.status == "quarantined"
    email.refresh_from_db()
    assert email.attempts == 2


def test_not_amazon_mail_is_kept_as_other(channel) -> None:  # type: ignore[no-untyped-def]
    outcome = ingest(channel, "not_amazon.eml")
    assert (outcome.status, outcome.kind) == ("ingested", EmailKind.OTHER)
    assert Conversation.objects.count() == 0


def test_import_folder_counts_and_rerun_changes_nothing(channel) -> None:  # type: ignore[no-untyped-def]
    counts = mail_import(channel=channel, paths=[DATA])
    files = len(list(DATA.glob("*.eml")))
    assert counts.total == files
    assert counts.quarantined == 0
    snapshot = (
        Conversation.objects.count(),
        Message.objects.count(),
        Claim.objects.count(),
        Chargeback.objects.count(),
        Return.objects.count(),
    )
    again = mail_import(channel=channel, paths=[DATA])
    assert (again.ingested, again.duplicates, again.quarantined) == (0, files, 0)
    assert snapshot == (
        Conversation.objects.count(),
        Message.objects.count(),
        Claim.objects.count(),
        Chargeback.objects.count(),
        Return.objects.count(),
    )


def test_mbox_and_maildir_go_through_the_same_pipeline(channel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import mailbox

    names = ["relay_classic_en.eml", "atoz_claim.eml", "not_amazon.eml"]
    box = mailbox.mbox(tmp_path / "archive.mbox")
    for name in names:
        box.add((DATA / name).read_bytes())
    box.close()
    maildir = mailbox.Maildir(tmp_path / "Maildir")
    for name in [*names, "chargeback_notice.eml"]:
        maildir.add((DATA / name).read_bytes())
    counts = mail_import(channel=channel, paths=[tmp_path / "archive.mbox", tmp_path / "Maildir"])
    assert (counts.ingested, counts.duplicates, counts.quarantined) == (4, 3, 0)


def test_policy_change_moves_waiting_deadlines(channel, store) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.stores.services import store_settings_update
    from tests.factories import MembershipFactory, UserFactory

    owner = UserFactory()
    MembershipFactory(user=owner, store=store, role="owner")
    ingest(channel, "relay_classic_en.eml")  # Saturday 15:00:05 in Los Angeles
    assert Conversation.objects.get().due_at == datetime(2026, 11, 9, 23, 0, 5, tzinfo=UTC)
    store_settings_update(store=store, actor=owner, changes={"response_skip_sundays": False})
    # Around the clock now: Sunday 15:00:05.
    assert Conversation.objects.get().due_at == datetime(2026, 11, 8, 23, 0, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tld", "begin", "end", "subject", "text"),
    [
        ("fr", "Début du message", "Fin du message",
         "Demande de renseignements de la part du client Amazon Luc "
         "(Commande : 402-1111111-2222222)",
         "Bonjour, où est mon colis ?"),
        ("es", "Inicio del mensaje", "Fin del mensaje",
         "Consulta del cliente de Amazon Ana (Pedido: 402-1111111-2222222)",
         "Hola, ¿dónde está mi pedido?"),
        ("it", "Inizio messaggio", "Fine messaggio",
         "Richiesta dal cliente Amazon Marco (Ordine: 402-1111111-2222222)",
         "Buongiorno, dov'è il mio ordine?"),
        ("com.br", "Início da mensagem", "Fim da mensagem",
         "Consulta do cliente da Amazon João (Pedido: 402-1111111-2222222)",
         "Olá, onde está meu pedido?"),
        ("co.jp", "メッセージ開始", "メッセージ終了",
         "注文番号 402-1111111-2222222 に関するお問い合わせ (注文: 402-1111111-2222222)",
         "商品はいつ届きますか\uff1f"),
        ("nl", "Begin bericht", "Einde bericht",
         "Vraag van Amazon-klant Sanne (Bestelling: 402-1111111-2222222)",
         "Hallo, waar blijft mijn pakket?"),
    ],
)  # fmt: skip
def test_localized_markers(channel, tld, begin, end, subject, text) -> None:  # type: ignore[no-untyped-def]
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = f"Buyer - Amazon Marketplace <abcdefghij12345@marketplace.amazon.{tld}>"
    message["To"] = "shop@example.test"
    message["Subject"] = subject
    message["Date"] = "Tue, 10 Nov 2026 10:00:00 +0100"
    message["Message-ID"] = f"<marker-{tld}@example.test>"
    message.set_content(
        f"Bestellnummer 402-1111111-2222222:\n1 / Produkt [ASIN: B07XJ8C8F5]\n\n"
        f"------------- {begin} -------------\n\n{text}\n\n------------- {end} -------------\n"
    )
    outcome = email_ingest(channel=channel, raw=message.as_bytes())
    assert (outcome.status, outcome.kind) == ("ingested", EmailKind.BUYER_MESSAGE)
    stored = Message.objects.get()
    assert stored.body_text == text
    assert stored.conversation.amazon_order_id == "402-1111111-2222222"
    assert stored.conversation.buyer_key == f"abcdefghij12345@marketplace.amazon.{tld}"


def test_reprocessing_is_audited_with_the_actor(channel, store) -> None:  # type: ignore[no-untyped-def]
    from sellerdesk.audit.models import AuditEvent
    from tests.factories import UserFactory

    agent = UserFactory()
    outcome = email_ingest(channel=channel, raw=b"not an email at all")
    email_reprocess(email=InboundEmail.objects.get(pk=outcome.email_id), actor=agent)
    event = AuditEvent.objects.get(action="mail.reprocessed")
    assert event.actor == agent
    assert event.data["status"] == "quarantined"
