"""The comment cut into spans, the removal check's evidence marked, for a page to draw.

Nothing here builds markup: a template renders each span's text auto-escaped, inside a
``<mark>`` when it is evidence, so buyer text is never marked safe.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sellerdesk.feedback.removal import GROUND_LABELS


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    grounds: tuple[str, ...] = ()  # the grounds this text is evidence for (none: plain text)

    @property
    def label(self) -> str:
        return "; ".join(GROUND_LABELS.get(g, g) for g in self.grounds)


def _occurrences(comment: str, word: str) -> list[tuple[int, int]]:
    """Where ``word`` stands in ``comment`` as a word of its own (as the check matched it:
    "ass" is not evidence inside "class")."""
    before = r"(?<!\w)" if word[:1].isalnum() else ""
    after = r"(?!\w)" if word[-1:].isalnum() else ""
    return [m.span() for m in re.finditer(before + re.escape(word) + after, comment)]


def evidence_spans(comment: str, evidence: Mapping[str, Sequence[str]]) -> list[Span]:
    """``comment`` as consecutive spans; every occurrence of an evidence word is a span of
    its own carrying its grounds (overlapping words of two grounds carry both)."""
    marks: list[set[str]] = [set() for _ in comment]
    for ground, words in evidence.items():
        for word in words:
            if not word:
                continue
            for start, end in _occurrences(comment, word):
                for index in range(start, end):
                    marks[index].add(ground)
    spans: list[Span] = []
    start = 0
    for index in range(1, len(comment) + 1):
        if index == len(comment) or marks[index] != marks[start]:
            grounds = tuple(g for g in GROUND_LABELS if g in marks[start])
            spans.append(Span(comment[start:index], grounds))
            start = index
    return spans
