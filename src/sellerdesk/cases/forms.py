"""Forms of the case pages: the actions on a claim or chargeback, and the deadlines."""

from __future__ import annotations

from typing import Any

from django import forms

from sellerdesk.cases.settings import CASE_SETTINGS
from sellerdesk.chargebacks import services as chargeback_services
from sellerdesk.chargebacks.models import ChargebackStatus
from sellerdesk.claims import services as claim_services
from sellerdesk.claims.models import ClaimStatus

MAX_TEXT = 20_000


def _labels(values: tuple[str, ...], choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    labels = dict(choices)
    return [(v, labels[v]) for v in values]


class ClaimActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in claim_services.ACTIONS])
    text = forms.CharField(required=False, max_length=MAX_TEXT, widget=forms.Textarea)
    status = forms.ChoiceField(
        required=False,
        label="Decision",
        choices=[("", "—"), *_labels(claim_services.DECISIONS, ClaimStatus.choices)],
    )
    funded_by = forms.ChoiceField(
        required=False, label="Funded by", choices=[("", "—"), *claim_services.FUNDING_CHOICES]
    )


class ChargebackActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in chargeback_services.ACTIONS])
    text = forms.CharField(required=False, max_length=MAX_TEXT, widget=forms.Textarea)
    status = forms.ChoiceField(
        required=False,
        label="Decision",
        choices=[("", "—"), *_labels(chargeback_services.DECISIONS, ChargebackStatus.choices)],
    )
    amount = forms.DecimalField(
        required=False, min_value=0, max_digits=12, decimal_places=2, label="Amount"
    )


class CaseSettingsForm(forms.Form):
    """One field per ``cases.settings.CASE_SETTINGS`` entry."""

    def __init__(
        self, *args: Any, initial_values: dict[str, int], read_only: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for spec in CASE_SETTINGS:
            field: forms.Field
            if spec.unit:
                field = forms.IntegerField(
                    label=f"{spec.label} ({spec.unit})",
                    min_value=1,
                    max_value=spec.maximum,
                    initial=initial_values[spec.name],
                )
            else:
                field = forms.BooleanField(
                    label=spec.label, required=False, initial=bool(initial_values[spec.name])
                )
            field.disabled = read_only
            self.fields[spec.name] = field

    def values(self) -> dict[str, int]:
        return {name: int(value) for name, value in self.cleaned_data.items()}
