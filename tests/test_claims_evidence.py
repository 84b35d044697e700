"""The evidence pack of a claim and of a chargeback: page, PDF, ZIP, and the draft.

The PDF is made by WeasyPrint for real; the ZIP is read back with ``zipfile``.
"""

from __future__ import annotations

import http.server
import io
import re
import threading
import zipfile
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.cases.evidence import (
    PDF_BASE_URL,
    evidence_pack,
    representation_draft,
    static_only_fetcher,
    static_path,
)
from sellerdesk.cases.texts import case_text_check
from sellerdesk.claims.services import claim_respond
from sellerdesk.compliance import has_errors
from sellerdesk.messaging.models import Attachment, Direction
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store
from tests.factories import (
    ChargebackFactory,
    ClaimFactory,
    ConversationFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
    ReturnFactory,
    StoreFactory,
)

ORDER_ID = "112-5551234-7654321"
HOSTILE = '<script>alert("pwned")</script> <img src="https://evil.example/track.png"> Where is it?'
SHIPPED = datetime(2026, 11, 3, 18, 0, tzinfo=UTC)


def pdf_pages(pdf: bytes) -> int:
    """Page objects in the PDF, looking into its compressed object streams too."""
    text = pdf
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            text += zlib.decompress(stream)
        except zlib.error:
            continue
    return len(re.findall(rb"/Type\s*/Page\b", text))


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _attachment(message: Any, name: str, content: bytes | None) -> Attachment:
    relative = f"evidence-test/{message.pk}-{name}"
    attachment = Attachment.objects.create(
        message=message,
        filename=name,
        content_type="image/jpeg",
        size=len(content or b""),
        sha256="0" * 64,
        path=relative,
    )
    if content is not None:
        target = settings.ATTACHMENTS_DIR / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return attachment


@pytest.fixture
def order(store_a: Store) -> Order:
    order = OrderFactory(
        store=store_a,
        amazon_order_id=ORDER_ID,
        purchase_date=datetime(2026, 11, 1, 20, 0, tzinfo=UTC),
        latest_ship_date=datetime(2026, 11, 4, 7, 59, tzinfo=UTC),
        shipped_at=SHIPPED,
        carrier="UPS",
        ship_service_level="Standard",
        tracking_number="1Z999AA10123456784",
        bought_buy_shipping=True,
        earliest_delivery_date=datetime(2026, 11, 6, 8, 0, tzinfo=UTC),
        latest_delivery_date=datetime(2026, 11, 10, 8, 0, tzinfo=UTC),
        delivered_at=datetime(2026, 11, 6, 22, 15, tzinfo=UTC),
        ship_city="Reno",
        ship_state="NV",
        ship_postal_code="89501",
        ship_country="US",
    )
    OrderItemFactory(order=order, sku="BH-BOTTLE-750", title="Blue Harbor bottle 750 ml")
    conversation = ConversationFactory(store=store_a, order=order, amazon_order_id=ORDER_ID)
    asked = MessageFactory(
        conversation=conversation, body_text=HOSTILE, sent_at=SHIPPED + timedelta(days=4)
    )
    _attachment(asked, "photo of the porch.jpg", b"\xff\xd8porch")
    _attachment(asked, "lost.jpg", None)  # recorded, but its file is gone
    MessageFactory(
        conversation=conversation,
        direction=Direction.OUTBOUND,
        body_text="It was delivered on Friday; here is the tracking.",
        sent_at=SHIPPED + timedelta(days=4, hours=2),
    )
    ReturnFactory(
        store=store_a,
        amazon_order_id=ORDER_ID,
        sku="BH-BOTTLE-750",
        status="refunded",
        refunded_at=datetime(2026, 11, 12, 18, 0, tzinfo=UTC),
        amount=Decimal("34.99"),
        currency="USD",
    )
    return order


