"""Every page and API endpoint sees only the user's stores.

Store A and store B each hold one record of every kind; the agent and the viewer
are members of store A only. ``tests.urlwalk`` reads every URL pattern from the
resolver and fills its kwargs, and each test below requests every pattern:

* own records render, without a trace of store B (list pages and API lists too);
* store B's records are a 404, in store B's URL or under store A's;
* a viewer's writes are refused (403, or 405 where the method does not exist) and
  change nothing;
* anonymous callers are sent to the login page (API: 401); admin sends non-staff
  users to the admin login.

The CLI is not walked: its commands are run by the machine's operator, and none
of them takes a user to act as.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLResolver, path, resolve
from django.urls.resolvers import RegexPattern

from sellerdesk.accounts.models import ApiToken, User
from sellerdesk.accounts.services import token_create
from sellerdesk.audit.models import AuditEvent
from sellerdesk.audit.services import audit_record
from sellerdesk.checklist.models import ChecklistTask
from sellerdesk.mail.models import EmailKind, EmailStatus, InboundEmail
from sellerdesk.mail.services import channel_create
from sellerdesk.messaging.models import Attachment, Reply
from sellerdesk.notifications.models import (
    NotificationChannel,
    NotificationDelivery,
    NotificationEvent,
    NotificationPreferences,
    NotificationRule,
)
from sellerdesk.notifications.services import channel_create as notification_channel_create
from sellerdesk.stores.models import Membership, Store
from tests.factories import (
    ChargebackFactory,
    ClaimFactory,
    ConversationFactory,
    FeedbackFactory,
    MembershipFactory,
    MessageFactory,
    OrderFactory,
    OrderItemFactory,
    QuestionFactory,
    ReplyTemplateFactory,
    ReturnFactory,
    ReviewFactory,
    UserFactory,
)
from tests.urlwalk import ADMIN_PREFIX, SEGMENT_MODELS, USER_MODELS, Route, walk

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# A form a careless view might act on: plausible field names of the desk's forms.
GREEDY_FORM = {"status": "answered", "body": "x", "notes": "x", "name": "x", "response": "x"}
# Tables a refused request must leave alone. Sign-in bookkeeping is not store data.
NOT_STORE_DATA = (User, ApiToken, Session, ContentType, Permission)
# A user's own notification settings and log: every member, a viewer too, may change
# their own (and their audit events say so); another user's stay untouched.
OWN_DATA = (NotificationChannel, NotificationRule, NotificationPreferences, NotificationDelivery)
OWN_AUDIT_PREFIXES = ("notification_channel.", "notification_rule.")


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class World:
    store_a: Store
    store_b: Store
    agent_a: User
    viewer_a: User
    member_b: User
    records: dict[tuple[str, type[Model]], Model] = field(default_factory=dict)
    personal: dict[tuple[int, type[Model]], Model] = field(default_factory=dict)
    b_markers: list[str] = field(default_factory=list)

    def store(self, side: str) -> Store:
        return self.store_a if side == "A" else self.store_b

    def record(self, model: type[Model], side: str, caller: User) -> Model:
        """Store ``side``'s record of ``model``; for a user's own record, the caller's
        (side A) or store B's member's (side B)."""
        if model is Store:
            return self.store(side)
        if model in USER_MODELS:
            owner = caller if side == "A" else self.member_b
            return self.personal[(owner.pk, model)]
        return self.records[(side, model)]

    def url(
        self,
        route: Route,
        *,
        caller: User,
        store: str = "A",
        records: str = "A",
        query: str | None = None,
    ) -> str:
        """``route`` filled with store ``store`` and records of store ``records``.

        The desk also names a store in the query string as ``store`` (API list
        filter, store switcher): ``query`` adds ``?store=`` with that side's store.
        """
        values = {
            p.name: self.record(p.model, store if p.model is Store else records, caller).pk
            for p in route.params
        }
        url = route.url(values)
        # The filled URL must resolve to the route it came from, or the walk tests nothing.
        assert resolve(url).route == route.route, (url, route.route)
        return f"{url}?store={self.store(query).pk}" if query else url


def _stream_records(world: World, side: str) -> None:
    """One record of every kind in store ``side``; store B's carry unique markers."""
    store = world.store(side)
    tag = f"ZEBRA{side}" if side == "B" else "alpaca"
    order = OrderFactory(store=store, buyer_name=f"{tag} buyer")
    item = OrderItemFactory(order=order, sku=f"{tag}-SKU", title=f"{tag} bottle")
    conversation = ConversationFactory(store=store, order=order, subject=f"{tag} subject")
    message = MessageFactory(conversation=conversation, body_text=f"{tag} message body")
    attachment = Attachment.objects.create(
        message=message,
        filename=f"{tag}.txt",
        content_type="text/plain",
        size=5,
        sha256="0" * 64,
        path=f"{side}/{tag}.txt",
    )
    target = settings.ATTACHMENTS_DIR / attachment.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(tag)
    claim = ClaimFactory(store=store, notes=f"{tag} claim notes")
    chargeback = ChargebackFactory(store=store, notes=f"{tag} chargeback notes")
    feedback = FeedbackFactory(store=store, comment=f"{tag} feedback comment")
    a_return = ReturnFactory(store=store, sku=f"{tag}-RET", buyer_comment=f"{tag} return")
    review = ReviewFactory(store=store, title=f"{tag} review title")
    question = QuestionFactory(store=store, text=f"{tag} question text")
    template = ReplyTemplateFactory(store=store, name=f"{tag} template")
    reply = Reply.objects.create(
        conversation=conversation,
        template=template,
        to_address=conversation.buyer_key,
        from_address=f"orders@{tag.lower()}.test",
        subject=f"RE: {tag} subject",
        body=f"{tag} reply body",
        message_id=f"<{tag}-reply@{tag.lower()}.test>",
        next_attempt_at=message.sent_at,
    )
    channel = channel_create(
        store=store, name=f"{tag} mailbox", imap_host=f"imap.{tag.lower()}.test",
        imap_user=f"{tag}-user", imap_password=f"{tag}-password",
        from_address=f"orders@{tag.lower()}.test",
    )  # fmt: skip
    email = InboundEmail.objects.create(
        channel=channel,
        dedupe_key=f"mid:<{tag}@relay.test>",
        sha256="0" * 64,
        raw=f"Subject: {tag} email subject\n\n{tag} raw".encode(),
        size=40,
        received_at=message.sent_at,
        from_address=conversation.buyer_key,
        subject=f"{tag} email subject",
        kind=EmailKind.BUYER_MESSAGE,
        status=EmailStatus.PROCESSED,
        conversation=conversation,
        message=message,
    )
    task = ChecklistTask.objects.create(
        store=store,
        task="messages",
        cadence="daily",
        period_start=date(2026, 11, 2),
        due=date(2026, 11, 2),
    )
    membership = Membership.objects.get(
        store=store, user=world.agent_a if side == "A" else world.member_b
    )
    audit_record(action="test.seeded", store=store, target=order, data={"tag": tag})
    for record in (
        order, item, conversation, message, attachment, claim, chargeback, feedback,
        a_return, review, question, template, task, membership, reply, channel, email,
    ):  # fmt: skip
        world.records[(side, type(record))] = record
    if side == "B":
        world.b_markers += [
            store.name,
            tag,  # every free-text field above carries it
            order.amazon_order_id,
            conversation.amazon_order_id,
            claim.amazon_order_id,
            chargeback.amazon_order_id,
            feedback.amazon_order_id,
            a_return.amazon_order_id,
            review.review_id,
            question.question_id,
        ]


