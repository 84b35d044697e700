"""Who else has a conversation open: "Alex is viewing", "Alex is replying".

Kept in Django's cache, not in a table: presence is a few seconds old at best and
worth nothing after a restart. The thread pane pings every 20 seconds; an entry
lives ``PRESENCE_TTL`` seconds, so a closed tab drops out within 45 seconds.

The default cache (LocMemCache) lives inside one process, which is right for
``sellerdesk serve`` (one web process, many threads). Several web processes
behind a proxy must share a cache (``CACHES`` with Redis, Memcached or the
database cache backend), or each process only sees its own users.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

from django.core.cache import cache

from sellerdesk.accounts.models import User

PresenceState = Literal["viewing", "replying"]
PRESENCE_STATES: tuple[PresenceState, ...] = ("viewing", "replying")
PRESENCE_TTL = 45  # seconds
PING_INTERVAL = 20  # seconds, the thread pane's hx-trigger


@dataclass(frozen=True, slots=True)
class Presence:
    user_id: int
    name: str
    state: PresenceState


def _key(conversation_id: int) -> str:
    return f"sellerdesk:presence:conversation:{conversation_id}"


def display_name(user: User) -> str:
    return user.get_full_name() or user.first_name or user.email.split("@", 1)[0]


def _live(
    entries: dict[int, tuple[str, str, float]], now: float
) -> dict[int, tuple[str, str, float]]:
    return {uid: entry for uid, entry in entries.items() if entry[2] > now}


def presence_ping(*, conversation_id: int, user: User, state: PresenceState) -> None:
    """Record that ``user`` has the conversation open (``viewing``) or is typing a
    reply (``replying``), for the next ``PRESENCE_TTL`` seconds.

    Read-modify-write without a lock: two pings at the same instant may lose one,
    which the next ping 20 seconds later puts right.
    """
    now = time.time()
    entries = _live(cache.get(_key(conversation_id)) or {}, now)
    entries[user.pk] = (display_name(user), state, now + PRESENCE_TTL)
    cache.set(_key(conversation_id), entries, PRESENCE_TTL)


def presence_others(*, conversation_id: int, user: User) -> list[Presence]:
    """Everyone but ``user`` with the conversation open, repliers first."""
    entries = _live(cache.get(_key(conversation_id)) or {}, time.time())
    others = [
        Presence(uid, name, "replying" if state == "replying" else "viewing")
        for uid, (name, state, _) in entries.items()
        if uid != user.pk
    ]
    return sorted(others, key=lambda p: (p.state != "replying", p.name.lower()))
