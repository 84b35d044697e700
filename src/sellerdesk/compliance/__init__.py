"""The compliance check (``compliance.check``): one entry point for every outbound text."""

from __future__ import annotations

from sellerdesk.compliance.rules import RULES, CheckContext, Finding, Kind


def check(text: str, *, context: CheckContext | None = None, kind: Kind = "reply") -> list[Finding]:
    """Every finding for ``text``, ordered by position; errors block sending."""
    ctx = context or CheckContext(kind=kind)
    findings = [f for rule in RULES for f in rule(text, ctx)]
    return sorted(findings, key=lambda f: (f.start, f.end, f.rule))


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


__all__ = ["CheckContext", "Finding", "check", "has_errors"]
