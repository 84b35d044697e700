from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from sellerdesk.marketplaces import MARKETPLACE_CHOICES, get_marketplace


def validate_timezone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"unknown time zone {value!r}") from None


class Store(models.Model):
    """One seller account on one Amazon marketplace, with its response policy."""

    name = models.CharField(max_length=100, unique=True)
    marketplace = models.CharField(max_length=2, choices=MARKETPLACE_CHOICES)
    timezone = models.CharField(max_length=64, validators=[validate_timezone])
    currency = models.CharField(max_length=3)
    # Response policy (the 24-hour clock). Defaults follow the seed's rule.
    response_hours = models.PositiveSmallIntegerField(default=24)
    response_skip_sundays = models.BooleanField(
        default=True, help_text="Sundays do not count towards the response deadline."
    )
    response_holiday_country = models.CharField(
        max_length=8, blank=True, help_text="Public holidays of this country do not count."
    )
    response_due_soon_hours = models.PositiveSmallIntegerField(default=4)
    response_seasonal = models.JSONField(
        default=list,
        blank=True,
        help_text='Seasonal targets, e.g. [{"months": [12], "hours": 12}].',
    )
    policy_overrides = models.JSONField(
        default=dict,
        blank=True,
        help_text="Overrides of Amazon policy numbers (see sellerdesk.policy), by name.",
    )
    large_store_skus = models.PositiveIntegerField(default=100)
    large_store_override = models.BooleanField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        market = get_marketplace(self.marketplace)
        self.marketplace = market.code
        if not self.timezone:
            self.timezone = market.timezone
        if not self.currency:
            self.currency = market.currency
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    AGENT = "agent", "Agent"
    VIEWER = "viewer", "Viewer"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.AGENT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "store"], name="membership_unique_user_store")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.store} as {self.role}"

    @property
    def can_write(self) -> bool:
        return self.role in (Role.OWNER, Role.AGENT)
