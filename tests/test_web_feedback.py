"""The seller-feedback pages: the list with the removal verdict and window, the CSV export,
and one feedback with its removal panel, its one public reply and its history."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.feedback.highlight import Span, evidence_spans
from sellerdesk.feedback.models import Feedback, FeedbackStatus, ReplyStatus
from sellerdesk.feedback.removal import OBSCENE, PERSONAL_INFO, PRODUCT_REVIEW
from sellerdesk.feedback.selectors import feedback_removal_state
from sellerdesk.feedback.services import (
    ALREADY_POSTED,
    ONE_REPLY_WARNING,
    OUTCOMES,
    feedback_reply_draft,
)
from sellerdesk.feedback.views import OUTCOME_LABELS
from sellerdesk.stores.models import Store
from tests.factories import FeedbackFactory, MembershipFactory, OrderFactory, StoreFactory
from tests.web_support import detail_url, list_url

# Store A is in Los Angeles: 05:00 UTC on 2 November is still 1 November there.
NOW = datetime(2026, 11, 2, 5, 0, tzinfo=UTC)
TODAY = date(2026, 11, 1)  # in the store's time zone
PRODUCT_ONLY = "Stopped working after two weeks, the battery is useless."
MIXED = "Stopped working after a week and the seller never replied."
COMPETITORS = "unlike other sellers"  # a warning for public content, not an error


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def url(name: str, feedback: Feedback) -> str:
    return reverse(name, kwargs={"store_id": feedback.store_id, "pk": feedback.pk})


def fresh(feedback: Feedback) -> Feedback:
    return Feedback.objects.get(pk=feedback.pk)


def product_feedback(store: Store, **kwargs: Any) -> Feedback:
    values: dict[str, Any] = {"comment": PRODUCT_ONLY, "rating": 1, "left_on": TODAY}
    values.update(kwargs)
    return FeedbackFactory(store=store, **values)


def text_of(html: str) -> str:
    """The page's text without tags, whitespace collapsed (for phrases split by markup)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def row_of(html: str, feedback: Feedback) -> str:
    """The list row of ``feedback``."""
    link = f'href="{detail_url("feedback", feedback.store, feedback)}"'
    start = html.rindex("<tr>", 0, html.index(link))
    return html[start : html.index("</tr>", start)]


# --- highlighting -----------------------------------------------------------------------


def test_spans_mark_every_occurrence_of_the_evidence() -> None:
    spans = evidence_spans("Battery dead. The battery!", {PRODUCT_REVIEW: ["battery", "dead"]})
    assert spans == [
        Span("Battery "),
        Span("dead", (PRODUCT_REVIEW,)),
        Span(". The "),
        Span("battery", (PRODUCT_REVIEW,)),
        Span("!"),
    ]
    assert "".join(s.text for s in spans) == "Battery dead. The battery!"


def test_spans_keep_to_whole_words_and_merge_overlapping_grounds() -> None:
    spans = evidence_spans("first class ass", {OBSCENE: ["ass"]})
    assert [s for s in spans if s.grounds] == [Span("ass", (OBSCENE,))]
    spans = evidence_spans(
        "Mr Patel sh!t", {OBSCENE: ["sh!t"], PERSONAL_INFO: ["Mr Patel", "Patel sh"]}
    )
    assert spans == [
        Span("Mr Patel ", (PERSONAL_INFO,)),
        Span("sh", (OBSCENE, PERSONAL_INFO)),
        Span("!t", (OBSCENE,)),
    ]
    assert spans[1].label == "Obscene or profane language; Personal information"
    assert "".join(s.text for s in spans) == "Mr Patel sh!t"
    assert evidence_spans("", {OBSCENE: ["x"]}) == []


