"""The evidence pack of a claim or chargeback: one printable page, its PDF, and a ZIP.

The page holds what Amazon asks for when a seller defends a case (amazon-rules
§5): the order and its items, shipment and tracking, delivery, every message with
the buyer, the order's returns and refunds, and the case's own timeline. Buyer
text is only ever auto-escaped by the template, never marked safe.

1. :func:`evidence_pack` gathers the facts (reads only, scoped to the case's store).
2. :func:`evidence_html` renders ``cases/evidence.html``; the web page is the same
   HTML with its print and download controls.
3. :func:`evidence_pdf` turns that HTML into a PDF with WeasyPrint, whose URL
   fetcher refuses everything but the desk's own static files: a PDF render never
   reaches the network, whatever the HTML names.
4. :func:`evidence_zip` packs the PDF and every attachment of the buyer's
   conversations about the order (files missing on disk are listed in
   ``attachments/MISSING.txt``).
"""

from __future__ import annotations

import io
import mimetypes
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import get_valid_filename

from sellerdesk.cases.timeline import TimelineEntry, case_timeline
from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.chargebacks.odr import chargeback_counts_in_odr
from sellerdesk.claims.models import Claim
from sellerdesk.claims.odr import claim_counts_in_odr
from sellerdesk.messaging.models import Attachment, Conversation, Direction, Message
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.returns.models import Return
from sellerdesk.stores.models import Store

Case = Claim | Chargeback
# WeasyPrint resolves relative URLs against this; nothing is ever fetched from it.
PDF_BASE_URL = "https://sellerdesk.invalid/"
STATIC_TYPES = {".css", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".woff", ".woff2", ".ttf"}


@dataclass(frozen=True, slots=True)
class ShippingFacts:
    """Plain facts about the order's journey, each ``None`` when not on record."""

    shipped_on_time: bool | None
    delivered_in_window: bool | None
    ship_to: str


@dataclass(slots=True)
class EvidencePack:
    store: Store
    kind: str  # "claim" or "chargeback"
    case: Case
    order: Order | None
    items: list[OrderItem]
    conversations: list[Conversation]
    returns: list[Return]
    timeline: list[TimelineEntry]
    counts_in_odr: bool | None
    odr_reason: str
    generated_at: datetime

    @property
    def title(self) -> str:
        noun = "A-to-z claim" if self.kind == "claim" else "Chargeback"
        return f"{noun} {self.case.amazon_order_id}"

    @property
    def messages(self) -> list[Message]:
        return [m for c in self.conversations for m in c.messages.all()]

    @property
    def buyer_message_count(self) -> int:
        return sum(1 for m in self.messages if m.direction == Direction.INBOUND)

    @property
    def seller_message_count(self) -> int:
        return sum(1 for m in self.messages if m.direction == Direction.OUTBOUND)

    @property
    def attachments(self) -> list[Attachment]:
        return [a for m in self.messages for a in m.attachments.all()]

    @property
    def shipping(self) -> ShippingFacts:
        order = self.order
        if order is None:
            return ShippingFacts(None, None, "")
        on_time = None
        if order.shipped_at and order.latest_ship_date:
            on_time = order.shipped_at <= order.latest_ship_date
        in_window = None
        if order.delivered_at and order.latest_delivery_date:
            in_window = order.delivered_at <= order.latest_delivery_date
        place = " ".join(
            p for p in (order.ship_city, order.ship_state, order.ship_postal_code) if p
        )
        ship_to = ", ".join(p for p in (place, order.ship_country) if p)
        return ShippingFacts(on_time, in_window, ship_to)


def _conversations(
    *, store: Store, order: Order | None, amazon_order_id: str
) -> list[Conversation]:
    match = Q(amazon_order_id=amazon_order_id)
    if order is not None:
        match |= Q(order=order)
    messages = Message.objects.order_by("sent_at", "id").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("id"))
    )
    return list(
        Conversation.objects.filter(store=store)
        .filter(match)
        .prefetch_related(Prefetch("messages", queryset=messages))
        .order_by("first_unanswered_at", "pk")
    )


def evidence_pack(*, store: Store, case: Case) -> EvidencePack:
    """Everything the evidence pack shows about ``case`` (a record of ``store``)."""
    if case.store_id != store.pk:
        raise ValueError("the case belongs to another store")
    order = case.order if case.order_id else None
    if order is None:
        order = Order.objects.filter(store=store, amazon_order_id=case.amazon_order_id).first()
    match = Q(amazon_order_id=case.amazon_order_id)
    if order is not None:
        match |= Q(order=order)
    if isinstance(case, Claim):
        kind = "claim"
        counts, reason = claim_counts_in_odr(case)
    else:
        kind = "chargeback"
        counts, reason = chargeback_counts_in_odr(case)
    return EvidencePack(
        store=store,
        kind=kind,
        case=case,
        order=order,
        items=list(order.items.order_by("id")) if order is not None else [],
        conversations=_conversations(
            store=store, order=order, amazon_order_id=case.amazon_order_id
        ),
        returns=list(Return.objects.filter(store=store).filter(match).order_by("requested_at")),
        timeline=case_timeline(record=case, store_id=store.pk),
        counts_in_odr=counts,
        odr_reason=reason,
        generated_at=timezone.now(),
    )


