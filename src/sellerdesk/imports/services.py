"""Writes of the import framework that pages call: importing an uploaded file."""

from __future__ import annotations

from pathlib import Path

from sellerdesk.accounts.models import User
from sellerdesk.imports.base import ImportResult, run_import
from sellerdesk.imports.registry import importer_for
from sellerdesk.stores.models import Store


def import_upload(*, store: Store, kind: str, path: Path, user: User) -> ImportResult:
    """Import an uploaded file of ``kind`` into ``store``, all or nothing.

    Raises ``ImportRefused`` (``file:line:column: reason``) like the CLI; the run
    is recorded either way, as an upload by ``user``.
    """
    importer = importer_for(kind)(store)
    return run_import(importer, path, user=user, source="upload")
