"""Reviews: the ASIN summary, the response workflow (services, pages, API) and the CSV exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from sellerdesk.audit.models import AuditEvent
from sellerdesk.compliance import check
from sellerdesk.reviews.drafts import DRAFTS
from sellerdesk.reviews.models import Review, ReviewStatus
from sellerdesk.reviews.selectors import review_asin_summaries, review_decision
from sellerdesk.reviews.services import (
    ResponseComplianceError,
    review_no_action,
    review_respond,
    review_response_draft,
)
from sellerdesk.stores.models import Store
from tests.factories import ReviewFactory, StoreFactory

NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
CLEAN = (
    "We are sorry the lid leaked. Please contact us through Amazon so we can send a replacement."
)


def rows_of(response: Any) -> list[dict[str, str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def bearer(user: User) -> dict[str, str]:
    _, raw = token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post_json(client: Client, path: str, user: User, body: Any) -> Any:
    return client.post(
        f"/api/v1{path}", json.dumps(body), content_type="application/json", **bearer(user)
    )  # type: ignore[arg-type]


# --- the draft ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(DRAFTS))
def test_every_draft_passes_the_public_content_check(language: str) -> None:
    text = DRAFTS[language]
    assert check(text, kind="public") == []
    # An apology and Amazon as the way to reach the seller; no review-change wording.
    assert "Amazon" in text
    for word in ("review", "remove", "change", "http", "@"):
        assert word not in text.lower()


@pytest.mark.django_db
def test_draft_in_the_reviews_language_else_the_marketplaces(store_a: Store) -> None:
    german = ReviewFactory(
        store=store_a, title="Undicht", body="Der Deckel ist undicht und die Flasche tropft"
    )
    draft = review_response_draft(review=german)
    assert (draft.language, draft.text, draft.ok, draft.findings) == ("de", DRAFTS["de"], True, [])
    mute = ReviewFactory(store=StoreFactory(marketplace="FR", timezone=""), title="", body="")
    assert review_response_draft(review=mute).language == "fr"


# --- services --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_respond_records_text_who_when_and_audits(store_a: Store, agent_a: User) -> None:
    review = ReviewFactory(store=store_a, rating=2)
    with time_machine.travel(NOW, tick=False):
        review_respond(review=review, actor=agent_a, text=f"  {CLEAN}\n")
    review.refresh_from_db()
    assert (review.status, review.response, review.responded_at) == (
        ReviewStatus.RESPONDED,
        CLEAN,
        NOW,
    )
    event = AuditEvent.objects.get(action="review.responded")
    assert (event.actor, event.store, event.target_id) == (agent_a, store_a, str(review.pk))
    assert event.data == {"text": CLEAN, "rating": 2, "warnings": []}
    decision = review_decision(review=review)
    assert decision is not None
    assert (decision.actor, decision.text) == (agent_a, CLEAN)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (CLEAN + " Details at https://example.com/help", "external_link"),
        (CLEAN + " Write to help@example.com", "email_address"),
        ("Please update your review once we have sent the replacement.", "review_change_request"),
        ("We will refund you if you remove your review.", "review_incentive"),
    ],
)
def test_a_response_that_breaks_the_rules_is_refused(
    store_a: Store, agent_a: User, text: str, rule: str
) -> None:
    review = ReviewFactory(store=store_a, rating=1)
    with pytest.raises(ResponseComplianceError) as caught:
        review_respond(review=review, actor=agent_a, text=text)
    assert rule in {f.rule for f in caught.value.findings if f.severity == "error"}
    review.refresh_from_db()
    assert (review.status, review.response) == (ReviewStatus.NEW, "")
    assert not AuditEvent.objects.filter(action="review.responded").exists()


@pytest.mark.django_db
def test_warnings_do_not_block_and_are_audited(store_a: Store, owner_a: User) -> None:
    review = ReviewFactory(store=store_a, rating=3)
    text = "Sorry about this. Unlike other sellers, we replace it through Amazon messages."
    review_respond(review=review, actor=owner_a, text=text)
    review.refresh_from_db()
    assert review.status == ReviewStatus.RESPONDED
    assert AuditEvent.objects.get(action="review.responded").data["warnings"] == [
        "disparaging_competitors"
    ]


@pytest.mark.django_db
def test_respond_refusals(store_a: Store, agent_a: User, viewer_a: User) -> None:
    four = ReviewFactory(store=store_a, rating=4)
    with pytest.raises(ValidationError, match="3 stars or fewer"):
        review_respond(review=four, actor=agent_a, text=CLEAN)
    low = ReviewFactory(store=store_a, rating=2)
    with pytest.raises(ValidationError, match="write the response"):
        review_respond(review=low, actor=agent_a, text="   ")
    with pytest.raises(PermissionDenied):
        review_respond(review=low, actor=viewer_a, text=CLEAN)
    review_respond(review=low, actor=agent_a, text=CLEAN)
    with pytest.raises(ValidationError, match="already responded"):
        review_respond(review=low, actor=agent_a, text=CLEAN)
    # Two agents at once: the second, holding a stale copy, is refused by the update.
    stale = ReviewFactory(store=store_a, rating=2)
    copy = Review.objects.get(pk=stale.pk)
    review_no_action(review=stale, actor=agent_a, reason="Solved by message")
    with pytest.raises(ValidationError, match="changed meanwhile"):
        review_respond(review=copy, actor=agent_a, text=CLEAN)
    assert AuditEvent.objects.filter(action="review.responded").count() == 1


@pytest.mark.django_db
def test_no_action_needs_a_reason_and_is_audited(
    store_a: Store, agent_a: User, viewer_a: User
) -> None:
    review = ReviewFactory(store=store_a, rating=5)
    with pytest.raises(ValidationError, match="reason"):
        review_no_action(review=review, actor=agent_a, reason="  ")
    with pytest.raises(ValidationError, match="longer than"):
        review_no_action(review=review, actor=agent_a, reason="x" * 501)
    with pytest.raises(PermissionDenied):
        review_no_action(review=review, actor=viewer_a, reason="fine")
    review_no_action(review=review, actor=agent_a, reason="  A happy   customer ")
    review.refresh_from_db()
    assert (review.status, review.response, review.responded_at) == (
        ReviewStatus.NO_ACTION,
        "",
        None,
    )
    event = AuditEvent.objects.get(action="review.no_action")
    assert (event.actor, event.data) == (agent_a, {"reason": "A happy customer", "rating": 5})
    with pytest.raises(ValidationError, match="already no action needed"):
        review_no_action(review=review, actor=agent_a, reason="again")


# --- the ASIN summary --------------------------------------------------------------------------


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_asin_summary_counts_average_low_share_and_months(store_a: Store, store_b: Store) -> None:
    for rating, day in ((1, date(2026, 11, 2)), (5, date(2026, 11, 19)), (3, date(2026, 10, 31)),
                        (4, date(2026, 10, 1)), (2, date(2026, 9, 30))):  # fmt: skip
        ReviewFactory(store=store_a, asin="B0SUMMARY1", rating=rating, reviewed_on=day)
    ReviewFactory(store=store_a, asin="B0OTHER002", rating=5, reviewed_on=date(2026, 11, 1))
    ReviewFactory(store=store_b, asin="B0SUMMARY1", rating=1, reviewed_on=date(2026, 11, 1))
    summaries = review_asin_summaries(store=store_a)
    assert [s.asin for s in summaries] == ["B0SUMMARY1", "B0OTHER002"]
    first = summaries[0]
    assert (first.total.count, first.total.average, first.total.low) == (5, 3.0, 3)
    assert (first.total.average_text, first.total.low_share_text) == ("3.0", "60%")
    assert (first.this_month.count, first.this_month.average, first.this_month.low) == (2, 3.0, 1)
    assert (first.last_month.count, first.last_month.average, first.last_month.low) == (2, 3.5, 1)
    assert first.change == 0
    only = review_asin_summaries(store=store_a, asin="B0OTHER002")
    assert [(s.asin, s.total.low_share_text, s.last_month.average_text) for s in only] == [
        ("B0OTHER002", "0%", "—")
    ]


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_list_shows_the_summary_and_the_export_link(
    client: Client, agent_a: User, store_a: Store
) -> None:
    ReviewFactory(store=store_a, asin="B0SUMMARY1", rating=1, reviewed_on=date(2026, 11, 2))
    ReviewFactory(store=store_a, asin="B0SUMMARY1", rating=4, reviewed_on=date(2026, 11, 3))
    ReviewFactory(store=store_a, asin="B0OTHER002", rating=5, reviewed_on=date(2026, 10, 3))
    client.force_login(agent_a)
    url = reverse("reviews_list", kwargs={"store_id": store_a.pk})
    page = client.get(url).text
    assert 'data-asin="B0SUMMARY1"' in page
    assert 'data-asin="B0OTHER002"' in page
    assert "50%" in page  # one of B0SUMMARY1's two reviews has 3 stars or fewer
    filtered = client.get(url, {"asin": "B0SUMMARY1", "rating": "1"}).text
    assert 'data-asin="B0OTHER002"' not in filtered
    export = reverse("reviews_export", kwargs={"store_id": store_a.pk})
    assert f'href="{export}?rating=1&amp;asin=B0SUMMARY1"' in filtered
    # The htmx results swap carries the summary too.
    partial = client.get(
        url, {"asin": "B0OTHER002"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    assert 'data-asin="B0OTHER002"' in partial.text
    assert "<html" not in partial.text


# --- pages ---------------------------------------------------------------------------------------


def detail(store: Store, review: Review, name: str = "reviews_detail") -> str:
    return reverse(name, kwargs={"store_id": store.pk, "pk": review.pk})


@pytest.mark.django_db
def test_detail_offers_the_workflow_to_agents_only(
    client: Client, agent_a: User, viewer_a: User, store_a: Store
) -> None:
    low = ReviewFactory(store=store_a, rating=2, title="Leaky lid", body="It leaks")
    client.force_login(agent_a)
    page = client.get(detail(store_a, low)).text
    assert 'id="response-text"' in page
    assert DRAFTS["en"].replace("'", "&#x27;") in page
    assert "No problems found by the check for public content." in page
    assert 'id="no-action-reason"' in page
    high = ReviewFactory(store=store_a, rating=5, title="Great", body="Love it")
    page = client.get(detail(store_a, high)).text
    assert 'id="response-text"' not in page
    assert 'id="no-action-reason"' in page
    client.force_login(viewer_a)
    page = client.get(detail(store_a, low)).text
    assert 'id="response-text"' not in page
    assert 'id="no-action-reason"' not in page


@pytest.mark.django_db
def test_check_endpoint_shows_findings_and_closes_the_button(
    client: Client, agent_a: User, store_a: Store
) -> None:
    review = ReviewFactory(store=store_a, rating=2)
    client.force_login(agent_a)
    url = detail(store_a, review, "reviews_check")
    bad = client.post(url, {"text": CLEAN + " See www.example.com"}, HTTP_HX_REQUEST="true").text
    assert 'data-rule="external_link"' in bad
    assert "www.example.com" in bad
    assert 'hx-swap-oob="true"' in bad
    assert "disabled" in bad
    good = client.post(url, {"text": CLEAN}, HTTP_HX_REQUEST="true").text
    assert "finding" not in good.replace("No problems found", "")
    assert "disabled" not in good


@pytest.mark.django_db
def test_respond_page_flow(client: Client, agent_a: User, store_a: Store) -> None:
    review = ReviewFactory(store=store_a, rating=2)
    client.force_login(agent_a)
    url = detail(store_a, review, "reviews_respond")
    refused = client.post(url, {"text": CLEAN + " https://example.com"})
    assert refused.status_code == 422
    assert 'data-rule="external_link"' in refused.text
    assert "https://example.com" in refused.text  # the text comes back to be fixed
    review.refresh_from_db()
    assert review.status == ReviewStatus.NEW
    done = client.post(url, {"text": CLEAN})
    assert done.status_code == 302
    assert done["Location"] == detail(store_a, review)
    page = client.get(detail(store_a, review)).text
    assert "Response recorded." in page
    assert 'id="review-status">Responded<' in page
    assert f"by {agent_a.email}" in page
    assert 'id="response-text"' not in page
    again = client.post(url, {"text": CLEAN})
    assert again.status_code == 422
    assert "already responded" in again.text


@pytest.mark.django_db
def test_no_action_page_flow(client: Client, agent_a: User, store_a: Store) -> None:
    review = ReviewFactory(store=store_a, rating=1)
    client.force_login(agent_a)
    url = detail(store_a, review, "reviews_no_action")
    assert client.post(url, {"reason": ""}).status_code == 422
    done = client.post(url, {"reason": "Buyer already got a replacement by message"})
    assert done.status_code == 302
    page = client.get(detail(store_a, review)).text
    assert "Buyer already got a replacement by message" in page
    assert f"by {agent_a.email}" in page


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["reviews_check", "reviews_respond", "reviews_no_action"])
def test_viewers_are_refused_and_other_stores_are_404(
    client: Client, viewer_a: User, agent_a: User, store_a: Store, store_b: Store, name: str
) -> None:
    mine = ReviewFactory(store=store_a, rating=2)
    theirs = ReviewFactory(store=store_b, rating=2)
    form = {"text": CLEAN, "reason": "x"}
    client.force_login(viewer_a)
    assert client.post(detail(store_a, mine, name), form).status_code == 403
    client.force_login(agent_a)
    assert client.post(detail(store_a, theirs, name), form).status_code == 404
    assert client.post(detail(store_b, theirs, name), form).status_code == 404
    assert client.get(detail(store_a, mine, name)).status_code == 405
    mine.refresh_from_db()
    assert mine.status == ReviewStatus.NEW
    assert not AuditEvent.objects.filter(action__startswith="review.").exists()


# --- API -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_draft_response_and_no_action(
    client: Client, agent_a: User, viewer_a: User, store_a: Store, store_b: Store
) -> None:
    review = ReviewFactory(store=store_a, rating=2, title="Leaks", body="The lid leaks")
    draft = client.get(f"/api/v1/reviews/{review.pk}/response-draft", **bearer(viewer_a))  # type: ignore[arg-type]
    assert draft.status_code == 200
    assert draft.json() == {"text": DRAFTS["en"], "language": "en", "ok": True, "findings": []}

    # Viewers: 403 before the body is read (even a malformed one).
    refused = client.post(
        f"/api/v1/reviews/{review.pk}/response",
        "{not json",
        content_type="application/json",
        **bearer(viewer_a),
    )  # type: ignore[arg-type]
    assert refused.status_code == 403
    # Another store's review: 404, before the role and the body.
    other = ReviewFactory(store=store_b, rating=2)
    assert (
        post_json(client, f"/reviews/{other.pk}/response", agent_a, {"text": CLEAN}).status_code
        == 404
    )

    bad = post_json(
        client, f"/reviews/{review.pk}/response", agent_a, {"text": CLEAN + " www.example.com"}
    )
    assert bad.status_code == 422
    assert bad.json()["detail"].startswith("the response breaks Amazon's rules")
    assert [f["rule"] for f in bad.json()["findings"]] == ["external_link"]
    assert (
        post_json(client, f"/reviews/{review.pk}/response", agent_a, {"text": "  "}).status_code
        == 422
    )

    done = post_json(client, f"/reviews/{review.pk}/response", agent_a, {"text": CLEAN})
    assert done.status_code == 201, done.content
    assert done.json()["review"]["status"] == "responded"
    assert done.json()["review"]["response"] == CLEAN
    assert done.json()["warnings"] == []
    again = post_json(client, f"/reviews/{review.pk}/response", agent_a, {"text": CLEAN})
    assert again.status_code == 409

    five = ReviewFactory(store=store_a, rating=5)
    assert (
        post_json(client, f"/reviews/{five.pk}/response", agent_a, {"text": CLEAN}).status_code
        == 409
    )
    assert (
        post_json(client, f"/reviews/{five.pk}/no-action", viewer_a, {"reason": "ok"}).status_code
        == 403
    )
    assert post_json(client, f"/reviews/{five.pk}/no-action", agent_a, {}).status_code == 422
    noted = post_json(client, f"/reviews/{five.pk}/no-action", agent_a, {"reason": "Happy buyer"})
    assert noted.status_code == 200
    assert noted.json()["status"] == "no_action"
    assert (
        post_json(client, f"/reviews/{five.pk}/no-action", agent_a, {"reason": "x"}).status_code
        == 409
    )
    assert AuditEvent.objects.filter(action="review.no_action", actor=agent_a).count() == 1


# --- CSV ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_web_export_honours_the_list_filters(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    low = ReviewFactory(store=store_a, rating=1, asin="B0EXPORT01", title='=HYPERLINK("x")')
    ReviewFactory(store=store_a, rating=5, asin="B0EXPORT01")
    ReviewFactory(store=store_a, rating=1, asin="B0ELSE0002")
    ReviewFactory(store=store_b, rating=1, asin="B0EXPORT01")
    review_respond(review=low, actor=agent_a, text=CLEAN)
    client.force_login(agent_a)
    url = reverse("reviews_export", kwargs={"store_id": store_a.pk})
    response = client.get(url, {"asin": "B0EXPORT01", "rating": "1", "page": "3"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="reviews-store-a-')
    rows = rows_of(response)
    assert [int(r["id"]) for r in rows] == [low.pk]
    row = rows[0]
    assert row["title"] == '\'=HYPERLINK("x")'  # a formula is defused
    assert (row["status"], row["response"], row["decided_by"]) == (
        "responded",
        CLEAN,
        agent_a.email,
    )
    assert row["store"] == "Store A"
    assert row["verified_purchase"] == "false"
    assert len(rows_of(client.get(url))) == 3
    other = reverse("reviews_export", kwargs={"store_id": store_b.pk})
    assert client.get(other).status_code == 404


@pytest.mark.django_db
def test_api_export(client: Client, viewer_a: User, store_a: Store, store_b: Store) -> None:
    ReviewFactory(store=store_a, rating=2, asin="B0EXPORT01")
    ReviewFactory(store=store_a, rating=4, asin="B0EXPORT01")
    ReviewFactory(store=store_b, rating=2, asin="B0EXPORT01")
    answer = client.get(
        "/api/v1/reviews.csv", {"store": store_a.pk, "max_rating": 3}, **bearer(viewer_a)
    )  # type: ignore[arg-type]
    assert answer.status_code == 200
    assert [r["rating"] for r in rows_of(answer)] == ["2"]
    everything = client.get("/api/v1/reviews.csv", **bearer(viewer_a))  # type: ignore[arg-type]
    assert {r["store"] for r in rows_of(everything)} == {"Store A"}
    assert everything["Content-Disposition"].startswith('attachment; filename="reviews-20')
    assert (
        client.get("/api/v1/reviews.csv", {"store": store_b.pk}, **bearer(viewer_a)).status_code
        == 404
    )  # type: ignore[arg-type]
