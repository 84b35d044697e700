"""Walk every URL pattern of the project and work out how to fill its kwargs.

The authorization tests request every page and API route with records of the
user's own store and of a store the user does not belong to. A pattern is never
listed by hand: ``walk`` reads the resolver. A pattern the walker cannot fill
lands in ``Walk.unknown``, and ``test_every_url_pattern_is_walked`` fails on it,
so a new page cannot escape the checks.

How a kwarg is filled: by the literal path segment right before it, which names
the stream (``/s/<int:store_id>/claims/<int:pk>/`` -> Store, then Claim; API
``/api/v1/claims/{id}`` -> Claim). Only int ids are filled (``<int:…>`` on pages,
``{id}`` on the API, which ninja routes as a plain ``<id>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from sellerdesk.accounts.models import ApiToken
from sellerdesk.chargebacks.models import Chargeback
from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.claims.models import Claim
from sellerdesk.feedback.models import Feedback
from sellerdesk.mail.models import InboundEmail, MailChannel
from sellerdesk.messaging.models import Attachment, Conversation, Message, Reply, ReplyTemplate
from sellerdesk.notifications.models import NotificationChannel, NotificationRule
from sellerdesk.orders.models import Order, OrderItem
from sellerdesk.questions.models import Question
from sellerdesk.returns.models import Return
from sellerdesk.reviews.models import Review
from sellerdesk.stores.models import Membership, Store

API_PREFIX = "api/v1/"

# The allow-list: patterns that take no store data. Admin is checked apart (it must
# send a non-staff user to the admin login).
ADMIN_PREFIX = "admin/"
PUBLIC_ROUTES = frozenset(
    {
        "login/",
        "logout/",
        API_PREFIX,  # ninja's root, only there to reverse() the API's base URL
        f"{API_PREFIX}docs",
        f"{API_PREFIX}openapi.json",
    }
)
PUBLIC_PREFIXES = ("static/",)
# API routes that read and write no store data (any signed-in user): walked like the
# user's own pages, not like store data.
STORELESS_API_ROUTES = frozenset({f"{API_PREFIX}lint"})
# API routes about the caller's own records (any member, viewers too, manages their own):
# walked like the user's own pages, and another user's ids must be a 404.
USER_API_PREFIXES = (f"{API_PREFIX}notifications/",)

# Path segment -> the model whose id follows it. A key of two segments
# ("notifications/channels") wins over the last segment alone ("channels").
SEGMENT_MODELS: dict[str, type[Model]] = {
    "s": Store,
    "stores": Store,
    "orders": Order,
    "items": OrderItem,
    "inbox": Conversation,
    "conversations": Conversation,
    "messages": Message,
    "attachments": Attachment,
    "templates": ReplyTemplate,
    "replies": Reply,
    "emails": InboundEmail,
    "quarantine": InboundEmail,  # the web quarantine's /mail/quarantine/<pk>/reprocess/
    "channels": MailChannel,  # the web's /mail/channels/<pk>/ (edit, enable, disable)
    "claims": Claim,
    "chargebacks": Chargeback,
    "feedback": Feedback,
    "returns": Return,
    "reviews": Review,
    "questions": Question,
    "checklist": ChecklistTask,
    "members": Membership,
    "notifications": NotificationRule,
    # /profile/notifications/channels/<pk>/ and /api/v1/notifications/channels/{id}
    "notifications/channels": NotificationChannel,
    "tokens": ApiToken,
}
# Records that belong to a user, not to a store: "own" means the caller's.
USER_MODELS: frozenset[type[Model]] = frozenset({ApiToken, NotificationRule, NotificationChannel})
FILLABLE_CONVERTERS = frozenset({None, "int", "str"})

_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
# Admin's two re_path() patterns, and a URL each that they match.
_ADMIN_REGEX_SAMPLES = {"app_list": "{app_label}/", None: "no-such-admin-page/"}


@dataclass(frozen=True)
class Param:
    name: str
    model: type[Model]


@dataclass(frozen=True)
class Route:
    """A pattern the walker knows how to fill, e.g. ``s/<int:store_id>/claims/<int:pk>/``."""

    route: str
    params: tuple[Param, ...]

    @property
    def is_api(self) -> bool:
        return self.route.startswith(API_PREFIX)

    @property
    def record_params(self) -> tuple[Param, ...]:
        """The kwargs that name a record, not the store."""
        return tuple(p for p in self.params if p.model is not Store)

    @property
    def store_params(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.model is Store)

    @property
    def is_list(self) -> bool:
        return not self.record_params

    @property
    def store_scoped(self) -> bool:
        """Whether the route reads or writes store data (else it is about the user)."""
        if self.route in STORELESS_API_ROUTES or self.route.startswith(USER_API_PREFIXES):
            return False
        return self.is_api or any(p.model not in USER_MODELS for p in self.params)

    def url(self, values: Mapping[str, object]) -> str:
        return "/" + _PARAM.sub(lambda m: str(values[m["name"]]), self.route)


@dataclass
class Walk:
    routes: list[Route] = field(default_factory=list)
    admin_urls: list[str] = field(default_factory=list)
    public: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # "route: why"


def _patterns(
    resolver: URLResolver, prefix: str = "", regex: bool = False
) -> Iterator[tuple[str, bool, URLPattern]]:
    """(full route, whether any part is a regex, pattern), depth first."""
    for entry in resolver.url_patterns:
        part = str(entry.pattern)
        is_regex = regex or isinstance(entry.pattern, RegexPattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + part, is_regex)
        else:
            yield prefix + part, is_regex, entry


def _admin_url(route: str, is_regex: bool, pattern: URLPattern) -> str | None:
    if not is_regex:
        # Admin ids are <path:…>: any value will do, the login redirect comes first.
        return "/" + _PARAM.sub("1", route)
    sample = _ADMIN_REGEX_SAMPLES.get(pattern.name, "")
    if not sample:
        return None
    app_labels = re.search(r"\(\?P<app_label>([^|)]+)", route)
    app_label = app_labels.group(1) if app_labels else "auth"
    return "/" + ADMIN_PREFIX + sample.format(app_label=app_label)


def _route(route: str) -> Route | str:
    """A fillable Route, or why it is not."""
    segments = route.split("/")
    params: list[Param] = []
    for index, segment in enumerate(segments):
        found = _PARAM.fullmatch(segment)
        if found is None:
            if "<" in segment:
                return f"kwarg inside a segment ({segment!r})"
            continue
        if found["converter"] not in FILLABLE_CONVERTERS:
            return f"converter {found['converter']!r} of <{found['name']}> is not an id"
        before = segments[index - 1] if index else ""
        pair = "/".join(segments[index - 2 : index]) if index >= 2 else ""
        model = SEGMENT_MODELS.get(pair) or SEGMENT_MODELS.get(before)
        if model is None:
            return (
                f"no model for segment {before!r} before <{found['name']}>: "
                "add it to SEGMENT_MODELS and a record to the test world"
            )
        params.append(Param(found["name"], model))
    return Route(route, tuple(params))


def walk(resolver: URLResolver | None = None) -> Walk:
    result = Walk()
    seen: set[str] = set()
    for route, is_regex, pattern in _patterns(resolver or get_resolver()):
        if route in seen:  # ninja adds one pattern per method of a path
            continue
        seen.add(route)
        if route.startswith(ADMIN_PREFIX):
            url = _admin_url(route, is_regex, pattern)
            if url is None:
                result.unknown.append(f"{route}: admin re_path without a sample URL")
            elif route not in (f"{ADMIN_PREFIX}login/", f"{ADMIN_PREFIX}logout/"):
                result.admin_urls.append(url)
            continue
        if route in PUBLIC_ROUTES or route.startswith(PUBLIC_PREFIXES):
            result.public.append(route)
            continue
        if is_regex:
            result.unknown.append(f"{route}: re_path(); use path() so the walker can fill it")
            continue
        filled = _route(route)
        if isinstance(filled, str):
            result.unknown.append(f"{route}: {filled}")
        else:
            result.routes.append(filled)
    return result
