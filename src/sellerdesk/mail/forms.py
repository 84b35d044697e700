from __future__ import annotations

from django import forms

from sellerdesk.mail.models import Security


class ChannelForm(forms.Form):
    """A new IMAP + SMTP channel (``mail.services.channel_create``).

    Passwords are write-only: never rendered back into the page, even after an
    error (``render_value=False``).
    """

    name = forms.CharField(max_length=100, initial="Amazon mail")
    from_address = forms.EmailField(
        label="Sender address",
        help_text="The address Amazon knows as yours (Authorized Email Addresses).",
    )
    imap_host = forms.CharField(label="IMAP server", max_length=255)
    imap_port = forms.IntegerField(label="IMAP port", min_value=1, max_value=65535, initial=993)
    imap_security = forms.ChoiceField(
        label="IMAP security", choices=Security.choices, initial=Security.SSL
    )
    imap_user = forms.CharField(label="IMAP user", max_length=255)
    imap_password = forms.CharField(
        label="IMAP password", widget=forms.PasswordInput(render_value=False)
    )
    imap_folder = forms.CharField(label="Folder", max_length=255, initial="INBOX")
    smtp_host = forms.CharField(
        label="SMTP server", max_length=255, required=False, help_text="Empty: the IMAP server."
    )
    smtp_port = forms.IntegerField(label="SMTP port", min_value=1, max_value=65535, initial=587)
    smtp_security = forms.ChoiceField(
        label="SMTP security", choices=Security.choices, initial=Security.STARTTLS
    )
    smtp_user = forms.CharField(
        label="SMTP user", max_length=255, required=False, help_text="Empty: the IMAP user."
    )
    smtp_password = forms.CharField(
        label="SMTP password",
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Empty: the IMAP password.",
    )
    first_sync_days = forms.IntegerField(
        label="First fetch: days back", min_value=1, max_value=365, initial=30
    )


def _keep_password(label: str) -> forms.CharField:
    return forms.CharField(
        label=f"New {label} password",
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Empty: keep the stored one. Needed again when the server or user changes.",
    )


class ChannelEditForm(forms.Form):
    """An IMAP + SMTP channel's settings (``mail.services.channel_update``).

    The passwords are write-only: the fields are always empty, an empty one keeps
    the stored password, and nothing typed into them is rendered back.
    """

    imap_host = forms.CharField(label="IMAP server", max_length=255)
    imap_port = forms.IntegerField(label="IMAP port", min_value=1, max_value=65535)
    imap_security = forms.ChoiceField(label="IMAP security", choices=Security.choices)
    imap_user = forms.CharField(label="IMAP user", max_length=255)
    imap_password = _keep_password("IMAP")
    imap_folder = forms.CharField(label="Folder", max_length=255)
    move_to_folder = forms.CharField(
        label="Move processed mail to",
        max_length=255,
        required=False,
        help_text="A folder of the same mailbox. Empty: leave processed mail where it is.",
    )
    first_sync_days = forms.IntegerField(
        label="First fetch: days back",
        min_value=1,
        max_value=365,
        help_text="How far back the first fetch of a new mailbox reaches.",
    )
    fetch_interval_seconds = forms.IntegerField(
        label="Fetch every (seconds)", min_value=30, max_value=86400
    )
    smtp_host = forms.CharField(
        label="SMTP server", max_length=255, required=False, help_text="Empty: the IMAP server."
    )
    smtp_port = forms.IntegerField(label="SMTP port", min_value=1, max_value=65535)
    smtp_security = forms.ChoiceField(label="SMTP security", choices=Security.choices)
    smtp_user = forms.CharField(
        label="SMTP user", max_length=255, required=False, help_text="Empty: the IMAP user."
    )
    smtp_password = _keep_password("SMTP")
    from_address = forms.EmailField(
        label="Sender address",
        help_text="The address Amazon knows as yours (Authorized Email Addresses).",
    )

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        smtp = ("smtp_host", "smtp_port", "smtp_security", "smtp_user", "smtp_password",
                "from_address")  # fmt: skip
        return [
            ("Mail in (IMAP)", [self[name] for name in self.fields if name not in smtp]),
            ("Replies out (SMTP)", [self[name] for name in smtp]),
        ]
