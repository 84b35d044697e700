"""Abstract bases shared by the stream apps."""

from __future__ import annotations

from django.db import models


class StoreScoped(models.Model):
    """A record that belongs to one store; every query for users filters on it."""

    store = models.ForeignKey("stores.Store", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Money(models.Model):
    """An amount with its ISO 4217 currency. Amounts are Decimal, never float."""

    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)

    class Meta:
        abstract = True


class Source(models.TextChoices):
    EMAIL = "email", "Email"
    IMPORT = "import", "Report import"
    API = "api", "Selling Partner API"
    MANUAL = "manual", "Entered by hand"
    DEMO = "demo", "Demo data"
