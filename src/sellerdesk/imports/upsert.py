"""Batch upserts shared by the stream importers.

Every importer does the same three things per batch: fetch the rows it may
touch in one query, decide for each file row whether it creates, changes or
leaves a record alone, and write the new and changed records in bulk.
:class:`Upsert` keeps that bookkeeping (and the counts) in one place, so an
importer only says what a row means.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone

from sellerdesk.imports.base import Counts
from sellerdesk.orders.models import Order
from sellerdesk.stores.models import Store

WRITE_BATCH = 500


def assign(obj: object, values: dict[str, Any]) -> bool:
    """Set the attributes that differ; True when anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def orders_by_id(store: Store, order_ids: Iterable[str]) -> dict[str, Order]:
    """The store's orders among ``order_ids``, by Amazon order id (one query)."""
    ids = {oid for oid in order_ids if oid}
    if not ids:
        return {}
    return {
        o.amazon_order_id: o
        for o in Order.objects.filter(store=store, amazon_order_id__in=ids).only(
            "pk", "amazon_order_id"
        )
    }


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC: deadlines add elapsed time, as the email path does, not
    wall-clock time across a daylight-saving change."""
    return moment.astimezone(UTC)


def same_day(current: datetime | None, new: datetime, tz: ZoneInfo) -> bool:
    """True when ``new`` is a midnight on the calendar day of ``current``: a file
    that gives only a date must not replace the exact time another source knew."""
    if current is None:
        return False
    local = new.astimezone(tz)
    midnight = (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)
    return midnight and current.astimezone(tz).date() == local.date()


class Upsert[M: models.Model]:
    """Records of one batch by key: create, update or leave each, then write in bulk."""

    def __init__(self, model: type[M], key: str, existing: Iterable[M]) -> None:
        self.model = model
        self.key = key
        self.records: dict[Any, M] = {getattr(o, key): o for o in existing}
        self.new: list[M] = []
        self.changed: dict[int, M] = {}
        self.counts = Counts()

    def get(self, key: Any) -> M | None:
        return self.records.get(key)

    def rekey(self, old: Any, new: Any) -> None:
        """A record found under another key takes ``new`` (e.g. a return the
        emails knew without its RMA id)."""
        record = self.records.pop(old)
        setattr(record, self.key, new)
        self.records[new] = record

    def create(self, record: M) -> M:
        self.records[getattr(record, self.key)] = record
        self.new.append(record)
        self.counts.rows += 1
        self.counts.created += 1
        return record

    def touched(self, record: M, changed: bool) -> None:
        """Count one file row that found ``record``; ``changed``: it changed a field."""
        self.counts.rows += 1
        if changed:
            if record.pk is not None:
                self.changed[record.pk] = record
            self.counts.updated += 1
        else:
            self.counts.unchanged += 1

    def save(self, fields: Iterable[str]) -> Counts:
        """Write what the batch created and changed; returns its counts."""
        self.model._default_manager.bulk_create(self.new, batch_size=WRITE_BATCH)
        if self.changed:
            now = timezone.now()
            names = list(fields)
            if any(f.name == "updated_at" for f in self.model._meta.concrete_fields):
                # bulk_update does not run auto_now: set it here.
                for record in self.changed.values():
                    record.updated_at = now  # type: ignore[attr-defined]  # the model has the field (checked above); Model does not
                names.append("updated_at")
            self.model._default_manager.bulk_update(
                list(self.changed.values()), names, batch_size=WRITE_BATCH
            )
        return self.counts
