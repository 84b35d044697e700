"""Channels through apprise: read what a URL points at, and send one message.

An apprise URL holds credentials (a password, a webhook token), so:

- it is never logged nor put in an error: errors say what failed, not where;
- apprise's own log lines (its ``apprise`` logger) may quote a URL it cannot parse in
  full, so settings keep that logger out of the desk's handlers (``LOGGING``); what
  apprise reports while sending is captured per call and scrubbed of the URL's secret
  parts before it becomes the reason of a ``ChannelError``;
- the hint shown to people is apprise's privacy rendering (secrets masked), without the
  query string (where custom headers or parameters could carry a token).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

import apprise

from sellerdesk.notifications.models import ChannelKind

SEND_TIMEOUT = 30  # seconds for a whole call; a stuck service must not hold the worker

_KINDS = {
    "mailto": ChannelKind.EMAIL,
    "mailtos": ChannelKind.EMAIL,
    "slack": ChannelKind.SLACK,
    "discord": ChannelKind.DISCORD,
    "tgram": ChannelKind.TELEGRAM,
    "msteams": ChannelKind.TEAMS,
    "workflows": ChannelKind.TEAMS,
    "workflow": ChannelKind.TEAMS,
    "json": ChannelKind.WEBHOOK,
    "jsons": ChannelKind.WEBHOOK,
    "form": ChannelKind.WEBHOOK,
    "forms": ChannelKind.WEBHOOK,
    "xml": ChannelKind.WEBHOOK,
    "xmls": ChannelKind.WEBHOOK,
}


class ChannelError(ValueError):
    """A channel URL cannot be used, or a message could not be sent. Never holds the URL."""


def _scheme(url: str) -> str:
    return url.split("://", 1)[0].strip().lower() if "://" in url else ""


def _plugin(url: str) -> apprise.plugins.NotifyBase:
    url = url.strip()
    scheme = _scheme(url)
    if not scheme:
        raise ChannelError("not an apprise URL: it needs a scheme such as mailto:// or json://")
    plugin = apprise.Apprise.instantiate(url)
    if plugin is None:
        # Only the scheme: the rest may be a token.
        raise ChannelError(
            f"apprise cannot use this {scheme}:// URL: check its form in apprise's documentation"
        )
    return plugin


# A webhook path segment shown as it is: a short plain word ("hooks", "notify", "v1").
_PLAIN_SEGMENT = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,11}")


def _hint(plugin: apprise.plugins.NotifyBase, kind: str = ChannelKind.OTHER) -> str:
    hint = str(plugin.url(privacy=True)).split("?", 1)[0]
    if kind == ChannelKind.WEBHOOK:
        # apprise keeps a generic webhook's path, where services often put the token
        # (jsons://host/hooks/<token>): only short plain words stay.
        head, _, path = hint.partition("://")[2].partition("/")
        scheme = hint.partition("://")[0]
        masked = [
            part if not part or _PLAIN_SEGMENT.fullmatch(part) else "****"
            for part in path.split("/")
        ]
        hint = f"{scheme}://{head}/{'/'.join(masked)}" if path else f"{scheme}://{head}"
    return hint[:255]


def channel_describe(url: str) -> tuple[str, str]:
    """(ChannelKind value, redacted hint) of an apprise URL; ChannelError if unusable."""
    plugin = _plugin(url)
    kind = str(_KINDS.get(_scheme(url), ChannelKind.OTHER))
    return kind, _hint(plugin, kind)


def _secrets(url: str, hint: str) -> set[str]:
    """The parts of ``url`` that the privacy rendering hides: what an error must not show.

    Every piece of the URL (split at its separators) that the hint does not show, but
    not the names of query parameters; the password always.
    """
    split = r"[/:@?&=#]+"
    shown = set(re.split(split, hint))
    rest = url.split("://", 1)[-1]
    names = {key for key, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
    found = set()
    for part in re.split(split, rest):
        for value in (part, unquote(part)):
            if len(value) >= 4 and value not in shown and value not in names:
                found.add(value)
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    if password and len(password) >= 2:
        found |= {password, unquote(password)}
    return found


def scrub(text: str, url: str, hint: str = "") -> str:
    """``text`` with every secret part of ``url`` replaced by ``****``."""
    text = text.replace(url, "****")
    for secret in sorted(_secrets(url, hint), key=len, reverse=True):
        text = text.replace(secret, "****")
    return text


def channel_send(*, url: str, title: str, body: str) -> None:
    """Send one message through apprise, now; ChannelError with a short reason on failure."""
    plugin = _plugin(url)
    hint = _hint(plugin, str(_KINDS.get(_scheme(url), ChannelKind.OTHER)))
    service = str(plugin.service_name)
    notifier = apprise.Apprise()  # one per call: no state shared between sends or threads
    notifier.add(plugin)
    try:
        result = notifier.notify(
            title=title, body=body, body_format=apprise.NotifyFormat.TEXT, timeout=SEND_TIMEOUT
        )
    except Exception as exc:  # a plugin bug must become a recorded failure, not a crash
        raise ChannelError(f"{service}: {type(exc).__name__}") from None
    if result:
        return
    lines = [entry.message for entry in result.logs() if entry.message]
    reason = lines[-1] if lines else "the service did not accept the message"
    raise ChannelError(scrub(f"{service}: {reason}", url, hint)[:500])