@pytest.mark.django_db
def test_evidence_page_holds_the_facts_and_escapes_buyer_text(
    agent_a: User, store_a: Store, order: Order
) -> None:
    claim = ClaimFactory(store=store_a, amazon_order_id=ORDER_ID, order=order)
    claim_respond(claim=claim, actor=agent_a, text=f"Order {ORDER_ID} was delivered.")
    ids = {"store_id": store_a.pk, "pk": claim.pk}
    response = signed_in(agent_a).get(reverse("claims_evidence", kwargs=ids))
    assert response.status_code == 200
    page = response.content.decode()
    for fact in (
        ORDER_ID,
        "BH-BOTTLE-750",
        "Blue Harbor bottle 750 ml",
        "UPS",
        "1Z999AA10123456784",
        "label bought with Amazon Buy Shipping",
        "2026-11-03 10:00 -08:00",  # shipped, store time
        "(on time)",
        "2026-11-06 14:15 -08:00",  # delivered
        "(within the estimated window)",
        "Reno NV 89501, US",
        "It was delivered on Friday",
        "photo of the porch.jpg",
        "2026-11-12 10:00 -08:00",  # refunded
        "34.99 USD",
        "Responded to Amazon",
        agent_a.email,
        "2 messages: 1 from the buyer, 1 to the buyer; 2 attachments.",
    ):
        assert fact in page, fact
    assert "<script>alert" not in page
    assert '<img src="https://evil.example' not in page
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in page
    assert reverse("claims_evidence_pdf", kwargs=ids) in page
    assert reverse("claims_evidence_zip", kwargs=ids) in page


