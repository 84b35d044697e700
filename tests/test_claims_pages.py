"""The case pages of claims: the case deadlines page and the claim's detail page
(response from the draft, guideline errors, refusals)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.stores.models import Store
from tests.factories import ClaimFactory, StoreFactory

RESPONSE = (
    "Order 112-5551234-7654321 was shipped on 2026-11-03 with UPS, tracking number "
    "1Z999AA10123456784, and delivered on 2026-11-06."
)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_case_settings_page(owner_a: User, agent_a: User, viewer_a: User, store_a: Store) -> None:
    url = reverse("case_settings", kwargs={"store_id": store_a.pk})
    page = signed_in(agent_a).get(url)
    assert page.status_code == 200
    assert "Read-only: only an owner can change these" in page.content.decode()
    form = {
        "atoz_response_hours": "72",
        "atoz_appeal_days": "30",
        "atoz_appeal_response_hours": "72",
        "chargeback_response_days": "7",
        "chargeback_decided_for_seller_counts": "on",
    }
    assert signed_in(agent_a).post(url, form).status_code == 403
    assert signed_in(viewer_a).post(url, form).status_code == 403
    store_a.refresh_from_db()
    assert store_a.policy_overrides == {}
    bad = signed_in(owner_a).post(url, {**form, "atoz_response_hours": "0"})
    assert bad.status_code == 400
    response = signed_in(owner_a).post(url, form)
    assert response.status_code == 302
    store_a.refresh_from_db()
    assert store_a.policy_overrides == {
        "atoz_response_hours": 72,
        "chargeback_decided_for_seller_counts": 1,
    }
    other = StoreFactory(name="Elsewhere")
    assert (
        signed_in(owner_a).get(reverse("case_settings", kwargs={"store_id": other.pk})).status_code
        == 404
    )


# --- the detail page -------------------------------------------------------------------


@pytest.mark.django_db
def test_detail_page_records_a_response_and_shows_the_timeline(
    agent_a: User, store_a: Store
) -> None:
    claim = ClaimFactory(store=store_a, amazon_order_id="112-5551234-7654321")
    client = signed_in(agent_a)
    detail = reverse("claims_detail", kwargs={"store_id": store_a.pk, "pk": claim.pk})
    action = reverse("claims_action", kwargs={"store_id": store_a.pk, "pk": claim.pk})
    page = client.get(detail).content.decode()
    assert "Response to Amazon" in page
    assert "Buyer-Seller Messaging" in page  # the draft
    assert "Pending" in page

    response = client.post(action, {"action": "respond", "text": RESPONSE})
    assert response.status_code == 302
    page = client.get(detail).content.decode()
    assert "Responded to Amazon" in page
    assert agent_a.email in page
    assert "1Z999AA10123456784" in page
    claim.refresh_from_db()
    assert claim.status == "under_review"


@pytest.mark.django_db
def test_detail_page_shows_guideline_errors_and_keeps_the_text(
    agent_a: User, store_a: Store
) -> None:
    claim = ClaimFactory(store=store_a)
    action = reverse("claims_action", kwargs={"store_id": store_a.pk, "pk": claim.pk})
    text = "Please call me on +1 415 555 0100 <b>today</b>"
    response = signed_in(agent_a).post(action, {"action": "respond", "text": text})
    assert response.status_code == 422
    page = response.content.decode()
    assert "breaks Amazon&#x27;s guidelines" in page
    assert "&lt;b&gt;today&lt;/b&gt;" in page  # kept, escaped
    assert "finding-error" in page
    claim.refresh_from_db()
    assert claim.status == "action_required"


@pytest.mark.django_db
def test_detail_page_refusals(agent_a: User, viewer_a: User, store_a: Store) -> None:
    claim = ClaimFactory(store=store_a, status="denied", due_at=None)
    action = reverse("claims_action", kwargs={"store_id": store_a.pk, "pk": claim.pk})
    assert signed_in(viewer_a).post(action, {"action": "note", "text": "x"}).status_code == 403
    conflict = signed_in(agent_a).post(action, {"action": "appeal", "text": RESPONSE})
    assert conflict.status_code == 409
    assert "only a granted claim can be appealed" in conflict.content.decode()
    assert signed_in(agent_a).post(action, {"action": "fly"}).status_code == 400
    assert signed_in(agent_a).get(action).status_code == 405
    viewer_page = signed_in(viewer_a).get(
        reverse("claims_detail", kwargs={"store_id": store_a.pk, "pk": claim.pk})
    )
    assert "Work the claim" not in viewer_page.content.decode()
    assert not AuditEvent.objects.filter(actor__isnull=False).exists()
