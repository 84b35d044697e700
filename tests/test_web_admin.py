from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.accounts.services import token_create
from tests.factories import (
    ChargebackFactory,
    ClaimFactory,
    FeedbackFactory,
    MessageFactory,
    OrderItemFactory,
    QuestionFactory,
    ReplyTemplateFactory,
    ReturnFactory,
    ReviewFactory,
)
from tests.web_support import FAST_HASHERS


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    # PBKDF2's real cost is for production; here it would dominate the run time.
    settings.PASSWORD_HASHERS = FAST_HASHERS


OUR_APPS = [
    "accounts",
    "stores",
    "orders",
    "messaging",
    "claims",
    "chargebacks",
    "feedback",
    "reviews",
    "questions",
    "returns",
    "checklist",
    "notifications",
    "audit",
    "jobs",
]


@pytest.fixture
def superuser_client(client: Client, db: None) -> Client:
    user = User.objects.create_superuser(email="root@example.test", password="pw-for-root-1")
    client.force_login(user)
    return client


def test_every_model_is_registered() -> None:
    missing = [
        model._meta.label
        for label in OUR_APPS
        for model in apps.get_app_config(label).get_models()
        if model not in admin.site._registry
    ]
    assert missing == []


@pytest.mark.parametrize(
    "model",
    [m for label in OUR_APPS for m in apps.get_app_config(label).get_models()],
    ids=lambda m: m._meta.label,
)
def test_changelist_loads_for_a_superuser(
    model: type, superuser_client: Client, store_a: object, agent_a: User
) -> None:
    # A few rows, so list_display and its relations are rendered.
    MessageFactory(conversation__store=store_a)
    OrderItemFactory(order__store=store_a)
    ClaimFactory(store=store_a)
    ChargebackFactory(store=store_a)
    FeedbackFactory(store=store_a)
    ReturnFactory(store=store_a)
    ReviewFactory(store=store_a)
    QuestionFactory(store=store_a)
    ReplyTemplateFactory(store=store_a)
    token_create(user=agent_a, name="t")
    meta = model._meta  # type: ignore[attr-defined]
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    response = superuser_client.get(url)
    assert response.status_code == 200
    response = superuser_client.get(url, {"q": "a"})
    assert response.status_code == 200


def test_user_admin_uses_email(superuser_client: Client, agent_a: User) -> None:
    page = superuser_client.get(reverse("admin:accounts_user_changelist")).text
    assert "agent-a@example.test" in page
    assert superuser_client.get(reverse("admin:accounts_user_add")).status_code == 200
    change = reverse("admin:accounts_user_change", args=[agent_a.pk])
    assert superuser_client.get(change).status_code == 200


def test_api_token_admin_hides_the_digest(superuser_client: Client, agent_a: User) -> None:
    token, _ = token_create(user=agent_a, name="ci")
    page = superuser_client.get(reverse("admin:accounts_apitoken_change", args=[token.pk])).text
    assert token.digest not in page
    assert 'name="digest"' not in page
    assert superuser_client.get(reverse("admin:accounts_apitoken_add")).status_code == 403
    # Posting a digest changes nothing.
    superuser_client.post(
        reverse("admin:accounts_apitoken_change", args=[token.pk]),
        {"name": "renamed", "digest": "0" * 64},
    )
    token.refresh_from_db()
    assert token.digest != "0" * 64
