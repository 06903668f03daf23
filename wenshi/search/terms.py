"""Index terms of folded text: tokens, and pairs of neighbouring tokens with where they stand.

The folded text is read as a sequence of tokens: each CJK character, each Latin/digit word
and each other visible character (punctuation, symbols) is one token; white space only
separates. The index holds every token (with its frequency) and every pair of neighbouring
tokens (with the token positions where the pair starts), a pair written with a space
between when white space separates them (``黄河``, ``1958年``, ``yellow river``).

Dictionary segmentation (jieba) misses names and sub-word strings (马鸿宾部 is one jieba
token, so 马鸿宾 is never found); tokens and pairs miss nothing: a string of n ≥ 3 tokens
occurs at token position p exactly when its i-th pair starts at p + i for every i, so
every occurrence is found — and counted — from the index alone. A pair never equals a
token (a token is one CJK or other character, or a run of word characters; a pair holds
two CJK/other characters, or a non-word character and something else, or a space), so
both live in one field. Pure functions, no index: ``wenshi.search.store`` writes them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Characters indexed one by one: Han of every block, 〇, kana, Hangul syllables and jamo.
CJK_CLASS = (
    "\u3007\u3041-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\U00020000-\U000323af"
)
# A word character that is not CJK: letters and digits of every other script.
WORD_CLASS = rf"[^\W_{CJK_CLASS}]"
# Each token with the white space before it.
_TOKENS = re.compile(rf"(\s*)([{CJK_CLASS}]|{WORD_CLASS}+|\S)")


def pair(first: str, second: str, spaced: bool) -> str:
    """The index term of two neighbouring tokens."""
    return f"{first} {second}" if spaced else first + second


def index_terms(folded: str) -> tuple[Counter[str], dict[str, list[int]]]:
    """Every token of ``folded`` text with its frequency, and every pair of neighbouring
    tokens with the token positions where it starts (ascending)."""
    found = _TOKENS.findall(folded)
    tokens = [token for _space, token in found]
    starts: dict[str, list[int]] = {}
    for position, (first, (space, second)) in enumerate(zip(tokens, found[1:], strict=False)):
        key = f"{first} {second}" if space else first + second  # ``pair``, inlined
        where = starts.get(key)
        if where is None:
            starts[key] = [position]
        else:
            where.append(position)
    return Counter(tokens), starts


@dataclass(frozen=True)
class Sequence:
    """What a query term is in the index: its tokens and the pairs between them."""

    tokens: tuple[str, ...]
    pairs: tuple[str, ...]  # len(tokens) - 1 of them


def query_sequence(folded: str) -> Sequence:
    """The tokens and pairs of a folded query term (white space inside it is a gap)."""
    found = _TOKENS.findall(folded)
    tokens = tuple(token for _space, token in found)
    pairs = tuple(
        pair(first, second, bool(space))
        for first, (space, second) in zip(tokens, found[1:], strict=False)
    )
    return Sequence(tokens, pairs)
