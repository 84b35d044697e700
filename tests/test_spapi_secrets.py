"""The LWA client secret and refresh token: encrypted at rest, never printed or logged."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.db import connection as db

from sellerdesk.cli.main import main
from sellerdesk.imports import registry
from sellerdesk.spapi.models import SpApiConnection
from sellerdesk.spapi.sync import connection_sync
from tests.factories import StoreFactory
from tests.fake_spapi import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi
from tests.spapi_support import Sleeps, connect, running_fake

LOGGERS = ("", "sp_api", "sp_api.base.client", "sp_api.auth.access_token_client", "httpx",
           "httpcore", "sellerdesk", "django")  # fmt: skip


@pytest.fixture
def fake() -> Iterator[FakeSpApi]:
    with running_fake() as server:
        for report_type in (
            "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL",
            "GET_SELLER_FEEDBACK_DATA",
            "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE",
            "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA",
            "GET_V2_SELLER_PERFORMANCE_REPORT",
        ):
            server.plan_reports(report_type, [(0, "DONE")] * 3)
        yield server


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def everything_stored() -> str:
    """Every row of every table, as text."""
    return repr([list(model._default_manager.values()) for model in apps.get_models()])


@pytest.mark.django_db
def test_secrets_are_encrypted_and_never_logged_or_printed(
    fake: FakeSpApi,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(registry, "IMPORTERS", {})  # every kind waits: no importer runs
    store = StoreFactory(name="Secret Store")
    stdin(monkeypatch, f"{CLIENT_SECRET}\n{REFRESH_TOKEN}\n")
    argv = ["spapi", "connect", "--store", store.name, "--client-id", CLIENT_ID,
            "--endpoint", fake.url, "--token-url", fake.token_url, "--json"]  # fmt: skip
    assert main(argv) == 0
    shown = capsys.readouterr()
    assert json.loads(shown.out)["client_id"] == CLIENT_ID

    # Syncs with every path that talks to LWA: first token, an expired one, a 429,
    # and a store whose secret Amazon refuses; all loggers at DEBUG.
    # main() ran django.setup(), whose logging config replaced the root's handlers.
    logging.getLogger().addHandler(caplog.handler)
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    connection = SpApiConnection.objects.get(store=store)
    assert connection_sync(connection=connection, sleep=Sleeps()).ok
    fake.expire_tokens()
    fake.fail("GET", r"/reports/2021-06-30/reports/\d+", 429, times=1)
    connection_sync(connection=connection, sleep=Sleeps(), poll_budget=60)
    wrong = connect(StoreFactory(name="Wrong Secret"), fake, secret=CLIENT_SECRET + "x")
    assert "refused" in connection_sync(connection=wrong, sleep=Sleeps()).error
    logs = caplog.text
    assert fake.tokens_issued >= 2
    assert "HTTP Request" in logs  # the capture works: httpx's request lines are there

    # The CLI's sync output.
    assert main(["spapi", "sync", "--store", store.name, "--json", "--wait", "0"]) == 0
    printed = capsys.readouterr()
    assert json.loads(printed.out)["store"] == store.name

    tokens = fake._valid | fake._expired
    for secret in (CLIENT_SECRET, REFRESH_TOKEN, *tokens):
        assert secret not in logs
        assert secret not in shown.out + shown.err + printed.out + printed.err
    stored = everything_stored()
    assert CLIENT_SECRET not in stored
    assert REFRESH_TOKEN not in stored
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT client_secret_encrypted, refresh_token_encrypted FROM spapi_spapiconnection"
        )
        for secret_column, token_column in cursor.fetchall():
            assert secret_column
            assert CLIENT_SECRET not in secret_column
            assert token_column
            assert REFRESH_TOKEN not in token_column
    connection.refresh_from_db()
    assert (connection.client_secret, connection.refresh_token) == (CLIENT_SECRET, REFRESH_TOKEN)


@pytest.mark.django_db
def test_connect_needs_both_lines_on_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    StoreFactory(name="Half")
    stdin(monkeypatch, f"{CLIENT_SECRET}\n")
    assert main(["spapi", "connect", "--store", "Half", "--client-id", CLIENT_ID]) == 2
    assert "refresh token on stdin" in capsys.readouterr().err
    assert not SpApiConnection.objects.exists()


@pytest.mark.django_db
def test_connect_defaults_to_the_stores_marketplace(monkeypatch: pytest.MonkeyPatch) -> None:
    store = StoreFactory(name="Berlin", marketplace="DE", timezone="Europe/Berlin")
    stdin(monkeypatch, f"{CLIENT_SECRET}\n{REFRESH_TOKEN}\n")
    assert main(["spapi", "connect", "--store", "Berlin", "--client-id", CLIENT_ID]) == 0
    connection = SpApiConnection.objects.get(store=store)
    assert (connection.region, connection.marketplace_id) == ("eu", "A1PA6795UKMFR9")
    assert connection.endpoint == ""  # Amazon's own, by region


@pytest.mark.django_db
def test_sync_of_a_store_without_connection_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    StoreFactory(name="Loose")
    assert main(["spapi", "sync", "--store", "Loose"]) == 2
    assert "not connected" in capsys.readouterr().err
