"""Secrets at rest (mail passwords, API refresh tokens): Fernet with the desk's key.

The key comes from ``settings.ENCRYPTION_KEY`` (generated into SELLERDESK_HOME on
first use, or given by ``SELLERDESK_ENCRYPTION_KEY``). Values are never logged.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


@cache
def _fernet(key: str) -> Fernet:
    digest = hashlib.sha256(key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt(value: str) -> str:
    if not value:
        return ""
    return _fernet(settings.ENCRYPTION_KEY).encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet(settings.ENCRYPTION_KEY).decrypt(token.encode()).decode()
    except InvalidToken:
        raise ValueError(
            "a stored secret cannot be decrypted: the encryption key changed; enter it again"
        ) from None
