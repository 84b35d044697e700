from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.stores.models import Store
from tests.factories import MembershipFactory, StoreFactory, UserFactory
from tests.web_support import FAST_HASHERS


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    # PBKDF2's real cost is for production; here it would dominate the run time.
    settings.PASSWORD_HASHERS = FAST_HASHERS


PASSWORD = "correct horse battery"  # tests.factories.UserFactory


def test_login_with_email_and_password_lands_in_first_store_inbox(
    client: Client, agent_a: User, store_a: Store
) -> None:
    # A second store whose name sorts after "Store A": the first one is the inbox.
    MembershipFactory(user=agent_a, store=StoreFactory(name="Zebra Store"))
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert 'type="email"' in page.text
    assert 'name="csrfmiddlewaretoken"' in page.text

    response = client.post(
        reverse("login"), {"username": "agent-a@example.test", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain == [
        (reverse("home"), 302),
        (reverse("inbox_list", kwargs={"store_id": store_a.pk}), 302),
    ]
    assert response.wsgi_request.user == agent_a


def test_wrong_password_fails(client: Client, agent_a: User) -> None:
    response = client.post(
        reverse("login"), {"username": "agent-a@example.test", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "Please enter a correct email address and password" in response.text
    assert not response.wsgi_request.user.is_authenticated
    assert client.get(reverse("home")).status_code == 302  # still anonymous


def test_login_needs_csrf_token(agent_a: User) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("login"), {"username": "agent-a@example.test", "password": PASSWORD}
    )
    assert response.status_code == 403


def test_logout_is_a_post(client: Client, agent_a: User) -> None:
    client.force_login(agent_a)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert client.get(reverse("profile")).status_code == 302


def test_pages_need_sign_in(client: Client, store_a: Store) -> None:
    for url in (
        reverse("home"),
        reverse("profile"),
        reverse("inbox_list", kwargs={"store_id": store_a.pk}),
        reverse("store_settings", kwargs={"store_id": store_a.pk}),
        reverse("store_home", kwargs={"store_id": store_a.pk}),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next="), url


def test_htmx_request_without_session_redirects_the_whole_page(
    client: Client, store_a: Store
) -> None:
    response = client.get(
        reverse("claims_list", kwargs={"store_id": store_a.pk}),
        headers={"HX-Request": "true", "HX-Target": "results"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(reverse("login") + "?next=")


@pytest.mark.django_db
def test_user_without_store_gets_a_friendly_page(client: Client) -> None:
    client.force_login(UserFactory(email="lonely@example.test"))
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "you belong to no store yet" in response.text
    assert "sellerdesk user add" in response.text


def test_signed_in_user_visiting_login_goes_home(client: Client, agent_a: User) -> None:
    client.force_login(agent_a)
    response = client.get(reverse("login"))
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_base_layout_shows_nav_switcher_and_user_menu(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    MembershipFactory(user=agent_a, store=store_b, role="viewer")
    client.force_login(agent_a)
    page = client.get(reverse("claims_list", kwargs={"store_id": store_b.pk})).text
    for key, label in [
        ("inbox", "Inbox"),
        ("claims", "Claims"),
        ("chargebacks", "Chargebacks"),
        ("feedback", "Feedback"),
        ("returns", "Returns"),
        ("reviews", "Reviews"),
        ("questions", "Questions"),
        ("orders", "Orders"),
    ]:
        url = reverse(f"{key}_list", kwargs={"store_id": store_b.pk})
        assert f'href="{url}"' in page
        assert f">{label}</a>" in page
    assert (
        f'href="{reverse("claims_list", kwargs={"store_id": store_b.pk})}" aria-current="page"'
        in page
    )
    # The switcher lists both stores, the current one selected, and targets this page.
    assert f'<option value="{store_a.pk}">Store A · US</option>' in page
    assert f'<option value="{store_b.pk}" selected>Store B · DE</option>' in page
    assert 'name="to" value="claims"' in page
    # User menu: profile, a POST logout form with CSRF, and no admin link for non-staff.
    assert f'href="{reverse("profile")}"' in page
    assert f'<form method="post" action="{reverse("logout")}">' in page
    assert reverse("admin:index") not in page
    # htmx from django-htmx, our stylesheet, nothing from a CDN.
    assert "/static/django_htmx/htmx-2.min.js" in page
    assert "/static/web/desk.css" in page
    assert "https://" not in page


def test_staff_see_the_admin_link(client: Client, agent_a: User, store_a: Store) -> None:
    agent_a.is_staff = True
    agent_a.save()
    client.force_login(agent_a)
    page = client.get(reverse("inbox_list", kwargs={"store_id": store_a.pk})).text
    assert f'href="{reverse("admin:index")}"' in page
