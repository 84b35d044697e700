"""Amazon's return reason codes, the buyer's words for them, and whose fault they are.

From ``amazon-rules.md`` §7. A leading ``CR-`` may or may not be present in
reports; unknown codes are accepted with fault "unknown".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    words: str
    fault: str  # "seller", "buyer" or "unknown"


REASONS: dict[str, Reason] = {
    r.code: r
    for r in [
        Reason("CR-UNAUTHORIZED_PURCHASE", "Didn't approve purchase", "seller"),
        # Contested: some sellers count it as theirs. Amazon's table says buyer.
        Reason("CR-QUALITY_UNACCEPTABLE", "Performance or quality not adequate", "buyer"),
        Reason("CR-DAMAGED_BY_CARRIER", "Product and shipping box both damaged", "seller"),
        Reason("CR-ORDERED_WRONG_ITEM", "Bought by mistake", "buyer"),
        Reason("CR-SWITCHEROO", "Wrong item was sent", "seller"),
        Reason("CR-NOT_COMPATIBLE", "Incompatible or not useful", "buyer"),
        Reason("CR-UNWANTED_ITEM", "No longer needed", "buyer"),
        Reason("CR-DAMAGED_BY_FC", "Product damaged, shipping box OK", "seller"),
        Reason("CR-FOUND_BETTER_PRICE", "Better price available", "buyer"),
        Reason("CR-DEFECTIVE", "Item defective or doesn't work", "seller"),
        Reason("CR-MISSING_PARTS", "Missing parts or accessories", "seller"),
        Reason("CR-EXTRA_ITEM", "Received extra item", "seller"),
        Reason("AMZ-PG-BAD-DESC", "Inaccurate website description", "seller"),
        Reason("CR-MISSED_ESTIMATED_DELIVERY", "Item arrived too late", "seller"),
    ]
}


def normalize_code(code: str) -> str:
    """The canonical code: upper-case, with ``CR-`` where Amazon's table has it."""
    code = code.strip().upper().replace(" ", "_")
    if code in REASONS or not code:
        return code
    if f"CR-{code}" in REASONS:
        return f"CR-{code}"
    return code


def reason_for(code: str) -> Reason:
    normalized = normalize_code(code)
    return REASONS.get(normalized, Reason(normalized, "", "unknown"))


def code_for_words(words: str) -> str:
    """The code whose buyer's words match ``words`` (as return emails show them), or ""."""
    needle = words.strip().lower().rstrip(".")
    for reason in REASONS.values():
        if reason.words.lower() == needle:
            return reason.code
    return ""
