"""Folding for matching only: full-width → half-width, upper → lower case, traditional →
simplified, compatibility ideographs → unified ones.

Every character folds to exactly one character, so an offset in the folded text is the
same offset in the stored text: hits found on folded text are highlighted on the original,
which is never converted (converting stored text corrupts it: 头发 → 頭發).
"""

from __future__ import annotations

import json
import os
import unicodedata
from functools import cache
from importlib import metadata
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


# Ideographs OpenCC may convert: the CJK blocks of every extension.
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x323B0))
_CACHE_VERSION = 1


def _t2s_characters() -> dict[str, str]:
    """Each ideograph OpenCC's t2s conversion turns into one other character, converted one
    by one (each on its own line, so no phrase rule applies) through OpenCC's public API.
    Kept in the user's cache folder: converting 100,000 characters takes about half a
    second, reading the result a few milliseconds."""
    import opencc
    from platformdirs import user_cache_dir

    version = metadata.version("opencc-python-reimplemented")
    cache = Path(user_cache_dir("wenshi")) / f"t2s-{version}-{_CACHE_VERSION}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    chars = [chr(code) for start, end in _HAN_RANGES for code in range(start, end)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    table = {
        source: target
        for source, target in zip(chars, converted, strict=True)
        if len(target) == 1 and target != source
    }
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cache)
    except OSError:
        pass  # no cache folder: build it again next time
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
