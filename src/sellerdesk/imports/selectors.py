"""Reads of the import framework: the kinds the desk can import, a store's import runs."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from sellerdesk.imports.models import ImportRun
from sellerdesk.imports.registry import IMPORTERS, importer_for
from sellerdesk.stores.models import Store


@dataclass(frozen=True, slots=True)
class ImportKind:
    kind: str
    description: str


def import_kinds() -> list[ImportKind]:
    """Every registered kind with its importer's description, in the registry's order."""
    return [ImportKind(kind, importer_for(kind).description) for kind in IMPORTERS]


def import_runs_for_store(*, store: Store) -> QuerySet[ImportRun]:
    """The store's import runs (files, uploads, SP-API reports), newest first."""
    return ImportRun.objects.filter(store=store).select_related("user")
