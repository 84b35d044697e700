from __future__ import annotations

import re

from django import forms

from sellerdesk.spapi.client import TEXT_ACTIONS
from sellerdesk.spapi.messages import action_choice
from sellerdesk.spapi.reviews import split_codes

ASIN_RE = re.compile(r"^[A-Z0-9]{10}$")


class ReviewSettingsForm(forms.Form):
    enabled = forms.BooleanField(
        required=False,
        label="Ask Amazon to request a review for every eligible order (once a day)",
    )
    excluded_skus = forms.CharField(
        required=False,
        label="Never for these SKUs",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One SKU per line (or separated by commas).",
    )
    excluded_asins = forms.CharField(
        required=False,
        label="Never for these ASINs",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One ASIN per line.",
    )

    def clean_excluded_skus(self) -> str:
        codes = split_codes(self.cleaned_data["excluded_skus"])
        if too_long := sorted(c for c in codes if len(c) > 64):
            raise forms.ValidationError(f"not a SKU (over 64 characters): {too_long[0]}")
        return "\n".join(sorted(codes))

    def clean_excluded_asins(self) -> str:
        codes = split_codes(self.cleaned_data["excluded_asins"])
        if bad := sorted(c for c in codes if not ASIN_RE.match(c)):
            raise forms.ValidationError(f"not an ASIN (10 letters or digits): {', '.join(bad)}")
        return "\n".join(sorted(codes))


class ProactiveMessageForm(forms.Form):
    action = forms.ChoiceField(label="Message type")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), strip=False, max_length=4000)
    nonce = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: object, allowed: list[str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        names = [n for n in TEXT_ACTIONS if allowed is None or n in allowed]
        choices = []
        for name in names:
            choice = action_choice(name)
            choices.append((name, f"{choice.label} (up to {choice.max_chars} characters)"))
        self.fields["action"].choices = choices  # type: ignore[attr-defined]  # a ChoiceField, typed as Field
