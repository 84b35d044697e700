"""The import page: upload a report, see its counts or its refusal, and the history."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from sellerdesk.accounts.models import User
from sellerdesk.cli.main import main
from sellerdesk.feedback.models import Feedback
from sellerdesk.imports import views as import_views
from sellerdesk.imports.models import ImportRun
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store
from tests.web_support import FAST_HASHERS

ORDERS = Path(__file__).parent / "data" / "reports" / "orders_us.tsv"
ORDER_IDS = {"111-0944945-3989852", "112-5551234-7654321"}  # three rows, two orders
# Amazon's seller feedback report (GET_SELLER_FEEDBACK_DATA): a second kind.
FEEDBACK = (
    "Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n"
    "11/3/26\t1\tNever arrived.\t\t111-0944945-3989852\tk8x2mq9tj4sv1hz@marketplace.amazon.com\n"
    "11/4/26\t2\tShipping took 12 days.\tSorry!\t112-5551234-7654321\t\n"
)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


def imports_url(store: Store, query: str = "") -> str:
    return reverse("imports", kwargs={"store_id": store.pk}) + query


def signed_in(user: User, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def upload(client: Client, store: Store, kind: str, name: str, content: bytes) -> Any:
    """POST the import form as a browser does (multipart): ``kind`` and the file."""
    return client.post(
        imports_url(store), {"kind": kind, "file": SimpleUploadedFile(name, content)}
    )


def counts(html: str) -> dict[str, str]:
    """The result card's figures: rows, created, updated, unchanged, encoding."""
    return dict(re.findall(r'<dd data-count="(\w+)">([^<]*)</dd>', html))


def leftovers() -> list[Path]:
    """Whatever uploads left under SELLERDESK_HOME/uploads."""
    root = Path(settings.HOME) / "uploads"
    return sorted(root.rglob("*")) if root.exists() else []


def test_an_agent_uploads_the_orders_report(agent_a: User, store_a: Store) -> None:
    client = signed_in(agent_a)
    response = upload(client, store_a, "orders", "orders_us.tsv", ORDERS.read_bytes())

    assert response.status_code == 200
    html = response.content.decode()
    assert counts(html) == {
        "rows": "3",
        "created": "3",
        "updated": "0",
        "unchanged": "0",
        "encoding": "utf-8",
    }
    assert 'Imported <span class="mono">orders_us.tsv</span> as orders' in html
    assert set(Order.objects.filter(store=store_a).values_list("amazon_order_id", flat=True)) == (
        ORDER_IDS
    )
    run = ImportRun.objects.get()
    assert (run.store, run.kind, run.filename, run.source, run.user) == (
        store_a, "orders", "orders_us.tsv", "upload", agent_a,
    )  # fmt: skip
    assert (run.status, run.rows, run.created) == ("succeeded", 3, 3)
    assert leftovers() == []


def test_the_same_file_twice_is_unchanged(agent_a: User, store_a: Store) -> None:
    client = signed_in(agent_a)
    upload(client, store_a, "orders", "orders_us.tsv", ORDERS.read_bytes())
    before = list(Order.objects.values().order_by("pk"))

    response = upload(client, store_a, "orders", "orders_us.tsv", ORDERS.read_bytes())

    assert response.status_code == 200
    assert counts(response.content.decode()) == {
        "rows": "3",
        "created": "0",
        "updated": "0",
        "unchanged": "3",
        "encoding": "utf-8",
    }
    assert list(Order.objects.values().order_by("pk")) == before
    assert ImportRun.objects.filter(status="succeeded").count() == 2


def test_an_owner_uploads_the_feedback_report(owner_a: User, store_a: Store) -> None:
    client = signed_in(owner_a)
    upload(client, store_a, "orders", "orders_us.tsv", ORDERS.read_bytes())
    response = upload(client, store_a, "feedback", "feedback.tsv", FEEDBACK.encode())

    assert response.status_code == 200
    assert counts(response.content.decode())["created"] == "2"
    left = Feedback.objects.filter(store=store_a).order_by("rating")
    assert [(f.amazon_order_id, f.rating) for f in left] == [
        ("111-0944945-3989852", 1),
        ("112-5551234-7654321", 2),
    ]
    # Linked to the orders the first upload brought in.
    assert all(f.order is not None for f in left)
    assert ImportRun.objects.filter(kind="feedback", source="upload", user=owner_a).count() == 1


