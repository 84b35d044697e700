"""Case pages under ``/s/<store_id>/`` (included by ``web.urls``).

For each of ``claims`` and ``chargebacks``: ``<stream>_export`` (``export.csv``),
``<stream>_action`` (``<pk>/actions/``, POST), ``<stream>_evidence``
(``<pk>/evidence/``), ``<stream>_evidence_pdf`` and ``<stream>_evidence_zip``;
and ``case_settings`` (``cases/settings/``).
"""

from __future__ import annotations

from django.urls import URLPattern, path

from sellerdesk.cases.views import CaseSettingsView
from sellerdesk.chargebacks import views as chargebacks
from sellerdesk.claims import views as claims

case_patterns: list[URLPattern] = [
    path("cases/settings/", CaseSettingsView.as_view(), name="case_settings"),
    path("claims/export.csv", claims.ClaimExport.as_view(), name="claims_export"),
    path("claims/<int:pk>/actions/", claims.ClaimAction.as_view(), name="claims_action"),
    path("claims/<int:pk>/evidence/", claims.ClaimEvidence.as_view(), name="claims_evidence"),
    path(
        "claims/<int:pk>/evidence.pdf",
        claims.ClaimEvidencePdf.as_view(),
        name="claims_evidence_pdf",
    ),
    path(
        "claims/<int:pk>/evidence.zip",
        claims.ClaimEvidenceZip.as_view(),
        name="claims_evidence_zip",
    ),
    path(
        "chargebacks/export.csv", chargebacks.ChargebackExport.as_view(), name="chargebacks_export"
    ),
    path(
        "chargebacks/<int:pk>/actions/",
        chargebacks.ChargebackAction.as_view(),
        name="chargebacks_action",
    ),
    path(
        "chargebacks/<int:pk>/evidence/",
        chargebacks.ChargebackEvidence.as_view(),
        name="chargebacks_evidence",
    ),
    path(
        "chargebacks/<int:pk>/evidence.pdf",
        chargebacks.ChargebackEvidencePdf.as_view(),
        name="chargebacks_evidence_pdf",
    ),
    path(
        "chargebacks/<int:pk>/evidence.zip",
        chargebacks.ChargebackEvidenceZip.as_view(),
        name="chargebacks_evidence_zip",
    ),
]
