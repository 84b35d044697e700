"""Which importer reads which KIND (``sellerdesk import KIND FILE``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.module_loading import import_string

if TYPE_CHECKING:  # the CLI reads IMPORTERS before Django is set up
    from sellerdesk.imports.base import Importer

# Amazon's reports, then the desk's own CSVs (see README, "Importing").
IMPORTERS: dict[str, str] = {
    "orders": "sellerdesk.orders.importers.OrdersImporter",
    "feedback": "sellerdesk.feedback.importers.FeedbackImporter",
    "returns": "sellerdesk.returns.importers.ReturnsImporter",
    "fba-returns": "sellerdesk.returns.importers.FbaReturnsImporter",
    "settlement": "sellerdesk.claims.importers.SettlementImporter",
    "performance": "sellerdesk.imports.performance.PerformanceImporter",
    "claims": "sellerdesk.claims.importers.ClaimsImporter",
    "chargebacks": "sellerdesk.chargebacks.importers.ChargebacksImporter",
    "reviews": "sellerdesk.reviews.importers.ReviewsImporter",
    "questions": "sellerdesk.questions.importers.QuestionsImporter",
}


def importer_for(kind: str) -> type[Importer]:
    try:
        path = IMPORTERS[kind]
    except KeyError:
        known = ", ".join(sorted(IMPORTERS))
        raise ValueError(f"unknown import kind {kind!r} (known: {known})") from None
    cls: type[Importer] = import_string(path)
    return cls
