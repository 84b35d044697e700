from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.audit.models import AuditEvent
from sellerdesk.stores.models import Role, Store
from sellerdesk.web.permissions import require_role
from tests.factories import MembershipFactory, UserFactory
from tests.web_support import FAST_HASHERS


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    # PBKDF2's real cost is for production; here it would dominate the run time.
    settings.PASSWORD_HASHERS = FAST_HASHERS


def _settings_url(store: Store) -> str:
    return reverse("store_settings", kwargs={"store_id": store.pk})


def _valid(store: Store, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": store.name,
        "timezone": store.timezone,
        "response_hours": store.response_hours,
        "response_skip_sundays": "on" if store.response_skip_sundays else "",
        "response_holiday_country": store.response_holiday_country,
        "response_due_soon_hours": store.response_due_soon_hours,
        "response_seasonal": "[]",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_owner_saves_settings_and_it_is_audited(
    client: Client, owner_a: User, store_a: Store
) -> None:
    client.force_login(owner_a)
    page = client.get(_settings_url(store_a)).text
    assert "Save settings" in page
    assert 'name="response_hours"' in page

    data = _valid(
        store_a,
        name="Store A West",
        timezone="America/Denver",
        response_hours="12",
        response_holiday_country="us",
        response_seasonal='[{"months": [12], "hours": 8}]',
        marketplace="DE",  # disabled field: ignored
    )
    data.pop("response_skip_sundays")  # unticked
    response = client.post(_settings_url(store_a), data, follow=True)
    assert response.redirect_chain == [(_settings_url(store_a), 302)]
    assert "Store settings saved." in response.text

    store_a.refresh_from_db()
    assert store_a.name == "Store A West"
    assert store_a.timezone == "America/Denver"
    assert store_a.response_hours == 12
    assert store_a.response_skip_sundays is False
    assert store_a.response_holiday_country == "US"
    assert store_a.response_seasonal == [{"months": [12], "hours": 8}]
    assert store_a.marketplace == "US"

    event = AuditEvent.objects.get(action="store.settings_changed")
    assert event.actor == owner_a
    assert event.store == store_a
    assert event.data["changes"]["response_hours"] == [24, 12]
    assert event.data["changes"]["name"] == ["Store A", "Store A West"]
    assert "response_due_soon_hours" not in event.data["changes"]


def test_saving_without_changes_records_nothing(
    client: Client, owner_a: User, store_a: Store
) -> None:
    client.force_login(owner_a)
    assert client.post(_settings_url(store_a), _valid(store_a)).status_code == 302
    assert not AuditEvent.objects.filter(action="store.settings_changed").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("timezone", "Mars/Olympus", "Select a valid choice"),
        ("response_holiday_country", "ZZ", "no public holiday calendar"),
        ("response_seasonal", '[{"months": [13], "hours": 8}]', "months 1-12"),
        ("response_seasonal", '{"months": [1]}', "A list such as"),
        ("response_hours", "-1", "greater than or equal to 0"),
    ],
)
def test_invalid_settings_are_refused(
    client: Client, owner_a: User, store_a: Store, field: str, value: str, message: str
) -> None:
    client.force_login(owner_a)
    response = client.post(_settings_url(store_a), _valid(store_a, **{field: value}))
    assert response.status_code == 400
    assert message in response.text
    store_a.refresh_from_db()
    assert store_a.timezone == "America/Los_Angeles"
    assert store_a.response_holiday_country == ""
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("role", ["agent", "viewer"])
def test_non_owners_see_settings_read_only_and_cannot_post(
    client: Client, store_a: Store, role: str
) -> None:
    user = UserFactory()
    MembershipFactory(user=user, store=store_a, role=role)
    client.force_login(user)
    page = client.get(_settings_url(store_a))
    assert page.status_code == 200
    assert "Read-only" in page.text
    assert "Save settings" not in page.text
    assert 'name="response_hours" value="24" min="0" required disabled' in page.text

    response = client.post(_settings_url(store_a), _valid(store_a, name="Hijacked"))
    assert response.status_code == 403
    store_a.refresh_from_db()
    assert store_a.name == "Store A"
    assert not AuditEvent.objects.exists()


