"""Forms of the notification preferences page (``/profile/notifications/``).

A channel's apprise URL holds credentials: its field never renders a value back,
not even the one just typed into a form that failed (``SecretURLInput``).
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet

from sellerdesk.notifications.detectors.messaging import MAX_HOURS
from sellerdesk.notifications.models import (
    EventKind,
    NotificationChannel,
    NotificationPreferences,
    NotificationRule,
)
from sellerdesk.stores.models import Store

URL_HELP = (
    "An apprise URL: it says where and how to send, with the credentials in it. "
    "It is stored encrypted and never shown again, only a redacted hint."
)
# (what, example) for the help on the add form; every example is fake.
URL_EXAMPLES: list[tuple[str, str]] = [
    ("Email (SMTP)", "mailtos://user:app-password@smtp.example.com?to=me@example.com"),
    ("Slack (incoming webhook)", "slack://T0000/B0000/XXXXXXXXXXXX/#alerts"),
    ("Discord (webhook)", "discord://1234567890/webhook-token"),
    ("Telegram (bot token, chat id)", "tgram://123456:bot-token/987654321"),
    # Teams' old connector webhooks are retired: a Power Automate workflow receives them.
    (
        "Microsoft Teams (Power Automate workflow)",
        "workflows://prod-01.westus.logic.azure.com:443/workflow-id/signature",
    ),
    ("Any webhook (JSON POST; jsons:// for https)", "json://hooks.example.com/sellerdesk"),
]
APPRISE_DOCS_URL = "https://github.com/caronc/apprise/wiki#notification-services"

# A line under each event kind in the rules matrix.
EVENT_HELP: dict[str, str] = {
    EventKind.CONVERSATION_DUE_SOON: "A buyer message will pass its response deadline soon.",
    EventKind.CONVERSATION_OVERDUE: "A buyer message passed its response deadline unanswered.",
    EventKind.NEW_BUYER_MESSAGE: "Every new buyer message (many alerts on a busy store).",
    EventKind.NEW_CLAIM: "Amazon opened an A-to-z Guarantee claim.",
    EventKind.CLAIM_DEADLINE: "An A-to-z claim's response deadline is near.",
    EventKind.NEW_CHARGEBACK: "A buyer's bank raised a chargeback.",
    EventKind.NEGATIVE_FEEDBACK: "A buyer left 1- or 2-star seller feedback.",
    EventKind.NEGATIVE_REVIEW: "A product review of 3 stars or fewer came in.",
    EventKind.SELLER_FAULT_RETURN: "A return whose reason puts the fault on the seller.",
    EventKind.RETURN_RATE_FLAG: "A SKU's return rate rose above the flag threshold.",
    EventKind.ODR_ABOVE_TARGET: "The Order Defect Rate is above target, now or by forecast.",
    EventKind.CHECKLIST_OVERDUE: "A checklist task's period ended undone.",
    EventKind.SYNC_FAILING: "Fetching mail or syncing with Amazon keeps failing.",
}
# Event kinds with an "hours before" setting (rule params ``{"hours": n}``).
HOURS_EVENTS = frozenset({EventKind.CONVERSATION_DUE_SOON})


class SecretURLInput(forms.TextInput):
    """A text box that never renders its value: a secret goes in, nothing comes out."""

    def format_value(self, value: Any) -> str | None:
        return None


def _secret_url_widget(placeholder: str) -> SecretURLInput:
    return SecretURLInput(
        attrs={
            "placeholder": placeholder,
            "autocomplete": "off",
            "spellcheck": "false",
            "autocapitalize": "off",
            "class": "mono",
        }
    )


class ChannelCreateForm(forms.Form):
    name = forms.CharField(
        max_length=100, widget=forms.TextInput(attrs={"placeholder": "My phone (Telegram)"})
    )
    url = forms.CharField(
        label="Apprise URL",
        max_length=2000,
        strip=True,
        help_text=URL_HELP,
        widget=_secret_url_widget("json://hooks.example.com/sellerdesk"),
    )


class ChannelEditForm(forms.Form):
    name = forms.CharField(max_length=100)
    enabled = forms.BooleanField(required=False, label="Send to this channel")
    url = forms.CharField(
        label="Replace the URL",
        max_length=2000,
        required=False,
        strip=True,
        help_text="Leave empty to keep the stored URL (it is never shown).",
        widget=_secret_url_widget("a new apprise URL"),
    )


def timezone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class PreferencesForm(forms.ModelForm[NotificationPreferences]):
    """Quiet hours, the hourly limit and the daily digest.

    ``digest_channel`` offers the user's own channels only; another user's id is
    "not one of the available choices".
    """

    time_zone = forms.ChoiceField(
        choices=timezone_choices,
        label="Time zone",
        help_text="Quiet hours and the digest time are read in this zone.",
    )
    max_per_hour = forms.IntegerField(
        min_value=1,
        max_value=1000,
        label="At most, per hour and channel",
        help_text="More alerts than this in an hour are combined into one summary message.",
    )

    class Meta:
        model = NotificationPreferences
        fields = (
            "time_zone",
            "quiet_start",
            "quiet_end",
            "urgent_breaks_quiet",
            "max_per_hour",
            "digest_enabled",
            "digest_time",
            "digest_channel",
        )
        labels = {
            "quiet_start": "Quiet from",
            "quiet_end": "Quiet until",
            "urgent_breaks_quiet": "Urgent alerts break quiet hours",
            "digest_enabled": "Send a daily digest",
            "digest_time": "Digest at",
            "digest_channel": "Digest goes to",
        }
        help_texts = {
            "quiet_start": "Empty: no quiet hours. The window may cross midnight (22:00 to 07:00).",
        }
        widgets = {
            "quiet_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "digest_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(
        self, *args: Any, channels: QuerySet[NotificationChannel], email: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        digest = self.fields["digest_channel"]
        assert isinstance(digest, forms.ModelChoiceField)  # noqa: S101 - a ForeignKey's field
        digest.queryset = channels
        digest.empty_label = f"An email to my address ({email})"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("quiet_start"), data.get("quiet_end")
        if (start is None) != (end is None):
            self.add_error("quiet_end", "Give both ends of the quiet hours, or neither.")
        elif start is not None and start == end:
            self.add_error("quiet_end", "Quiet hours must not start and end at the same time.")
        return data


@dataclass(frozen=True)
class RuleCell:
    """One (event, store) cell of the matrix: its form fields' names and its rule."""

    store: Store
    event: str
    rule: NotificationRule | None

    @property
    def prefix(self) -> str:
        return f"r-{self.store.pk}-{self.event}"