@pytest.fixture
def world(store_a: Store, store_b: Store, agent_a: User, viewer_a: User) -> World:
    member_b = UserFactory(email="owner-b@example.test")
    MembershipFactory(user=member_b, store=store_b, role="owner")
    world = World(store_a, store_b, agent_a, viewer_a, member_b)
    _stream_records(world, "A")
    _stream_records(world, "B")
    for user, store in ((agent_a, store_a), (viewer_a, store_a), (member_b, store_b)):
        token, _ = token_create(user=user, name=f"token of {user.email}")
        world.personal[(user.pk, ApiToken)] = token
        world.personal[(user.pk, NotificationRule)] = NotificationRule.objects.create(
            user=user, store=store, event="new_claim"
        )
        # Store B's member's channel and alert carry store B's marker.
        tag = "ZEBRAB" if user == member_b else "alpaca"
        channel = notification_channel_create(
            user=user, name=f"{tag} hook of {user.pk}", url="json://127.0.0.1:9/hook"
        )
        world.personal[(user.pk, NotificationChannel)] = channel
        event = NotificationEvent.objects.create(
            store=store, kind="new_claim", key=f"claim:{user.pk}", title=f"{tag} claim alert",
            occurred_at=datetime(2026, 11, 2, 12, tzinfo=UTC),
        )  # fmt: skip
        NotificationDelivery.objects.create(
            event=event, user=user, channel=channel, not_before=event.occurred_at
        )
    # Every kind the walker can fill has a record on both sides.
    for model in SEGMENT_MODELS.values():
        for side in "AB":
            assert world.record(model, side, agent_a).pk
    return world


