"""``sellerdesk inbox --json [--as-of]``: the inbox as rows, now and as it stood then."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from sellerdesk.cli.main import main
from sellerdesk.mail.services import email_ingest, files_channel
from sellerdesk.messaging.models import Conversation, Direction, Message
from sellerdesk.messaging.outbox import conversation_no_response_needed
from tests.factories import MembershipFactory, StoreFactory, UserFactory

DATA = Path(__file__).parent / "data" / "mail"


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    store = StoreFactory(name="CLI Inbox", marketplace="US", timezone="America/Los_Angeles")
    email_ingest(
        channel=files_channel(store=store), raw=(DATA / "relay_classic_en.eml").read_bytes()
    )
    return store


def inbox(capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["inbox", "--store", "CLI Inbox", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_rows_carry_the_clock_with_offsets(store, capsys) -> None:  # type: ignore[no-untyped-def]
    (row,) = inbox(capsys)
    assert set(row) == {
        "id", "order_id", "buyer", "status", "intent", "due_at", "amazon_due_at",
        "first_unanswered_at", "clock", "messages",
    }  # fmt: skip
    assert row["order_id"] == "111-0944945-3989852"
    assert row["buyer"] == "Alisa"
    assert row["status"] == "needs_response"
    assert row["messages"] == 1
    # Saturday 15:00:05 PST; Sunday does not count; Amazon counts around the clock.
    assert row["first_unanswered_at"] == "2026-11-07T15:00:05-08:00"
    assert row["due_at"] == "2026-11-09T15:00:05-08:00"
    assert row["amazon_due_at"] == "2026-11-08T15:00:05-08:00"


def test_as_of_replays_the_past(store, capsys) -> None:  # type: ignore[no-untyped-def]
    assert inbox(capsys, "--as-of", "2026-11-07T12:00:00-08:00") == []
    (row,) = inbox(capsys, "--as-of", "2026-11-09T16:00:00-08:00")
    assert row["status"] == "needs_response"
    assert row["clock"] == "overdue"
    (row,) = inbox(capsys, "--as-of", "2026-11-09T12:00:00-08:00")
    assert row["clock"] == "due_soon"
    conversation = Conversation.objects.get()
    Message.objects.create(
        conversation=conversation, direction=Direction.OUTBOUND, body_text="Answer",
        sent_at=datetime(2026, 11, 8, 9, 0, tzinfo=UTC),
    )  # fmt: skip
    (row,) = inbox(capsys, "--as-of", "2026-11-08T12:00:00+00:00")
    assert row["status"] == "answered"
    assert row["due_at"] is None
    assert row["messages"] == 2
    (row,) = inbox(capsys, "--as-of", "2026-11-08T08:00:00+00:00")
    assert row["status"] == "needs_response"


def test_no_response_needed_counts_from_when_it_was_given(store, capsys) -> None:  # type: ignore[no-untyped-def]
    agent = UserFactory()
    MembershipFactory(user=agent, store=store, role="agent")
    conversation_no_response_needed(conversation=Conversation.objects.get(), actor=agent)
    (row,) = inbox(capsys)
    assert row["status"] == "no_response_needed"
    (row,) = inbox(capsys, "--as-of", (timezone.now() + timedelta(minutes=1)).isoformat())
    assert row["status"] == "no_response_needed"
    (row,) = inbox(capsys, "--as-of", "2026-11-09T00:00:00+00:00")
    assert row["status"] == "needs_response"


def test_bad_as_of_is_refused(store, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["inbox", "--store", "CLI Inbox", "--as-of", "yesterday"]) == 2
    assert "ISO 8601" in capsys.readouterr().err