def test_settings_of_another_store_are_404(client: Client, owner_a: User, store_b: Store) -> None:
    client.force_login(owner_a)
    assert client.get(_settings_url(store_b)).status_code == 404
    assert client.post(_settings_url(store_b), _valid(store_b, name="X")).status_code == 404
    store_b.refresh_from_db()
    assert store_b.name == "Store B"


def test_settings_post_needs_csrf(owner_a: User, store_a: Store) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner_a)
    response = client.post(_settings_url(store_a), _valid(store_a, name="No token"))
    assert response.status_code == 403
    store_a.refresh_from_db()
    assert store_a.name == "Store A"


# --- store switcher ------------------------------------------------------


def test_switcher_goes_to_the_same_page_in_the_other_store(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    MembershipFactory(user=agent_a, store=store_b, role="viewer")
    client.force_login(agent_a)
    url = reverse("store_switch")
    for to, expected in [
        ("claims", reverse("claims_list", kwargs={"store_id": store_b.pk})),
        ("orders", reverse("orders_list", kwargs={"store_id": store_b.pk})),
        ("settings", reverse("store_settings", kwargs={"store_id": store_b.pk})),
        ("https://evil.example", reverse("inbox_list", kwargs={"store_id": store_b.pk})),
        ("", reverse("inbox_list", kwargs={"store_id": store_b.pk})),
    ]:
        response = client.get(url, {"store": store_b.pk, "to": to})
        assert response.status_code == 302, to
        assert response["Location"] == expected, to


def test_switcher_refuses_stores_the_user_is_not_in(
    client: Client, agent_a: User, store_b: Store
) -> None:
    client.force_login(agent_a)
    assert client.get(reverse("store_switch"), {"store": store_b.pk}).status_code == 404
    assert client.get(reverse("store_switch"), {"store": "x"}).status_code == 404


def test_detail_page_switches_to_the_list(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    from tests.factories import ClaimFactory

    MembershipFactory(user=agent_a, store=store_b)
    client.force_login(agent_a)
    claim = ClaimFactory(store=store_a)
    page = client.get(reverse("claims_detail", kwargs={"store_id": store_a.pk, "pk": claim.pk}))
    assert 'name="to" value="claims"' in page.text


# --- require_role --------------------------------------------------------


@require_role(Role.AGENT)
def _agent_write_view(request: HttpRequest, store: Store) -> HttpResponse:
    return HttpResponse(f"ok {store.name}")


@require_role(Role.OWNER, methods=("GET", "POST"))
def _owner_only_view(request: HttpRequest, store: Store) -> HttpResponse:
    return HttpResponse("ok")


@pytest.mark.parametrize(
    ("role", "method", "allowed"),
    [
        ("owner", "post", True),
        ("agent", "post", True),
        ("viewer", "post", False),
        ("viewer", "get", True),
        ("viewer", "delete", False),
    ],
)
def test_require_role_for_writes(store_a: Store, role: str, method: str, allowed: bool) -> None:
    user = UserFactory()
    MembershipFactory(user=user, store=store_a, role=role)
    request = getattr(RequestFactory(), method)("/")
    request.user = user
    if allowed:
        assert _agent_write_view(request, store_id=store_a.pk).content == b"ok Store A"
    else:
        with pytest.raises(PermissionDenied):
            _agent_write_view(request, store_id=store_a.pk)


def test_require_role_owner_on_chosen_methods(
    store_a: Store, owner_a: User, agent_a: User, store_b: Store
) -> None:
    from django.http import Http404

    request = RequestFactory().get("/")
    request.user = owner_a
    assert _owner_only_view(request, store_id=store_a.pk).status_code == 200
    request.user = agent_a
    with pytest.raises(PermissionDenied):
        _owner_only_view(request, store_id=store_a.pk)
    with pytest.raises(Http404):  # not a member: 404 before any role question
        _owner_only_view(request, store_id=store_b.pk)


def test_settings_service_guards_itself(owner_a: User, agent_a: User, store_a: Store) -> None:
    from sellerdesk.stores.services import store_settings_update

    with pytest.raises(PermissionDenied):
        store_settings_update(store=store_a, actor=agent_a, changes={"response_hours": 1})
    with pytest.raises(ValueError, match="not a store setting: marketplace"):
        store_settings_update(store=store_a, actor=owner_a, changes={"marketplace": "DE"})
    store_a.refresh_from_db()
    assert (store_a.response_hours, store_a.marketplace) == (24, "US")
    assert not AuditEvent.objects.exists()
