from __future__ import annotations

import os
import tempfile

# Tests never touch a real SELLERDESK_HOME: settings read it at import time.
os.environ.setdefault("SELLERDESK_HOME", tempfile.mkdtemp(prefix="sellerdesk-test-home-"))

import pytest

from tests.factories import MembershipFactory, StoreFactory, UserFactory


@pytest.fixture
def store_a(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Store A")


@pytest.fixture
def store_b(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Store B", marketplace="DE", timezone="Europe/Berlin", currency="EUR")


@pytest.fixture
def agent_a(store_a):  # type: ignore[no-untyped-def]
    user = UserFactory(email="agent-a@example.test")
    MembershipFactory(user=user, store=store_a, role="agent")
    return user


@pytest.fixture
def owner_a(store_a):  # type: ignore[no-untyped-def]
    user = UserFactory(email="owner-a@example.test")
    MembershipFactory(user=user, store=store_a, role="owner")
    return user


@pytest.fixture
def viewer_a(store_a):  # type: ignore[no-untyped-def]
    user = UserFactory(email="viewer-a@example.test")
    MembershipFactory(user=user, store=store_a, role="viewer")
    return user


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    # PBKDF2's deliberate slowness costs ~1 s a user; tests do not need it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