class RulesForm(forms.Form):
    """The rules matrix: per (event, store) a switch, the channels and, for "due soon"
    kinds, the hours. Field names are ``r-<store>-<event>-<enabled|channels|hours>``."""

    def __init__(
        self,
        *args: Any,
        stores: Sequence[Store],
        channels: QuerySet[NotificationChannel],
        rules: Iterable[NotificationRule],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.stores = list(stores)
        # Read once: a ModelMultipleChoiceField per cell would query per cell, twice.
        self.channels = {c.pk: c for c in channels}
        choices = [(c.pk, f"{c.name} ({c.get_kind_display()})") for c in self.channels.values()]
        by_key = {(r.store_id, r.event): r for r in rules}
        self.cells: dict[tuple[str, int], RuleCell] = {}
        for event in EventKind:
            for store in self.stores:
                rule = by_key.get((store.pk, event.value))
                cell = RuleCell(store=store, event=event.value, rule=rule)
                self.cells[(event.value, store.pk)] = cell
                self.fields[f"{cell.prefix}-enabled"] = forms.BooleanField(
                    required=False,
                    initial=rule.enabled if rule else False,
                    label=f"{event.label} in {store.name}",
                )
                self.fields[f"{cell.prefix}-channels"] = forms.TypedMultipleChoiceField(
                    choices=choices,
                    coerce=int,
                    required=False,
                    initial=[c.pk for c in rule.channels.all()] if rule else [],
                    widget=forms.CheckboxSelectMultiple,
                    label=f"Channels for {event.label} in {store.name}",
                )
                if event in HOURS_EVENTS:
                    hours = (rule.params or {}).get("hours") if rule else None
                    self.fields[f"{cell.prefix}-hours"] = forms.IntegerField(
                        required=False,
                        min_value=1,
                        max_value=MAX_HOURS,
                        initial=hours,
                        label=f"Hours before, {event.label} in {store.name}",
                        # Empty: the store's own "due soon" warning.
                        widget=forms.NumberInput(
                            attrs={"placeholder": str(store.response_due_soon_hours)}
                        ),
                    )

    def rows(self) -> list[dict[str, Any]]:
        """For the template: per event kind, its label, help and one cell per store."""
        rows = []
        for event in EventKind:
            cells = []
            for store in self.stores:
                cell = self.cells[(event.value, store.pk)]
                cells.append(
                    {
                        "cell": cell,
                        "enabled": self[f"{cell.prefix}-enabled"],
                        "channels": self[f"{cell.prefix}-channels"],
                        "hours": self[f"{cell.prefix}-hours"] if event in HOURS_EVENTS else None,
                    }
                )
            rows.append({"event": event, "help": EVENT_HELP.get(event, ""), "cells": cells})
        return rows

    def changes(self) -> list[dict[str, Any]]:
        """The cells whose values differ from their rule (a missing rule: off, no channels),
        as keyword arguments for ``rule_set``."""
        out = []
        for (event, _), cell in self.cells.items():
            enabled = bool(self.cleaned_data.get(f"{cell.prefix}-enabled"))
            ids = self.cleaned_data.get(f"{cell.prefix}-channels") or []
            channels = [self.channels[pk] for pk in ids]
            params: dict[str, Any] = dict(cell.rule.params or {}) if cell.rule else {}
            if event in HOURS_EVENTS:
                hours = self.cleaned_data.get(f"{cell.prefix}-hours")
                if hours:
                    params["hours"] = hours
                else:
                    params.pop("hours", None)
            if cell.rule is None:
                if not enabled and not channels and not params:
                    continue
            else:
                old_channels = {c.pk for c in cell.rule.channels.all()}
                if (
                    cell.rule.enabled == enabled
                    and old_channels == {c.pk for c in channels}
                    and (cell.rule.params or {}) == params
                ):
                    continue
            out.append(
                {
                    "store": cell.store,
                    "event": event,
                    "enabled": enabled,
                    "channels": channels,
                    "params": params,
                }
            )
        return out
