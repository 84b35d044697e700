"""Texts the desk sends to Amazon about a case (a claim response, an appeal, a
chargeback representation) pass the same compliance check as replies to buyers:
Amazon reads them, and the buyer may see what they quote."""

from __future__ import annotations

from sellerdesk.compliance import CheckContext, Finding, check, has_errors


class TextRejected(Exception):
    """The text breaks a rule that blocks sending; ``findings`` say where."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        errors = [f.message for f in findings if f.severity == "error"]
        super().__init__("; ".join(errors) or "the text breaks a rule")


def case_text_check(*, text: str, order_id: str) -> list[Finding]:
    """Every finding for ``text`` as a reply about ``order_id``."""
    return check(text, context=CheckContext(kind="reply", order_id=order_id))


def case_text_require(*, text: str, order_id: str) -> list[Finding]:
    """The findings (warnings only) of a text that may go; TextRejected if it may not."""
    findings = case_text_check(text=text, order_id=order_id)
    if has_errors(findings):
        raise TextRejected(findings)
    return findings
