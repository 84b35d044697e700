"""Mail from files: single .eml files, folders of them, Maildir folders and mbox files.

Every source yields (label, raw bytes) pairs one at a time, so memory stays flat
however large the mailbox; ``mail_import`` feeds them to the same pipeline as IMAP.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sellerdesk.mail.models import MailChannel
from sellerdesk.mail.services import DUPLICATE, INGESTED, QUARANTINED, email_ingest


@dataclass
class ImportCounts:
    ingested: int = 0
    duplicates: int = 0
    quarantined: int = 0
    unreadable: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.ingested + self.duplicates + self.quarantined

    def as_dict(self) -> dict[str, object]:
        return {
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
            "total": self.total,
            "unreadable": self.unreadable,
        }


def _is_maildir(path: Path) -> bool:
    return all((path / sub).is_dir() for sub in ("cur", "new", "tmp"))


def _is_mbox(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(5) == b"From "


def iter_messages(path: Path) -> Iterator[tuple[str, bytes]]:
    """(label, raw) for every message under ``path``; raises OSError for a missing path."""
    if path.is_dir():
        if _is_maildir(path):
            maildir = mailbox.Maildir(path, factory=None, create=False)
            for key in sorted(maildir.iterkeys()):
                yield f"{path}#{key}", maildir.get_bytes(key)
            return
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith("."):
                if any(part.startswith(".") for part in child.relative_to(path).parts[:-1]):
                    continue
                if child.parent.name == "tmp" and _is_maildir(child.parent.parent):
                    continue  # Maildir tmp/: messages still being written
                yield from iter_messages(child)
        return
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if _is_mbox(path):
        box = mailbox.mbox(path, factory=None, create=False)
        try:
            for index, key in enumerate(box.iterkeys()):
                yield f"{path}#{index + 1}", box.get_bytes(key)
        finally:
            box.close()
        return
    yield str(path), path.read_bytes()


def mail_import(*, channel: MailChannel, paths: list[Path]) -> ImportCounts:
    counts = ImportCounts()
    for path in paths:
        try:
            for label, raw in iter_messages(path):
                outcome = email_ingest(channel=channel, raw=raw, source=label)
                if outcome.status == INGESTED:
                    counts.ingested += 1
                elif outcome.status == DUPLICATE:
                    counts.duplicates += 1
                elif outcome.status == QUARANTINED:
                    counts.quarantined += 1
        except OSError as exc:
            counts.unreadable.append(f"{path}: {exc.strerror or exc}")
    return counts