# --- the list ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_list_shows_verdict_window_status_and_reply(
    client: Client, store_a: Store, agent_a: User
) -> None:
    eligible = product_feedback(store_a, left_on=TODAY - timedelta(days=80))
    mixed = FeedbackFactory(store=store_a, comment=MIXED, left_on=TODAY - timedelta(days=3))
    expired = product_feedback(store_a, left_on=TODAY - timedelta(days=91))
    last_day = product_feedback(store_a, left_on=TODAY - timedelta(days=90))
    praised = FeedbackFactory(
        store=store_a, rating=5, comment="Great seller", reply_status=ReplyStatus.POSTED
    )
    removed = product_feedback(store_a, status=FeedbackStatus.REMOVED)
    page = signed_in(client, agent_a).get(list_url("feedback", store_a)).text

    row = text_of(row_of(page, eligible))
    assert "Eligible" in row
    assert "Entirely a product review" in row
    assert "10 days left" in row
    assert "80 days ago" in row
    assert "Active" in row
    row = text_of(row_of(page, mixed))
    assert "Not eligible" in row
    assert "mixed product and service comment" in row
    assert "87 days left" in row
    # Day 90 is the last day in Los Angeles (in UTC it would already be day 91).
    assert "Last day" in text_of(row_of(page, last_day))
    assert "Expired" in text_of(row_of(page, expired))
    row = text_of(row_of(page, praised))
    assert "Not checked" in row
    assert "Reply posted" in row
    row = text_of(row_of(page, removed))
    assert "Removed" in row
    assert "days left" not in row
    assert f'href="{reverse("feedback_export", kwargs={"store_id": store_a.pk})}"' in page


@pytest.mark.django_db
def test_the_window_counts_days_in_the_stores_time_zone(client: Client, agent_a: User) -> None:
    berlin = StoreFactory(marketplace="DE", timezone="Europe/Berlin")
    MembershipFactory(user=agent_a, store=berlin)
    # 05:00 UTC is 06:00 on 2 November in Berlin: day 91 there, day 90 in Los Angeles.
    feedback = product_feedback(berlin, left_on=TODAY - timedelta(days=90))
    page = signed_in(client, agent_a).get(list_url("feedback", berlin)).text
    assert "Expired" in text_of(row_of(page, feedback))


@pytest.mark.django_db
def test_removal_filter(client: Client, store_a: Store, agent_a: User) -> None:
    open_ = product_feedback(store_a)
    closed = product_feedback(store_a, left_on=TODAY - timedelta(days=120))
    requested = product_feedback(store_a, status=FeedbackStatus.REMOVAL_REQUESTED)
    mixed = FeedbackFactory(store=store_a, comment=MIXED, left_on=TODAY)
    praised = FeedbackFactory(store=store_a, rating=5, comment="Great", left_on=TODAY)
    everyone = (open_, closed, requested, mixed, praised)
    signed_in(client, agent_a)

    def listed(query: str) -> list[Feedback]:
        page = client.get(list_url("feedback", store_a, query)).text
        return [f for f in everyone if f'href="{detail_url("feedback", store_a, f)}"' in page]

    assert listed("?removal=eligible") == [open_, closed, requested]
    assert listed("?removal=requestable") == [open_]
    assert listed("?removal=not_eligible") == [mixed, praised]
    assert listed("?removal=eligible&status=removal_requested") == [requested]
    assert listed("?removal=bogus") == list(everyone)


@pytest.mark.django_db
def test_list_query_count_does_not_grow_with_rows(
    client: Client, store_a: Store, agent_a: User, django_assert_max_num_queries: Any
) -> None:
    for n in range(25):
        order = OrderFactory(store=store_a)
        product_feedback(store_a, amazon_order_id=order.amazon_order_id, rating=1 + n % 5)
    signed_in(client, agent_a)
    with django_assert_max_num_queries(12):
        client.get(list_url("feedback", store_a))
    with django_assert_max_num_queries(14):
        client.get(list_url("feedback", store_a, "?removal=eligible"))


@pytest.mark.django_db
def test_csv_export_follows_the_filters_and_stays_in_the_store(
    client: Client, store_a: Store, store_b: Store, agent_a: User
) -> None:
    product_feedback(store_a, amazon_order_id="111-0000001-0000001")
    FeedbackFactory(
        store=store_a, rating=5, comment="=HYPERLINK(1) Great!", amazon_order_id="111-0000001-2"
    )
    product_feedback(store_b, amazon_order_id="999-0000009-0000009")
    signed_in(client, agent_a)
    export = reverse("feedback_export", kwargs={"store_id": store_a.pk})

    response = client.get(export)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="feedback-store{store_a.pk}-2026-11-01.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["order_id"] for r in rows} == {"111-0000001-0000001", "111-0000001-2"}
    by_order = {r["order_id"]: r for r in rows}
    eligible = by_order["111-0000001-0000001"]
    assert (eligible["removal_eligible"], eligible["removal_grounds"]) == ("yes", PRODUCT_REVIEW)
    assert eligible["removal_days_left"] == "90"
    assert by_order["111-0000001-2"]["comment"].startswith("'=")

    rows = list(csv.DictReader(io.StringIO(client.get(export + "?removal=eligible").text)))
    assert [r["order_id"] for r in rows] == ["111-0000001-0000001"]
    rows = list(csv.DictReader(io.StringIO(client.get(export + "?rating=5").text)))
    assert [r["order_id"] for r in rows] == ["111-0000001-2"]
    # Another store's export is a 404, and a POST is not an export.
    assert (
        client.get(reverse("feedback_export", kwargs={"store_id": store_b.pk})).status_code == 404
    )
    assert client.post(export).status_code == 405


