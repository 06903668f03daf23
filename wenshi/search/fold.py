"""Folding for matching only: full-width → half-width, upper → lower case, traditional →
simplified, compatibility ideographs → unified ones.

Every character folds to exactly one character, so an offset in the folded text is the
same offset in the stored text: hits found on folded text are highlighted on the original,
which is never converted (converting stored text corrupts it: 头发 → 頭發).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

# Code points whose NFKC or lower-case form matters for search: Latin, Greek, Cyrillic,
# full-width forms, ideographic space and the compatibility ideographs.
_RANGES = (
    (0x0000, 0x0530),
    (0x3000, 0x3001),
    (0xF900, 0xFB00),
    (0xFF00, 0xFFEF),
    (0x2F800, 0x2FA20),
)


def _t2s_characters() -> dict[str, str]:
    """OpenCC's one-to-one traditional→simplified character table (first candidate)."""
    import opencc

    table: dict[str, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            source, _, targets = line.rstrip("\n").partition("\t")
            target = targets.split(" ")[0]
            if len(source) == 1 and len(target) == 1:
                table[source] = target
    return table


def _single(ch: str) -> str:
    """NFKC then lower case, kept only where the result is still one character."""
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        return ch
    lower = folded.lower()
    return lower if len(lower) == 1 else folded


@cache
def fold_table() -> dict[int, str]:
    """The ``str.translate`` table behind ``fold`` (built once, on first use)."""
    table: dict[int, str] = {}
    for start, end in _RANGES:
        for code in range(start, end):
            ch = chr(code)
            target = _single(ch)
            if target != ch:
                table[code] = target
    for source, target in _t2s_characters().items():
        table[ord(source)] = target
    # A simplified target may itself have a half-width form or case: fold to the end.
    return {code: _single(target) for code, target in table.items()}


def fold(text: str) -> str:
    """The matching form of ``text``; ``len(fold(t)) == len(t)`` always."""
    return text.translate(fold_table())
