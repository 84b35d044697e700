"""JSON report documents whose values remember where they were written.

A refused value must name its line and column, but ``json.load`` forgets
positions. :func:`load` parses with the standard library's own pure-Python
scanner, wrapping every value in a :class:`Located` that carries the offset of
its first character; numbers are :class:`~decimal.Decimal`, never float.
Malformed JSON is refused with the line and column of ``json.JSONDecodeError``.

Reports in JSON (the seller performance report) are small, so the document is
read whole.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sellerdesk.imports.errors import ImportRefused
from sellerdesk.imports.reader import open_binary

Scan = Callable[[str, int], tuple[Any, int]]
# The stdlib parser's own building blocks (not in typeshed), reused with a scanner that
# records each value's position, so a refused value can be named by line and column.
_json_object = json.decoder.JSONObject  # type: ignore[attr-defined]  # undocumented, absent from typeshed
_json_array = json.decoder.JSONArray  # type: ignore[attr-defined]  # undocumented, absent from typeshed
_make_scanner = json.scanner.py_make_scanner  # type: ignore[attr-defined]  # the same


@dataclass(frozen=True, slots=True)
class Located:
    value: Any  # str, Decimal, int, bool, None, dict[str, Located] or list[Located]
    offset: int


def _located(scan: Scan) -> Scan:
    def scan_once(text: str, index: int) -> tuple[Any, int]:
        value, end = scan(text, index)
        return Located(value, index), end

    return scan_once


class _Decoder(json.JSONDecoder):
    def __init__(self) -> None:
        super().__init__(parse_float=Decimal)
        self.parse_object = self._object
        self.parse_array = self._array
        self.scan_once = _make_scanner(self)

    @staticmethod
    def _object(s_and_end: tuple[str, int], strict: bool, scan_once: Scan, *rest: Any) -> Any:
        return _json_object(s_and_end, strict, _located(scan_once), *rest)

    @staticmethod
    def _array(s_and_end: tuple[str, int], scan_once: Scan) -> Any:
        return _json_array(s_and_end, _located(scan_once))


@dataclass
class Document:
    filename: str
    text: str
    root: Located

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        line = self.text.count("\n", 0, offset) + 1
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def refuse(self, at: Located, reason: str) -> ImportRefused:
        return ImportRefused(self.filename, reason, *self.position(at.offset))


def load(path: Path) -> Document:
    """Read and parse ``path`` (UTF-8, with or without BOM; gzip allowed)."""
    try:
        with open_binary(path) as handle:
            raw = handle.read()
    except (OSError, EOFError) as exc:
        raise ImportRefused(path.name, f"cannot read the file: {exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")) + 1
        reason = f"byte 0x{raw[exc.start]:02x} is not valid UTF-8 (JSON is UTF-8)"
        raise ImportRefused(path.name, reason, line, column) from None
    try:
        value, end = _Decoder().raw_decode(text, _skip_blanks(text, 0))
        if _skip_blanks(text, end) != len(text):
            raise json.JSONDecodeError("Extra data", text, _skip_blanks(text, end))
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            path.name, f"not valid JSON: {exc.msg}", exc.lineno, exc.colno
        ) from None
    except RecursionError:
        raise ImportRefused(path.name, "not valid JSON: nested too deeply") from None
    root = value if isinstance(value, Located) else Located(value, 0)
    return Document(path.name, text, root)


def _skip_blanks(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def items(value: Located) -> Iterator[tuple[str, Located]]:
    """The (key, value) pairs of an object; nothing for any other value."""
    if isinstance(value.value, dict):
        yield from value.value.items()
