"""The desk's product reviews CSV (docs/examples/reviews.csv)."""

from __future__ import annotations

from datetime import date

import pytest

from sellerdesk.imports.errors import ImportRefused
from sellerdesk.reviews.importers import ReviewsImporter, derived_key
from sellerdesk.reviews.models import Review
from tests.factories import StoreFactory
from tests.import_support import ENCODINGS, EXAMPLES, counts, run, text_of, write, write_gz

FILE = EXAMPLES / "reviews.csv"
CSV = text_of(FILE)


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Reviews Store", marketplace="US", timezone="America/Los_Angeles")


def test_imports(store) -> None:  # type: ignore[no-untyped-def]
    assert counts(run(ReviewsImporter(store), FILE)) == (3, 3, 0, 0)
    leak = Review.objects.get(review_id="R2XK8Q3P1M0ZTA")
    assert (leak.asin, leak.sku, leak.rating, leak.title) == (
        "B07XJ8C8F5", "BH-BOTTLE-750", 2, "Lid leaks",
    )  # fmt: skip
    assert leak.body == "The bottle keeps drinks cold, but the lid leaks after a week."
    assert (leak.author, leak.reviewed_on, leak.verified_purchase) == (
        "Dana R.", date(2026, 11, 4), True,
    )  # fmt: skip
    assert (leak.amazon_order_id, leak.status, leak.source) == (
        "111-0944945-3989852",
        "new",
        "import",
    )
    lid = Review.objects.get(asin="B09ABCDE12")
    assert lid.review_id == derived_key("B09ABCDE12", "Kim", "2026-11-09", "Fits most pans")
    assert lid.body == 'Fits my 10" and 12" pans, not the wok.'
    assert lid.verified_purchase is False


def test_twice_changes_nothing_even_without_review_ids(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run(ReviewsImporter(store), FILE)
    before = list(Review.objects.values().order_by("id"))
    assert counts(run(ReviewsImporter(store), FILE)) == (3, 0, 0, 3)
    assert list(Review.objects.values().order_by("id")) == before
    # The derived key ignores case and spacing: a re-typed sheet is the same review.
    retyped = CSV.replace(",Kim,", ",  kim ,").replace("Fits most pans", "Fits  most pans")
    assert counts(run(ReviewsImporter(store), write(tmp_path, "r.csv", retyped)))[1] == 0


def test_desk_fields_survive(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run(ReviewsImporter(store), FILE)
    Review.objects.filter(review_id="R2XK8Q3P1M0ZTA").update(status="responded", response="Sorry")
    edited = CSV.replace(",2,Lid leaks,", ",1,Lid leaks,")
    assert counts(run(ReviewsImporter(store), write(tmp_path, "r.csv", edited))) == (3, 0, 1, 2)
    review = Review.objects.get(review_id="R2XK8Q3P1M0ZTA")
    assert (review.rating, review.status, review.response) == (1, "responded", "Sorry")


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
def test_encodings(store, tmp_path, encoding, bom) -> None:  # type: ignore[no-untyped-def]
    text = CSV.replace("Heavy and even", "Schwer und gleichmäßig \u2013 top")
    result = run(ReviewsImporter(store), write(tmp_path, "r.csv", text, encoding, bom))
    assert result.counts.created == 3
    assert Review.objects.filter(title="Schwer und gleichmäßig \u2013 top").exists()


def test_shift_jis_for_japan(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Tokyo", marketplace="JP", timezone="Asia/Tokyo", currency="JPY")
    text = CSV.replace("Heavy and even", "重くて均一").replace(",M. Okafor,", ",山田,")
    result = run(ReviewsImporter(store), write(tmp_path, "r.csv", text, "shift_jis"))
    assert result.encoding in {"cp932", "shift_jis"}
    assert Review.objects.get(title="重くて均一").author == "山田"


def test_gzip(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert run(ReviewsImporter(store), write_gz(tmp_path, "r.csv.gz", CSV)).counts.created == 3


def test_missing_column_is_named(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = CSV.replace(",rating,", ",score,", 1)
    with pytest.raises(ImportRefused) as caught:
        run(ReviewsImporter(store), write(tmp_path, "r.csv", text))
    assert str(caught.value) == "r.csv:1: missing columns: rating"
    assert Review.objects.count() == 0


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (",5,Heavy", ",five,Heavy", "r.csv:3:4: column rating: not a whole number: 'five'"),
        (",5,Heavy", ",0,Heavy", "r.csv:3:4: column rating: not a rating from 1 to 5: '0'"),
        (",yes,\n", ",maybe,\n", "r.csv:3:9: column verified-purchase: not true or false: 'maybe'"),
        ("2026-11-09", "2026-02-30", "r.csv:4:8: column reviewed-on: not a date: '2026-02-30'"),
    ],
)  # fmt: skip
def test_bad_value_refuses_the_whole_file(store, tmp_path, old, new, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportRefused) as caught:
        run(ReviewsImporter(store), write(tmp_path, "r.csv", CSV.replace(old, new)))
    assert str(caught.value) == message
    assert Review.objects.count() == 0
