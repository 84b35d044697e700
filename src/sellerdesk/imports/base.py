"""The import runner and what every importer provides.

An importer declares its columns (name, aliases, required) and turns batches of
rows into writes, counting each row as created, updated or unchanged. The
runner does the rest the same way for every kind:

1. open and check the file (encoding, header, required columns) before writing;
2. read rows in batches, so memory stays flat however large the file;
3. run everything in one transaction: any refused value rolls back the whole
   file, and the error names the file, line and column;
4. record an :class:`ImportRun` either way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

from django.db import transaction
from django.utils import timezone

from sellerdesk.accounts.models import User
from sellerdesk.imports.errors import BadValue, ImportRefused
from sellerdesk.imports.models import ImportRun, ImportStatus
from sellerdesk.imports.reader import Row, Table, normalize_header, open_table
from sellerdesk.imports.values import (
    parse_bool,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_int,
)
from sellerdesk.stores.models import Store

BATCH = 1000
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Column:
    name: str  # as Amazon writes it (normalized: lower case, hyphens)
    aliases: tuple[str, ...] = ()
    required: bool = True

    def names(self) -> tuple[str, ...]:
        return (normalize_header(self.name), *(normalize_header(a) for a in self.aliases))


@dataclass
class Counts:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: Counts) -> None:
        self.rows += other.rows
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged


@dataclass
class Reader:
    """Typed access to one row's values under the importer's column names."""

    row: Row
    mapping: dict[str, str]  # column name → header found in the file
    store: Store

    @property
    def line(self) -> int:
        return self.row.line

    def text(self, name: str, *, required: bool = False, limit: int | None = None) -> str:
        header = self.mapping.get(name)
        value = self.row.raw(header) if header else ""
        if required and not value:
            raise self.row.refuse(header or name, "a value is required")
        if limit is not None and len(value) > limit:
            raise self.row.refuse(header or name, f"longer than {limit} characters")
        return value

    def _parse[T](self, name: str, parser: Callable[[str], T], required: bool) -> T | None:
        raw = self.text(name, required=required)
        if not raw:
            return None
        try:
            return parser(raw)
        except BadValue as exc:
            raise self.row.refuse(self.mapping.get(name, name), str(exc)) from None

    def decimal(self, name: str, *, required: bool = False) -> Decimal | None:
        return self._parse(name, parse_decimal, required)

    def integer(self, name: str, *, required: bool = False) -> int | None:
        return self._parse(name, parse_int, required)

    def boolean(self, name: str, *, required: bool = False) -> bool | None:
        return self._parse(name, parse_bool, required)

    def datetime(self, name: str, *, required: bool = False) -> datetime | None:
        store = self.store
        return self._parse(
            name,
            lambda raw: parse_datetime(raw, marketplace=store.marketplace, tz=store.tz),
            required,
        )

    def date(self, name: str, *, required: bool = False) -> date | None:
        marketplace = self.store.marketplace
        return self._parse(name, lambda raw: parse_date(raw, marketplace=marketplace), required)

    def choice(self, name: str, choices: Mapping[str, str], *, required: bool = False) -> str:
        """A value from a closed set (compared case-insensitively, spaces as _)."""
        raw = self.text(name, required=required)
        if not raw:
            return ""
        key = raw.strip().lower().replace(" ", "_").replace("-", "_")
        if key not in choices:
            allowed = ", ".join(sorted(set(choices.values())))
            raise self.row.refuse(self.mapping.get(name, name), f"{raw!r} is not one of {allowed}")
        return choices[key]

    def refuse(self, name: str, reason: str) -> ImportRefused:
        return self.row.refuse(self.mapping.get(name, name), reason)


class Importer:
    """Base of every report importer. Subclasses set ``kind`` and ``columns`` and
    implement ``apply``; non-tabular formats override ``readers``."""

    kind: ClassVar[str]
    description: ClassVar[str] = ""
    columns: ClassVar[tuple[Column, ...]] = ()
    fallback_encodings: ClassVar[tuple[str, ...]] = ("cp1252",)

    def __init__(self, store: Store) -> None:
        self.store = store

    def encodings(self) -> tuple[str, ...]:
        if self.store.marketplace == "JP":
            return ("cp932", "shift_jis", "euc_jp")
        return self.fallback_encodings

    def map_header(self, table: Table) -> dict[str, str]:
        present = set(table.header)
        mapping: dict[str, str] = {}
        missing = []
        for column in self.columns:
            found = next((n for n in column.names() if n in present), None)
            if found is not None:
                mapping[column.name] = found
            elif column.required:
                missing.append(column.name)
        if missing:
            raise ImportRefused(table.filename, f"missing columns: {', '.join(missing)}", 1)
        return mapping

    def readers(self, path: Path) -> tuple[Iterator[Reader], str]:
        """The rows of the file as :class:`Reader` objects, and the encoding found."""
        table = open_table(path, fallbacks=self.encodings())
        mapping = self.map_header(table)

        def iterate() -> Iterator[Reader]:
            try:
                for row in table.rows:
                    yield Reader(row=row, mapping=mapping, store=self.store)
            except UnicodeDecodeError as exc:  # detection passed, so this is truncation
                raise ImportRefused(table.filename, f"cannot decode: {exc.reason}") from None
            finally:
                table.close()

        return iterate(), table.encoding

    def apply(self, batch: list[Reader]) -> Counts:  # pragma: no cover - abstract
        raise NotImplementedError

    def finish(self) -> None:
        """Called once after the last batch, inside the transaction."""


@dataclass
class ImportResult:
    kind: str
    filename: str
    encoding: str
    counts: Counts = field(default_factory=Counts)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "rows": self.counts.rows,
            "created": self.counts.created,
            "updated": self.counts.updated,
            "unchanged": self.counts.unchanged,
        }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def run_import(
    importer: Importer,
    path: Path,
    *,
    progress: Progress | None = None,
    user: User | None = None,
    source: str = "file",
) -> ImportResult:
    """Import ``path`` all-or-nothing; raise :class:`ImportRefused` with the position."""
    if not path.is_file():
        raise ImportRefused(path.name, "no such file")
    run = ImportRun(
        store=importer.store, kind=importer.kind, filename=path.name[:500],
        sha256=_sha256(path), size=path.stat().st_size, source=source,
        started_at=timezone.now(), user=user,
    )  # fmt: skip
    result = ImportResult(kind=importer.kind, filename=path.name, encoding="")
    try:
        readers, result.encoding = importer.readers(path)
        with transaction.atomic():
            batch: list[Reader] = []
            for reader in readers:
                batch.append(reader)
                if len(batch) >= BATCH:
                    result.counts.add(importer.apply(batch))
                    batch = []
                    if progress is not None:
                        progress(result.counts.rows)
            if batch:
                result.counts.add(importer.apply(batch))
            importer.finish()
            if progress is not None:
                progress(result.counts.rows)
            _record(run, ImportStatus.SUCCEEDED, result)
    except ImportRefused as exc:
        _record(run, ImportStatus.FAILED, result, error=str(exc))
        raise
    return result


def _record(run: ImportRun, status: str, result: ImportResult, error: str = "") -> None:
    run.status = status
    run.encoding = result.encoding
    counts = result.counts if status == ImportStatus.SUCCEEDED else Counts()
    run.rows, run.created = counts.rows, counts.created
    run.updated, run.unchanged = counts.updated, counts.unchanged
    run.error = error[:4000]
    run.finished_at = timezone.now()
    run.save()
