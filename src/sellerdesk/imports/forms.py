from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from sellerdesk.imports.selectors import import_kinds


def _kind_choices() -> list[tuple[str, str]]:
    return [(k.kind, f"{k.kind} — {k.description}") for k in import_kinds()]


def _megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


class ImportUploadForm(forms.Form):
    """A report file and the kind of report it is (``imports.registry``)."""

    kind = forms.ChoiceField(label="Kind of file", choices=_kind_choices)
    file = forms.FileField(label="File", required=False)

    def __init__(self, *args: Any, limit: int, too_large: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit, self.too_large = limit, too_large
        self.fields["file"].help_text = (
            f"Up to {_megabytes(limit)}: TSV, CSV, XML or JSON as Amazon or the desk writes "
            "it, or the same gzipped (.gz)."
        )

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data.get("file")
        if self.too_large:
            raise forms.ValidationError(
                f"The file is larger than {_megabytes(self.limit)}: import it with the "
                "command line (sellerdesk import KIND FILE --store NAME)."
            )
        if not isinstance(upload, UploadedFile):
            raise forms.ValidationError("Choose a file to import.")
        return upload