WALK = walk()


def store_routes() -> list[Route]:
    return [r for r in WALK.routes if r.store_scoped]


def snapshot(*, own_data: bool = True, users: bool = False) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table that holds store data; without the caller's ``own_data``
    (notification settings and their audit events), with ``users``' tokens and accounts."""
    skip = NOT_STORE_DATA if not users else (Session, ContentType, Permission)
    if not own_data:
        skip = (*skip, *OWN_DATA)
    rows = {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models()
        if not issubclass(model, skip)
    }
    if not own_data:
        rows[AuditEvent._meta.label] = [
            row
            for row in rows[AuditEvent._meta.label]
            if not str(row["action"]).startswith(OWN_AUDIT_PREFIXES)
        ]
    return rows


@dataclass
class Answer:
    status: int
    body: str
    location: str


def call(client: Client, method: str, url: str, caller: User | None = None) -> Answer:
    """One request; an exception in the view is a 500, not an aborted walk.

    Writes carry a body a careless view could act on: the API's one writable
    field, or a form with the desk's usual field names.
    """
    try:
        if method == "GET":
            response = client.get(url)
        elif url.startswith("/api/"):
            body = json.dumps({"assigned_to": caller.pk if caller else None})
            response = client.generic(method, url, body, content_type="application/json")
        elif method == "POST":
            response = client.post(url, GREEDY_FORM)
        else:
            response = client.generic(method, url)
    except Exception as exc:
        return Answer(500, repr(exc), "")
    content = b"" if getattr(response, "streaming", False) else response.content
    return Answer(
        response.status_code, content.decode(errors="replace"), response.get("Location", "")
    )


def leaks(world: World, body: str) -> list[str]:
    return [m for m in world.b_markers if m in body]


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def follow(client: Client, url: str) -> Iterator[Answer]:
    """GET ``url`` and each same-site redirect after it (at most five)."""
    for _ in range(5):
        answer = call(client, "GET", url)
        yield answer
        if answer.status not in (301, 302, 303, 307, 308) or not answer.location.startswith("/"):
            return
        url = answer.location


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n  " + "\n  ".join(problems)


# --- the walk itself -----------------------------------------------------------


def test_every_url_pattern_is_walked() -> None:
    assert not WALK.unknown, (
        "URL patterns the authorization walk cannot fill; teach tests/urlwalk.py:\n  "
        + "\n  ".join(WALK.unknown)
    )


def test_walk_covers_api_and_store_pages() -> None:
    """The walk is not vacuous: it reaches the API, store pages and admin."""
    api = [r for r in WALK.routes if r.is_api]
    pages = [r for r in WALK.routes if not r.is_api and r.store_params]
    assert len(api) >= 18, [r.route for r in api]  # list and detail of 9 kinds
    assert any(not r.is_list for r in pages), "no web detail page under /s/<store_id>/ was found"
    assert any(r.is_list for r in pages), "no web list page under /s/<store_id>/ was found"
    assert WALK.admin_urls


