"""Fast inserts for importers: one prepared INSERT run with executemany.

Django's ``bulk_create`` compiles every value of every object through the
expression machinery; on a 200,000-row report that is most of the time. Here
each value goes through its field's own database preparation once, and the
rows go to the driver in one ``executemany`` — still portable SQL with the
backend's own quoting and adapters (SQLite and PostgreSQL alike).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone


def insert_rows(
    model: type[models.Model], rows: Iterable[dict[str, Any]], fields: Sequence[str]
) -> int:
    """Insert ``rows`` (dicts keyed by field name) into ``model``'s table; returns how many.

    ``auto_now``/``auto_now_add`` fields are filled with the current time; other
    fields not in ``fields`` take their model default.
    """
    meta = model._meta
    now = timezone.now()
    columns: list[str] = []
    # Per column: the row key to read and prepare, or a constant prepared once.
    from_row: list[tuple[models.Field[Any, Any], str] | None] = []
    constants: list[Any] = []
    for field in meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column or field.attname))
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            from_row.append(None)
            constants.append(field.get_db_prep_save(now, connection))
        elif field.name in fields or field.attname in fields:
            from_row.append((field, field.name if field.name in fields else field.attname))
            constants.append(None)
        else:  # the model default ("" for text, None for nullable fields)
            from_row.append(None)
            constants.append(field.get_db_prep_save(field.get_default(), connection))
    table = connection.ops.quote_name(meta.db_table)
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608 -- names quoted by the backend, values bound
    values = [
        [
            spec[0].get_db_prep_save(row.get(spec[1]), connection) if spec else constant
            for spec, constant in zip(from_row, constants, strict=True)
        ]
        for row in rows
    ]
    if values:
        with connection.cursor() as cursor:
            cursor.executemany(sql, values)
    return len(values)
