"""Changing a store's time zone or holiday country moves open returns' refund deadlines."""

from __future__ import annotations

from datetime import UTC, datetime

from sellerdesk.returns.models import Return
from sellerdesk.stores.services import store_settings_update
from tests.factories import MembershipFactory, ReturnFactory, StoreFactory, UserFactory


def test_holiday_country_moves_refund_deadlines(db) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Hooks", marketplace="US", timezone="America/Los_Angeles")
    owner = UserFactory()
    MembershipFactory(user=owner, store=store, role="owner")
    # Received Wednesday 25 November 2026, 09:00 in Los Angeles; Thursday is Thanksgiving.
    record = ReturnFactory(
        store=store,
        status="received",
        received_at=datetime(2026, 11, 25, 17, 0, tzinfo=UTC),
        fulfillment_channel="MFN",
    )
    store_settings_update(store=store, actor=owner, changes={"response_holiday_country": ""})
    store_settings_update(store=store, actor=owner, changes={"response_holiday_country": "US"})
    record.refresh_from_db()
    # Thursday does not count: Friday and Monday are the two business days.
    assert record.due_at == datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
    store_settings_update(store=store, actor=owner, changes={"response_holiday_country": ""})
    assert Return.objects.get(pk=record.pk).due_at == datetime(2026, 11, 27, 17, 0, tzinfo=UTC)
