"""Reading Amazon's XML reports as rows, streamed and safely.

Amazon's XML reports (``GET_XML_RETURNS_DATA_BY_RETURN_DATE``) are an envelope
around records: each record holds leaf elements (``order_id``, …), containers
whose leaves belong to the record (``label_details``), and repeated item
elements (``item_details``). A record becomes one row per item, with the
record's values and the item's, under the element names normalized like TSV
headers (``amazon_rma_id`` → ``amazon-rma-id``), so one importer reads both.

1. Expat reads the file 64 KB at a time (``xml.etree``'s ``iterparse`` runs on
   the same parser but hides the line of each element, which errors need);
   finished records are handed out as they complete, so memory stays flat.
2. Safety as ``defusedxml`` gives it (it is not a dependency here): a document
   type declaration, an entity declaration or an external entity reference
   refuses the file, wherever it appears.
3. Every error names the file, line and column; a value's row knows the line
   and column of its element.
4. The text is decoded by Python (the declared encoding, else the detection
   the TSV reader uses) and handed to expat as UTF-8, so Shift_JIS works too.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from sellerdesk.imports.errors import ImportRefused
from sellerdesk.imports.reader import CHUNK, Row, detect_encoding, normalize_header, open_binary

DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


@dataclass
class XmlRow(Row):
    """A row from XML: each value knows the line and column of its element."""

    positions: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)
    tags: dict[str, str] = field(default_factory=dict, repr=False)

    def refuse(self, name: str, reason: str) -> ImportRefused:
        line, column = self.positions.get(name, (self.line, 0))
        tag = self.tags.get(name, name.replace("-", "_"))
        return ImportRefused(self.filename, f"element {tag}: {reason}", line, column or None)


@dataclass
class _Leaf:
    text: str
    line: int
    column: int
    tag: str


@dataclass
class _Frame:
    tag: str
    name: str
    line: int
    column: int
    text: list[str] = field(default_factory=list)
    has_children: bool = False
    leaves: dict[str, _Leaf] = field(default_factory=dict)
    items: list[tuple[int, dict[str, _Leaf]]] = field(default_factory=list)


class _Unsafe(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line, self.column = line, column


def _local(tag: str) -> str:
    return tag.rsplit(":", 1)[-1]


def sniff_xml(path: Path) -> bool:
    """True when the file's first character (after a BOM and blanks) is ``<``."""
    with open_binary(path) as handle:
        head = handle.read(1024)
    return head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"<")


def xml_encoding(path: Path, fallbacks: tuple[str, ...]) -> str:
    with open_binary(path) as handle:
        head = handle.read(1024)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    match = DECLARED_ENCODING.match(head.lstrip())
    if match:
        name = match.group(1).decode("ascii")
        try:
            return codecs.lookup(name).name
        except LookupError:
            raise ImportRefused(path.name, f"unknown encoding {name!r} declared", 1) from None
    return detect_encoding(path, fallbacks)


def xml_rows(
    path: Path, *, record_key: str, item_tag: str, fallbacks: tuple[str, ...]
) -> tuple[Iterator[XmlRow], str]:
    """The rows of an XML report and its encoding.

    A record is an element holding a leaf named ``record_key`` or items named
    ``item_tag`` (both compared normalized); other elements with children are
    containers whose leaves go to the record around them.
    """
    encoding = xml_encoding(path, fallbacks)
    item_name = normalize_header(item_tag)
    filename = path.name

    def iterate() -> Iterator[XmlRow]:
        parser = expat.ParserCreate()
        stack: list[_Frame] = []
        done: list[XmlRow] = []
        names: dict[str, str] = {}  # tag → normalized name, computed once per tag

        def where() -> tuple[int, int]:
            return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

        def start(tag: str, _attrs: dict[str, str]) -> None:
            if stack:  # the parent is not a leaf: its own text is layout
                stack[-1].has_children = True
                stack[-1].text.clear()
            line, column = where()
            if tag not in names:
                names[tag] = normalize_header(_local(tag))
            stack.append(_Frame(tag=_local(tag), name=names[tag], line=line, column=column))

        def text(data: str) -> None:
            if stack and not stack[-1].has_children:
                stack[-1].text.append(data)

        def end(_tag: str) -> None:
            frame = stack.pop()
            parent = stack[-1] if stack else None
            name = frame.name
            if not frame.has_children:
                if parent is not None:
                    value = "".join(frame.text).strip()
                    parent.leaves[name] = _Leaf(value, frame.line, frame.column, frame.tag)
            elif name == item_name and parent is not None:
                parent.items.append((frame.line, frame.leaves))
            elif record_key in frame.leaves or frame.items:
                done.extend(_record_rows(filename, frame))
            elif parent is not None:  # a container: its leaves belong to the record
                for key, leaf in frame.leaves.items():
                    parent.leaves.setdefault(key, leaf)
                parent.items.extend(frame.items)

        def unsafe(what: str) -> None:
            raise _Unsafe(f"{what} refused (DTDs and entities are not accepted)", *where())

        def doctype(*_args: object) -> None:
            unsafe("document type declaration")

        def entity(*_args: object) -> None:
            unsafe("entity declaration")

        def external(*_args: object) -> int:
            unsafe("external entity reference")
            return 0

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        parser.StartDoctypeDeclHandler = doctype
        parser.EntityDeclHandler = entity
        parser.UnparsedEntityDeclHandler = entity
        parser.ExternalEntityRefHandler = external

        with io.TextIOWrapper(open_binary(path), encoding=encoding, newline="") as handle:
            try:
                while True:
                    try:
                        chunk = handle.read(CHUNK)
                    except UnicodeDecodeError as exc:
                        raise ImportRefused(
                            filename, f"cannot decode as {encoding}: {exc.reason}",
                            parser.CurrentLineNumber,
                        ) from None  # fmt: skip
                    parser.Parse(chunk, not chunk)
                    yield from done
                    done.clear()
                    if not chunk:
                        break
            except expat.ExpatError as exc:
                message = f"not well-formed XML: {expat.ErrorString(exc.code)}"
                raise ImportRefused(filename, message, exc.lineno, exc.offset + 1) from None
            except _Unsafe as exc:
                raise ImportRefused(filename, str(exc), exc.line, exc.column) from None

    return iterate(), encoding


def _record_rows(filename: str, record: _Frame) -> list[XmlRow]:
    items = record.items or [(record.line, {})]
    rows = []
    for line, item in items:
        leaves = {**record.leaves, **item}
        rows.append(
            XmlRow(
                filename=filename,
                line=line,
                values={k: leaf.text for k, leaf in leaves.items()},
                columns={},
                positions={k: (leaf.line, leaf.column) for k, leaf in leaves.items()},
                tags={k: leaf.tag for k, leaf in leaves.items()},
            )
        )
    return rows
