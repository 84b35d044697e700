"""Reading report files: compression, encoding, delimiter, header, rows — streamed.

1. ``.gz`` files (or gzip magic bytes) are decompressed on the fly.
2. The encoding is found in a first streaming pass: UTF-8 (with or without a
   BOM) when every byte decodes; else the marketplace's legacy encodings
   (Shift_JIS for Japan, cp1252 elsewhere). A file that has valid UTF-8
   multi-byte sequences *and* an invalid byte is broken UTF-8, not cp1252: it is
   refused at that byte's line and column.
3. Rows are read one at a time (``csv`` with tab or comma), so memory stays flat
   however large the file. Amazon's TSV reports do not quote fields (a product
   called ``12" Pan`` is literal), so TSV is read without quoting.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

from sellerdesk.imports.errors import ImportRefused

CHUNK = 1 << 16
csv.field_size_limit(10 * 1024 * 1024)


def normalize_header(name: str) -> str:
    """'Order ID', 'order_id', ' ORDER-ID ' → 'order-id'."""
    return re.sub(r"[\s_\-]+", "-", name.strip().strip("\ufeff").lower()).strip("-")


def open_binary(path: Path) -> IO[bytes]:
    handle = path.open("rb")
    magic = handle.read(2)
    handle.seek(0)
    if magic == b"\x1f\x8b":
        handle.close()
        return cast(IO[bytes], gzip.open(path, "rb"))
    return handle


def _position(prefix: bytes, offset_in_prefix: int, lines_before: int) -> tuple[int, int]:
    """1-based (line, column) of a byte, given the bytes of its chunk before it."""
    before = prefix[:offset_in_prefix]
    line = lines_before + before.count(b"\n") + 1
    last_line = before.rsplit(b"\n", 1)[-1]
    return line, len(last_line.decode("utf-8", errors="replace")) + 1


def detect_encoding(path: Path, fallbacks: tuple[str, ...]) -> str:
    decoder = codecs.getincrementaldecoder("utf-8")()
    multibyte_seen = False
    lines_before = 0
    first = True
    bom = False
    with open_binary(path) as handle:
        try:
            while chunk := handle.read(CHUNK):
                if first:
                    bom = chunk.startswith(codecs.BOM_UTF8)
                    first = False
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    if multibyte_seen or any(b >= 0x80 for b in chunk[: exc.start]):
                        line, column = _position(chunk, exc.start, lines_before)
                        raise ImportRefused(
                            path.name,
                            f"byte 0x{chunk[exc.start]:02x} is not valid UTF-8 "
                            "(the file mixes encodings)",
                            line,
                            column,
                        ) from None
                    break
                multibyte_seen = multibyte_seen or any(b >= 0x80 for b in chunk)
                lines_before += chunk.count(b"\n")
            else:
                decoder.decode(b"", final=True)
                return "utf-8-sig" if bom else "utf-8"
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise ImportRefused(path.name, f"cannot read the file: {exc}") from None
    for encoding in fallbacks:
        if _decodes(path, encoding):
            return encoding
    names = " nor ".join(fallbacks)
    message = f"the file is not UTF-8 nor {names}: it has bytes none of them can decode"
    raise ImportRefused(path.name, message, *_first_error_at(path))


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    with open_binary(path) as handle:
        try:
            while chunk := handle.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _first_error_at(path: Path) -> tuple[int, int]:
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines_before = 0
    with open_binary(path) as handle:
        while chunk := handle.read(CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return _position(chunk, exc.start, lines_before)
            lines_before += chunk.count(b"\n")
    return 1, 1


@dataclass
class Row:
    """One data row: its physical line and the raw values by normalized header."""

    filename: str
    line: int
    values: dict[str, str]
    columns: dict[str, int] = field(repr=False)  # header → 1-based column

    def raw(self, name: str) -> str:
        return self.values.get(name, "").strip()

    def refuse(self, name: str, reason: str) -> ImportRefused:
        return ImportRefused(
            self.filename, f"column {name}: {reason}", self.line, self.columns.get(name)
        )


@dataclass
class Table:
    filename: str
    encoding: str
    header: list[str]  # normalized, in file order
    rows: Iterator[Row]
    handle: IO[str]

    def close(self) -> None:
        self.handle.close()


def open_table(path: Path, *, fallbacks: tuple[str, ...] = ("cp1252",)) -> Table:
    """Open a TSV/CSV report for streaming; the header row is read and normalized."""
    if not path.exists():
        raise ImportRefused(path.name, "no such file")
    encoding = detect_encoding(path, fallbacks)
    text = io.TextIOWrapper(open_binary(path), encoding=encoding, newline="")
    first_line = text.readline()
    if not first_line.strip():
        text.close()
        raise ImportRefused(path.name, "the file is empty: no header row", 1)
    delimiter = "\t" if "\t" in first_line else ","
    rest = _chain(first_line, text)
    if delimiter == "\t":
        reader = csv.reader(rest, delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(rest, delimiter=",")
    raw_header = next(reader)
    header = [normalize_header(name) for name in raw_header]
    columns = {name: index + 1 for index, name in enumerate(header) if name}

    def rows() -> Iterator[Row]:
        for values in reader:
            if not any(v.strip() for v in values):
                continue  # blank line
            if len(values) > len(header) and any(v.strip() for v in values[len(header) :]):
                raise ImportRefused(
                    path.name,
                    f"{len(values)} fields where the header has {len(header)}",
                    reader.line_num,
                    len(header) + 1,
                )
            yield Row(
                filename=path.name,
                line=reader.line_num,
                values=dict(zip(header, values, strict=False)),
                columns=columns,
            )

    return Table(path.name, encoding, header, rows(), text)


def _chain(first: str, rest: IO[str]) -> Iterator[str]:
    yield first
    yield from rest
