"""Customer questions: the queue (order, age, filters), drafts, answering and dismissing
(services, pages, API) and the CSV exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
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
from sellerdesk.questions.models import Question, QuestionStatus
from sellerdesk.questions.selectors import (
    question_age,
    question_decision,
    question_similar_answered,
)
from sellerdesk.questions.services import (
    SKELETONS,
    AnswerComplianceError,
    question_answer,
    question_answer_draft,
    question_dismiss,
)
from sellerdesk.stores.models import Store
from tests.factories import QuestionFactory

NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
ANSWER = "Yes, the bottle is dishwasher safe on the top rack."


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


def url(name: str, store: Store, question: Question | None = None) -> str:
    kwargs: dict[str, int] = {"store_id": store.pk}
    if question is not None:
        kwargs["pk"] = question.pk
    return reverse(name, kwargs=kwargs)


# --- drafts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(SKELETONS))
def test_skeletons_pass_the_public_check(language: str) -> None:
    assert check(SKELETONS[language], kind="public") == []


@pytest.mark.django_db
def test_draft_reuses_the_answer_to_a_similar_question_on_the_same_asin(store_a: Store) -> None:
    earlier = QuestionFactory(
        store=store_a, asin="B0BOTTLE01", text="Is this bottle dishwasher safe?",
        status=QuestionStatus.ANSWERED, answer=ANSWER, answered_at=NOW,
    )  # fmt: skip
    QuestionFactory(  # another ASIN: never borrowed from
        store=store_a, asin="B0MUG00002", text="Is the bottle dishwasher safe?",
        status=QuestionStatus.ANSWERED, answer="No.", answered_at=NOW,
    )  # fmt: skip
    question = QuestionFactory(store=store_a, asin="B0BOTTLE01", text="Dishwasher safe bottle?")
    found = question_similar_answered(question=question)
    assert found is not None
    assert found[0] == earlier
    assert found[1] == 1.0
    draft = question_answer_draft(question=question)
    assert (draft.text, draft.based_on, draft.ok) == (ANSWER, earlier, True)

    unrelated = QuestionFactory(store=store_a, asin="B0BOTTLE01", text="How tall is it in cm?")
    assert question_similar_answered(question=unrelated) is None
    skeleton = question_answer_draft(question=unrelated)
    assert (skeleton.text, skeleton.language, skeleton.based_on) == (SKELETONS["en"], "en", None)
    german = QuestionFactory(
        store=store_a, asin="B0BOTTLE01", text="Ist die Flasche spülmaschinenfest?"
    )
    assert question_answer_draft(question=german).text == SKELETONS["de"]


# --- services --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_answer_records_text_who_when_and_audits(store_a: Store, agent_a: User) -> None:
    question = QuestionFactory(store=store_a)
    with time_machine.travel(NOW, tick=False):
        question_answer(question=question, actor=agent_a, text=f" {ANSWER} ")
    question.refresh_from_db()
    assert (question.status, question.answer, question.answered_at) == (
        QuestionStatus.ANSWERED,
        ANSWER,
        NOW,
    )
    event = AuditEvent.objects.get(action="question.answered")
    assert (event.actor, event.target_id, event.data) == (
        agent_a,
        str(question.pk),
        {"text": ANSWER, "warnings": []},
    )
    decision = question_decision(question=question)
    assert decision is not None
    assert decision.actor == agent_a


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (ANSWER + " More at https://example.com", "external_link"),
        (ANSWER + " Call +1 555 123 4567", "phone_number"),
        (ANSWER + " Use code SAVE10 for a discount code on your next order.", "marketing"),
    ],
)
def test_an_answer_that_breaks_the_rules_is_refused(
    store_a: Store, agent_a: User, text: str, rule: str
) -> None:
    question = QuestionFactory(store=store_a)
    with pytest.raises(AnswerComplianceError) as caught:
        question_answer(question=question, actor=agent_a, text=text)
    assert rule in {f.rule for f in caught.value.findings if f.severity == "error"}
    question.refresh_from_db()
    assert question.status == QuestionStatus.UNANSWERED


@pytest.mark.django_db
def test_answer_and_dismiss_refusals(store_a: Store, agent_a: User, viewer_a: User) -> None:
    question = QuestionFactory(store=store_a)
    with pytest.raises(ValidationError, match="placeholder"):
        question_answer(question=question, actor=agent_a, text=SKELETONS["en"])
    with pytest.raises(ValidationError, match="write the answer"):
        question_answer(question=question, actor=agent_a, text="")
    with pytest.raises(PermissionDenied):
        question_answer(question=question, actor=viewer_a, text=ANSWER)
    with pytest.raises(PermissionDenied):
        question_dismiss(question=question, actor=viewer_a, reason="spam")
    with pytest.raises(ValidationError, match="reason"):
        question_dismiss(question=question, actor=agent_a, reason=" ")
    stale = Question.objects.get(pk=question.pk)
    question_dismiss(question=question, actor=agent_a, reason="Duplicate of another question")
    question.refresh_from_db()
    assert question.status == QuestionStatus.DISMISSED
    event = AuditEvent.objects.get(action="question.dismissed")
    assert (event.actor, event.data) == (agent_a, {"reason": "Duplicate of another question"})
    with pytest.raises(ValidationError, match="already dismissed"):
        question_answer(question=question, actor=agent_a, text=ANSWER)
    with pytest.raises(ValidationError, match="changed meanwhile"):
        question_answer(question=stale, actor=agent_a, text=ANSWER)
    assert not AuditEvent.objects.filter(action="question.answered").exists()


# --- the queue ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_age_runs_until_answered() -> None:
    asked = NOW - timedelta(days=2, hours=3)
    open_one = Question(asked_at=asked)
    assert question_age(question=open_one, now=NOW) == timedelta(days=2, hours=3)
    done = Question(asked_at=asked, answered_at=asked + timedelta(hours=5))
    assert question_age(question=done, now=NOW) == timedelta(hours=5)


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_queue_oldest_open_first_with_age_and_filters(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    newer = QuestionFactory(store=store_a, asin="B0ONE00001", asked_at=NOW - timedelta(hours=5))
    oldest = QuestionFactory(
        store=store_a, asin="B0TWO00002", asked_at=NOW - timedelta(days=2, hours=3)
    )
    answered = QuestionFactory(
        store=store_a, asin="B0ONE00001", asked_at=NOW - timedelta(days=9),
        status=QuestionStatus.ANSWERED, answer=ANSWER, answered_at=NOW - timedelta(days=8),
    )  # fmt: skip
    dismissed = QuestionFactory(
        store=store_a, asin="B0ONE00001", asked_at=NOW - timedelta(days=7),
        status=QuestionStatus.DISMISSED,
    )  # fmt: skip
    QuestionFactory(store=store_b, asin="B0ONE00001", asked_at=NOW - timedelta(days=30))
    client.force_login(agent_a)
    page = client.get(url("questions_list", store_a)).text

    def position(q: Question) -> int:
        return page.index(f'href="{url("questions_detail", store_a, q)}"')

    # Open questions first, oldest first; then the others, oldest first.
    assert position(oldest) < position(newer) < position(answered) < position(dismissed)
    assert "2d 3h" in page
    assert "5h 0m" in page
    assert "1d 0h" in page  # the answered one waited a day
    # Asked at, in the store's time zone (Los Angeles, PST).
    assert "2026-11-18 07:00 -08:00" in page
    # Unanswered per ASIN, oldest first.
    assert page.index('data-asin="B0TWO00002"') < page.index('data-asin="B0ONE00001"')

    only_open = client.get(
        url("questions_list", store_a), {"status": "unanswered", "asin": "B0ONE00001"}
    ).text
    assert f'href="{url("questions_detail", store_a, newer)}"' in only_open
    assert f'href="{url("questions_detail", store_a, oldest)}"' not in only_open
    assert f'href="{url("questions_detail", store_a, answered)}"' not in only_open
    dismissed_only = client.get(url("questions_list", store_a), {"status": "dismissed"}).text
    assert f'href="{url("questions_detail", store_a, dismissed)}"' in dismissed_only
    assert f'href="{url("questions_detail", store_a, newer)}"' not in dismissed_only
    # The asked column still sorts both ways.
    by_asked = client.get(url("questions_list", store_a), {"sort": "-asked"}).text
    assert by_asked.index(f'/{newer.pk}/"') < by_asked.index(f'/{answered.pk}/"')


# --- pages ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_answer_page_flow(client: Client, agent_a: User, viewer_a: User, store_a: Store) -> None:
    question = QuestionFactory(store=store_a)
    client.force_login(viewer_a)
    assert 'id="answer-text"' not in client.get(url("questions_detail", store_a, question)).text
    client.force_login(agent_a)
    page = client.get(url("questions_detail", store_a, question)).text
    assert 'id="answer-text"' in page
    assert 'id="dismiss-reason"' in page
    check_url = url("questions_check", store_a, question)
    checked = client.post(check_url, {"text": ANSWER + " www.example.com"}).text
    assert 'data-rule="external_link"' in checked
    assert "disabled" in checked
    refused = client.post(url("questions_answer", store_a, question), {"text": SKELETONS["en"]})
    assert refused.status_code == 422
    assert "placeholder" in refused.text
    bad = client.post(url("questions_answer", store_a, question), {"text": ANSWER + " a@b.com"})
    assert bad.status_code == 422
    assert 'data-rule="email_address"' in bad.text
    done = client.post(url("questions_answer", store_a, question), {"text": ANSWER})
    assert done.status_code == 302
    page = client.get(url("questions_detail", store_a, question)).text
    assert "Answer recorded." in page
    assert ANSWER in page
    assert f"recorded by {agent_a.email}" in page
    assert 'id="question-status">Answered<' in page


@pytest.mark.django_db
def test_dismiss_page_flow(client: Client, agent_a: User, store_a: Store) -> None:
    question = QuestionFactory(store=store_a)
    client.force_login(agent_a)
    assert (
        client.post(url("questions_dismiss", store_a, question), {"reason": ""}).status_code == 422
    )
    done = client.post(url("questions_dismiss", store_a, question), {"reason": "Spam"})
    assert done.status_code == 302
    page = client.get(url("questions_detail", store_a, question)).text
    assert 'id="question-status">Dismissed<' in page
    assert "Spam" in page


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["questions_check", "questions_answer", "questions_dismiss"])
def test_viewers_are_refused_and_other_stores_are_404(
    client: Client, viewer_a: User, agent_a: User, store_a: Store, store_b: Store, name: str
) -> None:
    mine = QuestionFactory(store=store_a)
    theirs = QuestionFactory(store=store_b)
    form = {"text": ANSWER, "reason": "x"}
    client.force_login(viewer_a)
    assert client.post(url(name, store_a, mine), form).status_code == 403
    client.force_login(agent_a)
    assert client.post(url(name, store_a, theirs), form).status_code == 404
    assert client.get(url(name, store_a, mine)).status_code == 405
    mine.refresh_from_db()
    assert mine.status == QuestionStatus.UNANSWERED
    assert not AuditEvent.objects.filter(action__startswith="question.").exists()


# --- API ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_draft_answer_and_dismiss(
    client: Client, agent_a: User, viewer_a: User, store_a: Store, store_b: Store
) -> None:
    question = QuestionFactory(store=store_a, text="How tall is it?")
    draft = client.get(f"/api/v1/questions/{question.pk}/answer-draft", **bearer(viewer_a))  # type: ignore[arg-type]
    assert draft.status_code == 200
    assert draft.json() == {
        "text": SKELETONS["en"], "language": "en", "ok": True, "findings": [], "based_on": None,
    }  # fmt: skip
    path = f"/questions/{question.pk}/answer"
    assert post_json(client, path, viewer_a, {"text": ANSWER}).status_code == 403
    other = QuestionFactory(store=store_b)
    assert (
        post_json(client, f"/questions/{other.pk}/answer", agent_a, {"text": ANSWER}).status_code
        == 404
    )
    assert post_json(client, f"/questions/{other.pk}/answer-draft", agent_a, {}).status_code == 405
    assert (
        client.get(f"/api/v1/questions/{other.pk}/answer-draft", **bearer(agent_a)).status_code
        == 404
    )  # type: ignore[arg-type]
    bad = post_json(client, path, agent_a, {"text": "See https://example.com"})
    assert bad.status_code == 422
    assert [f["rule"] for f in bad.json()["findings"]] == ["external_link"]
    assert post_json(client, path, agent_a, {"text": SKELETONS["en"]}).status_code == 409
    done = post_json(client, path, agent_a, {"text": "It is 24 cm tall."})
    assert done.status_code == 201, done.content
    assert done.json()["question"]["status"] == "answered"
    assert post_json(client, path, agent_a, {"text": "It is 24 cm tall."}).status_code == 409

    spam = QuestionFactory(store=store_a)
    dismiss = f"/questions/{spam.pk}/dismiss"
    assert post_json(client, dismiss, viewer_a, {"reason": "spam"}).status_code == 403
    assert post_json(client, dismiss, agent_a, {"reason": ""}).status_code == 422
    ok = post_json(client, dismiss, agent_a, {"reason": "Spam"})
    assert ok.status_code == 200
    assert ok.json()["status"] == "dismissed"
    assert post_json(client, dismiss, agent_a, {"reason": "Spam"}).status_code == 409


# --- CSV ------------------------------------------------------------------------------------


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_exports(client: Client, agent_a: User, store_a: Store, store_b: Store) -> None:
    waiting = QuestionFactory(store=store_a, asin="B0ONE00001", asked_at=NOW - timedelta(hours=30))
    answered = QuestionFactory(store=store_a, asin="B0ONE00001", asked_at=NOW - timedelta(days=3))
    question_answer(question=answered, actor=agent_a, text=ANSWER)
    QuestionFactory(store=store_a, asin="B0TWO00002")
    QuestionFactory(store=store_b, asin="B0ONE00001")
    client.force_login(agent_a)
    web = client.get(url("questions_export", store_a), {"asin": "B0ONE00001"})
    assert web.status_code == 200
    rows = rows_of(web)
    assert [int(r["id"]) for r in rows] == [waiting.pk, answered.pk]  # the queue's order
    assert rows[0]["age_hours"] == "30"
    assert rows[0]["status"] == "unanswered"
    assert (rows[1]["answer"], rows[1]["decided_by"], rows[1]["age_hours"]) == (
        ANSWER, agent_a.email, "72",
    )  # fmt: skip
    assert rows[0]["asked_at"] == "2026-11-19T12:00:00Z"
    assert client.get(url("questions_export", store_b)).status_code == 404

    api = client.get(
        "/api/v1/questions.csv", {"store": store_a.pk, "status": "answered"}, **bearer(agent_a)
    )  # type: ignore[arg-type]
    assert [int(r["id"]) for r in rows_of(api)] == [answered.pk]
    assert (
        client.get("/api/v1/questions.csv", {"store": store_b.pk}, **bearer(agent_a)).status_code
        == 404
    )  # type: ignore[arg-type]
