from __future__ import annotations

import json

import pytest

from sellerdesk.cli.main import main
from sellerdesk.stores.models import Membership, Store
from tests.factories import ClaimFactory, ConversationFactory, MessageFactory, OrderItemFactory


@pytest.mark.django_db(transaction=True)
def test_store_add_defaults_timezone_from_marketplace(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["store", "add", "Berlin Shop", "--marketplace", "de", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["marketplace"] == "DE"
    assert data["timezone"] == "Europe/Berlin"
    assert data["currency"] == "EUR"
    assert main(["store", "add", "Tokyo Shop", "--marketplace", "JP"]) == 0
    assert Store.objects.get(name="Tokyo Shop").timezone == "Asia/Tokyo"
    assert (
        main(["store", "add", "Own TZ", "--marketplace", "US", "--timezone", "America/New_York"])
        == 0
    )
    assert Store.objects.get(name="Own TZ").timezone == "America/New_York"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "argv",
    [
        ["store", "add", "X", "--marketplace", "ZZ"],
        ["store", "add", "X", "--marketplace", "US", "--timezone", "Mars/Olympus"],
        ["store", "show", "nope", "--json"],
        ["user", "add", "not-an-email", "--store", "nope", "--role", "agent"],
    ],
)
def test_bad_input_exits_2_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("sellerdesk: error:")
    assert "\n" not in err


@pytest.mark.django_db(transaction=True)
def test_duplicate_store_name_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["store", "add", "Twice", "--marketplace", "US"]) == 0
    assert main(["store", "add", "Twice", "--marketplace", "US"]) == 2
    assert "exists already" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_store_show_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["store", "add", "Counted", "--marketplace", "US"]) == 0
    store = Store.objects.get(name="Counted")
    OrderItemFactory.create_batch(3, order__store=store)
    MessageFactory.create_batch(2, conversation=ConversationFactory(store=store))
    ClaimFactory(store=store)
    capsys.readouterr()
    assert main(["store", "show", "Counted", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert counts["orders"] == 3
    assert counts["order_items"] == 3
    assert counts["conversations"] == 1
    assert counts["messages"] == 2
    assert counts["claims"] == 1
    assert counts["chargebacks"] == 0


@pytest.mark.django_db(transaction=True)
def test_user_add_generates_password_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["store", "add", "Team", "--marketplace", "UK"]) == 0
    capsys.readouterr()
    assert (
        main(["user", "add", "Ann@Example.test", "--store", "Team", "--role", "viewer", "--json"])
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["email"] == "ann@example.test"
    assert out["created"] is True
    assert len(out["password"]) >= 12
    membership = Membership.objects.get(user__email="ann@example.test")
    assert membership.role == "viewer"
    assert membership.user.check_password(out["password"])
    # Adding again changes the role and prints no new password.
    assert (
        main(["user", "add", "ann@example.test", "--store", "Team", "--role", "agent", "--json"])
        == 0
    )
    again = json.loads(capsys.readouterr().out)
    assert again["created"] is False
    assert again["password"] is None
    membership.refresh_from_db()
    assert membership.role == "agent"
