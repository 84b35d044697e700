"""Every import kind through `sellerdesk import KIND FILE --store NAME --json`."""

from __future__ import annotations

import json

import pytest

from sellerdesk.cli.main import main
from sellerdesk.imports.registry import IMPORTERS, importer_for
from tests.factories import StoreFactory
from tests.import_support import EXAMPLES, REPORTS

FILES = {
    "orders": REPORTS / "orders_us.tsv",
    "feedback": REPORTS / "feedback_us.tsv",
    "returns": REPORTS / "returns_us.tsv",
    "fba-returns": REPORTS / "fba_returns_us.tsv",
    "settlement": REPORTS / "settlement_us.tsv",
    "performance": REPORTS / "performance_us.json",
    "claims": EXAMPLES / "claims.csv",
    "chargebacks": EXAMPLES / "chargebacks.csv",
    "reviews": EXAMPLES / "reviews.csv",
    "questions": EXAMPLES / "questions.csv",
}


def test_every_kind_is_registered_under_its_name() -> None:
    assert set(IMPORTERS) == set(FILES)
    for kind in IMPORTERS:
        assert importer_for(kind).kind == kind


@pytest.mark.parametrize("kind", sorted(FILES))
def test_cli_imports_each_kind_once(db, capsys, kind) -> None:  # type: ignore[no-untyped-def]
    StoreFactory(name="CLI Store", marketplace="US", timezone="America/Los_Angeles")
    args = ["import", kind, str(FILES[kind]), "--store", "CLI Store", "--json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["kind"] == kind
    assert first["rows"] > 0
    assert first["created"] > 0
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert (second["unchanged"], second["created"], second["updated"]) == (second["rows"], 0, 0)
