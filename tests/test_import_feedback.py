"""The seller feedback report (GET_SELLER_FEEDBACK_DATA)."""

from __future__ import annotations

from datetime import date

import pytest

from sellerdesk.feedback.importers import FeedbackImporter
from sellerdesk.feedback.models import Feedback
from sellerdesk.imports.errors import ImportRefused
from sellerdesk.imports.models import ImportRun
from tests.factories import OrderFactory, StoreFactory
from tests.import_support import ENCODINGS, REPORTS, counts, run, text_of, write, write_gz

FILE = REPORTS / "feedback_us.tsv"
US = text_of(FILE)


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Feedback Store", marketplace="US", timezone="America/Los_Angeles")


def test_imports_and_links_orders(store) -> None:  # type: ignore[no-untyped-def]
    order = OrderFactory(store=store, amazon_order_id="111-0944945-3989852")
    result = run(FeedbackImporter(store), FILE)
    assert counts(result) == (3, 3, 0, 0)
    first = Feedback.objects.get(amazon_order_id="111-0944945-3989852")
    assert (first.left_on, first.rating, first.order_id) == (date(2026, 11, 3), 1, order.pk)
    assert first.comment == "Never arrived. Seller did not answer my messages."
    assert first.rater_email == "k8x2mq9tj4sv1hz@marketplace.amazon.com"
    assert (first.status, first.reply_status, first.source) == ("active", "none", "import")
    answered = Feedback.objects.get(amazon_order_id="112-5551234-7654321")
    assert answered.reply_status == "posted"
    assert answered.your_response.startswith("We are sorry for the delay")
    assert Feedback.objects.get(amazon_order_id="113-2223334-4445556").left_on == date(2026, 11, 12)


def test_twice_changes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    run(FeedbackImporter(store), FILE)
    before = list(Feedback.objects.values().order_by("id"))
    assert counts(run(FeedbackImporter(store), FILE)) == (3, 0, 0, 3)
    assert list(Feedback.objects.values().order_by("id")) == before


def test_desk_status_survives_and_a_later_order_is_linked(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run(FeedbackImporter(store), FILE)
    Feedback.objects.filter(amazon_order_id="111-0944945-3989852").update(
        status="removal_requested"
    )
    order = OrderFactory(store=store, amazon_order_id="111-0944945-3989852")
    edited = US.replace("\t1\tNever arrived.", "\t2\tNever arrived.")
    result = run(FeedbackImporter(store), write(tmp_path, "fb.tsv", edited))
    assert counts(result) == (3, 0, 1, 2)
    feedback = Feedback.objects.get(amazon_order_id="111-0944945-3989852")
    assert (feedback.status, feedback.rating, feedback.order_id) == (
        "removal_requested", 2, order.pk,
    )  # fmt: skip


def test_day_first_marketplace(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="DE", marketplace="DE", timezone="Europe/Berlin", currency="EUR")
    text = (
        US.replace("11/3/26", "3/11/26")
        .replace("11/4/26", "4/11/26")
        .replace("11/12/26", "12.11.2026")
    )
    run(FeedbackImporter(store), write(tmp_path, "fb_de.tsv", text))
    dates = sorted(Feedback.objects.values_list("left_on", flat=True))
    assert dates == [date(2026, 11, 3), date(2026, 11, 4), date(2026, 11, 12)]


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
def test_encodings(store, tmp_path, encoding, bom) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("box was dented", "Karton war eingedrückt, schade €")
    result = run(FeedbackImporter(store), write(tmp_path, "fb.tsv", text, encoding, bom))
    assert result.counts.created == 3
    assert result.encoding == ("utf-8-sig" if bom else encoding)
    assert Feedback.objects.filter(comment="OK product, Karton war eingedrückt, schade €.").exists()


def test_shift_jis_for_japan(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Tokyo", marketplace="JP", timezone="Asia/Tokyo", currency="JPY")
    text = (
        US.replace("11/3/26", "2026/11/03").replace("11/4/26", "2026/11/04")
        .replace("11/12/26", "2026/11/12")
        .replace("OK product, box was dented.", "箱がへこんでいました。")
    )  # fmt: skip
    result = run(FeedbackImporter(store), write(tmp_path, "fb_jp.txt", text, "shift_jis"))
    assert result.encoding in {"cp932", "shift_jis"}
    feedback = Feedback.objects.get(comment="箱がへこんでいました。")
    assert feedback.left_on == date(2026, 11, 12)


def test_gzip(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert run(FeedbackImporter(store), write_gz(tmp_path, "fb.tsv.gz", US)).counts.created == 3


def test_missing_column_is_named(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = US.replace("\tOrder ID\t", "\tOrder\t")
    with pytest.raises(ImportRefused) as caught:
        run(FeedbackImporter(store), write(tmp_path, "fb.tsv", text))
    assert str(caught.value) == "fb.tsv:1: missing columns: Order ID"
    assert Feedback.objects.count() == 0
    assert ImportRun.objects.get().status == "failed"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("11/12/26\t3", "11/31/26\t3", "fb.tsv:4:1: column date: not a date: '11/31/26'"),
        ("11/12/26\t3", "11/12/26\t6", "fb.tsv:4:2: column rating: not a rating from 1 to 5: '6'"),
        ("11/12/26\t3", "11/12/26\tbad", "fb.tsv:4:2: column rating: not a whole number: 'bad'"),
    ],
)
def test_bad_value_refuses_the_whole_file(store, tmp_path, old, new, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportRefused) as caught:
        run(FeedbackImporter(store), write(tmp_path, "fb.tsv", US.replace(old, new)))
    assert str(caught.value) == message
    assert Feedback.objects.count() == 0
