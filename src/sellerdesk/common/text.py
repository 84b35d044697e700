"""Folding text for matching: lower case, no accents, one character for one.

The intent classifier and the feedback-removal check match their cue tables on folded
text and quote the original back by position, so folding must keep the length: a
character whose lower case or base letter is not one character stays as it is (``ß``,
``ǅ``), and the typographic apostrophes become ``'``.
"""

from __future__ import annotations

import unicodedata


class _FoldTable(dict[int, str]):
    """``str.translate`` table: lower case without accents, always one character."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        low = char.lower()
        if len(low) != 1:
            low = char
        if low in "\u2018\u2019\u02bc`\u00b4":
            folded = "'"
        elif low.isascii():
            folded = low
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)
            )
            folded = base if len(base) == 1 else low
        self[codepoint] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, keeping its length (``ß`` stays ``ß``)."""
    return text.translate(_FOLD)
