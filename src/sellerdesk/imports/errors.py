from __future__ import annotations


class ImportRefused(Exception):
    """A file the desk will not import, with where and why.

    The message reads like a compiler's: ``orders.tsv:12:5: column purchase-date:
    not a date: '31/02/2026'`` (file, line, column — 1-based — and the reason), or
    ``orders.tsv: missing columns: sku, asin`` when the header is wrong.
    """

    def __init__(self, filename: str, message: str, line: int | None = None,
                 column: int | None = None) -> None:  # fmt: skip
        self.filename = filename
        self.line = line
        self.column = column
        self.reason = message
        where = filename
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


class BadValue(ValueError):
    """Raised by value parsers; the runner adds the file, line and column."""