# --- the removal panel -------------------------------------------------------------------


@pytest.mark.django_db
def test_panel_shows_grounds_evidence_text_and_the_feedback_manager(
    client: Client, store_a: Store, agent_a: User
) -> None:
    feedback = product_feedback(store_a)
    page = signed_in(client, agent_a).get(detail_url("feedback", store_a, feedback)).text
    panel = page[page.index('id="removal"') : page.index('id="reply"')]
    assert "Eligible for removal" in panel
    assert "Entirely a product review" in panel
    evidence = feedback_removal_state(feedback=feedback).check.evidence[PRODUCT_REVIEW]
    assert evidence
    for word in evidence:
        assert f'<q class="evidence-word">{word}</q>' in panel
        assert re.search(
            rf'<mark class="evidence" data-grounds="{PRODUCT_REVIEW}"[^>]*>{word}</mark>', page
        )
    assert '<textarea id="removal-request-text" rows="8" readonly>' in panel
    assert "We kindly request the removal of this feedback" in panel
    assert 'data-copy="removal-request-text"' in panel
    assert 'href="https://sellercentral.amazon.com/feedback-manager/index.html"' in panel
    assert re.search(r'<button type="submit" class="btn btn-primary" id="request-removal">', panel)
    assert "90 days left" in text_of(panel)
    assert "request by 2027-01-30" in text_of(panel)


@pytest.mark.parametrize(
    ("marketplace", "domain"),
    [("DE", "amazon.de"), ("UK", "amazon.co.uk"), ("JP", "amazon.co.jp")],
)
@pytest.mark.django_db
def test_feedback_manager_link_follows_the_marketplace(
    client: Client, agent_a: User, marketplace: str, domain: str
) -> None:
    store = StoreFactory(marketplace=marketplace, timezone="Europe/Berlin")
    MembershipFactory(user=agent_a, store=store)
    feedback = product_feedback(store)
    page = signed_in(client, agent_a).get(detail_url("feedback", store, feedback)).text
    assert f'href="https://sellercentral.{domain}/feedback-manager/index.html"' in page


@pytest.mark.django_db
def test_evidence_highlighting_escapes_the_comment(
    client: Client, store_a: Store, agent_a: User
) -> None:
    comment = (
        '<script>alert(1)</script> Write to <b>john.smith@example.com</b> & "help" '
        "<img src=x onerror=alert(2)>"
    )
    feedback = FeedbackFactory(store=store_a, rating=1, comment=comment, left_on=TODAY)
    page = signed_in(client, agent_a).get(detail_url("feedback", store_a, feedback)).text
    quote = page[page.index('id="feedback-comment"') : page.index("</blockquote>")]
    assert "<script>" not in page
    assert "<img src=x" not in page
    assert "<b>" not in quote
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in quote
    assert "&lt;img src=x onerror=alert(2)&gt;" in quote
    assert "&amp; &quot;help&quot;" in quote
    # The evidence is marked, between the escaped tags around it.
    assert (
        f'&lt;b&gt;<mark class="evidence" data-grounds="{PERSONAL_INFO}" '
        'title="Evidence: Personal information">john.smith@example.com</mark>&lt;/b&gt;'
    ) in quote


