"""The desk's customer questions CSV (docs/examples/questions.csv)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sellerdesk.imports.errors import ImportRefused
from sellerdesk.questions.importers import QuestionsImporter
from sellerdesk.questions.models import Question
from tests.factories import StoreFactory
from tests.import_support import ENCODINGS, EXAMPLES, counts, run, text_of, write, write_gz

FILE = EXAMPLES / "questions.csv"
CSV = text_of(FILE)


@pytest.fixture
def store(db):  # type: ignore[no-untyped-def]
    return StoreFactory(name="Questions Store", marketplace="US", timezone="America/Los_Angeles")


def test_imports(store) -> None:  # type: ignore[no-untyped-def]
    assert counts(run(QuestionsImporter(store), FILE)) == (3, 3, 0, 0)
    answered = Question.objects.get(question_id="Tx3KQ9V0B1A2C3")
    assert (answered.asin, answered.asker, answered.status) == ("B07XJ8C8F5", "Sam", "answered")
    assert answered.answer == "The bottle is, the lid is hand-wash only."
    assert answered.asked_at == datetime(2026, 11, 2, 18, 15, tzinfo=UTC)
    assert answered.answered_at == datetime(2026, 11, 3, 0, 40, tzinfo=UTC)
    open_question = Question.objects.get(question_id="Tx7PL2M4N6R8S0")
    assert (open_question.status, open_question.answer, open_question.answered_at) == (
        "unanswered", "", None,
    )  # fmt: skip
    derived = Question.objects.get(asin="B09ABCDE12")
    assert derived.question_id.startswith("sd-")
    assert derived.asked_at == datetime(2026, 11, 7, 8, 0, tzinfo=UTC)


def test_twice_changes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    run(QuestionsImporter(store), FILE)
    before = list(Question.objects.values().order_by("id"))
    assert counts(run(QuestionsImporter(store), FILE)) == (3, 0, 0, 3)
    assert list(Question.objects.values().order_by("id")) == before


def test_an_empty_answer_keeps_the_desks(store) -> None:  # type: ignore[no-untyped-def]
    run(QuestionsImporter(store), FILE)
    Question.objects.filter(question_id="Tx7PL2M4N6R8S0").update(
        status="answered", answer="Yes, it works on induction."
    )
    Question.objects.filter(asin="B09ABCDE12").update(status="dismissed")
    assert counts(run(QuestionsImporter(store), FILE)) == (3, 0, 0, 3)
    assert (
        Question.objects.get(question_id="Tx7PL2M4N6R8S0").answer == "Yes, it works on induction."
    )
    assert Question.objects.get(asin="B09ABCDE12").status == "dismissed"


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS)
def test_encodings(store, tmp_path, encoding, bom) -> None:  # type: ignore[no-untyped-def]
    text = CSV.replace(
        "Does the pan work on induction hobs?",
        "Funktioniert die Pfanne auf Induktion \u2013 auch ältere?",
    )
    result = run(QuestionsImporter(store), write(tmp_path, "q.csv", text, encoding, bom))
    assert result.counts.created == 3
    assert Question.objects.filter(text__startswith="Funktioniert die Pfanne").exists()


def test_shift_jis_for_japan(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = StoreFactory(name="Tokyo", marketplace="JP", timezone="Asia/Tokyo", currency="JPY")
    text = CSV.replace("Is the bottle dishwasher safe?", "食洗機で洗えますか\uff1f")
    result = run(QuestionsImporter(store), write(tmp_path, "q.csv", text, "shift_jis"))
    assert result.encoding in {"cp932", "shift_jis"}
    question = Question.objects.get(text="食洗機で洗えますか\uff1f")
    assert question.asked_at == datetime(2026, 11, 2, 1, 15, tzinfo=UTC)  # 10:15 in Tokyo


def test_gzip(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert run(QuestionsImporter(store), write_gz(tmp_path, "q.csv.gz", CSV)).counts.created == 3


def test_missing_column_is_named(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = CSV.replace(",text,", ",question_text,", 1)
    with pytest.raises(ImportRefused) as caught:
        run(QuestionsImporter(store), write(tmp_path, "q.csv", text))
    assert str(caught.value) == "q.csv:1: missing columns: text"
    assert Question.objects.count() == 0


def test_bad_value_refuses_the_whole_file(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = CSV.replace("2026-11-05 08:00", "2026-11-05 25:00")
    with pytest.raises(ImportRefused) as caught:
        run(QuestionsImporter(store), write(tmp_path, "q.csv", text))
    assert str(caught.value) == "q.csv:3:4: column asked-at: not a time: '2026-11-05 25:00'"
    text = CSV.replace(",B09ABCDE12,", ",B09ABCDE12XYZ,")
    with pytest.raises(ImportRefused) as caught:
        run(QuestionsImporter(store), write(tmp_path, "q.csv", text))
    assert str(caught.value) == "q.csv:4:2: column asin: not an ASIN: 'B09ABCDE12XYZ'"
    assert Question.objects.count() == 0
