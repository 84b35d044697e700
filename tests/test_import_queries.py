"""Importers work per batch: the queries a file costs do not grow with its rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sellerdesk.imports.base import run_import
from sellerdesk.imports.registry import importer_for
from tests.factories import StoreFactory
from tests.import_support import EXAMPLES, REPORTS, text_of, write

# kind, file, the data line to repeat, the text in it each copy makes unique
CASES = [
    ("feedback", REPORTS / "feedback_us.tsv", 1, "111-0944945-3989852"),
    ("returns", REPORTS / "returns_us.tsv", 1, "DfqRyqfBRRMA"),
    ("fba-returns", REPORTS / "fba_returns_us.tsv", 1, "112-5551234-7654321"),
    ("settlement", REPORTS / "settlement_us.tsv", 4, "111-0944945-3989852"),
    ("claims", EXAMPLES / "claims.csv", 1, "111-0944945-3989852"),
    ("chargebacks", EXAMPLES / "chargebacks.csv", 1, "111-0944945-3989852"),
    ("reviews", EXAMPLES / "reviews.csv", 1, "R2XK8Q3P1M0ZTA"),
    ("questions", EXAMPLES / "questions.csv", 1, "Tx3KQ9V0B1A2C3"),
]


def _copies(tmp_path: Path, path: Path, line: int, unique: str, n: int) -> Path:
    """``path`` with its data line ``line`` repeated ``n`` times, each copy made unique."""
    lines = text_of(path).splitlines()
    rows = []
    for i in range(n):
        stamp = f"111-{i:07d}-0000001" if "-" in unique else f"{unique[:2]}{i:010d}"
        rows.append(lines[line].replace(unique, stamp))
    return write(tmp_path, f"{n}{path.suffix}", "\n".join([*lines[:line], *rows]) + "\n")


@pytest.mark.parametrize(("kind", "path", "line", "unique"), CASES, ids=[c[0] for c in CASES])
def test_queries_do_not_grow_with_rows(db, tmp_path, kind, path, line, unique) -> None:  # type: ignore[no-untyped-def]
    costs = []
    for n in (5, 400):
        store = StoreFactory(marketplace="US", timezone="America/Los_Angeles")
        file = _copies(tmp_path, path, line, unique, n)
        with CaptureQueriesContext(connection) as queries:
            result = run_import(importer_for(kind)(store), file)
        assert (result.counts.rows, result.counts.created) == (line - 1 + n, n)
        costs.append(len(queries))
    assert costs[1] == costs[0], costs