@pytest.mark.django_db
def test_request_removal(client: Client, store_a: Store, agent_a: User) -> None:
    feedback = product_feedback(store_a)
    signed_in(client, agent_a)
    response = client.post(url("feedback_removal_request", feedback))
    assert response.status_code == 302
    assert response["Location"] == detail_url("feedback", store_a, feedback) + "#removal"
    assert fresh(feedback).status == FeedbackStatus.REMOVAL_REQUESTED
    event = AuditEvent.objects.get(action="feedback.removal_requested")
    assert event.actor == agent_a
    assert event.data["grounds"] == [PRODUCT_REVIEW]

    page = client.get(response["Location"]).text
    assert "Removal request recorded" in page
    panel = page[page.index('id="removal"') : page.index('id="reply"')]
    assert (
        '<span class="pill pill-removal_requested" id="removal-status">Removal requested' in panel
    )
    assert "90 days left" in text_of(panel)
    assert 'id="request-removal"' not in panel
    for value, label in OUTCOME_LABELS.items():
        assert f'<button type="submit" name="outcome" value="{value}" class="btn">{label}' in panel
    history = text_of(page[page.index('id="history"') :])
    assert "Removal requested by agent-a@example.test" in history
    assert "Entirely a product review" in history


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"comment": MIXED}, "no removal ground applies: mixed product and service comment"),
        (
            {"left_on": TODAY - timedelta(days=91)},
            "the 90-day window for a removal request has closed",
        ),
        ({"status": FeedbackStatus.REMOVED}, "the feedback is removed"),
        ({"rating": 5, "comment": "Great"}, "only 1-3 star feedback is checked for removal"),
    ],
)
@pytest.mark.django_db
def test_request_refused_with_the_reason(
    client: Client, store_a: Store, agent_a: User, kwargs: dict[str, Any], reason: str
) -> None:
    feedback = product_feedback(store_a, **kwargs)
    signed_in(client, agent_a)
    page = client.get(detail_url("feedback", store_a, feedback)).text
    assert re.search(r'id="request-removal" disabled aria-describedby="removal-refusal"', page)
    refusal = page[page.index('id="removal-refusal"') :]
    assert reason in refusal[: refusal.index("</span>")]

    response = client.post(url("feedback_removal_request", feedback), follow=True)
    assert reason in response.text
    assert "Cannot request removal" in response.text
    assert fresh(feedback).status == kwargs.get("status", FeedbackStatus.ACTIVE)
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_a_second_request_is_refused(client: Client, store_a: Store, agent_a: User) -> None:
    feedback = product_feedback(store_a)
    signed_in(client, agent_a)
    client.post(url("feedback_removal_request", feedback))
    response = client.post(url("feedback_removal_request", feedback), follow=True)
    assert "a removal request is already pending" in response.text
    assert AuditEvent.objects.filter(action="feedback.removal_requested").count() == 1


@pytest.mark.parametrize("outcome", list(OUTCOMES))
@pytest.mark.django_db
def test_outcomes(client: Client, store_a: Store, agent_a: User, outcome: str) -> None:
    feedback = product_feedback(store_a, status=FeedbackStatus.REMOVAL_REQUESTED)
    signed_in(client, agent_a)
    response = client.post(url("feedback_removal_outcome", feedback), {"outcome": outcome})
    assert response.status_code == 302
    assert fresh(feedback).status == OUTCOMES[outcome]
    event = AuditEvent.objects.get(action="feedback.removal_outcome")
    assert event.data == {"outcome": outcome, "status": OUTCOMES[outcome]}
    page = client.get(response["Location"]).text
    assert f"Outcome recorded: {OUTCOME_LABELS[outcome].lower()}." in page
    assert 'name="outcome"' not in page
    if outcome == "denied":  # a denied request may be asked again within the window
        assert re.search(r'id="request-removal">', page)
    else:
        assert "Closed: the feedback is" in text_of(page)


@pytest.mark.django_db
def test_outcome_refusals(client: Client, store_a: Store, agent_a: User) -> None:
    pending = product_feedback(store_a, status=FeedbackStatus.REMOVAL_REQUESTED)
    active = product_feedback(store_a)
    signed_in(client, agent_a)
    page = client.post(
        url("feedback_removal_outcome", pending), {"outcome": "deleted"}, follow=True
    ).text
    assert "Choose an outcome" in page
    page = client.post(
        url("feedback_removal_outcome", active), {"outcome": "removed"}, follow=True
    ).text
    assert "No removal request is pending for this feedback." in page
    assert fresh(pending).status == FeedbackStatus.REMOVAL_REQUESTED
    assert fresh(active).status == FeedbackStatus.ACTIVE
    assert not AuditEvent.objects.exists()


# --- the public reply --------------------------------------------------------------------