def test_walker_refuses_patterns_it_cannot_fill() -> None:
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse()

    urlconf = [
        path("s/<int:store_id>/widgets/<int:pk>/", view),
        path("s/<int:store_id>/claims/<slug:slug>/", view),
        path("s/<int:store_id>/claims/<int:pk>.csv", view),
        path("gadgets/<int:gadget_id>/", view),
        path("s/<int:store_id>/claims/<int:pk>/", view),
    ]
    result = walk(URLResolver(RegexPattern(r"^/"), urlconf))
    assert [r.route for r in result.routes] == ["s/<int:store_id>/claims/<int:pk>/"]
    assert len(result.unknown) == 4
    assert "segment 'widgets'" in result.unknown[0]
    assert "converter 'slug'" in result.unknown[1]
    assert "segment 'gadgets'" in result.unknown[3]


# --- store A's user against store B's records ------------------------------------


@pytest.mark.django_db
def test_own_pages_render_without_other_stores_data(world: World) -> None:
    client = signed_in(world.agent_a)
    problems = []
    for route in WALK.routes:
        # With no query string (lists: every store of the user), and with ?store=A.
        for query in (None, "A"):
            url = world.url(route, caller=world.agent_a, query=query)
            for answer in follow(client, url):
                if answer.status >= 500 or (query and answer.status == 404):
                    problems.append(f"{route.route} {url}: {answer.status} for own records")
                if found := leaks(world, answer.body):
                    problems.append(f"{route.route} {url}: shows store B's {found}")
    assert not problems, report(problems)


@pytest.mark.django_db
def test_other_stores_records_are_404(world: World) -> None:
    """Case (a): store B's URL and records. Case (b): store A's URL, store B's record."""
    client = signed_in(world.agent_a)
    problems = []
    checked = 0
    for route in [r for r in store_routes() if r.params]:
        cases = [("B", "B")]
        if route.store_params and route.record_params:
            cases.append(("A", "B"))
        for store, records in cases:
            url = world.url(route, caller=world.agent_a, store=store, records=records)
            statuses = {}
            for method in ("GET", *WRITE_METHODS):
                before = snapshot()
                answer = call(client, method, url, world.agent_a)
                statuses[method] = answer.status
                # 405: the route has no such method, whoever asks.
                if answer.status not in (404, 405):
                    problems.append(f"{method} {url} ({route.route}): {answer.status}, not 404")
                if found := leaks(world, answer.body):
                    problems.append(f"{method} {url}: shows store B's {found}")
                if snapshot() != before:
                    problems.append(f"{method} {url}: changed store data")
            if 404 not in statuses.values():
                problems.append(f"{url} ({route.route}): no method answered 404: {statuses}")
            checked += 1
    assert not problems, report(problems)
    assert checked >= 20


@pytest.mark.django_db
def test_other_store_in_the_query_string_shows_nothing(world: World) -> None:
    """``?store=<store B>`` on every route, store A in the path: no trace of B,
    through every redirect."""
    client = signed_in(world.agent_a)
    problems = []
    for route in WALK.routes:
        url = world.url(route, caller=world.agent_a, query="B")
        for answer in follow(client, url):
            if found := leaks(world, answer.body):
                problems.append(f"GET {url} ({route.route}): shows store B's {found}")
    assert not problems, report(problems)


@pytest.mark.django_db
def test_api_lists_answer_another_stores_filter_with_404(world: World) -> None:
    client = signed_in(world.agent_a)
    lists = [
        r
        for r in WALK.routes
        if r.is_api and r.store_scoped and not r.params and r.route != "api/v1/stores"
    ]
    assert len(lists) >= 8
    problems = []
    for route in lists:
        url = world.url(route, caller=world.agent_a, query="B")
        answer = call(client, "GET", url)
        if answer.status != 404 or leaks(world, answer.body):
            problems.append(f"{url}: {answer.status} {leaks(world, answer.body)}")
    assert not problems, report(problems)


@pytest.mark.django_db
def test_store_b_markers_are_visible_to_store_b(world: World) -> None:
    """The leak check is not vacuous: store B's own member does see every marker."""
    client = signed_in(world.member_b)
    seen = ""
    for route in WALK.routes:
        for query in (None, "B"):
            url = world.url(route, caller=world.member_b, store="B", records="B", query=query)
            seen += "".join(answer.body for answer in follow(client, url))
    assert [m for m in world.b_markers if m not in seen] == []


