from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from sellerdesk.messaging.clock import ResponsePolicy, parse_seasonal
from sellerdesk.stores.models import Store
from sellerdesk.stores.services import STORE_SETTINGS_FIELDS


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form; the user name is the email address."""

    username = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        help_text="What the token is for, e.g. “reporting script”.",
        widget=forms.TextInput(attrs={"placeholder": "reporting script"}),
    )


def _timezone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class StoreSettingsForm(forms.ModelForm[Store]):
    """The store's name, time zone and response policy. The marketplace is shown
    but fixed: records and reports are tied to it."""

    timezone = forms.ChoiceField(choices=_timezone_choices, label="Time zone")

    class Meta:
        model = Store
        fields = ("name", "marketplace", *STORE_SETTINGS_FIELDS)
        labels = {
            "response_hours": "Hours to respond",
            "response_skip_sundays": "Sundays do not count",
            "response_holiday_country": "Holiday calendar (country code)",
            "response_due_soon_hours": "“Due soon” warning, hours before",
            "response_seasonal": "Seasonal targets",
        }
        widgets = {"response_seasonal": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, read_only: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["marketplace"].disabled = True
        if read_only:
            for field in self.fields.values():
                field.disabled = True

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        store = ("name", "marketplace", "timezone")
        return [
            ("Store", [self[name] for name in store]),
            ("Response policy", [self[name] for name in self.fields if name not in store]),
        ]

    def clean_response_holiday_country(self) -> str:
        value: str = self.cleaned_data["response_holiday_country"]
        return value.strip().upper()

    def clean(self) -> dict[str, Any]:
        """The clock must be able to use the policy: let it judge."""
        data = super().clean() or {}
        seasonal = data.get("response_seasonal")
        if seasonal is None:
            data["response_seasonal"] = seasonal = []
        if not isinstance(seasonal, list) or not all(isinstance(e, dict) for e in seasonal):
            self.add_error("response_seasonal", 'A list such as [{"months": [12], "hours": 12}].')
            return data
        if self.errors:
            return data
        try:
            ResponsePolicy(
                hours=data["response_hours"],
                skip_sundays=data["response_skip_sundays"],
                holiday_country=data["response_holiday_country"],
                seasonal=parse_seasonal(seasonal),
                timezone=data["timezone"],
            )
        except ValueError as exc:
            field = "response_seasonal" if "seasonal" in str(exc) else None
            if "country" in str(exc):
                field = "response_holiday_country"
            self.add_error(field, str(exc))
        return data