def evidence_html(*, pack: EvidencePack, controls: dict[str, str] | None = None) -> str:
    """The pack as one HTML document; ``controls`` (print/PDF/ZIP links) for the web page."""
    return render_to_string(
        "cases/evidence.html",
        {"pack": pack, "store": pack.store, "case": pack.case, "controls": controls or {}},
    )


# --- PDF -------------------------------------------------------------------------


def _weasyprint() -> Any:
    import weasyprint  # a heavy import (pango): only when a PDF is made

    return weasyprint


def static_only_fetcher() -> Any:
    """A WeasyPrint URL fetcher that serves the desk's static files and refuses
    every other URL (remote or local, any scheme)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            path = static_path(url)
            if path is None:
                raise ValueError(f"the evidence pack fetches no outside URL: {url[:200]}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": content_type}
            )

    return StaticOnlyFetcher(allowed_protocols=("https",))


def static_path(url: str) -> Path | None:
    """The file of one of our static URLs (under ``PDF_BASE_URL``), else ``None``."""
    parts = urlsplit(url)
    base = urlsplit(PDF_BASE_URL)
    prefix = "/" + str(settings.STATIC_URL).strip("/") + "/"
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    if not parts.path.startswith(prefix):
        return None
    name = unquote(parts.path[len(prefix) :])
    if Path(name).suffix.lower() not in STATIC_TYPES or ".." in Path(name).parts:
        return None
    try:
        found = finders.find(name)
    except SuspiciousFileOperation:
        return None
    if not isinstance(found, str):
        return None
    return Path(found)


def evidence_pdf(*, pack: EvidencePack) -> bytes:
    weasyprint = _weasyprint()
    document = weasyprint.HTML(
        string=evidence_html(pack=pack), base_url=PDF_BASE_URL, url_fetcher=static_only_fetcher()
    )
    pdf: bytes = document.write_pdf()
    return pdf


def evidence_filename(pack: EvidencePack, extension: str) -> str:
    return f"evidence-{pack.kind}-{pack.case.amazon_order_id}.{extension}"


# --- ZIP -------------------------------------------------------------------------


def attachment_file(attachment: Attachment) -> Path | None:
    """The attachment's file under ``ATTACHMENTS_DIR``, if it is there."""
    if not attachment.path:
        return None
    root = Path(settings.ATTACHMENTS_DIR).resolve()
    path = (root / attachment.path).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def attachment_zip_name(attachment: Attachment, message: Message) -> str:
    try:
        safe = get_valid_filename(attachment.filename)
    except SuspiciousFileOperation:
        safe = ""
    sent = f"{message.sent_at:%Y%m%d-%H%M}"
    return f"attachments/{sent}-{attachment.pk}-{safe or 'attachment'}"


def evidence_zip(*, pack: EvidencePack, pdf: bytes) -> bytes:
    buffer = io.BytesIO()
    missing: list[str] = []
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(evidence_filename(pack, "pdf"), pdf)
        for message in pack.messages:
            for attachment in message.attachments.all():
                name = attachment_zip_name(attachment, message)
                path = attachment_file(attachment)
                if path is None:
                    missing.append(f"{name}: the file is not on the desk")
                    continue
                archive.write(path, name)
        if missing:
            archive.writestr("attachments/MISSING.txt", "\n".join(missing) + "\n")
    return buffer.getvalue()


# --- representation draft --------------------------------------------------------


def _day(value: datetime | None, store: Store) -> str:
    return f"{value.astimezone(store.tz):%Y-%m-%d}" if value is not None else ""


def draft_facts(pack: EvidencePack) -> dict[str, Any]:
    """The facts the draft names, as text in the store's time zone ("" when unknown)."""
    order, store, shipping = pack.order, pack.store, pack.shipping
    window = ""
    if order is not None and (order.earliest_delivery_date or order.latest_delivery_date):
        first = _day(order.earliest_delivery_date, store)
        last = _day(order.latest_delivery_date, store)
        window = first if first == last or not last else f"{first or '?'} to {last}"
    return {
        "order_id": pack.case.amazon_order_id,
        "imported": order is not None,
        "purchased": _day(order.purchase_date, store) if order else "",
        "shipped": _day(order.shipped_at, store) if order else "",
        "ship_by": _day(order.latest_ship_date, store) if order else "",
        "on_time": shipping.shipped_on_time,
        "carrier": order.carrier if order else "",
        "service": order.ship_service_level if order else "",
        "buy_shipping": bool(order and order.bought_buy_shipping),
        "tracking": order.tracking_number if order else "",
        "delivered": _day(order.delivered_at, store) if order else "",
        "in_window": shipping.delivered_in_window,
        "window": window,
        "ship_to": shipping.ship_to,
        "messages": len(pack.messages),
        "buyer_messages": pack.buyer_message_count,
        "seller_messages": pack.seller_message_count,
        "attachments": len(pack.attachments),
        "kind": pack.kind,
    }


def representation_draft(*, pack: EvidencePack) -> str:
    """A short factual text for Amazon from ``cases/representation.txt``: the order,
    shipping and delivery facts, tracking, the messages, and where documents go.
    Facts the desk does not have are left as ``[…]`` for the seller to fill in."""
    text = render_to_string("cases/representation.txt", draft_facts(pack))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip() + "\n"
