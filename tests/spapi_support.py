"""Helpers for the SP-API connector's tests: the fake server, a connected store, sleeps."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sellerdesk.spapi.client import AmazonSellingPartner, Retry
from sellerdesk.spapi.models import SpApiConnection
from sellerdesk.spapi.services import client_for, connection_connect
from sellerdesk.stores.models import Store
from tests.fake_spapi import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi


@contextmanager
def running_fake() -> Iterator[FakeSpApi]:
    fake = FakeSpApi().start()
    try:
        yield fake
    finally:
        fake.stop()


class Sleeps(list[float]):
    """An injectable ``sleep`` that records instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def connect(store: Store, fake: FakeSpApi, *, secret: str = CLIENT_SECRET) -> SpApiConnection:
    return connection_connect(
        store=store,
        client_id=CLIENT_ID,
        client_secret=secret,
        refresh_token=REFRESH_TOKEN,
        endpoint=fake.url,
        token_url=fake.token_url,
    )


def client(connection: SpApiConnection, sleeps: Sleeps, **retry: float) -> AmazonSellingPartner:
    api = client_for(connection=connection, sleep=sleeps, retry=Retry(**retry))  # type: ignore[arg-type]
    assert isinstance(api, AmazonSellingPartner)
    return api
