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
