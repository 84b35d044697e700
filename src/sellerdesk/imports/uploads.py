"""Uploaded report files: streamed to disk under ``SELLERDESK_HOME/uploads``, never
held in memory, refused past a size limit, and deleted once imported.

Each upload gets a directory of its own (``uploads/upload-…/``) and keeps the name
the browser gave it, so an import error names the file the way the CLI would
(``orders.tsv:12:5: …``) and a ``.gz`` still reads as gzip. A directory left by a
process that died mid-import is swept away by a later upload.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest

UPLOAD_LIMIT = 200 * 1024 * 1024  # bytes
FIELD = "file"
_PREFIX = "upload-"
_STALE_SECONDS = 24 * 3600
_NAME_LIMIT = 200  # characters; file systems allow 255 bytes


def uploads_dir() -> Path:
    path = Path(settings.HOME) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def uploads_sweep(*, older_than: float = _STALE_SECONDS) -> None:
    """Remove upload directories older than ``older_than`` seconds (a crash's leftovers)."""
    cutoff = time.time() - older_than
    for entry in uploads_dir().glob(f"{_PREFIX}*"):
        try:
            if entry.is_dir() and entry.stat().st_mtime < cutoff:
                shutil.rmtree(entry, ignore_errors=True)
        except FileNotFoundError:  # another request swept it first
            continue


def _safe_name(name: str) -> str:
    """The browser's file name (Django has already dropped any path), kept short."""
    name = Path(name).name.strip() or "upload"
    if len(name) > _NAME_LIMIT:
        suffix = "".join(Path(name).suffixes)[-20:]
        name = name[: _NAME_LIMIT - len(suffix)] + suffix
    return name


class StoredUpload(UploadedFile):
    """An uploaded file that lives at ``path`` until the handler discards it."""

    def __init__(self, *, path: Path, name: str, size: int, content_type: str) -> None:
        super().__init__(
            file=path.open("rb"), name=name, content_type=content_type, size=size, charset=None
        )
        self.path = path


class UploadToHome(FileUploadHandler):
    """Write the ``file`` field to its own directory under ``uploads_dir()``.

    Past ``limit`` bytes the file is dropped (``too_large`` says so) and the rest
    of the request is read and thrown away, so the browser still gets an answer.
    Any other file field is ignored. ``discard()`` removes what was written.
    """

    def __init__(self, request: HttpRequest | None = None, *, limit: int = UPLOAD_LIMIT) -> None:
        super().__init__(request)
        self.limit = limit
        self.too_large = False
        self.directory: Path | None = None
        self.path: Path | None = None
        self.file: Any = None  # Django's parser closes ``handler.file`` when it skips one
        self.written = 0
        self.completed = False

    def new_file(self, field_name: str, file_name: str, *args: Any, **kwargs: Any) -> None:
        super().new_file(field_name, file_name, *args, **kwargs)
        if field_name != FIELD or self.directory is not None:
            raise SkipFile()
        uploads_sweep()
        self.directory = Path(tempfile.mkdtemp(prefix=_PREFIX, dir=uploads_dir()))
        self.path = self.directory / _safe_name(file_name)
        self.file = self.path.open("wb")

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.written += len(raw_data)
        if self.written > self.limit:
            self.too_large = True
            self.discard()
            raise SkipFile()
        self.file.write(raw_data)

    def file_complete(self, file_size: int) -> StoredUpload | None:
        if self.path is None or self.file is None:
            return None
        self.file.close()
        self.completed = True
        return StoredUpload(
            path=self.path,
            name=self.path.name,
            size=file_size,
            content_type=self.content_type or "application/octet-stream",
        )

    def upload_interrupted(self) -> None:
        if not self.completed:  # a later part may be cut off; our file is whole
            self.discard()

    def discard(self) -> None:
        """Close and delete whatever this upload wrote."""
        if self.file is not None:
            self.file.close()
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
