"""Near-duplicate detection: the same manuscript sent twice, or typed again with slips.

A bottom-k MinHash sketch of character 4-grams (punctuation and spaces ignored, so a
re-typed copy with other punctuation still matches) estimates the Jaccard resemblance of
two texts from 128 small integers stored with each manuscript.
"""

from __future__ import annotations

import re
import zlib
from array import array

K = 128
SHINGLE = 4
THRESHOLD = 0.7  # resemblance at or above which a text is flagged as a near-duplicate
_NOISE = re.compile(r"[\W_]+", re.UNICODE)


def _hashes(text: str) -> set[int]:
    core = _NOISE.sub("", text).lower()
    if len(core) < SHINGLE:
        return {zlib.crc32(core.encode("utf-8"))} if core else set()
    return {
        zlib.crc32(core[i : i + SHINGLE].encode("utf-8")) for i in range(len(core) - SHINGLE + 1)
    }


def sketch(text: str) -> bytes:
    """The K smallest shingle hashes of ``text``, as bytes for a BLOB column."""
    return array("I", sorted(_hashes(text))[:K]).tobytes()


def resemblance(a: bytes | None, b: bytes | None) -> float:
    """Estimated Jaccard resemblance (0–1) of the texts behind two sketches."""
    if not a or not b:
        return 0.0
    sa, sb = array("I"), array("I")
    sa.frombytes(a)
    sb.frombytes(b)
    set_a, set_b = set(sa), set(sb)
    union_bottom = sorted(set_a | set_b)[:K]
    if not union_bottom:
        return 0.0
    shared = sum(1 for h in union_bottom if h in set_a and h in set_b)
    return shared / len(union_bottom)
