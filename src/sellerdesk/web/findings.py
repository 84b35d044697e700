"""Compliance findings as the pages show them: each with the words it points at."""

from __future__ import annotations

from dataclasses import dataclass

from sellerdesk.compliance import Finding


@dataclass(frozen=True, slots=True)
class ShownFinding:
    """A finding with the words it points at, for the page."""

    rule: str
    severity: str
    message: str
    excerpt: str


def shown_findings(text: str, findings: list[Finding], *, limit: int = 120) -> list[ShownFinding]:
    """Each finding with its stretch of ``text`` (stripped, at most ``limit`` characters)."""
    return [
        ShownFinding(f.rule, f.severity, f.message, text[f.start : f.end].strip()[:limit])
        for f in findings
    ]