@pytest.mark.django_db
def test_reply_form_is_prefilled_from_the_draft_with_the_warning(
    client: Client, store_a: Store, agent_a: User
) -> None:
    feedback = product_feedback(store_a)
    draft = feedback_reply_draft(feedback=feedback)
    page = signed_in(client, agent_a).get(detail_url("feedback", store_a, feedback)).text
    reply = page[page.index('id="reply"') : page.index('id="history"')]
    assert '<div class="one-reply-warning" role="note">' in reply
    assert ONE_REPLY_WARNING in text_of(reply)
    textarea = re.search(r'<textarea id="reply-text" name="text"[^>]*>([^<]*)</textarea>', reply)
    assert textarea is not None
    assert textarea.group(1) == draft.text.replace("'", "&#x27;")
    assert 'hx-post="' + url("feedback_reply_check", feedback) + '"' in reply
    assert 'hx-trigger="keyup changed delay:400ms, change"' in reply
    assert re.search(r'<button type="submit" class="btn btn-primary" id="post-reply">', reply)


@pytest.mark.django_db
def test_reply_check_endpoint(client: Client, store_a: Store, agent_a: User) -> None:
    feedback = product_feedback(store_a)
    signed_in(client, agent_a)
    check = url("feedback_reply_check", feedback)

    errors = client.post(check, {"text": "Sorry! Write to me at help@shop.example"}).text
    assert 'data-rule="email_address"' in errors
    assert "finding-error" in errors
    assert re.search(r'id="post-reply" disabled', errors)
    assert 'id="reply-submit" class="send-row" hx-swap-oob="true"' in errors

    warnings = client.post(check, {"text": f"We are sorry, {COMPETITORS} would not help."}).text
    assert 'data-rule="disparaging_competitors"' in warnings
    assert "finding-warning" in warnings
    assert re.search(r'id="post-reply">', warnings)

    clean = client.post(check, {"text": "We are sorry. Please contact us through Amazon."}).text
    assert "No problems found" in clean
    assert re.search(r'id="post-reply" disabled', client.post(check, {"text": "  "}).text)
    assert client.get(check).status_code == 405


@pytest.mark.django_db
def test_reply_is_posted_after_the_confirmation_step_and_only_once(
    client: Client, store_a: Store, agent_a: User
) -> None:
    feedback = product_feedback(store_a)
    signed_in(client, agent_a)
    post = url("feedback_reply", feedback)
    text = "We are sorry the bottle failed.\r\nPlease contact us through Amazon's messaging."

    # Step 1: the text once more, the warning, nothing recorded yet.
    review = client.post(post, {"text": text})
    assert review.status_code == 200
    page = review.text
    assert ONE_REPLY_WARNING in text_of(page)
    assert '<blockquote class="quote reply-text" id="reply-confirm-text">' in page
    assert 'name="confirm" value="1"' in page
    assert 'data-copy="reply-confirm-text"' in page
    assert fresh(feedback).reply_status == ReplyStatus.NONE
    assert not AuditEvent.objects.exists()

    # "Back to edit" keeps the text.
    edit = client.post(post, {"text": text, "edit": "1"}).text
    assert 'id="reply-text"' in edit
    assert "We are sorry the bottle failed." in edit

    # Step 2: confirmed, recorded; the page shows it read-only.
    response = client.post(post, {"text": text, "confirm": "1"})
    assert response.status_code == 302
    assert response["Location"] == detail_url("feedback", store_a, feedback) + "#reply"
    saved = fresh(feedback)
    assert saved.reply_status == ReplyStatus.POSTED
    assert saved.your_response == text.replace("\r\n", "\n")
    assert AuditEvent.objects.filter(action="feedback.reply_posted").count() == 1
    page = client.get(response["Location"]).text
    assert "Public reply recorded as posted." in page
    assert '<blockquote class="quote reply-text" id="posted-reply">' in page
    assert 'id="reply-text"' not in page
    assert 'name="confirm"' not in page
    assert "Public reply posted" in text_of(page[page.index('id="history"') :])

    # A second reply is refused, whatever the step; the first stays.
    for extra in ({}, {"confirm": "1"}):
        again = client.post(post, {"text": "Another reply.", **extra})
        assert again.status_code == 409
        assert ALREADY_POSTED[1:] in again.text
        assert fresh(feedback).your_response == text.replace("\r\n", "\n")
    assert AuditEvent.objects.filter(action="feedback.reply_posted").count() == 1


