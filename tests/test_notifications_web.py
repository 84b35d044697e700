"""The notification preferences page (/profile/notifications/) and the log.

Channels send to a real HTTP receiver on loopback through apprise's json://; the
failing one points at a closed port. The apprise URL carries a secret (a password
and a header token) that must never appear in a page, only its redacted hint.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.notifications.channels import channel_describe
from sellerdesk.notifications.forms import URL_EXAMPLES
from sellerdesk.notifications.models import (
    RECOMMENDED_EVENTS,
    DeliveryStatus,
    DigestLog,
    EventKind,
    NotificationChannel,
    NotificationDelivery,
    NotificationEvent,
    NotificationPreferences,
    NotificationRule,
)
from sellerdesk.notifications.services import channel_create, channel_url, rule_set
from sellerdesk.stores.models import Store
from tests.factories import MembershipFactory, StoreFactory, UserFactory
from tests.servers import free_port
from tests.webhook_receiver import WebhookReceiver, start_webhook_receiver

PASSWORD_SECRET = "pw-Q7vLs93kXb"
HEADER_SECRET = "hdr-Zt5Wq81mRc"
PAGE = "/profile/notifications/"


def hook_url(port: int) -> str:
    return f"json://desk:{PASSWORD_SECRET}@127.0.0.1:{port}/hook?+X-Desk-Token={HEADER_SECRET}"


def no_secret(text: str) -> bool:
    return PASSWORD_SECRET not in text and HEADER_SECRET not in text


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    server = start_webhook_receiver()
    yield server
    server.stop()


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def channel_of(user: User, port: int, name: str = "Hook") -> NotificationChannel:
    return channel_create(user=user, name=name, url=hook_url(port))


# --- the page ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["owner", "agent", "viewer"])
def test_every_role_sees_its_own_page_linked_from_profile_and_menu(role: str) -> None:
    store = StoreFactory(name="Shop One", timezone="Europe/Berlin")
    user = UserFactory()
    MembershipFactory(user=user, store=store, role=role)
    client = signed_in(user)
    profile = client.get(reverse("profile")).text
    assert f'href="{PAGE}"' in profile  # the profile's link (and the user menu's)
    assert profile.count(f'href="{PAGE}"') == 2
    page = client.get(PAGE)
    assert page.status_code == 200
    html = page.text
    assert "Shop One" in html  # the store's column in the rules matrix
    for kind in EventKind:
        assert str(kind.label) in html
    # The zone defaults to the first store's, not UTC.
    assert '<option value="Europe/Berlin" selected>' in html


@pytest.mark.django_db
def test_anonymous_is_sent_to_login() -> None:
    answer = Client().get(PAGE)
    assert answer.status_code == 302
    assert answer["Location"].startswith("/login/")


@pytest.mark.django_db
def test_url_examples_are_urls_apprise_accepts() -> None:
    kinds = [channel_describe(example)[0] for _, example in URL_EXAMPLES]
    assert kinds == ["email", "slack", "discord", "telegram", "teams", "webhook"]


# --- channels ----------------------------------------------------------------------


@pytest.mark.django_db
def test_add_a_channel_encrypts_the_url_and_never_shows_it(agent_a: User) -> None:
    client = signed_in(agent_a)
    url = hook_url(8123)
    answer = client.post(reverse("notifications_channel_add"), {"name": "Ops hook", "url": url})
    assert answer.status_code == 302
    channel = NotificationChannel.objects.get(user=agent_a)
    assert (channel.name, channel.kind) == ("Ops hook", "webhook")
    assert channel.url_encrypted != url
    assert PASSWORD_SECRET not in channel.url_encrypted
    assert channel_url(channel) == url  # it decrypts to what was typed
    assert channel.url_hint == "json://desk:****@127.0.0.1:8123/hook"

    for page in (PAGE, reverse("notifications_channel_edit", args=[channel.pk])):
        html = client.get(page).text
        assert "json://desk:****@127.0.0.1:8123/hook" in html
        assert no_secret(html), page


@pytest.mark.django_db
def test_a_refused_url_is_not_echoed_back_in_the_form(agent_a: User) -> None:
    client = signed_in(agent_a)
    bad = f"nosuchservice://{PASSWORD_SECRET}/{HEADER_SECRET}"
    answer = client.post(reverse("notifications_channel_add"), {"name": "Bad", "url": bad})
    assert answer.status_code == 400
    assert "nosuchservice://" in answer.text  # the reason names the scheme only
    assert no_secret(answer.text)
    assert not NotificationChannel.objects.exists()


@pytest.mark.django_db
def test_a_second_channel_of_the_same_name_is_refused(agent_a: User) -> None:
    channel_of(agent_a, 8123, name="Hook")
    answer = signed_in(agent_a).post(
        reverse("notifications_channel_add"), {"name": "Hook", "url": hook_url(8124)}
    )
    assert answer.status_code == 400
    assert "already have a channel named" in answer.text
    assert NotificationChannel.objects.filter(user=agent_a).count() == 1


@pytest.mark.django_db
def test_send_test_with_htmx_reaches_the_receiver_once(
    agent_a: User, receiver: WebhookReceiver
) -> None:
    channel = channel_of(agent_a, receiver.port)
    answer = signed_in(agent_a).post(
        reverse("notifications_channel_test", args=[channel.pk]), HTTP_HX_REQUEST="true"
    )
    assert answer.status_code == 200
    assert "Test sent to “Hook”." in answer.text
    # The channel's row, not a page: with its "last sent" filled in.
    assert answer.text.lstrip().startswith(f'<tr id="channel-{channel.pk}">')
    assert "never" not in answer.text
    [request] = receiver.received()
    assert (request.method, request.path) == ("POST", "/hook")
    # The stored URL's credentials were used: apprise sent them, not the hint.
    assert request.headers["X-Desk-Token"] == HEADER_SECRET
    assert request.json()["title"] == "sellerdesk test notification"
    channel.refresh_from_db()
    assert channel.last_sent_at is not None
    assert channel.last_error == ""


@pytest.mark.django_db
def test_send_test_without_javascript_redirects_with_the_result(
    agent_a: User, receiver: WebhookReceiver
) -> None:
    channel = channel_of(agent_a, receiver.port)
    client = signed_in(agent_a)
    answer = client.post(reverse("notifications_channel_test", args=[channel.pk]), follow=True)
    assert answer.redirect_chain == [(f"{PAGE}#channels", 302)]
    assert "Test sent to “Hook”." in answer.text
    assert len(receiver.received()) == 1


@pytest.mark.django_db
def test_a_failing_test_says_why_without_the_url(agent_a: User) -> None:
    channel = channel_of(agent_a, free_port())  # nothing listens there
    client = signed_in(agent_a)
    answer = client.post(
        reverse("notifications_channel_test", args=[channel.pk]), HTTP_HX_REQUEST="true"
    )
    assert answer.status_code == 200
    assert "Test failed:" in answer.text
    assert no_secret(answer.text)
    # The reason, under the button and in the row's "last error" cell.
    assert answer.text.count("A Connection error occurred") == 2
    channel.refresh_from_db()
    assert channel.last_error
    assert channel.consecutive_failures == 1
    assert no_secret(channel.last_error)
    page = client.get(PAGE).text
    assert channel.last_error[:50] in page
    assert no_secret(page)
    # Without JavaScript, the same reason as a message on the page.
    after = client.post(reverse("notifications_channel_test", args=[channel.pk]), follow=True)
    assert "Test to “Hook” failed:" in after.text
    assert no_secret(after.text)


@pytest.mark.django_db
def test_edit_renames_disables_and_replaces_the_url(agent_a: User) -> None:
    channel = channel_of(agent_a, 8123)
    client = signed_in(agent_a)
    edit = reverse("notifications_channel_edit", args=[channel.pk])
    # An empty URL keeps the stored one.
    answer = client.post(edit, {"name": "Renamed", "url": ""})
    assert answer.status_code == 302
    channel.refresh_from_db()
    assert (channel.name, channel.enabled) == ("Renamed", False)
    assert channel_url(channel) == hook_url(8123)
    # A new URL replaces it; the form never shows either.
    new = "json://desk:other-Secret-77@127.0.0.1:9000/other"
    answer = client.post(edit, {"name": "Renamed", "enabled": "on", "url": new})
    assert answer.status_code == 302
    channel.refresh_from_db()
    assert channel.enabled
    assert channel_url(channel) == new
    assert channel.url_hint == "json://desk:****@127.0.0.1:9000/other"
    html = client.get(edit).text
    assert "other-Secret-77" not in html
    assert "9000/other" in html


@pytest.mark.django_db
def test_a_refused_replacement_url_keeps_the_old_one(agent_a: User) -> None:
    channel = channel_of(agent_a, 8123)
    answer = signed_in(agent_a).post(
        reverse("notifications_channel_edit", args=[channel.pk]),
        {"name": "Hook", "enabled": "on", "url": f"bogus://{PASSWORD_SECRET}"},
    )
    assert answer.status_code == 400
    assert no_secret(answer.text)
    channel.refresh_from_db()
    assert channel_url(channel) == hook_url(8123)


@pytest.mark.django_db
def test_delete_asks_first_then_deletes(agent_a: User, store_a: Store) -> None:
    channel = channel_of(agent_a, 8123)
    rule = rule_set(
        user=agent_a, store=store_a, event="new_claim", enabled=True, channels=[channel]
    )
    client = signed_in(agent_a)
    url = reverse("notifications_channel_delete", args=[channel.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "1 rule loses this channel" in confirm.text
    assert NotificationChannel.objects.filter(pk=channel.pk).exists()
    assert client.post(url).status_code == 302
    assert not NotificationChannel.objects.filter(pk=channel.pk).exists()
    assert list(rule.channels.all()) == []


# --- rules -------------------------------------------------------------------------


def matrix_post(store: Store, event: str, *, channels: list[int], hours: str = "") -> dict:
    data: dict[str, object] = {
        f"r-{store.pk}-{event}-enabled": "on",
        f"r-{store.pk}-{event}-channels": channels,
    }
    if hours:
        data[f"r-{store.pk}-{event}-hours"] = hours
    return data


@pytest.mark.django_db
def test_the_rules_matrix_saves_the_changed_cells(agent_a: User, store_a: Store) -> None:
    second = StoreFactory(name="Second Shop")
    MembershipFactory(user=agent_a, store=second, role="viewer")
    hook = channel_of(agent_a, 8123)
    mail = channel_create(
        user=agent_a, name="Mail", url="mailtos://me:pw-x@smtp.example.com?to=me@example.com"
    )
    client = signed_in(agent_a)
    data = {
        **matrix_post(store_a, "new_claim", channels=[hook.pk, mail.pk]),
        **matrix_post(second, "conversation_due_soon", channels=[hook.pk], hours="6"),
        # A channel ticked on a switched-off cell: kept, the rule stays off.
        f"r-{store_a.pk}-negative_review-channels": [mail.pk],
    }
    answer = client.post(reverse("notifications_rules"), data)
    assert answer.status_code == 302
    rules = {
        (r.store_id, r.event): (r.enabled, sorted(c.name for c in r.channels.all()), r.params)
        for r in NotificationRule.objects.filter(user=agent_a)
    }
    assert rules == {
        (store_a.pk, "new_claim"): (True, ["Hook", "Mail"], {}),
        (second.pk, "conversation_due_soon"): (True, ["Hook"], {"hours": 6}),
        (store_a.pk, "negative_review"): (False, ["Mail"], {}),
    }
    # The page shows what was saved.
    html = client.get(PAGE).text
    assert f'name="r-{second.pk}-conversation_due_soon-hours" value="6"' in html
    # Saving the same again changes nothing; unticking switches the cell off.
    client.post(reverse("notifications_rules"), data)
    assert NotificationRule.objects.filter(user=agent_a).count() == 3
    del data[f"r-{store_a.pk}-new_claim-enabled"]
    client.post(reverse("notifications_rules"), data)
    assert not NotificationRule.objects.get(user=agent_a, event="new_claim").enabled


@pytest.mark.django_db
def test_the_matrix_refuses_another_users_channel(agent_a: User, store_a: Store) -> None:
    other = UserFactory()
    theirs = channel_of(other, 8123)
    answer = signed_in(agent_a).post(
        reverse("notifications_rules"), matrix_post(store_a, "new_claim", channels=[theirs.pk])
    )
    assert answer.status_code == 400
    assert not NotificationRule.objects.exists()


@pytest.mark.django_db
def test_the_matrix_has_no_column_for_a_store_the_user_is_not_in(
    agent_a: User, store_a: Store, store_b: Store
) -> None:
    hook = channel_of(agent_a, 8123)
    client = signed_in(agent_a)
    assert "Store B" not in client.get(PAGE).text
    # A forged cell for store B is not a field of the form: ignored, nothing saved.
    answer = client.post(
        reverse("notifications_rules"), matrix_post(store_b, "new_claim", channels=[hook.pk])
    )
    assert answer.status_code == 302
    assert not NotificationRule.objects.filter(store=store_b).exists()


@pytest.mark.django_db
def test_recommended_switches_on_every_recommended_event_in_every_store(
    agent_a: User, store_a: Store
) -> None:
    second = StoreFactory(name="Second Shop")
    MembershipFactory(user=agent_a, store=second, role="owner")
    hook = channel_of(agent_a, 8123)
    answer = signed_in(agent_a).post(
        reverse("notifications_channel_recommend", args=[hook.pk]), follow=True
    )
    expected = 2 * len(RECOMMENDED_EVENTS)
    assert f"({expected} rules)" in answer.text
    rules = NotificationRule.objects.filter(user=agent_a, enabled=True, channels=hook)
    assert rules.count() == expected
    assert not rules.filter(event=EventKind.NEW_BUYER_MESSAGE).exists()


# --- preferences -------------------------------------------------------------------


@pytest.mark.django_db
def test_preferences_save_quiet_hours_limit_and_digest(agent_a: User, store_a: Store) -> None:
    hook = channel_of(agent_a, 8123)
    client = signed_in(agent_a)
    answer = client.post(
        PAGE,
        {
            "time_zone": "Europe/Paris",
            "quiet_start": "22:00",
            "quiet_end": "07:00",
            "urgent_breaks_quiet": "on",
            "max_per_hour": "5",
            "digest_enabled": "on",
            "digest_time": "08:30",
            "digest_channel": str(hook.pk),
        },
    )
    assert answer.status_code == 302
    prefs = NotificationPreferences.objects.get(user=agent_a)
    assert (prefs.time_zone, prefs.quiet_start, prefs.quiet_end) == (
        "Europe/Paris",
        time(22),
        time(7),
    )
    assert (prefs.urgent_breaks_quiet, prefs.max_per_hour) == (True, 5)
    assert (prefs.digest_enabled, prefs.digest_time, prefs.digest_channel) == (
        True,
        time(8, 30),
        hook,
    )
    html = client.get(PAGE).text
    assert '<option value="Europe/Paris" selected>' in html
    assert 'value="22:00"' in html
    # The digest by email to the user's own address: the empty choice.
    client.post(
        PAGE,
        {"time_zone": "Europe/Paris", "max_per_hour": "5", "digest_time": "08:30"},
    )
    prefs.refresh_from_db()
    assert (prefs.digest_enabled, prefs.digest_channel, prefs.quiet_start) == (False, None, None)


@pytest.mark.django_db
def test_preferences_refuse_half_quiet_hours_and_another_users_channel(agent_a: User) -> None:
    theirs = channel_of(UserFactory(), 8123)
    client = signed_in(agent_a)
    base = {"time_zone": "UTC", "max_per_hour": "12", "digest_time": "07:00"}
    half = client.post(PAGE, {**base, "quiet_start": "22:00"})
    assert half.status_code == 400
    assert "Give both ends of the quiet hours" in half.text
    foreign = client.post(PAGE, {**base, "digest_channel": str(theirs.pk)})
    assert foreign.status_code == 400
    assert not NotificationPreferences.objects.filter(user=agent_a).exists()


# --- the log -----------------------------------------------------------------------


def delivery(user: User, channel: NotificationChannel, store: Store, title: str, **kw: object):  # type: ignore[no-untyped-def]  # a test helper's kwargs
    now = timezone.now()
    event = NotificationEvent.objects.create(
        store=store, kind="new_claim", key=title, title=title, occurred_at=now
    )
    return NotificationDelivery.objects.create(
        event=event, user=user, channel=channel, not_before=now, **kw
    )


@pytest.mark.django_db
def test_the_log_shows_only_the_users_own_deliveries_and_digests(
    agent_a: User, store_a: Store, store_b: Store
) -> None:
    mine = channel_of(agent_a, 8123, name="Mine")
    other = UserFactory()
    MembershipFactory(user=other, store=store_b, role="owner")
    theirs = channel_of(other, 8123, name="Theirs")
    delivery(agent_a, mine, store_a, "Claim on order 111", status=DeliveryStatus.SENT,
             sent_at=timezone.now())  # fmt: skip
    delivery(agent_a, mine, store_a, "Claim on order 222", status=DeliveryStatus.FAILED,
             error="Webhook: connection refused")  # fmt: skip
    delivery(other, theirs, store_b, "Claim on order 999")
    DigestLog.objects.create(user=agent_a, day=timezone.localdate(), started_at=timezone.now(),
                             status=DeliveryStatus.SENT, body="3 tasks today")  # fmt: skip
    DigestLog.objects.create(user=other, day=timezone.localdate(), started_at=timezone.now(),
                             body="their digest")  # fmt: skip
    html = signed_in(agent_a).get(reverse("notifications_log")).text
    assert "Claim on order 111" in html
    assert "Claim on order 222" in html
    assert "Webhook: connection refused" in html
    assert "3 tasks today" in html
    for theirs_text in ("Claim on order 999", "Theirs", "Store B", "their digest"):
        assert theirs_text not in html


@pytest.mark.django_db
def test_the_log_is_paginated(agent_a: User, store_a: Store) -> None:
    mine = channel_of(agent_a, 8123)
    for n in range(51):
        delivery(agent_a, mine, store_a, f"Event number {n:02d}")
    client = signed_in(agent_a)
    first = client.get(reverse("notifications_log")).text
    second = client.get(reverse("notifications_log") + "?page=2").text
    # Newest first: 50 on the first page, the oldest one alone on the second.
    assert "Event number 50" in first
    assert "Event number 00" not in first
    assert "Event number 00" in second
    assert "1 of 2" in first


@pytest.mark.django_db
def test_the_log_filters_by_status_and_store_and_pages_keep_them(
    agent_a: User, store_a: Store, store_b: Store
) -> None:
    MembershipFactory(user=agent_a, store=store_b, role="viewer")
    mine = channel_of(agent_a, 8123)
    for n in range(51):
        delivery(agent_a, mine, store_a, f"Failed in A {n:02d}", status=DeliveryStatus.FAILED)
    delivery(agent_a, mine, store_a, "Sent in A", status=DeliveryStatus.SENT)
    delivery(agent_a, mine, store_b, "Failed in B", status=DeliveryStatus.FAILED)
    client = signed_in(agent_a)
    url = reverse("notifications_log")
    failed_a = client.get(url, {"status": "failed", "store": store_a.pk}).text
    assert "Failed in A 50" in failed_a
    assert "Sent in A" not in failed_a
    assert "Failed in B" not in failed_a
    # The next page keeps the filters.
    assert f"?status=failed&amp;store={store_a.pk}&amp;page=2" in failed_a
    second = client.get(url, {"status": "failed", "store": store_a.pk, "page": 2}).text
    assert "Failed in A 00" in second
    assert "Failed in B" not in second
    sent = client.get(url, {"status": "sent"}).text
    assert "Sent in A" in sent
    assert "Failed in" not in sent
    in_b = client.get(url, {"store": store_b.pk}).text
    assert "Failed in B" in in_b
    assert "Failed in A" not in in_b
    # Values that are not a status or one of the log's stores show everything.
    for odd in ({"status": "nonsense"}, {"store": "999999"}, {"store": "x"}):
        assert "Failed in B" in client.get(url, odd).text
    nothing = client.get(url, {"status": "unconfirmed"}).text
    assert "No alert matches these filters." in nothing


# --- other users -------------------------------------------------------------------


@pytest.mark.django_db
def test_another_users_channel_is_404_everywhere(agent_a: User, viewer_a: User) -> None:
    theirs = channel_of(viewer_a, 8123)
    client = signed_in(agent_a)
    for name in ("edit", "delete", "test", "recommend"):
        url = reverse(f"notifications_channel_{name}", args=[theirs.pk])
        for method in ("get", "post"):
            answer = getattr(client, method)(url, {"name": "Mine now", "enabled": "on"})
            assert answer.status_code in (404, 405), (name, method, answer.status_code)
        assert client.post(url).status_code == 404, name
    theirs.refresh_from_db()
    assert theirs.name == "Hook"
    assert not NotificationRule.objects.exists()


@pytest.mark.django_db
def test_a_viewer_manages_their_own_notifications(
    viewer_a: User, store_a: Store, receiver: WebhookReceiver
) -> None:
    client = signed_in(viewer_a)
    add = client.post(
        reverse("notifications_channel_add"),
        {"name": "Viewer hook", "url": hook_url(receiver.port)},
    )
    assert add.status_code == 302
    channel = NotificationChannel.objects.get(user=viewer_a)
    test = client.post(
        reverse("notifications_channel_test", args=[channel.pk]), HTTP_HX_REQUEST="true"
    )
    assert "Test sent" in test.text
    rules = client.post(
        reverse("notifications_rules"), matrix_post(store_a, "new_claim", channels=[channel.pk])
    )
    assert rules.status_code == 302
    assert NotificationRule.objects.get(user=viewer_a).channels.get() == channel
    assert len(receiver.received()) == 1


@pytest.mark.django_db
def test_a_pending_delivery_shows_when_it_may_go(agent_a: User, store_a: Store) -> None:
    mine = channel_of(agent_a, 8123)
    later = timezone.now() + timedelta(hours=5)
    d = delivery(agent_a, mine, store_a, "Quiet for now")
    NotificationDelivery.objects.filter(pk=d.pk).update(not_before=later)
    html = signed_in(agent_a).get(reverse("notifications_log")).text
    assert "not before" in html


@pytest.mark.django_db
def test_the_page_reads_the_same_number_of_times_for_one_store_or_four(agent_a: User) -> None:
    """The matrix is read once, not per cell (13 event kinds x stores)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    channel_of(agent_a, 8123, name="One")
    channel_of(agent_a, 8124, name="Two")
    client = signed_in(agent_a)
    counts = []
    for stores in (0, 3):
        for n in range(stores):
            MembershipFactory(user=agent_a, store=StoreFactory(name=f"More {n}"))
        with CaptureQueriesContext(connection) as queries:
            html = client.get(PAGE).text
        assert html.count('name="r-') >= 13 * (1 + stores) * 2
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_a_user_without_a_store_still_has_the_page() -> None:
    user: User = UserFactory()
    html = signed_in(user).get(PAGE).text
    assert "You are not a member of any store yet" in html
    assert '<option value="UTC" selected>' in html
