"""Small checks on money amounts."""

from __future__ import annotations

from decimal import Decimal


def more_than_cents(amount: Decimal) -> bool:
    """More than two decimal places (a finite amount's exponent is an int; NaN's is not)."""
    exponent = amount.as_tuple().exponent
    return isinstance(exponent, int) and exponent < -2