@pytest.mark.django_db
def test_reply_breaking_the_public_rules_is_refused_at_both_steps(
    client: Client, store_a: Store, agent_a: User
) -> None:
    feedback = product_feedback(store_a)
    signed_in(client, agent_a)
    bad = "Sorry! Visit https://shop.example for 10% off your next order."
    for extra in ({}, {"confirm": "1"}):
        response = client.post(url("feedback_reply", feedback), {"text": bad, **extra})
        assert response.status_code == 422
        assert 'data-rule="external_link"' in response.text
        assert "breaks Amazon&#x27;s rules for public content" in response.text
        assert 'id="reply-text"' in response.text  # back to the form, text kept
        assert "https://shop.example" in response.text
    empty = client.post(url("feedback_reply", feedback), {"text": " ", "confirm": "1"})
    assert empty.status_code == 422
    assert "Write the reply first." in empty.text
    assert fresh(feedback).reply_status == ReplyStatus.NONE
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_reply_warnings_do_not_block(client: Client, store_a: Store, agent_a: User) -> None:
    feedback = product_feedback(store_a)
    signed_in(client, agent_a)
    text = f"We are sorry, {COMPETITORS} would not help. Please write to us through Amazon."
    review = client.post(url("feedback_reply", feedback), {"text": text})
    assert review.status_code == 200
    assert 'name="confirm"' in review.text
    assert "finding-warning" in review.text
    client.post(url("feedback_reply", feedback), {"text": text, "confirm": "1"})
    assert fresh(feedback).your_response == text


@pytest.mark.django_db
def test_an_imported_reply_shows_read_only(client: Client, store_a: Store, agent_a: User) -> None:
    feedback = product_feedback(store_a, your_response="We <3 you", reply_status=ReplyStatus.POSTED)
    page = signed_in(client, agent_a).get(detail_url("feedback", store_a, feedback)).text
    assert (
        '<blockquote class="quote reply-text" id="posted-reply">We &lt;3 you</blockquote>' in page
    )
    assert 'id="reply-text"' not in page


# --- viewers -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_viewers_read_everything_and_cannot_act(
    client: Client, store_a: Store, viewer_a: User
) -> None:
    feedback = product_feedback(store_a)
    pending = product_feedback(store_a, status=FeedbackStatus.REMOVAL_REQUESTED)
    signed_in(client, viewer_a)
    page = client.get(detail_url("feedback", store_a, feedback)).text
    assert "Entirely a product review" in page
    assert "We kindly request the removal of this feedback" in page
    assert re.search(r'id="request-removal" disabled', page)
    assert "Viewers can read this feedback but not act on it." in page
    assert 'id="reply-draft"' in page
    assert 'id="reply-text"' not in page
    assert ONE_REPLY_WARNING in text_of(page)
    page = client.get(detail_url("feedback", store_a, pending)).text
    assert 'name="outcome"' not in page
    assert "Waiting for Amazon" in page
    assert client.get(list_url("feedback", store_a)).status_code == 200
    assert (
        client.get(reverse("feedback_export", kwargs={"store_id": store_a.pk})).status_code == 200
    )

    for name, target, data in (
        ("feedback_removal_request", feedback, {}),
        ("feedback_removal_outcome", pending, {"outcome": "removed"}),
        ("feedback_reply_check", feedback, {"text": "Sorry."}),
        ("feedback_reply", feedback, {"text": "Sorry. Write to us through Amazon."}),
        (
            "feedback_reply",
            feedback,
            {"text": "Sorry. Write to us through Amazon.", "confirm": "1"},
        ),
    ):
        assert client.post(url(name, target), data).status_code == 403, name
    assert fresh(feedback).status == FeedbackStatus.ACTIVE
    assert fresh(feedback).reply_status == ReplyStatus.NONE
    assert fresh(pending).status == FeedbackStatus.REMOVAL_REQUESTED
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_another_stores_feedback_is_404(
    client: Client, store_a: Store, store_b: Store, agent_a: User
) -> None:
    theirs = product_feedback(store_b)
    signed_in(client, agent_a)
    for name in ("feedback_removal_request", "feedback_reply", "feedback_reply_check"):
        # Store A's URL with store B's feedback: not found, not refused.
        target = reverse(name, kwargs={"store_id": store_a.pk, "pk": theirs.pk})
        assert client.post(target, {"text": "Sorry."}).status_code == 404
    assert fresh(theirs).status == FeedbackStatus.ACTIVE
