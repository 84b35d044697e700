"""Helpers shared by the importer tests: fixture paths, encoded and gzipped variants."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

from sellerdesk.imports.base import Importer, ImportResult, run_import

REPORTS = Path(__file__).parent / "data" / "reports"
EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"

# (encoding, BOM) pairs every text report is tried in.
ENCODINGS = [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("cp1252", b"")]


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8", bom: bytes = b"") -> Path:
    path = tmp_path / name
    path.write_bytes(bom + text.encode(encoding))
    return path


def write_gz(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    return path


def run(importer: Importer, path: Path) -> ImportResult:
    return run_import(importer, path)


def counts(result: ImportResult) -> tuple[int, int, int, int]:
    c = result.counts
    return c.rows, c.created, c.updated, c.unchanged