# --- viewers ----------------------------------------------------------------------


@pytest.mark.django_db
def test_viewer_writes_are_refused_and_change_nothing(world: World) -> None:
    client = signed_in(world.viewer_a)
    problems = []
    for route in store_routes():
        url = world.url(route, caller=world.viewer_a)
        for method in WRITE_METHODS:
            before = snapshot()
            answer = call(client, method, url, world.viewer_a)
            if answer.status not in (403, 405):
                problems.append(f"{method} {url} ({route.route}): {answer.status}, not 403/405")
            if snapshot() != before:
                problems.append(f"{method} {url}: a viewer changed store data")
    assert not problems, report(problems)


@pytest.mark.django_db
def test_viewer_posts_to_own_user_pages_change_no_store_data(world: World) -> None:
    """Profile, tokens, notifications and the store switcher are the viewer's own: any
    answer will do, as long as no store data changes (their own notification
    settings may)."""
    client = signed_in(world.viewer_a)
    problems = []
    for route in [r for r in WALK.routes if not r.store_scoped]:
        url = world.url(route, caller=world.viewer_a)
        for method in WRITE_METHODS:
            before = snapshot(own_data=False)
            answer = call(client, method, url, world.viewer_a)
            if answer.status >= 500 or snapshot(own_data=False) != before:
                problems.append(f"{method} {url}: {answer.status}, store data changed or failed")
    assert not problems, report(problems)


# --- another user's own records -------------------------------------------------------


@pytest.mark.django_db
def test_other_users_records_are_404(world: World) -> None:
    """A user's own records (API tokens, notification channels) by another user's id:
    404 on every method (405 where the route has no such method), nothing changes."""
    client = signed_in(world.agent_a)
    routes = [r for r in WALK.routes if any(p.model in USER_MODELS for p in r.params)]
    problems = []
    for route in routes:
        url = world.url(route, caller=world.agent_a, records="B")
        statuses = {}
        for method in ("GET", *WRITE_METHODS):
            before = snapshot(users=True)
            answer = call(client, method, url, world.agent_a)
            statuses[method] = answer.status
            if answer.status not in (404, 405):
                problems.append(f"{method} {url} ({route.route}): {answer.status}, not 404")
            if found := leaks(world, answer.body):
                problems.append(f"{method} {url}: shows store B's {found}")
            if snapshot(users=True) != before:
                problems.append(f"{method} {url}: changed another user's data")
        if 404 not in statuses.values():
            problems.append(f"{url} ({route.route}): no method answered 404: {statuses}")
    assert not problems, report(problems)
    walked = {p.model for r in routes for p in r.params}
    assert {ApiToken, NotificationChannel} <= walked
    assert len([r for r in routes if r.is_api]) >= 2  # a channel, and its test


# --- anonymous callers and admin -----------------------------------------------------


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(world: World) -> None:
    client = Client()
    login = resolve_url(settings.LOGIN_URL)
    problems = []
    for route in WALK.routes:
        url = world.url(route, caller=world.agent_a)
        answer = call(client, "GET", url)
        if route.is_api and answer.status == 405:  # a POST-only route: ask it that way
            answer = call(client, "POST", url)
        if route.is_api:
            ok = answer.status == 401
        else:
            ok = answer.status == 405 or (
                answer.status == 302 and answer.location.startswith(login)
            )
        if not ok or leaks(world, answer.body):
            problems.append(f"GET {url} ({route.route}): {answer.status} {answer.location}")
    assert not problems, report(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["agent", "anonymous"])
def test_admin_sends_non_staff_to_admin_login(world: World, who: str) -> None:
    client = signed_in(world.agent_a) if who == "agent" else Client()
    login = f"/{ADMIN_PREFIX}login/"
    problems = [
        f"{url}: {answer.status} {answer.location}"
        for url in WALK.admin_urls
        if not (
            (answer := call(client, "GET", url)).status == 302 and answer.location.startswith(login)
        )
    ]
    assert not problems, report(problems)
