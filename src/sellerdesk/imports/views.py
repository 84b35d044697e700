"""The import page of a store: upload a report file, and the store's import history."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from sellerdesk.imports.errors import ImportRefused
from sellerdesk.imports.forms import ImportUploadForm
from sellerdesk.imports.models import ImportRun, ImportStatus
from sellerdesk.imports.registry import IMPORTERS
from sellerdesk.imports.selectors import import_kinds, import_runs_for_store
from sellerdesk.imports.services import import_upload
from sellerdesk.imports.uploads import UPLOAD_LIMIT, StoredUpload, UploadToHome
from sellerdesk.web.generic import StoreListView
from sellerdesk.web.lists import Column, Filter, ListContext, ListSpec


def _kind_choices(ctx: ListContext) -> list[tuple[str, str]]:
    return [(kind, kind) for kind in IMPORTERS]


IMPORT_RUNS = ListSpec(
    noun="imports",
    columns=(
        Column("When", sort="when"),
        Column("Kind", sort="kind"),
        Column("File"),
        Column("By"),
        Column("Status"),
        Column("Result"),
    ),
    sorts={"when": ("started_at",), "kind": ("kind", "started_at")},
    default_sort="-when",
    filters=(
        Filter("kind", "Kind", choices=_kind_choices),
        Filter("status", "Status", choices=ImportStatus.choices),
    ),
    search_fields=("filename",),
    search_hint="File name",
)


# The upload handler must be in place before anything reads the body, and the CSRF
# check reads it: the check moves inside ``post`` (Django's documented pattern).
@method_decorator(csrf_exempt, name="dispatch")
class Imports(StoreListView):
    """``/s/<store_id>/imports/``: upload a report, and the store's import history.

    Every member sees the history; agents and owners may upload (a viewer's POST
    is refused with 403 before the body is read). The file is streamed to a
    directory of its own under ``SELLERDESK_HOME/uploads`` (``imports.uploads``),
    imported all or nothing with ``run_import(source="upload")`` and deleted,
    whatever the outcome. The answer is this page with the counts, or the
    refusal exactly as the CLI prints it (``file:line:column: reason``).

    The import runs inside the request. A report of a few thousand rows takes
    a second or two; the orders importer manages about 6,700 rows a second
    (docs/benchmarks.md), so a file near the 200 MB limit keeps the browser
    waiting for minutes and holds a write transaction that long. Very large
    files are better imported with the CLI on the server:
    ``sellerdesk import KIND FILE --store NAME``.
    """

    stream = "settings"
    title = "Import reports"
    spec = IMPORT_RUNS
    row_template = "imports/_run_row.html"
    template_name = "imports/imports.html"
    upload_limit = UPLOAD_LIMIT

    def get_queryset(self) -> QuerySet[ImportRun]:
        return import_runs_for_store(store=self.store)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if context["can_write"]:
            context.setdefault("form", ImportUploadForm(limit=self.upload_limit))
        context["kinds"] = import_kinds()
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        handler = UploadToHome(request, limit=self.upload_limit)
        request.upload_handlers = [handler]
        try:
            response: HttpResponse = csrf_protect(self._upload)(request, handler)
        finally:
            handler.discard()  # imported, refused or failed: the file goes
        return response

    def _upload(self, request: HttpRequest, handler: UploadToHome) -> HttpResponse:
        form = ImportUploadForm(
            request.POST, request.FILES, limit=self.upload_limit, too_large=handler.too_large
        )
        if not form.is_valid():
            return self._page(form=form, status=400)
        upload = cast(StoredUpload, form.cleaned_data["file"])  # the only handler: see post
        upload.close()
        try:
            result = import_upload(
                store=self.store, kind=form.cleaned_data["kind"], path=upload.path, user=self.user
            )
        except ImportRefused as exc:
            return self._page(form=form, refusal=str(exc), status=422)
        # A fresh form, with the kind kept for the next file of the same report.
        form = ImportUploadForm(limit=self.upload_limit, initial={"kind": result.kind})
        return self._page(form=form, result=result)

    def _page(self, *, status: int = 200, **extra: Any) -> HttpResponse:
        context = self.get_context_data(
            listing=self.get_listing(), row_template=self.row_template, **extra
        )
        return self.render_to_response(context, status=status)