def test_a_bad_file_shows_the_clis_message_and_writes_nothing(
    agent_a: User, store_a: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ORDERS.read_text().splitlines(keepends=True)
    # Line 3, column 3 (purchase-date) of the second order: not a date.
    cells = lines[2].split("\t")
    cells[2] = "the day after tomorrow"
    lines[2] = "\t".join(cells)
    bad = "".join(lines).encode()
    expected = "orders_bad.tsv:3:3: column purchase-date: not a date: 'the day after tomorrow'"

    response = upload(signed_in(agent_a), store_a, "orders", "orders_bad.tsv", bad)

    assert response.status_code == 422
    html = response.content.decode()
    assert f'<pre class="import-error" id="import-refusal">{expected}</pre>' in html.replace(
        "&#x27;", "'"
    )
    assert "Nothing was imported" in html
    assert not Order.objects.exists()  # not even the good first row
    run = ImportRun.objects.get()
    assert (run.status, run.error, run.rows, run.source) == ("failed", expected, 0, "upload")
    assert leftovers() == []

    # The CLI says the same of the same file.
    path = tmp_path / "orders_bad.tsv"
    path.write_bytes(bad)
    assert main(["import", "orders", str(path), "--store", store_a.name]) == 2
    assert capsys.readouterr().err.strip() == f"sellerdesk: error: {expected}"


def test_the_file_goes_through_sellerdesk_home_and_is_deleted(
    agent_a: User, store_a: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[Path, bytes]] = []
    real: Callable[..., Any] = import_views.import_upload

    def spy(**kwargs: Any) -> Any:
        seen.append((kwargs["path"], kwargs["path"].read_bytes()))
        return real(**kwargs)

    monkeypatch.setattr(import_views, "import_upload", spy)
    upload(signed_in(agent_a), store_a, "orders", "orders_us.tsv", ORDERS.read_bytes())

    [(path, content)] = seen
    assert path.name == "orders_us.tsv"
    assert path.parent.parent == Path(settings.HOME) / "uploads"
    assert content == ORDERS.read_bytes()
    assert not path.exists()
    assert leftovers() == []


def test_a_file_over_the_limit_is_refused_without_importing(
    agent_a: User, store_a: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_views.Imports, "upload_limit", 1024 * 1024)
    big = ORDERS.read_bytes() + b"x" * (1024 * 1024)

    response = upload(signed_in(agent_a), store_a, "orders", "orders_us.tsv", big)

    assert response.status_code == 400
    assert "The file is larger than 1 MB" in response.content.decode()
    assert not ImportRun.objects.exists()
    assert not Order.objects.exists()
    assert leftovers() == []


def test_the_form_needs_a_known_kind_and_a_file(agent_a: User, store_a: Store) -> None:
    client = signed_in(agent_a)
    response = upload(client, store_a, "invoices", "orders_us.tsv", ORDERS.read_bytes())
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()

    response = client.post(imports_url(store_a), {"kind": "orders"})
    assert response.status_code == 400
    assert "Choose a file to import." in response.content.decode()
    assert not ImportRun.objects.exists()
    assert leftovers() == []


def test_the_form_offers_every_registered_kind_with_its_description(
    agent_a: User, store_a: Store
) -> None:
    from sellerdesk.imports.registry import IMPORTERS, importer_for

    html = signed_in(agent_a).get(imports_url(store_a)).content.decode()
    for kind in IMPORTERS:
        description = importer_for(kind).description
        assert description
        assert f'<option value="{kind}">{kind} — ' in html
        assert description.replace("'", "&#x27;") in html


def test_uploads_need_the_csrf_token(agent_a: User, store_a: Store) -> None:
    client = signed_in(agent_a, enforce_csrf_checks=True)
    page = client.get(imports_url(store_a))
    token = page.cookies[settings.CSRF_COOKIE_NAME].value

    refused = client.post(
        imports_url(store_a),
        {"kind": "orders", "file": SimpleUploadedFile("orders_us.tsv", ORDERS.read_bytes())},
    )
    assert refused.status_code == 403
    assert not ImportRun.objects.exists()
    assert leftovers() == []

    accepted = client.post(
        imports_url(store_a),
        {
            "kind": "orders",
            "file": SimpleUploadedFile("orders_us.tsv", ORDERS.read_bytes()),
            "csrfmiddlewaretoken": token,
        },
    )
    assert accepted.status_code == 200
    assert ImportRun.objects.filter(status="succeeded").count() == 1


def test_a_viewer_sees_the_history_but_may_not_upload(viewer_a: User, store_a: Store) -> None:
    ImportRun.objects.create(
        store=store_a, kind="orders", filename="orders-october.tsv", sha256="0" * 64, size=10,
        source="file", status="succeeded", rows=7, created=7, started_at=timezone.now(),
        finished_at=timezone.now(),
    )  # fmt: skip
    client = signed_in(viewer_a)

    page = client.get(imports_url(store_a))
    assert page.status_code == 200
    html = page.content.decode()
    assert "orders-october.tsv" in html
    assert 'enctype="multipart/form-data"' not in html
    assert "Only agents and owners can import files." in html

    response = upload(client, store_a, "orders", "orders_us.tsv", ORDERS.read_bytes())
    assert response.status_code == 403
    assert not Order.objects.exists()
    assert ImportRun.objects.count() == 1
    assert leftovers() == []


def test_history_lists_the_stores_runs(
    agent_a: User, store_a: Store, store_b: Store, settings: Settings
) -> None:
    settings.SELLERDESK_PAGE_SIZE = 2
    client = signed_in(agent_a)
    upload(client, store_a, "orders", "orders_us.tsv", ORDERS.read_bytes())
    upload(client, store_a, "orders", "broken.tsv", b"amazon-order-id\tpurchase-date\n")
    ImportRun.objects.create(
        store=store_a, kind="feedback", filename="from-the-cli.tsv", sha256="0" * 64, size=10,
        source="file", status="succeeded", rows=1, unchanged=1,
        started_at=timezone.now(), finished_at=timezone.now(),
    )  # fmt: skip
    ImportRun.objects.create(
        store=store_b, kind="orders", filename="zebra-store-b.tsv", sha256="0" * 64, size=10,
        source="upload", status="succeeded", started_at=timezone.now(),
        finished_at=timezone.now(),
    )  # fmt: skip

    first = client.get(imports_url(store_a)).content.decode()
    assert "1\u20132 of 3" in first
    assert "from-the-cli.tsv" in first
    assert "Command line" in first
    assert "broken.tsv" in first
    broken = ImportRun.objects.get(filename="broken.tsv")
    assert broken.status == "failed"
    assert broken.error.startswith("broken.tsv")
    assert broken.error in first
    assert "zebra-store-b.tsv" not in first

    # The second page, as htmx asks for it: the results only.
    second = client.get(
        imports_url(store_a, "?page=2"), headers={"HX-Request": "true", "HX-Target": "results"}
    ).content.decode()
    assert "<html" not in second
    assert "orders_us.tsv" in second
    assert "3 rows: 3 created, 0 updated, 0 unchanged" in second
    assert agent_a.email in second

    failed = client.get(imports_url(store_a, "?status=failed")).content.decode()
    assert "broken.tsv" in failed
    assert "orders_us.tsv" not in failed


def test_the_page_is_linked_from_store_settings(agent_a: User, store_a: Store) -> None:
    html = signed_in(agent_a).get(reverse("store_settings", args=[store_a.pk])).content.decode()
    assert f'href="{imports_url(store_a)}"' in html


def test_a_crashed_uploads_leftovers_are_swept_by_a_later_upload(
    agent_a: User, store_a: Store
) -> None:
    root = Path(settings.HOME) / "uploads"
    stale = root / "upload-crashed"
    stale.mkdir(parents=True)
    (stale / "orders.tsv").write_text("left behind")
    day_and_more = timezone.now().timestamp() - 25 * 3600
    os.utime(stale, (day_and_more, day_and_more))
    fresh = root / "upload-running"  # another request's, importing right now
    fresh.mkdir()

    upload(signed_in(agent_a), store_a, "orders", "orders_us.tsv", ORDERS.read_bytes())

    assert not stale.exists()
    assert fresh.exists()
    fresh.rmdir()
