from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import ApiToken, User
from sellerdesk.accounts.services import token_authenticate, token_create, token_digest
from tests.factories import UserFactory
from tests.web_support import FAST_HASHERS


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    # PBKDF2's real cost is for production; here it would dominate the run time.
    settings.PASSWORD_HASHERS = FAST_HASHERS


def _raw_token(page: str) -> str:
    match = re.search(r'value="(sd_[A-Za-z0-9_-]+)"', page)
    assert match, "no token on the page"
    return match.group(1)


def test_create_token_shows_it_once_and_stores_only_the_digest(
    client: Client, agent_a: User
) -> None:
    client.force_login(agent_a)
    response = client.post(reverse("profile_token_create"), {"name": "reporting script"})
    assert response.status_code == 200
    raw = _raw_token(response.text)
    assert "no-store" in response["Cache-Control"]

    token = ApiToken.objects.get(user=agent_a)
    assert token.name == "reporting script"
    assert token.digest == token_digest(raw)
    assert raw not in {token.name, token.prefix, token.digest}
    assert raw.startswith(token.prefix)
    assert token_authenticate(raw=raw) == agent_a

    # Listed with name and prefix; the raw token never again.
    page = client.get(reverse("profile")).text
    assert "reporting script" in page
    assert f"{token.prefix}…" in page
    assert raw not in page
    assert token.digest not in page


def test_token_name_is_required(client: Client, agent_a: User) -> None:
    client.force_login(agent_a)
    response = client.post(reverse("profile_token_create"), {"name": ""})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_revoke_token(client: Client, agent_a: User) -> None:
    client.force_login(agent_a)
    token, raw = token_create(user=agent_a, name="old")
    response = client.post(reverse("profile_token_revoke", kwargs={"pk": token.pk}), follow=True)
    assert response.redirect_chain == [(reverse("profile"), 302)]
    assert "The token is revoked" in response.text
    assert token_authenticate(raw=raw) is None
    assert "No active tokens." in response.text


def test_cannot_revoke_someone_elses_token(client: Client, agent_a: User) -> None:
    other = UserFactory()
    token, raw = token_create(user=other, name="theirs")
    client.force_login(agent_a)
    assert client.post(reverse("profile_token_revoke", kwargs={"pk": token.pk})).status_code == 404
    assert token_authenticate(raw=raw) == other
    assert "theirs" not in client.get(reverse("profile")).text


def test_token_views_are_post_only_and_need_csrf(agent_a: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(agent_a)
    token, _ = token_create(user=agent_a, name="t")
    assert client.get(reverse("profile_token_create")).status_code == 405
    assert client.get(reverse("profile_token_revoke", kwargs={"pk": token.pk})).status_code == 405
    assert client.post(reverse("profile_token_create"), {"name": "x"}).status_code == 403
    assert client.post(reverse("profile_token_revoke", kwargs={"pk": token.pk})).status_code == 403
    assert ApiToken.objects.filter(user=agent_a).count() == 1
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_profile_lists_memberships(client: Client, agent_a: User) -> None:
    client.force_login(agent_a)
    page = client.get(reverse("profile")).text
    assert "Store A" in page
    assert "Agent" in page
