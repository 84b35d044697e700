from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.stores.models import Store
from tests.factories import (
    BASE_TIME,
    ChargebackFactory,
    ClaimFactory,
    ConversationFactory,
    FeedbackFactory,
    OrderFactory,
    QuestionFactory,
    ReturnFactory,
    ReviewFactory,
)
from tests.web_support import FAST_HASHERS, STREAM_CASES, StreamCase, list_url, positions, shown


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    # PBKDF2's real cost is for production; here it would dominate the run time.
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def agent_client(client: Client, agent_a: User) -> Client:
    client.force_login(agent_a)
    return client


@pytest.mark.parametrize("case", STREAM_CASES, ids=lambda c: c.key)
def test_list_shows_own_store_records_only(
    case: StreamCase, client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    # The agent can see store B too: its records still stay out of store A's list.
    from tests.factories import MembershipFactory

    MembershipFactory(user=agent_a, store=store_b)
    client.force_login(agent_a)
    mine = case.create(store_a)
    theirs = case.create(store_b)
    response = client.get(list_url(case.key, store_a))
    assert response.status_code == 200
    assert shown(response.text, case.key, store_a, mine) == [True]
    assert f"/s/{store_b.pk}/{case.key}/{theirs.pk}/" not in response.text
    assert case.text(mine) in response.text
    assert "1\u20131 of 1" in response.text


@pytest.mark.parametrize("case", STREAM_CASES, ids=lambda c: c.key)
def test_list_of_a_store_the_user_is_not_in_is_404(
    case: StreamCase, agent_client: Client, store_b: Store
) -> None:
    case.create(store_b)
    assert agent_client.get(list_url(case.key, store_b)).status_code == 404


# (stream, factory, kwargs of the record that matches, of one that does not, query)
FILTER_CASES: list[tuple[str, Any, dict[str, Any], dict[str, Any], str]] = [
    ("inbox", ConversationFactory, {"status": "answered", "due_at": None}, {}, "status=answered"),
    ("inbox", ConversationFactory, {"intent": "wrong_item"}, {}, "intent=wrong_item"),
    ("claims", ClaimFactory, {"status": "granted"}, {}, "status=granted"),
    ("claims", ClaimFactory, {"reason": "not_as_described"}, {}, "reason=not_as_described"),
    ("claims", ClaimFactory, {"funded_by": "amazon"}, {}, "funded_by=amazon"),
    ("chargebacks", ChargebackFactory, {"status": "refunded"}, {}, "status=refunded"),
    ("chargebacks", ChargebackFactory, {"kind": "fraud"}, {}, "kind=fraud"),
    ("feedback", FeedbackFactory, {"rating": 5}, {}, "rating=5"),
    ("feedback", FeedbackFactory, {"status": "removed"}, {}, "status=removed"),
    ("feedback", FeedbackFactory, {"reply_status": "posted"}, {}, "reply=posted"),
    ("returns", ReturnFactory, {"status": "refunded"}, {}, "status=refunded"),
    ("returns", ReturnFactory, {"reason_code": "NO_LONGER_NEEDED"}, {}, "reason=NO_LONGER_NEEDED"),
    ("returns", ReturnFactory, {"fulfillment_channel": "AFN"}, {}, "channel=AFN"),
    ("reviews", ReviewFactory, {"rating": 5}, {}, "rating=5"),
    ("reviews", ReviewFactory, {"status": "responded"}, {}, "status=responded"),
    ("reviews", ReviewFactory, {"asin": "B0MATCH001"}, {}, "asin=B0MATCH001"),
    ("questions", QuestionFactory, {"status": "answered"}, {}, "status=answered"),
    ("questions", QuestionFactory, {"asin": "B0MATCH001"}, {}, "asin=B0MATCH001"),
    ("orders", OrderFactory, {"status": "Canceled"}, {}, "status=Canceled"),
    ("orders", OrderFactory, {"fulfillment_channel": "AFN"}, {}, "channel=AFN"),
]


@pytest.mark.parametrize(
    ("key", "factory", "match", "other", "query"),
    FILTER_CASES,
    ids=[f"{c[0]}-{c[4]}" for c in FILTER_CASES],
)
def test_filter(
    key: str,
    factory: Any,
    match: dict[str, Any],
    other: dict[str, Any],
    query: str,
    agent_client: Client,
    store_a: Store,
) -> None:
    hit = factory(store=store_a, **match)
    miss = factory(store=store_a, **other)
    everything = agent_client.get(list_url(key, store_a)).text
    assert shown(everything, key, store_a, hit, miss) == [True, True]
    filtered = agent_client.get(list_url(key, store_a, f"?{query}")).text
    assert shown(filtered, key, store_a, hit, miss) == [True, False]
    assert "(filtered)" in filtered
    # The chosen value is selected in the form.
    value = query.split("=", 1)[1]
    assert f'<option value="{value}" selected>' in filtered


def test_unknown_filter_value_is_ignored(agent_client: Client, store_a: Store) -> None:
    claims = [ClaimFactory(store=store_a, status=s) for s in ("granted", "denied")]
    page = agent_client.get(list_url("claims", store_a, "?status=bogus&reason=%27%20OR%201")).text
    assert shown(page, "claims", store_a, *claims) == [True, True]
    assert "(filtered)" not in page


def test_choice_filters_offer_only_the_stores_values(
    agent_client: Client, store_a: Store, store_b: Store
) -> None:
    ReviewFactory(store=store_a, asin="B0AAAAAAA1")
    ReviewFactory(store=store_b, asin="B0BBBBBBB2")
    ReturnFactory(store=store_b, reason_code="SECRET_CODE")
    page = agent_client.get(list_url("reviews", store_a)).text
    assert '<option value="B0AAAAAAA1">' in page
    assert "B0BBBBBBB2" not in page
    # Another store's value is not a valid choice here, so it does not filter.
    assert (
        "(filtered)" not in agent_client.get(list_url("reviews", store_a, "?asin=B0BBBBBBB2")).text
    )
    assert "SECRET_CODE" not in agent_client.get(list_url("returns", store_a)).text


@time_machine.travel(BASE_TIME, tick=False)
def test_inbox_clock_filter_and_badges(agent_client: Client, store_a: Store) -> None:
    store_a.response_due_soon_hours = 4
    store_a.save()
    overdue = ConversationFactory(store=store_a, due_at=BASE_TIME - timedelta(hours=2, minutes=5))
    soon = ConversationFactory(store=store_a, due_at=BASE_TIME + timedelta(hours=3))
    edge = ConversationFactory(store=store_a, due_at=BASE_TIME + timedelta(hours=4))
    later = ConversationFactory(store=store_a, due_at=BASE_TIME + timedelta(days=1, hours=5))
    answered = ConversationFactory(store=store_a, status="answered", due_at=None)
    everyone = (overdue, soon, edge, later, answered)

    def rows(query: str) -> list[bool]:
        return shown(
            agent_client.get(list_url("inbox", store_a, query)).text, "inbox", store_a, *everyone
        )

    assert rows("?clock=overdue") == [True, False, False, False, False]
    assert rows("?clock=due_soon") == [False, True, True, False, False]
    assert rows("?clock=on_time") == [False, False, False, True, False]

    page = agent_client.get(list_url("inbox", store_a)).text
    assert '<span class="badge badge-overdue" title="Overdue">Overdue 2h 5m</span>' in page
    assert '<span class="badge badge-due-soon" title="Due soon">3h 0m left</span>' in page
    assert '<span class="badge badge-on-time" title="On time">1d 5h left</span>' in page
    # The deadline in the store's zone (Los Angeles, PST after 1 November 2026).
    assert "due 2026-11-02 07:00 -08:00" in page
    # Default sort: the most urgent first, the answered one (no deadline) last.
    assert positions(page, "inbox", store_a, *everyone) == sorted(
        positions(page, "inbox", store_a, *everyone)
    )


def test_inbox_due_soon_follows_the_store_setting(agent_client: Client, store_a: Store) -> None:
    store_a.response_due_soon_hours = 1
    store_a.save()
    with time_machine.travel(BASE_TIME, tick=False):
        convo = ConversationFactory(store=store_a, due_at=BASE_TIME + timedelta(hours=3))
        page = agent_client.get(list_url("inbox", store_a, "?clock=due_soon")).text
        assert shown(page, "inbox", store_a, convo) == [False]
        page = agent_client.get(list_url("inbox", store_a, "?clock=on_time")).text
        assert shown(page, "inbox", store_a, convo) == [True]


def test_inbox_assigned_to_me(client: Client, agent_a: User, owner_a: User, store_a: Store) -> None:
    client.force_login(agent_a)
    mine = ConversationFactory(store=store_a, assigned_to=agent_a)
    owners = ConversationFactory(store=store_a, assigned_to=owner_a)
    nobodys = ConversationFactory(store=store_a)
    page = client.get(list_url("inbox", store_a, "?mine=1")).text
    assert shown(page, "inbox", store_a, mine, owners, nobodys) == [True, False, False]
    assert 'name="mine" value="1" checked' in page


def test_search_matches_every_word(agent_client: Client, store_a: Store) -> None:
    alisa = ConversationFactory(store=store_a, buyer_name="Alisa Moreno", subject="Broken lid")
    bob = ConversationFactory(store=store_a, buyer_name="Bob Stone", subject="Broken handle")
    page = agent_client.get(list_url("inbox", store_a, "?q=broken")).text
    assert shown(page, "inbox", store_a, alisa, bob) == [True, True]
    page = agent_client.get(list_url("inbox", store_a, "?q=BROKEN+alisa")).text
    assert shown(page, "inbox", store_a, alisa, bob) == [True, False]
    page = agent_client.get(list_url("inbox", store_a, f"?q={bob.amazon_order_id}")).text
    assert shown(page, "inbox", store_a, alisa, bob) == [False, True]
    page = agent_client.get(list_url("inbox", store_a, "?q=nobody-like-this")).text
    assert "No conversations match these filters." in page


def test_search_by_sku_on_returns(agent_client: Client, store_a: Store) -> None:
    hit = ReturnFactory(store=store_a, sku="BOTTLE-RED")
    miss = ReturnFactory(store=store_a, sku="BOTTLE-BLUE")
    page = agent_client.get(list_url("returns", store_a, "?q=red")).text
    assert shown(page, "returns", store_a, hit, miss) == [True, False]


def test_sort_by_column_both_ways(agent_client: Client, store_a: Store) -> None:
    cheap = ClaimFactory(store=store_a, amount="5.00", filed_at=BASE_TIME)
    dear = ClaimFactory(store=store_a, amount="500.00", filed_at=BASE_TIME - timedelta(days=2))
    middle = ClaimFactory(store=store_a, amount="50.00", filed_at=BASE_TIME - timedelta(days=1))

    def order(query: str) -> list[int]:
        page = agent_client.get(list_url("claims", store_a, query)).text
        found = positions(page, "claims", store_a, cheap, middle, dear)
        return [sorted(found).index(p) for p in found]

    assert order("") == [0, 1, 2]  # default: newest filed first
    assert order("?sort=amount") == [0, 1, 2]
    assert order("?sort=-amount") == [2, 1, 0]
    assert order("?sort=filed") == [2, 1, 0]

    page = agent_client.get(list_url("claims", store_a, "?sort=amount&status=action_required")).text
    # The active column toggles to descending and keeps the filter; others sort ascending.
    assert 'href="?status=action_required&amp;sort=-amount"' in page
    assert 'aria-sort="ascending"' in page
    assert 'href="?status=action_required&amp;sort=due"' in page
    # The sort travels with the filter form.
    assert 'name="sort" value="amount" form="list-filters"' in page


def test_unknown_sort_key_is_rejected_for_the_default(agent_client: Client, store_a: Store) -> None:
    older = ClaimFactory(store=store_a, filed_at=BASE_TIME - timedelta(days=1), amount="1.00")
    newer = ClaimFactory(store=store_a, filed_at=BASE_TIME, amount="2.00")
    for bad in ("store__name", "-notes", "password", "amount__gt", "--amount", "-"):
        response = agent_client.get(list_url("claims", store_a, f"?sort={bad}"))
        assert response.status_code == 200, bad
        first, second = positions(response.text, "claims", store_a, newer, older)
        assert first < second, bad  # the default order: newest filed first
        assert 'name="sort" value=""' in response.text, bad


def test_pagination(agent_client: Client, store_a: Store, settings: Settings) -> None:
    settings.SELLERDESK_PAGE_SIZE = 2
    orders = [
        OrderFactory(store=store_a, purchase_date=BASE_TIME - timedelta(hours=n)) for n in range(5)
    ]
    seen: list[bool] = [False] * 5
    for number, summary in [(1, "1\u20132 of 5"), (2, "3\u20134 of 5"), (3, "5\u20135 of 5")]:
        page = agent_client.get(list_url("orders", store_a, f"?page={number}")).text
        assert summary in page
        here = shown(page, "orders", store_a, *orders)
        assert sum(here) == (2 if number < 3 else 1)
        assert not any(a and b for a, b in zip(seen, here, strict=True))  # no overlap
        seen = [a or b for a, b in zip(seen, here, strict=True)]
    assert all(seen)

    page = agent_client.get(list_url("orders", store_a, "?page=2&channel=MFN")).text
    assert 'href="?channel=MFN&amp;page=3"' in page  # pager keeps the filter
    assert 'href="?channel=MFN"' in page  # page 1 without a page number
    # Out of range and nonsense page numbers give the nearest page, not an error.
    assert "5\u20135 of 5" in agent_client.get(list_url("orders", store_a, "?page=99")).text
    assert "1\u20132 of 5" in agent_client.get(list_url("orders", store_a, "?page=abc")).text


def test_empty_list(agent_client: Client, store_a: Store) -> None:
    page = agent_client.get(list_url("chargebacks", store_a)).text
    assert "No chargebacks yet." in page


def test_htmx_gets_the_results_fragment(agent_client: Client, store_a: Store) -> None:
    claim = ClaimFactory(store=store_a, status="granted")
    response = agent_client.get(
        list_url("claims", store_a, "?q=&status=granted&reason=&funded_by=&sort="),
        headers={"HX-Request": "true", "HX-Target": "results"},
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert '<table class="records">' in response.text
    assert shown(response.text, "claims", store_a, claim) == [True]
    # The address bar gets the canonical URL, without the empty parameters.
    assert response["HX-Push-Url"] == list_url("claims", store_a, "?status=granted")
    assert "HX-Request" in response["Vary"]

    # A history restore needs the whole page.
    response = agent_client.get(
        list_url("claims", store_a),
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.text


def test_filter_form_works_with_htmx_and_without(agent_client: Client, store_a: Store) -> None:
    page = agent_client.get(list_url("inbox", store_a)).text
    path = list_url("inbox", store_a)
    assert f'<form id="list-filters" class="filters" method="get" action="{path}"' in page
    assert f'hx-get="{path}" hx-target="#results" hx-push-url="true"' in page
    assert '<button type="submit" class="btn">Apply</button>' in page


def test_datetimes_in_the_store_time_zone(
    client: Client, agent_a: User, store_a: Store, store_b: Store
) -> None:
    from tests.factories import MembershipFactory

    MembershipFactory(user=agent_a, store=store_b)
    client.force_login(agent_a)
    ClaimFactory(store=store_a, filed_at=BASE_TIME)
    ClaimFactory(store=store_b, filed_at=BASE_TIME)
    assert "2026-11-02 04:00 -08:00" in client.get(list_url("claims", store_a)).text
    assert "2026-11-02 13:00 +01:00" in client.get(list_url("claims", store_b)).text


def test_buyer_text_is_escaped_in_lists(agent_client: Client, store_a: Store) -> None:
    ConversationFactory(store=store_a, buyer_name="<script>alert(1)</script>")
    FeedbackFactory(store=store_a, comment="<img src=x onerror=alert(2)>")
    inbox = agent_client.get(list_url("inbox", store_a)).text
    assert "<script>alert(1)</script>" not in inbox
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in inbox
    feedback = agent_client.get(list_url("feedback", store_a)).text
    assert "<img src=x" not in feedback
    assert "&lt;img src=x onerror=alert(2)&gt;" in feedback


def test_lists_refuse_post(agent_client: Client, store_a: Store) -> None:
    assert agent_client.post(list_url("claims", store_a)).status_code == 405


def test_list_query_count_does_not_grow_with_rows(
    agent_client: Client, store_a: Store, django_assert_max_num_queries: Any
) -> None:
    for _ in range(20):
        ConversationFactory(store=store_a)
    with django_assert_max_num_queries(12):
        agent_client.get(list_url("inbox", store_a))


def test_store_home_redirects_to_the_dashboard(
    agent_client: Client, store_a: Store, store_b: Store
) -> None:
    response = agent_client.get(reverse("store_home", kwargs={"store_id": store_a.pk}))
    assert response["Location"] == reverse("health", kwargs={"store_id": store_a.pk})
    assert (
        agent_client.get(reverse("store_home", kwargs={"store_id": store_b.pk})).status_code == 404
    )