@pytest.mark.django_db
def test_evidence_pdf(agent_a: User, store_a: Store, order: Order) -> None:
    claim = ClaimFactory(store=store_a, amazon_order_id=ORDER_ID, order=order)
    response = signed_in(agent_a).get(
        reverse("claims_evidence_pdf", kwargs={"store_id": store_a.pk, "pk": claim.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="evidence-claim-{ORDER_ID}.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    assert pdf_pages(response.content) >= 1


@pytest.mark.django_db
def test_evidence_zip_lists_the_pdf_and_the_attachments(
    agent_a: User, store_a: Store, order: Order
) -> None:
    claim = ClaimFactory(store=store_a, amazon_order_id=ORDER_ID, order=order)
    response = signed_in(agent_a).get(
        reverse("claims_evidence_zip", kwargs={"store_id": store_a.pk, "pk": claim.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert names[0] == f"evidence-claim-{ORDER_ID}.pdf"
    assert archive.read(names[0]).startswith(b"%PDF")
    porch = [n for n in names if n.endswith("photo_of_the_porch.jpg")]
    assert len(porch) == 1
    assert porch[0].startswith("attachments/")
    assert archive.read(porch[0]) == b"\xff\xd8porch"
    assert (
        "lost.jpg: the file is not on the desk" in archive.read("attachments/MISSING.txt").decode()
    )
    assert len(names) == 3


@pytest.mark.django_db
def test_chargeback_evidence_pack(agent_a: User, store_a: Store, order: Order) -> None:
    chargeback = ChargebackFactory(store=store_a, amazon_order_id=ORDER_ID)  # not linked
    ids = {"store_id": store_a.pk, "pk": chargeback.pk}
    client = signed_in(agent_a)
    page = client.get(reverse("chargebacks_evidence", kwargs=ids)).content.decode()
    assert "Chargeback 112-5551234-7654321" in page
    assert "1Z999AA10123456784" in page  # the order is found by its id
    assert "&lt;script&gt;" in page
    pdf = client.get(reverse("chargebacks_evidence_pdf", kwargs=ids)).content
    assert pdf.startswith(b"%PDF")
    assert pdf_pages(pdf) >= 1
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(reverse("chargebacks_evidence_zip", kwargs=ids)).content)
    )
    assert f"evidence-chargeback-{ORDER_ID}.pdf" in archive.namelist()
    assert any(n.endswith("photo_of_the_porch.jpg") for n in archive.namelist())


@pytest.mark.django_db
def test_evidence_of_another_store_is_404(agent_a: User, store_a: Store) -> None:
    other = StoreFactory(name="Not yours")
    claim = ClaimFactory(store=other)
    client = signed_in(agent_a)
    for name in ("claims_evidence", "claims_evidence_pdf", "claims_evidence_zip"):
        for store in (store_a, other):
            url = reverse(name, kwargs={"store_id": store.pk, "pk": claim.pk})
            assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_representation_draft_states_the_facts_and_passes_the_check(
    store_a: Store, order: Order
) -> None:
    claim = ClaimFactory(store=store_a, amazon_order_id=ORDER_ID, order=order)
    draft = representation_draft(pack=evidence_pack(store=store_a, case=claim))
    assert draft.splitlines()[0] == f"Order {ORDER_ID}, placed on 2026-11-01."
    assert "We shipped the order on 2026-11-03 with UPS (Standard), before the ship-by" in draft
    assert "Amazon Buy Shipping" in draft
    assert "Tracking number: 1Z999AA10123456784." in draft
    assert "delivered on 2026-11-06 to Reno NV 89501, US, within the estimated" in draft
    assert "2 messages with the buyer about this order (1 from the buyer, 1 from us)" in draft
    assert "sent through Buyer-Seller Messaging, because this claim box" in draft
    assert not has_errors(case_text_check(text=draft, order_id=ORDER_ID))


@pytest.mark.django_db
def test_draft_leaves_unknown_facts_to_fill_in(store_a: Store) -> None:
    claim = ClaimFactory(store=store_a, amazon_order_id="113-0000000-0000009")
    draft = representation_draft(pack=evidence_pack(store=store_a, case=claim))
    assert "We shipped the order on [date] with [carrier]." in draft
    assert "Tracking number: [tracking number]." in draft
    assert "The buyer has not contacted us about this order." in draft


# --- WeasyPrint fetches nothing from outside ---------------------------------------


def test_static_paths_only() -> None:
    assert static_path(f"{PDF_BASE_URL}static/cases/evidence.css") is not None
    for url in (
        "https://evil.example/static/cases/evidence.css",
        "http://sellerdesk.invalid/static/cases/evidence.css",
        "file:///etc/passwd",
        f"{PDF_BASE_URL}static/../../etc/passwd.css",
        f"{PDF_BASE_URL}static/cases/missing.css",
        f"{PDF_BASE_URL}static/cases/evidence.js",  # not a type a PDF needs
        f"{PDF_BASE_URL}admin/",
        "data:text/css,body{}",
    ):
        assert static_path(url) is None, url


@pytest.fixture
def counting_server() -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server that records every request made to it."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", seen
    finally:
        server.shutdown()
        server.server_close()


def test_the_pdf_renderer_fetches_our_static_files_and_nothing_else(
    counting_server: tuple[str, list[str]],
) -> None:
    import weasyprint

    origin, seen = counting_server
    html = (
        f'<link rel="stylesheet" href="{origin}/remote.css">'
        f'<link rel="stylesheet" href="/static/cases/evidence.css">'
        f'<img src="{origin}/pixel.png"><img src="file:///etc/hostname"><p>text</p>'
    )
    fetcher = static_only_fetcher()
    served: list[str] = []
    original = fetcher.fetch

    def spy(url: str, headers: Any = None) -> Any:
        response = original(url, headers)
        served.append(url)
        return response

    fetcher.fetch = spy
    pdf = weasyprint.HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=fetcher).write_pdf()
    assert pdf.startswith(b"%PDF")
    assert seen == []  # the loopback server was never asked
    assert served == [f"{PDF_BASE_URL}static/cases/evidence.css"]
    # The same fetcher on its own: outside URLs are an error, never a request.
    with pytest.raises(ValueError, match="no outside URL"):
        fetcher(f"{origin}/remote.css")
    assert seen == []
