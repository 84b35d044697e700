"""Writes of the SP-API connector: connecting a store, and the client built from it.

The report sync lives in ``spapi.sync``, review requests in ``spapi.reviews``,
proactive messages in ``spapi.messages``.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from sellerdesk.accounts.models import User
from sellerdesk.audit.services import audit_record
from sellerdesk.marketplaces import get_marketplace
from sellerdesk.spapi.client import AmazonSellingPartner, Credentials, SellingPartner, Sleep
from sellerdesk.spapi.models import Region, SpApiConnection
from sellerdesk.stores.models import Store


def connection_connect(
    *,
    store: Store,
    client_id: str,
    client_secret: str,
    refresh_token: str,
    region: str = "",
    marketplace_id: str = "",
    selling_partner_id: str = "",
    endpoint: str = "",
    token_url: str = "",
    actor: User | None = None,
) -> SpApiConnection:
    """Store (or replace) a store's SP-API credentials; the secrets are encrypted.

    Region and marketplace id default to the store's marketplace. The audit
    event names the client id and region, never a secret.
    """
    market = get_marketplace(store.marketplace)
    region = (region or market.region).strip().lower()
    if region not in Region.values:
        raise ValidationError(f"unknown region {region!r} (na, eu or fe)")
    client_id, client_secret = client_id.strip(), client_secret.strip()
    refresh_token = refresh_token.strip()
    missing = [
        name
        for name, value in (
            ("client id", client_id),
            ("client secret", client_secret),
            ("refresh token", refresh_token),
        )
        if not value
    ]
    if missing:
        raise ValidationError(f"missing {', '.join(missing)}")
    for name, url in (("endpoint", endpoint), ("token URL", token_url)):
        if url and not url.startswith(("https://", "http://")):
            raise ValidationError(f"the {name} must be an http(s) URL")
    with transaction.atomic():
        connection = SpApiConnection.objects.filter(store=store).first() or SpApiConnection(
            store=store
        )
        connection.client_id = client_id
        connection.client_secret = client_secret
        connection.refresh_token = refresh_token
        connection.region = region
        connection.marketplace_id = marketplace_id.strip() or market.marketplace_id
        connection.selling_partner_id = selling_partner_id.strip()
        connection.endpoint = endpoint.strip().rstrip("/")
        connection.token_url = token_url.strip()
        connection.is_active = True
        connection.last_error = ""
        connection.consecutive_failures = 0
        connection.save()
        audit_record(
            action="spapi.connected",
            actor=actor,
            store=store,
            target=connection,
            data={"client_id": client_id, "region": region},
        )
    return connection


def client_for(
    *, connection: SpApiConnection, sleep: Sleep = time.sleep, **options: Any
) -> SellingPartner:
    """The store's Selling Partner API client (secrets decrypted here, in memory only)."""
    return AmazonSellingPartner(
        Credentials(
            client_id=connection.client_id,
            client_secret=connection.client_secret,
            refresh_token=connection.refresh_token,
            region=connection.region,
            marketplace_id=connection.marketplace_id,
            endpoint=connection.endpoint,
            token_url=connection.token_url,
        ),
        sleep=sleep,
        **options,
    )
